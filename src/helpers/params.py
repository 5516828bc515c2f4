"""One checker for notebook parameters, failing with one plain sentence.

Each notebook calls `check` in the cell after its `parameters` cell, before any work:

    params.check("freq", freq, choices=("month", "quarter", "year"))
    params.check("first_year", first_year, kind=int, minimum=1900, maximum=2000)

The error names the parameter, the value it got and what it accepts; notebooks and papermill show
the sentence alone, without a traceback.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from . import dates
from .errors import ParameterError

_KIND_WORDS = {bool: "true or false (True/False)", int: "a whole number", str: "a text string",
               list: "a list", float: "a number"}


def _options(choices: Iterable) -> str:
    items = [repr(c) for c in choices]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _fail(name: str, value, accepts: str):
    raise ParameterError(f"Parameter `{name}` got {value!r}; it accepts {accepts}.")


def check(name: str, value, *, kind: type | None = None, choices: Iterable | None = None,
          minimum=None, maximum=None, items: Iterable | None = None):
    """Check one parameter; return it unchanged if it is acceptable, else raise ParameterError.

    kind: the Python type it must have (bool is never taken for int); choices: the values allowed;
    minimum/maximum: a range for numbers; items: for a list, the values its items may take.
    """
    if kind is not None:
        wrong = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        if wrong:
            _fail(name, value, _KIND_WORDS.get(kind, kind.__name__))
    if choices is not None:
        choices = tuple(choices)
        if value not in choices:
            _fail(name, value, _options(choices))
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        low = "" if minimum is None else f"from {minimum}"
        high = "" if maximum is None else f"to {maximum}"
        _fail(name, value, f"a value {low} {high}".replace("  ", " ").strip())
    if items is not None:
        if not isinstance(value, (list, tuple)):
            _fail(name, value, "a list, e.g. [] or ['execution']")
        allowed = tuple(items)
        bad = [v for v in value if v not in allowed]
        if bad:
            raise ParameterError(
                f"Parameter `{name}` got {bad[0]!r} in its list; items may be {_options(allowed)}."
            )
    return value


def check_date(name: str, value) -> dates.DateBounds:
    """A year (1937) or an EDTF date string ('1937-09', '1938-03-15'); returns its bounds."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        _fail(name, value, "a year such as 1937 or an EDTF date such as '1937-09-04'")
    try:
        return dates.parse(text)
    except dates.DateError:
        _fail(name, value, "a year such as 1937 or an EDTF date such as '1937-09-04'")


def check_window(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The window from `start`'s earliest day to `end`'s latest, each a year or an EDTF date;
    one sentence if either is not a date or `end` comes before `start`."""
    first, last = check_date("start", start), check_date("end", end)
    if last.latest < first.earliest:
        _fail("end", end, f"a year or date no earlier than `start` ({start!r})")
    return pd.Timestamp(first.earliest), pd.Timestamp(last.latest)


def check_data_dir(name: str, value) -> Path | None:
    """'' for the project's data/, else a folder holding datapackage.json."""
    check(name, value, kind=str)
    if not value:
        return None
    path = Path(value).expanduser()
    if not (path / "datapackage.json").is_file():
        _fail(name, value, "'' (the project's data) or a folder that holds datapackage.json")
    return path.resolve()
