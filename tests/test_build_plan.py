"""The build remembers the dossiers' people between builds (`store.remembered`), keyed by the data's
checksum, the code and the function; and checks only the parameters of what it runs."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd

from helpers.build import Inputs, store


def _inputs(calls: list[str], module: str = "helpers.analyses.fake") -> Inputs:
    def people(ds):
        calls.append(ds.checksum)
        return pd.DataFrame({"person_id": ["a", "b"], "name": ["A", f"B of {ds.checksum}"], "side": ["x", "y"]})

    people.__module__, people.__qualname__ = module, "people"
    return Inputs(dossiers=people, file_name=str, register=None, network=None)


def test_the_people_are_computed_once_per_key_and_read_back(tmp_path):
    calls: list[str] = []
    inputs = store.remembered(_inputs(calls), tmp_path)
    first = inputs.dossiers(SimpleNamespace(checksum="one"))
    again = inputs.dossiers(SimpleNamespace(checksum="one"))
    assert calls == ["one"]
    pd.testing.assert_frame_equal(again, first[["person_id", "name"]])
    other = inputs.dossiers(SimpleNamespace(checksum="two"))  # other data: computed again, not the stored people
    assert calls == ["one", "two"] and list(other.name) == ["A", "B of two"]


def test_a_changed_record_is_computed_again(tmp_path):
    calls: list[str] = []
    inputs = store.remembered(_inputs(calls), tmp_path)
    inputs.dossiers(SimpleNamespace(checksum="one"))
    file = tmp_path / store.DOSSIERS_PLANNED
    record = json.loads(file.read_text())
    record["people"][0][1] = "Someone else"  # its SHA-256 no longer matches
    file.write_text(json.dumps(record))
    assert list(inputs.dossiers(SimpleNamespace(checksum="one")).name) == ["A", "B of one"]
    file.write_text("{not json")
    assert list(inputs.dossiers(SimpleNamespace(checksum="one")).name) == ["A", "B of one"]
    assert calls == ["one"] * 3


def test_no_checksum_or_a_function_outside_helpers_is_never_remembered(tmp_path):
    calls: list[str] = []
    inputs = store.remembered(_inputs(calls), tmp_path)
    inputs.dossiers(SimpleNamespace(checksum=None))
    inputs.dossiers(SimpleNamespace(checksum=None))
    assert calls == [None, None] and not (tmp_path / store.DOSSIERS_PLANNED).exists()
    given = _inputs(calls, module="tests.fake")
    assert store.remembered(given, tmp_path) is given
