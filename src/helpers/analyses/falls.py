"""Falls of the men at the top of the secret police: how long from leaving the organs (or a harmless
post) to an arrest, a trial and a bullet, who died in the state's hands after an arrest, and the
quickest end; each number the report states is a claim (`helpers.evidence.claims`, built with the
helpers of `helpers.analyses.turnover_claims`). Who purged whom and fell in his turn is
`helpers.analyses.purges`.

A fall is read from the holder's tenures (`turnover.filled_positions`), the events he is the subject
of (`evidence.participants`) and his fate (`Dataset.fates()`). Every
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

import pandas as pd

from .. import evidence
from ..core.checks import check, check_person_ids
from ..core.errors import ParameterError
from ..data.dataset import memoised
from ..evidence import Dataset, claims, eras, sources
from ..evidence.claims import Claim
from ..evidence.fates import DEATH_FATES
from ..evidence.people import organs
from .turnover import PACKAGE, by_source, dated_span, filled_positions, source_word, tenures
from .turnover_claims import count_of, span_claim

#: The tenures the findings start from, once per process for the same data and arguments: the report
#: asks for them again under every reading of every finding (`Dataset.memo`, as each @memoised below).
_tenures = memoised(tenures)

#: The harmless posts the fallen were parked in before their arrest.
HARMLESS_POSTS = ("post-and-telegraph-commissar", "water-transport-commissar", "navy-commissar")
#: The steps of a fall, in their order, and how a reader names them.
STEPS = ("left", "demoted", "arrested", "tried", "died")
STEP_WORDS = {"left": "last post ended", "demoted": "moved to a harmless post", "arrested": "arrested",
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
    to (`custody_breaks`: a release, or a term that ran out, between the two), and none from the fall to
    an arrest after the case file's account ends (`eras.coverage_end`): the data does not follow service
    past it, so the end of the last post it holds is no fall (Beria's last post in the data ends in 1945;
    he was arrested in 1953 as head of the MVD).

    The spans are computed under each source that dates one of these steps (`sources.date_readings`): the
    package's reading first ('package'; `falls`' own dates), then each other source's, which takes its
    own date for a step where it gives one and the package's elsewhere. A reading whose spans are all
    the package's is left out. Columns: person_id, name, reading ('package' or a source_id),
    fall_to_arrest_min/max, fall_to_arrest_by, arrest_to_death_min/max, arrest_to_death_by (`_by`:
    the sources of the two dates, joined by ' + '; missing where a step is not recorded). In the order
    of `falls`, the package's reading first."""
    rows, broken = [], set(custody_breaks(ds, falls).person_id)
    unfollowed = set(arrested_after_the_account(ds, falls))
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
                cut = (stop == "died" and pid in broken) or (stop == "arrested" and pid in unfollowed)
                if begin and stop in bounds and not cut:
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


def arrested_after_the_account(ds: Dataset, falls: pd.DataFrame) -> list:
    """The people of `falls` with a post in the data (a last post or a harmless one) arrested only after
    the case file's account ends (`eras.coverage_end`: the arrest's earliest day is later), whose service
    the data does not follow up to the arrest: their fall, from that post, has no span to the arrest
    (`fall_spans`). One with no post in the data has no fall to measure at all (Merkulov, Mairanovsky)."""
    posted = set(falls.person_id[falls.step.isin(["left", "demoted"])])
    arrested = falls[(falls.step == "arrested") & (falls.earliest > eras.coverage_end(ds)) & falls.person_id.isin(posted)]
    return list(arrested.person_id)


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
    end = f"{eras.coverage_end(ds):%-d %b %Y}"
    names = falls.drop_duplicates("person_id").set_index("person_id").name
    for name in names.loc[arrested_after_the_account(ds, falls)]:
        wide.loc[name, "fall to arrest"] = f"— (arrested after the account's end, {end}: later posts not in the data)"
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
