"""The numbers the fates report (`notebooks/03-fates-of-officials.ipynb`) states, as claims
(`helpers.evidence.claims`): each a value with the rows it rests on, its rule, and an SQL query that
gives it back on the SQLite export. The frames come from `helpers.analyses.fates` and
`helpers.analyses.survival`; the sentences that state the claims are `helpers.captions.fates`.

- the findings, each a function of the data alone so that `readings.sensitivity` can run it under
  the other readings: `by_state_finding` (of the group's deaths, how many came at the hands of the
  state: an interval over `by_state`) and `cover_finding` (how many official accounts covered the
  state's hand in a killing: the same interval over the deaths they covered);
- section 1: `what_became`, `rival_ends`, `spanning`; section 2: `survival_claims`, `age_claims`;
  section 3: `cover_claims`; section 4: `graph_claims`; section 5: `method_claims`. Each returns a
  dict of claims by name (and, where a sentence names people, their names as lists of text).

The SQL of a survival median runs the Kaplan-Meier estimate itself (as lifelines does, through logs)
over each official's entry and end, the days the analysis took from the rows the claim lists.
"""
from __future__ import annotations

import math
import re

import networkx as nx
import pandas as pd

from .. import evidence
from ..evidence import Dataset, claims
from ..evidence.claims import Claim, Interval
from ..evidence.fates import DEATH_FATES, FATES, KILLING_FATES
from . import fates as fates_
from .survival import HALF_TOLERANCE, YEAR_DAYS

#: The rule behind every count over `by_state` (section 1 and the cover stories).
STATE_RULE = ("A death came at the hands of the Soviet state when the evidence that decides it says so plainly "
              "(`by_state` yes: an execution or a custody by a Soviet organisation, or at home with none named; a "
              "killing by a Soviet doer the sources name plainly). The high end adds the deaths where that hand rests "
              "only on alleged or disputed evidence (`by_state` disputed); the other deaths (`by_state` no) never count.")
COVER_RULE = ("An official account (accounts.kind official) covered the state's hand when it denied a killing "
              "the evidence records (it claims a suicide or a natural death) or owned the killing but named none of "
              "the Soviet doers the roles or another account name. Counted as the deaths it covered, over `by_state`: "
              + STATE_RULE)
MEMBERS_RULE = ("The group's people: members of the apparatus, and the other people the data shows as the subject of "
                "an execution, assassination, kidnapping, arrest or trial, or of a violent death.")


# --- SQL ------------------------------------------------------------------------------------------

def _q(text) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _listed(ids) -> str:
    return ", ".join(_q(i) for i in ids) or "NULL"


def _rank(column: str, values) -> str:
    """SQL: the place of `column`'s value in `values` (a vocabulary's order), for an ORDER BY."""
    return f"CASE {column}" + "".join(f" WHEN {_q(v)} THEN {i}" for i, v in enumerate(values)) + f" ELSE {len(values)} END"


def _day(when) -> str:
    return f"'{pd.Timestamp(when):%Y-%m-%d}'"


def _ids(values) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if pd.notna(v)))


def _count(ds: Dataset, table: str, ids, rule: str, parameters=None, **also) -> Claim:
    """claims.count over `ids`, resting also on the rows of `also` (table=ids)."""
    return claims.count(ds, table, _ids(ids), rule=rule, parameters=parameters,
                        also={t: _ids(v) for t, v in also.items()})


def _interval(ds: Dataset, yes: list, maybe: list, rule: str, parameters: dict, also: dict | None = None) -> Claim:
    """An interval over `by_state`: from the fates `yes` to `yes` and `maybe`, reading 'between 3 and 4'."""
    ids = _ids(yes) + [i for i in _ids(maybe) if i not in set(yes)]
    low = len(_ids(yes))
    sql = ("SELECT COUNT(CASE WHEN by_state = 'yes' THEN 1 END) AS low, COUNT(*) AS high FROM fates "
           f"WHERE person_id IN ({_listed(ids)})")
    value = Interval(low, len(ids))
    text = str(value) if value.exact else f"between {low} and {len(ids)}"
    return claims.make(ds, value, rule, sql, {"fates": ids, **{t: _ids(v) for t, v in (also or {}).items()}},
                       parameters, text=text)


# --- section 1: what became of them ---------------------------------------------------------------

