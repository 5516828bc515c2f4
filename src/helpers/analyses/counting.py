"""Choosing the events of reports 00 and 01 and counting them per month, quarter or year, with the doubt
of their dates: the part of `helpers.analyses.cadence` that report 00 uses too (`cadence` re-exports it).

- `select` picks the events of interest and counts each thing once by the one rule of
  `evidence.operations.counted` (`COUNTING_RULE`): background left out, an operation's mass killing one
  row, a group killing's named victims inside it;
- `counts` bins them per period *aware of date precision* (`placements`: an event whose span lies in one
  bin counts there; one spanning several is listed apart under `rule="exclude"` or shared by days under
  `rule="spread"`, never pushed onto the first day of its span);
- `band` gives every period's count under doubt (`evidence.bands`: certain, possible, expected, and a
  seeded Monte-Carlo band drawing each event's day inside its span and between the sources' dates,
  `alternatives`); `ranking` says which periods may be the busiest;
- `placed_claim`, `certain_claim` and `possible_claim` make the counts a sentence quotes into claims.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core.checks import check, check_days
from ..data.vocabulary import event_groups
from ..evidence import Dataset, bands, claims
from ..evidence.operations import RULE as COUNTING_RULE
from ..evidence.operations import all_parts, counted, parts_of, thing_sql, things_claim

#: Bins of the time series, and the pandas period each one is.
FREQS = ("month", "quarter", "year")
_PERIOD = {"month": "M", "quarter": "Q", "year": "Y"}
#: What to do with an event whose dates span several bins.
RULES = ("exclude", "spread")
SCOPES = ("all", "domestic", "abroad")
#: Event types that are killings; a `death` is one when its method is violent (`violent_methods`).
KILLING_TYPES = ("execution", "assassination", "massacre")

_EVENT_COLUMNS = ["event_id", "date", "type", "title", "scope", "certainty", "start", "end"]
__all__ = ["COUNTING_RULE", "FREQS", "RULES", "SCOPES", "KILLING_TYPES", "select", "merged_rows", "with_groups",
           "spanning", "killings", "periods", "placements", "counts", "alternatives", "band", "ranking",
           "placed_claim", "certain_claim", "possible_claim", "things_claim"]


# --- choosing events ---------------------------------------------------------------------------

def select(events: pd.DataFrame, roles: pd.DataFrame, *, types=(), scope: str = "all",
           first: pd.Timestamp | None = None, last: pd.Timestamp | None = None) -> pd.DataFrame:
    """The events of interest, each thing counted once (`evidence.operations.counted`), sorted by start and id.

    roles: the roles table, to tell a mass event (naming no subject) from a killing of a person. The events of one
    operation that share a type and name no subject become one row (the operation's id and type as event_id, the
    hull of their dates); a group killing holds the killings of the victims it names; `parts` lists what each row
    stands for. types: the event types to keep; empty keeps every type except the background ones (`context`).
    scope: 'all', 'domestic' or 'abroad'. first/last: keep events whose date span overlaps this window (an event
    half inside is kept; `counts` shares or lists it). To keep only stated evidence, select from
    `Dataset.stated_only()`.
    """
    if not isinstance(types, (list, tuple)):  # the names themselves are checked against the vocabulary
        check("types", types, kind=list)      # by `params.check_all`; the frames here do not carry it
    check("scope", scope, choices=SCOPES)
    check_days(first, last)
    events = counted(events, roles, types)
    keep = events.start.notna() & events.end.notna() & in_window(events, scope, first, last)
    return events[keep].sort_values(["start", "event_id"]).reset_index(drop=True)


def in_window(frame: pd.DataFrame, scope: str, first: pd.Timestamp | None, last: pd.Timestamp | None) -> pd.Series:
    """Which rows of `frame` (columns scope, start, end) are in `scope` ('all' keeps both) and may fall in
    the window from `first` to `last` (either open when None; inclusive bounds)."""
    keep = pd.Series(True, index=frame.index)
    if scope != "all":
        keep &= frame.scope == scope
    if first is not None:
        keep &= frame.end >= first
    if last is not None:
        keep &= frame.start <= last
    return keep


def merged_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The rows of `select` that stand for several events: event_id, date, type, parts."""
    if "parts" not in events:
        return pd.DataFrame(columns=["event_id", "date", "type", "parts"])
    many = events[events.parts != events.event_id]
    return many[["event_id", "date", "type", "parts"]].sort_values("event_id").reset_index(drop=True)


