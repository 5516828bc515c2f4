"""The sentences the networks report (notebooks/05-networks.ipynb) prints, built from what
`helpers.analyses.networks` computed; they compute nothing themselves. Each returns Markdown."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown


def network(totals: dict, day: pd.Timestamp, include_alleged: bool) -> Markdown:
    """How big the network is up to `day` (`networks.totals`)."""
    stated = "" if include_alleged else ", stated ones only"
    return Markdown(f"Up to **{day:%d %B %Y}**: {totals['people']} people joined by {totals['ties']} ties "
                    f"and {totals['acts']} acts{stated}.")


def drawing() -> Markdown:
    """How to read the drawing of the network (`figures.networks.plot`)."""
    return Markdown("*What to see:* blue lines are how the organs ran people (handlers, recruiters, superiors), green "
                    "dotted ones family and friends, orange ones betrayal and rivalry, red dashed ones acts (an arrest, an "
                    "order, a shot); the best-connected people are named. Each arrow points from the handler, superior "
                    "or doer to the other.")


def explore() -> Markdown:
    """How to explore the interactive network (`figures.networks.svg`)."""
    return Markdown("*What to see:* the same network to explore, in the page itself: point at a person for the name and "
                    "the number of people tied to them or acted on by or against them; point at an edge for who did "
                    "what to whom, when, and how certain it is. It needs no script and nothing from another host.")


def chain(path: pd.DataFrame, source: str, target: str, day: pd.Timestamp) -> Markdown:
    """How many steps the shortest chain (`networks.chain`) from `source` to `target` takes, and
    whether it runs against some edges."""
    if len(path):
        against = "" if path.attrs.get("directed", True) else " (against the direction of some edges)"
        found = f"{len(path)} step{'s' if len(path) != 1 else ''}{against}."
    else:
        found = "none: they are not linked."
    return Markdown(f"The shortest chain from **{source}** to **{target}** up to {day:%d %B %Y}: {found}")


def centrality() -> Markdown:
    """What the table of the most connected officials (`networks.centrality`) counts."""
    return Markdown("Members of the apparatus by the number of people they were tied to or acted on within each "
                    "head's era (a tie the sources do not date counts in no era; one with a start and no end holds at "
                    "most until a death).")


def communities(groups: list) -> Markdown:
    """How many groups `networks.communities` found."""
    return Markdown(f"{len(groups)} groups found by modularity; the five largest:")
