"""The network of ties and acts (helpers.networks and its figures, helpers.figures.networks), against the
case file and hand counts."""
from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

from helpers import ParameterError, eras, figures, networks

DAY = pd.Timestamp


def test_the_chain_from_spiegelglas_to_miller(ds):
    # Miller ¶3-5: Spiegelglas recruited Skoblin as a double agent; Skoblin lured Miller to the trap
    chain = networks.chain(networks.graph(ds), "sergei-spiegelglas", "yevgeny-miller")
    assert chain[["from", "relation", "to"]].values.tolist() == [
        ["Sergei Spiegelglas", "recruited", "Nikolai Skoblin"], ["Nikolai Skoblin", "betrayed", "Yevgeny Miller"]]
    assert chain.attrs["directed"]


def test_a_tie_begun_after_the_day_is_not_in_the_network_up_to_that_day(ds):
    # Skoblin betrayed Miller on 1937-09-22 (Miller ¶5): not yet on the day before, there on the day
    before = networks.graph(ds, DAY("1937-09-21"))
    on = networks.graph(ds, DAY("1937-09-22"))
    def betrayed(g):
        return any(d["relation"] == "betrayed" for _, v, d in g.out_edges("nikolai-skoblin", data=True) if v == "yevgeny-miller") \
            if "nikolai-skoblin" in g else False
    assert not betrayed(before) and betrayed(on)
    # undated ties hold at any day: Trotsky is Sedov's father in the network of 1918 too
    assert networks.graph(ds, DAY("1918-01-01")).has_edge("leon-trotsky", "lev-sedov")


def test_every_tie_and_act_is_an_edge(ds):
    table = networks.edges(ds)
    assert (table.kind == "tie").sum() == len(ds.relationships)
    g = networks.graph(ds)
    assert g.number_of_edges() == len(table)
    assert g.nodes["nikolai-yezhov"]["label"] == "Nikolai Yezhov"


def test_a_tie_without_an_end_holds_until_a_death(ds):
    # Skoblin betrayed Miller from 1937-09-22, no end; Miller was shot on 1939-05-11 (Miller ¶5 ;
    # the data's execution), so the tie's last possible day is at most his death's
    tie = networks.edges(ds).set_index("id").loc["nikolai-skoblin--betrayed--yevgeny-miller"]
    assert tie["first"] == DAY("1937-09-22") and pd.notna(tie["last"]) and tie["last"] <= DAY("1939-12-31")


def test_centrality_ranks_within_each_era_and_counts_no_undated_tie(ds):
    table = networks.centrality(ds, eras.eras(ds), n=3)
    assert list(table.era.unique()) == ["Dzerzhinsky", "Menzhinsky", "Yagoda", "Yezhov", "Beria"]
    for _, part in table.groupby("era"):
        # Ties share a rank, the next rank skips (1, 2, 2, 4); everyone tied with the third stays.
        ranks, degrees = list(part["rank"]), list(part.degree)
        assert ranks == [degrees.index(d) + 1 for d in degrees] and part.degree.is_monotonic_decreasing
        assert (part.degree >= degrees[min(3, len(degrees)) - 1]).all()
    # The undated ties alone (relationships.csv rows with no start and no end, people joined to each member of the
    # apparatus, counted by hand with csv): Yagoda 3, then eleven with 2 (Dzerzhinsky, Trilisser, Blumkin,
    # Serebryansky, Medved, Yezhov, Beria, Skoblin, Sudoplatov, Zborowski, Mercader). At n=5 the old table cut
    # the eleven at four by the alphabet; now all twelve rows stand, ranks 1 and 2.
    undated = networks.centrality(ds, eras.eras(ds), n=5, undated=True)
    last = undated[undated.era == undated.era.iloc[-1]]
    assert list(last["rank"]) == [1] + [2] * 11 and last.name.iloc[0] == "Genrikh Yagoda"


def test_communities_cover_every_person_once(ds):
    g = networks.graph(ds)
    groups = networks.communities(g)
    names = [n for group in groups for n in group]
    assert len(names) == len(set(names)) == g.number_of_nodes()
    assert [len(x) for x in groups] == sorted((len(x) for x in groups), reverse=True)


def test_bad_options_say_one_sentence(ds):
    with pytest.raises(ParameterError, match=r"Parameter `as_of` got 1937; it accepts a day as a pandas Timestamp"):
        networks.graph(ds, 1937)
    with pytest.raises(ParameterError, match=r"Parameter `person` got 'nobody'"):
        networks.chain(networks.graph(ds), "nobody", "yevgeny-miller")
    with pytest.raises(ParameterError, match=r"Parameter `n` got 0"):
        networks.centrality(ds, eras.eras(ds), n=0)


