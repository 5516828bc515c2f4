"""Notebook parameters: one declared specification per notebook, checked by the argument checkers of
`helpers.core.checks`, each failing with one plain sentence. (`specs`, the declarations of every notebook
in one table, is longer than 60 lines: it holds data, not logic.)

`spec(notebook)` is the single declaration of a notebook's parameters (name, type, default, the values
or range it accepts, one line of help). Everything that deals with parameters reads it:

- the notebook's own check cell, right after its `parameters` cell:
      checked = params.check_all("01-purge-cadence", globals())
- the build's preflight (`report.preflight`), before any kernel starts, with no notebook code run;
- the `-p KEY=VALUE` parser of `blackwork report` (`parse_value`: the type comes from the spec);
- `blackwork params`, which prints them (`describe`);
- a test that compares each committed `parameters` cell with the declared defaults.

Checks that need the data (event types from the vocabulary, post names, people's names) are callables
in the spec that receive the descriptor or the loaded Dataset through a `Context`, so the notebook and
the preflight call the very same code. An error names the parameter, the value it got and what it
accepts; notebooks and papermill show the sentence alone, without a traceback.
"""
from __future__ import annotations

import ast
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..analyses import abroad, cadence, fates, turnover
from ..core import paths
from ..core.checks import DATE, KIND_WORDS, check, check_data_dir, check_date, check_window, options
from ..core.checks import DATE_WORDS as _DATE_WORDS
from ..core.errors import ParameterError
from ..data import package
from ..data.vocabulary import event_types
from ..evidence import load

# ---- the declared specifications -----------------------------------------------------------------

@dataclass
class Context:
    """What a data-dependent check may read: the values checked so far, the data folder, and (loaded
    only when a check asks) the package's descriptor or the validated Dataset."""

    values: dict
    raw: dict = field(default_factory=dict)
    data_path: Path | None = None
    dataset_given: object = None

    def descriptor(self) -> dict:
        if self.data_path is None and self.dataset_given is not None:
            return self.dataset_given.descriptor
        return package.read_descriptor(self.data_path or paths.data_dir())

    def dataset(self):
        if self.data_path is None and self.dataset_given is not None:
            return self.dataset_given
        return _dataset(self.data_path or paths.data_dir())


_LOADED: dict[str, tuple[str, object]] = {}


