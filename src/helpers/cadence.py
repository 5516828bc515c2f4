"""The cadence of the purges: when the killings and arrests came, how fast and in what rhythm.

Pure functions over the Dataset's frames, used by `notebooks/01-purge-cadence.ipynb`:

- `select` picks the events of interest (types, scope, certainty, a window of dates);
- `counts` bins them per month, quarter or year *aware of date precision*: an event whose
  earliest–latest span lies in one bin counts there; one that spans several bins is either left
  out and listed (`rule="exclude"`, the default) or shared among the bins in proportion to the days
  of its span in each (`rule="spread"`). Never is it pushed onto the first day of its span;
- `killings`, `dated_killings`, `gaps`, `quiet_spells` and `runs` measure the intervals between
  killings, each standing at the midpoint of its dates, with the shortest and longest each gap can be;
- `per_era` groups by the head of the secret police (eras from `helpers.eras`);
- `national`, `align_national`, `concentration` and `difference` set the national convictions and
  death sentences beside the case file's arrests and killings; `not_stated` and `subject_sides`
  show what rests on allegation and whom the case file's killings struck.

A mass event (one with `deaths`) counts as one event everywhere here, like any other row.
Figure functions sit beside the computations: each takes a computed frame and an optional ax.
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .dataset import VIOLENT_METHODS, Dataset

#: Bins of the time series, and the pandas period each one is.
FREQS = ("month", "quarter", "year")
_PERIOD = {"month": "M", "quarter": "Q", "year": "Y"}
#: What to do with an event whose dates span several bins.
RULES = ("exclude", "spread")
SCOPES = ("all", "domestic", "abroad")
#: Background events (the world around the secret police), left out unless asked for by name.
BACKGROUND = ("context",)
#: Event types that are killings; a `death` is one when its method is violent (VIOLENT_METHODS).
KILLING_TYPES = ("execution", "assassination", "massacre")
#: A killing enters the gaps only if its dates span at most this many days (a day or a month).
MAX_SPAN_DAYS = 31
#: Killings closer together than this many days form a run.
RUN_DAYS = 30
#: The ratio of case-file events to the national figures is given per this many national cases.
RATIO_PER = 10_000
#: The national tally used unless another is asked for (convictions_by_year.count).
TALLY = "mvd"

_EVENT_COLUMNS = ["event_id", "date", "type", "title", "scope", "certainty", "start", "end"]


# --- choosing events ---------------------------------------------------------------------------

def event_types(descriptor: dict) -> list[str]:
    """Every event type of the vocabulary in datapackage.json (to check a parameter before loading)."""
    return Dataset(descriptor=descriptor, tables={}).vocabulary("events", "type")


def select(events: pd.DataFrame, *, types=(), scope: str = "all", include_alleged: bool = True,
           first: pd.Timestamp | None = None, last: pd.Timestamp | None = None) -> pd.DataFrame:
    """The events of interest, sorted by start and id.

    types: the event types to keep; empty keeps every type except the background ones (`context`).
    scope: 'all', 'domestic' or 'abroad'. include_alleged=False keeps only what the source states
    plainly (it drops `alleged` and `disputed` events). first/last: keep events whose date span
    overlaps this window (an event half inside is kept; `counts` shares or lists it).
    """
    keep = events.type.isin(list(types)) if len(types) else ~events.type.isin(BACKGROUND)
    if scope != "all":
        keep &= events.scope == scope
    if not include_alleged:
        keep &= events.certainty == "stated"
    keep &= events.start.notna() & events.end.notna()
    if first is not None:
        keep &= events.end >= first
    if last is not None:
        keep &= events.start <= last
    return events[keep].sort_values(["start", "event_id"]).reset_index(drop=True)


def killings(events: pd.DataFrame) -> pd.DataFrame:
    """Executions, assassinations, massacres, and deaths whose method is violent (poison included)."""
    violent_death = (events.type == "death") & events.method.isin(VIOLENT_METHODS)
    out = events[events.type.isin(KILLING_TYPES) | violent_death]
    return out.sort_values(["start", "event_id"]).reset_index(drop=True)


# --- counting per period -----------------------------------------------------------------------

def periods(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    """Every month, quarter or year from the one holding `first` to the one holding `last`."""
    return pd.period_range(first.to_period(_PERIOD[freq]), last.to_period(_PERIOD[freq]),
                           freq=_PERIOD[freq], name="period")


def placements(events: pd.DataFrame, freq: str, rule: str = "exclude") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each event goes: (event_id, period, weight) rows, and the events no bin can take.

    An event whose span lies in one bin goes there with weight 1. One spanning n bins is, under
    rule 'exclude', returned among the unplaceable; under 'spread', split over the n bins with
    weight = days of its span in the bin / days of its span (a uniform spread over its possible days).
    """
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, not {rule!r}")
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

    by: any column of the events, e.g. 'type', 'scope' or 'certainty'; order: the order of its
    values (e.g. the vocabulary), else sorted. Dates are placed by `placements` under `rule`;
    counts are whole numbers under 'exclude' and may be fractions under 'spread'. Returns
    (counts, unplaceable events with their dates). first/last default to the events' own span.
    """
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

    An event counts for an era when its whole span lies in it; the others are returned as the
    second frame (they span a change of head, or fall outside every era). Columns: era, name,
    start, end (clipped to the window), years, events, not_stated, per_year.
    """
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

    A killing qualifies when its dates span at most `max_span_days` days (a day, or a month); it
    then stands at `mid`, the midpoint of its earliest and latest day. Sorted by mid, start and id.
    """
    span = (kills.end - kills.start).dt.days + 1
    dated = kills[span <= max_span_days].assign(mid=lambda d: d.start + (d.end - d.start) / 2)
    dated = dated.sort_values(["mid", "start", "event_id"]).reset_index(drop=True)
    cols = [c for c in _EVENT_COLUMNS if c in kills]
    too_vague = kills[span > max_span_days][cols].sort_values(["start", "event_id"]).reset_index(drop=True)
    return dated, too_vague


def gaps(dated: pd.DataFrame) -> pd.DataFrame:
    """The intervals between consecutive killings (from `dated_killings`), one row per neighbours.

    `after`/`before` name the earlier and the later killing; `start`/`end` are their midpoints;
    `days` the interval between the midpoints, and `min_days`/`max_days` the shortest and longest
    it can be given both killings' dates (never below 0). Killings on one day give 0 days.
    """
    prev, nxt = dated.iloc[:-1].reset_index(drop=True), dated.iloc[1:].reset_index(drop=True)
    return pd.DataFrame({
        "after": prev.event_id, "after_date": prev.date,
        "before": nxt.event_id, "before_date": nxt.date,
        "start": prev.mid, "end": nxt.mid,
        "days": (nxt.mid - prev.mid) / pd.Timedelta(days=1),
        "min_days": ((nxt.start - prev.end).dt.days).clip(lower=0),
        "max_days": (nxt.end - prev.start).dt.days,
    })


def quiet_spells(gap_table: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n longest intervals without a killing, longest first (ties: the earlier first)."""
    return gap_table.sort_values(["days", "start"], ascending=[False, True]).head(n).reset_index(drop=True)


