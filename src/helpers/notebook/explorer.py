"""A parameter explorer for JupyterLab: a report's figures under a form of its parameters.

    helpers.explore("01-purge-cadence")               # a form; change a value and the figure redraws below it
    helpers.explore("dossier", person="Beria")        # start from other values
    helpers.explore("01-purge-cadence", figure=3)     # start from the third figure ("every figure": all)
    helpers.explore("01-purge-cadence", tables=True)  # the whole report: captions and tables too (slower)

A menu above the form chooses the figure drawn, by the heading of its section. The form is built from the notebook's one declared specification (`helpers.notebook.params.spec`): a checkbox
for a true/false parameter, a menu for a choice, a multiple choice for a list of the data's values, a
text box for a year or date, a bounded number for a range. On each change the values go through the
very check the notebook's own check cell makes (`params.check_all`); a refused value shows its one
sentence and hides the figures drawn for earlier values (a figure never stands under a form it does
not match); while a redraw runs, the figures of the earlier values are greyed and the status says so.

What runs is the notebook's own code (all but its `parameters` cell), in a namespace of its own (the
user's variables are not touched), planned once (`plan`):
- By default only what the figures need: the statements that draw, and, going back through the
  notebook, those that compute what they read. Captions, tables, claims and readings of the evidence
  are left out (a notebook that draws no figure is shown whole). `tables=True` runs every statement.
  Of these steps, a redraw runs only those the chosen figure needs (`needed_for`).
- Each cell depends on the parameters it reads, directly or through the names earlier cells bind.
  Its outputs and the names it binds are kept by the values of those parameters and the data's
  fingerprint (`Memo`): after a change, only the cells that read the changed parameter run again;
  the others are restored, and going back to earlier values redraws from the memo.
With `zoom` (and ipympl installed), figures are drawn by ipympl and zoom and pan in JupyterLab; the
kernel then keeps drawing with ipympl. `benchmarks/explorer.py` times the full run of each report
against the explorer's first drawing and a redraw after a change of each parameter.
"""
from __future__ import annotations

import ast
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..core import paths
from ..core.errors import ParameterError
from ..figures import style
from . import params
from .fitting import OUTPUT_PX, fit, fitted_show, narrowed, plain_png, titles  # noqa: F401 (the explorer's API)

_ZOOM_BACKEND = "module://ipympl.backend_nbagg"
STALE = "blackwork-explorer-stale"  # the CSS class of the output area while it shows earlier values' figures
_STALE_CSS = f"<style>.{STALE} {{opacity: 0.35; filter: grayscale(1);}}</style>"