def _dataset(root: Path):
    """The validated Dataset of `root`, reused while its files are byte for byte the same (a warm
    dossier kernel checks one person after another against the same data)."""
    digest = hashlib.sha256()
    for path in sorted(Path(root).glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    key = str(root)
    if key not in _LOADED or _LOADED[key][0] != digest.hexdigest():
        _LOADED.clear()
        _LOADED[key] = (digest.hexdigest(), load(root))
    return _LOADED[key][1]


@dataclass(frozen=True)
class Param:
    """One parameter: its name, type, default, what it accepts, and one line of help.

    minimum may name an earlier parameter (its checked value is the bound). items may be a callable
    receiving the Context (the allowed items come from the data). validate(name, value, ctx) runs
    last, may need the data, and returns the value the notebook uses (e.g. a Path or a Timestamp).
    """

    name: str
    kind: type | tuple
    default: object
    help: str
    choices: tuple | None = None
    minimum: object = None
    maximum: object = None
    items: tuple | Callable | None = None
    validate: Callable | None = None
    accepts: str = ""  # what the docs say it accepts when choices/range do not say it all

    def check(self, value, ctx: Context):
        minimum = ctx.values[self.minimum] if isinstance(self.minimum, str) else self.minimum
        items = self.items(ctx) if callable(self.items) else self.items
        check(self.name, value, kind=self.kind, choices=self.choices, minimum=minimum, maximum=self.maximum,
              items=items)
        return self.validate(self.name, value, ctx) if self.validate else value

    def describe(self) -> str:
        """What it accepts, in words (for `blackwork params` and the docs)."""
        if self.accepts:
            return self.accepts
        if self.choices is not None:
            return options(self.choices)
        words = KIND_WORDS.get(self.kind, str(self.kind))
        if self.minimum is not None or self.maximum is not None:
            low = f"`{self.minimum}`" if isinstance(self.minimum, str) else self.minimum
            words += f" from {low} to {self.maximum}"
        return words


@dataclass(frozen=True)
class Spec:
    """A notebook's parameters in the order of its `parameters` cell, and an optional check of them
    together (run after each has passed; it receives the Context)."""

    notebook: str
    params: tuple[Param, ...]
    together: Callable | None = field(default=None)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.params]

    @property
    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def get(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _data_dir(name, value, ctx):
    ctx.data_path = check_data_dir(name, value)
    return ctx.data_path


def _start(name, value, ctx):
    return pd.Timestamp(check_date(name, value).earliest)


def _end(name, value, ctx):
    return check_window(ctx.raw["start"], value)[1]


def _event_types(ctx):
    return event_types(ctx.descriptor())


def _posts(name, value, ctx):
    turnover.select_posts(ctx.dataset(), value)  # one sentence on an unknown post or level
    return value


def _some_tenure(ctx):
    v = ctx.values
    shown = turnover.tenures(ctx.dataset(), v["posts"], v["start"], v["end"], include_acting=v["include_acting"])
    if shown.empty:
        raise ParameterError(f"No tenure of the posts {v['posts']} falls between {ctx.raw['start']} and "
                             f"{ctx.raw['end']}; choose other posts or a wider window.")


def _as_of(name, value, ctx):
    return pd.Timestamp(check_date(name, value).latest)


def _region(name, value, ctx):
    return abroad.check_region(ctx.dataset(), value)  # one sentence naming the regions and country codes


def _person(name, value, ctx):
    ctx.dataset().find_person(value, parameter=name)  # one sentence with suggestions if unknown
    return value


DATA_DIR = Param("data_dir", str, "", "'' for the project's data/, else a folder holding datapackage.json",
                 validate=_data_dir, accepts="'' (the project's data) or a folder that holds datapackage.json")
START = Param("start", DATE, 1917, "first year or EDTF date of the window, e.g. 1934 or '1934-12'", validate=_start)
END = Param("end", DATE, 1941, "last year or EDTF date of the window, not before start", validate=_end,
            accepts=_DATE_WORDS + ", no earlier than `start`")
ALLEGED = Param("include_alleged", bool, True,
                "False leaves out what the sources do not state plainly (alleged, disputed)")


@lru_cache(maxsize=1)
def specs() -> dict[str, Spec]:
    """Every notebook's declared parameters, by notebook name (built on first use: the allowed
    values come from the report modules)."""
    return {s.notebook: s for s in (
        Spec("00-data-overview", (
            DATA_DIR,
            Param("first_year", int, 1917, "first year of the events-per-year chart", minimum=1900, maximum=2000),
            Param("last_year", int, 1941, "last year of the events-per-year chart, not before first_year",
                  minimum="first_year", maximum=2000),
        )),
        Spec("01-purge-cadence", (
            DATA_DIR, START, END,
            Param("freq", str, "month", "bins of the time charts", choices=cadence.FREQS),
            Param("event_types", list, [], "event types to count; [] for every type but 'context'",
                  items=_event_types, accepts="a list of event types of the data's vocabulary, e.g. ['arrest']"),
            Param("scope", str, "all", "where the events happened", choices=cadence.SCOPES),
            ALLEGED,
            Param("rule", str, "exclude", "an event spanning several bins: listed apart or shared by days",
                  choices=cadence.RULES),
        )),
        Spec("02-leadership-turnover", (
            DATA_DIR,
            Param("posts", list, [], "levels or post names; [] for the main posts", validate=_posts,
                  accepts="a list of levels ('head', 'regional_head', ...) or posts of positions.csv"),
            START, END,
            Param("include_acting", bool, True, "True includes acting holders (shown hatched)"),
        ), together=_some_tenure),
        Spec("03-fates-of-officials", (
            DATA_DIR,
            Param("group", str, "all", "whose fates: the apparatus, their targets, or all", choices=fates.GROUPS),
            Param("event_of_interest", str, "death", "survival until death or until arrest",
                  choices=fates.EVENTS_OF_INTEREST),
            ALLEGED,
            Param("cohort_by", str, "era", "cohorts by entry era or by post level", choices=fates.COHORTS),
        )),
        Spec("dossier", (
            DATA_DIR,
            Param("person", str, "Nikolai Yezhov", "any name, spelling or alias the sources use", validate=_person,
                  accepts="a name, spelling or alias of a person in the data"),
        )),
        Spec("04-operations-abroad", (
            DATA_DIR,
            Param("region", str, "world", "where: the world, Europe, or one country by its ISO code", validate=_region,
                  accepts="'world', 'europe' or a country code of places.csv, e.g. 'FR'"),
            Param("start", DATE, 1917, "first year or EDTF date of the window, e.g. 1934 or '1934-12'", validate=_start),
            Param("end", DATE, 1990, "last year or EDTF date of the window, not before start (1990: every event abroad)",
                  validate=_end, accepts=_DATE_WORDS + ", no earlier than `start`"),
            Param("event_types", list, [], "event types to show; [] for every type", items=_event_types,
                  accepts="a list of event types of the data's vocabulary, e.g. ['assassination']"),
            ALLEGED,
        )),
        Spec("05-networks", (
            DATA_DIR,
            Param("as_of", DATE, 1941, "the network up to this year or day: every tie and act begun by then",
                  validate=_as_of),
            Param("source", str, "Spiegelglas", "who links this person...", validate=_person,
                  accepts="a name, spelling or alias of a person in the data"),
            Param("target", str, "Miller", "...to this one", validate=_person,
                  accepts="a name, spelling or alias of a person in the data"),
            ALLEGED,
        )),
        Spec("start-here", (
            DATA_DIR,
            Param("person", str, "Yezhov", "a person to look up: any name, spelling or alias", validate=_person,
                  accepts="a name, spelling or alias of a person in the data"),
        )),
    )}


def spec(notebook: str) -> Spec | None:
    """The declared parameters of a notebook (by name, e.g. '01-purge-cadence'); None if it has none."""
    return specs().get(notebook)


def catalogue() -> list[str]:
    """The notebooks of the collection, by name: those declared here. The build, `make notebooks` and
    nbval take these and nothing else, so a draft saved in notebooks/ (an `Untitled.ipynb`) breaks none
    of them; drafts belong in scratch/."""
    return sorted(specs())


def parameters_cell(nb):
    """The notebook's code cell tagged `parameters` (papermill's mark), or None."""
    return next((c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])), None)