def by_state_finding(ds: Dataset, group: str = "all") -> Claim:
    """The finding of section 1: of the group's deaths (`fates.fate_table`), how many came at the hands
    of the Soviet state, from those whose deciding evidence states it to those and the ones where it
    rests on alleged or disputed claims (STATE_RULE)."""
    table = fates_.fate_table(ds, group)
    dead = table[table.fate.isin(DEATH_FATES)]
    return _interval(ds, list(dead.person_id[dead.by_state == "yes"]), list(dead.person_id[dead.by_state == "disputed"]),
                     STATE_RULE, {"group": group})


def _commonest(ds: Dataset, table: pd.DataFrame, by_side: pd.DataFrame) -> dict:
    """The commonest recorded end of `fate_table` (`fate_counts` by side: a tie goes to the fates' order)."""
    recorded = by_side.drop(index=fates_.NO_END, errors="ignore").sum(axis=1)
    ended = table[table.fate != fates_.NO_END]
    if not len(ended):
        return {}
    top = recorded.idxmax()
    sql = (f"SELECT fate FROM fates WHERE person_id IN ({_listed(ended.person_id)}) GROUP BY fate "
           f"ORDER BY COUNT(*) DESC, {_rank('fate', FATES)} LIMIT 1")
    rule = "The end recorded for most of the group's people; a tie goes to the fate first in the fate rules' order."
    return {"commonest": claims.make(ds, top, rule, sql, {"fates": _ids(ended.person_id)}, text=top.replace("_", " ")),
            "commonest_people": _count(ds, "fates", ended.person_id[ended.fate == top],
                                       f"The group's people whose recorded end is {top}.")}


def what_became(ds: Dataset, table: pd.DataFrame, by_side: pd.DataFrame) -> dict:
    """The claims of section 1 beside the finding, from `fates.fate_table` and its `fate_counts` by
    side: people, apparatus, targets; commonest (a label) and commonest_people; deaths; executed,
    custody and killed (the deaths the state's hand is stated in, by fate); disputed; others (killed or
    executed, no Soviet hand: Uritsky, Sorge); contested (rival manners); no_manner (`died`: the
    sources give no manner); custody_names (each death in custody with its cause, the event's method, or
    'no cause given': Syroezhkin); unknown (no recorded end); later (the state's deaths, stated or on doubt, after
    `account_ends`, the last day of the case file's account: Beria's, Rodos's...). With the names of the
    disputed, the others, the contested and the later (`*_names`, by date)."""
    dead = table[table.fate.isin(DEATH_FATES)].sort_values(["start", "name"])
    victims = evidence.participants(ds, ("subject",), person_ids=list(table.person_id[table.member == "target"]))
    victims = victims[victims.event_id.isin(fates_.victim_events(ds).event_id)]
    state = dead.by_state == "yes"
    parts = {
        "executed": (state & (dead.fate == "executed"), "executed by a Soviet organisation, or at home with none named"),
        "custody": (state & (dead.fate == "died_in_custody"), "dead in the custody of a Soviet organisation"),
        "killed": (state & dead.fate.isin(["assassinated", "killed"]), "killed by a Soviet doer the sources name plainly"),
        "disputed": (dead.by_state == "disputed", "the state's hand rests only on alleged or disputed evidence"),
        "others": (dead.fate.isin(KILLING_FATES) & (dead.by_state == "no"), "killed or executed, no Soviet hand"),
        "contested": (dead.fate == "contested", "the strongest claims give rival manners (`contested`)"),
        "no_manner": (dead.fate == "died", "no claim gives a manner, or the strongest says it is unknown (`died`)"),
        "later": (dead.by_state.isin(["yes", "disputed"]) & (dead.start > evidence.eras.coverage_end(ds)),
                  "the state's hand stated or on doubt, after the case file's account ends")}
    c = {"people": _count(ds, "people", table.person_id, MEMBERS_RULE),
         "apparatus": _count(ds, "people", table.person_id[table.member == "apparatus"],
                             "The group's members of the apparatus (people.side)."),
         "targets": _count(ds, "people", table.person_id[table.member == "target"],
                           "The group's people outside the apparatus who are the subject of a victim event.",
                           events=victims.event_id),
         **_commonest(ds, table, by_side),
         "deaths": _count(ds, "fates", dead.person_id, "The group's people whose recorded end is a death."),
         "unknown": _count(ds, "people", table.person_id[table.fate == fates_.NO_END],
                           "The group's people whose end the data does not record.")}
    for name, (mask, rule) in parts.items():
        c[name] = _count(ds, "fates", dead.person_id[mask], f"The group's deaths: {rule}.")
    for name in ("disputed", "others", "contested", "later"):
        c[f"{name}_names"] = list(dead.name[parts[name][0]])
    held = dead[parts["custody"][0]]  # a death in custody is the state's whatever its cause: each said with it
    cause = held.event_id.map(ds.events.set_index("event_id").method)
    c["custody_names"] = [f"{n}: {m.replace('_', ' ')}" if isinstance(m, str) else f"{n}: no cause given"
                          for n, m in zip(held.name, cause)]
    told = _unnamed_killings(ds)
    no_hand = dead[(dead.by_state == "no") & dead.event_id.isin(set(told.event_id))]
    c["no_hand"] = _count(ds, "fates", no_hand.person_id, "The group's deaths not counted as the state's although an "
                          "account tells of a killing: no account names a doer the data holds (person or organisation).",
                          accounts=told.account_id[told.event_id.isin(set(no_hand.event_id))])
    c["no_hand_names"] = list(no_hand.name)
    c["account_ends"] = evidence.eras.coverage_end(ds)
    return c


