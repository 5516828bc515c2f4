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
