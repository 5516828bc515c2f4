"""A reader's vocabulary: tables name things in words, never by the code's ids, code words or
snake_case headers (issue 25). The expected words are read off datapackage.json and the CSVs by hand."""
import ast
import json
import re

import matplotlib
import pandas as pd
import pytest

from helpers import paths, style
from helpers.figures import labels


def test_headers_dates_and_source_titles_in_words():
    assert labels.header("other_date") == "Other date" and labels.header("claimed_by") == "Claimed by"
    assert labels.header("lag_min") == "Lag (days, min)" and labels.header("holders_per_year") == "Holders per year"
    assert labels.header("country_name") == "Country" and labels.header("post") == "Post"
    assert labels.date("1937-09-22/") == "from 22 Sep 1937" and labels.date("/1937") == "until 1937"
    assert labels.date("1934/1934-12-29") == "1934 – 29 Dec 1934" and labels.date("1920-11~") == "about Nov 1920"
    assert labels.date("1917-12-20 or 1918-08-22 (ref.)") == "20 Dec 1917 or 22 Aug 1918 (ref.)"
    assert labels.date("see https://x.org/a/1937-09-04") == "see https://x.org/a/1937-09-04"  # addresses untouched
    assert labels.date("3 of 17") == "3 of 17" and labels.date("1938") == "1938"
    assert labels.short_title('Case File #0121 — NKVD Black Work ("chernaya rabota")') == "Case file #0121"
    assert labels.short_title("Reference facts: Soviet secret police (Cheka/GPU/OGPU/NKVD/NKGB), 1917–1941") == "Reference facts"


def test_ids_of_the_data_package_by_their_names(ds):
    known = labels.words(ds)
    # sources.csv, people.csv, organisations.csv, positions.csv and events.csv, read by hand
    assert known["case-file-0121"] == "Case file #0121" and known["reference-facts"] == "Reference facts"
    assert known["nikolai-yezhov"] == "Nikolai Yezhov" and known["abkhazia-ssr"] == "Abkhaz Soviet Socialist Republic"
    assert known["abram-slutsky--foreign-department-head"].startswith("Abram Slutsky, ")
    assert known["katyn-1940"] == "Katyn killings of Polish prisoners"
    assert labels.cell("nkvd", known) == known["nkvd"] != "nkvd"  # an id of one word, alone in its cell
    assert labels.cell("the nkvd files", known) == "the nkvd files"  # but a word inside a text
    # in a figure's label a source is named as in a sentence
    assert labels.figure_text("Red Terror: at least 2,000 (case-file-0121)", known) == "Red Terror: at least 2,000 (case file)"


def test_a_frame_in_words_keeps_numbers_and_drops_an_id_its_title_repeats():
    known = {"case-file-0121": "Case file #0121", "miller-kidnapping": "Miller kidnapped", "nkvd": "NKVD"}
    frame = pd.DataFrame({"event_id": ["miller-kidnapping"], "title": ["Miller kidnapped"], "acting": [False],
                          "changed": [True], "fate": ["died_in_custody"], "other_date": ["1937-09-22/"],
                          "note": ["case-file-0121 says so"], "deaths": [3]})
    shown = labels.frame(frame, known)
    assert list(shown.columns) == ["Title", "Acting", "Changed", "Fate", "Other date", "Note", "Deaths"]
    assert shown.iloc[0].tolist() == ["Miller kidnapped", "", "yes", "died in custody", "from 22 Sep 1937",
                                      "Case file #0121 says so", 3]


def test_the_table_keeps_its_own_markup_and_the_data_unchanged():
    frame = pd.DataFrame({"claimed_by": ["reference-facts"], "source": ['<a href="s.html">s</a>']})
    shown = style.table(frame, "T", markup=["source"], words={"reference-facts": "Reference facts"})
    page = shown._repr_html_()
    assert ">Claimed by<" in page and ">Reference facts<" in page and '<a href="s.html">s</a>' in page
    assert shown.frame.claimed_by.tolist() == ["reference-facts"]  # the data keeps its ids


def _tables(notebook: str) -> list:
    """Every style.table a notebook shows, from running its code cells in this process on the real data."""
    matplotlib.use("Agg")
    import IPython.display
    import matplotlib.pyplot as plt

    shown, real = [], IPython.display.display
    IPython.display.display = lambda *objs, **kw: shown.extend(o for o in objs if isinstance(o, style.Table))
    scope: dict = {"__name__": "__main__"}
    try:
        cells = json.loads((paths.NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            tree = ast.parse("".join(cell["source"]))
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, notebook, "exec"), scope)
            value = eval(compile(ast.Expression(last.value), notebook, "eval"), scope) if last else None
            shown.extend([value] if isinstance(value, style.Table) else [])
            plt.close("all")
    finally:
        IPython.display.display = real
    return shown


#: What a reader must not meet in a table's header or cell.
SNAKE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")
OPEN_INTERVAL = re.compile(r"(?<![\w/])\d{4}(?:-\d\d){0,2}[~?%]?/(?![\w/])|(?<![\w/])/\d{4}")
TRUTH = {"True", "False"}


#: The reports whose tables this test runs; 02 and 03 take minutes in one process, so their 18 tables
#: were run through the same check by hand when the vocabulary was made.
@pytest.mark.parametrize("notebook", ["00-data-overview", "01-purge-cadence", "04-operations-abroad", "05-networks",
                                      "start-here"])
def test_no_table_a_report_shows_holds_ids_codes_or_snake_case(notebook, ds, monkeypatch):
    monkeypatch.chdir(paths.NOTEBOOKS)
    tables = _tables(notebook)
    assert len(tables) >= {"00-data-overview": 8, "01-purge-cadence": 12, "04-operations-abroad": 5, "05-networks": 4, "start-here": 3}[notebook]
    ids = set(labels.words(ds))
    found = []
    for t in tables:
        shown = t._shown()
        found += [(t.name, "header", h) for h in shown.columns if "_" in str(h)]
        for col in shown.columns:
            for v in shown[col].astype(str):
                if v in ids or v in TRUTH or SNAKE.match(v) or OPEN_INTERVAL.search(v) or re.search(r"case-file-\d|reference-facts", v):
                    found.append((t.name, col, v))
    assert found == []