def _unnamed_killings(ds: Dataset) -> pd.DataFrame:
    """The accounts that tell of a killing but name no doer, person or organisation (Skoblin poisoned on the
    Soviet ship Kuban): such a death cannot count as the state's, and is said apart rather than left out silently."""
    if "accounts" not in ds.tables:
        return pd.DataFrame(columns=["account_id", "event_id"])
    a = ds.tables["accounts"]
    return a[(a.claim == "killing") & a.perpetrator_id.isna() & a.perpetrator_org_id.isna()]


def rival_ends(ds: Dataset, table: pd.DataFrame) -> Claim:
    """How many of the ends in `table` another source dates otherwise (`fates.disputed_ends`)."""
    d = evidence.disagreements(ds)
    d = d[(d.target == "event") & d.target_id.isin(set(table.event_id.dropna()))]
    return _count(ds, "fates", table.person_id[table.event_id.isin(d.target_id)],
                  "The group's ends whose date another source gives otherwise (`evidence.disagreements`); the "
                  "package's date is used.", attestations=d.attestation_id)


def entry_rows(ds: Dataset, person_ids) -> dict[str, list[str]]:
    """The rows that date the entries of `person_ids` (`fates.service`): each one's evidence with the
    earliest upper bound and the one with the earliest lower bound (the posts and the events)."""
    items = fates_.service(ds).dropna(subset=["high"])
    items = items[items.person_id.isin(set(person_ids))]
    first = pd.concat([items.sort_values(["person_id", "high", "low", "evidence"]).groupby("person_id").head(1),
                       items.sort_values(["person_id", "low", "high", "evidence"]).groupby("person_id").head(1)])
    return {"positions": _ids(first.evidence[first.kind == "post"]),
            "events": _ids(first.evidence[first.kind != "post"])}


def spanning(ds: Dataset) -> Claim:
    """How many officials' entry dates span more than one era (`fates.spanning_entries`)."""
    e = fates_.entries(ds)
    span = e[e.entry.notna() & ~e.entry_era_exact]
    return _count(ds, "people", span.person_id, "Officials whose first evidence of service has bounds in two eras; "
                  "their era is that of the midpoint.", **entry_rows(ds, span.person_id))


# --- section 2: survival and ages -----------------------------------------------------------------

def bar_field(cohort: str) -> str:
    """The name of the claim of a cohort drawn as bars: 'bar_' and the cohort as a slug."""
    return "bar_" + re.sub(r"[^a-z0-9]+", "_", cohort.lower()).strip("_")


def _rows(*parts: dict) -> dict[str, list[str]]:
    """Rows by table from several {table: ids}, each id once, in order."""
    out: dict[str, list[str]] = {}
    for part in parts:
        for table, ids in part.items():
            out[table] = _ids(out.get(table, []) + _ids(ids))
    return out