def runs(gap_table: pd.DataFrame, within_days: float = RUN_DAYS) -> pd.DataFrame:
    """Runs of killings each less than `within_days` after the one before (midpoint to midpoint).

    One row per run of two or more killings: first and last killing, their points, how many
    killings, how many days the run lasts, and the killings' ids in order. Sorted by start.
    """
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


# --- the national series -----------------------------------------------------------------------

def national(convictions: pd.DataFrame, tally: str = TALLY) -> pd.DataFrame:
    """The national series of one tally, indexed by year: convicted, sentenced_to_death, partial_year."""
    rows = convictions[convictions["count"] == tally].set_index("year").sort_index()
    return pd.DataFrame({"convicted": rows.convicted.astype(float),
                         "sentenced_to_death": rows.sentenced_to_death.astype(float),
                         "partial_year": rows.partial_year.fillna(False).astype(bool)})


def tallies_differ(convictions: pd.DataFrame, tally: str = TALLY) -> list[int]:
    """The years in which another tally gives other convictions or death sentences than `tally`."""
    mine = national(convictions, tally)
    years = set()
    for other in sorted(set(convictions["count"]) - {tally}):
        theirs = national(convictions, other).reindex(mine.index)
        for col in ("convicted", "sentenced_to_death"):
            differ = ~((mine[col] == theirs[col]) | (mine[col].isna() & theirs[col].isna()))
            years |= set(mine.index[differ])
    return sorted(int(y) for y in years)


