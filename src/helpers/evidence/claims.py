"""A claim is a number a report states, with the evidence it rests on: its value (a count, a measure,
a label, or an interval low–high when doubt leaves a range), the rows of the data it rests on (each
with its date as the source gives it, its certainty, its source and locator, its own words), the
rule that made it, the parameters, and an SQL query that gives the same value from the SQLite export
(`blackwork export`). A caption builds its sentence from claims; the site shows each as a card; every
build lists them all in `claims.json`.

    claim = claims.count(ds, "events", ids, rule="...")     # a count of rows of one table
    claim.value, claim.sources, claim.rows()                # the number, its sources, its rows as a frame

The wording that names a source ("the case file's 29 killings") comes from the claim's own rows
(`scope`), so that no sentence says "the case file" over rows only the reference gives.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..core.errors import ParameterError
from ..core.names import in_prose

if TYPE_CHECKING:
    from .dataset import Dataset

#: The primary source, and how prose names each source (`scope`).
CASE_FILE, REFERENCE = "case-file-0121", "reference-facts"
SOURCE_WORDS = {CASE_FILE: "the case file", REFERENCE: "the reference", "curators": "the curators"}
#: The column that holds a row's own words, per table (its summary, title or note).
WORDS = ("summary", "title", "subject", "name", "alias", "note")
#: Joins the parts of a composite key into one row id (roles: event | person | role).
KEY_JOIN = " | "


@dataclass(frozen=True)
class Interval:
    """A value that doubt leaves as a range: at least `low`, at most `high` (low == high: no doubt)."""

    low: float
    high: float

    def __post_init__(self):
        if self.low > self.high:
            raise ParameterError(f"An interval got {self.low!r} to {self.high!r}; its low end must not exceed its high end.")

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __str__(self) -> str:
        return _number(self.low) if self.exact else f"{_number(self.low)}–{_number(self.high)}"


@dataclass(frozen=True)
class Row:
    """One row of the data a claim rests on, as a card shows it."""

    table: str
    id: str
    date: str = ""
    certainty: str = ""
    source_id: str = ""
    locator: str = ""
    words: str = ""


@dataclass(frozen=True)
class Claim:
    """A value with the rows it rests on, its rule, its parameters and a query that reproduces it.

    `name` is the claim's slug within its page (given by the caption that states it); `id` adds the
    page. `text` is how the value reads in prose ('1,234', 'between 40 and 44')."""

    value: object
    evidence: tuple[Row, ...]
    rule: str
    sql: str
    parameters: tuple[tuple[str, object], ...] = ()
    name: str = ""
    page: str = ""
    text: str = ""
    #: The finding under other readings of the data: (reading, text, changed) (`readings.sensitivity`).
    readings: tuple[tuple[str, str, bool], ...] = ()
    #: The words its sentence names its sources with ('in the case file'); '' when it names none.
    scope: str = ""

    @property
    def id(self) -> str:
        return f"{self.page}/{self.name}" if self.page else self.name

    @property
    def sources(self) -> frozenset[str]:
        """The sources of the rows the claim rests on."""
        return frozenset(r.source_id for r in self.evidence if r.source_id)

    def rows(self) -> pd.DataFrame:
        """The rows behind the value, one per row of the data: table, id, date, certainty, source_id,
        locator, words."""
        return pd.DataFrame([vars(r) for r in self.evidence],
                            columns=["table", "id", "date", "certainty", "source_id", "locator", "words"])

    def ids(self, table: str) -> list[str]:
        """The ids of the claim's rows of one table, in order."""
        return [r.id for r in self.evidence if r.table == table]

    def named(self, name: str, page: str = "", text: str | None = None) -> Claim:
        """The same claim with its slug (and page, and the words that show its value)."""
        return Claim(self.value, self.evidence, self.rule, self.sql, self.parameters, name, page or self.page,
                     self.text if text is None else text, self.readings, self.scope)

    def scoped(self, words: str) -> Claim:
        """The same claim with the words its sentence names its sources with."""
        return Claim(self.value, self.evidence, self.rule, self.sql, self.parameters, self.name, self.page, self.text,
                     self.readings, words)

    def as_dict(self) -> dict:
        """The claim as claims.json lists it."""
        value = self.value
        if isinstance(value, Interval):
            value = {"low": value.low, "high": value.high}
        return {"id": self.id, "name": self.name, "page": self.page, "value": _plain(value), "text": self.text,
                "rule": self.rule, "parameters": {k: _plain(v) for k, v in self.parameters},
                "sources": sorted(self.sources), "sql": self.sql, "rows": [vars(r) for r in self.evidence],
                "readings": [{"reading": r, "text": t, "changed": c} for r, t, c in self.readings],
                "scope": self.scope}

    @property
    def changes(self) -> bool:
        """Whether another reading of the data gives the finding another value."""
        return any(changed for _, _, changed in self.readings)