def km_sql(table: pd.DataFrame, cohort: str, start: str, end: str, which: str | None = None, order=()) -> str:
    """SQL of Kaplan-Meier medians over a `survival.survival_table`: years from `start` to `end` (two of
    its date columns), cohorts by `cohort`. With `which`, that cohort's median, rounded to a tenth;
    without, the cohort with a curve (fates.MIN_CURVE people, an event) whose median is least (a tie
    goes to the first in `order`)."""
    rows = ", ".join(f"({_q(getattr(r, cohort))}, {_q(r.person_id)}, {_day(getattr(r, start))}, "
                     f"{_day(getattr(r, end))}, {int(r.observed)})" for r in table.itertuples(index=False))
    km = (f"WITH d(cohort, person_id, entered, ended, observed) AS (VALUES {rows}), "
          f"y AS (SELECT cohort, MAX(0, julianday(ended) - julianday(entered)) / {YEAR_DAYS} AS t, observed FROM d), "
          "e AS (SELECT cohort, t, SUM(observed) AS died, (SELECT COUNT(*) FROM y AS o WHERE o.cohort = y.cohort "
          "AND o.t >= y.t) AS n FROM y GROUP BY cohort, t), "
          "s AS (SELECT cohort, t, MAX(died = n) OVER w AS gone, SUM(CASE WHEN died < n THEN ln(n - died) - ln(n) "
          "ELSE 0 END) OVER w AS lg FROM e WINDOW w AS (PARTITION BY cohort ORDER BY t ROWS UNBOUNDED PRECEDING)), "
          f"m AS (SELECT cohort, MIN(t) AS median FROM s WHERE gone OR exp(lg) <= {0.5 + HALF_TOLERANCE!r} GROUP BY cohort) ")
    if which is not None:
        return km + f"SELECT ROUND(median, 1) FROM m WHERE cohort = {_q(which)}"
    return km + (f"SELECT m.cohort FROM m JOIN (SELECT cohort FROM d GROUP BY cohort HAVING COUNT(*) >= "
                 f"{fates_.MIN_CURVE} AND SUM(observed) > 0) AS c ON c.cohort = m.cohort "
                 f"ORDER BY ROUND(m.median, 1), {_rank('m.cohort', order)} LIMIT 1")


def _medians(ds: Dataset, surv: pd.DataFrame, medians: pd.DataFrame, cohort: str) -> dict:
    """The cohort with a curve that lasted least (`least`, by `survival.km_medians`) and its medians
    for the midpoint, the shortest and the longest durations the bounds allow (`least_years`,
    `least_shortest`, `least_longest`), each where it is finite."""
    curves = medians[medians.curve & medians.median_years.map(math.isfinite)]
    if not len(curves):
        return {}
    least = curves.median_years.idxmin()
    drawn = surv[surv[cohort].isin(medians.index[medians.curve])]
    part = surv[surv[cohort] == least]
    own = _rows({"people": part.person_id, "events": part.end_event[part.observed]}, entry_rows(ds, part.person_id))
    rule = (f"Kaplan-Meier (lifelines) over the officials of a cohort by entry {cohort}: the years from entry until "
            f"half of them had met the event; a cohort gets a curve with at least {fates_.MIN_CURVE} people and an event.")
    c = {"least": claims.make(ds, least, rule + " The cohort with the least median.",
                              km_sql(drawn, cohort, "entry", "end", order=list(medians.index)),
                              _rows({"people": drawn.person_id, "events": drawn.end_event[drawn.observed]}),
                              {"cohort": cohort, "min_curve": fates_.MIN_CURVE})}
    for name, column, start, end in (("least_years", "median_years", "entry", "end"),
                                     ("least_shortest", "median_shortest", "entry_latest", "end_earliest"),
                                     ("least_longest", "median_longest", "entry_earliest", "end_latest")):
        value = float(medians.loc[least, column])
        if math.isfinite(value):
            c[name] = claims.make(ds, value, f"{rule} Durations from {start} to {end}.",
                                  km_sql(part, cohort, start, end, least), own,
                                  {"cohort": cohort, "durations": f"{start} to {end}"})
    return c


