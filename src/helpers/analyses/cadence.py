"""The cadence of the purges: when the killings and arrests came, how fast and in what rhythm (report 01,
`notebooks/01-purge-cadence.ipynb`; report 00 counts its events per year by the same rule).

The analysis lives in four modules; this one holds the eras and the claims of the counting sections and
re-exports the others, so that `helpers.cadence.<name>` reaches all of it:

- `helpers.analyses.counting`: `select` (each thing once, by the one rule `COUNTING_RULE` of
  `evidence.operations.counted`), `counts` per month, quarter or year *aware of date precision* (`rule`
  'exclude' or 'spread', never a partial date on the first day of its span), `band` and `ranking` (each
  period's count under the doubt of its dates and the sources' rival dates; which periods may be busiest);
- `helpers.analyses.intervals`: the gaps between the precisely dated killings, quiet spells (never a stretch
  the source skips or the national series shows mass killing in), runs and what breaks them, mass killings
  dated to a span, rival dates;
- `helpers.analyses.national`: the national series beside each source's arrests and killings counted apart,
  and the finding `apparatus_victims`;
- here: `per_era` (events per head of the secret police), what the sentences quote (`busiest`, `type_peaks`,
  `era_totals`) and the claims of sections 1, 2 and 4 (`selection_claims` ... `abroad_claims`).

Keeping only stated evidence is `Dataset.stated_only()`, done by the caller before selecting. The figures are
`helpers.figures.cadence`, the sentences `helpers.captions.cadence`. Every option (freq, rule, scope, tally, a
window of days, a count) is checked where it is taken: a wrong one raises `ParameterError` with one sentence,
even in a cell run on a stale kernel.
"""
from __future__ import annotations

import pandas as pd

from ..core.checks import check, check_days
from ..evidence import Dataset, claims
from ..evidence import eras as eras_
from ..evidence.operations import things_claim
from .counting import (COUNTING_RULE, FREQS, KILLING_TYPES, RULES, SCOPES, _EVENT_COLUMNS, _PERIOD,  # noqa: F401
                       alternatives, band, certain_claim, counts, killings, merged_rows, periods, placed_claim,
                       placements, possible_claim, ranking, select, spanning, with_groups)
from .intervals import (MAX_SPAN_DAYS, NO_FIGURE, RUN_DAYS, campaigns, dated_claims, dated_killings, days_claim,  # noqa: F401
                        disputed_claims, doubted, disputed_dates, gaps, interval_claims, interval_summary, longest_run,
                        mass_killings, median_claim, moved_killings, quiet_spells, rival_dates, run_breaks,
                        run_claims, runs, runs_claim, spell_claims, with_breaks)
from .national import (OUTSIDE_NATIONAL, RATIO_PER, TALLY, align_national, apparatus_victims,  # noqa: F401
                       concentration, concentration_claims, difference, hedged_claim, kinds, national,
                       national_tallies, not_stated, note_claims, own_rows, rivalled, series_claims,
                       subject_sides, tallies_differ, tallies_silent, unplaced_claim, victim_claims, victims)

#: Everything `helpers.cadence` offers: its own functions and those of the modules it gathers.
__all__ = ["COUNTING_RULE", "FREQS", "KILLING_TYPES", "MAX_SPAN_DAYS", "NO_FIGURE", "OUTSIDE_NATIONAL",
           "RATIO_PER", "RULES", "RUN_DAYS", "SCOPES", "TALLY", "abroad_claims", "align_national", "alternatives",
           "apparatus_victims", "band", "busiest", "campaigns", "certain_claim", "concentration", "concentration_claims",
           "counts", "dated_claims", "dated_killings", "days_claim", "difference", "disputed_claims", "doubted",
           "disputed_dates", "era_claims", "era_of_events", "era_totals", "gaps", "hedged_claim",
           "interval_claims", "interval_summary", "killings", "kinds", "leader_claims", "longest_run",
           "mass_claim", "mass_killings", "median_claim", "merged_rows", "moved_killings", "national",
           "national_tallies", "not_stated", "note_claims", "over_time_claims", "own_rows", "peak_claims",
           "per_era", "periods", "placed_claim", "placed_in", "placements", "possible_claim", "quiet_spells",
           "ranking", "rival_dates", "rivalled", "run_breaks", "run_claims", "runs", "runs_claim", "select",
           "selection_claims", "series_claims", "spanning", "spanning_claim", "spell_claims", "subject_sides",
           "tallies_differ", "tallies_silent", "things_claim", "type_peaks", "unplaced_claim", "victim_claims", "victims",
           "with_breaks", "with_groups"]