def _plain(value):
    """A value as JSON holds it: numbers, text, lists; a Timestamp as its day."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _number(value: float) -> str:
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


# --- rows ---------------------------------------------------------------------------------------

def keys(descriptor: dict) -> dict[str, list[str]]:
    """The primary key fields of every table of the package."""
    out = {}
    for r in descriptor["resources"]:
        pk = r["schema"].get("primaryKey", [])
        out[r["name"]] = [pk] if isinstance(pk, str) else list(pk)
    return out


def row_id(table_keys: list[str], row) -> str:
    """A row's id: its key, parts joined by KEY_JOIN for a composite key."""
    return KEY_JOIN.join(str(row[k]) for k in table_keys)


#: Derived tables a claim may rest on: their frame, their key, and the column of the event whose source
#: and locator a row takes (a fate is known from its deciding event).
DERIVED = {"fates": (lambda ds: ds.fates(), ["person_id"], "event_id")}


def _table(ds: Dataset, table: str) -> tuple[pd.DataFrame, list[str]]:
    if table in DERIVED:
        make, key, _ = DERIVED[table]
        return make(ds), key
    if table not in ds.tables:
        raise ParameterError(f"A claim names the table {table!r}, which is not in the package.")
    return ds.tables[table], keys(ds.descriptor)[table]


def _rows_of(ds: Dataset, table: str, ids: Iterable[str]) -> list[Row]:
    table, _, field = table.partition(".")
    frame, key = _table(ds, table)
    if field and f"{field}_source_id" not in frame:
        raise ParameterError(f"A claim names {table}.{field}, which has no source of its own in {table}.csv.")
    wanted = list(dict.fromkeys(str(i) for i in ids))
    if len(key) == 1:
        index = frame.set_index(frame[key[0]].astype(str))
    else:
        index = frame.set_index(frame[key].astype(str).agg(KEY_JOIN.join, axis=1))
    missing = [i for i in wanted if i not in index.index]
    if missing:
        raise ParameterError(f"A claim names {missing[0]!r}, which is no row of {table}.csv.")
    events = ds.events.set_index("event_id") if "event_id" in frame and table != "events" else None
    out = []
    for rid in wanted:
        r = index.loc[rid]
        source, locator = r.get("source_id"), r.get("locator")
        if (source is None or pd.isna(source)) and events is not None and r.get("event_id") in events.index:
            ev = events.loc[r["event_id"]]  # a role has no source of its own: its event's
            source, locator = ev.source_id, ev.locator
        date = next((r[c] for c in ("date", "start", "period", "born", "year") if c in r and pd.notna(r[c])), "")
        if field:  # one field with a source of its own (a birth): its date, source and locator
            date, source, locator = r[field], r[f"{field}_source_id"], r.get(f"{field}_locator")
        words = next((str(r[c]) for c in WORDS if c in r and pd.notna(r[c]) and str(r[c]).strip()), "")
        if table == "fates":
            words = (f"{r['name']}: {r['fate']}, at the hands of the state: {r['by_state']}"
                     + (f"; every claim: {r['manners']}" if r["manners"] else "")).replace("_", " ")
        out.append(Row(table=table, id=rid, date=str(date), certainty=str(r.get("certainty") or "") if pd.notna(r.get("certainty")) else "",
                       source_id=str(source) if pd.notna(source) else "", locator=str(locator) if pd.notna(locator) else "",
                       words=words))
    return out


def evidence_rows(ds: Dataset, rows: Mapping[str, Iterable[str]]) -> tuple[Row, ...]:
    """The rows of `rows` ({table: ids}), each with its date, certainty, source, locator and words.
    A key 'table.field' cites one field that has a source of its own ('people.born': the birth date,
    `born_source_id`, `born_locator`) instead of the row's. An id that is no row of its table raises
    ParameterError: a claim never names a row that is not there."""
    out: list[Row] = []
    for table, ids in rows.items():
        out += _rows_of(ds, table, ids)
    return tuple(out)


