"""The catalogue of reports: which notebooks a build runs, with which parameters, and what it makes of them.

- `notebooks`: the main notebooks of the catalogue (`helpers.params.catalogue`), without the dossier;
  `plan`: the jobs of a build, the dossiers' people given by the caller (`Inputs.dossiers`).
- A job passes every declared parameter (`explicit`), so a value tried in JupyterLab and autosaved
  in the notebook changes no report.
- Parameters are checked before any kernel starts (`preflight`) against the notebook's declaration
  in `helpers.params`; no notebook code runs in this process.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import paths
from ..core.errors import ParameterError
from ..notebook import params as params_

if TYPE_CHECKING:
    from .inputs import Inputs


def lazy(name: str):
    """A module imported on first use (the standard library's LazyLoader recipe). nbformat's import
    (through jsonschema) costs a second or more, which a build with nothing to run need not pay."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


nbformat = lazy("nbformat")

REPORT_TIMEOUT = 600  # seconds a report (a notebook, or one dossier) may take before it fails
DOSSIER = "dossier"  # notebooks/dossier.ipynb: one report per person, not in the main list


@dataclass
class Job:
    """One report to build: a notebook, its parameters, and where its HTML goes (relative to reports/)."""

    name: str
    src: Path
    html: str
    parameters: dict = field(default_factory=dict)
    label: str = ""


@dataclass
class Built:
    name: str
    title: str
    summary: str
    html: str | None = None
    seconds: float = 0.0
    error: str | None = None
    parameters: dict = field(default_factory=dict)
    label: str = ""
    cached: bool = False  # taken from the last build: nothing it depends on changed


# ---- reading notebooks ------------------------------------------------------------------------

def notebooks(folder: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """The main notebooks of the catalogue (`params.catalogue`), in name order, without the dossier;
    `only` keeps names containing one of its words. Any other .ipynb in the folder (a draft) is no report."""
    folder = folder or paths.NOTEBOOKS
    catalogued = set(params_.catalogue()) - {DOSSIER}
    found = sorted(p for p in folder.glob("*.ipynb") if p.stem in catalogued)
    if only:
        found = [p for p in found if any(word in p.stem for word in only)]
    return found


def title_and_summary(nb: dict) -> tuple[str, str]:
    """The first heading of the first markdown cell and the paragraph after it."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = [line.strip() for line in source_of(cell).splitlines()]
        title = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), "")
        paragraph: list[str] = []
        for line in lines:
            if line.startswith("#") or (not line and not paragraph):
                continue
            if not line:
                break
            paragraph.append(line)
        return title, " ".join(paragraph)
    return "", ""


def text_of(value) -> str:
    """A cell's source or an output's text as one string: nbformat's object holds one, a notebook
    file's plain JSON may hold a list of lines."""
    return "".join(value) if isinstance(value, list) else value


def source_of(cell) -> str:
    return text_of(cell["source"])


def tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def parameters_of(nb: nbformat.NotebookNode) -> dict:
    """The values a notebook ran with: its parameters cell, overridden by papermill's injected cell."""
    values: dict = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and (tagged(cell, "parameters") or tagged(cell, "injected-parameters")):
            tree = ast.parse(cell.source)
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


# ---- parameters -------------------------------------------------------------------------------

def parse_parameter(text: str, notebook: str | None = None) -> tuple[str, object]:
    """'key=value' from the command line, the value typed as the notebook's declaration wants it
    (`helpers.params.parse_value`); without one, a Python literal if it reads as one, else text."""
    key, sep, raw = text.partition("=")
    if not sep or not key.isidentifier():
        raise ParameterError(f"{text!r} is not KEY=VALUE (for example freq=year or include_alleged=False).")
    return key, params_.parse_value(notebook, key, raw)


def explicit(src: Path, parameters: dict) -> dict:
    """Every declared parameter of `src` with its value: the declared default unless given. The build
    passes them all, so a value tried in JupyterLab and autosaved in the notebook changes no report."""
    declared = params_.spec(src.stem)
    return {**(declared.defaults if declared else {}), **parameters}


def preflight(src: Path, parameters: dict, dataset=None) -> None:
    """Check parameters before any kernel starts, without running any of the notebook's code.

    Unknown names are refused with the list of known ones; the values (the declared defaults with the
    given ones over them) go through `helpers.params.check_all`, the very check the notebook's own
    check cell makes. `dataset`: the loaded project data, if the caller has it. A notebook with no
    declaration (e.g. a test's) is only checked for names, against its parameters cell.
    """
    declared = params_.spec(src.stem)
    if declared is not None:
        known = declared.names
    else:
        try:
            known = list(parameters_of(nbformat.read(src, as_version=4)))
        except Exception:  # an unreadable notebook: its own run reports it, as a failed report
            known = []
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ParameterError(f"{src.stem} has no parameter `{unknown[0]}`; it accepts: {', '.join(known)}.")
    if declared is not None:
        params_.check_all(src.stem, {**declared.defaults, **parameters}, dataset=dataset)


# ---- the plan ---------------------------------------------------------------------------------

def plan(inputs: Inputs, dataset, only: list[str] | None = None, dossiers: bool = True,
         limit: int | None = None) -> tuple[list[Job], list[Job]]:
    """The main reports and the dossiers a build makes, for a loaded Dataset; the dossiers' people
    and their pages' names are the caller's (`inputs.dossiers`, `inputs.file_name`)."""
    reports = [Job(name=p.stem, src=p, html=f"{p.stem}.html", parameters=explicit(p, {})) for p in notebooks(only=only)]
    people: list[Job] = []
    src = paths.NOTEBOOKS / f"{DOSSIER}.ipynb"
    if dossiers and src.exists() and not only:
        chosen = inputs.dossiers(dataset)
        if limit is not None:
            chosen = chosen.head(limit)
        people = [Job(name=pid, src=src, html=f"dossiers/{inputs.file_name(pid)}",
                      parameters=explicit(src, {"person": pid}), label=name)
                  for pid, name in zip(chosen.person_id, chosen.name)]
    return reports, people
