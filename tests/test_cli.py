"""`blackwork validate` as a newcomer meets it: counts when the data is fine, one line per problem when not."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import set_cell

BLACKWORK = str(Path(sys.executable).with_name("blackwork"))


def run(*args):
    return subprocess.run([BLACKWORK, *args], capture_output=True, text=True, timeout=120)


def test_validate_prints_row_counts(mini):
    out = run("validate", str(mini))
    assert out.returncode == 0, out.stderr
    assert "valid" in out.stdout and "events" in out.stdout and "11" in out.stdout


def test_a_broken_row_exits_1_naming_file_row_and_field_without_traceback(data_copy):
    set_cell(data_copy, "events.csv", 3, "date", "1937-02-30")
    out = run("validate", str(data_copy))
    assert out.returncode == 1
    assert "events.csv:3:date: '1937-02-30' is not an EDTF date" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_a_folder_without_a_package(tmp_path):
    out = run("validate", str(tmp_path))
    assert out.returncode == 1
    assert "datapackage.json is missing" in out.stderr and "Traceback" not in out.stderr


def test_report_with_broken_data_lists_the_problems_and_starts_nothing(data_copy, monkeypatch, capsys):
    from helpers import cli
    from helpers.build import pool

    set_cell(data_copy, "roles.csv", 2, "role", "victim")
    monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
    monkeypatch.setattr(pool, "run_pool", lambda *a, **k: pytest.fail("a notebook was run"))
    assert cli.main(["report", "--no-dossiers"]) == 1
    err = capsys.readouterr().err
    assert "roles.csv:2:role: 'victim' is not one of: subject, perpetrator" in err and "Traceback" not in err


class TestOptions:
    """Every option's value is checked before anything runs: one sentence, exit 1 (a value that is not a
    number at all stays argparse's: usage and exit 2)."""

    @pytest.mark.parametrize("argv, sentence", [
        (["report", "--timeout", "nan"], "--timeout got nan; it accepts a number of seconds above 0."),
        (["report", "--timeout", "inf"], "--timeout got inf; it accepts a number of seconds above 0."),
        (["report", "--timeout", "0"], "--timeout got 0; it accepts a number of seconds above 0."),
        (["report", "--timeout", "-1"], "--timeout got -1; it accepts a number of seconds above 0."),
        (["report", "--limit-dossiers", "-1"], "--limit-dossiers got -1; it accepts a number of dossiers, 1 or more."),
        (["report", "--limit-dossiers", "0"], "--limit-dossiers got 0; it accepts a number of dossiers, 1 or more."),
        (["report", "--jobs", "0"], "--jobs got 0; it accepts a number of worker processes, 1 or more."),
        (["report", "--jobs", "-2"], "--jobs got -2; it accepts a number of worker processes, 1 or more."),
        (["lab", "--port", "70000"], "--port got 70000; it accepts a port from 1 to 65535 (leave it out for any "
                                     "free one)."),
        (["lab", "--port", "-1"], "--port got -1; it accepts a port from 1 to 65535 (leave it out for any free one)."),
    ])
    def test_a_value_out_of_range_is_one_sentence(self, argv, sentence, monkeypatch, capsys):
        import helpers.build
        from helpers import cli
        from helpers.notebook import lab

        for module, name in ((helpers.build, "build"), (helpers.build, "run_one"), (lab, "main")):
            monkeypatch.setattr(module, name, lambda *a, **k: pytest.fail("it started"))
        assert cli.main(argv) == 1
        assert capsys.readouterr().err == f"blackwork {argv[0]}: {sentence}\n"

    @pytest.mark.parametrize("notebook", ["/etc/passwd", "../notebooks/01-purge-cadence.ipynb.bak",
                                          "scratch/01-purge-cadence.ipynb", "/tmp/01-purge-cadence.ipynb",
                                          "no-such-report"])
    def test_report_runs_only_a_catalogued_notebook(self, notebook, monkeypatch, capsys, tmp_path):
        """`blackwork report PATH` reads nothing outside the catalogue: not a system file, not a notebook of
        the same name elsewhere; the sentence lists the names it accepts and quotes none of the file."""
        import helpers.build
        from helpers import cli

        (tmp_path / "01-purge-cadence.ipynb").write_text("secret")
        monkeypatch.setattr(helpers.build, "run_one", lambda *a, **k: pytest.fail("it started"))
        assert cli.main(["report", notebook.replace("/tmp", str(tmp_path))]) == 1
        err = capsys.readouterr().err
        assert "is not one of the catalogued notebooks; choose one of: 00-data-overview, 01-purge-cadence" in err
        assert "root:" not in err and "secret" not in err and err.count("\n") == 1

    @pytest.mark.parametrize("notebook", ["01-purge-cadence", "01-purge-cadence.ipynb", "notebooks/01-purge-cadence.ipynb"])
    def test_report_takes_a_catalogued_notebook_by_name_or_its_path(self, notebook, monkeypatch):
        import helpers.build
        from helpers import cli
        from helpers.core import paths

        class Ran(Exception):
            pass

        def run_one(src, *args, **kwargs):
            raise Ran(src)

        monkeypatch.setattr(helpers.build, "run_one", run_one)
        monkeypatch.chdir(paths.ROOT)
        with pytest.raises(Ran) as ran:
            cli.main(["report", notebook])
        assert ran.value.args == (paths.NOTEBOOKS / "01-purge-cadence.ipynb",)

    def test_a_value_that_is_no_number_is_argparse_s_usage_and_exit_2(self, capsys):
        from helpers import cli

        with pytest.raises(SystemExit) as stop:
            cli.main(["report", "--jobs", "many"])
        err = capsys.readouterr().err
        assert stop.value.code == 2 and err.splitlines()[-1] == (
            "blackwork report: error: argument --jobs: invalid int value: 'many'") and "Traceback" not in err
