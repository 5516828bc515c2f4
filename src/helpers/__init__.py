"""blackwork's helper package: load and validate the data, and every computation the notebooks need.

    import helpers
    ds = helpers.load()                      # validated Dataset, or DataError listing every problem
    helpers.find_person("Yezkov")            # -> 'nikolai-yezhov'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import package, paths, validate
from .dataset import Dataset
from .errors import DataError, ParameterError, Problem

__all__ = ["load", "find_person", "Dataset", "DataError", "ParameterError", "Problem"]


def load(path: str | Path | None = None) -> Dataset:
    """Read and validate the data package in `path` (default: the project's data/).

    Raises DataError listing every problem as file:row:field: message. Never writes to the folder.
    """
    root = Path(path) if path else paths.data_dir()
    raw = package.read_package(root)
    problems, tables = validate.check(raw)
    if problems:
        raise DataError(problems)
    return Dataset(descriptor=raw.descriptor, tables={n: t.reset_index(drop=True) for n, t in tables.items()})


@lru_cache(maxsize=4)
def _cached(root: str) -> Dataset:
    return load(root)


def find_person(name: str, path: str | Path | None = None) -> str:
    """The person_id for any name or alias, ignoring case and diacritics; suggests close names if unknown."""
    root = str(Path(path) if path else paths.data_dir())
    return _cached(root).find_person(name)