def test_the_interactive_network_has_every_edge_and_person_with_what_it_is_on_pointing(ds):
    g = networks.graph(ds)
    people, links = networks.people(g), networks.links(g)
    page = figures.networks.svg(g, people, links, labels=5)
    assert page.count("<line ") == g.number_of_edges() and page.count("<circle ") == g.number_of_nodes()
    assert page.count('class="person named"') == 5
    # Miller ¶3: Spiegelglas recruited Skoblin; the sources give no date for it
    assert "<title>Sergei Spiegelglas recruited Nikolai Skoblin, undated (stated)</title>" in page
    # Spiegelglas was Slutsky's deputy until Slutsky died (17 February 1938): an edge with its end
    assert "<title>Sergei Spiegelglas deputy of Abram Slutsky, /1938-02-17 (stated)</title>" in page
    assert page == figures.networks.svg(g, people, links, labels=5)  # the same bytes every run: nbval compares them
    assert not re.search(r"<(script|img|link)\b|https?://(?!www\.w3\.org/2000/svg)", page)  # no script, nothing fetched


def test_the_pointer_names_the_dot_it_is_on_and_named_labels_do_not_overlap(ds):
    """Labels never catch the pointer; each dot's reach stops halfway to its nearest neighbour, so the
    pointer on a dot names that dot; the central officials' labels (the 14 named) do not overlap."""
    g = networks.graph(ds)
    page = figures.networks.svg(g, networks.people(g), networks.links(g))
    assert ".network .person text{pointer-events:none}" in page
    dots = [(float(x), float(y), float(w) / 2 + 4) for x, y, w in
            re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="4" stroke-width="([\d.]+)"/>', page)]
    assert len(dots) == g.number_of_nodes()
    for i, (x, y, r) in enumerate(dots):
        for a, b, s in dots[i + 1:]:
            assert r + s <= ((x - a) ** 2 + (y - b) ** 2) ** 0.5 + 0.2 or max(r, s) == 4  # reaches do not overlap
    named = re.findall(r'<g class="person named">.*?<text x="([\d.]+)" y="([\d.]+)"( text-anchor="(\w+)")?>([^<]+)</text>', page)
    assert len(named) == 14 and {"Nikolai Yezhov", "Genrikh Yagoda"} <= {n[4] for n in named}
    boxes = [figures.networks.label_box(float(x), float(y), anchor or "start", text) for x, y, _, anchor, text in named]
    clashes = [(named[i][4], named[j][4]) for i in range(14) for j in range(i + 1, 14)
               if boxes[i][0] < boxes[j][2] and boxes[j][0] < boxes[i][2] and boxes[i][1] < boxes[j][3] and boxes[j][1] < boxes[i][3]]
    assert clashes == []


def test_the_interactive_network_escapes_names_and_draws_one_person_alone():
    g = nx.MultiDiGraph()
    g.add_node("x", label="<script>alert(1)</script> X", side="apparatus")
    page = figures.networks.svg(g, networks.people(g), networks.links(g), labels=1)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; X" in page
    assert page.count("<circle ") == 1 and page.count("<line ") == 0
    with pytest.raises(ParameterError, match="size"):
        figures.networks.svg(g, networks.people(g), networks.links(g), size=100)


def test_the_size_of_the_network(ds):
    g = networks.graph(ds)
    size = networks.totals(g)
    assert size["people"] == g.number_of_nodes() and size["ties"] == len(ds.relationships)  # every row of relationships.csv
    assert size["ties"] + size["acts"] == g.number_of_edges()


def test_people_by_degree_and_links_by_group():
    # By hand: a recruited b, b betrayed c, a ordered an act on c and is c's spouse: a is tied to or
    # acted on 2 people (b, c: one per pair), b 2 (a, c), c 2 (a, b), d nobody; ties of degree equal
    # by id. The edges come in the graph's order: a's (to b, then the two to c), then b's.
    g = nx.MultiDiGraph()
    for p in "abcd":
        g.add_node(p, label=p.upper(), side="apparatus")
    edges = [("a", "b", "tie", "recruited"), ("b", "c", "tie", "betrayed"), ("a", "c", "act", "ordered_by"),
             ("a", "c", "tie", "spouse_of")]
    for u, v, kind, relation in edges:
        g.add_edge(u, v, key=f"{u}-{relation}-{v}", kind=kind, relation=relation, event_id="", date="",
                   certainty="stated")
    people = networks.people(g)
    assert people.values.tolist() == [["a", "A", 2], ["b", "B", 2], ["c", "C", 2], ["d", "D", 0]]
    links = networks.links(g)
    assert list(links.group) == ["handling", "act", "family and friends", "betrayal and rivalry"]
    assert list(links.words) == ["recruited", "ordered the act on", "spouse of", "betrayed"]
    assert networks.totals(g) == {"people": 4, "ties": 3, "acts": 1}


def test_the_largest_groups():
    groups = [["A", "B", "C"], ["D", "E"], ["F"]]
    table = networks.largest(groups, n=2)
    assert table.to_dict("index") == {1: {"people": 3, "members": "A, B, C"}, 2: {"people": 2, "members": "D, E"}}
    assert table.index.name == "group" and len(networks.largest(groups)) == 3
