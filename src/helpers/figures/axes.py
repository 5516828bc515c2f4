"""What several figures draw on their axes alike: the eras of the heads as grey bands, the mass
killings dated only to a span as hatched bands, the years a source is silent on as "gap in the
source", bars one period wide, spans packed into lanes, plain numbers on a log axis, readable date
ticks, and a legend in the order of a stack. Each takes an `ax` and what an analysis computed. And one
whole chart two reports share: `spans`, the events dated only to a span (reports 00 and 01)."""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..core.checks import check
from . import labels, style

#: A spans chart names each event beside its bar up to this many events; more are packed in lanes.
MAX_SPAN_LABELS = 40


def date_ticks(ax, axis: str = "x", minticks: int = 5, maxticks: int = 14):
    """Concise date ticks that do not run together ('1937', 'Apr', 'Jul' ...) on a date axis."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    locator = mdates.AutoDateLocator(minticks=minticks, maxticks=maxticks)
    target.set_major_locator(locator)
    target.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return ax


def plain_numbers(ax):
    """Plain numbers (1, 10, 1,000, 0.1) instead of powers of ten on a log-scaled y axis."""
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    return ax


def period_widths(index: pd.PeriodIndex) -> tuple[pd.DatetimeIndex, list[float]]:
    """Where each period's bar starts and how wide it is (nine tenths of the period's days)."""
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
                ha="center", va="top", fontsize=style.SMALL, color="0.3")
    return ax


def mass_bands(mass: pd.DataFrame, ax, label_y: float = 0.86, width: int = 30, figures: bool = True):
    """Draw each mass killing of `mass_killings` as a hatched band over its span, labelled with its
    name (and its figures per source), the labels staggered so that neighbours do not collide."""
    for i, m in enumerate(mass.itertuples(index=False)):
        hi = m.end + pd.Timedelta(days=1)
        ax.axvspan(m.start, hi, facecolor=style.MASS_COLOUR, alpha=0.16, hatch="////", edgecolor=style.MASS_COLOUR,
                   lw=0.6, zorder=1)
        label = labels.figure_text(f"{m.name}: {m.figures}" if figures else m.name, style.WORDS)
        ax.text(m.start + (hi - m.start) / 2, label_y - 0.16 * (i % 3), textwrap.fill(label, width),
                transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=style.SMALL, color=style.MASS_TEXT,
                zorder=4, bbox={"facecolor": "white", "alpha": 0.8, "lw": 0, "pad": 1})
    return ax


def gap_bands(gaps: pd.DataFrame, ax, dates_axis: bool = True, label_y: float = 0.5):
    """Shade each run of years of `source_gaps` and name it 'gap in the source' (style.GAP_LABEL), so
    that an empty stretch is not read as a quiet one. dates_axis: the x axis holds dates (else years
    as numbers, one bar per year centred on it, as in a pandas bar chart: pass positions instead)."""
    for g in gaps.itertuples(index=False):
        if dates_axis:
            lo, hi = pd.Timestamp(f"{g.first}-01-01"), pd.Timestamp(f"{g.last + 1}-01-01")
        else:
            lo, hi = g.first - 0.5, g.last + 0.5
        ax.axvspan(lo, hi, facecolor=style.GAP_COLOUR, edgecolor="0.55", hatch="..", lw=0, zorder=1)
        ax.text(lo + (hi - lo) / 2, label_y, style.GAP_LABEL.replace(" in ", "\nin "), transform=ax.get_xaxis_transform(),
                ha="center", va="center", rotation=90 if g.years < 3 else 0, fontsize=style.SMALL,
                color="0.25", zorder=4, bbox={"facecolor": "white", "alpha": 0.85, "lw": 0, "pad": 1})
    return ax


def lanes(start: pd.Series, end: pd.Series) -> list[int]:
    """A row for each span (in the given order, sorted by start) so that spans in one row do not
    touch: each takes the first row whose last span ended before it starts (greedy interval packing)."""
    ends: list[pd.Timestamp] = []
    out = []
    for lo, hi in zip(start, end):
        free = next((i for i, e in enumerate(ends) if e < lo), None)
        if free is None:
            ends.append(hi)
            free = len(ends) - 1
        else:
            ends[free] = hi
        out.append(free)
    return out


def stack_legend(ax, title: str | None, stack: list | None = None):
    """A legend in the order of the stack as drawn (top of the stack first), beside the axes; the layers
    named in `stack` (drawn bottom first) come before any other entry, whatever kind of artist each is."""
    handles, labels = ax.get_legend_handles_labels()
    seen = dict(zip(labels, handles))
    labels = list(seen)[::-1]
    if stack is not None:
        labels = [k for k in labels if k in stack] + [k for k in labels if k not in stack]
    ax.legend([seen[k] for k in labels], labels, title=title, bbox_to_anchor=(1.01, 1), loc="upper left",
              frameon=False)


def spans(table: pd.DataFrame, colours: dict, ax=None, title: str = "Events dated only to a span",
          by: str = "type", first=None, last=None, gaps: pd.DataFrame | None = None):
    """Each event of `table` (from `cadence.spanning` or `overview.events_per_year`: event_id, title, date,
    start, end and the `by` column) as a horizontal bar from its earliest to its latest possible day,
    coloured by `by` (group colours): where a count per period cannot place it, the span shows when it may
    have happened. Up to MAX_SPAN_LABELS events get a row each with the title beside the bar; more are
    packed into `lanes` without titles (the table beside the chart names them). first/last: the x limits
    (else the events' own); gaps: the years of `source_gaps`, shaded."""
    check("by", by, choices=[c for c in ("type", "group") if c in table.columns] or ["type", "group"])
    s = table.sort_values(["start", "end", "event_id"]).reset_index(drop=True)
    labelled = len(s) <= MAX_SPAN_LABELS
    row = list(range(len(s))) if labelled else lanes(s.start, s.end)
    rows = max(row) + 1 if row else 1
    ax = ax or plt.subplots(figsize=(12, max(2.5, (0.36 if labelled else 0.22) * rows + 1.4)))[1]
    if gaps is not None and len(gaps):
        gap_bands(gaps, ax)
    for i, e in zip(row, s.itertuples(index=False)):
        hi = e.end + pd.Timedelta(days=1)
        ax.barh(i, hi - e.start, left=e.start, height=0.6 if labelled else 0.75,
                color=colours.get(getattr(e, by), "0.5"), zorder=2)
        if labelled:
            ax.annotate(labels.date(f"{e.title} ({e.date})"), (hi, i), xytext=(4, 0), textcoords="offset points", va="center",
                        fontsize=style.SMALL, color="0.2", annotation_clip=False)
    ax.set_yticks([])
    ax.set_ylim(rows - 0.4, -0.7)
    lo = first if first is not None else (s.start.min() if len(s) else pd.Timestamp("1917-01-01"))
    hi = last if last is not None else (s.end.max() if len(s) else pd.Timestamp("1941-12-31"))
    ax.set_xlim(lo, hi)
    date_ticks(ax)
    ax.grid(axis="y", visible=False)
    ax.set(title=title, xlabel="Date (bar: earliest to latest possible day)", ylabel="")
    shown = [v for v in colours if v in set(s[by])]
    if shown:
        ax.legend(handles=[Patch(color=colours[v], label=v) for v in shown], title=by, loc="upper center",
                  bbox_to_anchor=(0.5, -0.14 if labelled else -0.2), ncol=4, frameon=False)
    return ax


#: How each level of coverage (`evidence.coverage.level_runs`) is shaded and named: the hatch, how dark,
#: and the label. A year the case file gives an account of is not shaded.
COVERAGE_SHADES = {"silent": ("xx", 1.0, "case file silent"), "mentioned": ("..", 0.7, "mentioned\nin passing")}


def coverage_bands(runs: pd.DataFrame, ax, dates_axis: bool = True, label_y: float = 0.5):
    """Shade each run of `coverage.level_runs` by its level, silent (dense hatch) or mentioned in passing
    (light dots), and name it, so that no stretch the case file gives no account of reads as a quiet one.
    dates_axis: the x axis holds dates (else years as numbers, one bar per year centred on it)."""
    for g in runs.itertuples(index=False):
        hatch, alpha, label = COVERAGE_SHADES.get(g.level, ("..", 0.7, style.GAP_LABEL))
        if dates_axis:
            lo, hi = pd.Timestamp(f"{g.first}-01-01"), pd.Timestamp(f"{g.last + 1}-01-01")
        else:
            lo, hi = g.first - 0.5, g.last + 0.5
        ax.axvspan(lo, hi, facecolor=style.GAP_COLOUR, edgecolor="0.55", hatch=hatch, alpha=alpha, lw=0, zorder=1)
        ax.text(lo + (hi - lo) / 2, label_y, label, transform=ax.get_xaxis_transform(), ha="center", va="center",
                rotation=90 if g.years < 3 else 0, fontsize=style.SMALL, color="0.25", zorder=4,
                bbox={"facecolor": "white", "alpha": 0.85, "lw": 0, "pad": 1})
    return ax


def count_band(table: pd.DataFrame, ax, dates_axis: bool = True):
    """Each period's count under the doubt of its dates (`counting.band`: low, high, expected, possible) over
    bars one period wide: the Monte-Carlo band low–high as a grey step band, the expected (aoristic) count
    as a black step line, and every event that may fall in the period as a dotted step line. dates_axis:
    the index is a PeriodIndex on a date axis (else whole years on a numeric axis)."""
    if not len(table):
        return ax
    if dates_axis:
        edges = list(table.index.start_time) + [table.index[-1].end_time.normalize() + pd.Timedelta(days=1)]
    else:
        years = [getattr(p, "year", p) for p in table.index]
        edges = [y - 0.5 for y in years] + [years[-1] + 0.5]

    def steps(column: str) -> list[float]:
        values = table[column].astype(float).tolist()
        return values + values[-1:]

    ax.fill_between(edges, steps("low"), steps("high"), step="post", color="0.35", alpha=0.3, lw=0, zorder=3,
                    label="band: nine draws in ten")
    ax.step(edges, steps("expected"), where="post", color="0.1", lw=0.9, zorder=3, label="expected (aoristic)")
    ax.step(edges, steps("possible"), where="post", color="0.3", lw=0.7, ls=":", zorder=3, label="possible")
    return ax
