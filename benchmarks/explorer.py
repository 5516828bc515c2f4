"""Benchmark the parameter explorer against the full run of each report it offers.

In one process (an IPython shell with the inline backend, as in a kernel), for each notebook:

1. full run: every code cell of the notebook once, with its declared defaults (what a kernel runs
   for the report: captions, tables, claims and readings of the evidence included) - the baseline;
2. first drawing: `Explorer(notebook, zoom=False)`, the form and the report's figures;
3. a redraw of the first figure after changing each parameter in turn to another value it accepts
   (`CHANGES`), then back to the default (which the explorer redraws from its memo);
4. choosing each other figure in the explorer's menu (drawn for the defaults), then the first again.

Each line gives the wall time, the CPU time of the process (steadier on a busy machine) and the ratio
of the wall time to the full run's, and which cells ran again. Times, not a test: the machine is
noisy, so read the ratios, and run it twice. Target: every redraw <= 2 s.
The "before" figures of this work were taken by this script with the explorer of commit 4fbfde9.

    .venv/bin/python benchmarks/explorer.py                      # every notebook of the catalogue
    .venv/bin/python benchmarks/explorer.py 01-purge-cadence     # one
    .venv/bin/python benchmarks/explorer.py --tables 01-purge-cadence   # the explorer showing the whole report
"""
from __future__ import annotations

import argparse
import time

#: Another value each parameter accepts (data_dir is left as it is: it names another data folder).
CHANGES = {
    "00-data-overview": {"first_year": 1925, "last_year": 1938},
    "01-purge-cadence": {"start": 1934, "end": 1938, "freq": "year", "event_types": ["arrest", "execution"],
                         "scope": "domestic", "include_alleged": False, "rule": "spread"},
    "02-leadership-turnover": {"posts": ["head"], "start": 1930, "end": 1939, "include_acting": False},
    "03-fates-of-officials": {"group": "apparatus", "event_of_interest": "arrest", "include_alleged": False,
                              "cohort_by": "level"},
    "04-operations-abroad": {"region": "europe", "start": 1925, "end": 1941, "event_types": ["assassination"],
                             "include_alleged": False},
    "05-networks": {"as_of": 1937, "source": "Yezhov", "target": "Beria", "include_alleged": False},
    "dossier": {"person": "Beria"},
    "start-here": {"person": "Beria"},
}


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def shell():
    """An IPython shell drawing inline, as a kernel does (displays are captured, figures are PNGs)."""
    import matplotlib

    matplotlib.use("module://matplotlib_inline.backend_inline")
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.instance()


def full_run(notebook: str) -> None:
    """Every code cell of the notebook with its declared defaults, outputs captured and dropped."""
    import matplotlib.pyplot as plt
    from IPython.utils.capture import capture_output

    from helpers.notebook import explorer, params

    namespace = {"__name__": "__main__", **params.spec(notebook).defaults}
    with capture_output():
        for source in explorer.code_without_parameters(notebook):
            explorer.run_cell(source, namespace)
    plt.close("all")


def form_value(widget, value):
    """`value` as the form's widget holds it (a text box holds text)."""
    import ipywidgets as w

    if isinstance(widget, w.SelectMultiple):
        return tuple(value)
    if isinstance(widget, w.Text):
        return str(value)
    return value


def bench(notebook: str, tables: bool) -> list[tuple]:
    from helpers.notebook.explorer import Explorer

    rows = []
    with Clock() as full:
        full_run(notebook)
    rows.append(("full run (every cell)", full, None))
    with Clock() as first:
        e = Explorer(notebook, zoom=False, **({"tables": True} if tables else {}))
    rows.append(("explorer: first drawing", first, getattr(e, "ran", None)))
    for name, value in CHANGES.get(notebook, {}).items():
        widget = e.form[name]
        default = widget.value
        for label, new in ((f"{name} = {value!r}", form_value(widget, value)), (f"{name} back (memo)", default)):
            runs = e.runs
            with Clock() as redraw:
                widget.value = new
            if e.runs != runs + 1:
                raise SystemExit(f"{notebook}: {label} was not drawn: {e.status.value}")
            rows.append((f"redraw: {label}", redraw, getattr(e, "ran", None)))
    menu = getattr(e, "menu", None)
    for label, value in (menu.options[1:-1] if menu is not None else ()):  # each other figure, then the first
        with Clock() as chosen:
            menu.value = value
        rows.append((f"figure: {label}", chosen, e.ran))
    if menu is not None:
        with Clock() as chosen:
            menu.value = menu.options[0][1]
        rows.append(("figure: the first again (memo)", chosen, e.ran))
    return [(label, c.wall, c.cpu, c.wall / full.wall, ran) for label, c, ran in rows]


def main() -> None:
    from helpers.notebook import params

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks by name (default: the whole catalogue)")
    parser.add_argument("--tables", action="store_true", help="the explorer shows the whole report (tables=True)")
    args = parser.parse_args()
    shell()
    import helpers

    helpers.load()  # imports, pandas' first calls and the load cache: not counted
    slowest = 0.0
    for notebook in args.notebooks or params.catalogue():
        print(f"\n{notebook}")
        print(f"  {'':44}{'wall s':>8}{'cpu s':>8}{'/ full':>8}  cells run")
        for label, wall, cpu, ratio, ran in bench(notebook, args.tables):
            print(f"  {label[:44]:44}{wall:8.2f}{cpu:8.2f}{ratio:8.2f}  {'' if ran is None else ran}", flush=True)
            if label.startswith(("redraw", "figure")):
                slowest = max(slowest, wall)
    print(f"\nslowest redraw: {slowest:.2f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
