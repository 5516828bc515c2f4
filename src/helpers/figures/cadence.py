"""Figures of the cadence analysis (`helpers.analyses.cadence`): each takes frames the analysis made, an
optional `ax`, and returns what it drew on (the figure's axes, or both panels). The spans chart that
reports 00 and 01 share is `axes.spans`."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection

from ..analyses.cadence import RATIO_PER
from ..core.checks import check
from . import style
from .axes import (count_band, coverage_bands, date_ticks, era_bands, gap_bands, mass_bands, period_widths, plain_numbers,
                   stack_legend)


def over_time(table: pd.DataFrame, colours: dict, eras_table: pd.DataFrame | None = None,
              title: str = "Events over time", ylabel: str = "Events", ax=None,
              mass: pd.DataFrame | None = None, gaps: pd.DataFrame | None = None,
              coverage: pd.DataFrame | None = None, band: pd.DataFrame | None = None):
    """Stacked bars per period (columns of `table`, from `cadence.counts`, stacked: event groups, coloured
    by `style.group_colours`), on a date axis, with era bands behind, the mass killings of `mass` (from
    `mass_killings`) as labelled hatched bands, the years of `coverage` (`coverage.level_runs`) shaded by
    what the case file says of them (the older `gaps` of `source_gaps`: shaded as gaps in the source), and
    each period's count under doubt (`band`, from `cadence.band`: `axes.count_band`)."""
    ax = ax or plt.subplots(figsize=(12, 5))[1]
    x, widths = period_widths(table.index)
    widths = pd.Series(widths, index=table.index)
    bottom = pd.Series(0.0, index=table.index)
    for col in table.columns:
        height = table[col].astype(float)
        _stacked_bars(ax, x, widths, bottom, height, color=colours.get(col, "0.5"), label=col)
        bottom = bottom + height
    first, last = table.index[0].start_time, table.index[-1].end_time.normalize()
    if eras_table is not None:
        era_bands(eras_table, ax, first, last)
    if gaps is not None and len(gaps):
        gap_bands(gaps, ax, label_y=0.55)
    if coverage is not None and len(coverage):
        coverage_bands(coverage, ax, label_y=0.55)
    if mass is not None and len(mass):
        mass_bands(mass, ax)
    top = float(bottom.max())
    if band is not None and len(band):
        count_band(band, ax)
        top = max(top, float(band.possible.max()))
    ax.set_xlim(first, last)
    ax.set_ylim(0, max(1.0, top) * (1.6 if mass is not None and len(mass) else 1.12))
    date_ticks(ax)
    ax.set(title=title, xlabel="Date (bar = one period)", ylabel=ylabel)
    stack_legend(ax, table.columns.name, stack=list(table.columns))
    return ax


def _stacked_bars(ax, x, widths: pd.Series, bottom: pd.Series, height: pd.Series, **style_kw):
    """One layer of a stack of bars (from `x`, `widths` days wide, from `bottom` up by `height`) as one
    collection of rectangles, without edges: a month x group grid holds hundreds of bars, and a
    `Rectangle` each (`ax.bar`) took most of the explorer's redraw of report 01's chart per month; the
    theme's 1 pt white edges also covered most of a month's 3 px bar. Cells of height 0 are not drawn."""
    drawn = (height != 0).to_numpy()
    left = mdates.date2num(pd.DatetimeIndex(x)[drawn])
    right = left + widths.to_numpy()[drawn]
    low = bottom.to_numpy()[drawn]
    high = low + height.to_numpy()[drawn]
    corners = ((left, low), (left, high), (right, high), (right, low))
    boxes = np.stack([np.column_stack(corner) for corner in corners], axis=1)  # (bars, 4 corners, x and y)
    ax.xaxis.update_units(pd.DatetimeIndex(x))  # a date axis, as `bar` with dates would make it
    ax.add_collection(PolyCollection(boxes, linewidths=0, zorder=2, **style_kw), autolim=False)


