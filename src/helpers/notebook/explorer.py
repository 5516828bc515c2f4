"""A parameter explorer for JupyterLab: a report's figures and tables under a form of its parameters.

    helpers.explore("01-purge-cadence")            # a form; change a value and the report redraws below it
    helpers.explore("dossier", person="Beria")     # start from other values

The form is built from the notebook's one declared specification (`helpers.notebook.params.spec`): a checkbox
for a true/false parameter, a menu for a choice, a multiple choice for a list of the data's values, a
text box for a year or date, a bounded number for a range. On each change the values go through the
very check the notebook's own check cell makes (`params.check_all`); a refused value shows its one
sentence and nothing is redrawn. Otherwise the notebook's code cells (all but its `parameters` cell) run in
a namespace of their own (the user's variables are not touched) and their outputs replace the previous
ones. With `zoom` (and ipympl installed), figures are drawn by ipympl and zoom and pan in JupyterLab;
the kernel then keeps drawing with ipympl.
"""
from __future__ import annotations

import ast

import nbformat

from ..core import paths
from ..core.errors import ParameterError
from ..figures import style
from . import params

_ZOOM_BACKEND = "module://ipympl.backend_nbagg"


def code_without_parameters(notebook: str) -> list[str]:
    """The sources of the notebook's code cells in order, all but its `parameters` cell (the form
    gives those values)."""
    nb = nbformat.read(paths.NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    given = params.parameters_cell(nb)
    if given is None:
        raise ParameterError(f"notebooks/{notebook}.ipynb has no cell tagged `parameters` to explore.")
    return [c.source for c in nb.cells if c.cell_type == "code" and c is not given]


def run_cell(source: str, namespace: dict) -> None:
    """Run one cell's code in `namespace`, displaying the value of a final expression as Jupyter does."""
    from IPython.display import display

    source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 (the project's own notebook code)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)  # noqa: S307
        if value is not None:
            display(value)


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
    if param.kind is list:
        return list(value) if isinstance(value, tuple) else value
    if isinstance(widget.value, str) and param.kind in (params.DATE, int):
        text = value.strip()
        return int(text) if text.lstrip("-").isdigit() else text
    return value


#: The width of JupyterLab's output area beside a notebook (px): the explorer's figures fit in it.
OUTPUT_PX = 940


def fit(fig, px: int = OUTPUT_PX) -> float:
    """Draw `fig` at a resolution that makes it, legends beside it included, at most `px` pixels wide
    (its text shrinks with it, as a report's does in its column); returns the resolution."""
    dpi = style.DPI
    for _ in range(2):  # text does not shrink quite in step with the resolution: measure again once
        fig.set_dpi(dpi)
        fig.canvas.draw()
        tight = fig.get_tightbbox(fig.canvas.get_renderer()).width + 0.2  # the 0.1 in pad of a saved tight box
        dpi = min(dpi, px / max(fig.get_figwidth(), tight))
    fig.set_dpi(dpi)
    return dpi


def _fitted(show):
    """`plt.show` that first fits every open figure to the output area (`fit`)."""
    import matplotlib.pyplot as plt

    def fitted(*args, **kwargs):
        for number in plt.get_fignums():
            fit(plt.figure(number))
        return show(*args, **kwargs)
    return fitted


class Explorer:
    """The form, a status line and the report's outputs, for one notebook of the catalogue."""

    def __init__(self, notebook: str, zoom: bool = True, **values):
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
        start = {**self.spec.defaults, **values}
        ctx = params.Context(values={}, raw=start)
        self.form = {p.name: _widget(p, start[p.name], ctx) for p in self.spec.params}
        self.status = w.HTML()
        self.output = w.Output()
        self.runs = 0
        for widget in self.form.values():
            widget.observe(lambda change: self.redraw(), names="value")
        self.widget = w.VBox([w.HTML(f"<b>{notebook}</b>: change a value and the report below is redrawn."),
                              *self.form.values(), self.status, self.output])
        self.redraw()

    def values(self) -> dict:
        """The form's values, typed as declared."""
        return {p.name: _read(p, self.form[p.name]) for p in self.spec.params}

    def redraw(self) -> bool:
        """Check the form's values; if they pass, run the notebook's cells with them and show their
        outputs in place of the last ones, each figure fitted to the output area (`fit`). Returns
        whether it redrew."""
        from unittest import mock

        import matplotlib.pyplot as plt
        from IPython.utils.capture import capture_output

        chosen = self.values()
        try:
            params.check_all(self.notebook, chosen)
        except ParameterError as err:
            return self._refuse(err)
        self.status.value = "Drawing…"
        namespace = {"__name__": "__explorer__", **chosen}
        plt.close("all")
        if self.zoom:
            _use_zoom_backend()
        with capture_output() as captured, mock.patch.object(plt, "show", _fitted(plt.show)):
            try:
                for source in self.cells:
                    run_cell(source, namespace)
            except ParameterError as err:  # a check inside the notebook (e.g. posts and window together)
                return self._refuse(err)
        outputs = [{"output_type": "stream", "name": "stdout", "text": captured.stdout}] if captured.stdout else []
        outputs += [{"output_type": "display_data", "data": o.data, "metadata": o.metadata} for o in captured.outputs]
        self.output.outputs = tuple(outputs)
        self.output.layout.display = None
        self.runs += 1
        self.status.value = ", ".join(f"{k} = {v!r}" for k, v in chosen.items())
        return True

    def _refuse(self, err: ParameterError) -> bool:
        """Say why the form's values are refused, and hide the report drawn for earlier values: a figure
        never stands under a form it does not match."""
        self.output.layout.display = "none"
        self.status.value = (f"<span style='color:{style.ERROR}'>{_escape(str(err))}</span> The report is hidden "
                             "until the form holds values it accepts.")
        return False

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


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
