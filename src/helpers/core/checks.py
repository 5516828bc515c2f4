"""The argument checkers every layer uses: one plain sentence (`ParameterError`) naming the argument,
the value it got and what it accepts, never a KeyError or a silently empty result.

- `check`: a type, a set of choices, a range, the items of a list;
- `check_date` and `check_window`: a year or an EDTF date, and a window of two;
- `check_days`: a window of days (Timestamps) a helper function takes;
- `check_listed`: a list-like argument that must not be one bare string (it would be read letter by letter);
- `check_person_ids`: ids that must be person_ids of a people table;
- `check_data_dir`: a folder that holds a data package.

The notebooks' declared parameters (`helpers.notebook.params`) are built on these.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from . import dates
from .errors import ParameterError

#: The type of a parameter that takes a year (1937) or an EDTF date string ('1937-09').
DATE = (int, str)
DATE_WORDS = "a year such as 1937 or an EDTF date such as '1937-09-04'"
KIND_WORDS = {bool: "true or false (True/False)", int: "a whole number", str: "a text string",
              list: "a list", float: "a number", DATE: DATE_WORDS,
              pd.Timestamp: "a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')"}


def options(choices: Iterable) -> str:
    """Values in words: "'a'", "'a' or 'b'", "'a', 'b' or 'c'"."""
    items = [repr(c) for c in choices]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def fail(name: str, value, accepts: str):
    """Raise the one sentence: Parameter `name` got value; it accepts ..."""
    raise ParameterError(f"Parameter `{name}` got {value!r}; it accepts {accepts}.")


def check(name: str, value, *, kind: type | tuple | None = None, choices: Iterable | None = None,
          minimum=None, maximum=None, items: Iterable | None = None):
    """Check one argument; return it unchanged if it is acceptable, else raise ParameterError.

    kind: the Python type it must have (bool is never taken for int); choices: the values allowed;
    minimum/maximum: a range for numbers (inclusive); items: for a list, the values its items may take.
    """
    if kind is not None:
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong = not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds)
        if wrong:
            fail(name, value, KIND_WORDS.get(kind, getattr(kind, "__name__", str(kind))))
    if choices is not None:
        choices = tuple(choices)
        if value not in choices:
            fail(name, value, options(choices))
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        low = "" if minimum is None else f"from {minimum}"
        high = "" if maximum is None else f"to {maximum}"
        fail(name, value, f"a value {low} {high}".replace("  ", " ").strip())
    if items is not None:
        if not isinstance(value, (list, tuple)):
            fail(name, value, "a list, e.g. [] or ['execution']")
        allowed = tuple(items)
        bad = [v for v in value if v not in allowed]
        if bad:
            raise ParameterError(
                f"Parameter `{name}` got {bad[0]!r} in its list; items may be {options(allowed)}."
            )
    return value


def check_date(name: str, value) -> dates.DateBounds:
    """A year (1937) or an EDTF date string ('1937-09', '1938-03-15'); returns its bounds."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        fail(name, value, DATE_WORDS)
    try:
        return dates.parse(text)
    except dates.DateError:
        fail(name, value, DATE_WORDS)


def check_window(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The window from `start`'s earliest day to `end`'s latest, each a year or an EDTF date;
    one sentence if either is not a date or `end` comes before `start`."""
    first, last = check_date("start", start), check_date("end", end)
    if last.latest < first.earliest:
        fail("end", end, f"a year or date no earlier than `start` ({start!r})")
    return pd.Timestamp(first.earliest), pd.Timestamp(last.latest)


def check_days(first, last, names: tuple[str, str] = ("first", "last")) -> None:
    """Check a window of days passed to a helper: each bound None (open) or a pd.Timestamp, the last
    not before the first. Raises ParameterError naming the argument (`names`) otherwise, so a year
    typed where a day is wanted never turns into a day of 1970 or an empty result."""
    if first is not None:
        check(names[0], first, kind=pd.Timestamp)
    if last is not None:
        check(names[1], last, kind=pd.Timestamp, minimum=first)


def check_listed(name: str, value) -> None:
    """A list-like argument given as one bare string ('subject') would be read letter by letter."""
    if isinstance(value, str):
        check(name, value, kind=list)


def check_person_ids(people: pd.DataFrame, name: str, values, one: bool = False) -> None:
    """Check that `values` (one id when `one`, else a list-like of ids) are person_ids of `people`.

    Raises ParameterError naming the argument, the first unknown id and the closest known one, so an
    id mistyped never gives a silently empty table; a bare string where a list is wanted is refused
    too (it would be read letter by letter)."""
    known = set(people.person_id)
    if one:
        bad = [] if isinstance(values, str) and values in known else [values]
    else:
        if isinstance(values, str) or not pd.api.types.is_list_like(values):
            check(name, values, kind=list)
        bad = [v for v in values if v not in known]
    if not bad:
        return
    near = difflib.get_close_matches(str(bad[0]), sorted(known), n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    if one:
        raise ParameterError(f"Parameter `{name}` got {bad[0]!r}; it accepts a person_id of people.csv{hint}.")
    raise ParameterError(f"Parameter `{name}` got {bad[0]!r} in its list; items may be person_ids of people.csv{hint}.")


def check_data_dir(name: str, value) -> Path | None:
    """'' for the project's data/, else a folder holding datapackage.json."""
    check(name, value, kind=str)
    if not value:
        return None
    path = Path(value).expanduser()
    if not (path / "datapackage.json").is_file():
        fail(name, value, "'' (the project's data) or a folder that holds datapackage.json")
    return path.resolve()
