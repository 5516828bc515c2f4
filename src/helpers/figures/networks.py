"""Figures of the networks analysis (`helpers.analyses.networks`): the network drawn with matplotlib,
and the same network as an SVG to put in a page, interactive without any script. Both place people
by `layout` (Kamada-Kawai, the same on every run) and take, beside the graph, the people and links
frames the analysis made (`networks.people`, `networks.links`); colours are `style.TIE_GROUPS`'."""
from __future__ import annotations

import html

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D

from ..core.checks import check
from . import style

#: The line of each drawing group (`networks.group_of`), in the order of the legend.
LINE_STYLES = {"handling": "solid", "family and friends": "dotted", "betrayal and rivalry": "dashdot",
               "act": "dashed"}
#: SVG dash patterns for the line styles.
_DASHES = {"solid": "", "dotted": "2 3", "dashdot": "6 3 2 3", "dashed": "6 4"}


def _title(as_of: pd.Timestamp | None = None) -> str:
    """'Ties and acts between people', up to the day when there is one."""
    return "Ties and acts between people" + (f", up to {as_of:%d %B %Y}" if as_of is not None else "")


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Each person's place in a drawing: Kamada-Kawai (no random start, so every run draws the same)."""
    simple = nx.Graph(g.to_undirected())
    if simple.number_of_nodes() < 2:
        return {n: (0.0, 0.0) for n in simple}
    return {n: (float(x), float(y)) for n, (x, y) in nx.kamada_kawai_layout(simple).items()}


def plot(g: nx.MultiDiGraph, people: pd.DataFrame, links: pd.DataFrame, ax=None, labels: int = 14,
         as_of: pd.Timestamp | None = None, title: str | None = None):
    """The network: edges (`links`) styled by group (handling, family and friends, betrayal and
    rivalry, acts), the `labels` best-connected of `people` named on a white ground; the Kamada-Kawai
    layout (no random start) keeps the drawing the same on every run and spreads the crowded centre.
    The title says up to which day (`as_of`) unless `title` is given."""
    check("labels", labels, kind=int, minimum=0)
    ax = ax or plt.subplots(figsize=(12, 10))[1]
    pos = layout(g)
    handles = []
    for group, line in LINE_STYLES.items():
        colour = style.TIE_GROUPS[group]
        chosen = links[links.group == group]
        chosen = list(zip(chosen.source, chosen.target))
        nx.draw_networkx_edges(g, pos, edgelist=chosen, ax=ax, edge_color=colour, style=line, width=1.2,
                               alpha=0.8, arrows=True, arrowsize=8)
        handles.append(Line2D([], [], color=colour, linestyle=line, label=f"{group} ({len(chosen)})"))
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=30, node_color="0.3")
    named = people.head(labels)
    nx.draw_networkx_labels(g, pos, labels=dict(zip(named.person_id, named.label)), ax=ax, font_size=9,
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1})
    ax.set_title(title if title is not None else _title(as_of))
    ax.legend(handles=handles, title="edges", loc="lower left", fontsize=9)
    ax.set_axis_off()
    return ax


