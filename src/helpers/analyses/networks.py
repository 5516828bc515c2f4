"""The network of people: their ties (relationships.csv) and their acts on each other (who arrested,
ordered, shot or killed whom: `evidence.acts`), for notebooks/05-networks.ipynb and `blackwork export`.

An edge runs from the handler, recruiter, superior, parent... (a tie's person_id) or from the actor
(an act's doer) to the other. A tie holds from its start to its end, each as bounds (open when not
given); an act happens on its event's dates. `graph(ds, as_of=day)` is the network up to that day:
every tie and act that may have begun by then (undated ties included).
"""
from __future__ import annotations

import html

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
import networkx as nx
import pandas as pd

from .. import evidence
from ..core.checks import check
from ..evidence import Dataset
from ..evidence.fates import DEATH_FATES

#: Event types whose doers and subjects are edges of the network (as in the fates report's graph).
ACT_TYPES = ("arrest", "execution", "assassination", "kidnapping", "death", "death_sentence", "trial", "attempt")
#: The tie types drawn together, one style each: how the organs ran people, family, and enmity.
TIE_GROUPS = {
    "handling": ("handler_of", "recruited", "agent_of", "spied_on", "superior_of", "deputy_of", "patron_of",
                 "assistant_of", "bodyguard_of"),
    "family and friends": ("spouse_of", "lover_of", "parent_of", "sibling_of", "friend_of", "associate_of", "ally_of"),
    "betrayal and rivalry": ("betrayed", "denounced", "rival_of"),
}
#: How an act's edge reads, by the actor's role in the event.
ROLE_WORDS = {"perpetrator": "acted on", "ordered_by": "ordered the act on", "organiser": "organised the act on",
              "accomplice": "took part in the act on", "other": "took part in the act on"}
GROUP_STYLE = {"handling": ("#2b6a99", "solid"), "family and friends": ("#5b7d3a", "dotted"),
               "betrayal and rivalry": ("#e39b28", "dashdot"), "act": ("#b23a48", "dashed")}


def edges(ds: Dataset) -> pd.DataFrame:
    """One row per tie and per act: source, target, kind ('tie' or 'act'), relation (the tie's type
    or the actor's role), event_id (acts), date (EDTF text: the tie's start–end, the act's date),
    first, last (the days between which it may hold: NaT when open; a tie with no end holds at most
    until the death of either person), certainty, id, dated (False for a tie the sources give no date)."""
    r = ds.relationships
    ties = pd.DataFrame({"source": r.person_id, "target": r.other_id, "kind": "tie", "relation": r.type,
                         "event_id": "", "date": r.start.fillna("") + "/" + r.end.fillna(""),
                         "first": r.start_earliest, "last": r.end_latest, "certainty": r.certainty,
                         "id": r.relationship_id})
    a = evidence.acts(ds, ACT_TYPES)
    acts = pd.DataFrame({"source": a.actor, "target": a.victim, "kind": "act", "relation": a.role,
                         "event_id": a.event_id, "date": a.date, "first": a.start, "last": a.end,
                         "certainty": a.certainty, "id": a.event_id + ":" + a.role + ":" + a.actor})
    out_dated = pd.concat([ties["first"].notna() | ties["last"].notna(), pd.Series(True, index=acts.index)],
                          ignore_index=True)
    fates = ds.fates()
    died = fates[fates.fate.isin(DEATH_FATES)].groupby("person_id").end.max()  # latest possible day
    open_end = ties["last"].isna()
    ends = pd.concat([ties.source.map(died), ties.target.map(died)], axis=1).min(axis=1)
    ties.loc[open_end, "last"] = ends[open_end]  # a tie without an end holds at most until a death
    out = pd.concat([ties, acts], ignore_index=True)
    out["date"] = out.date.where(out.date != "/", "")
    out["dated"] = out_dated.to_numpy()
    return out.sort_values(["kind", "first", "id"], na_position="first").reset_index(drop=True)


def graph(ds: Dataset, as_of: pd.Timestamp | None = None) -> nx.MultiDiGraph:
    """The people and the edges of `edges`; with `as_of`, the network up to that day: the ties and acts
    that may have begun by then (undated ties included). Nodes carry label (the name) and side; edges
    carry kind, relation, event_id, date and certainty."""
    if as_of is not None:
        check("as_of", as_of, kind=pd.Timestamp)
    table = edges(ds)
    if as_of is not None:
        table = table[table["first"].isna() | (table["first"] <= as_of)]
    g = nx.MultiDiGraph()
    people = ds.people.set_index("person_id")
    for pid in sorted(set(table.source) | set(table.target)):
        g.add_node(pid, label=people.at[pid, "name"], side=people.at[pid, "side"])
    for e in table.itertuples(index=False):
        g.add_edge(e.source, e.target, key=e.id, kind=e.kind, relation=e.relation, event_id=e.event_id,
                   date=e.date, certainty=e.certainty)
    return g


