"""The data as an SQLite database typed for its tools (Datasette, DB Browser, R, SQL), and the database
every claim's query runs on.

- every table of the package, each column typed from the Table Schema (integer -> INTEGER, number
  -> REAL, boolean -> INTEGER 0/1, text -> TEXT; an empty cell is NULL), with its primary and foreign
  keys;
- beside every EDTF date `X`, the first and last day it allows as ISO dates, `X_start` and `X_end`
  (`1937-03` -> '1937-03-01', '1937-03-31'), so "events in 1937" is a comparison, not a `substr`;
- the derived table `fates` (each person's end by the fate rules of `helpers.evidence.fates`, with its
  doubt), and the view `event_people` (every event with the people in it and their roles);
- `about`: what each table and view is, and whether it is data or derived.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}
FATE_COLUMNS = ["person_id", "name", "fate", "by_state", "certainty", "date", "start", "end", "event_id",
                "official_account", "manners"]
VIEWS = {
    "event_people": (
        "every event with each person in it, their role and its certainty (events ⋈ roles ⋈ people)",
        'SELECT e.event_id, e.date, e.date_start, e.date_end, e.type, e.title, e.scope, e.certainty, '
        'r.person_id, p.name, p.side, r.role, r.certainty AS role_certainty, e.source_id, e.locator '
        'FROM events e JOIN roles r ON r.event_id = e.event_id JOIN people p ON p.person_id = r.person_id'),
}


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _keys(resource: dict) -> list[str]:
    schema = resource["schema"]
    parts = []
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else pk
    if pk:
        parts.append(f"PRIMARY KEY ({', '.join(map(quoted, pk))})")
    for fk in schema.get("foreignKeys", []):
        own = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
        ref = fk["reference"]
        theirs = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
        parts.append(f"FOREIGN KEY ({', '.join(map(quoted, own))}) REFERENCES "
                     f"{quoted(ref['resource'] or resource['name'])} ({', '.join(map(quoted, theirs))})")
    return parts


def _day(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d").where(values.notna(), None)


def _columns(resource: dict, frame: pd.DataFrame) -> tuple[list[str], list[str], pd.DataFrame]:
    """The column definitions, names and the frame of one resource, EDTF dates with their first and
    last day beside them."""
    defs, names, out = [], [], pd.DataFrame(index=frame.index)
    for f in resource["schema"]["fields"]:
        name = f["name"]
        values = frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)
        if f["type"] == "boolean":
            values = values.map(lambda v: None if pd.isna(v) else int(bool(v)))
        defs.append(f"{quoted(name)} {SQL_TYPES.get(f['type'], 'TEXT')}")
        names.append(name)
        out[name] = values
        if f.get("edtf"):
            for end, column in (("start", f"{name}_earliest"), ("end", f"{name}_latest")):
                defs.append(f"{quoted(f'{name}_{end}')} TEXT")
                names.append(f"{name}_{end}")
                out[f"{name}_{end}"] = _day(frame[column]) if column in frame else None
    return defs, names, out


def _insert(db, table: str, names: list[str], frame: pd.DataFrame) -> None:
    rows = [[None if (v is None or (not isinstance(v, str) and pd.isna(v))) else (v.item() if hasattr(v, "item") else v)
             for v in row] for row in frame[names].itertuples(index=False)]
    db.executemany(f"INSERT INTO {quoted(table)} VALUES ({', '.join('?' * len(names))})", rows)


def write(ds, path: Path) -> dict[str, int]:
    """Write the database for the loaded Dataset `ds` to `path` (a new file); rows per table."""
    counts, about = {}, []
    with sqlite3.connect(path) as db:
        for resource in ds.descriptor["resources"]:
            name = resource["name"]
            defs, names, frame = _columns(resource, ds.tables[name])
            db.execute(f"CREATE TABLE {quoted(name)} ({', '.join(defs + _keys(resource))})")
            _insert(db, name, names, frame)
            counts[name] = len(frame)
            about.append((name, "data", resource.get("title") or resource.get("description") or name))
        fates = ds.fates()[FATE_COLUMNS].rename(columns={"start": "date_start", "end": "date_end"})
        fates["date_start"], fates["date_end"] = _day(fates.date_start), _day(fates.date_end)
        cols = list(fates.columns)
        db.execute("CREATE TABLE fates (" + ", ".join(f"{quoted(c)} TEXT" for c in cols)
                   + ", PRIMARY KEY (person_id), FOREIGN KEY (person_id) REFERENCES people (person_id), "
                   "FOREIGN KEY (event_id) REFERENCES events (event_id))")
        _insert(db, "fates", cols, fates)
        counts["fates"] = len(fates)
        about.append(("fates", "derived", "each person's end by the fate rules (helpers.evidence.fates), with its doubt: "
                                          "by_state is yes, disputed or no"))
        for view, (what, sql) in VIEWS.items():
            db.execute(f"CREATE VIEW {quoted(view)} AS {sql}")
            about.append((view, "view", what))
        db.execute("CREATE TABLE about (name TEXT PRIMARY KEY, kind TEXT, what TEXT)")
        db.executemany("INSERT INTO about VALUES (?, ?, ?)", about)
    return counts


#: Example questions on the database, each with its query and the answer it gives on the current data
#: (a test runs every one of them; `README` writes them for a reader of the exports).
QUERIES = (
    ("The largest figure any source gives, and what it counts",
     "SELECT best, counted, subject FROM tallies ORDER BY best DESC LIMIT 1"),
    ("The year with the most people convicted (MVD series)",
     "SELECT year, convicted FROM convictions_by_year WHERE count = 'mvd' ORDER BY convicted DESC LIMIT 1"),
    ("Events dated within 1937",
     "SELECT count(*) FROM events WHERE date_start >= '1937-01-01' AND date_end <= '1937-12-31'"),
    ("Who took part in Trotsky's murder, and how",
     "SELECT name, role, role_certainty FROM event_people WHERE event_id = 'leon-trotsky-assassination' ORDER BY role, name"),
    ("Deaths at the hands of the state, stated and disputed",
     "SELECT by_state, count(*) FROM fates WHERE fate IN ('executed', 'assassinated', 'killed', 'suicide', "
     "'died_in_custody', 'natural_death', 'accident', 'contested', 'died') GROUP BY by_state ORDER BY by_state"),
)


def readme() -> str:
    """The exports' README: what blackwork.sqlite holds and the example questions with their queries."""
    lines = ["# blackwork exports", "",
             "- `blackwork.sqlite`: every table of the data package, typed (numbers are numbers), with its keys;",
             "  beside every date `X` its first and last day `X_start`, `X_end`; the derived table `fates` and",
             "  the view `event_people`; `about` says what each table is.",
             "- `places.geojson`: places, and events abroad as points or journeys.",
             "- `network.gexf`: people and their ties and acts, typed and dated.", "",
             "## Example questions", ""]
    for question, query in QUERIES:
        lines += [f"{question}:", "", "```sql", query + ";", "```", ""]
    return "\n".join(lines)

