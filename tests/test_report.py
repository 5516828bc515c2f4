"""The report build: the index lists every report with its title, escaped; a failure keeps the last good build."""
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import report
from helpers.report import Built


def test_title_and_summary_come_from_the_first_markdown_cell():
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_markdown_cell("# Purge cadence\n\nWhen did it come?\n\nMore.")])
    assert report.title_and_summary(nb) == ("Purge cadence", "When did it come?")


def test_parameters_of_reads_the_injected_values():
    nb = new_notebook(cells=[
        new_code_cell("freq = 'month'\nscope = 'all'", metadata={"tags": ["parameters"]}),
        new_code_cell("freq = 'year'", metadata={"tags": ["injected-parameters"]}),
    ])
    assert report.parameters_of(nb) == {"freq": "year", "scope": "all"}


def test_index_escapes_text_from_the_data():
    page = report.index_html([Built(name="x", title="<script>alert(1)</script>", summary="a & b", html="x.html")],
                             {"people": 3}, "abc123", "2026-01-01T00:00:00+00:00")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "a &amp; b" in page


def test_notebooks_are_found_in_name_order():
    names = [p.name for p in report.notebooks()]
    assert names == sorted(names) and "00-data-overview.ipynb" in names


def test_build_renders_the_overview_and_an_index(tmp_path):
    target = tmp_path / "reports"
    built = report.build(target=target, only=["00-data-overview"])
    assert [b.error for b in built] == [None]
    index = (target / "index.html").read_text(encoding="utf-8")
    assert 'href="00-data-overview.html"' in index and "What the data covers" in index
    page = (target / "00-data-overview.html").read_text(encoding="utf-8")
    assert "Events per year" in page and "helpers.load(data_path)" not in page   # code hidden


def test_a_failing_notebook_leaves_the_previous_build_intact(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Broken\n\nFails on purpose."), new_code_cell("1 / 0")],
                      metadata={"kernelspec": {"name": "blackwork", "display_name": "blackwork", "language": "python"}})
    nbformat.write(nb, folder / "99-broken.ipynb")
    target = tmp_path / "reports"
    target.mkdir()
    (target / "index.html").write_text("previous good build", encoding="utf-8")
    monkeypatch.setattr(report.paths, "NOTEBOOKS", folder)
    monkeypatch.setattr(report, "notebooks", lambda only=None: sorted(folder.glob("*.ipynb")))
    built = report.build(target=target)
    assert built[0].error == "cell 2: ZeroDivisionError: division by zero"
    assert (target / "index.html").read_text(encoding="utf-8") == "previous good build"
    failed = tmp_path / "reports-failed" / "99-broken.html"
    assert "ZeroDivisionError" in failed.read_text(encoding="utf-8")