def chain(g: nx.MultiDiGraph, source: str, target: str) -> pd.DataFrame:
    """Who links `source` to `target`: the shortest path along the edges' direction (or, if there is
    none, either way), one row per step: from, relation, to, kind, date. Empty if they are not linked."""
    for name in (source, target):
        check("person", name, choices=sorted(g.nodes))
    simple = nx.DiGraph()
    for u, v, d in g.edges(data=True):  # a tie (a standing link) before an act when paths are as long
        weight = 1.0 if d["kind"] == "tie" else 1.01
        if not simple.has_edge(u, v) or simple[u][v]["weight"] > weight:
            simple.add_edge(u, v, weight=weight)
    try:
        path = nx.shortest_path(simple, source, target, weight="weight")
        forward = True
    except nx.NetworkXNoPath:
        try:
            path = nx.shortest_path(simple.to_undirected(as_view=True), source, target, weight="weight")
            forward = False
        except nx.NetworkXNoPath:
            return pd.DataFrame(columns=["from", "relation", "to", "kind", "date"])
    rows = []
    for a, b in zip(path, path[1:]):
        u, v = (a, b) if g.has_edge(a, b) else (b, a)
        data = sorted(g.get_edge_data(u, v).values(), key=lambda d: (d["kind"] != "tie", d["relation"]))[0]
        words = ROLE_WORDS.get(data["relation"], data["relation"]) if data["kind"] == "act" else data["relation"]
        rows.append({"from": g.nodes[u]["label"], "relation": words.replace("_", " "),
                     "to": g.nodes[v]["label"], "kind": data["kind"], "date": data["date"]})
    out = pd.DataFrame(rows)
    out.attrs["directed"] = forward
    return out