def with_groups(events: pd.DataFrame, descriptor: dict) -> pd.DataFrame:
    """`events` with a `group` column: each type's event group (`vocabulary.event_groups`), the eight
    categories the figures colour by."""
    groups = event_groups(descriptor)
    return events.assign(group=events.type.map(groups))


def spanning(events: pd.DataFrame, freq: str = "year") -> pd.DataFrame:
    """The events whose dates span more than one bin of `freq` (the ones a count per bin leaves out or
    shares), to draw as spans: event_id, date, type, title, start, end, sorted by start and id."""
    check("freq", freq, choices=FREQS)
    alias = _PERIOD[freq]
    many = events[events.start.dt.to_period(alias) != events.end.dt.to_period(alias)]
    cols = [c for c in ("event_id", "date", "type", "group", "title", "start", "end", "parts") if c in events.columns]
    return many.sort_values(["start", "event_id"])[cols].reset_index(drop=True)


def killings(events: pd.DataFrame, violent=()) -> pd.DataFrame:
    """Executions, assassinations, massacres, and deaths whose method is in `violent`."""
    violent_death = (events.type == "death") & events.method.isin(list(violent))
    out = events[events.type.isin(KILLING_TYPES) | violent_death]
    return out.sort_values(["start", "event_id"]).reset_index(drop=True)


# --- counting per period -----------------------------------------------------------------------

