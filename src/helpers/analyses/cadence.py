"""The cadence of the purges: when the killings and arrests came, how fast and in what rhythm.

Pure functions over the Dataset's frames, used by `notebooks/01-purge-cadence.ipynb`:

- `select` picks the events of interest (types, scope, a window of dates) and counts each thing once
  (`evidence.count_once`): the events of one operation that share a type and name no victim (the Katyn massacre
  and Blokhin's Kalinin shootings within it) become one row; `merged_rows` lists them. Totals are tallies
  (tallies.csv), never events, so no total is ever counted here;
- `counts` bins them per month, quarter or year *aware of date precision*: an event whose earliest–latest span
  lies in one bin counts there; one that spans several bins is either left out and listed (`rule="exclude"`,
  the default) or shared among the bins in proportion to the days of its span in each (`rule="spread"`).
  Never is it pushed onto the first day of its span;
- `killings`, `dated_killings`, `gaps`, `quiet_spells` and `runs` measure the intervals between the precisely
  dated killings, each standing at the midpoint of its dates (`evidence.midpoint`), with the shortest and
  longest each gap can be (`evidence.span_days`);
- `mass_killings` gives the mass killings dated only to a span (an operation with a `shot` tally or a massacre)
  with their figures per source, to draw as bands where killings are drawn; `quiet_spells` flags a stretch
  that such a span overlaps, so it is not called quiet;
- `per_era` groups by the head of the secret police (eras from `helpers.eras`);
- `national`, `align_national`, `concentration` and `difference` set the national convictions and death
  sentences beside the case file's arrests and killings; `national_tallies` says which figures of shot people
  the national series leaves out (OUTSIDE_NATIONAL); `not_stated`, `disputed_dates` and `subject_sides` show
  what rests on allegation, which killings another source dates otherwise, and whom the killings struck;
- `busiest`, `type_peaks`, `era_totals`, `interval_summary`, `longest_run` and `moved_killings` pick out of
  those frames the values the report's sentences quote.

Keeping only stated evidence is `Dataset.stated_only()`, done by the caller before selecting. The figures are
`helpers.figures.cadence`, the sentences `helpers.captions.cadence`. Every option (freq, rule, scope, tally, a
window of days, a count) is checked where it is taken: a wrong one raises `ParameterError` with one sentence,
even in a cell run on a stale kernel.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core import dates
from ..core.checks import check, check_days
from ..data.vocabulary import BACKGROUND, event_groups, violent_methods
from ..evidence import Dataset

#: Bins of the time series, and the pandas period each one is.
FREQS = ("month", "quarter", "year")
_PERIOD = {"month": "M", "quarter": "Q", "year": "Y"}
#: What to do with an event whose dates span several bins.
RULES = ("exclude", "spread")
SCOPES = ("all", "domestic", "abroad")
#: Event types that are killings; a `death` is one when its method is violent (`violent_methods`).
KILLING_TYPES = ("execution", "assassination", "massacre")
#: A killing enters the gaps only if its dates span at most this many days (a day or a month).
MAX_SPAN_DAYS = 31
#: Killings closer together than this many days form a run.
RUN_DAYS = 30
#: The ratio of case-file events to the national figures is given per this many national cases.
RATIO_PER = 10_000
#: The national tally used unless another is asked for (convictions_by_year.count).
TALLY = "mvd"
#: Operations whose people shot are not in the national series of death sentences. The rule: the series
#: (reference-facts §3, convictions for counter-revolutionary crimes with their death sentences, MVD and KGB
#: data) does not hold the Polish prisoners shot in 1940 on the decisions of the NKVD's special troika
#: (reference-facts §5: 21,857). The reference does not say so in words; the arithmetic does: 21,857 is more
#: than all of 1940's death sentences in the series (1,649 MVD, 1,863 KGB), so they cannot be among them. The
#: Great Purge's 681,692 shot, by contrast, equal the series' 1937 + 1938 death sentences (reference-facts §3
#: notes), so they are inside it.
OUTSIDE_NATIONAL = ("katyn-1940",)
#: What `mass_killings` says of a mass killing no source puts a number on.
NO_FIGURE = "no figure given"

_EVENT_COLUMNS = ["event_id", "date", "type", "title", "scope", "certainty", "start", "end"]


# --- choosing events ---------------------------------------------------------------------------

def select(events: pd.DataFrame, roles: pd.DataFrame, *, types=(), scope: str = "all",
           first: pd.Timestamp | None = None, last: pd.Timestamp | None = None) -> pd.DataFrame:
    """The events of interest, each thing counted once, sorted by start and id.

    roles: the roles table, to tell a mass event (naming no subject) from a killing of a person. The events of one
    operation that share a type and name no subject become one row (`evidence.count_once`: the operation's id and
    type as event_id, the hull of their dates, `parts` listing them). types: the event types to keep; empty keeps
    every type except the background ones (`context`). scope: 'all', 'domestic' or 'abroad'. first/last: keep events
    whose date span overlaps this window (an event half inside is kept; `counts` shares or lists it). To keep only
    stated evidence, select from `Dataset.stated_only()`.
    """
    if not isinstance(types, (list, tuple)):  # the names themselves are checked against the vocabulary
        check("types", types, kind=list)      # by `params.check_all`; the frames here do not carry it
    check("scope", scope, choices=SCOPES)
    check_days(first, last)
    events = evidence.count_once(events, roles)
    keep = events.type.isin(list(types)) if len(types) else ~events.type.isin(BACKGROUND)
    if scope != "all":
        keep &= events.scope == scope
    keep &= events.start.notna() & events.end.notna()
    if first is not None:
        keep &= events.end >= first
    if last is not None:
        keep &= events.start <= last
    return events[keep].sort_values(["start", "event_id"]).reset_index(drop=True)


def merged_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The rows of `select` that stand for several events of one operation: event_id, date, type, parts."""
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
    cols = [c for c in ("event_id", "date", "type", "group", "title", "start", "end") if c in events.columns]
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
    cols = [c for c in _EVENT_COLUMNS if c in events]
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
    bins = list(table.start) + [stop.iloc[-1]]
    labels = list(table.era)
    at_start = pd.cut(events.start, bins=bins, labels=labels, right=False, ordered=False)
    at_end = pd.cut(events.end, bins=bins, labels=labels, right=False, ordered=False)
    inside = at_start.notna() & (at_start.astype(str) == at_end.astype(str))
    era = at_start[inside].astype(str)
    table["years"] = ((stop - table.start).dt.days / 365.25).round(2)
    table["events"] = table.era.map(era.value_counts()).fillna(0).astype(int)
    stated = events[inside].certainty == "stated"
    table["not_stated"] = table.era.map(era[~stated].value_counts()).fillna(0).astype(int)
    table["per_year"] = (table.events / table.years).round(1)
    cols = [c for c in _EVENT_COLUMNS if c in events]
    spanning = events[~inside][cols].sort_values(["start", "event_id"]).reset_index(drop=True)
    return table[["era", "name", "start", "end", "years", "events", "not_stated", "per_year"]], spanning


