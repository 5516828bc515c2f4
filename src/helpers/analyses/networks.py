"""The network of people: their ties (relationships.csv) and their acts on each other (who arrested,
ordered, shot or killed whom: `evidence.acts`), for notebooks/05-networks.ipynb and `blackwork export`.

An edge runs from the handler, recruiter, superior, parent... (a tie's person_id) or from the actor
(an act's doer) to the other. A tie holds from its start to its end, each as bounds (open when not
given); an act happens on its event's dates. `graph(ds, as_of=day)` is the network up to that day:
every tie and act that may have begun by then (undated ties included). The drawings (the layout, the
figure and the interactive SVG) are in `helpers.figures.networks`.
"""
from __future__ import annotations

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


def totals(g: nx.MultiDiGraph) -> dict[str, int]:
    """How big the network is: people (nodes), ties and acts (edges of each kind)."""
    kinds = pd.Series([d["kind"] for _, _, d in g.edges(data=True)], dtype=object).value_counts()
    return {"people": g.number_of_nodes(), "ties": int(kinds.get("tie", 0)), "acts": int(kinds.get("act", 0))}


def people(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Each person of the network: person_id, label (the name), degree (the number of people they
    are tied to or acted on, or acted on by, either way: one per pair); the best-connected first,
    then by person_id (the order in which drawings name them)."""
    simple = nx.Graph(g.to_undirected())
    ranked = sorted(simple.degree, key=lambda pd_: (-pd_[1], pd_[0]))
    return pd.DataFrame({"person_id": [p for p, _ in ranked], "label": [g.nodes[p]["label"] for p, _ in ranked],
                         "degree": [d for _, d in ranked]}, columns=["person_id", "label", "degree"])


def links(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Each edge of the network, in the graph's order: source, target, kind, relation, group (its
    drawing group, `group_of`), words (how it reads between two names: the tie's type, or the act as
    ROLE_WORDS says it), date, certainty."""
    rows = [{"source": u, "target": v, "kind": d["kind"], "relation": d["relation"],
             "group": group_of(d["kind"], d["relation"]),
             "words": (ROLE_WORDS.get(d["relation"], "acted on") if d["kind"] == "act"
                       else d["relation"].replace("_", " ")),
             "date": d["date"], "certainty": d["certainty"]} for u, v, d in g.edges(data=True)]
    return pd.DataFrame(rows, columns=["source", "target", "kind", "relation", "group", "words", "date", "certainty"])


def largest(groups: list[list[str]], n: int = 5) -> pd.DataFrame:
    """The `n` largest of `communities`: people (how many), members (their names), indexed by group
    (1 for the largest)."""
    check("n", n, kind=int, minimum=1)
    return pd.DataFrame({"people": [len(g) for g in groups[:n]], "members": [", ".join(g) for g in groups[:n]]},
                        index=pd.RangeIndex(1, min(n, len(groups)) + 1, name="group"))
