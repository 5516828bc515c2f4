"""blackwork's helper package: load and validate the data, and every computation the notebooks need.

    import helpers
    ds = helpers.load()                      # validated Dataset, or DataError listing every problem
    helpers.find_person("Yezkov")            # -> 'nikolai-yezhov'; also 'Ежов', 'Jeschow', 'Iejov'
    helpers.cadence.counts(...)              # the analyses, one module each (see __all__)
    helpers.explore("01-purge-cadence")      # in JupyterLab: a report's figures under a form of its parameters

The analysis modules are imported on first use, so `import helpers` (and the command line) stays quick.
"""
import functools as _functools
import importlib as _importlib
import pathlib as _pathlib

from . import cache, package, paths, validate
from .dataset import Dataset
from .errors import DataError, ParameterError, Problem

#: The analysis modules, one per question; each is imported when first used (`helpers.cadence`).
MODULES = ("cadence", "turnover", "fates", "evidence", "overview", "dossier", "eras", "dates", "names", "params",
           "style", "report", "explorer", "abroad", "maps", "networks")

__all__ = ["load", "find_person", "explore", "Dataset", "DataError", "ParameterError", "Problem", *MODULES]


def __getattr__(name: str):
    if name in MODULES:
        return _importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    """What completion offers on `helpers.`: the public API and the analysis modules, nothing else."""
    return sorted(__all__, key=str.lower)


def load(path: str | _pathlib.Path | None = None, use_cache: bool = True) -> Dataset:
    """Read and validate the data package in `path` (default: the project's data/).

    Raises DataError listing every problem as file:row:field: message. Never writes to the folder.
    A package that passed before, with the same files and the same helpers code, is read from the
    cache (see `helpers.cache`: keyed by a checksum of both, so a changed cell is always validated
    again); `use_cache=False` validates regardless and stores nothing.
    """
    root = _pathlib.Path(path) if path else paths.data_dir()
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


@_functools.lru_cache(maxsize=4)
def _cached(root: str) -> Dataset:
    return load(root)


def find_person(name: str, path: str | _pathlib.Path | None = None) -> str:
    """The person_id for any name or alias, ignoring case and diacritics; suggests close names if unknown."""
    root = str(_pathlib.Path(path) if path else paths.data_dir())
    return _cached(root).find_person(name)


def explore(notebook: str, zoom: bool = True, **values):
    """A form of `notebook`'s declared parameters over its figures and tables, redrawn in place when a
    value changes (`helpers.explorer.Explorer`); `zoom` draws figures that zoom and pan in JupyterLab."""
    from .explorer import Explorer

    return Explorer(notebook, zoom=zoom, **values)