# --- gaps between killings ---------------------------------------------------------------------

def dated_killings(kills: pd.DataFrame, max_span_days: int = MAX_SPAN_DAYS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The killings precise enough to measure gaps with, each at the midpoint of its dates; and the rest.

    A killing qualifies when its dates span at most `max_span_days` days (a day, or a month); it then stands at
    `mid`, the midpoint of its earliest and latest day (`evidence.midpoint`: the day halfway, rounded down). Sorted
    by mid, start and id. The mass killings dated only to a longer span are among the rest; `mass_killings` draws
    them as spans.
    """
    check("max_span_days", max_span_days, kind=int, minimum=1)
    span = (kills.end - kills.start).dt.days + 1
    dated = kills[span <= max_span_days].assign(mid=lambda d: evidence.midpoint(d.start, d.end))
    dated = dated.sort_values(["mid", "start", "event_id"]).reset_index(drop=True)
    cols = [c for c in _EVENT_COLUMNS if c in kills]
    too_vague = kills[span > max_span_days][cols].sort_values(["start", "event_id"]).reset_index(drop=True)
    return dated, too_vague


def gaps(dated: pd.DataFrame) -> pd.DataFrame:
    """The intervals between consecutive killings (from `dated_killings`), one row per neighbours.

    `after`/`before` name the earlier and the later killing; `start`/`end` are their midpoints; `days` the interval
    between the midpoints, and `min_days`/`max_days` the shortest and longest it can be given both killings' dates
    (never below 0). Killings on one day give 0 days.
    """
    prev, nxt = dated.iloc[:-1].reset_index(drop=True), dated.iloc[1:].reset_index(drop=True)
    shortest, longest = evidence.span_days(prev.start, prev.end, nxt.start, nxt.end)
    return pd.DataFrame({
        "after": prev.event_id, "after_date": prev.date,
        "before": nxt.event_id, "before_date": nxt.date,
        "start": prev.mid, "end": nxt.mid,
        "days": (nxt.mid - prev.mid) / pd.Timedelta(days=1),
        "min_days": shortest.clip(lower=0),
        "max_days": longest,
    })


def quiet_spells(gap_table: pd.DataFrame, n: int = 5, mass: pd.DataFrame | None = None) -> pd.DataFrame:
    """The n longest intervals between precisely dated killings, longest first (ties: the earlier first).

    mass: the spans of `mass_killings`. `during` names the mass killings whose span may overlap the interval
    (`evidence.overlaps`, from the earlier killing's point to the later's, bounds included), leaving out a mass
    killing that is itself one of the two killings; `quiet` is True only when there is none, so a stretch holding a
    mass killing is never called quiet.
    """
    check("n", n, kind=int, minimum=0)
    out = gap_table.copy()
    during = []
    for g in out.itertuples(index=False):
        names = []
        if mass is not None and len(mass):
            hit = evidence.overlaps(g.start, g.end, mass.start, mass.end)
            for m in mass[hit].itertuples(index=False):
                if not {g.after, g.before} & set(m.events.split(", ")):
                    names.append(m.name)
        during.append("; ".join(names))
    out["during"] = pd.Series(during, index=out.index, dtype=object)
    out["quiet"] = out.during == ""
    return out.sort_values(["days", "start"], ascending=[False, True]).head(n).reset_index(drop=True)


def runs(gap_table: pd.DataFrame, within_days: float = RUN_DAYS) -> pd.DataFrame:
    """Runs of killings each less than `within_days` after the one before (midpoint to midpoint).

    One row per run of two or more killings: first and last killing, their points, how many
    killings, how many days the run lasts, and the killings' ids in order. Sorted by start.
    """
    check("within_days", within_days, kind=int, minimum=1)
    rows, current = [], None
    for g in gap_table.itertuples(index=False):
        if g.days < within_days:
            if current is None:
                current = {"first": g.after, "start": g.start, "ids": [g.after]}
            current.update(last=g.before, end=g.end)
            current["ids"].append(g.before)
        elif current is not None:
            rows.append(current)
            current = None
    if current is not None:
        rows.append(current)
    out = pd.DataFrame([{
        "first": r["first"], "last": r["last"], "start": r["start"], "end": r["end"],
        "killings": len(r["ids"]), "days": (r["end"] - r["start"]) / pd.Timedelta(days=1),
        "events": ", ".join(r["ids"]),
    } for r in rows], columns=["first", "last", "start", "end", "killings", "days", "events"])
    return out.sort_values(["start", "first"]).reset_index(drop=True)


# --- mass killings dated to a span -------------------------------------------------------------

def mass_killings(ds: Dataset, first: pd.Timestamp | None = None, last: pd.Timestamp | None = None,
                  scope: str = "all") -> pd.DataFrame:
    """The mass killings, each as a span with its figures per source: one row per operation with a `shot` tally or a
    massacre event, and per massacre event outside any operation.

    Span: the hull of the killing events' dates (`killings` of the operation's events); when it has none, the period
    of its narrowest `shot` tally that is no part of another (a year's share of a two-year total would be narrower
    but is not the whole); `dated_by` says which. figures: the `shot` tallies that are not part of another (the
    operation's, or the event's), per source, as text — '681,692 (reference-facts); about 680,000 (case-file-0121)';
    for a massacre outside an operation also its own death toll. Kept when the span overlaps first–last and the
    scope matches. Columns: id, name, scope, start, end, dated_by, figures, events (the killings' ids, with the
    parts of merged rows). Sorted by start and id.
    """
    check_days(first, last)
    check("scope", scope, choices=SCOPES)
    violent, ev, tallies, ops = (violent_methods(ds.descriptor), ds.events, ds.tables.get("tallies"),
                                 ds.tables.get("operations"))
    shot = tallies[tallies.counted == "shot"] if tallies is not None else None
    rows = []
    for op in ([] if ops is None else ops.itertuples(index=False)):
        own = ev[ev.operation_id == op.operation_id]
        kills = killings(own, violent)
        mine = (shot[(shot.operation_id == op.operation_id) | shot.event_id.isin(set(own.event_id))]
                if shot is not None else pd.DataFrame())
        if not len(mine) and not (own.type == "massacre").any():
            continue
        if len(kills):
            start, end, dated_by = kills.start.min(), kills.end.max(), "killings"
        else:
            tops = evidence.totals(mine)
            width = tops.period_latest - tops.period_earliest
            narrow = tops.assign(width=width).dropna(subset=["width"]).sort_values(["width", "tally_id"])
            if not len(narrow):
                continue
            start, end, dated_by = narrow.period_earliest.iloc[0], narrow.period_latest.iloc[0], "tally"
        rows.append({"id": op.operation_id, "name": op.name, "scope": op.scope, "start": start, "end": end,
                     "dated_by": dated_by, "figures": (evidence.figures_by_source(evidence.totals(mine)) if len(mine) else "") or NO_FIGURE,
                     "events": ", ".join(sorted(kills.event_id))})
    alone = ev[(ev.type == "massacre") & ev.operation_id.isna() & ev.start.notna()]
    figure_cols = ["source_id", "low", "best", "high", "qualifier"]
    for m in alone.itertuples(index=False):
        mine = evidence.totals(shot[shot.event_id == m.event_id]) if shot is not None else pd.DataFrame()
        told = [{"source_id": m.source_id, "low": m.deaths_low, "best": m.deaths_best, "high": m.deaths_high,
                 "qualifier": m.deaths_qualifier}]
        told += [dict(zip(figure_cols, r)) for r in (mine[figure_cols].itertuples(index=False) if len(mine) else [])]
        told = pd.DataFrame(told, columns=figure_cols).astype({"low": "Int64", "best": "Int64", "high": "Int64"})
        rows.append({"id": m.event_id, "name": m.title, "scope": m.scope, "start": m.start, "end": m.end,
                     "dated_by": "killings", "figures": evidence.figures_by_source(told) or NO_FIGURE, "events": m.event_id})
    out = pd.DataFrame(rows, columns=["id", "name", "scope", "start", "end", "dated_by", "figures", "events"])
    out["start"], out["end"] = pd.to_datetime(out.start), pd.to_datetime(out.end)
    keep = pd.Series(True, index=out.index)
    if scope != "all":
        keep &= out.scope == scope
    if first is not None:
        keep &= out.end >= first
    if last is not None:
        keep &= out.start <= last
    return out[keep].sort_values(["start", "id"]).reset_index(drop=True)


# --- the national series -----------------------------------------------------------------------

def national(convictions: pd.DataFrame, tally: str = TALLY) -> pd.DataFrame:
    """The national series of one tally, indexed by year: convicted, sentenced_to_death, partial_year."""
    check("tally", tally, choices=sorted(set(convictions["count"])))
    rows = convictions[convictions["count"] == tally].set_index("year").sort_index()
    return pd.DataFrame({"convicted": rows.convicted.astype(float),
                         "sentenced_to_death": rows.sentenced_to_death.astype(float),
                         "partial_year": rows.partial_year.fillna(False).astype(bool)})


def tallies_differ(convictions: pd.DataFrame, tally: str = TALLY) -> list[int]:
    """The years in which another tally gives other convictions or death sentences than `tally`."""
    check("tally", tally, choices=sorted(set(convictions["count"])))
    mine = national(convictions, tally)
    years = set()
    for other in sorted(set(convictions["count"]) - {tally}):
        theirs = national(convictions, other).reindex(mine.index)
        for col in ("convicted", "sentenced_to_death"):
            differ = ~((mine[col] == theirs[col]) | (mine[col].isna() & theirs[col].isna()))
            years |= set(mine.index[differ])
    return sorted(int(y) for y in years)


def align_national(events: pd.DataFrame, convictions: pd.DataFrame, violent, tally: str = TALLY,
                   rule: str = "exclude") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The national series beside the case file's arrests and killings, per year of the series.

    events: the case-file events to count (the caller chooses scope and certainty). Arrests are `arrest` events, set
    beside the national convictions; killings are as `killings` defines them with the `violent` methods
    (`vocabulary.violent_methods`), beside the national death sentences. Both are placed per year under `rule`. The
    ratios are case-file events per RATIO_PER national cases (missing where the national figure is). Returns (table,
    the arrests and killings that no single year can take).
    """
    check("tally", tally, choices=sorted(set(convictions["count"])))
    check("rule", rule, choices=RULES)
    nat = national(convictions, tally)
    first = pd.Timestamp(year=int(nat.index.min()), month=1, day=1)
    last = pd.Timestamp(year=int(nat.index.max()), month=12, day=31)
    kinds = pd.concat([events[events.type == "arrest"].assign(kind="arrests"),
                       killings(events, violent).assign(kind="killings")], ignore_index=True)
    per_year, unplaceable = counts(kinds, freq="year", by="kind", rule=rule, first=first, last=last,
                                   order=["arrests", "killings"])
    per_year = per_year.reindex(columns=["arrests", "killings"], fill_value=0)
    per_year.index = per_year.index.year
    table = nat.join(per_year, how="left")
    table["arrests_ratio"] = table.arrests / table.convicted * RATIO_PER
    table["killings_ratio"] = table.killings / table.sentenced_to_death * RATIO_PER
    table.index.name = "year"
    return table, unplaceable


