"""What is derived from loaded data is memoised per process per data checksum (`Dataset.memo`): a
second load of the same package gets the fates, views and findings computed for the first without
computing them again; a changed file is another checksum and gets its own; a Dataset made otherwise
(no checksum) computes everything itself; and a memoised value is the value computed afresh."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import helpers
from conftest import read_rows, set_cell
from helpers import Dataset, falls, purges, turnover
from helpers.evidence import dataset as evidence_dataset


@pytest.fixture(autouse=True)
def _own_cache(cache_dir) -> Path:
    """Every test here loads into a cache of its own (conftest's `cache_dir`)."""
    return cache_dir


@pytest.fixture
def fate_runs(monkeypatch) -> list[int]:
    """One entry per time the fates are derived (`evidence.fates.fates_from`)."""
    runs: list[int] = []
    real = evidence_dataset.fates_from

    def counting(ds):
        runs.append(1)
        return real(ds)

    monkeypatch.setattr(evidence_dataset, "fates_from", counting)
    return runs


def _unkeyed(ds: Dataset) -> Dataset:
    """The same tables in a Dataset made otherwise than by `load`: no checksum, nothing shared."""
    return Dataset(descriptor=ds.descriptor, tables=dict(ds.tables))


def test_a_second_load_of_the_same_package_derives_the_fates_once(data_copy, fate_runs):
    first = helpers.load(data_copy)
    second = helpers.load(data_copy)
    assert first is not second and first.events is not second.events  # fresh tables for each load
    assert first.checksum and first.checksum == second.checksum
    pd.testing.assert_frame_equal(first.fates(), second.fates())
    assert len(fate_runs) <= 1  # none when an earlier test of this process loaded the same bytes
    fates = second.fates()
    fates.loc[:, "fate"] = "changed by a caller"  # a caller's copy: the memoised frame stays as it was
    pd.testing.assert_frame_equal(helpers.load(data_copy).fates(), first.fates())


def test_a_changed_file_gives_new_fates_not_the_memoised_ones(data_copy, fate_runs):
    before = helpers.load(data_copy)
    old = before.fates()  # from the memo if an earlier test loaded the same bytes: the key is the content
    runs = len(fate_runs)
    person = old.person_id.iloc[0]
    rows = read_rows(data_copy / "people.csv")
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == person)
    set_cell(data_copy, "people.csv", line, "name", "Someone Else Entirely")
    after = helpers.load(data_copy)
    assert after.checksum != before.checksum
    new = after.fates()
    assert len(fate_runs) == runs + 1
    assert new.set_index("person_id").name[person] == "Someone Else Entirely"
    assert old.set_index("person_id").name[person] != "Someone Else Entirely"


def test_a_dataset_made_otherwise_derives_its_own(ds, fate_runs):
    made = _unkeyed(ds)
    assert made.checksum is None
    made.fates(), _unkeyed(ds).fates()
    assert len(fate_runs) == 2
    people = ds.people.copy()
    people.loc[people.person_id == ds.fates().person_id.iloc[0], "name"] = "Not The Loaded Name"
    variant = Dataset(descriptor=ds.descriptor, tables={**ds.tables, "people": people})
    assert "Not The Loaded Name" in set(variant.fates().name)
    assert "Not The Loaded Name" not in set(ds.fates().name)


def test_views_are_shared_by_loads_of_the_same_package_and_equal_views_made_afresh(data_copy):
    first, second = helpers.load(data_copy), helpers.load(data_copy)
    for view in (lambda d: d.stated_only(), lambda d: d.only_sources("case-file-0121"),
                 lambda d: d.dated_by("reference-facts")):
        shared, fresh = view(first), view(_unkeyed(first))
        assert view(second) is shared and shared.checksum == first.checksum
        assert shared.stated == fresh.stated
        for name in fresh.tables:
            pd.testing.assert_frame_equal(shared.tables[name], fresh.tables[name])
        pd.testing.assert_frame_equal(shared.fates(), fresh.fates())
    assert first.stated_only().dated_by("reference-facts") is not first.dated_by("reference-facts")


def test_the_shared_findings_of_report_02_equal_those_computed_afresh(ds):
    plain = _unkeyed(ds)
    start, end = pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31")
    for finding in (falls.quickest, purges.purged_purgers):
        shared = finding(ds, [], start, end, True)
        assert finding(ds, (), start, end, True) is shared  # computed once
        assert shared == finding(plain, [], start, end, True)
        assert finding(ds, [], start, pd.Timestamp("1936-12-31"), True) != shared  # another window, its own
    shown = turnover.tenures(ds, [], start, end)
    steps = falls.fall_sequences(ds, shown.person_id)
    pd.testing.assert_frame_equal(steps, falls.fall_sequences(plain, shown.person_id))
    pd.testing.assert_frame_equal(falls.fall_spans(ds, steps), falls.fall_spans(plain, steps))
    pd.testing.assert_frame_equal(falls.fall_table(ds, steps), falls.fall_table(plain, steps))
    # other falls are another key: a person left out is left out of the spans, not read from the memo
    fewer = steps[steps.person_id != steps.person_id.iloc[0]].reset_index(drop=True)
    assert steps.person_id.iloc[0] not in set(falls.fall_spans(ds, fewer).person_id)
    pd.testing.assert_frame_equal(falls.fall_spans(ds, fewer), falls.fall_spans(plain, fewer))
