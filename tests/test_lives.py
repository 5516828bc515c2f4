"""Lives: birth dates with their source, one calendar (New Style), death sentences that are not
executions, and attestations of a person's birth. Rules are tried on tests/fixtures/mini."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers
from conftest import add_plevitskaya_event, add_row, problems_of, set_cell
from conftest import problems_in as _problems
from helpers import evidence

T = pd.Timestamp


def _line_of(root, file, column, value) -> int:
    from conftest import read_rows
    rows = read_rows(root / file)
    return next(i + 1 for i, r in enumerate(rows) if r[rows[0].index(column)] == value)


def _born(root, person_id, born, calendar="new_style", place="", source="reference-facts",
          locator="https://en.wikipedia.org/wiki/Genrikh_Yagoda"):
    line = _line_of(root, "people.csv", "person_id", person_id)
    for field, value in (("born", born), ("born_place", place), ("born_source_id", source),
                         ("born_locator", locator), ("calendar", calendar)):
        set_cell(root, "people.csv", line, field, value)
    return line


# --- the calendar ---------------------------------------------------------------------------------

def test_a_birth_before_the_switch_must_say_its_calendar(mini):
    # Yagoda: 7 November 1891 Old Style = 19 November New Style (12 days in the 19th century).
    line = _born(mini, "genrikh-yagoda", "1891-11-19", calendar="")
    assert (f"people.csv:{line}:calendar: is empty, but born 1891-11-19 falls before the calendar switch of "
            "1918-02-14; say new_style, or converted_from_old_style if the source gave an Old Style date"
            in problems_of(mini))
    set_cell(mini, "people.csv", line, "calendar", "converted_from_old_style")
    assert _problems(mini) == []
    set_cell(mini, "people.csv", line, "calendar", "julian")
    assert (f"people.csv:{line}:calendar: 'julian' is not one of: new_style, converted_from_old_style"
            in problems_of(mini))


@pytest.mark.parametrize("date, needs", [
    ("1918-02-13", True),    # the day before the switch
    ("1918-02-14", False),   # the switch itself: New Style by law
    ("1918-01", True),       # a month that begins before the switch
    ("1917", False),         # a year alone: the calendar cannot move it
    ("1917/1918", False),    # an interval of years: likewise
    ("1917-12/1918-03", True),
])
def test_which_dates_need_a_calendar(mini, date, needs):
    line = add_row(mini, "events.csv", event_id="early", date=date, type="context", title="Early",
                   scope="domestic", certainty="stated", summary="An early event.", source_id="case-file-0121",
                   locator="Introduction ¶1")
    found = [p for p in _problems(mini) if p.startswith(f"events.csv:{line}:calendar:")]
    assert bool(found) is needs


# --- births ---------------------------------------------------------------------------------------

def test_a_birth_comes_with_its_source_and_locator(mini):
    line = _born(mini, "genrikh-yagoda", "1891-11-19", source="", locator="")
    found = problems_of(mini)
    assert f"people.csv:{line}:born_source_id: is required when any of born, born_source_id, born_locator is given" in found
    assert f"people.csv:{line}:born_locator: is required when any of born, born_source_id, born_locator is given" in found


def test_a_birth_locator_is_checked_like_any_other(mini):
    line = _born(mini, "genrikh-yagoda", "1891-11-19", source="case-file-0121", locator="Introduction ¶9")
    assert f"people.csv:{line}:born_locator: Introduction has paragraphs 1-5, not ¶9" in problems_of(mini)


def test_nobody_acts_before_birth(mini):
    # mini: Yagoda is subject of his arrest in March 1937 (roles.csv line 5). Born after it: a problem.
    _born(mini, "genrikh-yagoda", "1937-04-01")
    assert any(p.startswith("roles.csv:5:person_id: genrikh-yagoda is subject of genrikh-yagoda-arrest (1937-03) "
                            "before their birth (1937-04-01)") for p in problems_of(mini))
    # Born on the last day of that month: the arrest may have come that day or after, no problem.
    _born(mini, "genrikh-yagoda", "1937-03-31")
    assert not any("before their birth" in p for p in _problems(mini))


def test_birth_dates_are_typed_and_dated_claims(mini):
    _born(mini, "genrikh-yagoda", "1891-11", calendar="converted_from_old_style")
    ds = helpers.load(mini)
    row = ds.people.set_index("person_id").loc["genrikh-yagoda"]
    assert (row.born_earliest, row.born_latest, row.born_precision) == (T("1891-11-01"), T("1891-11-30"), "month")
    claims = evidence.dated_claims(ds)
    mine = claims[(claims.target == "person") & (claims.target_id == "genrikh-yagoda")]
    assert list(zip(mine.field, mine.date, mine.recorded)) == [("born", "1891-11", True)]


def test_a_rival_birth_date_is_a_disagreement(mini):
    _born(mini, "genrikh-yagoda", "1891-11-19")
    line = add_row(mini, "attestations.csv", attestation_id="yagoda-born-ref", person_id="genrikh-yagoda",
                   field="born", date="1891-11-07", agrees="false", source_id="reference-facts",
                   locator="https://en.wikipedia.org/wiki/Genrikh_Yagoda", calendar="new_style")
    d = evidence.disagreements(helpers.load(mini))
    row = d.set_index("attestation_id").loc["yagoda-born-ref"]
    assert (row.target, row.field, row.recorded, row.attested) == ("person", "born", "1891-11-19", "1891-11-07")
    # A person has a birth, not a start; and a birth attestation needs a date to agree with or not.
    set_cell(mini, "attestations.csv", line, "field", "start")
    assert f"attestations.csv:{line}:field: a person has born, not start" in problems_of(mini)
    set_cell(mini, "attestations.csv", line, "field", "born")
    set_cell(mini, "attestations.csv", line, "agrees", "")
    assert (f"attestations.csv:{line}:agrees: is empty, but the package dates this born (1891-11-19); say true or false"
            in problems_of(mini))


# --- death sentences ----------------------------------------------------------------------------------

def _sentence(mini, date="1938-03-13"):
    add_plevitskaya_event(mini, "sentence", "death_sentence", date, summary="Sentenced to death.")


def test_a_death_sentence_without_an_execution_is_not_a_death(mini):
    # mini: Plevitskaya arrested 1937-09; sentenced to death, no execution recorded.
    _sentence(mini)
    f = helpers.load(mini).fates().set_index("person_id").loc["nadezhda-plevitskaya"]
    assert (f.fate, f.date, f.by_state) == ("sentenced_to_death", "1938-03-13", "no")
    assert f.fate not in helpers.evidence.fates.DEATH_FATES


def test_an_execution_after_the_sentence_decides(mini):
    _sentence(mini)
    add_plevitskaya_event(mini, "execution", "execution", "1938-03-15")
    assert helpers.load(mini).fates().set_index("person_id").at["nadezhda-plevitskaya", "fate"] == "executed"


def test_a_release_after_the_sentence_is_survival(mini):
    _sentence(mini)
    add_plevitskaya_event(mini, "release", "release", "1939")
    assert helpers.load(mini).fates().set_index("person_id").at["nadezhda-plevitskaya", "fate"] == "survived"


# --- ages -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("born_lo, born_hi, at_lo, at_hi, ages, text", [
    # Yagoda: born 1891-11-19, shot 1938-03-15: before his birthday that year, so 46.
    ("1891-11-19", "1891-11-19", "1938-03-15", "1938-03-15", (46, 46), "46"),
    # On the birthday itself a year is complete; the day before it is not.
    ("1891-11-19", "1891-11-19", "1938-11-19", "1938-11-19", (47, 47), "47"),
    ("1891-11-19", "1891-11-19", "1938-11-18", "1938-11-18", (46, 46), "46"),
    # Born some time in 1894 (Zakovsky), shot 1938-08-29: 43 (born after 29 August) or 44.
    ("1894-01-01", "1894-12-31", "1938-08-29", "1938-08-29", (43, 44), "43 or 44"),
    # Born in 1898, died some time in 1938 to 1940: 39 to 42.
    ("1898-01-01", "1898-12-31", "1938-01-01", "1940-12-31", (39, 42), "39 to 42"),
    # A leap-day birth is a year older on 1 March, not on 28 February.
    ("1896-02-29", "1896-02-29", "1897-02-28", "1897-03-01", (0, 1), "0 or 1"),
])
def test_age_in_whole_years_from_uncertain_dates(born_lo, born_hi, at_lo, at_hi, ages, text):
    got = evidence.age(T(born_lo), T(born_hi), T(at_lo), T(at_hi))
    assert got == ages and evidence.age_text(*got) == text


def test_no_age_without_a_birth():
    assert evidence.age(pd.NaT, pd.NaT, T("1938-03-15"), T("1938-03-15")) == (None, None)
    assert evidence.age_text(None, None) == ""


def test_ages_at_entry_and_death_of_officials(mini):
    from helpers import survival
    _born(mini, "genrikh-yagoda", "1891-11-19")
    _born(mini, "nikolai-yezhov", "1895-05-01", locator="https://en.wikipedia.org/wiki/Nikolai_Yezhov")
    table = survival.ages(helpers.load(mini)).set_index("person_id")
    # Sorted by birth; only the two with a birth date.
    assert list(table.index) == ["genrikh-yagoda", "nikolai-yezhov"]
    # Yagoda: head of the NKVD from 1934-07-10 (mini positions.csv), 42 then; shot 1938-03-15, aged 46.
    assert table.loc["genrikh-yagoda", ["age_at_entry", "age_at_death"]].tolist() == ["42", "46"]
    # Yezhov: head from 1936-09-26, aged 41; shot 1940-02-04, aged 44.
    assert table.loc["nikolai-yezhov", ["age_at_entry", "age_at_death"]].tolist() == ["41", "44"]
    assert table.loc["nikolai-yezhov", "age_at_death_mid"] == 44


def test_a_dossier_states_the_life_dates(mini):
    from helpers import captions, dossier

    def life(ds, person_id):  # the sentence (captions) of what the analysis found
        return captions.dossier.life(dossier.life(ds, person_id)).text

    _born(mini, "genrikh-yagoda", "1891-11-19", place="Rybinsk")
    ds = helpers.load(mini)
    assert life(ds, "genrikh-yagoda") == \
        "Born 19 November 1891 in Rybinsk (reference-facts); executed 15 March 1938, aged 46 (stated)."
    # mini: Blokhin has no birth date and no recorded end; Plevitskaya was arrested in September 1937.
    assert life(ds, "vasily-blokhin") == "Birth date not in the data; the data records no end."
    assert life(ds, "nadezhda-plevitskaya") == \
        "Birth date not in the data; last recorded as imprisoned September 1937 (stated)."


def test_a_tenure_gives_the_holders_age_at_its_start(mini):
    from helpers import turnover
    _born(mini, "genrikh-yagoda", "1891-11-19")
    t = turnover.tenures(helpers.load(mini), ["secret-police-head"]).set_index("person_id")
    # Yagoda head from 1934-07-10, born 1891-11-19: 42. Menzhinsky's start is only '1926' and his
    # birth is not in mini: blank.
    assert t.at["genrikh-yagoda", "age_at_start"] == "42"
    assert t.at["vyacheslav-menzhinsky", "age_at_start"] == ""


def test_ends_dated_otherwise_by_another_source(ds):
    from helpers import fates
    out = fates.disputed_ends(ds, fates.fate_table(ds, "all")).set_index("name")
    # Artuzov's execution: the case file's 1937-05-21 is used, the reference has 1937-08-21 (attestations.csv).
    row = out.loc["Artur Artuzov"]
    assert (row.fate, row.used, row.used_by, row.other, row.other_by) == (
        "executed", "1937-05-21", "case-file-0121", "1937-08-21", "reference-facts")
    # An end the sources agree on is not listed: Kutepov's kidnapping date agrees; Yagoda's execution has no rival.
    assert "Genrikh Yagoda" not in out.index


def test_an_execution_or_custody_abroad_by_a_foreign_state_is_not_by_the_soviet_state(mini):
    # mini: Plevitskaya was arrested in Paris by the French police (events.csv: scope abroad, no org).
    add_plevitskaya_event(mini, "death", "death", "1940-10", summary="Died in prison.")
    f = helpers.load(mini).fates().set_index("person_id")
    assert (f.at["nadezhda-plevitskaya", "fate"], f.at["nadezhda-plevitskaya", "by_state"]) == ("died_in_custody", "no")
    # Yagoda's execution in Moscow (org nkvd) is the state's; the same execution by a foreign state is not.
    assert f.at["genrikh-yagoda", "by_state"] == "yes"
    line = _line_of(mini, "events.csv", "event_id", "genrikh-yagoda-execution")
    set_cell(mini, "events.csv", line, "org_id", "gestapo")
    assert helpers.load(mini).fates().set_index("person_id").at["genrikh-yagoda", "by_state"] == "no"
    # No organisation given: at home it is the state's, abroad it is not.
    set_cell(mini, "events.csv", line, "org_id", "")
    assert helpers.load(mini).fates().set_index("person_id").at["genrikh-yagoda", "by_state"] == "yes"
    set_cell(mini, "events.csv", line, "scope", "abroad")
    assert helpers.load(mini).fates().set_index("person_id").at["genrikh-yagoda", "by_state"] == "no"