def national_tallies(ds: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """The figures of people shot (`shot` tallies that are no part of another; per operation or event, each source's
    principal figures, `evidence.principal_figures`) whose period lies in years of the national series, set beside
    its death sentences in those years.

    One row per tally: tally_id, operation_id, operation (its name), subject, source_id, first_year, last_year, shot
    (the best figure, else the low, else the high), figure (in prose), sentenced_to_death (the series' sum over the
    years), in_series (False for the operations of OUTSIDE_NATIONAL: not in the series), exceeds (the figure is
    larger than the series' death sentences of its years). Sorted by first year, operation and source.
    """
    cols = ["tally_id", "operation_id", "operation", "subject", "source_id", "first_year", "last_year", "shot",
            "figure", "sentenced_to_death", "in_series", "exceeds"]
    tallies, ops = ds.tables.get("tallies"), ds.tables.get("operations")
    names = ops.set_index("operation_id").name if ops is not None else pd.Series(dtype=object)
    if tallies is None or not len(tallies):
        return pd.DataFrame(columns=cols)
    shot = evidence.totals(tallies[tallies.counted == "shot"])
    shot = shot[shot.period_earliest.notna() & shot.period_latest.notna()]
    shot = pd.concat([evidence.principal_figures(own) for _, own in shot.groupby(shot.operation_id.fillna(shot.event_id))]
                     ) if len(shot) else shot
    rows = []
    for t in shot.itertuples(index=False):
        years = list(range(t.period_earliest.year, t.period_latest.year + 1))
        if not set(years) <= set(table.index):
            continue
        deaths = table.loc[years, "sentenced_to_death"]
        value = next((int(v) for v in (t.best, t.low, t.high) if not pd.isna(v)), None)
        total = float(deaths.sum()) if deaths.notna().all() else float("nan")
        rows.append({"tally_id": t.tally_id, "operation_id": t.operation_id, "operation": names.get(t.operation_id),
                     "subject": t.subject,
                     "source_id": t.source_id, "first_year": years[0], "last_year": years[-1], "shot": value,
                     "figure": evidence.figure(t.low, t.best, t.high, t.qualifier), "sentenced_to_death": total,
                     "in_series": t.operation_id not in OUTSIDE_NATIONAL,
                     "exceeds": value is not None and total == total and value > total})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["first_year", "operation_id", "source_id", "tally_id"]).reset_index(drop=True)


