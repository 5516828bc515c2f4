"""The claims `notebooks/start-here.ipynb` states, one line per step of a first hour with the data, made
from what the analyses it calls computed (`overview.row_counts`, `cadence.killings` and `counts`,
`turnover.tenures`); its sentences are `helpers.captions.start_here`.

Each claim carries the rows it rests on and an SQL query that gives its value back on the SQLite
export (`helpers.evidence.claims`). A count of whole tables lists no rows: its query counts the tables.
"""
from __future__ import annotations

import pandas as pd

from ..evidence import Dataset, claims, operations
from ..evidence.claims import Claim


#: The page these claims are on.
PAGE = "start-here"


def _q(text) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _named(made: dict[str, Claim]) -> dict[str, Claim]:
    return {name: c.named(name, PAGE) for name, c in made.items()}


def tables(ds: Dataset, counts: pd.DataFrame) -> dict[str, Claim]:
    """Of the rows per table (`overview.row_counts`): `rows`, every row of the package, and `tables`, how
    many tables hold them. Both count whole tables, so neither lists rows (every row of the package would
    be the card of `rows`): their queries count the tables on the export, and the notebook shows each
    table's rows beside the sentence."""
    total = " + ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in counts.index)
    return _named({"rows": claims.make(ds, int(counts.rows.sum()), "Every row of every table of the data package "
                                       f"({', '.join(f'{t}.csv' for t in counts.index)}).", f"SELECT {total}", rows={}),
                   "tables": claims.make(ds, len(counts), "The tables of the data package (datapackage.json's "
                                         "resources; the export's `about` lists them as data).",
                                         "SELECT COUNT(*) FROM about WHERE kind = 'data'", rows={})})


def killings(ds: Dataset, kills: pd.DataFrame, per_year: pd.Series) -> dict[str, Claim]:
    """Of the killings (`cadence.killings`, each thing counted once: a row's `parts` are the events it
    stands for) and their count per year (`per_year`: `cadence.counts` per year summed over types, a
    killing whose dates span two years left out): `killings`, how many; `busiest_year`, the year with
    most (the earliest of a tie); `in_busiest`, how many that year."""
    ids = operations.all_parts(kills)
    listed = ", ".join(_q(i) for i in ids) or "NULL"
    first, last = per_year.index.min().year, per_year.index.max().year
    years = (f"WITH u AS (SELECT {operations.thing_sql(kills)} AS thing, MIN(date_start) AS s, MAX(date_end) AS t "
             f"FROM events WHERE event_id IN ({listed}) GROUP BY thing), "
             "y AS (SELECT CAST(substr(s, 1, 4) AS INTEGER) AS year FROM u WHERE substr(s, 1, 4) = substr(t, 1, 4) "
             f"AND CAST(substr(s, 1, 4) AS INTEGER) BETWEEN {first} AND {last})")
    year = int(per_year.idxmax().year)
    placed = kills[(kills.start.dt.year == year) & (kills.end.dt.year == year)]
    window = {"first": first, "last": last}
    return _named({
        "killings": operations.things_claim(ds, kills, "Executions, assassinations, massacres and deaths by a violent "
                                            "method, each thing counted once (`evidence.operations.counted`)."),
        "busiest_year": claims.make(ds, year, "The year with most killings, each placed in the year its dates lie "
                                    "in (one spanning two years is left out); the earliest year of a tie.",
                                    f"{years} SELECT year FROM y GROUP BY year ORDER BY COUNT(*) DESC, year LIMIT 1",
                                    rows={"events": ids}, parameters=window, text=str(year)),
        "in_busiest": claims.make(ds, int(per_year.max()), f"The killings whose dates lie in {year}, each thing once.",
                                  f"{years} SELECT COUNT(*) FROM y WHERE year = {year}",
                                  rows={"events": operations.all_parts(placed)}, parameters=window),
    })


def heads(ds: Dataset, tenures: pd.DataFrame) -> dict[str, Claim]:
    """Of the tenures at the head of the secret police (`turnover.tenures`): `tenures`, how many, and
    `people`, how many people held them."""
    posts = list(tenures.position_id)
    people = list(dict.fromkeys(tenures.person_id))
    return _named({"tenures": claims.count(ds, "positions", posts, rule="The tenures of the post `secret-police-head` "
                                    "(positions.csv)."),
            "people": claims.count(ds, "people", people, also={"positions": posts},
                                   rule="The people who held the post `secret-police-head`, each once.")})
