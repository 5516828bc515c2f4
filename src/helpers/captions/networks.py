"""The sentences the networks report (notebooks/05-networks.ipynb) prints, built from the claims
`helpers.analyses.networks` made; they compute nothing themselves. Each returns a Caption: every
number in it is a claim, with the rows it rests on."""
from __future__ import annotations

import pandas as pd

from ..core.names import in_prose
from ..evidence import claims
from .claimed import Caption

PAGE = "05-networks"


def network(c: dict, day: pd.Timestamp, include_alleged: bool) -> Caption:
    """How big the network is up to `day` (`networks.size_claims`)."""
    stated = "" if include_alleged else ", stated ones only"
    return Caption(f"Up to **{day:%d %B %Y}**: {{people}} people joined by {{ties}} ties and {{acts}} acts{stated}.",
                   page=PAGE, people=c["people"], ties=c["ties"], acts=c["acts"])


def drawing() -> Caption:
    """How to read the drawing of the network (`figures.networks.plot`)."""
    return Caption("*What to see:* blue lines are how the organs ran people (handlers, recruiters, superiors), green "
                   "dotted ones family and friends, orange ones betrayal and rivalry, red dashed ones acts (an arrest, an "
                   "order, a shot); the best-connected people are named. Each arrow points from the handler, superior "
                   "or doer to the other.", page=PAGE)


def explore() -> Caption:
    """How to explore the interactive network (`figures.networks.svg`)."""
    return Caption("*What to see:* the same network to explore, in the page itself: point at a person for the name and "
                   "the number of people tied to them or acted on by or against them; point at an edge for who did "
                   "what to whom, when, and how certain it is. It needs no script and nothing from another host.",
                   page=PAGE)


def chain(finding: claims.Claim, path: pd.DataFrame, source: str, target: str, day: pd.Timestamp) -> Caption:
    """The finding: the shortest chain (`networks.chain_finding`, with its readings) from `source` to
    `target`, whether it runs against some edges, and whether another reading changes it."""
    against = "" if path.attrs.get("directed", True) else " (against the direction of some edges)"
    head = Caption(f"The shortest chain from **{{source}}** to **{{target}}** up to {day:%d %B %Y}: {{chain}}{against}.",
                   page=PAGE, source=source, target=target, chain=finding)
    undated = path[path.date.fillna("") == ""] if len(path) and "date" in path else path.iloc[:0]
    if len(undated):
        links = in_prose(f"{r['from']} {r.relation} {r.to}" for _, r in undated.iterrows())
        one = len(undated) == 1
        head = head + Caption(f" The sources give no date for {'the link' if one else 'the links'} {{links}}, so the "
                              f"cut-off cannot test {'it' if one else 'them'}: an undated tie is taken as standing.",
                              page=PAGE, links=links)
    if not finding.readings:
        return head
    if not finding.changes:
        others = ", ".join(reading for reading, _, _ in finding.readings[1:])
        return head + Caption(" The chain is the same under every reading (the table below: {others}).", page=PAGE,
                              others=others)
    changed = "; ".join(f"{reading}: {text}" for reading, text, moved in finding.readings if moved)
    return head + Caption(" Another reading changes it ({changed}): see the table below.", page=PAGE, changed=changed)


def _names(leaders: list) -> str:
    named = [f"{name} ({era}'s era)" if not era.startswith("undated") else name for name, era in leaders]
    return in_prose(named)


def centrality(c: dict) -> Caption:
    """What the table of the most connected officials (`networks.centrality`) counts, the rule for
    undated ties with their numbers (`networks.tie_claims`), and who leads in any era and by the
    undated ties alone."""
    dated = c.get("in_dated_section")
    placed = (" ({in_dated_section} of them the case file tells in a section about a dated event: its heading places "
              "the story, but the data does not take it as the tie's date)" if dated is not None and dated.value else "")
    out = Caption("Members of the apparatus by the number of people joined to them within each head's era: by a tie, "
                  "an act of theirs or an act against them (their own arrest or killing counts). **What an undated tie does:** a tie counts in each era from its start to its end (with no end, "
                  "at most until a death). Of the {all_ties} ties, {undated_ties} have no date at all: they could fall "
                  "in any era, so they count in none" + placed + "; {end_only_ties} have an end but no start and count "
                  "only in the era of their end. The era counts leave the undated ties out: the table's last rows rank "
                  "the members of the apparatus by those ties alone, and the table after it lists them, who joins whom.",
                  page=PAGE, all_ties=c["ties"], undated_ties=c["undated"], end_only_ties=c["end_only"],
                  **({"in_dated_section": dated} if placed else {}))
    if "top" in c:
        leaders, degree = c["top"]
        each = " each" if len(leaders) > 1 else ""
        out = out + Caption(" The most connected in any one era: {top_names}, joined to {top_degree} "
                            f"people{each} (ties, acts and acts against them, alleged ones included).", page=PAGE, top_names=_names(leaders), top_degree=degree)
    if "undated_top" in c:
        leaders, degree = c["undated_top"]
        each = " each" if len(leaders) > 1 else ""
        out = out + Caption(" By the undated ties alone: {undated_names}, {undated_degree} " f"people{each}.",
                            page=PAGE, undated_names=_names(leaders), undated_degree=degree)
    return out


def communities(groups: claims.Claim) -> Caption:
    """How many groups `networks.communities` found (`networks.groups_claim`)."""
    return Caption("{groups} groups found by modularity; the five largest:", page=PAGE, groups=groups)
