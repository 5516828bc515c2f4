"""What the package refuses, and why (docs/build.md, "What the build refuses"): cells that would change results
without a word, or let a name reorder or hide what a reader sees, and descriptors a reader cannot rely
on. Each case is one sentence naming the file, the line and the field; each passed on the main branch
before these rules."""
from __future__ import annotations

import json
import time

import pandas as pd
import pytest

import helpers
from conftest import add_row, problems_of, read_rows, set_cell, write_rows
from helpers.core import dates

KATYN5 = "The Katyn Massacre (April and May 1940) ¶5"


def _line(root, file, column, value) -> int:
    rows = read_rows(root / file)
    return next(i for i, r in enumerate(rows, 1) if r[rows[0].index(column)] == value)


# ---- numbers and dates -------------------------------------------------------------------------------

def test_a_year_in_other_digits_is_no_year(data_copy):
    # '１９２１' (full-width digits) passed Python's \d, then became NA: 1921 vanished from the series
    line = _line(data_copy, "convictions_by_year.csv", "year", "1921")
    set_cell(data_copy, "convictions_by_year.csv", line, "year", "１９２１")
    assert f"convictions_by_year.csv:{line}:year: '１９２１' is not a whole number (digits 0-9)" in problems_of(data_copy)


@pytest.mark.parametrize("value, why", [
    ("1937-09-04T10:00", "a time of day"), ("1937-21", "a season"), ("[1937,1938]", "a set of dates"),
    ("193X", "an unspecified digit"),
])
def test_a_date_outside_the_grammar_is_refused(value, why):
    with pytest.raises(dates.DateError, match=f"is not an EDTF date \\({why} is not read here"):
        dates.parse(value)


def test_a_date_in_the_future_is_refused(mini):
    line = _line(mini, "events.csv", "event_id", "nikolai-yezhov-execution")
    set_cell(mini, "events.csv", line, "date", "2999-02-04")
    assert f"events.csv:{line}:date: '2999-02-04' lies in the future" in problems_of(mini)


# ---- hidden characters, lengths, addresses -----------------------------------------------------------

@pytest.mark.parametrize("char, code", [("\x00", "0000"), ("\u202e", "202E"), ("\x1b", "001B"), ("\u2066", "2066")])
def test_a_name_with_a_hidden_character_is_refused(mini, char, code):
    # a NUL byte, a right-to-left override (it reorders what a reader sees), an escape, an isolate
    line = _line(mini, "people.csv", "person_id", "nikolai-yezhov")
    set_cell(mini, "people.csv", line, "name", f"Nikolai{char}Yezhov")
    assert f"people.csv:{line}:name: holds the invisible character U+{code} at position 8; remove it" in problems_of(mini)


def test_a_cell_too_long_is_refused(mini):
    line = _line(mini, "events.csv", "event_id", "nikolai-yezhov-execution")
    set_cell(mini, "events.csv", line, "place", "x" * 2_001)   # no maxLength of its own: the package's 2,000
    set_cell(mini, "events.csv", line, "summary", "x" * 1_001)  # its own maxLength, 1,000
    assert {f"events.csv:{line}:place: is 2,001 characters long; at most 2,000 allowed",
            f"events.csv:{line}:summary: is 1,001 characters long; at most 1,000 allowed"} <= set(problems_of(mini))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_a_source_address_is_a_web_page_only(mini, url):
    line = _line(mini, "sources.csv", "source_id", "reference-facts")
    set_cell(mini, "sources.csv", line, "url", url)
    assert any(p.startswith(f"sources.csv:{line}:url:") and "is not a web address (http:// or https://)" in p
               for p in problems_of(mini))


# ---- structure -----------------------------------------------------------------------------------------

def test_a_tally_part_of_itself_or_of_its_part_is_refused(data_copy):
    # tallies.csv: the case file's 12,000 at Katyn would vanish from every total if it were part of itself
    line = _line(data_copy, "tallies.csv", "tally_id", "katyn-1940-shot-case-file")
    set_cell(data_copy, "tallies.csv", line, "part_of", "katyn-1940-shot-case-file")
    assert (f"tallies.csv:{line}:part_of: makes a cycle (katyn-1940-shot-case-file → katyn-1940-shot-case-file): "
            "nothing can be part or parent of itself") in problems_of(data_copy)


def test_an_organisation_its_own_ancestor_is_refused(data_copy):
    # the Cheka preceded the GPU; making the GPU precede the Cheka loops the lineage
    line = _line(data_copy, "organisations.csv", "org_id", "cheka")
    set_cell(data_copy, "organisations.csv", line, "predecessor_id", "gpu")
    found = [p for p in problems_of(data_copy) if ":predecessor_id: makes a cycle" in p]
    assert found and "cheka → gpu → cheka" in found[0]


