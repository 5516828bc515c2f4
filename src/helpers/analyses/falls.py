"""Falls and purges of the men at the top of the secret police: how long from leaving the organs (or
a harmless post) to an arrest, a trial and a bullet, the quickest end, and who of the officials
removed or arrested another official only to be removed or arrested in his turn.

A fall is read from the holder's tenures (`turnover.filled_positions`), the events he is the subject
of (`evidence.participants`) and his fate (`Dataset.fates()`); removals from `evidence.acts`. Every
lag is a pair of bounds in days (`evidence.span_days`). A date two sources give differently is
never overwritten: the spans and the ranking built on them (the quickest end) are computed under each
source that dates a step (`evidence.readings`), and shown for each where they differ. Used by
`notebooks/02-leadership-turnover.ipynb`. Every option (people, a window of days, a switch) is
checked where it is taken: a wrong one raises `ParameterError` with one sentence.

`fall_table` is a table to read, so the words of its columns and cells (`STEP_WORDS`,
`reading_word`) live here; the sentences of the report are `helpers.captions.turnover`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check, check_days, check_person_ids
from ..evidence import Dataset, eras
from ..evidence.fates import DEATH_FATES
from ..evidence.people import organs
from .turnover import PACKAGE, by_source, dated_span, filled_positions, source_word

#: The harmless posts the fallen were parked in before their arrest.
HARMLESS_POSTS = ("post-and-telegraph-commissar", "water-transport-commissar", "navy-commissar")
#: Events that remove a person, and the roles that make someone the remover.
REMOVALS = ("arrest", "dismissal", "demotion")
PURGER_ROLES = evidence.ACTOR_ROLES
#: The side of the people who work for the organs (with anyone who held a post in them: `officials`).
OFFICIAL_SIDE = "apparatus"
#: The steps of a fall, in their order, and how a reader names them.
STEPS = ("left", "demoted", "arrested", "tried", "died")
STEP_WORDS = {"left": "left the organs", "demoted": "moved to a harmless post", "arrested": "arrested",
              "tried": "tried", "died": "died"}
#: The two spans of a fall: (name, the steps it may start from, earliest first, the step it ends at).
SPANS = (("fall_to_arrest", ("left", "demoted"), "arrested"), ("arrest_to_death", ("arrested",), "died"))


# --- the steps of a fall -------------------------------------------------------------------------

def _steps(pid, inside, harmless, arrests, trials) -> list[tuple]:
    """The steps of one person's fall before his death, as (step, what, date, earliest, latest,
    (target, target_id, field, source)): the end of his last tenure in the organs, his first harmless
    post, his first arrest from the start of that last tenure on, his first trial after it."""
    steps = []
    mine = inside[inside.person_id == pid].sort_values(["dated", "last_key", "open", "position_id"])
    last = mine.iloc[-1] if len(mine) else None
    if last is not None and pd.notna(last.end_earliest):
        steps.append(("left", last.title, last.end, last.end_earliest, last.end_latest,
                      ("position", last.position_id, "end", last.end_by)))
    h = harmless[harmless.person_id == pid]
    if len(h):
        first = h.iloc[0]
        steps.append(("demoted", first.title, first.start, first.start_earliest, first.start_latest,
                      ("position", first.position_id, "start", first.start_by)))
    since = None if last is None else last.start_earliest if pd.notna(last.start_earliest) else last.end_earliest
    a = arrests[arrests.person_id == pid]
    if since is not None and pd.notna(since):
        a = a[a.end >= since]
    if len(a):
        arrest = a.iloc[0]
        steps.append(("arrested", arrest.title, arrest.date, arrest.start, arrest.end,
                      ("event", arrest.event_id, "date", arrest.source_id)))
        tr = trials[(trials.person_id == pid) & (trials.end >= arrest.start)]
        if len(tr):
            t0 = tr.iloc[0]
            steps.append(("tried", t0.title, t0.date, t0.start, t0.end, ("event", t0.event_id, "date", t0.source_id)))
    return steps


def _lag_rows(pid, name, steps) -> list[dict]:
    """One row per step of `steps`, with its lag from the step before it (`evidence.span_days`)."""
    rows, prev = [], None
    for step, what, date, earliest, latest, (target, target_id, fld, src) in steps:
        lag = evidence.span_days(prev[3], prev[4], earliest, latest) if prev else (None, None)
        rows.append({"person_id": pid, "name": name, "step": step, "what": what, "date": date,
                     "earliest": earliest, "latest": latest, "after": prev[0] if prev else None,
                     "lag_min": lag[0], "lag_max": lag[1], "target": target, "target_id": target_id,
                     "field": fld, "source": src})
        prev = (step, what, date, earliest, latest)
    return rows


def fall_sequences(ds: Dataset, person_ids, fill_gaps: bool = True) -> pd.DataFrame:
    """The fall of each person who was moved to a harmless post or arrested: last post in the organs ->
    harmless post (HARMLESS_POSTS) -> arrest -> trial -> death, with the lag from each step to the
    one before it that the data records.

    left: the end of the person's last tenure in the organs (`organs`; the latest by end, an ongoing
    one counting as open); demoted: the start of his first harmless post; arrested: his first arrest
    from the start of that last tenure on; tried: his first trial after that arrest; died: his fate,
    when it is a death. A step the data lacks is left out. lag_min/lag_max bound the days since the
    previous recorded step (`evidence.span_days`; negative when this step came first, e.g. a harmless
    post taken while still in the organs). These are the package's dates; `fall_spans` reads the
    spans under each source. One row per person and step: person_id, name, step, what, date (EDTF),
    earliest, latest, after (the previous step), lag_min, lag_max, and where the date comes from:
    target ('position' or 'event'), target_id, field, source (the source_id that dates it). People in
    order of their first step.
    """
    check_person_ids(ds.people, "person_ids", person_ids)
    check("fill_gaps", fill_gaps, kind=bool)
    people = sorted(set(person_ids))
    pos = filled_positions(ds, fill_gaps)
    pos = pos[pos.person_id.isin(people)]
    inside = pos[pos.org_id.isin(organs(ds.organisations)) & ~pos.post.isin(HARMLESS_POSTS)].copy()
    lo, hi = dated_span(inside, eras.coverage_end(ds))
    inside["last_key"], inside["dated"], inside["open"] = hi, lo.notna(), inside.end_earliest.isna()
    harmless = pos[pos.post.isin(HARMLESS_POSTS) & pos.start_earliest.notna()].sort_values(["person_id", "start_earliest"])
    arrests = evidence.participants(ds, ("subject",), ["arrest"], people)
    trials = evidence.participants(ds, ("subject",), ["trial"], people)
    source_of = ds.events.set_index("event_id").source_id
    f = ds.fates()
    deaths = f[f.person_id.isin(people) & f.fate.isin(DEATH_FATES)].set_index("person_id")
    names = ds.people.set_index("person_id").name
    rows = []
    for pid in people:
        steps = _steps(pid, inside, harmless, arrests, trials)
        if not any(s[0] in ("demoted", "arrested") for s in steps):
            continue
        if pid in deaths.index:
            d = deaths.loc[pid]
            steps.append(("died", d.fate.replace("_", " "), d.date, d.start, d.end,
                          ("event", d.event_id, "date", source_of[d.event_id])))
        rows += _lag_rows(pid, names[pid], steps)
    cols = ["person_id", "name", "step", "what", "date", "earliest", "latest", "after", "lag_min", "lag_max",
            "target", "target_id", "field", "source"]
    out = pd.DataFrame(rows, columns=cols)
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    out["step"] = pd.Categorical(out.step, categories=list(STEPS), ordered=True)
    first = out.groupby("person_id").earliest.min()
    out["_first"] = out.person_id.map(first)
    out = out.sort_values(["_first", "person_id", "step"]).drop(columns="_first")
    return out.reset_index(drop=True)


# --- spans under each source ---------------------------------------------------------------------

def fall_spans(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """Per person and reading, the two spans of the question: from the fall (leaving the organs or the
    harmless post, whichever came first) to the arrest, and from the arrest to the death, each as
    bounds in days (`evidence.span_days`).

    The spans are computed under each source that dates one of these steps (`evidence.readings`): the
    package's reading first ('package'; `falls`' own dates), then each other source's, which takes its
    own date for a step where it gives one and the package's elsewhere. A reading whose spans are all
    the package's is left out. Columns: person_id, name, reading ('package' or a source_id),
    fall_to_arrest_min/max, fall_to_arrest_by, arrest_to_death_min/max, arrest_to_death_by (`_by`:
    the sources of the two dates, joined by ' + '; missing where a step is not recorded). In the order
    of `falls`, the package's reading first."""
    rows = []
    claims = evidence.dated_claims(ds)
    for pid, own in falls.groupby("person_id", sort=False):
        own = own[own.step.isin(["left", "demoted", "arrested", "died"])].reset_index(drop=True)
        ends = list(zip(own.target, own.target_id, own.field))
        rd = evidence.readings(ds, ends, claims)
        base = rd.iloc[0]
        found = []
        for x in rd.itertuples():
            bounds = {}
            for i, r in own.iterrows():
                date = getattr(x, f"date_{i}")
                given = x.source != PACKAGE and date is not None and date != base[f"date_{i}"]
                bounds[r.step] = ((getattr(x, f"earliest_{i}"), getattr(x, f"latest_{i}"), x.source) if given
                                  else (r.earliest, r.latest, r.source))
            row = {"person_id": pid, "name": own.name.iloc[0], "reading": x.source}
            for key, starts, stop in SPANS:
                begin = sorted((bounds[s] for s in starts if s in bounds), key=lambda b: (b[0], b[1]))
                if begin and stop in bounds:
                    a, b = begin[0], bounds[stop]
                    row[f"{key}_min"], row[f"{key}_max"] = evidence.span_days(a[0], a[1], b[0], b[1])
                    row[f"{key}_by"] = " + ".join(dict.fromkeys(sorted({a[2], b[2]})))
                else:
                    row[f"{key}_min"] = row[f"{key}_max"] = row[f"{key}_by"] = None
            spans = tuple(row[f"{k}_{m}"] for k, _, _ in SPANS for m in ("min", "max"))
            if spans not in found:
                found.append(spans)
                rows.append(row)
    cols = ["person_id", "name", "reading", "fall_to_arrest_min", "fall_to_arrest_max", "fall_to_arrest_by",
            "arrest_to_death_min", "arrest_to_death_max", "arrest_to_death_by"]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("fall_to_arrest_min", "fall_to_arrest_max", "arrest_to_death_min", "arrest_to_death_max"):
        out[c] = out[c].astype("Int64")
    return out