def code_without_parameters(notebook: str) -> list[str]:
    """The sources of the notebook's code cells in order, all but its `parameters` cell (the form's)."""
    nb = nbformat.read(paths.NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    given = params.parameters_cell(nb)
    if given is None:
        raise ParameterError(f"notebooks/{notebook}.ipynb has no cell tagged `parameters` to explore.")
    return [c.source for c in nb.cells if c.cell_type == "code" and c is not given]


def _plain(source: str) -> str:
    """A cell's code without its IPython magics and shell lines."""
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def run_cell(source: str, namespace: dict) -> None:
    """Run one cell's code in `namespace`, displaying the value of a final expression as Jupyter does."""
    from IPython.display import display

    tree = ast.parse(_plain(source))
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 (the project's own notebook code)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)  # noqa: S307
        if value is not None:
            display(value)


# ---- what each cell reads and binds, and what the figures need -----------------------------------

@dataclass(frozen=True)
class Step:
    """One code cell as the explorer runs it: its position among the notebook's code cells (the
    parameters cell left out), the code that runs, the declared parameters it depends on (directly or
    through names bound by earlier cells), the names it binds, and those it reads from earlier cells."""

    cell: int
    source: str
    params: tuple[str, ...]
    binds: tuple[str, ...]
    draws: bool  # whether it draws a figure
    reads: tuple[str, ...] = ()


def _root(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _names(node) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _reads(node, checked: set[str]) -> set[str]:
    """The names a statement reads; `checked["start"]` (a name bound by `params.check_all`) reads the
    parameter `start`, and `globals()` every name."""
    through, keys = set(), set()
    for n in ast.walk(node):
        if (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id in checked
                and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)):
            through.add(id(n.value))
            keys.add(n.slice.value)
    return keys | {n.id for n in ast.walk(node)
                   if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and id(n) not in through}


def _binds(node) -> set[str]:
    """The names a statement binds or changes in place (`x[...] = `, `x.a = `), imports included."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            out.add(n.id)
        elif isinstance(n, (ast.Subscript, ast.Attribute)) and isinstance(n.ctx, (ast.Store, ast.Del)):
            if _root(n):
                out.add(_root(n))
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            out.update((a.asname or a.name).split(".")[0] for a in n.names)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(n.name)
    return out


def _draws(node) -> bool:
    """Whether a statement draws: it calls pyplot or the project's `figures`."""
    return bool({"plt", "figures"} & _names(node))


def _only_shows(node, last: bool) -> bool:
    """Whether a statement only shows text: a `display`, a caption or a table (or a cell's final
    expression, which Jupyter displays), and draws nothing."""
    if not isinstance(node, ast.Expr) or _draws(node):
        return False
    shows = {"display", "captions", "HTML", "Markdown"} & _names(node) or any(
        isinstance(n, ast.Attribute) and n.attr == "table" and _root(n) == "style" for n in ast.walk(node))
    return bool(shows) or last


def _replaces(node) -> bool:
    """A plain `a = ...` / `a, b = ...`: the old values of the names are not read."""
    return isinstance(node, ast.Assign) and all(isinstance(n, ast.Name) for t in node.targets
                                                for n in ([t] if isinstance(t, ast.Name) else getattr(t, "elts", [t])))


def plan(cells: list[str], names: list[str], tables: bool = False) -> list[Step]:
    """The steps that draw the report: every cell (`tables`), or only the statements the figures need.

    Going back from the end, a statement is kept if it draws, if it has an effect other than showing
    text (`style.use(ds)`, an `assert`, a check that raises), or if it binds a name a kept statement
    reads. If no statement draws, every one is kept. Then, going forward, each kept statement depends
    on the parameters its names depend on."""
    statements = []
    for cell, source in enumerate(cells):
        body = ast.parse(_plain(source)).body
        statements += [(cell, node, i == len(body) - 1) for i, node in enumerate(body)]
    checked = {_root(t) for _, n, _ in statements if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
               and isinstance(n.value.func, ast.Attribute) and n.value.func.attr == "check_all" for t in n.targets}
    keep = [True] * len(statements)
    if not tables and any(_draws(n) for _, n, _ in statements):
        needed: set[str] = set()
        for i in range(len(statements) - 1, -1, -1):
            cell, node, last = statements[i]
            binds = _binds(node)
            if _only_shows(node, last):
                keep[i] = False
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Import, ast.ImportFrom)) or (
                    binds and not _draws(node) and not isinstance(node, ast.Expr)):
                keep[i] = bool(binds & needed)
            if keep[i]:
                if _replaces(node):
                    needed -= binds
                needed |= _reads(node, set())  # `checked` itself, not only the parameters read through it
    depends = {name: {name} for name in names}
    steps: dict[int, dict] = {}
    for (cell, node, last), kept in zip(statements, keep):
        if not kept:
            continue
        reads = _reads(node, checked)
        on = set().union(*(depends.get(r, set()) for r in reads)) | (set(names) if "globals" in reads else set())
        for name in _binds(node):
            depends[name] = on if _replaces(node) else on | depends.get(name, set())
        step = steps.setdefault(cell, {"nodes": [], "params": set(), "binds": set(), "draws": False, "last": False,
                                       "reads": set()})
        step["reads"] |= _reads(node, set()) - step["binds"]  # what an earlier cell must have bound
        step["nodes"].append(node)
        step["last"] = last  # a final expression is displayed only if it is the cell's own
        step["params"] |= on
        step["binds"] |= _binds(node)
        step["draws"] |= _draws(node)
    return [Step(cell, cells[cell] if tables else _unparsed(s["nodes"], s["last"]),
                 tuple(p for p in names if p in s["params"]), tuple(sorted(s["binds"])), s["draws"],
                 tuple(sorted(s["reads"])))
            for cell, s in steps.items()]


def needed_for(steps: list[Step], chosen: list[Step]) -> list[Step]:
    """The steps to run for the `chosen` ones: those, and going back, every earlier step that binds
    a name a needed step reads (in their order)."""
    needed, names = {s.cell for s in chosen}, set()
    for step in reversed(steps):
        if step.cell in needed or names & set(step.binds):
            needed.add(step.cell)
            names |= set(step.reads)
    return [s for s in steps if s.cell in needed]