def test_agrees_must_say_what_the_dates_say(mini):
    # mini attestations.csv line 2: a tenure's start the package gives on the same day (agrees true)
    set_cell(mini, "attestations.csv", 2, "agrees", "false")
    assert any(p.startswith("attestations.csv:2:agrees: says false, but") and "agree" in p for p in problems_of(mini))


def test_two_people_may_not_share_a_name(mini):
    line = add_row(mini, "people.csv", person_id="nikolai-yezhov-2", name="Nikolai Yezhov", side="apparatus",
                   source_id="case-file-0121", locator=KATYN5)
    first = _line(mini, "people.csv", "person_id", "nikolai-yezhov")
    assert (f"people.csv:{line}:name: 'Nikolai Yezhov' is also the name of nikolai-yezhov (line {first}); give each a "
            "name a reader can tell apart (a patronymic, or a qualifier in brackets)") in problems_of(mini)


def test_nobody_orders_an_act_after_their_death(mini):
    # Lenin died on 21 January 1924; an order of his for a killing in 1925 is refused (as Savinkov's was)
    add_row(mini, "people.csv", person_id="vladimir-lenin", name="Vladimir Lenin", side="party",
            source_id="case-file-0121", locator=KATYN5)
    add_row(mini, "events.csv", event_id="vladimir-lenin-death", date="1924-01-21", type="death", title="Death",
            country="USSR", scope="domestic", method="illness", certainty="stated", summary="Died.",
            source_id="case-file-0121", locator=KATYN5)
    add_row(mini, "roles.csv", event_id="vladimir-lenin-death", person_id="vladimir-lenin", role="subject",
            certainty="stated")
    line = add_row(mini, "roles.csv", event_id="nikolai-yezhov-execution", person_id="vladimir-lenin",
                   role="ordered_by", certainty="alleged")
    assert any(p.startswith(f"roles.csv:{line}:person_id: vladimir-lenin is ordered_by of nikolai-yezhov-execution")
               and "after their death in vladimir-lenin-death" in p for p in problems_of(mini))


def test_an_event_a_death_bounds_is_cut_to_it(ds):
    # Medved's arrest: the reference dates it between 1 December 1934 and 22 June 1941; he was shot in
    # July 1937 (filipp-medved-execution, 1937-07): the arrest falls by 31 July 1937
    e = ds.events.set_index("event_id").loc["filipp-medved-arrest"]
    assert (e.date, e.start, e.end, e.cut_by) == ("1934-12-01/1941-06-22", pd.Timestamp("1934-12-01"),
                                                  pd.Timestamp("1937-07-31"), "filipp-medved-execution")
    assert e.date_latest == pd.Timestamp("1941-06-22")  # what the source's date allows, kept
    # an event wholly before the death is left alone
    assert pd.isna(ds.events.set_index("event_id").at["filipp-medved-execution", "cut_by"])


# ---- descriptors ---------------------------------------------------------------------------------------

def _descriptor(root, change):
    d = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    change(d)
    (root / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")


def test_a_table_without_a_key_is_refused(mini):
    _descriptor(mini, lambda d: next(r for r in d["resources"] if r["name"] == "events")["schema"].pop("primaryKey"))
    assert any(p.startswith("datapackage.json::events.primaryKey: is missing") for p in problems_of(mini))


def test_a_descriptor_nested_too_deep_is_one_sentence(mini):
    (mini / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert problems_of(mini) == ["datapackage.json::: is nested too deeply to be a data package's descriptor"]


def test_a_pattern_runs_in_linear_time_and_one_it_cannot_run_is_refused(mini):
    # '(a+)+$' backtracks catastrophically in Python's re (2**n steps on n 'a's and a 'b'): RE2 matches it
    # in linear time, so a long cell is checked at once; a backreference is refused with one sentence.
    def slow(d):
        field = next(f for f in next(r for r in d["resources"] if r["name"] == "events")["schema"]["fields"]
                     if f["name"] == "title")
        field.setdefault("constraints", {})["pattern"] = "(a+)+$"
    _descriptor(mini, slow)
    line = _line(mini, "events.csv", "event_id", "nikolai-yezhov-execution")
    set_cell(mini, "events.csv", line, "title", "a" * 150 + "b")
    started = time.monotonic()
    assert any(p.startswith(f"events.csv:{line}:title:") and "does not match the pattern" in p for p in problems_of(mini))
    assert time.monotonic() - started < 60  # a backtracking matcher would not end in any lifetime

    def backref(d):
        next(r for r in d["resources"] if r["name"] == "events")["schema"]["fields"][0]["constraints"]["pattern"] = r"(a)\1"
    _descriptor(mini, backref)
    assert any("uses what a matcher in linear time cannot run" in p for p in problems_of(mini))


def test_the_real_data_passes_every_new_rule(ds):
    assert len(ds.people) and helpers.load(use_cache=False) is not None