def survival_claims(ds: Dataset, surv: pd.DataFrame, medians: pd.DataFrame, left: pd.DataFrame, cohort: str) -> dict:
    """The claims of section 2 (`survival.survival_table`, its `km_medians` by `cohort`, and
    `fates.unplaced` as `left`): officials, observed, censored; attested (officials whose entry is a
    day a source shows them in a post without its start); left_out, undated, no_evidence; one
    `bar_<cohort>` per cohort drawn as bars (its people); the least-lasting cohort and its medians
    (`_medians`). With the names of the attested, undated and no_evidence (`*_names`)."""
    entry = fates_.entries(ds).set_index("person_id")
    attested = surv[surv.person_id.map(entry.dated_by) == "attested"]
    seen = surv[surv.observed]
    c = {"officials": _count(ds, "people", surv.person_id, "Officials with a dated entry: the earliest evidence of "
                             "service in the organs (`fates.entries`).", **entry_rows(ds, surv.person_id)),
         "observed": _count(ds, "people", seen.person_id, "Officials whose event falls before the coverage ends.",
                            events=seen.end_event),
         "censored": _count(ds, "people", surv.person_id[~surv.observed], "Officials censored: no event before the "
                            "coverage ends (or, for arrests, a death first)."),
         "attested": _count(ds, "people", attested.person_id, "Officials whose entry is a day a source shows them in a "
                            "post of the organs without giving its start (positions.attested).",
                            positions=attested.person_id.map(entry.evidence)),
         "left_out": _count(ds, "people", left.person_id, "Members of the apparatus with no dated evidence of service."),
         "undated": _count(ds, "people", left.person_id[left.why == "undated"], "Members of the apparatus whose posts "
                           "in the organs carry no date, with no dated appointment or act.",
                           positions=ds.positions.position_id[ds.positions.person_id.isin(left.person_id)]),
         "no_evidence": _count(ds, "people", left.person_id[left.why == "no evidence"], "Members of the apparatus with "
                               "no post, appointment or act in the organs."),
         "attested_names": list(attested.name), "undated_names": list(left.name[left.why == "undated"]),
         "no_evidence_names": list(left.name[left.why == "no evidence"])}
    for name in medians.index[~medians.curve]:
        c[bar_field(name)] = _count(ds, "people", surv.person_id[surv[cohort] == name],
                                         f"Officials of the {cohort} cohort {name}.", {"cohort": cohort})
    return {**c, **_medians(ds, surv, medians, cohort)}


def _age_sql(days: str, agg: str) -> str:
    """SQL of ages in whole years from each birth's midpoint (people.born) to the day of `days` (a CTE
    d(person_id, day)); `agg` 'median' or 'min'."""
    ages = (f"WITH {days}, b AS (SELECT person_id, date(julianday(born_start) + (julianday(born_end) - "
            "julianday(born_start)) / 2) AS born FROM people), a AS (SELECT CAST(strftime('%Y', d.day) AS INTEGER) - "
            "CAST(strftime('%Y', b.born) AS INTEGER) - (strftime('%m-%d', d.day) < strftime('%m-%d', b.born)) AS age "
            "FROM d JOIN b ON b.person_id = d.person_id) ")
    if agg == "min":
        return ages + "SELECT MIN(age) FROM a"
    return ages + ("SELECT AVG(age) FROM (SELECT age FROM a ORDER BY age LIMIT 2 - (SELECT COUNT(*) FROM a) % 2 "
                   "OFFSET ((SELECT COUNT(*) FROM a) - 1) / 2)")


def age_claims(ds: Dataset, aged: pd.DataFrame) -> dict:
    """The claims of the ages (`survival.ages`): with_birth (officials with a birth date), members (of
    the apparatus); entry_median and entry_n, death_median and death_n (ages between the midpoints),
    youngest (the youngest age at death), with youngest_name, youngest_born and the other sources' dates of
    that birth (youngest_rival_births); rival_births (how many of them have a birth date in dispute)."""
    c = {"with_birth": _count(ds, "people", aged.person_id, "Members of the apparatus with a birth date."),
         "members": _count(ds, "people", ds.people.person_id[ds.people.side == fates_.APPARATUS],
                           "Members of the apparatus (people.side).")}
    at_entry, dead = aged[aged.age_at_entry_mid.notna()], aged[aged.age_at_death_mid.notna()]
    rule = "Whole years from the midpoint of the birth date to the midpoint of the {}; the median of the officials'."
    if len(at_entry):
        entry = fates_.entries(ds).set_index("person_id").entry
        days = "d(person_id, day) AS (VALUES " + ", ".join(f"({_q(p)}, {_day(entry[p])})" for p in at_entry.person_id) + ")"
        rows = _rows({"people.born": at_entry.person_id}, entry_rows(ds, at_entry.person_id))
        c["entry_median"] = claims.make(ds, float(at_entry.age_at_entry_mid.median()), rule.format("entry"),
                                        _age_sql(days, "median"), rows)
        c["entry_n"] = _count(ds, "people", at_entry.person_id, "Officials with a birth date and a dated entry.")
    if len(dead):
        days = ("d AS (SELECT person_id, date(julianday(date_start) + (julianday(date_end) - julianday(date_start)) / 2)"
                f" AS day FROM fates WHERE person_id IN ({_listed(dead.person_id)}))")
        rows = {"people.born": _ids(dead.person_id), "fates": _ids(dead.person_id)}
        c["death_median"] = claims.make(ds, float(dead.age_at_death_mid.median()), rule.format("death"),
                                        _age_sql(days, "median"), rows)
        c["death_n"] = _count(ds, "fates", dead.person_id, "Officials with a birth date whose end is a death.")
        c["youngest"] = claims.make(ds, int(dead.age_at_death_mid.min()), "The youngest age at death, in whole years "
                                    "between the midpoints.", _age_sql(days, "min"), rows)
        young = ds.people.set_index("person_id").loc[dead.loc[dead.age_at_death_mid.idxmin()].person_id]
        rival = _rival_births(ds, aged.person_id)
        mine = rival[rival.target_id == young.name]
        c.update(youngest_name=young["name"], youngest_born=young.born,
                 youngest_rival_births=list(zip(mine.target_id, mine.attested)))
        c["rival_births"] = _count(ds, "people", list(dict.fromkeys(rival.target_id)),
                                   "Members of the apparatus with a birth date whose birth another source dates "
                                   "otherwise (`evidence.disagreements`, field born).",
                                   attestations=_ids(rival.attestation_id))
    return c


