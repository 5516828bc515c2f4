"""Every number a report states is a claim (read from the committed notebooks' outputs, which nbval
proves reproduce): its SQL gives its value back on the SQLite export, every row it names is in the
data, the words that name its sources match its rows, and no number in the prose stands outside one
(years, dates, paragraph and section numbers aside)."""
from __future__ import annotations

import math
import re

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


#: How a sentence names a source by name, and how it says another source is in it too.
NAMED = {"case-file-0121": re.compile(r"case file|case-file", re.I), "reference-facts": re.compile(r"reference", re.I)}
ALSO = {"reference-facts": re.compile(r"national|another source|second source|other source", re.I)}
#: A reading's label ("another reading changes it: case file only") names a reading, not the claim's scope.
READING_LABEL = re.compile(r"another reading changes it:[^)]*|case file only", re.I)


def _plain(text: str) -> str:
    """Marked prose as a reader reads it: each claim's text without its markers."""
    return re.sub(f"{START}[^{TEXT}]*{TEXT}([^{END}]*){END}", r"\1", text)


def _cuts(text: str) -> list[int]:
    """Where `text`'s clauses end: after '. ' or '; ' outside parentheses, a line break, a table cell."""
    cuts, depth = [], 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in "\n|" or (ch in ".;" and depth <= 0 and text[i + 1: i + 2] == " "):
            cuts.append(i + 1)
    return cuts


def _sentence_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds text[start:end] (`_cuts`)."""
    cuts = _cuts(text)
    return text[max([c for c in cuts if c <= start], default=0): min([c for c in cuts if c > end], default=len(text))]


def _misnamed(bundle: dict) -> tuple[int, list[str]]:
    """The claims of one output whose sentence names one source by name while their rows come from
    another it does not mention; and how many claims were read."""
    wrong, seen = [], 0
    by_name = {c["name"]: c for c in bundle["claims"]}
    prose = bundle["markdown"]
    for m in re.finditer(f"{START}([^{TEXT}]*){TEXT}([^{END}]*){END}", prose):
        claim = by_name[m.group(1)]
        before = _plain(prose[:m.start()])
        plain = before + m.group(2) + _plain(prose[m.end():])
        sentence = READING_LABEL.sub(" ", _sentence_around(plain, len(before), len(before) + len(m.group(2))))
        named = {s for s, words in NAMED.items() if words.search(sentence)}
        told = named | {s for s, words in ALSO.items() if words.search(sentence)}
        seen += 1
        if len(named) == 1 and set(claim["sources"]) - {"curators"} - told:
            wrong.append(f"{claim['id']} rests on {sorted(claim['sources'])} under {sentence.strip()[:140]!r}")
    return seen, wrong


@pytest.mark.parametrize("name", params.catalogue())
def test_no_sentence_names_one_source_over_a_claim_whose_rows_include_another(name):
    """Scope by construction, read as a reader reads it: a sentence around a claim that names only
    the case file (or only the reference) sits over a claim whose rows come from that source alone."""
    seen, wrong = 0, []
    for i, bundle, _ in _outputs(name):
        if bundle:
            n, bad = _misnamed(bundle)
            seen, wrong = seen + n, wrong + [f"cell {i}: {w}" for w in bad]
    assert seen, f"{name}: no claim in the prose"
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_the_case_files_name_over_the_references_rows():
    """The reading's own error (issue 23): "the case file's 41 killings" over 12 rows only the
    reference gives is found; the same count said "with the reference's" is not."""
    claim = {"name": "k", "id": "p/k", "sources": ["case-file-0121", "reference-facts"]}
    said = lambda text: {"claims": [claim], "markdown": text.replace("41", f"{START}k{TEXT}41{END}")}
    assert _misnamed(said("The case file follows its victims: 41 domestic killings."))[1]
    assert not _misnamed(said("The case file and the reference give 41 domestic killings."))[1]
    assert not _misnamed(said("Another source dates 41 killings otherwise."))[1]
    assert _misnamed(said("In the reference, 41 killings; the case file gives 29."))[1]


def test_the_sentence_check_reads_the_sentence_of_the_claim():
    text = "Before. The case file gives 12 of 29 killings (9 in 1937; 3 later); the reference adds 9."
    at = text.index("12")
    assert _sentence_around(text, at, at + 2).strip() == "The case file gives 12 of 29 killings (9 in 1937; 3 later);"