def centrality(ds: Dataset, eras_table: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Per era, the `n` members of the apparatus with the most ties and acts that may fall in it
    (degree in the era's network, each edge counted once per pair): era, rank, name, degree. An edge
    with no date at all cannot be placed in an era and counts in none."""
    check("n", n, kind=int, minimum=1)
    table = edges(ds)
    table = table[table.dated]
    apparatus = set(ds.people.person_id[ds.people.side == "apparatus"])
    names = ds.people.set_index("person_id").name
    rows = []
    for era in eras_table.itertuples(index=False):
        inside = (table["first"].isna() | (table["first"] < era.end)) & (table["last"].isna() | (table["last"] >= era.start))
        pairs = {tuple(sorted(p)) for p in zip(table.source[inside], table.target[inside])}
        degree = pd.Series([p for pair in pairs for p in pair]).value_counts()
        degree = degree[degree.index.isin(apparatus)]
        top = degree.rename_axis("person_id").reset_index(name="degree")
        top = top.assign(name=top.person_id.map(names)).sort_values(["degree", "name"], ascending=[False, True]).head(n)
        rows += [{"era": era.era, "rank": i, "name": t.name, "degree": int(t.degree)}
                 for i, t in enumerate(top.itertuples(index=False), 1)]
    return pd.DataFrame(rows, columns=["era", "rank", "name", "degree"])


def communities(g: nx.MultiDiGraph) -> list[list[str]]:
    """Groups of people more tied to each other than to the rest (greedy modularity on the undirected
    graph, one edge per pair), each a sorted list of names, largest first."""
    simple = nx.Graph(g.to_undirected())
    if simple.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(simple)
    groups = [sorted(g.nodes[p]["label"] for p in part) for part in found]
    return sorted(groups, key=lambda names: (-len(names), names))


def group_of(kind: str, relation: str) -> str:
    """The drawing group of an edge: 'act', or the TIE_GROUPS name of its tie type."""
    if kind == "act":
        return "act"
    return next((name for name, types in TIE_GROUPS.items() if relation in types), "handling")


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Each person's place in a drawing: Kamada-Kawai (no random start, so every run draws the same)."""
    simple = nx.Graph(g.to_undirected())
    if simple.number_of_nodes() < 2:
        return {n: (0.0, 0.0) for n in simple}
    return {n: (float(x), float(y)) for n, (x, y) in nx.kamada_kawai_layout(simple).items()}


#: SVG dash patterns for the edge styles of GROUP_STYLE.
_DASHES = {"solid": "", "dotted": "2 3", "dashdot": "6 3 2 3", "dashed": "6 4"}


def svg(g: nx.MultiDiGraph, labels: int = 14, title: str = "Ties and acts between people", size: int = 900) -> str:
    """The network as an SVG to put in a page, interactive without any script: point at a person to
    see their name and the number of their ties and acts; point at an edge for what it is, its date
    and certainty. The `labels` best-connected people are named; the layout is `layout`'s, the
    colours and dashes `plot`'s. Every text from the data is escaped."""
    check("labels", labels, kind=int, minimum=0)
    check("size", size, kind=int, minimum=200)
    pos = layout(g)
    xs, ys = [x for x, _ in pos.values()] or [0.0], [y for _, y in pos.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    pad = 40

    def at(node):  # SVG's y grows downwards
        x, y = pos[node]
        return (pad + (x - min(xs)) / span * (size - 2 * pad), pad + (max(ys) - y) / span * (size - 2 * pad))

    simple = nx.Graph(g.to_undirected())
    named = {p for p, _ in sorted(simple.degree, key=lambda pd_: (-pd_[1], pd_[0]))[:labels]}
    esc = html.escape
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" width="100%" style="max-width:{size}px" '
             f'role="img" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">', f"<title>{esc(title)}</title>",
             "<style>.network .edge{stroke-width:1.2;opacity:.75}.network .edge:hover{stroke-width:4;opacity:1}"
             ".network .person circle{fill:#4d4d4d}.network .person:hover circle{fill:#000;r:7px}"
             ".network .person text{font:12px sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px;"
             "opacity:0}.network .person.named text,.network .person:hover text{opacity:1}</style>", "<defs>"]
    for group, (colour, _) in GROUP_STYLE.items():
        parts.append(f'<marker id="arrow-{group.replace(" ", "-")}" viewBox="0 0 10 10" refX="16" refY="5" '
                     f'markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
                     f'fill="{colour}"/></marker>')
    parts.append("</defs>")
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"], e[2]["date"])):
        group = group_of(d["kind"], d["relation"])
        colour, style = GROUP_STYLE[group]
        (x1, y1), (x2, y2) = at(u), at(v)
        words = ROLE_WORDS.get(d["relation"], "acted on") if d["kind"] == "act" else d["relation"].replace("_", " ")
        what = f"{g.nodes[u]['label']} {words} {g.nodes[v]['label']}"
        when = f", {d['date']}" if d["date"] else ", undated"
        dash = f' stroke-dasharray="{_DASHES[style]}"' if _DASHES[style] else ""
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"'
                     f'{dash} marker-end="url(#arrow-{group.replace(" ", "-")})"><title>{esc(what + when)} '
                     f'({esc(d["certainty"])})</title></line>')
    for node in sorted(g.nodes):
        x, y = at(node)
        name = g.nodes[node]["label"]
        parts.append(f'<g class="person{" named" if node in named else ""}"><circle cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
                     f'<title>{esc(name)}: {simple.degree(node)} people tied to or acted on</title>'
                     f'<text x="{x + 6:.1f}" y="{y - 6:.1f}">{esc(name)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def plot(g: nx.MultiDiGraph, ax=None, labels: int = 14, title: str = "Ties and acts between people"):
    """The network: edges styled by group (handling, family and friends, betrayal and rivalry, acts),
    the `labels` best-connected people named on a white ground; the Kamada-Kawai layout (no random
    start) keeps the drawing the same on every run and spreads the crowded centre."""
    check("labels", labels, kind=int, minimum=0)
    ax = ax or plt.subplots(figsize=(12, 10))[1]
    simple = nx.Graph(g.to_undirected())
    pos = layout(g)
    handles = []
    for group, (colour, style) in GROUP_STYLE.items():
        chosen = [(u, v) for u, v, d in g.edges(data=True) if group_of(d["kind"], d["relation"]) == group]
        nx.draw_networkx_edges(g, pos, edgelist=chosen, ax=ax, edge_color=colour, style=style, width=1.2,
                               alpha=0.8, arrows=True, arrowsize=8)
        handles.append(Line2D([], [], color=colour, linestyle=style, label=f"{group} ({len(chosen)})"))
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=30, node_color="0.3")
    named = sorted(simple.degree, key=lambda pd_: (-pd_[1], pd_[0]))[:labels]
    nx.draw_networkx_labels(g, pos, labels={p: g.nodes[p]["label"] for p, _ in named}, ax=ax, font_size=9,
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1})
    ax.set_title(title)
    ax.legend(handles=handles, title="edges", loc="lower left", fontsize=9)
    ax.set_axis_off()
    return ax
