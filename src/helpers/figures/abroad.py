"""Figures of the abroad analysis (`helpers.analyses.abroad`): the events on a map (points, journeys,
the busiest places named), the bars per country, and each operation's timeline. Each takes frames the
analysis made (`journeys`, `points`, `by_point`, `by_group`, `by_country`, `timeline`) and the event
groups' colours, and returns what it drew on."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import offset_copy

from .. import evidence
from ..core.checks import check
from ..analyses.abroad import EUROPE
from . import axes, maps, style

#: The marker of each phase of an operation (`abroad.PHASES`) on its timeline.
PHASE_MARKERS = {"order": "s", "lead-up": "o", "action": "*", "aftermath": "D"}


def events_map(routes: pd.DataFrame, marks: pd.DataFrame, places: pd.DataFrame, colours: dict, ax=None,
               box=maps.WORLD, labels: int = 6, title: str = ""):
    """The events on a base map of `box`: a disc per point and event group of `marks` (`abroad.points`:
    area by the number of events, groups at one point set side by side), the journeys of `routes`
    (`abroad.journeys`) as lines with an arrow on each leg, and the `labels` busiest points of
    `places` (`abroad.by_point`) inside the box named; colours by event group."""
    check("labels", labels, kind=int, minimum=0)
    box = maps.check_box(box)
    ax = maps.draw(ax, box, title=title)
    for j in routes.itertuples(index=False):
        _journey(ax, j.longitudes, j.latitudes, colours[j.group])
    shift = marks.groupby(["longitude", "latitude"]).cumcount() - (
        marks.groupby(["longitude", "latitude"]).group.transform("size") - 1) / 2
    for k in sorted(set(shift)):  # groups at one point side by side, 7 points apart on any map
        at = marks[shift == k]
        ax.scatter(at.longitude, at.latitude, s=18 + 22 * at.events, c=[colours[g] for g in at.group],
                   edgecolors="white", linewidths=0.6, zorder=3, alpha=0.9,
                   transform=offset_copy(ax.transData, fig=ax.figure, x=7 * k, y=0, units="points"))
    west, east, south, north = box
    seen = places[places.longitude.between(west, east) & places.latitude.between(south, north)]
    place_labels(ax, [(p.label, p.longitude, p.latitude) for p in seen.head(labels).itertuples(index=False)])
    return ax


#: Where a place's name may sit beside its point (offset in points, alignment), tried in this order;
#: the last ones lead the name further away, with a thin line back to the point.
LABEL_SPOTS = ((6, 5, "left"), (6, -13, "left"), (-6, 5, "right"), (-6, -13, "right"), (0, 12, "center"),
               (0, -20, "center"), (22, 22, "left"), (-22, 22, "right"), (22, -28, "left"), (-22, -28, "right"))


def place_labels(ax, named: list[tuple[str, float, float]]) -> list:
    """Name each (label, longitude, latitude) of `named`, busiest first, at the first of `LABEL_SPOTS`
    where its box overlaps no name already placed (Paris, Saint-Cloud and Boulogne no longer write over
    each other); a name led away from its point gets a thin line back to it. Returns the names."""
    renderer, placed, out = ax.figure.canvas.get_renderer(), [], []
    for label, x, y in named:
        for dx, dy, ha in LABEL_SPOTS:
            far = abs(dx) > 10
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=style.SMALL,
                               ha=ha, zorder=4, bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1},
                               arrowprops={"arrowstyle": "-", "color": style.LINE, "lw": 0.6} if far else None)
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(b) for b in placed) or (dx, dy, ha) == LABEL_SPOTS[-1]:
                placed.append(box)
                out.append(text)
                break
            text.remove()
    return out


def _journey(ax, xs: list, ys: list, colour: str) -> None:
    """One journey: a line through its stops and an arrow on each leg that moves."""
    ax.plot(xs, ys, color=colour, linewidth=1.2, alpha=0.8, zorder=2)
    for x0, y0, x1, y1 in zip(xs, ys, xs[1:], ys[1:]):
        if (x0, y0) != (x1, y1):
            arrow = ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=2, annotation_clip=False,
                                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2,
                                            "shrinkA": 0, "shrinkB": 3, "alpha": 0.8})
            arrow.arrow_patch.set_clip_path(ax.patch)  # a leg leaving the box ends at its edge


def region_map(routes: pd.DataFrame, marks: pd.DataFrame, places: pd.DataFrame, per_group: pd.Series,
               colours: dict, region: str, box, first: pd.Timestamp, last: pd.Timestamp):
    """The map of the report: for the world, the world (`box`) beside Europe as an inset; for another
    region, its `box` (`abroad.box_of`) alone; a legend of the groups with their events (`per_group`,
    `abroad.by_group`) on the main map. Returns the figure."""
    if region == "world":  # the world above Europe, each as wide as a report's column
        fig, (ax, inset) = plt.subplots(2, 1, figsize=(style.COLUMN_INCHES * 1.2, 11.5), height_ratios=[1, 1.25],
                                        layout="constrained")
        events_map(routes, marks, places, colours, ax, box, labels=5,
                   title=f"Events abroad by group, {first:%Y} to {last:%Y}: the world")
        events_map(routes, marks, places, colours, inset, EUROPE, labels=9, title="Europe (inset)")
    else:
        fig, ax = plt.subplots(figsize=(style.COLUMN_INCHES * 1.2, 7), layout="constrained")
        events_map(routes, marks, places, colours, ax, box, labels=8, title=f"Events abroad, {region}")
    legend(ax, per_group, colours, loc="lower left")
    return fig


def legend(ax, per_group: pd.Series, colours: dict, **kwargs):
    """A legend of the event groups present, with their number of events (`abroad.by_group`)."""
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=c, label=f"{g} ({per_group[g]})")
               for g, c in colours.items() if g in per_group]
    return ax.legend(handles=handles, title="events by group", fontsize=9, **kwargs)


def countries(counts: pd.DataFrame, colours: dict, ax=None, title: str | None = None, acted: bool = False):
    """Horizontal bars of `abroad.by_country`, stacked by event group, the busiest country on top;
    the title says how many countries unless one is given, and, with `acted`, that the events are those
    in which the organs acted (`abroad.acting`)."""
    ax = ax or plt.subplots(figsize=(10, max(3, 0.35 * len(counts) + 1)))[1]
    rows = counts.iloc[::-1]
    left = np.zeros(len(rows))
    for group, colour in colours.items():
        if group in rows:
            ax.barh(rows.country_name, rows[group], left=left, color=colour, label=group)
            left += rows[group].to_numpy()
    what = "Events abroad in which the organs acted, per country" if acted else "Events abroad per country"
    ax.set_title(title if title is not None else f"{what} ({len(counts)} countries)")
    ax.set_xlabel("events (each once per country where it has a place)")
    ax.set_ylabel("")
    ax.tick_params(axis="y", labelsize=10)
    ax.legend(title="event group", fontsize=9, loc="lower right")
    return ax


def timelines(steps: pd.DataFrame, colours: dict, ncols: int = 1):
    """One panel per operation of `abroad.timeline`: each event a bar from its earliest to its latest
    day (a dot when exact), coloured by group, marked by phase, its own time axis so lags of days stay
    visible. One column by default, about as wide as a report's column (`style.COLUMN_INCHES`), each
    panel as tall as its events need. Returns the figure."""
    check("ncols", ncols, kind=int, minimum=1)
    ops = list(dict.fromkeys(steps.operation_id))
    nrows = max(1, -(-len(ops) // ncols))
    events = [int((steps.operation_id == op).sum()) for op in ops] + [1] * (nrows * ncols - len(ops))
    rows = [max(events[r * ncols:(r + 1) * ncols]) for r in range(nrows)]
    fig, grid = plt.subplots(nrows, ncols, figsize=(style.COLUMN_INCHES * 1.25 * min(ncols, 2), sum(0.3 * n + 1.3 for n in rows) + 0.8),
                             layout="constrained", squeeze=False, gridspec_kw={"height_ratios": [0.3 * n + 1.3 for n in rows]})
    for ax, op in zip(grid.flat, ops):
        _operation(ax, steps[steps.operation_id == op].reset_index(drop=True), colours)
    for ax in list(grid.flat)[len(ops):]:
        ax.set_axis_off()
    handles = [Line2D([], [], marker=m, linestyle="", color="0.4", markeredgecolor="black", label=p)
               for p, m in PHASE_MARKERS.items()]
    fig.legend(handles=handles, title="phase", loc="outside lower center", ncols=4, fontsize=9)
    fig.suptitle("The operations abroad, step by step: order, lead-up, action, aftermath", fontweight="bold")
    return fig


def _operation(ax, part: pd.DataFrame, colours: dict) -> None:
    """One operation's panel: its events top to bottom in the order of `timeline`, the marker of each
    at the middle day of its dates."""
    y = np.arange(len(part))[::-1]
    for yi, e in zip(y, part.itertuples(index=False)):
        width = (e.end - e.start).days + 1
        ax.barh(yi, width, left=e.start, height=0.5, color=colours[e.group], alpha=0.55)
        ax.plot(evidence.midpoint(e.start, e.end), yi, marker=PHASE_MARKERS[e.phase], color=colours[e.group],
                markersize=9 if e.phase == "action" else 6, markeredgecolor="black", markeredgewidth=0.5)
    names = [f"{e.phase}: {e.title}" for e in part.itertuples(index=False)]
    ax.set_yticks(y, [n if len(n) <= 60 else n[:59] + "…" for n in names], fontsize=9)
    ax.margins(x=0.04, y=0.15)
    ax.set_title(part.operation.iloc[0], fontsize=11)
    ax.set_xlabel("date")
    axes.date_ticks(ax, minticks=3, maxticks=7)  # few enough that a panel's dates never run together
