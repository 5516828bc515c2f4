"""blackwork's helper package: load and validate the data, and every computation the notebooks need.

    import helpers
    ds = helpers.load()                      # validated Dataset, or DataError listing every problem
    helpers.find_person("Yezkov")            # -> 'nikolai-yezhov'; also 'Ежов', 'Jeschow', 'Iejov'
    helpers.cadence.counts(...)              # the analyses, one module each (see __all__)
    helpers.explore("01-purge-cadence")      # in JupyterLab: a report's figures under a form of its parameters

The code lives in layers, each a folder importing only from the folders below it (an import-linter
contract in pyproject.toml keeps the order; `make test` runs it):

    cli         the `blackwork` command
    build       the report build: catalogue, kernels, execution store, site, exports
    notebook    what a person at a notebook touches: declared parameters, the explorer, `make lab`
    captions    the sentences and tables the reports print, built from the analyses' results
    figures     one figure module per analysis, shared axes, `style`
    analyses    cadence, turnover, fates, abroad, networks, overview, dossier: frames in, frames out
    evidence    certainty, people and acts, windows of dates, tallies, sources, eras, fates
    data        reading, validating and typing the package; the load cache
    core        paths, errors, argument checks, EDTF dates, names

This module is the public face only: the names below, each imported on first use so that
`import helpers` (and the command line) stays quick.
"""
import functools as _functools
import importlib as _importlib
import pathlib as _pathlib

from .core.errors import DataError, ParameterError, Problem
from .evidence.dataset import Dataset, load

#: The modules a notebook or a user reaches as `helpers.<name>`, and where each lives.
MODULES = {
    "cadence": "analyses.cadence", "turnover": "analyses.turnover", "falls": "analyses.falls", "purges": "analyses.purges",
    "fates": "analyses.fates", "survival": "analyses.survival",
    "abroad": "analyses.abroad", "abroad_claims": "analyses.abroad_claims", "networks": "analyses.networks", "overview": "analyses.overview",
    "dossier": "analyses.dossier", "start_here": "analyses.start_here", "fates_claims": "analyses.fates_claims",
    "turnover_claims": "analyses.turnover_claims", "national": "analyses.national", "evidence": "evidence", "eras": "evidence.eras", "dates": "core.dates",
    "names": "core.names", "paths": "core.paths", "params": "notebook.params", "explorer": "notebook.explorer",
    "style": "figures.style", "maps": "figures.maps", "vocabulary": "data.vocabulary", "coverage": "evidence.coverage", "figures": "figures", "captions": "captions",
    "report": "build",
}

__all__ = ["load", "find_person", "explore", "Dataset", "DataError", "ParameterError", "Problem", *MODULES]


def __getattr__(name: str):
    if name in MODULES:
        return _importlib.import_module(f".{MODULES[name]}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    """What completion offers on `helpers.`: the public API and the analysis modules, nothing else."""
    return sorted(__all__, key=str.lower)


@_functools.lru_cache(maxsize=4)
def _cached(root: str) -> Dataset:
    return load(root)


def find_person(name: str, path: str | _pathlib.Path | None = None) -> str:
    """The person_id for any name or alias, ignoring case and diacritics; suggests close names if unknown."""
    from .core import paths

    root = str(_pathlib.Path(path) if path else paths.data_dir())
    return _cached(root).find_person(name)


def explore(notebook: str, zoom: bool = True, **values):
    """A form of `notebook`'s declared parameters over its figures and tables, redrawn in place when a
    value changes (`helpers.notebook.explorer.Explorer`); `zoom` draws figures that zoom and pan in JupyterLab."""
    from .notebook.explorer import Explorer

    return Explorer(notebook, zoom=zoom, **values)
