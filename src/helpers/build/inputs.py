"""What the build shows and does not compute: given by the layer above it (`helpers.cli.inputs`), so
that the build imports no analysis, figure or caption (the `build-shows` contract in pyproject.toml)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from ..evidence import Dataset


@dataclass(frozen=True)
class Inputs:
    """The functions a build calls for what it shows.

    dossiers(ds): the people who get a dossier, in the register's order; columns person_id, name.
    file_name(person_id): the file name of a person's dossier page ('nikolai-yezhov.html').
    register(ds, person_ids): the register's rows for those people, in their order; columns person_id,
        name, side, post, born and died (years, missing when unknown), fate ('' when none).
    network(ds): the graph of people, ties and acts written as the GEXF download.
    """

    dossiers: Callable[[Dataset], pd.DataFrame]
    file_name: Callable[[str], str]
    register: Callable[[Dataset, list[str]], pd.DataFrame]
    network: Callable[[Dataset], nx.Graph]