def heatmap(table: pd.DataFrame, ax=None, title: str = "Events per year and type"):
    """A year × type heat map of counts (rows: years, from `cadence.counts`), each cell annotated."""
    import seaborn as sns

    ax = ax or plt.subplots(figsize=(max(6, 0.6 * len(table.columns) + 2), max(4, 0.32 * len(table) + 1)))[1]
    whole = bool((table % 1 == 0).all().all())
    table = table.set_axis([str(getattr(p, "year", p)) for p in table.index], axis=0).rename_axis(
        "year" if isinstance(table.index, pd.PeriodIndex) else table.index.name)
    sns.heatmap(table.astype(float), annot=True, fmt=".0f" if whole else ".1f", cmap="Reds", cbar=True,
                linewidths=0.5, linecolor="white", ax=ax, annot_kws={"fontsize": style.SMALL},
                mask=table.astype(float) == 0, cbar_kws={"label": "Events"})
    ax.set(title=title, xlabel=table.columns.name or "type", ylabel=table.index.name or "year")
    ax.tick_params(axis="y", labelrotation=0)
    return ax


def mirrored(table: pd.DataFrame, colours: dict, eras_table: pd.DataFrame | None = None,
             up: str = "domestic", down: str = "abroad", title: str = "Events at home and abroad", ax=None):
    """Bars per period (`cadence.counts` by scope): column `up` above the axis, column `down` below it,
    with era bands behind."""
    check("up", up, choices=list(colours))
    check("down", down, choices=list(colours))
    ax = ax or plt.subplots(figsize=(12, 5))[1]
    x, widths = period_widths(table.index)
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
    date_ticks(ax)
    ax.set(title=title, xlabel="Date (bar = one period)", ylabel=f"Events ({up} up, {down} down)")
    for word, y, va, colour in ((up, 0.97, "top", colours[up]), (down, 0.03, "bottom", colours[down])):
        ax.text(0.005, y, f"{word} {'above' if word == up else 'below'} the axis", transform=ax.transAxes, va=va,
                ha="left", color=colour, fontsize=style.SMALL + 1, fontweight="bold")
    return ax


def gaps(kills_dated: pd.DataFrame, gap_table: pd.DataFrame, spells: pd.DataFrame, colours: dict, axes=None,
         mass: pd.DataFrame | None = None, median: float | None = None):
    """Two panels: the killings of `dated_killings` on a time line with the longest intervals of
    `quiet_spells` shaded (sand when quiet, grey when not: a mass killing falls in them, or the coverage
    says the source is silent or the national series shows mass killing) and the mass killings of
    `mass` as labelled hatched bands; and each gap of `gaps` in days, with the `median` interval
    (`cadence.interval_summary`) as a dashed line."""
    if axes is None:
        axes = plt.subplots(2, 1, figsize=(12, 7.5), sharex=True, gridspec_kw={"height_ratios": [1.4, 2]})[1]
    top, bottom = axes
    for s in spells.itertuples(index=False):
        quiet = getattr(s, "quiet", True)
        top.axvspan(s.start, s.end, color=style.QUIET if quiet else "0.88", zorder=0, lw=0)
    if mass is not None and len(mass):
        mass_bands(mass, top, label_y=0.97, width=24, figures=False)
    types = [t for t in colours if t in set(kills_dated.type)]
    for i, t in enumerate(types):
        sub = kills_dated[kills_dated.type == t]
        top.plot(sub.mid, [i] * len(sub), "|", ms=14, mew=2, color=colours[t], label=t)
    top.set_yticks(range(len(types)), types)
    top.set_ylim(-0.7, max(len(types), 1) + (1.4 if mass is not None and len(mass) else -0.3))
    top.set(title="Precisely dated killings on a time line\n(sand: a long interval that is quiet; grey: one that is not, "
                  "for a mass killing in it,\na year the case file is silent on, or mass killing in the national series;\n"
                  "hatched: mass killings dated to a span)", ylabel="Type")
    if len(gap_table):
        bottom.vlines(gap_table.end, 0.5, gap_table.days.clip(lower=0.5), color="0.6", lw=1)
        bottom.plot(gap_table.end, gap_table.days.clip(lower=0.5), "o", color=style.SHOT, ms=4)
    if len(gap_table) and median is not None:
        bottom.axhline(median, color=style.REFERENCE, ls="--", lw=1)
        bottom.annotate(f"median: {median:g} days", (0.005, median), xycoords=("axes fraction", "data"),
                        xytext=(0, 3), textcoords="offset points", va="bottom", fontsize=style.SMALL,
                        color=style.REFERENCE)
    bottom.set_yscale("log")
    plain_numbers(bottom)
    bottom.set(title="Days since the killing before (log scale; 0 days drawn at 0.5)",
               xlabel="Date of the later killing", ylabel="Days since the previous killing")
    date_ticks(bottom)
    return axes