def drift(notebook: str, nb) -> list[str]:
    """One sentence per way the `parameters` cell of `nb` (a read notebook) differs from the declared
    defaults of `notebook`; [] when they agree. A value tried in JupyterLab and autosaved shows here."""
    declared = spec(notebook)
    cell = parameters_cell(nb)
    where = f"notebooks/{notebook}.ipynb"
    if cell is None:
        return [f"{where} has no cell tagged `parameters`."]
    try:
        found = [(n.targets[0].id, ast.literal_eval(n.value)) for n in ast.parse(cell.source).body]
    except (SyntaxError, ValueError, AttributeError, IndexError):
        return [f"{where} has a parameters cell that is not plain `name = value` lines."]
    if [k for k, _ in found] != declared.names:
        return [f"{where} sets {[k for k, _ in found]} in its parameters cell, but helpers.params declares "
                f"{declared.names}."]
    return [f"{where} sets `{k}` = {v!r} in its parameters cell, but its declared default is "
            f"{declared.defaults[k]!r}." for k, v in found
            if v != declared.defaults[k] or type(v) is not type(declared.defaults[k])]


def check_all(notebook: str, namespace: dict, dataset=None) -> dict:
    """Check every declared parameter of `notebook` as found in `namespace` (a notebook passes
    `globals()`; the preflight the defaults with the user's values), in declared order.

    Returns the values the notebook uses, by name: `data_dir` as a Path or None, `start`/`end` as the
    window's first and last day, the others unchanged. `dataset`, the Dataset of the project's data if
    the caller has it loaded, spares a second load. Raises ParameterError with one sentence.
    """
    declared = spec(notebook)
    if declared is None:
        raise ParameterError(f"{notebook} declares no parameters in helpers.params.")
    missing = [p.name for p in declared.params if p.name not in namespace]
    if missing:
        raise ParameterError(f"{notebook} needs the parameter `{missing[0]}`; its parameters cell must set it.")
    ctx = Context(values={}, raw={p.name: namespace[p.name] for p in declared.params}, dataset_given=dataset)
    for param in declared.params:
        ctx.values[param.name] = param.check(namespace[param.name], ctx)
    if declared.together:
        declared.together(ctx)
    return dict(ctx.values)


# ---- reading values ------------------------------------------------------------------------------

def parse_value(notebook: str | None, key: str, raw: str):
    """A `-p KEY=VALUE` value as the declared type of `key` wants it: text stays text (person=42 is the
    name '42'), 'true'/'false' are booleans, 'a,b' is a list; a Python literal is read as one. A value
    that cannot be read is passed on as text, for the check to refuse with its sentence."""
    declared = spec(notebook) if notebook else None
    param = declared.get(key) if declared else None
    try:
        literal = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        literal = raw
    if param is None:
        return literal
    if param.kind is str:
        return literal if isinstance(literal, str) else raw
    if param.kind is bool:
        return {"true": True, "false": False}.get(raw.strip().lower(), literal)
    if param.kind is list:
        if isinstance(literal, (list, tuple)):
            return list(literal)
        return [item.strip() for item in raw.split(",") if item.strip()] if isinstance(literal, str) else literal
    if param.kind == DATE:
        return literal if isinstance(literal, (int, str)) and not isinstance(literal, bool) else raw
    return literal


def describe(notebook: str) -> list[str]:
    """One line per declared parameter: name = default, what it accepts, and its help."""
    declared = spec(notebook)
    return [f"{p.name} = {p.default!r}  ({p.describe()}): {p.help}" for p in declared.params] if declared else []
