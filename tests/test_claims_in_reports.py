"""Every number a report states is a claim (read from the committed notebooks' outputs, which nbval
proves reproduce): its SQL gives its value back on the SQLite export, every row it names is in the
data, the words that name its sources match its rows, and no number in the prose stands outside one
(years, dates, paragraph and section numbers aside)."""
from __future__ import annotations

import math
import re
import sqlite3

import nbformat
import pytest

from helpers import params, paths
from helpers.captions.claimed import END, MIME, START, TEXT
from helpers.evidence import claims as claims_

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
#: What may stand in prose without a claim: code (ids, values in backticks), dates and years,
#: paragraph and section numbers, ordinals of a list ('1.'), and the case file's own number.
ALLOWED = re.compile(
    r"`[^`]*`"                                            # code: ids, parameter values
    r"|\b\d{4}-\d{2}(?:-\d{2})?\b"                        # an ISO date or month
    rf"|\b\d{{1,2}} (?:{MONTHS})\b(?: \d{{4}})?"         # 4 Sep 1937, 21 August
    rf"|\b(?:{MONTHS}) \d{{4}}\b"                          # Sep 1937
    r"|\b(?:1[89]|20)\d{2}s?\b"                           # a year, a decade ('1930s')
    r"|¶\s?\d+|\bsection \d+\b|#0121"                     # a paragraph, a section, the case file
)
NUMBER = re.compile(r"\d[\d,.]*")


def _outputs(name: str):
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = out.get("data", {})
            if "text/markdown" in data:
                yield i, data.get(MIME), data["text/markdown"]


def _stray_numbers(text: str) -> list[str]:
    return NUMBER.findall(ALLOWED.sub(" ", text))


@pytest.fixture(scope="module")
def database(tmp_path_factory, ds):
    from helpers.build import sqlite

    path = tmp_path_factory.mktemp("claims") / "blackwork.sqlite"
    sqlite.write(ds, path)
    return sqlite3.connect(path)


@pytest.mark.parametrize("name", params.catalogue())
def test_no_number_in_the_prose_stands_outside_a_claim(name):
    stray = []
    for i, bundle, text in _outputs(name):
        prose = re.sub(f"{START}[^{END}]*{END}", " ", bundle["markdown"]) if bundle else text
        stray += [f"cell {i}: {n!r} in {prose[:120]!r}" for n in _stray_numbers(prose)]
    assert not stray, stray[:5]


@pytest.mark.parametrize("name", params.catalogue())
def test_every_claim_gives_its_value_back_and_names_real_rows(name, ds, database):
    found = 0
    for i, bundle, _ in _outputs(name):
        for claim in (bundle or {}).get("claims", []):
            found += 1
            got = database.execute(claim["sql"]).fetchone()
            value = claim["value"]
            if isinstance(value, dict):
                assert tuple(got) == (value["low"], value["high"]), (i, claim["id"], got)
            elif isinstance(value, float):
                assert math.isclose(got[0], value, rel_tol=1e-9), (i, claim["id"], got)
            else:
                assert got[0] == value, (i, claim["id"], got)
            for row in claim["rows"]:
                frame, key = claims_._table(ds, row["table"])
                ids = frame[key].astype(str).agg(claims_.KEY_JOIN.join, axis=1)
                assert row["id"] in set(ids), (claim["id"], row["table"], row["id"])
            if claim["scope"]:
                assert claim["scope"] == claims_.scope(claim["sources"]), (claim["id"], claim["scope"], claim["sources"])
    assert found, f"{name} states no claim"


def test_the_stray_number_check_finds_what_it_should():
    assert _stray_numbers("**12** events in 1937, 4 Sep 1937, `katyn-1940:massacre`, ¶5, section 3") == ["12"]
    assert _stray_numbers("from 1937-09-04 to 1938-11; the 1930s") == []
    assert _stray_numbers("between 40 and 44 of the 68 deaths") == ["40", "44", "68"]