def periods(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    """Every month, quarter or year from the one holding `first` to the one holding `last`."""
    check("freq", freq, choices=FREQS)
    return pd.period_range(first.to_period(_PERIOD[freq]), last.to_period(_PERIOD[freq]),
                           freq=_PERIOD[freq], name="period")


def placements(events: pd.DataFrame, freq: str, rule: str = "exclude") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each event goes: (event_id, period, weight) rows, and the events no bin can take.

    An event whose span lies in one bin goes there with weight 1. One spanning n bins is, under rule 'exclude',
    returned among the unplaceable; under 'spread', split over the n bins with weight = days of its span in the bin
    / days of its span (a uniform spread over its possible days).
    """
    check("freq", freq, choices=FREQS)
    check("rule", rule, choices=RULES)
    code = _PERIOD[freq]
    rows, unplaced = [], []
    for ev in events.itertuples(index=False):
        p0, p1 = ev.start.to_period(code), ev.end.to_period(code)
        if p0 == p1:
            rows.append((ev.event_id, p0, 1.0))
        elif rule == "exclude":
            unplaced.append(ev.event_id)
        else:
            days = (ev.end - ev.start).days + 1
            for p in pd.period_range(p0, p1, freq=code):
                lo, hi = max(ev.start, p.start_time), min(ev.end, p.end_time.normalize())
                rows.append((ev.event_id, p, ((hi - lo).days + 1) / days))
    placed = pd.DataFrame(rows, columns=["event_id", "period", "weight"])
    placed["period"] = placed.period.astype(f"period[{code}]")
    cols = [c for c in _EVENT_COLUMNS + ["parts"] if c in events]
    unplaceable = events[events.event_id.isin(unplaced)][cols].sort_values(["start", "event_id"])
    return placed, unplaceable.reset_index(drop=True)


def counts(events: pd.DataFrame, freq: str = "month", by: str = "type", rule: str = "exclude",
           first: pd.Timestamp | None = None, last: pd.Timestamp | None = None,
           order=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events per period (rows: every period from first to last) and value of `by` (columns).

    by: any column of the events, e.g. 'type', 'scope' or 'certainty'; order: the order of its values (e.g. the
    vocabulary), else sorted. Dates are placed by `placements` under `rule`; counts are whole numbers under
    'exclude' and may be fractions under 'spread'. Returns (counts, unplaceable events with their dates). first/last
    default to the events' own span.
    """
    check("freq", freq, choices=FREQS)
    check("by", by, choices=list(events.columns))
    check("rule", rule, choices=RULES)
    check_days(first, last)
    first = events.start.min() if first is None else first
    last = events.end.max() if last is None else last
    index = periods(first, last, freq)
    placed, unplaceable = placements(events, freq, rule)
    placed = placed.merge(events[["event_id", by]], on="event_id")
    table = placed.pivot_table(index="period", columns=by, values="weight", aggfunc="sum", fill_value=0.0)
    present = list(table.columns)
    columns = [v for v in order if v in present] if order is not None else sorted(present)
    table = table.reindex(index=index, columns=columns, fill_value=0.0).fillna(0.0)
    table.index.name, table.columns.name = "period", by
    if rule == "exclude":
        table = table.round().astype(int)
    return table, unplaceable


# --- counts under doubt ------------------------------------------------------------------------

def alternatives(ds: Dataset, things: pd.DataFrame) -> pd.DataFrame:
    """The other readings of the things' dates: for each date another source gives an event otherwise
    (`evidence.disagreements`), the thing it is part of with that date's span (a merged row: the hull
    of its other parts and the rival date). Columns: event_id (the thing), start, end, part,
    attestation_id, date, source_id."""
    cols = ["event_id", "start", "end", "part", "attestation_id", "date", "source_id"]
    thing_of = {p: r.event_id for r in things.itertuples(index=False) for p in parts_of(getattr(r, "parts", r.event_id))}
    d = evidence.disagreements(ds)
    d = d[(d.target == "event") & (d.field == "date") & d.target_id.isin(set(thing_of))]
    if d.empty:
        return pd.DataFrame(columns=cols)
    att = ds.attestations.set_index("attestation_id")
    own = ds.events.set_index("event_id")
    rows = []
    for r in d.itertuples(index=False):
        lo, hi = att.at[r.attestation_id, "date_earliest"], att.at[r.attestation_id, "date_latest"]
        thing = thing_of[r.target_id]
        others = [p for p in parts_of(things.set_index("event_id").at[thing, "parts"]) if p != r.target_id] \
            if "parts" in things else []
        if others:
            lo, hi = min([lo, *own.loc[others, "start"]]), max([hi, *own.loc[others, "end"]])
        rows.append({"event_id": thing, "start": lo, "end": hi, "part": r.target_id, "attestation_id": r.attestation_id,
                     "date": r.attested, "source_id": r.attested_by})
    return pd.DataFrame(rows, columns=cols)


def band(ds: Dataset, things: pd.DataFrame, freq: str, first: pd.Timestamp, last: pd.Timestamp,
         seed: int = 0) -> pd.DataFrame:
    """Each period's count of `things` under the doubt of their dates (`evidence.bands.period_bands`):
    certain, possible, expected (the aoristic sum), low and high (the seeded Monte-Carlo band over
    the package's dates and the other sources', `alternatives`), mean; and `busiest`, the share of
    draws in which the period alone holds the most (`bands.busiest`)."""
    check("freq", freq, choices=FREQS)
    alt = alternatives(ds, things)
    out = bands.period_bands(things, freq, first, last, alternatives=alt, seed=seed)
    tally = bands.draws_table(things, freq, first, last, alternatives=alt, seed=seed)
    return out.assign(busiest=bands.busiest(tally).reindex(out.index).fillna(0.0))


def ranking(table: pd.DataFrame) -> pd.DataFrame:
    """The periods of `band` that may be the busiest: those the busiest alone in some draw, or whose band
    reaches the highest floor (high ≥ the largest low), the surest first; `sure` is True for the first
    when it is the busiest in at least `bands.SURE` of the draws."""
    floor = table.low.max() if len(table) else 0
    may = table[(table.busiest > 0) | (table.high >= max(floor, 1))]
    may = may.sort_values(["busiest", "expected"], ascending=False, kind="stable")
    return may.assign(sure=[i == 0 and s >= bands.SURE for i, s in enumerate(may.busiest)])


# --- the counts a sentence quotes, as claims ---------------------------------------------------

def _bounds(period: pd.Period) -> tuple[pd.Timestamp, pd.Timestamp]:
    return period.start_time, period.end_time.normalize()


def _inside(things: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    return things[(things.start >= lo) & (things.end <= hi)]


def placed_claim(ds: Dataset, things: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp, rule: str,
                 what: str, parameters: dict | None = None) -> claims.Claim:
    """The count `counts` gives `things` in the days lo–hi (a period, or a window of periods): under
    'exclude' the things whose whole span lies inside (a count of rows); under 'spread' each thing's
    share of days inside (the aoristic sum; its SQL computes the shares from each thing's first and
    last day). `what` says which events in words, for the rule."""
    check("rule", rule, choices=RULES)
    window = f"{lo:%Y-%m-%d} to {hi:%Y-%m-%d}"
    params = {"rule": rule, "from": f"{lo:%Y-%m-%d}", "to": f"{hi:%Y-%m-%d}", **(parameters or {})}
    if rule == "exclude":
        return things_claim(ds, _inside(things, lo, hi), f"{what} whose whole span of dates lies in {window} "
                            "(the exclude rule)", params)
    touching = things[(things.start <= hi) & (things.end >= lo)]
    days = (touching.end - touching.start).dt.days + 1
    inside = (touching.end.clip(upper=hi) - touching.start.clip(lower=lo)).dt.days + 1
    value = float((inside / days).sum())
    ids = list(dict.fromkeys(all_parts(touching)))
    listed = ", ".join("'" + i.replace("'", "''") + "'" for i in ids) or "NULL"
    j_lo, j_hi = f"julianday('{lo:%Y-%m-%d}')", f"julianday('{hi:%Y-%m-%d}')"
    sql = (f"SELECT COALESCE(SUM((MIN(e, {j_hi}) - MAX(s, {j_lo}) + 1) / (e - s + 1)), 0) FROM ("
           f"SELECT {thing_sql(touching)} AS thing, MIN(julianday(date_start)) AS s, MAX(julianday(date_end)) AS e "
           f"FROM events WHERE event_id IN ({listed}) GROUP BY thing)")
    return claims.make(ds, value, f"{what} touching {window}, each counted for the share of the days of its span "
                       "that fall inside (the spread rule)", sql, {"events": ids}, params)


def _readings(ds: Dataset, things: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    alt = alternatives(ds, things)
    return bands.readings(things, alt), alt


def certain_claim(ds: Dataset, things: pd.DataFrame, period: pd.Period, what: str) -> claims.Claim:
    """The things certainly in `period`: each reading of their dates (the package's, and another source's
    where it differs) lies wholly inside. Rests on the events and the attestations that could have
    moved them."""
    lo, hi = _bounds(period)
    spans, alt = _readings(ds, things)
    ok = spans.assign(inside=(spans.start >= lo) & (spans.end <= hi)).groupby("event_id").inside.all()
    chosen = things[things.event_id.map(ok).fillna(False).astype(bool)]
    used = alt[alt.event_id.isin(set(chosen.event_id))].attestation_id
    return things_claim(ds, chosen, f"{what} that fall in {period} under every reading of their dates (the whole span "
                        "of the package's date, and of any other source's date for them, lies inside)",
                        {"period": str(period)}, also={"attestations": list(used)} if len(used) else None)


def possible_claim(ds: Dataset, things: pd.DataFrame, period: pd.Period, what: str) -> claims.Claim:
    """The things that may fall in `period`: some reading of their dates (the package's, or another
    source's) touches it."""
    lo, hi = _bounds(period)
    spans, alt = _readings(ds, things)
    ok = spans.assign(touch=(spans.start <= hi) & (spans.end >= lo)).groupby("event_id").touch.any()
    chosen = things[things.event_id.map(ok).fillna(False).astype(bool)]
    used = alt[alt.event_id.isin(set(chosen.event_id))].attestation_id
    return things_claim(ds, chosen, f"{what} that may fall in {period}: some reading of their dates (the package's, "
                        "or another source's) touches it", {"period": str(period)},
                        also={"attestations": list(used)} if len(used) else None)
