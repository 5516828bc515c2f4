"""The network of people: their ties (relationships.csv) and their acts on each other (who arrested,
ordered, shot or killed whom: `evidence.acts`), for notebooks/05-networks.ipynb and `blackwork export`.

An edge runs from the handler, recruiter, superior, parent... (a tie's person_id) or from the actor
(an act's doer) to the other. A tie holds from its start to its end, each as bounds (open when not
given); an act happens on its event's dates. `graph(ds, as_of=day)` is the network up to that day:
every tie and act that may have begun by then (undated ties included). The drawings (the layout, the
figure and the interactive SVG) are in `helpers.figures.networks`.

What an undated tie does in the eras (`placed`, `centrality`): a tie counts from its start to its end
(with no end, at most until a death); with an end but no start, only at its end; with no date at all,
in no era: those have their own rows (`centrality(..., undated=True)`, `undated_ties`). The report's
finding is the shortest chain (`chain_finding`); every number it states is a claim (`*_claims`).
"""
from __future__ import annotations

import re

import networkx as nx
import pandas as pd

from .. import evidence
from ..core.checks import check
from ..evidence import Dataset, claims
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
    none, either way), one row per step: from, relation, to, kind, date. Empty if they are not linked.
    `attrs`: directed (along the edges' direction), edges ((kind, id) of each step), people (the ids)."""
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
    rows, ids = [], []
    for a, b in zip(path, path[1:]):
        u, v = (a, b) if g.has_edge(a, b) else (b, a)
        key, data = sorted(g.get_edge_data(u, v).items(), key=lambda kd: (kd[1]["kind"] != "tie", kd[1]["relation"]))[0]
        words = ROLE_WORDS.get(data["relation"], data["relation"]) if data["kind"] == "act" else data["relation"]
        rows.append({"from": g.nodes[u]["label"], "relation": words.replace("_", " "),
                     "to": g.nodes[v]["label"], "kind": data["kind"], "date": data["date"]})
        ids.append((data["kind"], key))
    out = pd.DataFrame(rows)
    out.attrs.update(directed=forward, edges=ids, people=list(path))
    return out


#: The row of the most connected table for the ties that the sources do not date (`centrality`).
UNDATED = "undated ties (in no era)"


def placed(ds: Dataset) -> pd.DataFrame:
    """`edges` as the eras place them: a tie from its start to its end (with no end, at most until a
    death); a tie with an end but no start only at its end (the one day the sources place it near); a
    tie with no date not at all (first missing: `undated_ties`). Acts on their events' dates."""
    table = edges(ds)
    ends = table.id.map(ds.relationships.set_index("relationship_id").end_earliest)
    start_less = (table.kind == "tie") & table["first"].isna() & table.dated
    table.loc[start_less, "first"] = ends[start_less]
    return table


def _degrees(table: pd.DataFrame, apparatus: set) -> dict[str, set]:
    """Each member of the apparatus in the edges of `table` with the people they are joined to."""
    others: dict[str, set] = {}
    for a, b in zip(table.source, table.target):
        if a != b:
            others.setdefault(a, set()).add(b)
            others.setdefault(b, set()).add(a)
    return {p: o for p, o in others.items() if p in apparatus}


def era_degrees(ds: Dataset, eras_table: pd.DataFrame, undated: bool = False) -> dict[str, dict[str, set]]:
    """Per era of `eras_table` (and, with `undated`, UNDATED for the ties with no date), each member of
    the apparatus with the people joined to them by the edges that may fall in it (`placed`)."""
    table = placed(ds)
    apparatus = set(ds.people.person_id[ds.people.side == "apparatus"])
    out = {}
    for era in eras_table.itertuples(index=False):
        inside = table["first"].notna() & (table["first"] < era.end) & (table["last"].isna() | (table["last"] >= era.start))
        out[era.era] = _degrees(table[inside], apparatus)
    if undated:
        out[UNDATED] = _degrees(table[table["first"].isna()], apparatus)
    return out


def centrality(ds: Dataset, eras_table: pd.DataFrame, n: int = 5, undated: bool = False) -> pd.DataFrame:
    """Per era, the `n` members of the apparatus with the most ties and acts that may fall in it
    (degree in the era's network, each person joined counted once), as `placed` puts them: era, rank,
    name, degree. Ties share a rank (1, 2, 2, 4) and all those tied with the `n`-th are kept, so no one
    is cut from a tie by the alphabet. A tie with no date cannot be placed in an era and counts in none; with `undated`,
    the last rows (era UNDATED) rank the members of the apparatus by those ties alone."""
    check("n", n, kind=int, minimum=1)
    names = ds.people.set_index("person_id").name
    rows = []
    for era, joined in era_degrees(ds, eras_table, undated).items():
        ranked = sorted(joined, key=lambda p: (-len(joined[p]), names[p]))
        if not ranked:
            continue
        cut = len(joined[ranked[min(n, len(ranked)) - 1]])  # everyone tied with the n-th stays: no arbitrary cut
        degrees = [len(joined[p]) for p in ranked]
        rows += [{"era": era, "rank": degrees.index(d) + 1, "name": names[p], "degree": d}
                 for p, d in zip(ranked, degrees) if d >= cut]
    return pd.DataFrame(rows, columns=["era", "rank", "name", "degree"])


def undated_ties(ds: Dataset) -> pd.DataFrame:
    """The ties the sources give no date for, who they join: person, relation (words), other,
    certainty, id; by person."""
    r = ds.relationships[ds.relationships.start.isna() & ds.relationships.end.isna()]
    names = ds.people.set_index("person_id").name
    out = pd.DataFrame({"person": r.person_id.map(names), "relation": r.type.str.replace("_", " "),
                        "other": r.other_id.map(names), "certainty": r.certainty, "id": r.relationship_id})
    return out.sort_values(["person", "other", "relation"]).reset_index(drop=True)


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


# --- the numbers of the report as claims -----------------------------------------------------------------

def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _act_rows(g: nx.MultiDiGraph) -> list[str]:
    """The roles rows (event | actor | role) of the act edges of `g`."""
    return [f"{d['event_id']}{claims.KEY_JOIN}{u}{claims.KEY_JOIN}{d['relation']}"
            for u, _, d in g.edges(data=True) if d["kind"] == "act"]


def size_claims(ds: Dataset, g: nx.MultiDiGraph) -> dict[str, claims.Claim]:
    """How big the network `g` (of `graph`) is, as claims: people (its nodes), ties (relationships.csv
    rows) and acts (the doer's row of roles.csv: one act per doer, role and event)."""
    ties = [k for _, _, k, d in g.edges(keys=True, data=True) if d["kind"] == "tie"]
    acts = _act_rows(g)
    rule = "the network up to the day: every tie and act that may have begun by then, undated ties included"
    return {"people": claims.count(ds, "people", sorted(g.nodes), f"the people joined in {rule}",
                                   also={"relationships": ties}),
            "ties": claims.count(ds, "relationships", ties, f"the ties of {rule}"),
            "acts": claims.count(ds, "roles", acts, f"the acts of {rule} (who arrested, ordered, shot or killed whom: "
                                 "a perpetrator's, organiser's or orderer's role in an event with another person as its subject)")}


def chain_finding(ds: Dataset, source: str, target: str, as_of: pd.Timestamp | None = None) -> claims.Claim:
    """The finding of the report: the shortest chain (`chain`) from `source` to `target` (person ids)
    in the network up to `as_of`: its number of steps, its text the people in order ('2 steps (A → B
    → C)'), resting on the ties and acts it takes. 0 ('not linked') when there is none or either is
    not in the network."""
    g = graph(ds, as_of)
    path = chain(g, source, target) if source in g and target in g else pd.DataFrame()
    steps = path.attrs.get("edges", [])
    ties = [i for kind, i in steps if kind == "tie"]
    acts = [claims.KEY_JOIN.join([i.split(":")[0], i.split(":")[2], i.split(":")[1]]) for kind, i in steps if kind == "act"]
    arrow = " → " if path.attrs.get("directed", True) else " – "
    names = [g.nodes[p]["label"] for p in path.attrs.get("people", [])]
    text = f"{len(steps)} step{'s' if len(steps) != 1 else ''} ({arrow.join(names)})" if steps else "not linked"
    sql = (f"SELECT (SELECT COUNT(*) FROM relationships WHERE relationship_id IN ({', '.join(map(_quote, ties)) or 'NULL'})) + "
           "(SELECT COUNT(*) FROM roles WHERE (event_id || ' | ' || person_id || ' | ' || role) IN "
           f"({', '.join(map(_quote, acts)) or 'NULL'}))")
    return claims.make(ds, len(steps), "the shortest chain of ties and acts from one person to the other in the network "
                       "up to the day (along the edges' direction, else either way; a tie before an act when as short)",
                       sql, {"people": path.attrs.get("people", []), "relationships": ties, "roles": acts},
                       {"source": source, "target": target, "as_of": as_of}, text=text)


def tie_claims(ds: Dataset, eras_table: pd.DataFrame) -> dict:
    """What the era counts leave out and who leads them, as claims: ties (every row of
    relationships.csv), undated (no date: in no era), end_only (an end but no start: only at its end),
    and the most connected members of the apparatus in any era and by the undated ties alone
    (top, undated_top: ([(name, era) of each, tied], claim of the people joined to the first))."""
    r = ds.relationships
    no_date, end_only = r[r.start.isna() & r.end.isna()], r[r.start.isna() & r.end.notna()]
    out = {"ties": claims.count(ds, "relationships", r.relationship_id, "every tie of relationships.csv"),
           "undated": claims.count(ds, "relationships", no_date.relationship_id, "ties with neither a start nor an end: "
                                   "they could fall in any era and count in none"),
           "end_only": claims.count(ds, "relationships", end_only.relationship_id, "ties with an end but no start: "
                                    "they count only in the era of their end"),
           "in_dated_section": claims.count(ds, "relationships", no_date.relationship_id[no_date.locator.map(_dated_section)],
                                            "ties with no date that a source tells in a section headed by a dated event: "
                                            "the heading places the story, not the tie's start or end")}
    names = ds.people.set_index("person_id").name
    for key, degrees in (("top", era_degrees(ds, eras_table)), ("undated_top", {UNDATED: era_degrees(ds, eras_table, True)[UNDATED]})):
        best = sorted(((-len(o), names[p], era, p) for era, joined in degrees.items() for p, o in joined.items()))
        if best:
            _, name, era, person = best[0]
            rule = (f"the people {name} was tied to or acted on, or was acted on by, "
                    + ("by ties the sources give no date" if era == UNDATED else f"in {era}'s era"))
            leaders = [(n, e) for d, n, e, _ in best if d == best[0][0]]
            out[key] = (leaders, claims.count(ds, "people", sorted(degrees[era][person]), rule))
    return out


#: A locator's section heading that holds a year ('The Capture of Boris Savinkov (1924) ¶1').
_DATED_HEADING = re.compile(r"\([^()]*\b\d{4}\)\s*¶")


def _dated_section(locator) -> bool:
    """Whether a locator names a case-file section whose heading carries a date (a dated event's story)."""
    return isinstance(locator, str) and bool(_DATED_HEADING.search(locator))


def groups_claim(ds: Dataset, g: nx.MultiDiGraph) -> claims.Claim:
    """How many groups `communities` finds in `g`, resting on their members (the SQL lists them)."""
    simple = nx.Graph(g.to_undirected())
    parts = [sorted(p) for p in nx.community.greedy_modularity_communities(simple)] if simple.number_of_edges() else []
    union = " UNION ALL ".join(f"SELECT {i} AS grp FROM people WHERE person_id IN ({', '.join(map(_quote, p))})"
                               for i, p in enumerate(parts, 1))
    return claims.make(ds, len(parts), "groups of people more tied to each other than to the rest (greedy modularity "
                       "on the network, one edge per pair); the SQL lists each group's members",
                       f"SELECT COUNT(DISTINCT grp) FROM ({union or 'SELECT NULL AS grp'})", {"people": sorted(g.nodes)})
