"""Falls and purges of the men at the top of the secret police: how long from leaving the organs (or
a harmless post) to an arrest, a trial and a bullet, who died in the state's hands after an arrest,
the quickest end, and who of the officials removed, arrested or had killed another official only to
be removed, arrested or killed in his turn; each number the report states is a claim
(`helpers.evidence.claims`, built with the helpers of `helpers.analyses.turnover_claims`).

A fall is read from the holder's tenures (`turnover.filled_positions`), the events he is the subject
of (`evidence.participants`) and his fate (`Dataset.fates()`); purges from `evidence.acts`. Every
lag is a pair of bounds in days (`evidence.span_days`). A death counts as one after an arrest only
while the custody can have lasted (`custody_breaks`): a release between the two, or a term a source
gives that ran out before the death, breaks it (Sudoplatov, released in 1968, died in 1996). A date
two sources give differently is never overwritten: the spans and the quickest end are computed under
each source that dates a step (`evidence.sources.date_readings`). Used by
`notebooks/02-leadership-turnover.ipynb`. A wrong option raises `ParameterError` with one sentence.

`fall_table` is a table to read, so the words of its columns and cells (`STEP_WORDS`,
`reading_word`) live here; the sentences of the report are `helpers.captions.turnover`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check, check_days, check_person_ids
from ..core.errors import ParameterError
from ..data.dataset import memoised
from ..evidence import Dataset, claims, eras, sources
from ..evidence.claims import Claim, Interval
from ..evidence.fates import DEATH_FATES
from ..evidence.people import organs
from .turnover import PACKAGE, by_source, dated_span, filled_positions, listed, source_word, tenures
from .turnover_claims import count_of, span_claim

#: The tenures the findings start from, once per process for the same data and arguments: the report
#: asks for them again under every reading of every finding (`Dataset.memo`, as each @memoised below).
_tenures = memoised(tenures)

#: The harmless posts the fallen were parked in before their arrest.
HARMLESS_POSTS = ("post-and-telegraph-commissar", "water-transport-commissar", "navy-commissar")
#: Events that remove a person, and the roles that make someone the remover.
REMOVALS = ("arrest", "dismissal", "demotion")
PURGER_ROLES = evidence.ACTOR_ROLES
#: Events that kill a person: an official who ordered, organised or carried out the killing of another
#: purged him as surely as one who had him arrested (Frinovsky had Zakovsky shot; Zakovsky seized Slutsky).
KILLINGS = ("execution", "assassination", "death")
#: How a purger fell in his turn: removed, arrested, or killed.
FALLS = REMOVALS + ("execution", "assassination")
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


@memoised
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


# --- custody: who died after an arrest -----------------------------------------------------------

@memoised
def custody_breaks(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """Of the falls of `fall_sequences` that run from an arrest to a death, those whose custody the data
    ends between the two, so that the death is not one after the arrest (released is not dead): a
    `release` of the person that may lie between them, or a term a source gives (`events.term_years` of
    an arrest, trial or sentence from the arrest on, running from that event's last day, as in
    `evidence.fates`) that ran out before the death. One row per such person: person_id, name, by
    ('release' or 'term'), event_id (the release, or the event that gives the longest term), date (its
    EDTF date), until (the last day the custody can have lasted), died (the death's EDTF date)."""
    cols = ["person_id", "name", "by", "event_id", "date", "until", "died"]
    steps = falls[falls.step.isin(["arrested", "died"])]
    both = steps.groupby("person_id").step.nunique()
    held = evidence.participants(ds, ("subject",), ["arrest", "trial", "death_sentence", "release"], list(both.index))
    rows, held_by = [], dict(tuple(held.groupby("person_id", sort=False)))
    for pid, own in steps[steps.person_id.isin(both.index[both == 2])].groupby("person_id", sort=True):
        arrest, death = (own[own.step == s].iloc[0] for s in ("arrested", "died"))
        mine = held_by.get(pid, held.iloc[:0])
        mine = mine[(mine.end >= arrest.earliest) & (mine.start <= death.latest)]
        release = mine[mine.type == "release"]
        termed = mine[mine.term_years.notna() & (mine.type != "release")]
        until = [r.end + pd.DateOffset(years=int(r.term_years)) for r in termed.itertuples()]
        if len(release):
            r = release.iloc[0]
            rows.append((pid, arrest["name"], "release", r.event_id, r.date, r.end, death.date))
        elif until and max(until) < death.earliest:
            r = termed.iloc[until.index(max(until))]
            rows.append((pid, arrest["name"], "term", r.event_id, r.date, max(until), death.date))
    return pd.DataFrame(rows, columns=cols)


# --- spans under each source ---------------------------------------------------------------------

@memoised
def fall_spans(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """Per person and reading, the two spans of the question: from the fall (leaving the organs or the
    harmless post, whichever came first) to the arrest, and from the arrest to the death, each as
    bounds in days (`evidence.span_days`); no span from the arrest to a death the custody did not run
    to (`custody_breaks`: a release, or a term that ran out, between the two).

    The spans are computed under each source that dates one of these steps (`sources.date_readings`): the
    package's reading first ('package'; `falls`' own dates), then each other source's, which takes its
    own date for a step where it gives one and the package's elsewhere. A reading whose spans are all
    the package's is left out. Columns: person_id, name, reading ('package' or a source_id),
    fall_to_arrest_min/max, fall_to_arrest_by, arrest_to_death_min/max, arrest_to_death_by (`_by`:
    the sources of the two dates, joined by ' + '; missing where a step is not recorded). In the order
    of `falls`, the package's reading first."""
    rows, broken = [], set(custody_breaks(ds, falls).person_id)
    dated = evidence.dated_claims(ds)
    for pid, own in falls.groupby("person_id", sort=False):
        own = own[own.step.isin(["left", "demoted", "arrested", "died"])].reset_index(drop=True)
        ends = list(zip(own.target, own.target_id, own.field))
        rd = sources.date_readings(ds, ends, dated)
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
                if begin and stop in bounds and not (stop == "died" and pid in broken):
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
    arrest_to_death_max, by (the sources of the two dates), may_be_quicker (the others whose shortest span,
    at least 0 days, is below the quickest's longest: room for a quicker end). Empty when no fall ends in death."""
    spans = fall_spans(ds, falls).dropna(subset=["arrest_to_death_min"])
    cols = ["reading", "person_id", "name", "arrest_to_death_min", "arrest_to_death_max", "by", "may_be_quicker"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    package = spans[spans.reading == PACKAGE].set_index("person_id")
    rows = []
    for reading in [PACKAGE] + sorted(set(spans.reading) - {PACKAGE}):
        mine = spans[spans.reading == reading].set_index("person_id")
        view = pd.concat([mine, package.drop(index=mine.index, errors="ignore")]).reset_index()
        best = view.sort_values(["arrest_to_death_max", "arrest_to_death_min", "name"]).iloc[0]
        room = (view.person_id != best.person_id) & evidence.may_be_below(view.arrest_to_death_min, best.arrest_to_death_max)
        rows.append({"reading": reading, "person_id": best.person_id, "name": best["name"],
                     "arrest_to_death_min": best.arrest_to_death_min, "arrest_to_death_max": best.arrest_to_death_max,
                     "by": best.arrest_to_death_by, "may_be_quicker": sorted(view.name[room])})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("arrest_to_death_min", "arrest_to_death_max"):
        out[c] = out[c].astype("Int64")
    return out


def outcomes(ds: Dataset, falls: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """How the falls of `fall_sequences` ended, as frames a sentence counts: `fallen` (one row per
    person), `dead` (the package's spans of those who died after an arrest the data records, the custody
    unbroken: `fall_spans`), `released` (those whose custody a release or a term's end broke before
    their death: `custody_breaks`), `quickest` (`quickest_end`, under each source) and `demoted_first`
    (the harmless post taken before leaving the organs: a negative lag)."""
    spans = fall_spans(ds, falls)
    early = (falls.step == "demoted") & (falls.lag_max < 0).fillna(False)
    return {"fallen": falls.drop_duplicates("person_id"),
            "dead": spans[(spans.reading == PACKAGE) & spans.arrest_to_death_min.notna()],
            "released": custody_breaks(ds, falls), "quickest": quickest_end(ds, falls), "demoted_first": falls[early]}


def reading_word(reading: str, by: str) -> str:
    """How a reading is named in prose: the sources of its two dates for the package's ('case file +
    reference-facts'), else the source's own word (`source_word`)."""
    return " + ".join(source_word(s) for s in by.split(" + ")) if reading == PACKAGE else source_word(reading)


def fall_table(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """One row per person: the date of each step of the fall, with the lag since the previous step,
    e.g. '1939-04-10 (+369 days)', then the spans fall -> arrest and arrest -> death under each source
    where they differ (`fall_spans`), e.g. '8 days (case file) or 100 (reference-facts)'; '—' where
    the data records no such step, with what broke the custody where a release or a term's end came
    between the arrest and the death (`custody_breaks`). In the order of `falls`."""
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
    for r in custody_breaks(ds, falls).itertuples():  # no span from the arrest to a death the custody did not run to
        wide.loc[r.name, "arrest to death"] = (f"— (released {r.date})" if r.by == "release"
                                               else f"— (term ran out {r.until:%Y-%m-%d})")
    return wide.fillna("—")


# --- the falls as claims --------------------------------------------------------------------------

DEAD_RULE = ("Holders who died after an arrest the data records, the custody unbroken: no release of theirs "
             "and no end of a term a source gives between the arrest and the death (custody_breaks)")
QUICKEST_RULE = ("The quickest end: of the holders who died after an arrest, custody unbroken, the shortest "
                 "longest-possible span from the arrest to the death; ties to the shorter shortest span, then the name")


def fall_claims(ds: Dataset, falls: pd.DataFrame, outcome: dict) -> dict[str, Claim]:
    """What the sentence on the falls states: `fallen` (the holders moved to a harmless post or
    arrested: people, resting on those posts and arrests) and `dead` (those who died after an arrest,
    custody unbroken: people, on their arrest and death events)."""
    why = falls[falls.step.isin(["demoted", "arrested"])]
    ends = falls[falls.person_id.isin(outcome["dead"].person_id) & falls.step.isin(["arrested", "died"])]
    return {"fallen": count_of(ds, "people", dict.fromkeys(falls.person_id), "Holders shown who were moved to a "
                               "harmless post or arrested", {"positions": why.target_id[why.target == "position"],
                                                             "events": why.target_id[why.target == "event"]}),
            "dead": count_of(ds, "people", outcome["dead"].person_id, DEAD_RULE, {"events": ends.target_id})}


def _step_end(ds: Dataset, event_id: str, reading: str) -> tuple:
    """The rows an event's date rests on under a reading: a source's own attestations of it where it
    gives any (their hull), else the event."""
    a = ds.attestations
    own = a[(a.event_id == event_id) & (a.field == "date") & (a.source_id == reading)] if reading != PACKAGE else a[:0]
    return ("attestations", tuple(own.attestation_id), "date") if len(own) else ("events", (event_id,), "date")


def quickest_claim(ds: Dataset, falls: pd.DataFrame, parameters=None) -> Claim:
    """Who met the quickest end (`quickest_end`'s package reading) as a claim whose query ranks the same
    arrest and death events; ParameterError when no holder shown died after an arrest."""
    dead = falls[falls.person_id.isin(fall_spans(ds, falls).dropna(subset=["arrest_to_death_min"]).person_id)]
    best = quickest_end(ds, falls)
    if best.empty:
        raise ParameterError("No holder shown died after an arrest the data records: there is no quickest end.")
    pairs = [(pid, own.target_id[own.step == "arrested"].iloc[0], own.target_id[own.step == "died"].iloc[0])
             for pid, own in dead.groupby("person_id", sort=False)]
    union = " UNION ALL ".join(f"SELECT '{p}' AS person_id, '{a}' AS arrest, '{d}' AS death" for p, a, d in pairs)
    sql = (f"SELECT p.name FROM ({union}) x JOIN people p ON p.person_id = x.person_id JOIN events a ON a.event_id = "
           "x.arrest JOIN events d ON d.event_id = x.death ORDER BY julianday(d.date_end) - julianday(a.date_start), "
           "julianday(d.date_start) - julianday(a.date_end), p.name LIMIT 1")
    return claims.make(ds, best.name.iloc[0], QUICKEST_RULE, sql, {"people": [p for p, _, _ in pairs],
                       "events": [e for _, a, d in pairs for e in (a, d)]}, parameters)


@memoised
def quickest(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True) -> Claim:
    """The finding of "From the fall to the bullet": who of the holders of the posts in the window met
    the quickest end from arrest to death (`quickest_claim`). Pure: a Dataset in, a Claim out."""
    shown = _tenures(ds, list(posts), start, end, include_acting=include_acting)
    return quickest_claim(ds, fall_sequences(ds, shown.person_id),
                          {"posts": list(posts), "start": start, "end": end, "include_acting": include_acting})


def quickest_spans(ds: Dataset, falls: pd.DataFrame) -> list[tuple[str, str, Claim]]:
    """The quickest end's days from arrest to death under each reading of `quickest_end`, as claims
    resting on the dates of that reading: [(reading, name, claim), ...], the package's first."""
    steps = falls.set_index(["person_id", "step"]).target_id
    out = []
    for r in quickest_end(ds, falls).itertuples():
        first, last = (_step_end(ds, steps[(r.person_id, s)], r.reading) for s in ("arrested", "died"))
        out.append((r.reading, r.name, span_claim(ds, first, last, f"Days from {r.name}'s arrest to his death, "
                                                                      f"reading '{r.reading}'")))
    return out


# --- purgers purged ------------------------------------------------------------------------------

def officials(ds: Dataset) -> set[str]:
    """The officials of the organs: people of the `apparatus` side, and anyone who held a post in an
    organisation of the organs (`organs`) at any time."""
    held = ds.positions.person_id[ds.positions.org_id.isin(organs(ds.organisations))]
    return set(ds.people.person_id[ds.people.side == OFFICIAL_SIDE]) | set(held)


@memoised
def _acts(ds: Dataset, types, among_officials: bool) -> pd.DataFrame:
    """`evidence.acts` on `types` with the PURGER_ROLES, named; among_officials: only acts where both
    the actor and the subject are officials of the organs (`officials`)."""
    x = evidence.acts(ds, types, PURGER_ROLES).rename(columns={"actor": "purger_id", "victim": "purged_id"})
    if among_officials:
        inside = officials(ds)
        x = x[x.purger_id.isin(inside) & x.purged_id.isin(inside)]
    names = ds.people.set_index("person_id").name
    x = x.assign(purger=x.purger_id.map(names), purged=x.purged_id.map(names))
    cols = ["purger_id", "purger", "role", "purged_id", "purged", "event_id", "type", "date", "start", "end", "certainty"]
    return x[cols].sort_values(["start", "purger_id", "event_id"]).reset_index(drop=True)


def removals(ds: Dataset, among_officials: bool = False) -> pd.DataFrame:
    """Who removed or arrested whom (`evidence.acts` on REMOVALS): one row per removal event with a
    subject and each person in a PURGER_ROLES role. among_officials: only acts where both the remover
    and the removed are officials of the organs (`officials`). Columns: purger_id, purger, role,
    purged_id, purged, event_id, type, date, start, end, certainty (the weakest of the event's and the
    two roles')."""
    check("among_officials", among_officials, kind=bool)
    return _acts(ds, REMOVALS, among_officials)


def purges(ds: Dataset) -> pd.DataFrame:
    """The purges of the organs: every removal, arrest or killing (REMOVALS, KILLINGS) of an official
    of the organs that another official ordered, organised or carried out (the columns of `removals`).
    The capture of the organs' enemies is no purge: both must be officials (`officials`)."""
    return _acts(ds, REMOVALS + KILLINGS, among_officials=True)


def _kept(purger: pd.Series, purged: pd.Series, first: pd.Series, last: pd.Series, person_ids, start, end) -> pd.Series:
    """Which purges to keep: with one of `person_ids` on either side, and dated so they may fall in the window."""
    keep = purger.isin(set(person_ids)) | purged.isin(set(person_ids)) if person_ids is not None else \
        pd.Series(True, index=purger.index)
    if start is not None:
        keep &= last >= pd.Timestamp(start)
    if end is not None:
        keep &= first <= pd.Timestamp(end)
    return keep


@memoised
def _purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """`purger_purged` with the ids behind each row: _purger_id, _purged_id, _event (the act), _role,
    _fall (the purger's own fall) and _fall_certainty."""
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    check_days(start, end, names=("start", "end"))
    every, own = _acts(ds, FALLS, False), evidence.participants(ds, ("subject",), FALLS)
    by = every.assign(who=every.purger + np.where(every.certainty == "stated", "", " (" + every.certainty + ")"))
    by = by.groupby("event_id").who.agg(lambda s: ", ".join(sorted(set(s))))
    rows = []
    for r in purges(ds).itertuples():
        later = own[(own.person_id == r.purger_id) & (own.end > r.start) & (own.event_id != r.event_id)]
        if not len(later):
            continue
        fall = later.iloc[0]
        lo, hi = evidence.span_days(r.start, r.end, fall.start, fall.end)
        rows.append({"purger": r.purger, "act": f"{r.type} ({r.role.replace('_', ' ')})", "purged": r.purged,
                     "date": r.date, "certainty": r.certainty, "purger_fell": fall.type, "fell_date": fall.date,
                     "fell_by": by.get(fall.event_id, "—"), "lag_min": lo, "lag_max": hi, "_purger_id": r.purger_id,
                     "_purged_id": r.purged_id, "_start": r.start, "_end": r.end, "_event": r.event_id, "_role": r.role,
                     "_fall": fall.event_id, "_fall_certainty": fall.certainty})
    out = pd.DataFrame(rows, columns=PURGED_COLUMNS + ["_purger_id", "_purged_id", "_start", "_end", "_event", "_role",
                                                       "_fall", "_fall_certainty"])
    out = out[_kept(out._purger_id, out._purged_id, out._start, out._end, person_ids, start, end)]
    out = out.sort_values(["_start", "purger", "_event"])
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    return out.reset_index(drop=True)


PURGED_COLUMNS = ["purger", "act", "purged", "date", "certainty", "purger_fell", "fell_date", "fell_by", "lag_min",
                  "lag_max"]


def purger_purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """Purgers purged: each purge (`purges`: a removal, arrest or killing of an official of the organs
    that another official ordered, organised or carried out) whose purger was himself removed, arrested
    or killed later (FALLS), with his own fall, who brought it about (anyone) and the lag in days
    (bounds, `evidence.span_days`).

    person_ids: keep the rows where the purger or the purged is one of them; start/end: keep acts whose
    date may fall in that window. Columns: purger, act (its type and the purger's role), purged, date,
    certainty, purger_fell (type of his own fall), fell_date, fell_by, lag_min, lag_max. In order of the
    act's date."""
    return _purged(ds, person_ids, start, end)[PURGED_COLUMNS]


def purgers(purged: pd.DataFrame) -> pd.DataFrame:
    """The officials behind the purges of `purger_purged`, one row each, in the order of their first."""
    return purged.drop_duplicates("purger")


PURGERS_RULE = ("Officials of the organs who removed, arrested, ordered or carried out the killing of another official "
                "(the actor roles: ordered by, organiser, perpetrator) and were later removed, arrested or killed "
                "themselves; plainly when an act and the fall after it are stated")


def purgers_claim(ds: Dataset, purged: pd.DataFrame, parameters=None) -> Claim:
    """How many officials purged another and fell in their turn (`_purged`'s rows) as an Interval: from
    those with an act and a later fall both stated to all of them. Its text gives the count and the
    names, in the order of their first act, those only on doubt marked. The query checks each act's and
    fall's certainty, and that no unofficial account says a killing was none (`evidence.acts`)."""
    sure = purged[(purged.certainty == "stated") & (purged._fall_certainty == "stated")]
    low, high, firm = sure._purger_id.nunique(), purged._purger_id.nunique(), set(sure._purger_id)
    names = ", ".join(dict.fromkeys(n if p in firm else f"{n} (on doubt)" for n, p in zip(purged.purger, purged._purger_id)))
    parts = [f"SELECT '{r.purger_id}' AS purger, (SELECT MIN(certainty = 'stated' AND role_certainty = 'stated') FROM "
             f"event_people WHERE (event_id = '{r.event}' AND ((person_id = '{r.purger_id}' AND role = '{r.role}') OR "
             f"(person_id = '{r.purged_id}' AND role = 'subject'))) OR (event_id = '{r.fall}' AND person_id = "
             f"'{r.purger_id}' AND role = 'subject')) AND NOT EXISTS (SELECT 1 FROM accounts a JOIN events e ON "
             f"e.event_id = a.event_id WHERE a.event_id = '{r.event}' AND e.type IN {evidence.KILLING_TYPES} AND a.kind <> "
             "'official' AND a.claim <> 'killing') AS ok"
             for r in purged.rename(columns=lambda c: c.lstrip("_")).itertuples()]
    sql = ("SELECT COUNT(DISTINCT CASE WHEN ok THEN purger END) AS low, COUNT(DISTINCT purger) AS high FROM ("
           + " UNION ALL ".join(parts) + ")") if parts else "SELECT 0 AS low, 0 AS high"
    roles = [f"{e} | {p} | {role}" for e, p, role in zip(purged._event, purged._purger_id, purged._role)] + [
        f"{e} | {p} | subject" for e, p in [*zip(purged._event, purged._purged_id), *zip(purged._fall, purged._purger_id)]]
    text = (str(high) if low == high else f"between {low} and {high}") + (f" ({names})" if names else "")
    return claims.make(ds, Interval(low, high), PURGERS_RULE, sql, {
        "people": list(dict.fromkeys(purged._purger_id)), "events": [*purged._event, *purged._fall], "roles": roles},
        parameters, text)


def unpurged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """The purges the rule of `purger_purged` leaves out, with the same filters: those whose purger the data
    never shows removed, arrested or killed after them. Columns: purger, act, purged, date, certainty."""
    acts, kept = purges(ds), set(zip(*[_purged(ds, person_ids, start, end)[c] for c in ("_event", "_purger_id")]))
    acts = acts[_kept(acts.purger_id, acts.purged_id, acts.start, acts.end, person_ids, start, end)]
    out = acts[[(e, p) not in kept for e, p in zip(acts.event_id, acts.purger_id)]]
    return out.assign(act=out.type + " (" + out.role.str.replace("_", " ") + ")")[
        ["purger", "act", "purged", "date", "certainty"]].reset_index(drop=True)


def purge_acts(ds: Dataset, person_ids=None, start=None, end=None) -> Claim:
    """How many purges (their events) stand behind the rows of `purger_purged`."""
    return count_of(ds, "events", list(dict.fromkeys(_purged(ds, person_ids, start, end)._event)),
                    "Purges (removals, arrests, killings of an official by officials) whose purger fell in his turn")


@memoised
def purged_purgers(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True) -> Claim:
    """The finding of "Purgers purged": the officials who purged another official (`purges`) and fell in
    their turn, among the acts in the window with a holder of the posts shown on either side
    (`purgers_claim`). Pure: a Dataset in, a Claim out."""
    shown = _tenures(ds, list(posts), start, end, include_acting=include_acting)
    return purgers_claim(ds, _purged(ds, list(dict.fromkeys(shown.person_id)), start, end),
                         {"posts": list(posts), "start": start, "end": end, "include_acting": include_acting})


def _chains(ds: Dataset, person_ids=None) -> list[tuple[str, int, list[str]]]:
    """The maximal chains of `purge_chains` as (text, people, the event of each link)."""
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    acts = purges(ds).rename(columns={"purger_id": "actor", "purged_id": "victim"})
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
    out = []
    for path in paths:
        inner = any(path != q and any(q[i:i + len(path)] == path for i in range(len(q) - len(path) + 1)) for q in paths)
        if inner or (person_ids is not None and not set(path) & set(person_ids)):
            continue
        links = [first.loc[(a, b)] for a, b in zip(path, path[1:])]
        text = graph.nodes[path[0]]["name"] + "".join(
            f" —{e.type} {e.date}{'' if e.certainty == 'stated' else f' ({e.certainty})'}→ {graph.nodes[v]['name']}"
            for e, v in zip(links, path[1:]))
        if text not in [t for t, _, _ in out]:
            out.append((text, len(path), [e.event_id for e in links]))
    return sorted(out, key=lambda c: (-c[1], c[0]))


def purge_chains(ds: Dataset, person_ids=None) -> pd.DataFrame:
    """Chains of purges A -> B -> C ...: A purged B after B had purged C, every link a purge among
    officials of the organs (`purges`: a removal, an arrest or a killing), time running backwards along
    the chain (each link's act begins no later than the previous link's ends).

    Built on `evidence.act_graph`; each link is the pair's first act. Only maximal chains of three
    people or more (not part of a longer one), and with person_ids only those that pass through one of
    them. Columns: chain (names with the act and its date on each link, and its certainty where it is
    not stated), people. Longest first, then alphabetical.
    """
    return pd.DataFrame([(t, n) for t, n, _ in _chains(ds, person_ids)], columns=["chain", "people"])


def chains_claim(ds: Dataset, person_ids=None) -> Claim:
    """How many chains `purge_chains` finds, as a claim on the events of their links; its query counts
    the chains whose every link's event is in the data."""
    chains = _chains(ds, person_ids)
    parts = [f"SELECT (SELECT COUNT(*) FROM events WHERE event_id IN {listed(ev)}) = {len(set(ev))} AS whole"
             for _, _, ev in chains]
    sql = f"SELECT COALESCE(SUM(whole), 0) FROM ({' UNION ALL '.join(parts)})" if parts else "SELECT 0"
    return claims.make(ds, len(chains), "Maximal chains of three officials or more, each purging the next, time "
                       "running backwards along the chain", sql, {"events": [e for _, _, ev in chains for e in ev]})