def align_national(events: pd.DataFrame, convictions: pd.DataFrame, tally: str = TALLY,
                   rule: str = "exclude") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The national series beside the case file's arrests and killings, per year of the series.

    events: the case-file events to count (the caller chooses scope and certainty). Arrests are
    `arrest` events, set beside the national convictions; killings are as `killings` defines them,
    beside the national death sentences. Both are placed per year under `rule`. The ratios are
    case-file events per RATIO_PER national cases (missing where the national figure is).
    Returns (table, the arrests and killings that no single year can take).
    """
    nat = national(convictions, tally)
    first = pd.Timestamp(year=int(nat.index.min()), month=1, day=1)
    last = pd.Timestamp(year=int(nat.index.max()), month=12, day=31)
    kinds = pd.concat([events[events.type == "arrest"].assign(kind="arrests"),
                       killings(events).assign(kind="killings")], ignore_index=True)
    per_year, unplaceable = counts(kinds, freq="year", by="kind", rule=rule, first=first, last=last,
                                   order=["arrests", "killings"])
    per_year = per_year.reindex(columns=["arrests", "killings"], fill_value=0)
    per_year.index = per_year.index.year
    table = nat.join(per_year, how="left")
    table["arrests_ratio"] = table.arrests / table.convicted * RATIO_PER
    table["killings_ratio"] = table.killings / table.sentenced_to_death * RATIO_PER
    table.index.name = "year"
    return table, unplaceable


def concentration(table: pd.DataFrame) -> dict:
    """How the case file's killings and the national death sentences spread over the years.

    Over the whole years with a national figure: the national peak year and its share of all
    death sentences, the case file's peak year and the share of its killings that fall in the
    national peak year, and the years of the highest and lowest ratio among the years with a
    killing (with the national death sentences per case-file killing there).
    """
    t = table[~table.partial_year].dropna(subset=["sentenced_to_death"])  # whole years only
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
    }


def subject_sides(events: pd.DataFrame, roles: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Events per side of their subject (a mass event without a named subject is 'none named')."""
    subj = roles[roles.role == "subject"].merge(people[["person_id", "side"]], on="person_id")
    side = events[["event_id"]].merge(subj.drop_duplicates("event_id")[["event_id", "side"]],
                                      on="event_id", how="left").side.fillna("none named")
    return side.value_counts().rename_axis("side").rename("events").sort_index().sort_values(
        ascending=False, kind="stable")


