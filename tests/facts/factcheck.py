"""The checks behind the fact tables of tests/facts/test_*.py: one parametrised test per kind of table.

A fact module lists the facts of some sections of the sources as rows of tables, one fact per row,
ending with the locator the fact rests on, and binds each table to its check, e.g.

    test_cells = cells(CELLS)

Each row becomes one test case with a readable id ("positions:nikolai-yezhov--secret-police-head:start")
and a failure message naming the table, the key, the field and the locator. Expected values are
written by hand from the sources; nothing here computes one.

The kinds of table (columns in order; `locator` always last):

CELLS    (table, key, field, expected, locator)
         One row's field equals `expected`. `key` is the row's id in the table's id column (see KEYS),
         or a dict {column: value} that exactly one row matches (e.g. a role, a year's convictions).
         `field` may go on to an attribute of the value: "born_earliest.year".
         expected None: the cell is None; pd.NA: the cell is missing (None, NaN or NA); a bool: the
         cell's truth value; a pd.Timestamp: that day; anything else: ==.
TEXTS    (table, key, field, how, text, locator)
         One row's text field "contains", "contains (any case)" or "starts with" `text`.
ROLES    (event_id, role, how, person_ids, locator)
         The people with `role` in the event (conftest.people_in): how is "include" or "are".
ACCOUNTS (event_id, kind, column, how, expected, locator)
         The values of `column` over the event's accounts of `kind` (conftest.accounts_of; kind None:
         every account of the event).
VALUES   (table, where, column, how, expected, locator)
         The values of `column` (or of a tuple of columns) over the rows matching `where` ({}: all).
COUNTS   (table, where, n, locator)
         Exactly n rows of the table match `where`.
ALIASES  (name, person_id, locator)
         helpers.find_person(name) == person_id.
AGES     (person_id, on, age, locator)
         The person's age in whole years on the day `on` (the same from either end of the birth's range).

`how` for a collection of values (ROLES, ACCOUNTS, VALUES):
  "are"      the set of values equals `expected` (a set)
  "include"  every member of `expected` is among the values
  "exclude"  no member of `expected` is among the values
  "list"     the values, one per row, are `expected` (order ignored, repeats counted)

To add a fact, add one line to the right table of the module for its section (the section titles
below spell case-file locators: f"{KIROV} ¶9"). Two rows of one table may not share an id; merge them.
A fact that needs several rows at once (a sum, a bound set by another row) stays a plain test.

This is a plain module, not tests/facts/conftest.py: a second conftest.py would take the module name
`conftest` from tests/conftest.py, which the tests import helpers from.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import helpers
from conftest import accounts_of, people_in

#: The sections of case-file-0121, as its locators name them (a locator is "<section> ¶<n>").
INTRODUCTION = "Introduction"
SAVINKOV = "The Capture of Boris Savinkov (1924)"
REILLY = "The Arrest and Execution of Sidney Reilly (November 1925)"
BLUMKIN = "The Arrest and Execution of Yakov Blumkin (November 1929)"
KUTEPOV = "The Kidnapping of Alexander Kutepov (26 January 1930)"
RAMISHVILI = "The Assassination of Noe Ramishvili (07 December 1930)"
KIROV = "The Assassination of Sergey Kirov (01 December 1934)"
LAKOBA = "The Poisoning of Nestor Lakoba (28 December 1936)"
YAGODA_FALL = "The Fall of Genrikh Yagoda (March 1937)"
REISS = "The Assassination of Ignace Reiss (04 September 1937)"
MILLER = "The Kidnapping of Yevgeny Miller (22 September 1937)"
SLUTSKY = "The Assassination of Abram Slutsky (17 February 1938)"
KONOVALETS = "The Assassination of Yevhen Konovalets (23 May 1938)"
KLEMENT = "The Murder of Rudolf Klement (12 July 1938)"
YEZHOV_FALL = "The Fall of Yezhov (November 1938)"
REICH = "The Murder of Zinaida Reich (15 July 1939)"
KATYN = "The Katyn Massacre (April and May 1940)"
MUNZENBERG = "The Death of Willi Münzenberg (June 1940)"
TROTSKY = "The Assassination of Leon Trotsky (21 August 1940)"

#: The id column of each table a CELLS or TEXTS row may name by a plain key.
KEYS = {
    "events": "event_id",
    "positions": "position_id",
    "people": "person_id",
    "attestations": "attestation_id",
    "tallies": "tally_id",
    "accounts": "account_id",
    "operations": "operation_id",
    "organisations": "org_id",
    "fates": "person_id",
    "roles": None,
    "org_roles": None,
    "convictions": None,
}
HOWS = ("are", "include", "exclude", "list")
TEXT_HOWS = ("contains", "contains (any case)", "starts with")


# ---- look-ups ------------------------------------------------------------------------------------

def frame(ds, table: str) -> pd.DataFrame:
    """A table of the real data by its name in the fact tables."""
    if table not in KEYS:
        raise KeyError(f"no table {table!r} in the fact tables (known: {', '.join(KEYS)})")
    if table == "fates":
        return ds.fates()
    if table == "convictions":
        return ds.convictions_by_year
    return getattr(ds, table)


def rows_where(ds, table: str, where: dict) -> pd.DataFrame:
    """The rows of `table` whose cells equal every value in `where` ({}: every row)."""
    df = frame(ds, table)
    mask = pd.Series(True, index=df.index)
    for column, value in where.items():
        mask &= (df[column] == value).fillna(False).astype(bool)
    return df[mask]


def row_of(ds, table: str, key):
    """The one row of `table` that `key` names (its id, or a dict of cells); fails unless exactly one."""
    if isinstance(key, dict):
        rows = rows_where(ds, table, key)
    else:
        if KEYS[table] is None:
            raise KeyError(f"{table} has no id column: give the row as a dict of cells")
        rows = rows_where(ds, table, {KEYS[table]: key})
    assert len(rows) == 1, f"{table}:{show(key)}: {len(rows)} rows, not one"
    return rows.iloc[0]


def field_of(row, field: str):
    """A cell of a row; "born_earliest.year" goes on to an attribute of the cell."""
    name, *attrs = field.split(".")
    value = row[name]
    for attr in attrs:
        value = getattr(value, attr)
    return value


def age_on(born_earliest, born_latest, on: str) -> int:
    """Whole years on the day `on` from a birth in [born_earliest, born_latest]; the age must not
    depend on where in that range the birth fell (for a birth known to the day the range is one day)."""
    day = pd.Timestamp(on)

    def years(born):
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    first, last = years(born_earliest), years(born_latest)
    assert first == last, f"the age on {on} is {first} or {last} depending on the day of birth"
    return first


# ---- comparisons ---------------------------------------------------------------------------------

def same(actual, expected) -> bool:
    """Whether a cell holds the expected value (see the module's docstring)."""
    if expected is None:
        return actual is None
    if expected is pd.NA:
        return bool(pd.isna(actual))
    if isinstance(expected, bool):
        return not pd.isna(actual) and bool(actual) is expected
    try:
        return bool(actual == expected)
    except TypeError:  # pd.NA == x is NA, which is neither true nor false
        return False


def holds(how: str, values: list, expected) -> bool:
    """Whether a collection of values (one per row) stands in the relation `how` to `expected`."""
    if how == "are":
        return set(values) == set(expected)
    if how == "include":
        return set(expected) <= set(values)
    if how == "exclude":
        return not set(expected) & set(values)
    if how == "list":
        return Counter(values) == Counter(expected)
    raise ValueError(f"how must be one of {HOWS}, not {how!r}")


def text_holds(how: str, actual, text: str) -> bool:
    if not isinstance(actual, str):
        return False
    if how == "contains":
        return text in actual
    if how == "contains (any case)":
        return text.lower() in actual.lower()
    if how == "starts with":
        return actual.startswith(text)
    raise ValueError(f"how must be one of {TEXT_HOWS}, not {how!r}")


def values_of(rows: pd.DataFrame, column) -> list:
    """The values of a column (or tuples of values of several columns), one per row."""
    if isinstance(column, tuple):
        return list(zip(*(rows[c].tolist() for c in column)))
    return rows[column].tolist()


# ---- ids -----------------------------------------------------------------------------------------

def show(key) -> str:
    """A key or a `where` as text: an id as it is, a dict as "column=value,column=value"."""
    if isinstance(key, dict):
        return ",".join(f"{k}={v}" for k, v in key.items()) or "all"
    if isinstance(key, tuple):
        return "(" + ",".join(key) + ")"
    return str(key)


def at(locator: str) -> str:
    """A locator for a failure message."""
    return locator or "no locator given"


def _parametrize(names: str, rows: list, id_of):
    width = len(names.split(","))
    bad = [row for row in rows if len(row) != width]
    if bad:
        raise ValueError(f"rows of the wrong width for ({names}): {bad}")
    hows = names.split(", ").index("how") if "how" in names.split(", ") else None
    if hows is not None:
        wrong = [row for row in rows if row[hows] not in HOWS + TEXT_HOWS]
        if wrong:
            raise ValueError(f"unknown `how` in rows: {wrong}")
    ids = [id_of(*row) for row in rows]
    repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if repeated:
        raise ValueError(f"two rows of a fact table have the same id (merge them): {repeated}")
    return pytest.mark.parametrize(names, rows, ids=ids)


# ---- one parametrised test per kind of table ---------------------------------------------------------

def cells(rows):
    @_parametrize("table, key, field, expected, locator", rows,
                  lambda table, key, field, *_: f"{table}:{show(key)}:{field}")
    def test_cell(ds, table, key, field, expected, locator):
        actual = field_of(row_of(ds, table, key), field)
        assert same(actual, expected), (
            f"{table}:{show(key)}:{field} is {actual!r}, the source says {expected!r} ({at(locator)})")
    return test_cell


def texts(rows):
    @_parametrize("table, key, field, how, text, locator", rows,
                  lambda table, key, field, how, text, _: f"{table}:{show(key)}:{field} {how} {text!r}")
    def test_text(ds, table, key, field, how, text, locator):
        actual = field_of(row_of(ds, table, key), field)
        assert text_holds(how, actual, text), (
            f"{table}:{show(key)}:{field} is {actual!r}; the source says it {how} {text!r} ({at(locator)})")
    return test_text


def roles(rows):
    wrong = [row for row in rows if row[2] not in ("include", "are")]
    if wrong:
        raise ValueError(f"a ROLES row's how is 'include' or 'are': {wrong}")

    @_parametrize("event_id, role, how, person_ids, locator", rows,
                  lambda event_id, role, *_: f"roles:{event_id}:{role}")
    def test_role(ds, event_id, role, how, person_ids, locator):
        found = sorted(people_in(ds, event_id, role))
        assert holds(how, found, person_ids), (
            f"roles:{event_id}:{role} are {found}; the source says they {how} {sorted(person_ids)} ({at(locator)})")
    return test_role


def accounts(rows):
    @_parametrize("event_id, kind, column, how, expected, locator", rows,
                  lambda event_id, kind, column, *_: f"accounts:{event_id}:{kind or 'all'}:{show(column)}")
    def test_account(ds, event_id, kind, column, how, expected, locator):
        found = values_of(accounts_of(ds, event_id, kind), column)
        assert holds(how, found, expected), (
            f"accounts:{event_id}:{kind or 'all'}:{show(column)} are {found}; "
            f"the source says they {how} {expected!r} ({at(locator)})")
    return test_account


def values(rows):
    @_parametrize("table, where, column, how, expected, locator", rows,
                  lambda table, where, column, how, expected, _: f"{table}[{show(where)}]:{show(column)}:{how}"
                  + (":" + "+".join(sorted(map(str, expected))) if how in ("include", "exclude") else ""))
    def test_values(ds, table, where, column, how, expected, locator):
        found = values_of(rows_where(ds, table, where), column)
        assert holds(how, found, expected), (
            f"{table}[{show(where)}]:{show(column)} are {found}; "
            f"the source says they {how} {expected!r} ({at(locator)})")
    return test_values


def counts(rows):
    @_parametrize("table, where, n, locator", rows,
                  lambda table, where, *_: f"{table}[{show(where)}]:count")
    def test_count(ds, table, where, n, locator):
        found = len(rows_where(ds, table, where))
        assert found == n, f"{table}[{show(where)}] has {found} rows; the source says {n} ({at(locator)})"
    return test_count


def aliases(rows):
    @_parametrize("name, person_id, locator", rows, lambda name, *_: f"alias:{name}")
    def test_alias(name, person_id, locator):
        found = helpers.find_person(name)
        assert found == person_id, f"alias:{name} resolves to {found!r}, the source says {person_id!r} ({at(locator)})"
    return test_alias


def ages(rows):
    @_parametrize("person_id, on, age, locator", rows, lambda person_id, on, *_: f"age:{person_id}@{on}")
    def test_age(ds, person_id, on, age, locator):
        person = row_of(ds, "people", person_id)
        found = age_on(person.born_earliest, person.born_latest, on)
        assert found == age, f"age:{person_id}@{on} is {found}; the source says {age} ({at(locator)})"
    return test_age