def svg(g: nx.MultiDiGraph, people: pd.DataFrame, links: pd.DataFrame, labels: int = 14,
        as_of: pd.Timestamp | None = None, title: str | None = None, size: int = 900) -> str:
    """The network as an SVG to put in a page, interactive without any script: point at a person to
    see their name and their degree (`people`); point at an edge (`links`) for what it is, its date
    and certainty. The `labels` best-connected people are named; the layout is `layout`'s, the
    colours and dashes `plot`'s; the title says up to which day (`as_of`) and how to explore, unless
    `title` is given. Every text from the data is escaped."""
    check("labels", labels, kind=int, minimum=0)
    check("size", size, kind=int, minimum=200)
    at = _scale(layout(g), size)
    names = dict(zip(people.person_id, people.label))
    degrees = dict(zip(people.person_id, people.degree))
    named = list(people.person_id.head(labels))
    places = {node: at(node) for node in names}
    reach, spots = hit_radii(places), label_spots(places, {n: names[n] for n in named})
    parts = _head(title if title is not None else f"{_title(as_of)}: point at a person or an edge", size)
    edges = sorted(links.itertuples(index=False), key=lambda e: (e.source, e.target, e.relation, e.date))
    parts += [_edge(e, at(e.source), at(e.target), names) for e in edges]
    for node in sorted(names):
        x, y = places[node]
        tx, ty, anchor = spots.get(node, (x + 6, y - 6, "start"))
        name = html.escape(names[node])
        parts.append(f'<g class="person{" named" if node in spots else ""}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" stroke-width="{2 * (reach[node] - 4):.1f}"/>'
                     f'<title>{name}: {degrees[node]} people tied to or acted on</title>'
                     f'<text x="{tx:.1f}" y="{ty:.1f}"{_ANCHOR[anchor]}>{name}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


#: Where a named person's label may sit beside the dot (dx, dy, anchor), tried in this order.
_SPOTS = ((6, -6, "start"), (6, 15, "start"), (-6, -6, "end"), (-6, 15, "end"), (0, -10, "middle"), (0, 22, "middle"))
_ANCHOR = {"start": "", "end": ' text-anchor="end"', "middle": ' text-anchor="middle"'}
#: A label's box in the SVG's 12 px type: width per character (generous) and height.
CHAR_WIDTH, LINE_HEIGHT = 7.2, 13.0
#: The widest reach of a dot for the pointer (px), when no neighbour is nearer than twice that.
REACH = 9.0


def hit_radii(places: dict) -> dict[str, float]:
    """How far from each dot the pointer still names it: REACH, or half the way to the nearest other
    dot, so that no two dots' reaches overlap (and never less than the dot's own 4 px)."""
    out = {}
    for node, (x, y) in places.items():
        near = min((((x - a) ** 2 + (y - b) ** 2) ** 0.5 for other, (a, b) in places.items() if other != node),
                   default=2 * REACH)
        out[node] = max(4.0, min(REACH, near / 2))
    return out


def label_box(x: float, y: float, anchor: str, text: str) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a label of `text` takes with its baseline at (x, y)."""
    width = CHAR_WIDTH * len(text)
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return left, y - LINE_HEIGHT + 3, left + width, y + 3


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_spots(places: dict, named: dict[str, str]) -> dict[str, tuple[float, float, str]]:
    """A place for each named person's label (x, y, anchor), in the order given (best-connected
    first): the first of `_SPOTS` whose box overlaps no label already placed and no other dot."""
    taken, out = [], {}
    dots = {n: (x - 4, y - 4, x + 4, y + 4) for n, (x, y) in places.items()}
    for node, text in named.items():
        x, y = places[node]
        boxes = [(x + dx, y + dy, anchor, label_box(x + dx, y + dy, anchor, text)) for dx, dy, anchor in _SPOTS]
        free = [b for b in boxes if not any(_overlap(b[3], t) for t in taken)
                and not any(_overlap(b[3], d) for n, d in dots.items() if n != node)]
        clear = [b for b in boxes if not any(_overlap(b[3], t) for t in taken)]
        x_, y_, anchor, box = (free or clear or boxes)[0]
        taken.append(box)
        out[node] = (x_, y_, anchor)
    return out


def _scale(pos: dict, size: int):
    """A function from a person to their point on a `size` square with a margin (SVG's y grows downwards)."""
    xs, ys = [x for x, _ in pos.values()] or [0.0], [y for _, y in pos.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    pad = 40

    def at(node):
        x, y = pos[node]
        return (pad + (x - min(xs)) / span * (size - 2 * pad), pad + (max(ys) - y) / span * (size - 2 * pad))
    return at


def _head(name: str, size: int) -> list[str]:
    """The SVG's opening, its title, its style (what pointing does) and an arrow head per group."""
    esc, ink = html.escape, style.NETWORK_SVG
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" width="100%" style="max-width:{size}px" '
             f'role="img" aria-label="{esc(name)}" xmlns="http://www.w3.org/2000/svg">', f"<title>{esc(name)}</title>",
             f"<style>.network .edge{{stroke-width:1.2;opacity:.75}}.network .edge:hover{{stroke-width:4;opacity:1}}"
             f".network .person circle{{fill:{ink['person']};stroke:transparent;pointer-events:all}}"
             ".network .person text{pointer-events:none}"
             f".network .person:hover circle{{fill:{ink['pointed']};r:7px}}"
             f".network .person text{{font:12px sans-serif;paint-order:stroke;stroke:{ink['halo']};stroke-width:3px;"
             "opacity:0}.network .person.named text,.network .person:hover text{opacity:1}</style>", "<defs>"]
    for group in LINE_STYLES:
        parts.append(f'<marker id="arrow-{group.replace(" ", "-")}" viewBox="0 0 10 10" refX="16" refY="5" '
                     f'markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
                     f'fill="{style.TIE_GROUPS[group]}"/></marker>')
    parts.append("</defs>")
    return parts


def _edge(e, start: tuple[float, float], end: tuple[float, float], names: dict) -> str:
    """One edge of `links` as an SVG line from `start` to `end`, with what it is on pointing."""
    (x1, y1), (x2, y2) = start, end
    dash = _DASHES[LINE_STYLES[e.group]]
    dash = f' stroke-dasharray="{dash}"' if dash else ""
    what = f"{names[e.source]} {e.words} {names[e.target]}" + (f", {e.date}" if e.date else ", undated")
    return (f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{style.TIE_GROUPS[e.group]}"{dash} marker-end="url(#arrow-{e.group.replace(" ", "-")})">'
            f"<title>{html.escape(what)} ({html.escape(e.certainty)})</title></line>")
