"""How long officials lasted in the organs, and how old they were (section 2 of
`notebooks/03-fates-of-officials.ipynb`); who is an official, and when each entered the organs, is
`helpers.analyses.fates` (`entries`, `unplaced`, `cohort_order`).

- `survival_table` turns entry and death (or arrest) into right-censored durations, and
  `survival_counts` counts what the report says of them;
- `km_medians` fits Kaplan-Meier curves per cohort with lifelines and gives their medians;
  `survival_curves` gives what the figure (`figures.fates.survival`) draws: each cohort's fitted
  survival function with its 95% band and its censoring marks, over that of all officials, or one
  bar per official where a cohort is too small for a curve (`fates.MIN_CURVE` people) or has no
  event (`no_curve` says why);
- `ages` gives the officials' ages at entry and at death, and `age_summary` their medians.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check
from ..evidence import Dataset
from ..evidence import eras as eras_
from ..evidence.fates import DEATH_FATES
from .fates import APPARATUS, COHORTS, EVENTS_OF_INTEREST, MIN_CURVE, NO_END, cohort_order, entries, surname

YEAR_DAYS = 365.25
#: The cohort of `survival_curves` that holds every official: the curve drawn behind the others.
ALL = "all officials"


# --- durations ---------------------------------------------------------------------------------

#: Fates after which the sources lose a person without a death: censored at that record (`survival_table`).
LOST = ("sentenced_to_death", "imprisoned", "disappeared")


def survival_table(ds: Dataset, event: str = "death", until: pd.Timestamp | None = None) -> pd.DataFrame:
    """Time from entry into the organs to death (or arrest), one row per official with a dated entry
    (`fates.entries`; `fates.unplaced` lists the others).

    event='death': any death (DEATH_FATES). event='arrest': the first arrest, kidnapping or trial
    whose latest day falls after the entry point; an execution or a death in custody with no such
    event counts at its date (the arrest came no later). A person who dies without the event of
    interest is censored at the death. Everyone else is right-censored at `until` (default: the end
    of the case file's coverage, `eras.coverage_end`), and so is an event whose midpoint falls after
    it: no recorded end means alive and free until then; one whose last record is LOST (Kazakov's death
    sentence of 1938) is censored at that record, the last day the sources show him.

    Dates are bounds. `years` runs from the entry midpoint to the end midpoint (the fit the notebook
    draws); `years_shortest` from the latest entry to the earliest end, `years_longest` from the
    earliest entry to the latest end; the three are fitted separately to show what the bounds allow.
    Cohorts: `era` is the era of the entry midpoint, `level` the tier of the first dated post (the
    highest post reached would favour those who lived long enough to rise).
    """
    check("event", event, choices=EVENTS_OF_INTEREST)
    if until is not None:
        check("until", until, kind=pd.Timestamp)
    until = eras_.coverage_end(ds) if until is None else pd.Timestamp(until)
    entry = entries(ds).dropna(subset=["entry"])
    fates = ds.fates().set_index("person_id")
    seized = evidence.participants(ds, ("subject",), ("arrest", "kidnapping", "trial"))
    rows = []
    for person in entry.itertuples(index=False):
        fate = fates.loc[person.person_id] if person.person_id in fates.index else None
        died = fate is not None and fate.fate in DEATH_FATES
        hit = None  # (event_id, earliest, latest) of the event of interest
        if event == "death" and died:
            hit = (fate.event_id, fate.start, fate.end)
        elif event == "arrest":
            own = seized[(seized.person_id == person.person_id) & (seized.end > person.entry)]
            if len(own):
                first = own.iloc[0]
                hit = (first.event_id, first.start, first.end)
            elif died and fate.fate in ("executed", "died_in_custody"):
                hit = (fate.event_id, fate.start, fate.end)
        if hit is not None and evidence.midpoint(hit[1], hit[2]) <= until:
            event_id, end_earliest, end_latest, observed = *hit, True
        elif fate is not None and (died or fate.fate in LOST) and pd.notna(fate.start) and fate.start <= until:
            event_id, end_earliest, end_latest, observed = fate.event_id, fate.start, min(fate.end, until), False
        else:
            event_id, end_earliest, end_latest, observed = None, until, until, False
        rows.append({"person_id": person.person_id, "name": person.name, "era": person.entry_era,
                     "level": person.entry_tier, "entry_earliest": person.entry_earliest,
                     "entry_latest": person.entry_latest, "entry": person.entry, "end_event": event_id,
                     "observed": observed, "end_earliest": end_earliest, "end_latest": min(end_latest, until)})
    out = pd.DataFrame(rows, columns=["person_id", "name", "era", "level", "entry_earliest", "entry_latest", "entry",
                                      "end_event", "observed", "end_earliest", "end_latest"])
    out["end"] = evidence.midpoint(out.end_earliest, out.end_latest)
    years = lambda a, b: ((out[b] - out[a]).dt.days / YEAR_DAYS).clip(lower=0)  # noqa: E731
    out["years"] = years("entry", "end")
    out["years_shortest"] = years("entry_latest", "end_earliest")
    out["years_longest"] = years("entry_earliest", "end_latest")
    out["observed"] = out.observed.astype(bool)
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def survival_counts(table: pd.DataFrame, left: pd.DataFrame) -> pd.Series:
    """What the report says of a `survival_table` and of the officials `fates.unplaced` leaves out of
    it: officials (with a dated entry), events (observed), censored; left_out, of whom undated (their
    posts in the organs carry no date) and no_evidence (no post, appointment or act in the organs)."""
    return pd.Series({
        "officials": len(table), "events": table.observed.sum(), "censored": (~table.observed).sum(),
        "left_out": len(left), "undated": (left.why == "undated").sum(),
        "no_evidence": (left.why == "no evidence").sum()}, dtype=object)


# --- Kaplan-Meier ------------------------------------------------------------------------------

def no_curve(part: pd.DataFrame) -> str:
    """Why a cohort of the survival table gets no Kaplan-Meier curve ('' when it does): fewer than
    MIN_CURVE people, or not a single event observed (the curve would be a flat line at one)."""
    why = []
    if len(part) < MIN_CURVE:
        why.append(f"fewer than {MIN_CURVE} people")
    if not part.observed.any():
        why.append("no event observed")
    return "; ".join(why)


#: How far above one half a survival function may stand and still count as having reached it: the
#: logs lifelines sums make 5/6 * 4/5 * 3/4 come out a hair above 0.5, which would push the median
#: past the death that halves the cohort.
HALF_TOLERANCE = 1e-9


def median_of(fit) -> float:
    """The Kaplan-Meier median of a lifelines fit: the first time its survival function is at or below
    one half (HALF_TOLERANCE above it included); inf when it never gets there."""
    sf = fit.survival_function_.iloc[:, 0]
    below = sf.index[sf <= 0.5 + HALF_TOLERANCE]
    return float(below[0]) if len(below) else np.inf


def _km(durations: pd.Series, observed: pd.Series, label: str):
    from lifelines import KaplanMeierFitter

    return KaplanMeierFitter().fit(durations, event_observed=observed, label=label)


def km_medians(ds: Dataset, table: pd.DataFrame, cohort: str = "era") -> pd.DataFrame:
    """Per cohort ('era' or 'level'), in order: people, events, censored, `curve` (whether the cohort
    gets a Kaplan-Meier curve), `no_curve` (why not: `no_curve`, '' when it does), and for curves the
    Kaplan-Meier median in years (`median_of`) for the midpoint fit (with its 95% confidence interval) and for the
    shortest and longest durations the date bounds allow. No median (NaN) for a cohort drawn as bars;
    inf: the curve never fell to one half (over half outlived their observation); NaN in a bound of
    the interval: lifelines could not bound it."""
    check("cohort", cohort, choices=COHORTS)
    from lifelines.utils import median_survival_times

    rows = []
    for name in [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]:
        part = table[table[cohort] == name]
        why = no_curve(part)
        row = {cohort: name, "people": len(part), "events": int(part.observed.sum()),
               "censored": int((~part.observed).sum()), "curve": not why, "no_curve": why,
               "median_years": np.nan, "ci_low": np.nan, "ci_high": np.nan,
               "median_shortest": np.nan, "median_longest": np.nan}
        if not why:
            mid = _km(part.years, part.observed, name)
            ci = median_survival_times(mid.confidence_interval_)
            row.update({"median_years": median_of(mid), "ci_low": ci.iloc[0, 0], "ci_high": ci.iloc[0, 1],
                        "median_shortest": median_of(_km(part.years_shortest, part.observed, name)),
                        "median_longest": median_of(_km(part.years_longest, part.observed, name))})
        rows.append(row)
    columns = [cohort, "people", "events", "censored", "curve", "no_curve", "median_years", "ci_low", "ci_high",
               "median_shortest", "median_longest"]
    out = pd.DataFrame(rows, columns=columns).set_index(cohort)
    return out.astype({"people": int, "events": int, "censored": int, "curve": bool, "median_years": float,
                       "ci_low": float, "ci_high": float, "median_shortest": float, "median_longest": float}).round(1)


def _fitted(fit, cohort: str, people: int, censors: bool) -> pd.DataFrame:
    """A lifelines fit as rows of `survival_curves`: its survival function with the 95% band, and (with
    `censors`) a mark at each time someone was censored, at the curve's height there."""
    sf, ci = fit.survival_function_, fit.confidence_interval_
    out = [pd.DataFrame({"cohort": cohort, "people": people, "no_curve": "", "kind": "step", "label": cohort,
                         "years": sf.index.to_numpy(float), "survival": sf.iloc[:, 0].to_numpy(),
                         "lower": ci.iloc[:, 0].to_numpy(), "upper": ci.iloc[:, 1].to_numpy()})]
    table = fit.event_table
    times = table.index[table.censored > 0].to_numpy(float)
    if censors and len(times):
        out.append(pd.DataFrame({"cohort": cohort, "people": people, "no_curve": "", "kind": "censor",
                                 "label": cohort, "years": times,
                                 "survival": fit.survival_function_at_times(times).to_numpy()}))
    return pd.concat(out, ignore_index=True)


def survival_curves(ds: Dataset, table: pd.DataFrame, cohort: str = "era") -> pd.DataFrame:
    """What a survival figure draws, per cohort ('era' or 'level') of a `survival_table`, in the
    cohorts' order (midpoint durations). Columns: cohort, people, no_curve (`no_curve`: '' for a
    cohort with a curve), kind, label, years, survival, lower, upper, observed. A cohort with a curve
    has one 'step' row per point of its Kaplan-Meier survival function (survival, and the 95% band
    lower..upper) and one 'censor' row per time someone was censored (at the curve's height); a
    cohort without one has one 'bar' row per official (label: the surname; years; observed), longest
    first. First come the 'step' rows of every official together (cohort ALL), the curve drawn
    behind each cohort's."""
    check("cohort", cohort, choices=COHORTS)
    columns = ["cohort", "people", "no_curve", "kind", "label", "years", "survival", "lower", "upper", "observed"]
    parts = [_fitted(_km(table.years, table.observed, ALL), ALL, len(table), False)] if len(table) else []
    for name in [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]:
        part = table[table[cohort] == name]
        why = no_curve(part)
        if not why:
            parts.append(_fitted(_km(part.years, part.observed, name), name, len(part), True))
            continue
        part = part.sort_values(["years", "name"], ascending=[False, True])
        parts.append(pd.DataFrame({"cohort": name, "people": len(part), "no_curve": why, "kind": "bar",
                                   "label": [surname(n) for n in part.name], "years": part.years.to_numpy(),
                                   "observed": part.observed.to_numpy()}))
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    return out.astype({"people": int, "observed": "boolean"})


# --- ages --------------------------------------------------------------------------------------

def ages(ds: Dataset) -> pd.DataFrame:
    """How old the officials were when they entered the organs and when they died: one row per member
    of the apparatus with a birth date. Ages are whole years, as the youngest and oldest the date
    bounds allow (`evidence.age`), and in words ('43 or 44'); `age_at_entry_mid` and
    `age_at_death_mid` are the ages between the midpoints (for medians). Columns: person_id, name,
    born, entry (earliest–latest), age_at_entry, fate, fate_date, age_at_death, and the numbers.
    Sorted by birth."""
    people = ds.people[(ds.people.side == APPARATUS) & ds.people.born.notna()]
    entry = entries(ds).set_index("person_id")
    fate = ds.fates().set_index("person_id")
    rows = []
    for p in people.itertuples(index=False):
        e = entry.loc[p.person_id] if p.person_id in entry.index else None
        f = fate.loc[p.person_id] if p.person_id in fate.index else None
        at_entry = evidence.age(p.born_earliest, p.born_latest, e.entry_earliest, e.entry_latest) \
            if e is not None and pd.notna(e.entry) else (None, None)
        dead = f is not None and f.fate in DEATH_FATES
        at_death = evidence.age(p.born_earliest, p.born_latest, f.start, f.end) if dead else (None, None)
        born_mid = evidence.midpoint(p.born_earliest, p.born_latest)
        rows.append({"person_id": p.person_id, "name": p.name, "born": p.born, "_born": p.born_earliest,
                     "entry": "" if e is None or pd.isna(e.entry) else
                     f"{e.entry_earliest:%Y-%m-%d} – {e.entry_latest:%Y-%m-%d}",
                     "age_at_entry": evidence.age_text(*at_entry), "fate": f.fate if f is not None else NO_END,
                     "fate_date": f.date if f is not None else "", "age_at_death": evidence.age_text(*at_death),
                     "age_at_entry_mid": evidence.full_years(born_mid, e.entry) if e is not None and pd.notna(e.entry)
                     else None,
                     "age_at_death_mid": evidence.full_years(born_mid, evidence.midpoint(f.start, f.end)) if dead
                     else None})
    cols = ["person_id", "name", "born", "entry", "age_at_entry", "fate", "fate_date", "age_at_death",
            "age_at_entry_mid", "age_at_death_mid"]
    out = pd.DataFrame(rows, columns=cols + ["_born"])
    for c in ("age_at_entry_mid", "age_at_death_mid"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["_born", "name"])[cols].reset_index(drop=True)


def age_summary(ds: Dataset, aged: pd.DataFrame) -> pd.Series:
    """What the report says of `ages`: with_birth (officials with a birth date) of members (the
    members of the apparatus); the median age at entry and at death between the midpoints
    (entry_median, death_median) and how many each rests on (entry_n, death_n); youngest_death."""
    return pd.Series({
        "with_birth": len(aged), "members": (ds.people.side == APPARATUS).sum(),
        "entry_median": aged.age_at_entry_mid.median(), "entry_n": aged.age_at_entry_mid.notna().sum(),
        "death_median": aged.age_at_death_mid.median(), "death_n": aged.age_at_death_mid.notna().sum(),
        "youngest_death": aged.age_at_death_mid.min()}, dtype=object)