def _rival_births(ds: Dataset, person_ids) -> pd.DataFrame:
    """The birth dates of `person_ids` another source gives otherwise (`evidence.disagreements`, the one filter),
    by person and date."""
    d = evidence.disagreements(ds)
    return d[(d.target == "person") & (d.field == "born") & d.target_id.isin(set(person_ids))]


# --- section 3: cover stories ---------------------------------------------------------------------

def _official(ds: Dataset, event_ids) -> list[str]:
    acc = ds.accounts
    return _ids(acc.account_id[(acc.kind == "official") & acc.event_id.isin(set(event_ids))])


def cover_finding(ds: Dataset, group: str = "all") -> Claim:
    """The finding of section 3: how many of the group's deaths came with an official account that
    covered the state's hand (`fates.cover_stories`: it denied a killing or hid the doers), as an
    interval over `by_state` (COVER_RULE)."""
    covers = fates_.cover_stories(ds, group)
    hid = covers[covers.cover.isin([fates_.DENIED, fates_.SHIFTED])]
    state = hid.person_id.map(ds.fates().set_index("person_id").by_state)
    kept = hid[state.isin(["yes", "disputed"])]
    return _interval(ds, list(hid.person_id[state == "yes"]), list(hid.person_id[state == "disputed"]), COVER_RULE,
                     {"group": group}, {"events": kept.event_id, "accounts": _official(ds, kept.event_id)})


def cover_claims(ds: Dataset, covers: pd.DataFrame, table: pd.DataFrame) -> dict:
    """The claims of section 3 (`fates.cover_stories` beside the group's `fate_table`): covers (deaths
    with an official account), cover_deaths, denied, shifted, contested, plain (an official account
    that contradicts nothing the data holds), stated (deaths the sources state plainly), with_rivals;
    with the names of each kind (`*_names`), of the covered deaths whose state's hand is disputed
    (`cover_disputed_names`), and of the denied killings that another, unofficial account doubts (it
    claims no killing: `denied_doubted_names`, Slutsky's heart condition)."""
    kinds = {"denied": (fates_.DENIED, "it claims a suicide or a natural death where the fate is a killing"),
             "shifted": (fates_.SHIFTED, "it owns the killing but names none of the Soviet doers the roles or another "
                                         "account name"),
             "contested": (fates_.CONTESTED, "the end is contested: the official account is one of its versions"),
             "plain": ("", "it contradicts nothing the data holds")}
    dead = table[table.fate.isin(DEATH_FATES)]
    c = {"covers": _count(ds, "events", covers.event_id, "The group's deaths with an official account: the story the authorities gave out, "
                          "as a source reports it (accounts.kind official).",
                          accounts=_official(ds, covers.event_id)),
         "cover_deaths": _count(ds, "fates", dead.person_id, "The group's people whose recorded end is a death."),
         "stated": _count(ds, "events", covers.event_id[covers.certainty == "stated"], "Of the deaths with an official "
                          "account, those the sources state plainly (the event and the subject's role)."),
         "with_rivals": _count(ds, "events", covers.event_id[covers.other_accounts != ""], "Of the deaths with an "
                               "official account, those with rival accounts too.",
                               accounts=ds.accounts.account_id[(ds.accounts.kind != "official")
                                                               & ds.accounts.event_id.isin(set(covers.event_id))])}
    for name, (cover, rule) in kinds.items():
        part = covers[covers.cover == cover]
        c[name] = _count(ds, "events", part.event_id, f"Deaths with an official account where {rule}.",
                         accounts=_official(ds, part.event_id), fates=part.person_id)
        c[f"{name}_names"] = list(part.name)
    state = covers.person_id.map(ds.fates().set_index("person_id").by_state)
    c["cover_disputed_names"] = list(covers.name[covers.cover.isin([fates_.DENIED, fates_.SHIFTED]) & (state == "disputed")])
    shaky = ds.accounts[(ds.accounts.kind == "official") & (ds.accounts.certainty != "stated")]
    c["official_doubted_names"] = list(covers.name[covers.event_id.isin(set(shaky.event_id))])
    doubting = evidence.fates.no_killing_accounts(ds.accounts)
    denied = covers[covers.cover == fates_.DENIED]
    c["denied_doubted_names"] = list(denied.name[denied.event_id.isin(set(doubting.event_id))])
    return c


