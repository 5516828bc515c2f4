"""Figures of the fates analysis (`helpers.analyses.fates` and `helpers.analyses.survival`): each takes
frames the analysis made, an optional `ax`, and returns what it drew on.

- `fate_counts`: one bar per side, era or level, split into its people's fates;
- `survival`: one panel per cohort, its Kaplan-Meier curve (`survival.survival_curves`) or one bar
  per official;
- `kill_graph`: who killed or seized whom, laid out by `graph_layout` so that every arrow points right;
- `methods` and `methods_by_era_and_scope`: stacked bars of deaths by method.
"""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from ..analyses.fates import APPARATUS, COHORTS, EVENTS_OF_INTEREST
from ..analyses.survival import ALL
from ..core.checks import check
from ..evidence.fates import FATES
from .style import CENSORED, FAINT, FATE, KILL_GRAPH, SMALL

#: The type size of a name in the kill graph (points).
_LABEL_SIZE = 9


def fate_counts(counts: pd.DataFrame, ax=None, title: str = "What became of them",
                colours: dict[str, str] | None = None):
    """One horizontal bar per column of `counts` (a side, era or level), split into its people's fates
    as shares of the whole bar, in the fates' colours (`style.FATE`, the same in every report). Each
    bar's n is in its label; a segment wide enough holds its count of people, so no share stands
    without the number behind it."""
    colours = colours or FATE
    fate_rank = {f: i for i, f in enumerate(FATES)}
    fates_ = sorted(counts.index, key=lambda f: fate_rank.get(f, 99))
    cohorts = [c for c in counts.columns if counts[c].sum() > 0]
    ax = ax or plt.subplots(figsize=(11, max(2.6, 0.55 * len(cohorts) + 1.8)))[1]
    totals = counts[cohorts].sum()
    left = pd.Series(0.0, index=cohorts)
    for f in fates_:
        n = counts.loc[f, cohorts]
        share = n / totals
        ax.barh(range(len(cohorts)), share, left=left, height=0.7, color=colours.get(f, "0.5"),
                label=f.replace("_", " "), edgecolor="white", linewidth=0.6)
        for y, (c, k) in enumerate(n.items()):
            if k and share[c] >= 0.045:
                dark = sum(mpl.colors.to_rgb(colours.get(f, "0.5"))) < 1.5
                ax.text(left[c] + share[c] / 2, y, f"{k}", ha="center", va="center", fontsize=SMALL,
                        color="white" if dark else "0.1")
        left = left + share
    ax.set_yticks(range(len(cohorts)), [f"{c} (n={totals[c]})" for c in cohorts])
    ax.set_ylim(len(cohorts) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.grid(axis="y", visible=False)
    ax.set(title=title, xlabel="Share of the people in each bar (numbers: people)",
           ylabel=(counts.columns.name or "").capitalize())
    ax.legend(title="fate", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False, reverse=False)
    return ax


# --- survival in the organs -------------------------------------------------------------------

def _bars(ax, rows: pd.DataFrame, colour: str) -> None:
    """One bar per official (the 'bar' rows of `survival_curves`, longest first), from entry (0) to the
    event or the censoring: filled and ending in a cross when the event was observed, hollow and
    ending in an arrowhead when censored."""
    y = np.arange(len(rows))
    years = rows.years.reset_index(drop=True)
    done = rows.observed.to_numpy(bool)
    ax.barh(y[done], years[done], height=0.55, color=colour, edgecolor=colour)
    ax.barh(y[~done], years[~done], height=0.55, color="white", edgecolor=colour, hatch="///")
    ax.plot(years[done], y[done], "X", color="black", ms=7, ls="none")
    ax.plot(years[~done], y[~done], ">", color=CENSORED, ms=7, ls="none")
    ax.set_yticks(y, list(rows.label), fontsize=SMALL)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_ylabel("Official")


def _steps(ax, rows: pd.DataFrame, colour: str, lw: float) -> None:
    """A survival function (the 'step' rows of one cohort) as a step line, as lifelines draws it."""
    steps = pd.DataFrame({rows.cohort.iloc[0]: rows.survival.to_numpy()},
                         index=pd.Index(rows.years.to_numpy(), name="timeline"))
    steps.plot(ax=ax, color=colour, lw=lw, legend=False, drawstyle="steps-post", logx=False)


def _curve(ax, rows: pd.DataFrame, colour: str) -> None:
    """A cohort's Kaplan-Meier curve as lifelines draws it: a tick at each censoring, the step line,
    and its 95% band."""
    marks = rows[rows.kind == "censor"]
    if len(marks):
        ax.plot(marks.years.to_numpy(), marks.survival.to_numpy(), linestyle="None", color=colour,
                marker="|", ms=10, mew=1.5)
    steps = rows[rows.kind == "step"]
    _steps(ax, steps, colour, 2)
    ax.fill_between(steps.years.to_numpy(), steps.lower.to_numpy(), steps.upper.to_numpy(), alpha=0.2,
                    color=colour, linewidth=1.0, step="post")


def survival(curves: pd.DataFrame, colours: dict[str, str], cohort: str = "era", event: str = "death", axes=None):
    """One panel per cohort of `survival.survival_curves` (midpoint durations), in its order, in the
    cohort's colour (`colours`, e.g. `style.palette` of the cohorts' order). A cohort with a curve gets
    its Kaplan-Meier curve with its 95% band and a tick at each censoring, over the curve of all
    officials in grey; a cohort without one gets one bar per official instead (filled, ending in a
    cross: the event; hatched, ending in an arrowhead: censored). Returns the axes."""
    check("cohort", cohort, choices=COHORTS)
    check("event", event, choices=EVENTS_OF_INTEREST)
    names = [c for c in curves.cohort.unique() if c != ALL]
    if axes is None:
        _, axes = plt.subplots(1, max(len(names), 1), figsize=(2.9 * max(len(names), 1) + 1, 4.4),
                               sharex=True, squeeze=False)
        axes = axes[0]
    what = "dead" if event == "death" else "arrested"
    for ax, name in zip(axes, names):
        rows = curves[curves.cohort == name]
        first = rows.iloc[0]
        if first.no_curve:
            _bars(ax, rows, colours[name])
            ax.set_title(f"{name} (n={first.people}): bars,\n{first.no_curve}", fontsize=10)
        else:
            _steps(ax, curves[curves.cohort == ALL], FAINT, 1.2)
            _curve(ax, rows, colours[name])
            ax.set_title(f"{name} (n={first.people})", fontsize=11)
            ax.set(ylabel=f"Share not yet {what}", ylim=(0, 1.05))
        ax.set_xlabel("Years in the organs")
        ax.set_xlim(left=0)
    if (curves.no_curve != "").any():
        handles = [Line2D([], [], marker="X", color="black", ls="none", label=f"bar: {what} (event observed)"),
                   Line2D([], [], marker=">", color=CENSORED, ls="none", label="bar: censored")]
        axes[0].figure.legend(handles=handles, loc="lower center", ncol=2, fontsize=9, frameon=False)
    axes[0].figure.suptitle(f"Officials not yet {what}, by entry {cohort} (grey: all officials)",
                            fontsize=13, fontweight="bold")
    axes[0].figure.tight_layout(rect=(0, 0.06, 1, 1))
    return axes


# --- who killed whom --------------------------------------------------------------------------

def _layers(graph: nx.DiGraph) -> dict[str, int]:
    """Column of each node: 0 for those who strike most links deep; victims who struck no one last.
    Computed on the condensation, so a cycle (people who struck each other) shares a column."""
    cond = nx.condensation(graph)
    height = {}
    for c in reversed(list(nx.topological_sort(cond))):
        height[c] = max((height[s] + 1 for s in cond.successors(c)), default=0)
    top = max(height.values(), default=0)
    return {n: top - height[cond.graph["mapping"][n]] for n in graph.nodes}


def _half_width(label: str) -> float:
    """About half the width, in points, of a node's label box (for where arrows start and stop)."""
    return 0.31 * _LABEL_SIZE * len(label) + 0.3 * _LABEL_SIZE + 1


def graph_layout(graph: nx.DiGraph, sweeps: int = 4) -> dict[str, tuple[float, float]]:
    """Deterministic positions: columns from those who struck most links deep (x=0) to victims who
    struck no one (rightmost), so every arrow points right; within a column, nodes are ordered by the
    mean row of their neighbours in the columns already placed (the barycentre heuristic, sweeping
    left to right and back, ties by label) and centred."""
    check("sweeps", sweeps, kind=int, minimum=0)
    layer = _layers(graph)
    columns: dict[int, list[str]] = {}
    for node in sorted(graph.nodes, key=lambda n: (graph.nodes[n]["label"], n)):
        columns.setdefault(layer[node], []).append(node)
    tallest = max((len(v) for v in columns.values()), default=1)

    def place(k: int) -> None:
        offset = (tallest - len(columns[k])) / 2
        row.update({n: offset + i for i, n in enumerate(columns[k])})

    row: dict[str, float] = {}
    for k in columns:
        place(k)
    order = sorted(columns)
    for sweep in range(sweeps + 1):
        forward = sweep % 2 == 0
        for k in order[1:] if forward else order[-2::-1]:
            near = graph.predecessors if forward else graph.successors
            key = {n: np.mean([row[m] for m in near(n)]) if any(True for _ in near(n)) else row[n]
                   for n in columns[k]}
            columns[k].sort(key=lambda n: (key[n], graph.nodes[n]["label"], n))
            place(k)
    return {n: (float(layer[n]), -row[n]) for n in graph.nodes}


def kill_graph(graph: nx.DiGraph, highlight=(), chain: pd.DataFrame | None = None, ax=None,
               title: str = "Who killed or seized whom"):
    """Each person of `fates.kill_graph` a box labelled with the surname: red for perpetrators later
    victims (`highlight`), blue for the apparatus, grey for others (`style.KILL_GRAPH`). An arrow runs
    from the right edge of each actor's box to the left edge of the victim's, so it never crosses its
    own column; the longest chain (`chain`, from `fates.longest_chain`) is drawn thick. Layout from
    `graph_layout`; a legend explains the colours."""
    pos = graph_layout(graph)
    columns = pd.Series({n: x for n, (x, _) in pos.items()}, dtype=float)
    tallest = int(columns.value_counts().max()) if len(columns) else 1
    ax = ax or plt.subplots(figsize=(14, max(6.0, 0.34 * tallest + 1.5)))[1]
    ax.set_xlim(-0.45, columns.max() + 0.45 if len(columns) else 0.45)
    ax.set_ylim(-tallest - 0.2, 0.8)
    chain_edges = set() if chain is None else set(zip(chain.actor, chain.victim))
    labels = nx.get_node_attributes(graph, "label")
    for u, v in sorted(graph.edges, key=lambda e: (e in chain_edges, e)):
        strong = (u, v) in chain_edges
        start = offset_copy(ax.transData, fig=ax.figure, x=_half_width(labels[u]), y=0, units="points")
        stop = offset_copy(ax.transData, fig=ax.figure, x=-_half_width(labels[v]), y=0, units="points")
        ax.annotate("", xy=pos[v], xycoords=stop, xytext=pos[u], textcoords=start, zorder=3 if strong else 2,
                    arrowprops={"arrowstyle": "-|>,head_length=0.5,head_width=0.25", "shrinkA": 0, "shrinkB": 0,
                                "color": KILL_GRAPH["chain" if strong else "arrow"], "lw": 2.8 if strong else 0.9,
                                "alpha": 1.0 if strong else 0.8})
    highlight = set(highlight)
    for n, (x, y) in sorted(pos.items()):
        kind = "turned" if n in highlight else APPARATUS if graph.nodes[n]["side"] == APPARATUS else "other"
        ax.text(x, y, labels[n], fontsize=_LABEL_SIZE, ha="center", va="center", color="white",
                fontweight="bold" if kind == "turned" else "normal", zorder=5,
                bbox={"boxstyle": "round,pad=0.3", "fc": KILL_GRAPH[kind], "ec": "white", "lw": 0.8})
    handles = [Patch(color=KILL_GRAPH["turned"], label="struck, then struck down (perpetrator later a victim)"),
               Patch(color=KILL_GRAPH[APPARATUS], label="apparatus"),
               Patch(color=KILL_GRAPH["other"], label="other side"),
               Line2D([], [], color=KILL_GRAPH["arrow"], label="ordered, organised or carried out (to the victim)"),
               Line2D([], [], color=KILL_GRAPH["chain"], lw=2.8, label="the longest chain of killers killed")]
    ax.legend(handles=handles, loc="upper left", fontsize=9, frameon=True, framealpha=0.9)
    ax.set_title(title)
    ax.set_axis_off()
    return ax


# --- methods ----------------------------------------------------------------------------------

def methods(counts: pd.DataFrame, colours: dict[str, str], ax=None, title: str = "How they died",
            legend: bool = True):
    """Stacked bars of deaths per period (or scope) of `fates.methods_by`, coloured by method
    (`colours`: e.g. `style.palette(fates.method_order(ds))`)."""
    ax = ax or plt.subplots(figsize=(10, 4.5))[1]
    counts.plot.bar(stacked=True, ax=ax, width=0.75, color=[colours[m] for m in counts.columns], legend=False)
    ax.set(title=title, xlabel=counts.index.name.capitalize(), ylabel="Deaths")
    ax.tick_params(axis="x", labelrotation=0)
    if legend:
        ax.legend(title="method", fontsize=9, bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


def methods_by_era_and_scope(by_era: pd.DataFrame, by_scope: pd.DataFrame, colours: dict[str, str]):
    """The deaths by method era by era (wide, left) and at home and abroad (right, one legend), on a
    shared count axis (`methods`). Returns the figure."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), gridspec_kw={"width_ratios": [3, 1]}, sharey=True)
    methods(by_era, colours, ax=left, title="How they died, era by era", legend=False)
    methods(by_scope, colours, ax=right, title="At home and abroad")
    return fig
