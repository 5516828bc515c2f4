"""Short errors from papermill's command line in this project's environment.

`papermill NOTEBOOK OUT -p freq weekly` ends, when the notebook stops on a bad parameter, in about 25
lines of papermill's own Python traceback before the one sentence that matters. `make setup` adds a
`.pth` file to `.venv` that calls `install()` at start-up; the hook prints what the notebook said
(e.g. "ParameterError: Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'.") and
leaves every other exception to Python's usual hook. Kept outside `helpers` so that it imports
nothing at start-up.
"""
from __future__ import annotations

import sys


def short(exc: BaseException) -> str | None:
    """The one-paragraph message for a papermill execution error; None for any other exception."""
    if type(exc).__name__ != "PapermillExecutionError":
        return None
    ename, evalue = getattr(exc, "ename", ""), getattr(exc, "evalue", "")
    cell = getattr(exc, "exec_count", None)
    where = f" (In [{cell}])" if cell else ""
    return f"papermill: the notebook stopped{where}: {ename}: {evalue}".rstrip(": ")


def install() -> None:
    """Show papermill execution errors as one paragraph; chain to the hook that was there before."""
    before = sys.excepthook

    def hook(kind, exc, tb):
        message = short(exc)
        if message is None:
            before(kind, exc, tb)
        else:
            print(message, file=sys.stderr)

    sys.excepthook = hook