def concentration(table: pd.DataFrame) -> dict:
    """How the case file's killings and the national death sentences spread over the years.

    Over the whole years with a national figure: the national peak year and its share of all death sentences, the
    case file's peak year and the share of its killings that fall in the national peak year, and the years of the
    highest and lowest ratio among the years with a killing (with the national death sentences per case-file killing
    there). Over all whole years (a count of killings needs no national figure): every year with the most killings
    (`case_peaks`, a tie gives several) and that most (`case_peak_killings`).
    """
    whole = table[~table.partial_year]
    t = whole.dropna(subset=["sentenced_to_death"])  # whole years with a national figure
    nat_peak = int(t.sentenced_to_death.idxmax())
    cf_peak = int(t.killings.idxmax())
    with_kills = t[t.killings > 0]
    hi, lo = int(with_kills.killings_ratio.idxmax()), int(with_kills.killings_ratio.idxmin())
    return {
        "national_peak": nat_peak,
        "national_peak_share": t.loc[nat_peak, "sentenced_to_death"] / t.sentenced_to_death.sum(),
        "case_peak": cf_peak,
        "case_share_in_national_peak": t.loc[nat_peak, "killings"] / t.killings.sum() if t.killings.sum() else 0.0,
        "highest_ratio_year": hi,
        "sentences_per_killing_high": t.loc[hi, "sentenced_to_death"] / t.loc[hi, "killings"],
        "lowest_ratio_year": lo,
        "sentences_per_killing_low": t.loc[lo, "sentenced_to_death"] / t.loc[lo, "killings"],
        "case_peaks": [int(y) for y in whole.index[whole.killings == whole.killings.max()]],
        "case_peak_killings": whole.killings.max(),
    }


