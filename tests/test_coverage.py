"""Coverage of the sources: every section coded, every spelling found, every locator real, no prose copied,
and the row counts pinned in tests/expected_row_counts.json so that any change shows in review."""
import json
import re
import sys
from pathlib import Path

import pytest

import helpers
from helpers import paths

SOURCES = paths.ROOT.parent / "shared" / "sources"
#: The sources' sections, hashed eight-word runs and cited pages (tools/source_prints.py): no text of
#: theirs, so the tests below run where the sources are not (CI on a clean clone).
PRINTS = json.loads((Path(__file__).parent / "fixtures" / "source_prints.json").read_text(encoding="utf-8"))


def test_row_counts_are_the_reviewed_ones(ds):
    expected = json.loads((Path(__file__).parent / "expected_row_counts.json").read_text())
    assert ds.row_counts().to_dict() == expected, "update tests/expected_row_counts.json in the same commit as the data"


def test_every_section_of_the_case_file_has_an_event(ds):
    cited = ds.events.locator.str.extract(r"^(?P<section>.+) ¶\d+$")["section"]
    missing = set(ds.sections.section) - set(cited)
    assert not missing


def test_every_alias_resolves_to_its_person(ds):
    wrong = [(a.alias, a.person_id, ds.find_person(a.alias)) for a in ds.aliases.itertuples()
             if ds.find_person(a.alias) != a.person_id]
    assert not wrong


def test_every_event_has_a_person_or_is_context(ds):
    without = set(ds.events.event_id) - set(ds.roles.event_id)
    assert not without


@pytest.mark.parametrize("spelling, person_id", [
    # spellings as the case file prints them (section and paragraph in the comment of each)
    ("Dzerzinsky", "felix-dzerzhinsky"),        # Introduction ¶3
    ("Iron Felix", "felix-dzerzhinsky"),        # Introduction ¶3
    ("Lokoba", "nestor-lakoba"),                # The Poisoning of Nestor Lakoba ¶1
    ("Loboka", "nestor-lakoba"),                # The Poisoning of Nestor Lakoba ¶2
    ("Yezkov", "nikolai-yezhov"),               # The Assassination of Abram Slutsky ¶2
    ("Yehov", "nikolai-yezhov"),                # The Fall of Yezhov ¶4
    ("Spegielglas", "sergei-spiegelglas"),      # The Assassination of Abram Slutsky ¶3
    ("Agronov", "yakov-agranov"),               # The Fall of Genrikh Yagoda ¶2
    ("Atruzov", "artur-artuzov"),               # The Assassination of Sergey Kirov ¶5
    ("Mercador", "ramon-mercader"),             # The Assassination of Leon Trotsky ¶5
    ("Riess", "ignace-reiss"),                  # The Assassination of Ignace Reiss ¶2
    ("Munzenberg", "willi-munzenberg"),         # The Death of Willi Münzenberg ¶1
    ("Lisa Gorskaya", "elisabeth-zarubina"),    # The Arrest and Execution of Yakov Blumkin ¶4
    ("Etienne", "mark-zborowski"),              # The Murder of Rudolf Klement ¶1
    ("LETCHIK", "vladimir-pravdin"),            # The Assassination of Ignace Reiss ¶2
    ("Pavel Gridgdenko", "pavel-sudoplatov"),   # The Assassination of Yevhen Konovalets ¶3
    ("Ludwig", "ignace-reiss"),                 # The Assassination of Ignace Reiss ¶1
    ("Eberhardt", "ignace-reiss"),              # The Assassination of Ignace Reiss ¶3
    ("Koba", "joseph-stalin"),                  # The Poisoning of Nestor Lakoba ¶1
    ("the Turk", "the-turk"),                   # The Murder of Rudolf Klement ¶2
])
def test_the_case_files_spellings_resolve(ds, spelling, person_id):
    assert ds.find_person(spelling) == person_id


def test_sections_match_the_case_file():
    table = helpers.load().sections.sort_values("order")
    assert [[name, n] for name, n in zip(table.section, table.paragraphs)] == PRINTS["sections"]


def test_the_source_prints_are_made_from_the_sources():
    """Where the sources are (../shared/sources), the committed prints are theirs; anywhere, they are whole
    (19 sections, thousands of runs, the reference's pages)."""
    assert len(PRINTS["sections"]) == 19 and len(PRINTS["runs"]) > 5000 and len(PRINTS["reference_pages"]) > 100
    if (SOURCES / "locate.py").exists():
        sys.path.insert(0, str(paths.ROOT / "tools"))
        import source_prints

        assert json.loads(json.dumps(source_prints.prints(SOURCES))) == PRINTS, "run tools/source_prints.py"


def _copied(files, runs: set[str], headings: list[str], n: int = 8) -> list[str]:
    """file:line of every line holding a run of `n` words whose hash is in `runs` (headings aside)."""
    sys.path.insert(0, str(paths.ROOT / "tools"))
    from source_prints import run_hash, words

    copied = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for heading in headings:  # locators cite headings; that is not copying
                line = line.replace(heading, " ")
            w = words(line)
            if any(run_hash(w[i:i + n]) in runs for i in range(len(w) - n + 1)):
                copied.append(f"{path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path}:{number}")
    return copied


def test_no_sentence_of_the_case_file_is_copied():
    """No eight-word run of the case file's paragraphs appears in the data, the code, the notebooks or the docs."""
    files = [*paths.ROOT.glob("data/*.csv"), *paths.ROOT.glob("src/helpers/**/*.py"),
             *paths.ROOT.glob("notebooks/*.ipynb"), *paths.ROOT.glob("tests/**/*.py"), paths.ROOT / "README.md",
             *paths.ROOT.glob("docs/*.md")]
    assert not _copied(files, set(PRINTS["runs"]), [name for name, _ in PRINTS["sections"]])


def test_the_copy_check_finds_a_copied_run(tmp_path):
    sys.path.insert(0, str(paths.ROOT / "tools"))
    from source_prints import run_hash

    page = tmp_path / "page.md"
    page.write_text("one two three four five six seven eight nine\nother words here\n", encoding="utf-8")
    runs = {run_hash("two three four five six seven eight nine".split())}
    assert _copied([page], runs, []) == [f"{page}:1"]
    assert _copied([page], runs, ["two three four"]) == []  # a heading is cited, not copied
