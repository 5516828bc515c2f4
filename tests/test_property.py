"""Property: corrupting any cell of the real data either loads with every row kept or raises DataError.

Never another exception, never a silently dropped row, never a text cell changed on the way in.
"""
from __future__ import annotations

import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers
from conftest import read_rows, write_rows
from helpers import paths

DATA = paths.ROOT / "data"
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = {r["name"]: r for r in DESCRIPTOR["resources"]}
TABLE_FILES = {r["path"] for r in DESCRIPTOR["resources"]}
TRICKY = st.sampled_from([
    "", " ", "null", "NaN", "None", "-1", "0", "1e9", "99999999999999999999", "true", "FALSE", "yes",
    "1937-02-30", "1937-13", "19370", "1937/..", "1940-05/1940-04", "1938-07-12?", "1936-12~", "1937-21",
    "<script>alert(1)</script>", "a,b", 'say "hi"', "line\nbreak", "Münzenberg", "nikolai-yezhov", "NIKOLAI-YEZHOV",
    "case-file-0121", "reference-facts", "The Fall of Yezhov (November 1938) ¶9", "http://example.org",
])
VALUES = st.one_of(TRICKY, st.text(max_size=30))


def _cell(table: str):
    rows = len(read_rows(DATA / TABLES[table]["path"])) - 1
    fields = [f["name"] for f in TABLES[table]["schema"]["fields"]]
    return st.tuples(st.just(table), st.integers(0, rows - 1), st.sampled_from(fields))


CELLS = st.sampled_from(sorted(TABLES)).flatmap(_cell)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell=CELLS, value=VALUES)
def test_a_corrupted_cell_loads_intact_or_raises_data_error(cell, value):
    table, row, field = cell
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for path in DATA.iterdir():
            if path.is_file():
                shutil.copy(path, root / path.name)
        rows = read_rows(root / TABLES[table]["path"])
        rows[row + 1][rows[0].index(field)] = value
        write_rows(root / TABLES[table]["path"], rows)
        try:
            ds = helpers.load(root)
        except helpers.DataError as err:
            for problem in err.problems:  # each problem points at a real place: file, line, column
                assert problem.file in TABLE_FILES, f"{problem}: not a file of the package"
                text = (root / problem.file).read_text(encoding="utf-8")
                lines = len(io.StringIO(text, newline="").readlines())
                assert problem.row is None or 1 <= problem.row <= lines, f"{problem}: {problem.file} has {lines} lines"
                header = read_rows(root / problem.file)[0]
                assert problem.field is None or set(problem.field.split("+")) <= set(header), \
                    f"{problem}: not a column of {problem.file}"
            return
        for name, resource in TABLES.items():
            assert len(ds.tables[name]) == len(read_rows(root / resource["path"])) - 1, f"rows lost in {name}"
        ftype = next(f["type"] for f in TABLES[table]["schema"]["fields"] if f["name"] == field)
        if ftype == "string":
            got = ds.tables[table].iloc[row][field]
            assert (got == value) if value else (got is None or got != got), f"{table}.{field} changed on load"