def national(table: pd.DataFrame, axes=None, title: str = "National figures and the case file, per year"):
    """Two panels: national convictions and death sentences beside the case file's arrests and killings
    (`cadence.align_national`; log scale), with the rows only another source gives (`other_arrests`,
    `other_killings`) stacked on them, hatched; and the case file's events per RATIO_PER national cases
    (log scale)."""
    if axes is None:
        axes = plt.subplots(2, 1, figsize=(12, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})[1]
    top, bottom = axes
    years, colours = table.index.to_numpy(), style.NATIONAL
    top.plot(years, table.convicted, "-o", ms=3, color=colours["convicted"], label="national: convicted")
    top.plot(years, table.sentenced_to_death, "-o", ms=3, color=colours["sentenced_to_death"],
             label="national: sentenced to death")
    for col, shift in (("arrests", -0.2), ("killings", 0.2)):
        values = table[col].astype(float)
        shown = values > 0
        top.bar(years[shown] + shift, values[shown], width=0.4, color=colours[col], label=f"case file: {col}")
        if f"other_{col}" in table:  # the rows only another source gives, stacked and hatched
            other = table[f"other_{col}"].astype(float)
            more = other > 0
            top.bar(years[more] + shift, other[more], width=0.4, bottom=values[more], facecolor="white",
                    edgecolor=colours[col], hatch="///", lw=0.6, label=f"reference only: {col}")
    top.set_yscale("log")
    top.set_ylim(bottom=0.5)  # bars of one event stand on the axis: stacked ones would lift the log scale's floor
    plain_numbers(top)
    top.set(title=title, ylabel="People (national) / events (the sources)")
    for col, label in (("convicted", "national: convicted"), ("sentenced_to_death", "national: sentenced to death")):
        values = table[col].dropna()
        if len(values):
            style.label_end(top, values.index[-1] + 0.3, values.iloc[-1], label, colours[col])
    handles, labels = top.get_legend_handles_labels()
    bars = [(h, lab) for h, lab in zip(handles, labels) if lab.startswith(("case file", "reference only"))]
    top.legend([h for h, _ in bars], [lab for _, lab in bars], loc="upper left", bbox_to_anchor=(1.12, 1),
               frameon=False)
    for col, colour, label in (("arrests_ratio", colours["convicted"], f"arrests per {RATIO_PER:,} convictions"),
                               ("killings_ratio", colours["sentenced_to_death"],
                                f"killings per {RATIO_PER:,} death sentences")):
        values = table[col].astype(float)
        shown = values > 0
        bottom.plot(years[shown], values[shown], "o", color=colour, label=label)
    for year in table.index[table.partial_year]:
        for ax in axes:
            ax.axvspan(year - 0.5, year + 0.5, color="0.9", zorder=0, lw=0)
    bottom.set_yscale("log")
    plain_numbers(bottom)
    bottom.set(title="The case file's share of the national figures (grey: a partial year)",
               xlabel="Year", ylabel=f"Case-file events per {RATIO_PER:,}")
    bottom.legend(loc="upper left", bbox_to_anchor=(1.12, 1), frameon=False)
    bottom.set_xlim(years.min() - 0.7, years.max() + 0.7)
    bottom.xaxis.set_major_locator(plt.MultipleLocator(2))
    return axes