# --- section 4: who killed whom -------------------------------------------------------------------

def _turned(ds: Dataset, turned: pd.DataFrame) -> Claim:
    """How many of the group struck first and were struck later (`fates.turned_victims`): an interval from
    those whose act and blow the sources state plainly to all of them."""
    firm = turned.index[turned.stated.astype(bool)]
    ids = _ids(firm) + [i for i in _ids(turned.index) if i not in set(firm)]
    value = Interval(len(firm), len(ids))
    sql = (f"SELECT COUNT(CASE WHEN person_id IN ({_listed(_ids(firm))}) THEN 1 END) AS low, COUNT(*) AS high "
           f"FROM people WHERE person_id IN ({_listed(ids)})")
    return claims.make(ds, value, "The group's people who struck first and were the subject of a victim event that "
                       "started after the act ended; the low end counts those whose act and blow are both stated "
                       "plainly, the high end those that rest on alleged or disputed evidence too.", sql,
                       {"people": ids, "events": _ids([*turned.first_act, *turned.struck_by])}, {},
                       text=str(value) if value.exact else f"between {len(firm)} and {len(ids)}")


def graph_claims(ds: Dataset, kills: pd.DataFrame, graph: nx.DiGraph, turned: pd.DataFrame,
                 chain: pd.DataFrame) -> dict:
    """The claims of section 4 (`fates.links`, `kill_graph`, `turned_victims`, `longest_chain`):
    graph_people, arrows, turned (an interval: stated turns to all), turned_doubtful (the names of those
    resting on alleged or disputed evidence), chain (the people along the longest chain, each once),
    chain_names (in order, `fates.chain_people`) and chain_doubtful (its links on doubt, `_doubtful_links`)."""
    actors = [claims.KEY_JOIN.join(k) for k in zip(kills.event_id, kills.actor, kills.role)]
    subjects = [claims.KEY_JOIN.join(k) for k in zip(kills.event_id, kills.victim, ["subject"] * len(kills))]
    key = lambda t: f"({t}.event_id || ' | ' || {t}.person_id || ' | ' || {t}.role)"  # noqa: E731
    arrows = ("SELECT COUNT(*) FROM (SELECT DISTINCT a.person_id AS actor, s.person_id AS victim FROM roles a JOIN roles s "
              f"ON s.event_id = a.event_id AND s.person_id <> a.person_id WHERE {key('a')} IN ({_listed(actors)}) "
              f"AND {key('s')} IN ({_listed(subjects)}))")
    people = [*chain.actor, *chain.victim.iloc[-1:]]
    return {"graph_people": _count(ds, "people", graph.nodes, "Everyone who ordered, organised or carried out an "
                                   "act against the group's victims, and those victims.", roles=actors + subjects),
            "arrows": claims.make(ds, graph.number_of_edges(), "Pairs of one who ordered, organised or carried out an "
                                  "execution, assassination, killing, kidnapping, arrest or trial, and its victim.",
                                  arrows, {"roles": _ids(actors + subjects)}),
            "turned": _turned(ds, turned),
            "chain": _count(ds, "people", people, "The people along the longest chain of killers killed: each link's "
                            "victim had struck the next one earlier.", events=chain.event_id),
            "chain_names": fates_.chain_people(ds, chain),
            "chain_doubtful": _doubtful_links(ds, kills, chain),
            "turned_doubtful": list(turned.name[~turned.stated.astype(bool)]),
            "turned_elsewhere": _struck_elsewhere(ds, turned)}


