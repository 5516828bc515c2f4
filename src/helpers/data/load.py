"""Loading a data package: read it (`package`), validate it (`validate`), type it (`Dataset`), and keep
the result of a package that passed in the load cache (`cache`)."""
from __future__ import annotations

from pathlib import Path

from ..core import paths
from ..core.errors import DataError
from . import cache, package, validate
from .dataset import Dataset, cut_to_lives


def load(path: str | Path | None = None, use_cache: bool = True, kind: type[Dataset] = Dataset) -> Dataset:
    """Read and validate the data package in `path` (default: the project's data/), as a `kind`
    (`Dataset` or a subclass of it: `helpers.load` asks for the evidence layer's, which adds fates).

    Raises DataError listing every problem as file:row:field: message. Never writes to the folder.
    A package that passed before, with the same files and the same code, is read from the cache
    (keyed by a checksum of both, so a changed cell is always validated again); `use_cache=False`
    validates regardless and stores nothing. What is derived from the Dataset (its fates, its views) is
    computed once per process for the same key (`Dataset.memo`); `use_cache=False` shares nothing.
    """
    root = Path(path) if path else paths.data_dir()
    key = cache.key(root) if use_cache else None
    if key and (stored := cache.get(key)) is not None:
        return _keyed(kind(descriptor=stored[0], tables=stored[1]), key)
    raw = package.read_package(root)
    problems, tables = validate.check(raw)
    if problems:
        raise DataError(problems)
    tables = {n: t.reset_index(drop=True) for n, t in tables.items()}
    if "events" in tables and "roles" in tables:
        tables["events"] = cut_to_lives(tables["events"], tables["roles"])
    if key and cache.key(root) == key:  # store only if no file changed while it was being validated
        cache.put(key, raw.descriptor, tables)
        return _keyed(kind(descriptor=raw.descriptor, tables=tables), key)
    return kind(descriptor=raw.descriptor, tables=tables)


def _keyed(ds: Dataset, key: str) -> Dataset:
    """`ds` marked with its package's key, so that what is derived from it is computed once per process
    for that package (`Dataset.memo`)."""
    ds.__dict__["_memo_key"] = (key, ())
    return ds
