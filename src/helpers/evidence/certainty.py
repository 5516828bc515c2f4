"""The order of certainty (stated < alleged < disputed), as in `datapackage.json` (a test checks they
agree), and the weaker or stronger of several certainties. Every rule that ranks evidence by how
surely a source states it uses these."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .dataset import Dataset

#: The order of certainty, weakest last, as in datapackage.json (a test checks they agree).
CERTAINTY = ("stated", "alleged", "disputed")


def certainty_order(ds: Dataset) -> list[str]:
    """The certainty vocabulary of the events, in order from plainly stated to disputed."""
    return ds.vocabulary("events", "certainty")


def _rank(values: pd.Series) -> pd.Series:
    rank = {c: i for i, c in enumerate(CERTAINTY)}
    return values.map(rank)


def weakest(*columns: pd.Series) -> pd.Series:
    """Row by row, the weakest of several certainty columns (stated < alleged < disputed)."""
    ranks = pd.concat([_rank(c).rename(i) for i, c in enumerate(columns)], axis=1).max(axis=1)
    return ranks.map(dict(enumerate(CERTAINTY)))


def strongest(values) -> str:
    """The strongest certainty among values (the best evidence for a thing)."""
    return min(values, key=CERTAINTY.index)


def rank(value: str) -> int:
    """The place of one certainty in the order: 0 for stated, 1 for alleged, 2 for disputed."""
    return CERTAINTY.index(value)


def weaker(*values: str) -> str:
    """The weakest of several certainties (the surety of a thing that needs them all)."""
    return max(values, key=rank)


def no_killing_accounts(accounts: pd.DataFrame) -> pd.DataFrame:
    """The unofficial accounts that say a death was no killing (a rival natural death, a suicide): what
    doubts a killing a source states (Slutsky's heart failure), beside the official denials."""
    return accounts[(accounts.kind != "official") & (accounts.claim != "killing")]