def difference(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """The years whose case-file arrests or killings differ between two `align_national` tables."""
    both = table[["arrests", "killings"]].join(other[["arrests", "killings"]], rsuffix="_other")
    changed = (both.arrests != both.arrests_other) | (both.killings != both.killings_other)
    return both[changed]


def not_stated(events: pd.DataFrame) -> pd.DataFrame:
    """The arrests and killings among `events` that the source does not state plainly, by date."""
    kinds = pd.concat([events[events.type == "arrest"], killings(events)]).drop_duplicates("event_id")
    out = kinds[kinds.certainty != "stated"].sort_values(["start", "event_id"])
    return out[["event_id", "date", "type", "certainty", "title"]].reset_index(drop=True)


def describe_rule(rule: str, freq: str) -> str:
    """One sentence saying how the dates were placed in bins, for the notebook's text."""
    if rule == "exclude":
        return (f"Dates are placed by the **exclude** rule: an event counts in a {freq} only when the whole "
                f"span of its dates, from earliest to latest possible day, lies in that {freq}; an event "
                f"whose span crosses into another {freq} is listed as unplaceable, never put on the first "
                "day of its span.")
    return (f"Dates are placed by the **spread** rule: an event whose dates span several {freq}s is shared "
            f"among them in proportion to the days of its span in each, so counts can be fractions; "
            "no event is put on the first day of its span.")


def fmt(value) -> str:
    """A count for prose: a whole number as is (1,234), a fraction (from the spread rule) to one decimal."""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


# --- figures -----------------------------------------------------------------------------------

def _plain(ax):
    """Plain numbers (1, 10, 1,000, 0.1) instead of powers of ten on a log-scaled y axis."""
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    return ax


def _widths(index: pd.PeriodIndex) -> tuple[pd.DatetimeIndex, list[float]]:
    starts = index.start_time
    return starts, [0.9 * ((p.end_time.normalize() - p.start_time).days + 1) for p in index]


def era_bands(eras_table: pd.DataFrame, ax, first=None, last=None, label_y: float = 0.98):
    """Shade each era on a date axis in alternating greys and name it at the top (within first–last)."""
    for i, era in enumerate(eras_table.itertuples(index=False)):
        lo = max(era.start, first) if first is not None else era.start
        hi = min(era.end, last) if last is not None else era.end
        if lo >= hi:
            continue
        ax.axvspan(lo, hi, color="0.85" if i % 2 == 0 else "0.93", zorder=0, lw=0)
        ax.text(lo + (hi - lo) / 2, label_y, era.era, transform=ax.get_xaxis_transform(),
                ha="center", va="top", fontsize=8, color="0.3")
    return ax


def plot_over_time(table: pd.DataFrame, colours: dict, eras_table: pd.DataFrame | None = None,
                   title: str = "Events over time", ylabel: str = "Events", ax=None):
    """Stacked bars per period (columns of `table` stacked), on a date axis, with era bands behind."""
    ax = ax or plt.subplots(figsize=(12, 5))[1]
    x, widths = _widths(table.index)
    bottom = pd.Series(0.0, index=table.index)
    for col in table.columns:
        ax.bar(x, table[col].astype(float), width=widths, bottom=bottom, align="edge",
               color=colours.get(col, "0.5"), label=col, zorder=2)
        bottom = bottom + table[col].astype(float)
    first, last = table.index[0].start_time, table.index[-1].end_time.normalize()
    if eras_table is not None:
        era_bands(eras_table, ax, first, last)
    ax.set_xlim(first, last)
    ax.set_ylim(0, max(1.0, float(bottom.max())) * 1.12)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=14))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set(title=title, xlabel="Date (bar = one period)", ylabel=ylabel)
    ax.legend(title=table.columns.name, ncol=1 if len(table.columns) < 12 else 2, fontsize=8,
              bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


def plot_heatmap(table: pd.DataFrame, ax=None, title: str = "Events per year and type"):
    """A year × type heat map of counts (rows: years), each cell annotated."""
    import seaborn as sns

    ax = ax or plt.subplots(figsize=(max(6, 0.6 * len(table.columns) + 2), max(4, 0.32 * len(table) + 1)))[1]
    whole = bool((table % 1 == 0).all().all())
    table = table.set_axis([str(getattr(p, "year", p)) for p in table.index], axis=0).rename_axis(
        "year" if isinstance(table.index, pd.PeriodIndex) else table.index.name)
    sns.heatmap(table.astype(float), annot=True, fmt=".0f" if whole else ".1f", cmap="Reds", cbar=True,
                linewidths=0.5, linecolor="white", ax=ax, annot_kws={"fontsize": 7},
                mask=table.astype(float) == 0, cbar_kws={"label": "Events"})
    ax.set(title=title, xlabel=table.columns.name or "type", ylabel=table.index.name or "year")
    ax.tick_params(axis="y", labelrotation=0)
    return ax


def plot_mirrored(table: pd.DataFrame, colours: dict, eras_table: pd.DataFrame | None = None,
                  up: str = "domestic", down: str = "abroad", title: str = "Events at home and abroad",
                  ax=None):
    """Bars per period: column `up` above the axis, column `down` below it, with era bands behind."""
    ax = ax or plt.subplots(figsize=(12, 5))[1]
    x, widths = _widths(table.index)
    up_values = table[up].astype(float) if up in table else pd.Series(0.0, index=table.index)
    down_values = table[down].astype(float) if down in table else pd.Series(0.0, index=table.index)
    ax.bar(x, up_values, width=widths, align="edge", color=colours[up], label=up, zorder=2)
    ax.bar(x, -down_values, width=widths, align="edge", color=colours[down], label=down, zorder=2)
    first, last = table.index[0].start_time, table.index[-1].end_time.normalize()
    top = max(1.0, float(up_values.max()), float(down_values.max())) * 1.15
    ax.set_ylim(-top, top)
    if eras_table is not None:
        era_bands(eras_table, ax, first, last)
    ax.axhline(0, color="0.3", lw=0.8)
    ax.set_xlim(first, last)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=14))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set(title=title, xlabel="Date (bar = one period)", ylabel=f"Events ({up} up, {down} down)")
    ax.legend(fontsize=8, loc="lower left")
    return ax