def _struck_elsewhere(ds: Dataset, turned: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Of `turned` (`fates.turned_victims`), those whose later blow was no Soviet hand's
    (`evidence.fates.soviet_hands`), as (name, the blow's title, its country): a blow, but no purge."""
    ev = ds.events.set_index("event_id")
    soviet = evidence.fates.soviet_hands(ds, turned.struck_by)
    return [(r.name, ev.at[r.struck_by, "title"], ev.at[r.struck_by, "country"] or "")
            for r in turned.itertuples() if r.struck_by not in soviet]


def _doubtful_links(ds: Dataset, kills: pd.DataFrame, chain: pd.DataFrame) -> list[str]:
    """The links of `chain` ('Leonid Zakovsky → Abram Slutsky') whose every act in `kills` between the two
    on that event is only alleged or disputed: where the chain rests on doubt."""
    names = ds.people.set_index("person_id").name
    out = []
    for step in chain.itertuples(index=False):
        own = kills[(kills.actor == step.actor) & (kills.victim == step.victim) & (kills.event_id == step.event_id)]
        if len(own) and not (own.certainty == "stated").any():
            out.append(f"{names.get(step.actor, step.actor)} → {names.get(step.victim, step.victim)}")
    return out


# --- section 5: how they died ---------------------------------------------------------------------

def method_claims(ds: Dataset, deaths: pd.DataFrame) -> dict:
    """The claims of section 5 (`fates.death_methods`): violent (deaths), contested (contested ends
    with a violent method) and contested_names; custody (deaths in custody, violent whatever their cause)
    and custody_names; commonest_method (a label: most deaths, a tie to the
    vocabulary's order) and commonest_method_deaths; from_account; not_given; abroad and
    abroad_methods (text); in_kidnapping."""
    named = deaths[deaths.method != fates_.NO_METHOD]
    c = {"violent": _count(ds, "fates", deaths.person_id, "Violent deaths: executed, assassinated, killed, dead in "
                           "custody or by their own hand, and contested ends with a violent method."),
         "contested": _count(ds, "fates", deaths.person_id[deaths.fate == "contested"], "Contested ends counted by their "
                             "violent method, whoever's the hand."),
         "contested_names": list(deaths.name[deaths.fate == "contested"]),
         "custody": _count(ds, "fates", deaths.person_id[deaths.fate == "died_in_custody"], "Deaths in the custody of a "
                           "Soviet organisation, counted among the violent whatever their cause."),
         "custody_names": list(deaths.name[deaths.fate == "died_in_custody"]),
         "from_account": _count(ds, "fates", deaths.person_id[deaths.method_from == "account"], "Violent deaths whose "
                                "method comes from an account claiming the killing.",
                                accounts=deaths.method_account.dropna()),
         "not_given": _count(ds, "fates", deaths.person_id[deaths.method == fates_.NO_METHOD], "Violent deaths with no "
                             "violent method in the event or an account."),
         "abroad": _count(ds, "fates", deaths.person_id[deaths.scope == "abroad"], "Violent deaths abroad (events.scope).",
                          events=deaths.event_id[deaths.scope == "abroad"]),
         "abroad_methods": sorted({m.replace("_", " ") for m in deaths.method[deaths.scope == "abroad"]}),
         "in_kidnapping": _count(ds, "fates", deaths.person_id[deaths.in_kidnapping], "Violent deaths during a "
                                 "kidnapping of the same person (their dates may overlap).")}
    if len(named):
        order = fates_.method_order(ds)
        counts = named.method.value_counts()
        top = min(counts.index, key=lambda m: (-counts[m], order.index(m)))
        own, told = named[named.method_from == "event"], named[named.method_from == "account"]
        sql = (f"SELECT m FROM (SELECT e.method AS m FROM fates f JOIN events e ON e.event_id = f.event_id "
               f"WHERE f.person_id IN ({_listed(own.person_id)}) UNION ALL SELECT method FROM accounts "
               f"WHERE account_id IN ({_listed(told.method_account)})) GROUP BY m ORDER BY COUNT(*) DESC, "
               f"{_rank('m', order)} LIMIT 1")
        c["commonest_method"] = claims.make(ds, top, "The violent method of most deaths (a tie to the vocabulary's "
                                            "order).", sql, _rows({"fates": named.person_id, "events": own.event_id,
                                                                   "accounts": told.method_account}),
                                            text=top.replace("_", " "))
        c["commonest_method_deaths"] = _count(ds, "fates", named.person_id[named.method == top],
                                              f"Violent deaths by {top.replace('_', ' ')}.")
    return c
