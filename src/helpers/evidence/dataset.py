"""The Dataset the notebooks get (`helpers.load`): the data layer's typed tables and views, plus what
the evidence derives from them once per Dataset: each person's fate (`fates`)."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from ..data import dataset as data_dataset
from ..data.load import load as _load
from .fates import fates_from


class Dataset(data_dataset.Dataset):
    """The validated data package (`helpers.data.dataset.Dataset`) with the fate of each person whose
    end it records (`fates()`, by the rules of `helpers.evidence.fates`)."""

    def fates(self) -> pd.DataFrame:
        """person_id, name, side, fate, by_state, date (EDTF), start, end, official_account, certainty,
        event_id: one row per person whose end the data records (rules in `fates.fates_from`). Derived
        once per Dataset (the tables are not changed after loading); each call gets its own copy."""
        return self._fates.copy()

    @cached_property
    def _fates(self) -> pd.DataFrame:
        return fates_from(self)


def load(path: str | Path | None = None, use_cache: bool = True) -> Dataset:
    """Read and validate the data package in `path` (default: the project's data/): see
    `helpers.data.load.load`. Raises DataError listing every problem as file:row:field: message."""
    return _load(path, use_cache, kind=Dataset)
