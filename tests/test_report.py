"""The report build: index, dossiers, parameters checked before any kernel starts, clean failure."""
import re
import zipfile

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import helpers
from helpers import ParameterError, cli, paths, report
from helpers.build import Built, catalogue, kernels

from conftest import read_rows, seed_site, write_rows

KERNEL = {"kernelspec": {"name": "blackwork", "display_name": "blackwork", "language": "python"}}
OVERVIEW = paths.NOTEBOOKS / "00-data-overview.ipynb"
DOSSIER = paths.NOTEBOOKS / "dossier.ipynb"
ROLE = "{download}`../../../../etc/passwd`"  # a MyST role that would publish a file of the machine
DIRECTIVE = "```{include} /etc/shadow```"
SUBSTITUTION = "{{ project }}"
SCRIPT = "<script>alert(1)</script>"
INJECTED = {"nikolai-yezhov", "lavrenty-beria", "genrikh-yagoda"}


def test_title_and_summary_come_from_the_first_markdown_cell():
    nb = new_notebook(cells=[new_code_cell("x = 1"),
                             new_markdown_cell("# Purge cadence\n\nWhen did it come,\nand how fast?\n\nMore.")])
    assert report.title_and_summary(nb) == ("Purge cadence", "When did it come, and how fast?")


def test_parameters_of_reads_the_injected_values():
    nb = new_notebook(cells=[
        new_code_cell("freq = 'month'\nscope = 'all'", metadata={"tags": ["parameters"]}),
        new_code_cell("freq = 'year'", metadata={"tags": ["injected-parameters"]}),
    ])
    assert report.parameters_of(nb) == {"freq": "year", "scope": "all"}


@pytest.mark.parametrize("text, pair", [
    ("freq=year", ("freq", "year")),
    ("first_year=1930", ("first_year", 1930)),
    ("include_alleged=False", ("include_alleged", False)),
    ("event_types=['execution', 'arrest']", ("event_types", ["execution", "arrest"])),
    ("person=Nikolai Yezhov", ("person", "Nikolai Yezhov")),
])
def test_command_line_parameters_are_literals_or_text(text, pair):
    assert report.parse_parameter(text) == pair


def test_index_escapes_text_from_the_data():
    page = report.index_html([Built(name="x", title="<script>alert(1)</script>", summary="a & b", html="x.html")],
                             [Built(name="p", title="", summary="", html="dossiers/p.html", label="<b>Bad</b>")],
                             {"people": 3}, "abc123", "2026-01-01T00:00:00+00:00", {"p": "executed"})
    assert "<script>alert(1)</script>" not in page and "<b>Bad</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "a &amp; b" in page and "&lt;b&gt;Bad" in page


def test_main_notebooks_are_the_catalogued_ones_in_name_order_without_the_dossier(tmp_path):
    for name in ("Untitled.ipynb", "01-purge-cadence-Copy1.ipynb", "dossier.ipynb", "03-fates-of-officials.ipynb",
                 "00-data-overview.ipynb"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in report.notebooks(tmp_path)] == ["00-data-overview.ipynb", "03-fates-of-officials.ipynb"]
    assert [p.stem for p in report.notebooks()] == ["00-data-overview", "01-purge-cadence", "02-leadership-turnover",
                                                   "03-fates-of-officials", "04-operations-abroad", "05-networks", "start-here"]


def test_the_build_passes_every_declared_parameter_so_an_autosaved_value_changes_nothing(tmp_path):
    dataset = helpers.load()
    reports, dossiers = report.plan(cli.inputs(), dataset, limit=1)
    cadence = next(j for j in reports if j.name == "01-purge-cadence")
    assert cadence.parameters == {"data_dir": "", "start": 1917, "end": 1941, "freq": "month", "event_types": [],
                                  "scope": "all", "include_alleged": True, "rule": "exclude"}
    assert dossiers[0].parameters == {"data_dir": "", "person": dossiers[0].name}
    assert report.explicit(OVERVIEW, {"last_year": 1938}) == {"data_dir": "", "first_year": 1917, "last_year": 1938}


def test_the_build_plans_the_dossiers_it_is_given_under_the_names_it_is_given():
    import pandas as pd

    given = report.Inputs(dossiers=lambda ds: pd.DataFrame({"person_id": ["nikolai-yezhov"], "name": ["N. Yezhov"]}),
                          file_name=lambda pid: f"{pid}-page.html", register=None, network=None)
    _, dossiers = report.plan(given, helpers.load())
    assert [(j.name, j.html, j.label) for j in dossiers] == [("nikolai-yezhov", "dossiers/nikolai-yezhov-page.html",
                                                             "N. Yezhov")]


