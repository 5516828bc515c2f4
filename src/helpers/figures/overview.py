"""Figures of the overview analysis (`helpers.analyses.overview`): each takes frames the analysis made, an
optional `ax`, and returns the axes it drew on. The spans chart of report 00 is `axes.spans`."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from . import style
from .axes import count_band, coverage_bands, gap_bands


def events_per_year(grouped: pd.DataFrame, colours: dict, ax=None, gaps: pd.DataFrame | None = None,
                    coverage: pd.DataFrame | None = None, band: pd.DataFrame | None = None):
    """Events per year stacked by event group (`overview.per_group`, coloured by `style.group_colours`), the
    legend in the order of the stack; the years of `coverage` (`coverage.level_runs`) shaded by what the case
    file says of them (the older `gaps` of `coverage.source_gaps`: shaded as gaps in the source), and each
    year's count under doubt (`band`, from `overview.year_band`: `axes.count_band`)."""
    ax = ax or plt.subplots(figsize=(12, 5))[1]
    bottom = pd.Series(0, index=grouped.index)
    for g in grouped.columns:
        ax.bar(grouped.index, grouped[g], bottom=bottom, width=0.85, color=colours[g], label=g, zorder=2)
        bottom = bottom + grouped[g]
    if gaps is not None and len(gaps):
        gap_bands(gaps, ax, dates_axis=False, label_y=0.6)
    if coverage is not None and len(coverage):
        coverage_bands(coverage, ax, dates_axis=False, label_y=0.6)
    top = float(bottom.max())
    if band is not None and len(band):
        count_band(band, ax, dates_axis=False)
        top = max(top, float(band.possible.max()))
    ax.set(title="Events per year, by group of event type", xlabel="Year", ylabel="Events")
    ax.set_xlim(grouped.index.min() - 0.6, grouped.index.max() + 0.6)
    ax.set_ylim(0, max(1.0, top) * 1.08)
    ax.xaxis.set_major_locator(plt.MultipleLocator(2))
    ax.grid(axis="x", visible=False)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], title="group", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    return ax


def people_per_side(sides: pd.Series, ax=None):
    """People per side (`overview.people_per_side`) as horizontal bars, the largest at the top, each labelled
    with its count."""
    size = {"figsize": (8, 4)} if ax is None else {}  # a figure of its own, else the given axes as they are
    ax = sides.sort_values().plot.barh(color=style.BAR, ax=ax, **size)
    ax.bar_label(ax.containers[0], padding=3, fontsize=style.SMALL + 1)
    ax.set(title="People in the data, by side", xlabel="People", ylabel="Side")
    return ax