# --- making claims ------------------------------------------------------------------------------

def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _in(table_keys: list[str], ids: Iterable[str]) -> str:
    """An SQL condition: the row's key is one of `ids`."""
    listed = ", ".join(_quote(i) for i in ids) or "NULL"
    if len(table_keys) == 1:
        return f'"{table_keys[0]}" IN ({listed})'
    joined = f" || '{KEY_JOIN}' || ".join(f'"{k}"' for k in table_keys)
    return f"({joined}) IN ({listed})"


def _frozen(parameters: Mapping | None) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((parameters or {}).items()))


def make(ds: Dataset, value, rule: str, sql: str, rows: Mapping[str, Iterable[str]],
         parameters: Mapping | None = None, text: str | None = None) -> Claim:
    """A claim with the SQL a caller wrote (it must give `value` on the SQLite export: a test runs it)."""
    return Claim(value=value, evidence=evidence_rows(ds, rows), rule=rule, sql=sql, parameters=_frozen(parameters),
                 text=text if text is not None else (str(value) if isinstance(value, Interval) else _words(value)))


def _words(value) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)) or hasattr(value, "item"):
        return _number(value)
    return str(value)


def count(ds: Dataset, table: str, ids: Iterable[str], rule: str, parameters: Mapping | None = None,
          also: Mapping[str, Iterable[str]] | None = None) -> Claim:
    """The number of rows of `table` in `ids` (each counted once), resting on those rows and on the
    rows of `also` ({table: ids}: the roles, people or attestations that chose them)."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    key = _table(ds, table)[1]
    sql = f'SELECT COUNT(*) FROM "{table}" WHERE {_in(key, ids)}'
    return make(ds, len(ids), rule, sql, {table: ids, **(also or {})}, parameters)


def total(ds: Dataset, table: str, column: str, ids: Iterable[str], rule: str,
          parameters: Mapping | None = None) -> Claim:
    """The sum of `column` over the rows of `table` in `ids` (e.g. the figures of tallies)."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    key = keys(ds.descriptor)[table]
    frame = ds.tables[table]
    chosen = frame[frame[key[0]].astype(str).isin(ids)] if len(key) == 1 else None
    if chosen is None:
        raise ParameterError(f"total() needs a table with a one-column key; {table} has {key}.")
    value = chosen[column].sum()
    value = int(value) if float(value).is_integer() else float(value)
    sql = f'SELECT SUM("{column}") FROM "{table}" WHERE {_in(key, ids)}'
    return make(ds, value, rule, sql, {table: ids}, parameters)


def share(ds: Dataset, part: Claim, whole: Claim, rule: str) -> Claim:
    """`part` out of `whole` as a fraction, resting on the rows of both."""
    if not whole.value:
        raise ParameterError("share() got a whole of 0; a share of nothing is no number.")
    rows = tuple(dict.fromkeys(part.evidence + whole.evidence))
    sql = f"SELECT CAST(({_inner(part.sql)}) AS REAL) / ({_inner(whole.sql)})"
    return Claim(part.value / whole.value, rows, rule, sql, part.parameters, text=f"{part.value / whole.value:.0%}")


def _inner(sql: str) -> str:
    return sql.strip().rstrip(";")


# --- wording ------------------------------------------------------------------------------------

class Scope(str):
    """The words that name a claim's sources in a sentence ('in the case file'), tied to the claim they
    are about: a caption records them on the claim, and a test checks them against its rows."""

    claim: Claim | None = None


def scope(of) -> Scope:
    """How a sentence names the sources of a claim (or of a set of source ids): 'in the case file'
    when every row is the case file's, 'in the reference' when every row is the reference's, else
    'in the case file and the reference'. Given a Claim, the words are tied to it (`Scope.claim`)."""
    claim = of if isinstance(of, Claim) else None
    words = Scope(_scope_words(of.sources if claim is not None else of))
    words.claim = claim
    return words


def _scope_words(sources: Iterable[str]) -> str:
    given = set(sources)
    if given <= {CASE_FILE}:
        return "in the case file"
    named = [SOURCE_WORDS.get(s, s) for s in sorted(given, key=lambda s: (s != CASE_FILE, s))]
    return "in " + in_prose(named)


def claims_json(claims: Iterable[Claim]) -> str:
    """Every claim as claims.json holds them: sorted by id, one JSON document, no timestamps."""
    return json.dumps(sorted((c.as_dict() for c in claims), key=lambda d: d["id"]), ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"