def quickest_end(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """The quickest end (the shortest longest-possible span from arrest to death) under each reading of
    `fall_spans`: for a source, each person's span is read from that source's dates where it gives
    them and from the package's elsewhere. Ties go to the shorter shortest span, then to the name.

    One row per reading, the package's first: reading, person_id, name, arrest_to_death_min,
    arrest_to_death_max, by (the sources of the two dates). Empty when no fall runs to a death."""
    spans = fall_spans(ds, falls).dropna(subset=["arrest_to_death_min"])
    cols = ["reading", "person_id", "name", "arrest_to_death_min", "arrest_to_death_max", "by"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    package = spans[spans.reading == PACKAGE].set_index("person_id")
    rows = []
    for reading in [PACKAGE] + sorted(set(spans.reading) - {PACKAGE}):
        mine = spans[spans.reading == reading].set_index("person_id")
        view = pd.concat([mine, package.drop(index=mine.index, errors="ignore")]).reset_index()
        best = view.sort_values(["arrest_to_death_max", "arrest_to_death_min", "name"]).iloc[0]
        rows.append({"reading": reading, "person_id": best.person_id, "name": best["name"],
                     "arrest_to_death_min": best.arrest_to_death_min, "arrest_to_death_max": best.arrest_to_death_max,
                     "by": best.arrest_to_death_by})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("arrest_to_death_min", "arrest_to_death_max"):
        out[c] = out[c].astype("Int64")
    return out


def outcomes(ds: Dataset, falls: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """How the falls of `fall_sequences` ended, as frames a sentence counts: `fallen` (one row per
    person), `dead` (the package's spans of those who died after an arrest the data records:
    `fall_spans`), `quickest` (`quickest_end`, under each source) and `demoted_first` (the harmless
    post taken before leaving the organs: a negative lag)."""
    spans = fall_spans(ds, falls)
    early = (falls.step == "demoted") & (falls.lag_max < 0).fillna(False)
    return {"fallen": falls.drop_duplicates("person_id"),
            "dead": spans[(spans.reading == PACKAGE) & spans.arrest_to_death_min.notna()],
            "quickest": quickest_end(ds, falls), "demoted_first": falls[early]}


def reading_word(reading: str, by: str) -> str:
    """How a reading is named in prose: the sources of its two dates for the package's ('case file +
    reference-facts'), else the source's own word (`source_word`)."""
    return " + ".join(source_word(s) for s in by.split(" + ")) if reading == PACKAGE else source_word(reading)


def fall_table(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """One row per person: the date of each step of the fall, with the lag since the previous step,
    e.g. '1939-04-10 (+369 days)', then the spans fall -> arrest and arrest -> death under each source
    where they differ (`fall_spans`), e.g. '8 days (case file) or 100 (reference-facts)'; '—' where
    the data records no such step. In the order of `falls`."""
    def cell(r):
        if pd.isna(r.lag_min):
            return r.date
        lag = f"{r.lag_min:+,}" if r.lag_min == r.lag_max else f"{r.lag_min:+,} to {r.lag_max:+,}"
        return f"{r.date} ({lag} days)"
    f = falls.assign(cell=[cell(r) for r in falls.itertuples()])
    wide = f.pivot(index="name", columns="step", values="cell")
    wide = wide.reindex(index=list(dict.fromkeys(falls.name)), columns=list(STEPS))
    wide.columns = [STEP_WORDS[s] for s in STEPS]
    wide.columns.name = None
    last_post = falls[falls.step == "left"].set_index("name").what
    wide.insert(0, "last post in the organs", last_post.reindex(wide.index))
    spans = fall_spans(ds, falls)
    for key, words in (("fall_to_arrest", "fall to arrest"), ("arrest_to_death", "arrest to death")):
        texts = {}
        for name, own in spans.groupby("name", sort=False):
            readings = [(reading_word(r.reading, getattr(r, f"{key}_by")), getattr(r, f"{key}_min"),
                         getattr(r, f"{key}_max")) for r in own.itertuples() if pd.notna(getattr(r, f"{key}_min"))]
            texts[name] = by_source(readings) if readings else None
        wide[words] = [texts.get(n) for n in wide.index]
    return wide.fillna("—")


# --- purgers purged ------------------------------------------------------------------------------

def officials(ds: Dataset) -> set[str]:
    """The officials of the organs: people of the `apparatus` side, and anyone who held a post in an
    organisation of the organs (`organs`) at any time."""
    held = ds.positions.person_id[ds.positions.org_id.isin(organs(ds.organisations))]
    return set(ds.people.person_id[ds.people.side == OFFICIAL_SIDE]) | set(held)


def removals(ds: Dataset, among_officials: bool = False) -> pd.DataFrame:
    """Who removed or arrested whom (`evidence.acts` on REMOVALS): one row per removal event with a
    subject and each person in a PURGER_ROLES role. among_officials: only acts where both the remover
    and the removed are officials of the organs (`officials`), i.e. a purge of the organs, not the
    capture of their enemies. Columns: purger_id, purger, role, purged_id, purged, event_id, type, date,
    start, end, certainty (the weakest of the event's and the two roles')."""
    check("among_officials", among_officials, kind=bool)
    x = evidence.acts(ds, REMOVALS, PURGER_ROLES).rename(columns={"actor": "purger_id", "victim": "purged_id"})
    if among_officials:
        inside = officials(ds)
        x = x[x.purger_id.isin(inside) & x.purged_id.isin(inside)]
    names = ds.people.set_index("person_id").name
    x = x.assign(purger=x.purger_id.map(names), purged=x.purged_id.map(names))
    cols = ["purger_id", "purger", "role", "purged_id", "purged", "event_id", "type", "date", "start", "end", "certainty"]
    return x[cols].sort_values(["start", "purger_id", "event_id"]).reset_index(drop=True)


def purger_purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """Purgers purged: each removal (arrest, dismissal, demotion) of an official of the organs by an
    official of the organs (`officials`: side `apparatus`, or a post in the organs) whose remover was
    himself removed or arrested later, with his own fall, who brought it about (anyone) and the lag in
    days (bounds, `evidence.span_days`).

    person_ids: keep the rows where the purger or the purged is one of them; start/end: keep acts whose
    date may fall in that window. Columns: purger, act, purged, date, certainty, purger_fell (type of
    his own removal), fell_date, fell_by, lag_min, lag_max. In order of the act's date.
    """
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    check_days(start, end, names=("start", "end"))
    rem = removals(ds, among_officials=True)
    every = removals(ds)
    own = evidence.participants(ds, ("subject",), REMOVALS)
    by = every.assign(who=every.purger + np.where(every.certainty == "stated", "", " (" + every.certainty + ")"))
    by = by.groupby("event_id").who.agg(lambda s: ", ".join(sorted(set(s))))
    rows = []
    for r in rem.itertuples():
        later = own[(own.person_id == r.purger_id) & (own.end > r.start) & (own.event_id != r.event_id)]
        if not len(later):
            continue
        fall = later.iloc[0]
        lo, hi = evidence.span_days(r.start, r.end, fall.start, fall.end)
        rows.append({"purger": r.purger, "act": f"{r.type} ({r.role.replace('_', ' ')})", "purged": r.purged,
                     "date": r.date, "certainty": r.certainty, "purger_fell": fall.type, "fell_date": fall.date,
                     "fell_by": by.get(fall.event_id, "—"), "lag_min": lo, "lag_max": hi,
                     "_purger_id": r.purger_id, "_purged_id": r.purged_id, "_start": r.start, "_end": r.end,
                     "_event": r.event_id})
    cols = ["purger", "act", "purged", "date", "certainty", "purger_fell", "fell_date", "fell_by", "lag_min", "lag_max"]
    out = pd.DataFrame(rows, columns=cols + ["_purger_id", "_purged_id", "_start", "_end", "_event"])
    keep = pd.Series(True, index=out.index)
    if person_ids is not None:
        ids = set(person_ids)
        keep &= out._purger_id.isin(ids) | out._purged_id.isin(ids)
    if start is not None:
        keep &= out._end >= pd.Timestamp(start)
    if end is not None:
        keep &= out._start <= pd.Timestamp(end)
    out = out[keep].sort_values(["_start", "purger", "_event"])
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    return out[cols].reset_index(drop=True)


def purgers(purged: pd.DataFrame) -> pd.DataFrame:
    """The officials behind the removals of `purger_purged`, one row each, in the order of their first
    removal."""
    return purged.drop_duplicates("purger")


def purge_chains(ds: Dataset, person_ids=None) -> pd.DataFrame:
    """Chains of purges A -> B -> C ...: A removed or arrested B after B had removed or arrested C, every
    link an act among officials of the organs (`removals(among_officials=True)`), time running
    backwards along the chain (each link's act begins no later than the previous link's ends).

    Built on `evidence.act_graph`; each link is the pair's first act. Only maximal chains of three
    people or more (not part of a longer one), and with person_ids only those that pass through one of
    them. Columns: chain (names with the act and its date on each link), people. Longest first, then
    alphabetical.
    """
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    acts = removals(ds, among_officials=True).rename(columns={"purger_id": "actor", "purged_id": "victim"})
    names = ds.people.set_index("person_id").name
    graph = evidence.act_graph(acts, names)
    first = acts.drop_duplicates(["actor", "victim"]).set_index(["actor", "victim"])
    paths = []

    def walk(path, last_end):
        nxt = [v for v in sorted(graph.successors(path[-1])) if v not in path
               and (last_end is None or first.loc[(path[-1], v), "start"] <= last_end)]
        if not nxt and len(path) >= 3:
            paths.append(tuple(path))
        for v in nxt:
            walk(path + [v], first.loc[(path[-1], v), "end"])

    for head in sorted(graph.nodes):
        walk([head], None)
    rows = []
    for path in paths:
        inner = any(path != q and any(q[i:i + len(path)] == path for i in range(len(q) - len(path) + 1)) for q in paths)
        if inner or (person_ids is not None and not set(path) & set(person_ids)):
            continue
        links = [first.loc[(a, b)] for a, b in zip(path, path[1:])]
        text = graph.nodes[path[0]]["name"] + "".join(
            f" —{e.type} {e.date}→ {graph.nodes[v]['name']}" for e, v in zip(links, path[1:]))
        rows.append({"chain": text, "people": len(path)})
    out = pd.DataFrame(rows, columns=["chain", "people"]).drop_duplicates()
    return out.sort_values(["people", "chain"], ascending=[False, True]).reset_index(drop=True)