def test_make_notebooks_refuses_a_parameters_cell_changed_in_lab(monkeypatch, tmp_path):
    nb = nbformat.read(paths.NOTEBOOKS / "01-purge-cadence.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace('freq = "month"', 'freq = "quarter"')
    nbformat.write(nb, tmp_path / "01-purge-cadence.ipynb")
    monkeypatch.setattr(catalogue, "notebooks", lambda folder_=None, only=None: [tmp_path / "01-purge-cadence.ipynb"])
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    with pytest.raises(ParameterError) as err:
        report.execute_in_place(only=["01"])
    assert str(err.value) == ("notebooks/01-purge-cadence.ipynb sets `freq` = 'quarter' in its parameters cell, but "
                              "its declared default is 'month'. Put the declared value back (or change "
                              "helpers.params) and run again.")


def test_a_wrong_parameter_name_fails_before_any_kernel_starts(monkeypatch):
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    with pytest.raises(ParameterError) as err:
        report.run_one(OVERVIEW, {"freq": "year"})
    assert str(err.value) == "00-data-overview has no parameter `freq`; it accepts: data_dir, first_year, last_year."


def test_a_wrong_parameter_is_said_even_while_another_build_holds_the_lock(tmp_path, monkeypatch):
    # The check writes nothing, so it needs no lock: a fresh run had this test's neighbours meet another worker's
    # build and say "Another build is writing reports/" instead of the parameter's sentence.
    from helpers.build import store
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    target = tmp_path / "reports"
    target.mkdir()
    with store.lock(target), pytest.raises(ParameterError) as err:
        report.run_one(OVERVIEW, {"freq": "year"}, target=target)
    assert str(err.value) == "00-data-overview has no parameter `freq`; it accepts: data_dir, first_year, last_year."


def test_a_wrong_parameter_value_fails_before_any_kernel_starts(monkeypatch, capsys):
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    assert cli.main(["report", "00-data-overview", "-p", "last_year=1850"]) == 1
    err = capsys.readouterr().err
    assert "Parameter `last_year` got 1850; it accepts a value from 1917 to 2000." in err
    assert "Traceback" not in err


def test_an_unknown_person_fails_before_any_kernel_starts(monkeypatch):
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    with pytest.raises(ParameterError, match=r"Parameter `person` got 'Yezhof', which names no person in the data; "
                                             r"did you mean Nikolai Yezhov"):
        report.run_one(DOSSIER, {"person": "Yezhof"})


def test_one_notebook_with_other_parameters_goes_to_its_own_report(tmp_path):
    built = report.run_one(OVERVIEW, {"first_year": 1930, "last_year": 1940}, target=tmp_path)
    assert built.error is None and built.html == "runs/00-data-overview--first_year-1930--last_year-1940.html"
    page = (tmp_path / built.html).read_text(encoding="utf-8")
    assert "between 1930 and 1940" in page


def test_a_dossier_found_by_a_romanisation_shows_blanks_and_says_an_empty_section_in_words(tmp_path):
    built = report.run_one(DOSSIER, {"person": "Zborovsky"}, target=tmp_path)  # the data: Zborowski
    page = (tmp_path / built.html).read_text(encoding="utf-8")
    assert built.error is None and "<title>Mark Zborowski</title>" in page  # the person's name, not the notebook's
    # his trial (events.csv mark-zborowski-trial) by its title, not its id
    assert re.search(r"<h1[^>]*>Mark Zborowski", page) and "Perjury conviction of Mark Zborowski" in page
    assert "mark-zborowski-trial" not in re.sub(r'(href|id|popovertarget)="[^"]*"', "", page)
    # his two posts have no recorded end or end reason for three cells: blanks, never None/NaT/<NA>
    assert not re.search(r">\s*(None|NaT|&lt;NA&gt;|nan)\s*<", page) and "12:00:00" not in page
    assert "No event that happened to this person carries an official story or a rival account." in page
    assert page.count("<table") == 4  # aliases, posts, events, disagreements: no empty table for accounts


def test_the_build_writes_every_report_and_dossier_into_the_index_and_shows_data_as_text(
        data_copy, tmp_path, monkeypatch):
    """One build of the whole site (the slowest thing a test does) checks the index and that text from
    the data can never become markup: three names and notes carry a script tag. Sorted by name, '<'
    comes before any letter, so the first of them (Genrikh Yagoda) is the dossier a build limited to
    one makes. Four reports are stored as an earlier build left them (their keys current), so this
    build runs 00, 01, 05 and the dossier and takes the others from the store, as a build does."""
    people = read_rows(data_copy / "people.csv")
    header = people[0]
    for row in people[1:]:
        if row[header.index("person_id")] in INJECTED:
            row[header.index("name")] = f"{SCRIPT} {ROLE} {row[header.index('name')]}"
            row[header.index("notes")] = f"{SCRIPT} {DIRECTIVE} {SUBSTITUTION}"
    write_rows(data_copy / "people.csv", people)
    monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
    target = tmp_path / "reports"
    stored = ("02-leadership-turnover", "03-fates-of-officials", "04-operations-abroad", "start-here")
    seed_site(target, {name: name for name in stored})
    reports, dossiers = report.build(cli.inputs(), target=target, only=None, limit=1, jobs=2)
    index = (target / "index.html").read_text(encoding="utf-8")
    register = (target / "people.html").read_text(encoding="utf-8")
    assert sorted(b.name for b in reports + dossiers if b.cached) == sorted(stored)
    for b in reports + dossiers:
        assert b.error is None and (target / b.html).exists()
        assert f'href="{b.html}"' in (register if b in dossiers else index)
    assert {b.name for b in reports} == {p.stem for p in report.notebooks()}
    assert [b.name for b in dossiers] == ["genrikh-yagoda"]
    assert "<td>1891–1938</td><td>executed</td>" in register  # born 19 Nov 1891, shot 15 Mar 1938
    page = (target / "00-data-overview.html").read_text(encoding="utf-8")
    assert "Events per year" in page and "helpers.load(data_path)" not in page   # code hidden
    for name in ("blackwork-data.zip", "blackwork.sqlite", "places.geojson", "network.gexf", "claims.json"):
        assert f'href="downloads/{name}"' in index and (target / "downloads" / name).stat().st_size > 0
    with zipfile.ZipFile(target / "downloads" / "blackwork-data.zip") as archive:
        assert {"blackwork-data/datapackage.json", "blackwork-data/events.csv"} <= set(archive.namelist())
    for html in [b.html for b in reports + dossiers] + ["index.html", "people.html"]:
        assert SCRIPT not in (target / html).read_text(encoding="utf-8"), html
    yagoda = (target / "dossiers" / "genrikh-yagoda.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in yagoda
    # a MyST role, a directive and a substitution in a name and a note are text: no file of the machine is
    # published, and the words show as written
    assert not [p for p in target.rglob("*") if "passwd" in p.name]
    assert "../../../../etc/passwd" in yagoda and "/etc/shadow" in yagoda and "{{ project }}" in yagoda
    # fit to publish offline: nothing fetched from another host, real titles, alt text on every figure
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fetched = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", text)
        assert not fetched and not re.search(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", text), page.name
        assert "<title>Notebook</title>" not in text, page.name
        images = re.findall(r"<img\b[^>]*>", text)
        assert all(re.search(r'alt="[^"_]', img) and "No description" not in img for img in images), page.name
    assert "<title>The cadence of the purges &#8212; blackwork</title>" in (target / "01-purge-cadence.html").read_text(
        encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; {download}`../../../../etc/passwd` Genrikh Yagoda &#8212; blackwork</title>" in yagoda
    cadence = (target / "01-purge-cadence.html").read_text(encoding="utf-8")
    assert 'alt="1. Events over time, under each head of the secret police. What to see: ' in cadence
    # his surname in report 02 links to his dossier; the register lists him
    assert '<a class="person" href="dossiers/genrikh-yagoda.html">Yagoda</a>' in (
        target / "02-leadership-turnover.html").read_text(encoding="utf-8")
    assert (target / "search.html").exists() and "yagoda" in (target / "searchindex.js").read_text(encoding="utf-8")
    # Built again with nothing changed: nothing runs, the site is not rebuilt, the pages are the same.
    before = {p: p.read_bytes() for p in target.rglob("*.html")}
    again = report.build(cli.inputs(), target=target, only=None, limit=1, jobs=2)
    assert all(b.cached for b in again[0] + again[1])
    assert {p: p.read_bytes() for p in target.rglob("*.html")} == before


def test_a_failing_notebook_leaves_the_previous_build_intact_and_is_told_in_one_paragraph(tmp_path, monkeypatch,
                                                                                          capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Broken\n\nFails on purpose."), new_code_cell("x = 1"),
                             new_code_cell("raise ValueError('no such era')")], metadata=KERNEL)
    nbformat.write(nb, folder / "98-broken.ipynb")
    target = tmp_path / "reports"
    target.mkdir()
    (target / "index.html").write_text("previous good build", encoding="utf-8")
    monkeypatch.setattr(catalogue, "notebooks", lambda folder_=None, only=None: sorted(folder.glob("*.ipynb")))
    monkeypatch.setattr(paths, "REPORTS", target)
    assert cli.main(["report", "--no-dossiers"]) == 1
    out = capsys.readouterr()
    assert "FAILED 98-broken: cell 3: ValueError: no such era. Its HTML, with the failing cell, is " \
           "reports-failed/98-broken.html." in out.err
    assert "0 reports and 0 dossiers built, 1 failed" in out.out and "Traceback" not in out.err
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert "no such era" in (tmp_path / "reports-failed" / "98-broken.html").read_text(encoding="utf-8")
