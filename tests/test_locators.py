"""Locators that say it (issue 27): every row that cites the case file cites a paragraph that names
the row's people, by any of their names, or its note says that the paragraph does not name them.

The case file is not in the repository (nor in CI): `tools/paragraph_names.py` reads it and writes
`tests/fixtures/paragraph_names.json`, the ids of the people each paragraph names (no text). The rule
(data/README.md, "Locators"): a row passes when one of the paragraphs its locator cites (parts joined
by ' ; ') names the person; a role is checked against its event's locator; a row whose paragraph
does not name the person says so in its note ('not named', 'does not name', 'unnamed').
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "paragraph_names.json"
CASE_FILE = "case-file-0121"
#: How a note says that the cited paragraph does not name the person (the one exception).
UNNAMED = re.compile(r"\b(?:not named|does not name|unnamed)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def named() -> dict[str, list[str]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["paragraphs"]


def parts(locator) -> list[str]:
    return [p.strip() for p in str(locator).split(" ; ") if p.strip()]


def says(named: dict, locator, person_id: str, note="") -> bool:
    """Whether a paragraph the locator cites names the person, or the note says why none does."""
    return any(person_id in named.get(p, []) for p in parts(locator)) or bool(
        isinstance(note, str) and UNNAMED.search(note))


def cited(ds) -> list[tuple[str, str, str, str, object]]:
    """Every (table, row, person_id, locator, note) of a row citing the case file that puts a person on
    a paragraph: people, aliases, positions, relationships (both people), accounts (the perpetrator
    they name), and roles (through their event's locator; an event's subjects are its roles of role
    subject)."""
    out = []
    p = ds.people[ds.people.source_id == CASE_FILE]
    out += [("people", r.person_id, r.person_id, r.locator, r.notes) for r in p.itertuples()]
    a = ds.aliases[ds.aliases.source_id == CASE_FILE]
    out += [("aliases", f"{r.person_id} | {r.alias}", r.person_id, r.locator, r.note) for r in a.itertuples()]
    t = ds.positions[ds.positions.source_id == CASE_FILE]
    out += [("positions", r.position_id, r.person_id, r.locator, r.note) for r in t.itertuples()]
    rel = ds.relationships[ds.relationships.source_id == CASE_FILE]
    out += [("relationships", r.relationship_id, pid, r.locator, r.note) for r in rel.itertuples()
            for pid in (r.person_id, r.other_id)]
    acc = ds.accounts[(ds.accounts.source_id == CASE_FILE) & ds.accounts.perpetrator_id.notna()]
    out += [("accounts", r.account_id, r.perpetrator_id, r.locator, r.note) for r in acc.itertuples()]
    ev = ds.events[ds.events.source_id == CASE_FILE].set_index("event_id").locator
    ro = ds.roles[ds.roles.event_id.isin(ev.index)]
    out += [("roles", f"{r.event_id} | {r.person_id} | {r.role}", r.person_id, ev[r.event_id], r.note)
            for r in ro.itertuples()]
    return out


def test_the_fixture_knows_every_paragraph_the_data_cites(ds, named):
    # tests/fixtures/paragraph_names.json has every paragraph of the case file: data/sections.csv
    # gives each section's paragraph count.
    sections = ds.sections[ds.sections.source_id == CASE_FILE]
    assert len(named) == int(sections.paragraphs.sum())
    for table, row, _, locator, _ in cited(ds):
        for p in parts(locator):
            assert p in named, (table, row, p)
    assert {pid for ids in named.values() for pid in ids} <= set(ds.people.person_id)


def test_every_row_citing_the_case_file_cites_a_paragraph_that_names_its_people(ds, named):
    wrong = [(table, row, locator) for table, row, pid, locator, note in cited(ds)
             if not says(named, locator, pid, note)]
    assert wrong == []


def test_the_rows_the_issue_found_now_cite_the_paragraphs_that_say_it(ds, named):
    # Artuzov's part in Operation Trust: Blumkin ¶3 calls him one of its main organisers;
    # Introduction ¶5 does not name him.
    trust = ds.events.set_index("event_id").at["operation-trust", "locator"]
    assert "The Arrest and Execution of Yakov Blumkin (November 1929) ¶3" in parts(trust)
    assert "artur-artuzov" in named["The Arrest and Execution of Yakov Blumkin (November 1929) ¶3"]
    assert "artur-artuzov" not in named["Introduction ¶5"]
    people = ds.people.set_index("person_id").locator
    # Trotsky: a Bolshevik leader, later exiled (Trotsky ¶1-2), Blumkin his secretary (Blumkin ¶2);
    # Reilly ¶2 says only that he was to be arrested in the Ambassadors' plot.
    assert parts(people["leon-trotsky"]) == [
        "The Assassination of Leon Trotsky (21 August 1940) ¶1",
        "The Assassination of Leon Trotsky (21 August 1940) ¶2",
        "The Arrest and Execution of Yakov Blumkin (November 1929) ¶2"]
    # Savinkov: SR terrorist leader and writer (Savinkov ¶1), lured, captured, died in the Lubyanka (¶2).
    assert parts(people["boris-savinkov"]) == ["The Capture of Boris Savinkov (1924) ¶1",
                                               "The Capture of Boris Savinkov (1924) ¶2"]


def test_the_rule_on_its_edges():
    named = {"A ¶1": ["x"], "A ¶2": ["y"]}
    assert says(named, "A ¶1", "x")
    assert says(named, "A ¶2 ; A ¶1", "x")            # any cited part will do
    assert not says(named, "A ¶2", "x")
    assert not says(named, "A ¶3", "x")               # a paragraph that does not exist names no one
    assert not says(named, "", "x") and not says(named, None, "x")
    assert says(named, "A ¶2", "x", "The text says 'he'; x is not named in ¶2.")
    assert says(named, "A ¶2", "x", "The case file does not name him.")
    assert not says(named, "A ¶2", "x", "Named in ¶1.")
    assert not says(named, "A ¶2", "x", float("nan"))


def test_the_fixture_holds_ids_only(named):
    # No sentence of the case file in the repository: each value is a list of person ids.
    for locator, ids in named.items():
        assert re.fullmatch(r"(?:Introduction|The .+ \(.*\d{4}\)) ¶\d+", locator), locator
        assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids), locator


def test_a_wrong_locator_is_found(ds, named):
    # A role whose event cites a paragraph that does not name the person is caught: Artuzov in
    # Operation Trust cited by Introduction ¶5 alone (the row before the fix).
    assert not says(named, "Introduction ¶5", "artur-artuzov", "Named as one of its main organisers.")
    assert isinstance(ds.roles, pd.DataFrame)
