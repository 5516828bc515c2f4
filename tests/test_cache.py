"""The load cache (helpers.cache): a warm load gives the same tables without validating; any change to a
cell, the descriptor or the code misses; a broken package still raises every problem; the data folder
is never written to; an unreadable entry is a miss, never an error."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import helpers
from conftest import FIXTURES, problems_of, read_rows, set_cell
from helpers.data import cache, validate

ROW_COUNTS = json.loads((FIXTURES.parent / "expected_row_counts.json").read_text(encoding="utf-8"))
BAD_DATE = ("events.csv:2:date: '1937-02-30' is not an EDTF date "
            "(use 1937-09-04, 1937-09, 1937, 1938-07-12?, 1936-12~ or 1940-04/1940-05)")


@pytest.fixture
def validations(monkeypatch) -> list[Path]:
    """The folders that load() validated in full (each call of validate.check), in order."""
    calls: list[Path] = []
    real = validate.check

    def counting(raw):
        calls.append(raw.root)
        return real(raw)

    monkeypatch.setattr(validate, "check", counting)
    return calls


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_a_second_load_comes_from_the_cache_with_the_same_tables(data_copy, cache_dir, validations):
    first = helpers.load(data_copy)
    second = helpers.load(data_copy)
    assert len(validations) == 1
    assert len(entries(cache_dir)) == 1
    assert sorted(second.tables) == sorted(first.tables)
    for name in first.tables:
        pd.testing.assert_frame_equal(second.tables[name], first.tables[name], check_exact=True)
    assert second.row_counts().to_dict() == ROW_COUNTS


def test_a_changed_cell_of_the_same_length_misses_the_cache(data_copy, cache_dir, validations):
    helpers.load(data_copy)
    name = read_rows(data_copy / "people.csv")[1][1]
    assert name == "Abram Slutsky"
    set_cell(data_copy, "people.csv", 2, "name", "Abram Slutskx")  # same size, same mtime second
    ds = helpers.load(data_copy)
    assert len(validations) == 2
    assert ds.people.name.iloc[0] == "Abram Slutskx"
    assert len(entries(cache_dir)) == 2


def test_a_changed_descriptor_misses_the_cache(data_copy, cache_dir, validations):
    helpers.load(data_copy)
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = "another title"
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert helpers.load(data_copy).descriptor["title"] == "another title"
    assert len(validations) == 2


def test_other_helpers_code_misses_the_cache(data_copy, cache_dir, validations, monkeypatch):
    helpers.load(data_copy)
    monkeypatch.setattr(cache, "code_version", lambda: "a changed validate.py")
    helpers.load(data_copy)
    assert len(validations) == 2
    assert len(entries(cache_dir)) == 2


def test_a_package_broken_after_a_cached_load_raises_the_same_problems(data_copy, cache_dir, validations):
    helpers.load(data_copy)
    set_cell(data_copy, "events.csv", 2, "date", "1937-02-30")
    assert problems_of(data_copy) == [BAD_DATE]
    assert problems_of(data_copy) == [BAD_DATE]  # a failure is never stored: validated again
    assert len(validations) == 3
    assert len(entries(cache_dir)) == 1


def test_loading_writes_nothing_into_the_data_folder(data_copy, cache_dir):
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    helpers.load(data_copy)
    helpers.load(data_copy)
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before
    assert len(entries(cache_dir)) == 1


def test_an_unreadable_entry_is_a_miss_and_is_replaced(data_copy, cache_dir, validations):
    helpers.load(data_copy)
    [entry] = entries(cache_dir)
    entry.write_bytes(b"not a pickle")
    assert helpers.load(data_copy).row_counts()["events"] == ROW_COUNTS["events"]
    helpers.load(data_copy)
    assert len(validations) == 2  # the broken entry cost one validation; the rewritten one is read


def test_the_cache_can_be_turned_off(data_copy, tmp_path, monkeypatch, validations):
    monkeypatch.setenv("BLACKWORK_CACHE", "off")
    helpers.load(data_copy)
    helpers.load(data_copy)
    assert len(validations) == 2
    assert cache.folder() is None


def test_the_folder_keeps_the_newest_entries(data_copy, mini, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    helpers.load(mini)
    helpers.load(data_copy)
    set_cell(data_copy, "people.csv", 2, "name", "Abram Slutskx")
    helpers.load(data_copy)
    assert len(entries(cache_dir)) == 2
    assert cache.get(cache.key(mini)) is None  # the oldest went
    assert cache.get(cache.key(data_copy))[1]["people"].name.iloc[0] == "Abram Slutskx"


def test_a_package_without_a_readable_descriptor_has_no_key(data_copy):
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    assert cache.key(data_copy) is None
    (data_copy / "datapackage.json").unlink()
    assert cache.key(data_copy) is None


def test_no_key_for_a_package_naming_a_file_outside_its_folder_or_not_a_file(data_copy, tmp_path):
    import json
    import os

    assert cache.key(data_copy) is not None
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../outside.csv"
    (tmp_path / "outside.csv").write_text("a\n1\n", encoding="utf-8")
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert cache.key(data_copy) is None          # never read outside the package's folder
    descriptor["resources"][0]["path"] = "pipe.csv"
    os.mkfifo(data_copy / "pipe.csv")
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert cache.key(data_copy) is None          # a pipe is never opened (it would block)
