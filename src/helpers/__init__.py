"""blackwork's helper package: load and validate the data, and every computation the notebooks need.

    import helpers
    ds = helpers.load()                      # validated Dataset, or DataError listing every problem
    helpers.find_person("Yezkov")            # -> 'nikolai-yezhov'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import cache, package, paths, validate
from .dataset import Dataset
from .errors import DataError, ParameterError, Problem

__all__ = ["load", "find_person", "Dataset", "DataError", "ParameterError", "Problem"]


def load(path: str | Path | None = None, use_cache: bool = True) -> Dataset:
    """Read and validate the data package in `path` (default: the project's data/).

    Raises DataError listing every problem as file:row:field: message. Never writes to the folder.
    A package that passed before, with the same files and the same helpers code, is read from the
    cache (see `helpers.cache`: keyed by a checksum of both, so a changed cell is always validated
    again); `use_cache=False` validates regardless and stores nothing.
    """
    root = Path(path) if path else paths.data_dir()
    key = cache.key(root) if use_cache else None
    if key and (ds := cache.get(key)) is not None:
        return ds
    raw = package.read_package(root)
    problems, tables = validate.check(raw)
    if problems:
        raise DataError(problems)
    ds = Dataset(descriptor=raw.descriptor, tables={n: t.reset_index(drop=True) for n, t in tables.items()})
    if key and cache.key(root) == key:  # store only if no file changed while it was being validated
        cache.put(key, ds)
    return ds


@lru_cache(maxsize=4)
def _cached(root: str) -> Dataset:
    return load(root)


def find_person(name: str, path: str | Path | None = None) -> str:
    """The person_id for any name or alias, ignoring case and diacritics; suggests close names if unknown."""
    root = str(Path(path) if path else paths.data_dir())
    return _cached(root).find_person(name)