def subject_sides(ds: Dataset, events: pd.DataFrame) -> pd.Series:
    """Events per side of their subject (`evidence.participants`); an event naming no subject (a
    mass event, or the one row of an operation's mass events) is 'none named'."""
    subj = evidence.participants(ds, ("subject",))[["event_id", "person_id"]].merge(
        ds.people[["person_id", "side"]], on="person_id")
    side = events[["event_id"]].merge(subj.drop_duplicates("event_id")[["event_id", "side"]],
                                      on="event_id", how="left").side.fillna("none named")
    return side.value_counts().rename_axis("side").rename("events").sort_index().sort_values(
        ascending=False, kind="stable")


def difference(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """The years whose case-file arrests or killings differ between two `align_national` tables."""
    both = table[["arrests", "killings"]].join(other[["arrests", "killings"]], rsuffix="_other")
    changed = (both.arrests != both.arrests_other) | (both.killings != both.killings_other)
    return both[changed]


def not_stated(events: pd.DataFrame, violent=()) -> pd.DataFrame:
    """The arrests and killings (`killings` with the `violent` methods) among `events` that the source
    does not state plainly, by date."""
    kinds = pd.concat([events[events.type == "arrest"], killings(events, violent)]).drop_duplicates("event_id")
    out = kinds[kinds.certainty != "stated"].sort_values(["start", "event_id"])
    return out[["event_id", "date", "type", "certainty", "title"]].reset_index(drop=True)


def disputed_dates(ds: Dataset, kills: pd.DataFrame) -> pd.DataFrame:
    """The killings among `kills` (with the parts of merged rows) whose date another source gives otherwise
    (`evidence.disagreements`): one row per rival date.

    Columns: event_id, recorded (the package's date), recorded_by, attested, attested_by, other_year (True when the
    rival date may fall in a year the recorded one cannot: it would move the killing in a count per year). Sorted by
    event and rival date.
    """
    cols = ["event_id", "recorded", "recorded_by", "attested", "attested_by", "other_year"]
    ids = set(kills.event_id)
    if "parts" in kills:
        ids |= {p for parts in kills.parts.dropna() for p in str(parts).split(", ")}
    d = evidence.disagreements(ds)
    d = d[(d.target == "event") & (d.field == "date") & d.target_id.isin(ids)]
    bounds = ds.events.set_index("event_id")[["start", "end"]]
    other = []
    for r in d.itertuples(index=False):
        b = dates.parse(r.attested)
        lo, hi = bounds.loc[r.target_id, "start"].year, bounds.loc[r.target_id, "end"].year
        other.append(b.earliest.year < lo or b.latest.year > hi)
    out = d.rename(columns={"target_id": "event_id"}).assign(other_year=other)
    return out[cols].reset_index(drop=True)


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


def interval_summary(gap_table: pd.DataFrame, spells: pd.DataFrame, mass: pd.DataFrame | None = None) -> dict:
    """What the intervals between killings come to: the `median` of `gaps` (days; NaN for none), the `held` spells
    of `spells` (a mass killing falls in them: not quiet), and every `quiet` interval, longest first."""
    every = quiet_spells(gap_table, n=len(gap_table), mass=mass)
    return {"median": gap_table.days.median(), "held": spells[~spells.quiet], "quiet": every[every.quiet]}


def longest_run(bursts: pd.DataFrame) -> pd.DataFrame:
    """The run of `runs` with the most killings (the earliest on a tie), as a one-row frame (empty for none)."""
    return bursts.sort_values(["killings", "start"], ascending=[False, True]).head(1)


def moved_killings(disputed: pd.DataFrame) -> list[str]:
    """The killings of `disputed_dates` that a rival date puts in another year, sorted by id."""
    return sorted(set(disputed.event_id[disputed.other_year]))