def plot_gaps(kills_dated: pd.DataFrame, gap_table: pd.DataFrame, spells: pd.DataFrame,
              colours: dict, axes=None):
    """Two panels: the killings on a time line with the quiet spells shaded, and each gap in days."""
    if axes is None:
        axes = plt.subplots(2, 1, figsize=(12, 6.5), sharex=True, gridspec_kw={"height_ratios": [1, 2]})[1]
    top, bottom = axes
    for s in spells.itertuples(index=False):
        top.axvspan(s.start, s.end, color="#f2e2c4", zorder=0, lw=0)
    types = [t for t in colours if t in set(kills_dated.type)]
    for i, t in enumerate(types):
        sub = kills_dated[kills_dated.type == t]
        top.plot(sub.mid, [i] * len(sub), "|", ms=14, mew=2, color=colours[t], label=t)
    top.set_yticks(range(len(types)), types)
    top.set_ylim(-0.7, max(len(types), 1) - 0.3)
    top.set(title="Killings on a time line (shaded: the longest quiet spells)", ylabel="Type")
    if len(gap_table):
        bottom.vlines(gap_table.end, 0.5, gap_table.days.clip(lower=0.5), color="0.6", lw=1)
        bottom.plot(gap_table.end, gap_table.days.clip(lower=0.5), "o", color="#b23a48", ms=4)
        bottom.axhline(gap_table.days.median(), color="#2b6a99", ls="--", lw=1,
                       label=f"median: {gap_table.days.median():g} days")
        bottom.legend(loc="upper left", fontsize=8)
    bottom.set_yscale("log")
    _plain(bottom)
    bottom.set(title="Days since the killing before (log scale; 0 days drawn at 0.5)",
               xlabel="Date of the later killing", ylabel="Days since the previous killing")
    bottom.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=5, maxticks=14))
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(bottom.xaxis.get_major_locator()))
    return axes


def plot_national(table: pd.DataFrame, axes=None, title: str = "National figures and the case file, per year"):
    """Two panels: national convictions and death sentences beside the case file's arrests and
    killings (log scale), and the case file's events per RATIO_PER national cases (log scale)."""
    if axes is None:
        axes = plt.subplots(2, 1, figsize=(12, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})[1]
    top, bottom = axes
    years = table.index.to_numpy()
    top.plot(years, table.convicted, "-o", ms=3, color="#2b6a99", label="national: convicted")
    top.plot(years, table.sentenced_to_death, "-o", ms=3, color="#b23a48", label="national: sentenced to death")
    for col, shift, colour, label in (("arrests", -0.2, "#7fb2d9", "case file: arrests"),
                                      ("killings", 0.2, "#e0868f", "case file: killings")):
        values = table[col].astype(float)
        shown = values > 0
        top.bar(years[shown] + shift, values[shown], width=0.4, color=colour, label=label)
    top.set_yscale("log")
    _plain(top)
    top.set(title=title, ylabel="People (national) / events (case file)")
    top.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    for col, colour, label in (("arrests_ratio", "#2b6a99", f"arrests per {RATIO_PER:,} convictions"),
                               ("killings_ratio", "#b23a48", f"killings per {RATIO_PER:,} death sentences")):
        values = table[col].astype(float)
        shown = values > 0
        bottom.plot(years[shown], values[shown], "o", color=colour, label=label)
    partial = table.index[table.partial_year]
    for year in partial:
        for ax in axes:
            ax.axvspan(year - 0.5, year + 0.5, color="0.9", zorder=0, lw=0)
    bottom.set_yscale("log")
    _plain(bottom)
    bottom.set(title="The case file's share of the national figures (grey: a partial year)",
               xlabel="Year", ylabel=f"Case-file events per {RATIO_PER:,}")
    bottom.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    bottom.set_xlim(years.min() - 0.7, years.max() + 0.7)
    bottom.xaxis.set_major_locator(plt.MultipleLocator(2))
    return axes