# --- eras --------------------------------------------------------------------------------------

def era_of_events(events: pd.DataFrame, table: pd.DataFrame) -> pd.Series:
    """The era each event's whole span lies in (a label of `table`: era, start, and `stop`, the day after
    its end), missing for an event that spans a change of head or lies outside every era."""
    bins = list(table.start) + [table.stop.iloc[-1]]
    labels = list(table.era)
    at_start = pd.cut(events.start, bins=bins, labels=labels, right=False, ordered=False)
    at_end = pd.cut(events.end, bins=bins, labels=labels, right=False, ordered=False)
    inside = at_start.notna() & (at_start.astype(str) == at_end.astype(str))
    return at_start.astype(str).where(inside)


def per_era(events: pd.DataFrame, eras_table: pd.DataFrame, first: pd.Timestamp | None = None,
            last: pd.Timestamp | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events per era of a head of the secret police, and per year of the era (within first–last).

    An event counts for an era when its whole span lies in it; the others are returned as the second frame (they
    span a change of head, or fall outside every era). Columns: era, name, start, end (clipped to the window),
    years, events, not_stated, per_year.
    """
    check_days(first, last)
    table = eras_table.reset_index(drop=True).copy()
    stop = table.end.copy()                       # exclusive: the next era's start, or the day after the last
    stop.iloc[-1] += pd.Timedelta(days=1)
    if first is not None:
        table["start"] = table.start.clip(lower=first)
    if last is not None:
        table["end"] = table.end.clip(upper=last)
        stop = stop.clip(upper=last + pd.Timedelta(days=1))
    keep = table.start < stop
    table, stop = table[keep].reset_index(drop=True), stop[keep].reset_index(drop=True)
    if table.empty:
        return table.assign(years=[], events=[], not_stated=[], per_year=[]), events[[]]
    era = era_of_events(events, table.assign(stop=stop))
    inside = era.notna()
    era = era[inside]
    years = (stop - table.start).dt.days / 365.25
    table["years"] = years.round(2)
    table["events"] = table.era.map(era.value_counts()).fillna(0).astype(int)
    stated = events[inside].certainty == "stated"
    table["not_stated"] = table.era.map(era[~stated].value_counts()).fillna(0).astype(int)
    table["per_year"] = (table.events / years).round(1)  # by the exact years: 66 in 790 days is 30.5, not 66 / 2.16
    cols = [c for c in _EVENT_COLUMNS + ["parts"] if c in events]
    outside = events[~inside][cols].sort_values(["start", "event_id"]).reset_index(drop=True)
    return table[["era", "name", "start", "end", "years", "events", "not_stated", "per_year"]], outside


# --- what the sentences quote ------------------------------------------------------------------

def busiest(table: pd.DataFrame, column: str | None = None) -> dict:
    """Of a table of `counts`: `placed` (the events of `column`, else of every column), the `period` with the most
    (the first on a tie) and that most (`events`); `of` (the events of every column) and `share` (placed / of)."""
    totals = table.sum(axis=1)
    chosen = totals if column is None else table[column] if column in table else totals * 0
    placed, whole = chosen.sum(), table.values.sum()
    return {"placed": placed, "period": chosen.idxmax(), "events": chosen.max(), "of": whole,
            "share": placed / max(whole, 1)}


def type_peaks(table: pd.DataFrame) -> dict:
    """Of a period × type table of `counts`: the darkest `cells` (a Series indexed by period and type, in the
    table's order) and their count (`most`); `by_type`, each type's total, largest first (ties in table order)."""
    cells = table.stack()
    return {"most": cells.max(), "cells": cells[cells == cells.max()],
            "by_type": table.sum().sort_values(ascending=False, kind="stable")}


def era_totals(by_era: pd.DataFrame) -> dict:
    """Of a `per_era` table: the era with the most events a year (`busiest`, its row; the first on a tie), and the
    events counted in all eras (`events`), of them alleged or disputed (`not_stated`)."""
    return {"busiest": by_era.loc[by_era.per_year.idxmax()], "events": by_era.events.sum(),
            "not_stated": by_era.not_stated.sum()}


# --- the claims of sections 1, 2 and 4 ---------------------------------------------------------

def selection_claims(ds: Dataset, events: pd.DataFrame) -> dict[str, claims.Claim]:
    """`events`: how many things `select` chose, each once (`COUNTING_RULE`)."""
    return {"events": things_claim(ds, events, f"the events chosen, each thing once: {COUNTING_RULE}")}


def _in_one(events: pd.DataFrame, index: pd.PeriodIndex, freq: str) -> pd.Series:
    """Whether each event's span lies in one period of `index`."""
    code = _PERIOD[freq]
    p0, p1 = events.start.dt.to_period(code), events.end.dt.to_period(code)
    return (p0 == p1) & p0.isin(index)


def placed_in(ds: Dataset, events: pd.DataFrame, index: pd.PeriodIndex, freq: str, rule: str,
              what: str) -> claims.Claim:
    """The events `counts` places in the periods of `index` in all: under 'exclude' those whose span lies in one
    of them (a count of rows), under 'spread' each one's share of days inside the window the periods make."""
    check("rule", rule, choices=RULES)
    if rule == "exclude":
        return things_claim(ds, events[_in_one(events, index, freq)], f"{what} whose whole span of dates lies in "
                            f"one {freq} from {index[0]} to {index[-1]} (the exclude rule)", {"rule": rule, "freq": freq})
    return placed_claim(ds, events, index[0].start_time, index[-1].end_time.normalize(), rule, what, {"freq": freq})


def leader_claims(ds: Dataset, events: pd.DataFrame, ranked: pd.DataFrame, what: str) -> dict[str, claims.Claim]:
    """Of the first period of `ranking`: `certain` (events certainly in it) and `possible` (events that may be)."""
    if not len(ranked):
        return {}
    period = ranked.index[0]
    return {"certain": certain_claim(ds, events, period, what), "possible": possible_claim(ds, events, period, what)}


def over_time_claims(ds: Dataset, events: pd.DataFrame, table: pd.DataFrame, ranked: pd.DataFrame, freq: str,
                     rule: str, mass: pd.DataFrame) -> dict[str, claims.Claim]:
    """The numbers of the chart per period: `placed` (events `counts` places), `spanning` (events whose dates
    span several periods: left out or shared), `certain` and `possible` (of the period that may be busiest,
    `leader_claims`), and `mass` (the mass killings drawn as bands)."""
    inside = _in_one(events, table.index, freq)
    out = {"placed": placed_in(ds, events, table.index, freq, rule, "events"),
           "spanning": things_claim(ds, events[~inside & (events.start.dt.to_period(_PERIOD[freq])
                                                          != events.end.dt.to_period(_PERIOD[freq]))],
                                    f"events whose dates span more than one {freq}"),
           **leader_claims(ds, events, ranked, "events")}
    out["mass"] = mass_claim(ds, mass)
    return out


def mass_claim(ds: Dataset, mass: pd.DataFrame) -> claims.Claim:
    """How many mass killings `mass_killings` gives: its rows are operations (by id) or massacre events."""
    ops = [i for i in mass.id if i in set(ds.operations.operation_id)]
    evs = [i for i in mass.id if i not in set(ops)]
    q = lambda ids: ", ".join(f"'{i}'" for i in ids) or "NULL"  # noqa: E731
    sql = (f"SELECT (SELECT COUNT(*) FROM operations WHERE operation_id IN ({q(ops)})) + "
           f"(SELECT COUNT(*) FROM events WHERE event_id IN ({q(evs)}))")
    return claims.make(ds, len(mass), "mass killings dated only to a span: operations with a shot tally or a "
                       "massacre, and massacres outside any operation", sql, {"operations": ops, "events": evs})


def spanning_claim(ds: Dataset, across: pd.DataFrame, freq: str) -> claims.Claim:
    """How many events `spanning` gives."""
    return things_claim(ds, across, f"events whose dates span more than one {freq}", {"freq": freq})


def _stops(by_era: pd.DataFrame) -> pd.Series:
    """The day after each era of a `per_era` table ends (exclusive): the next era's start, or the day after
    the last."""
    stop = by_era.end.copy()
    stop.iloc[-1] += pd.Timedelta(days=1)
    return stop


def _era_years_sql(ds: Dataset, by_era: pd.DataFrame, eras_table: pd.DataFrame, label: str) -> tuple[str, list[str]]:
    """The SQL of an era's years as `per_era` computes them (unrounded), and the positions it reads: from the head's
    start to the next head's, as the positions table dates them, unless the window or the coverage cuts
    them (then that day itself)."""
    heads = eras_.heads(ds)
    position = {(p, s): i for p, s, i in zip(heads.person_id, heads.start_earliest, heads.position_id)}
    own = by_era.set_index("era")
    start, stop = own.at[label, "start"], _stops(by_era)[list(by_era.era).index(label)]
    full = eras_table.reset_index(drop=True)
    k = list(full.era).index(label)
    ends, rows = [], []
    for day, row in ((start, k), (stop, k + 1)):
        pos = position.get((full.person_id[row], full.start[row])) if row < len(full) and full.start[row] == day else None
        rows += [pos] if pos else []
        ends.append(f"(SELECT julianday(start_start) FROM positions WHERE position_id = '{pos}')" if pos
                    else f"julianday('{day:%Y-%m-%d}')")
    return f"(({ends[1]} - {ends[0]}) / 365.25)", rows


def era_claims(ds: Dataset, events: pd.DataFrame, by_era: pd.DataFrame, across: pd.DataFrame,
               eras_table: pd.DataFrame) -> dict[str, claims.Claim]:
    """The numbers of the per-era sentence: of the busiest era (`era_totals`), `events`, `years` and
    `per_year`; `not_stated` and `counted` (the events counted in every era, those alleged or disputed
    among them) and `across` (the events no era can take)."""
    top = by_era.loc[by_era.per_year.idxmax()]
    era = era_of_events(events, by_era.assign(stop=_stops(by_era)))
    mine, counted = events[era == top.era], events[era.notna()]
    n = things_claim(ds, mine, f"events whose whole span lies in the {top.era} era")
    years_sql, positions = _era_years_sql(ds, by_era, eras_table, top.era)
    years = claims.make(ds, float(top.years), f"the years of the {top.era} era: from its head's start to the next "
                        "head's (or the window's end), in days over 365.25", f"SELECT ROUND({years_sql}, 2)",
                        {"positions": positions}, text=f"{top.years:g}")
    per_year = claims.make(ds, float(top.per_year), f"events of the {top.era} era per year of it",
                           f"SELECT ROUND(CAST(({n.sql}) AS REAL) / {years_sql}, 1)",
                           {"events": n.ids("events"), "positions": positions}, text=f"{top.per_year:g}")
    return {"events": n, "years": years, "per_year": per_year,
            "not_stated": things_claim(ds, counted[counted.certainty != "stated"],
                                       "events counted in an era that rest on an allegation or a disputed account"),
            "counted": things_claim(ds, counted, "events whose whole span lies in one era"),
            "across": things_claim(ds, across, "events that span a change of head or lie outside every era")}


def peak_claims(ds: Dataset, events: pd.DataFrame, table: pd.DataFrame, peaks: dict, freq: str,
                rule: str) -> dict[str, claims.Claim]:
    """The numbers of the heat map's sentence: `darkest` (the events of the first darkest cell) and `first`,
    `second` (the two most frequent types over the window, `type_peaks`)."""
    period, type_ = peaks["cells"].index[0]
    lo, hi = period.start_time, period.end_time.normalize()
    out = {"darkest": placed_claim(ds, events[events.type == type_], lo, hi, rule, f"{type_} events")}
    for key, t in zip(("first", "second"), peaks["by_type"].index[:2]):
        out[key] = placed_in(ds, events[events.type == t], table.index, freq, rule, f"{t} events")
    return out


def abroad_claims(ds: Dataset, events: pd.DataFrame, table: pd.DataFrame, ranked: pd.DataFrame, freq: str,
                  rule: str) -> dict[str, claims.Claim]:
    """The numbers of the sentence on events abroad: `abroad` (placed abroad), `placed` (placed in all),
    `share`, and `certain`, `possible` for the period abroad that may be busiest (`ranking` of the events
    abroad)."""
    away = events[events.scope == "abroad"]
    abroad = placed_in(ds, away, table.index, freq, rule, "events abroad")
    placed = placed_in(ds, events, table.index, freq, rule, "events")
    out = {"abroad": abroad, "placed": placed}
    if placed.value:
        out["share"] = claims.share(ds, abroad, placed, rule="events abroad out of all events placed")
    return {**out, **leader_claims(ds, away, ranked, "events abroad")}