def headings(notebook: str) -> list[str]:
    """For each code cell (the parameters cell left out), the heading of the section it stands in."""
    nb = nbformat.read(paths.NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    given, heading, found = params.parameters_cell(nb), notebook, []
    for c in nb.cells:
        if c.cell_type == "markdown":
            heading = next((line.lstrip("#").strip() for line in c.source.splitlines() if line.startswith("#")),
                           heading)
        elif c.cell_type == "code" and c is not given:
            found.append(heading)
    return found


def _unparsed(nodes: list, last: bool) -> str:
    """The code of the kept statements; a final expression is displayed only if it ends the cell."""
    return "\n".join([*map(ast.unparse, nodes), *([] if last else ["pass"])])


# ---- the form ------------------------------------------------------------------------------------

def _widget(param: params.Param, value, ctx: params.Context):
    """The input widget for one declared parameter, showing `value`."""
    import ipywidgets as w

    common = {"description": param.name, "description_tooltip": param.help, "style": {"description_width": "9em"},
              "layout": w.Layout(width="34em")}
    if param.kind is bool:
        return w.Checkbox(value=bool(value), indent=False, **common)
    if param.choices is not None:
        return w.Dropdown(options=list(param.choices), value=value, **common)
    if param.kind is list and param.items is not None:
        options = list(param.items(ctx) if callable(param.items) else param.items)
        return w.SelectMultiple(options=options, value=tuple(v for v in value if v in options), rows=6, **common)
    if param.kind is int and isinstance(param.minimum, int) and param.maximum is not None:
        return w.BoundedIntText(value=value, min=param.minimum, max=param.maximum, **common)
    return w.Text(value="" if value is None else str(value), continuous_update=False, placeholder=param.help,
                  **common)


def _read(param: params.Param, widget):
    """The widget's value as the parameter's declared type wants it (the check refuses the rest)."""
    value = widget.value
    if param.kind is list and isinstance(value, str):  # a text box: "head, gugb-head" or "['head']"
        text = value.strip()
        try:
            literal = ast.literal_eval(text) if text else []
        except (ValueError, SyntaxError):
            literal = [item.strip() for item in text.split(",") if item.strip()]
        return list(literal) if isinstance(literal, (list, tuple)) else [literal] if isinstance(literal, str) else text
    if param.kind is list:
        return list(value) if isinstance(value, tuple) else value
    if isinstance(widget.value, str) and param.kind in (params.DATE, int):
        text = value.strip()
        return int(text) if text.lstrip("-").isdigit() else text
    return value


# ---- what has been drawn, by its parameters ------------------------------------------------------

@dataclass
class Drawn:
    """What one step showed and bound for one set of values: its outputs (as an Output widget holds
    them), the names it bound, and the titles of the figures it drew."""

    outputs: list
    bindings: dict
    titles: list = field(default_factory=list)
    figures: list = field(default_factory=list)


class Memo:
    """Each step's last drawings, by the values of the parameters it depends on and the data's
    fingerprint, the least recently used dropped beyond `size` per step."""

    def __init__(self, size: int = 8):
        self.size, self.entries = size, {}

    def get(self, step: Step, key) -> Drawn | None:
        kept = self.entries.get(step.cell)
        if kept is None or key not in kept:
            return None
        kept.move_to_end(key)
        return kept[key]

    def put(self, step: Step, key, drawn: Drawn) -> None:
        kept = self.entries.setdefault(step.cell, OrderedDict())
        kept[key] = drawn
        kept.move_to_end(key)
        while len(kept) > self.size:
            kept.popitem(last=False)


def _frozen(value):
    """A value as a dictionary key (a list as a tuple)."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


def fingerprint(data_dir) -> str | None:
    """The data's fingerprint: the load cache's key (its descriptor, its files and the code that reads
    them); None when it cannot be read, and then nothing is reused."""
    from ..data import cache

    return cache.key(Path(data_dir) if data_dir else paths.data_dir())


# ---- the explorer --------------------------------------------------------------------------------

#: The figure menu's choice that shows every figure of the report.
EVERY = "every figure"


class Explorer:
    """The form, a status line and the report's figures (`tables`: its whole output), for one
    notebook of the catalogue.

    Unless `tables`, a menu chooses the figure drawn: `figure` (a number from 1, or EVERY) starts
    from another than the first. Only the steps that figure needs run (`needed_for`); the others wait
    in the memo or until chosen."""

    def __init__(self, notebook: str, zoom: bool = True, tables: bool = False, figure: int | str = 1, **values):
        import ipywidgets as w

        self.spec = params.spec(notebook)
        if self.spec is None:
            raise ParameterError(f"There is no notebook {notebook!r} to explore; there are: "
                                 f"{', '.join(params.catalogue())}.")
        unknown = sorted(set(values) - set(self.spec.names))
        if unknown:
            raise ParameterError(f"{notebook} has no parameter `{unknown[0]}`; it accepts: "
                                 f"{', '.join(self.spec.names)}.")
        self.notebook, self.zoom = notebook, zoom and _has_ipympl()
        self.cells = code_without_parameters(notebook)
        self.steps = plan(self.cells, self.spec.names, tables=tables)
        self.tables = tables or not any(s.draws for s in self.steps)
        self.memo = Memo()
        start = {**self.spec.defaults, **values}
        ctx = params.Context(values={}, raw=start)
        self.form = {p.name: _widget(p, start[p.name], ctx) for p in self.spec.params}
        self.menu = self._menu(notebook, figure)
        self.status = w.HTML()
        self.output = w.Output()
        self.runs = 0  # redraws done
        self.ran: list[int] = []  # the cells the last redraw ran (the others came from the memo)
        self.titles: list[str] = []  # the titles of the figures shown, in order
        self.drawn_for: dict | None = None  # the values the figures shown were drawn for
        for widget in [*self.form.values(), *([self.menu] if self.menu else [])]:
            widget.observe(lambda change: self.redraw(), names="value")
        what = "report" if self.tables else "figure"
        self.widget = w.VBox([w.HTML(f"{_STALE_CSS}<b>{notebook}</b>: change a value and the {what} below is "
                                     "redrawn."), *([self.menu] if self.menu else []), *self.form.values(),
                              self.status, self.output])
        self.redraw()

    def _menu(self, notebook: str, figure):
        """The menu of the report's figures, by the heading of their section (None with `tables`)."""
        import ipywidgets as w

        if self.tables:
            return None
        drawing = [s for s in self.steps if s.draws]
        said, options = headings(notebook), []
        for step in drawing:  # a section's second figure: "(2)"
            same = sum(said[other.cell] == said[step.cell] for other in drawing if other.cell < step.cell)
            options.append((said[step.cell] + (f" ({same + 1})" if same else ""), step.cell))
        options.append((EVERY, EVERY))
        if figure != EVERY and not (isinstance(figure, int) and 1 <= figure <= len(drawing)):
            raise ParameterError(f"{notebook} draws {len(drawing)} figures: `figure` takes a number from 1 to "
                                 f"{len(drawing)}, or {EVERY!r}; it got {figure!r}.")
        return w.Dropdown(options=options, value=EVERY if figure == EVERY else drawing[figure - 1].cell,
                          description="figure", style={"description_width": "9em"}, layout=w.Layout(width="52em"))

    def shown_steps(self) -> list[Step]:
        """The steps whose outputs are shown: every one (`tables`), or the chosen figure's, or every drawing."""
        if self.menu is None:
            return self.steps
        return [s for s in self.steps if s.draws and self.menu.value in (EVERY, s.cell)]

    def values(self) -> dict:
        """The form's values, typed as declared."""
        return {p.name: _read(p, self.form[p.name]) for p in self.spec.params}

    def redraw(self) -> bool:
        """Check the form's values; if they pass, run the steps their parameters touch, restore the
        others from the memo, and show the outputs in place of the last ones, each figure fitted to
        the output area (`fit`). Returns whether it redrew."""
        import matplotlib.pyplot as plt

        chosen = self.values()
        data = fingerprint(chosen.get("data_dir"))
        try:
            dataset = self._dataset(chosen["data_dir"], data) if "data_dir" in chosen else None
            checked = params.check_all(self.notebook, chosen, dataset=dataset)
        except ParameterError as err:
            return self._refuse(err)
        if self.drawn_for is not None:  # the figures below are those of the last values until replaced
            self.output.add_class(STALE)
            self.status.value = f"Drawing for {_said(chosen)}… (greyed below: the figures of the last values)"
        namespace = {"__name__": "__explorer__", **chosen}
        if self.zoom:
            _use_zoom_backend()
        kept = {id(f) for d in self._kept() for f in d.figures}
        for number in plt.get_fignums():  # figures of earlier drawings, not kept by the memo
            if id(plt.figure(number)) not in kept:
                plt.close(number)
        outputs, titles, ran = [], [], []
        shown = {s.cell for s in self.shown_steps()}
        try:
            for step in needed_for(self.steps, self.shown_steps()):
                key = (data, tuple((p, _frozen(chosen[p])) for p in step.params))
                drawn = self.memo.get(step, key) if data is not None else None
                if drawn is None:
                    with _checked_and_loaded(self.notebook, checked, chosen, dataset):
                        drawn = self._run(step, namespace)
                    ran.append(step.cell)
                    self.memo.put(step, key, drawn)
                else:
                    namespace.update(drawn.bindings)
                if step.cell in shown:
                    outputs += drawn.outputs
                    titles += drawn.titles
        except ParameterError as err:  # a check inside the notebook (e.g. posts and window together)
            return self._refuse(err)
        self.output.outputs = tuple(outputs)
        self.output.layout.display = None
        self.output.remove_class(STALE)
        self.runs += 1
        self.ran, self.titles, self.drawn_for = ran, titles, chosen
        self.status.value = _said(chosen)
        return True

    def _run(self, step: Step, namespace: dict) -> Drawn:
        """Run one step in `namespace`: what it shows, the names it binds, the figures it draws."""
        from unittest import mock

        import matplotlib.pyplot as plt
        from IPython.utils.capture import capture_output

        figures: list = []
        with capture_output() as captured, mock.patch.object(  # ipympl draws at the figure's size: fit it
                plt, "show", fitted_show(plt.show, figures, frozenset(plt.get_fignums()), fitting=self.zoom)), plain_png():
            run_cell(step.source, namespace)
        outputs = [{"output_type": "stream", "name": "stdout", "text": captured.stdout}] if captured.stdout else []
        outputs += [narrowed({"output_type": "display_data", "data": o.data, "metadata": o.metadata})
                    for o in captured.outputs]
        bindings = {name: namespace[name] for name in step.binds if name in namespace}
        return Drawn(outputs, bindings, [t for f in figures for t in titles(f)], figures if self.zoom else [])

    def _dataset(self, data_dir: str, data: str | None):
        """The Dataset of `data_dir`, loaded once per fingerprint and shared by the check and the steps
        (its derived tables, e.g. `fates()`, are computed once); None if it cannot be fingerprinted (the
        check then loads and refuses it)."""
        if data is None:
            return None
        if getattr(self, "_data", (None,))[0] != data:
            import helpers

            self._data = (data, helpers.load(Path(data_dir).expanduser() if data_dir else None))
        return self._data[1]

    def _kept(self):
        return [d for kept in self.memo.entries.values() for d in kept.values()]

    def _refuse(self, err: ParameterError) -> bool:
        """Say why the form's values are refused, and hide the report drawn for earlier values: a figure
        never stands under a form it does not match."""
        self.output.layout.display = "none"
        self.output.remove_class(STALE)
        self.status.value = (f"<span style='color:{style.ERROR}'>{_escape(str(err))}</span> The report is hidden "
                             "until the form holds values it accepts.")
        return False

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


@contextmanager
def _checked_and_loaded(notebook: str, checked: dict, chosen: dict, dataset):
    """While a step runs: the notebook's own `params.check_all` of the values the explorer has just
    checked returns that check's result, and `helpers.load` of the same folder returns the Dataset the
    check used (each is computed once per redraw, not again in the notebook's cells)."""
    from unittest import mock

    import helpers

    check_all, load = params.check_all, helpers.load

    def check_again(name, namespace, dataset=None):
        same = name == notebook and all(namespace.get(k) == v for k, v in chosen.items())
        return dict(checked) if same else check_all(name, namespace, dataset)

    def load_again(path=None, *args, **kwargs):
        folder = chosen.get("data_dir")
        same = dataset is not None and not args and not kwargs and (
            (path is None and not folder)
            or (path is not None and bool(folder) and Path(path).resolve() == Path(folder).expanduser().resolve()))
        return dataset if same else load(path, *args, **kwargs)

    with mock.patch.object(params, "check_all", check_again), mock.patch.object(helpers, "load", load_again):
        yield


def _said(values: dict) -> str:
    import html

    return html.escape(", ".join(f"{k} = {v!r}" for k, v in values.items()), quote=False)


def _has_ipympl() -> bool:
    try:
        import ipympl  # noqa: F401
    except ImportError:
        return False
    return True


def _use_zoom_backend() -> None:
    """Draw with ipympl from now on in this kernel. Not switched back after a redraw: switching closes
    every figure, and a closed ipympl figure no longer zooms."""
    import matplotlib
    import matplotlib.pyplot as plt

    if matplotlib.get_backend() != _ZOOM_BACKEND:
        plt.switch_backend(_ZOOM_BACKEND)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
