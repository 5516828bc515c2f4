"""Each validation rule, shown by a broken copy of the small fixture package and the message it must give."""
import pytest

import helpers
from conftest import add_row, problems_of, read_rows, set_cell, write_rows

EDTF_HINT = "(use 1937-09-04, 1937-09, 1937, 1938-07-12?, 1936-12~ or 1940-04/1940-05)"
SLUTSKY2 = "The Assassination of Abram Slutsky (17 February 1938) ¶2"


def test_the_fixture_itself_is_valid(mini):
    helpers.load(mini)


@pytest.mark.parametrize("file, line, field, value, message", [
    ("events.csv", 2, "date", "1937-02-30", f"events.csv:2:date: '1937-02-30' is not an EDTF date {EDTF_HINT}"),
    ("events.csv", 2, "date", "1937-02-29", "events.csv:2:date: '1937-02-29' is not a real calendar date"),
    ("events.csv", 2, "date", "", "events.csv:2:date: is required but empty"),
    ("events.csv", 3, "type", "murder", "events.csv:3:type: 'murder' is not one of: appointment, dismissal, demotion, "
     "reorganisation, arrest, trial, death_sentence, execution, assassination, kidnapping, attempt, death, suicide, massacre, "
     "defection, release, operation, disappearance, discovery, order, exile, context"),
    ("events.csv", 3, "certainty", "likely", "events.csv:3:certainty: 'likely' is not one of: stated, alleged, disputed"),
    ("events.csv", 3, "deaths_best", "many", "events.csv:3:deaths_best: 'many' is not a whole number (digits 0-9)"),
    ("events.csv", 3, "deaths_low", "-4", "events.csv:3:deaths_low: -4 is below the minimum 0"),
    ("roles.csv", 2, "role", "victim", "roles.csv:2:role: 'victim' is not one of: subject, perpetrator, ordered_by, "
     "organiser, accomplice, other"),
    ("people.csv", 2, "person_id", "Genrikh Yagoda", "people.csv:2:person_id: 'Genrikh Yagoda' does not match the "
     "pattern ^[a-z0-9]+(-[a-z0-9]+)*$ (lower-case words joined by hyphens)"),
    ("people.csv", 2, "side", " apparatus", "people.csv:2:side: ' apparatus' has spaces at its start or end"),
    ("positions.csv", 2, "acting", "yes", "positions.csv:2:acting: 'yes' is not true or false"),
    ("positions.csv", 2, "end", "1925", "positions.csv:2:end: 1925 is before start 1926"),
    ("events.csv", 2, "locator", "The Fall of Yezhov (November 1938) ¶9",
     "events.csv:2:locator: The Fall of Yezhov (November 1938) has paragraphs 1-4, not ¶9"),
    ("events.csv", 2, "locator", "The Fall of Yezhov ¶2",
     "events.csv:2:locator: 'The Fall of Yezhov' is not a section of case-file-0121 (see sections.csv)"),
    ("events.csv", 2, "locator", "Fall of Yezhov, para 2",
     "events.csv:2:locator: 'Fall of Yezhov, para 2' is not '<section heading> ¶<n>'"),
    ("attestations.csv", 2, "locator", "Wikipedia",
     "attestations.csv:2:locator: 'Wikipedia' should be the address (http…) of the page the source cites"),
    ("roles.csv", 2, "person_id", "nobody-known", "roles.csv:2:person_id: nobody-known is not a person_id in people.csv"),
    ("roles.csv", 2, "event_id", "no-such-event", "roles.csv:2:event_id: no-such-event is not a event_id in events.csv"),
    ("events.csv", 2, "org_id", "kgb", "events.csv:2:org_id: kgb is not a org_id in organisations.csv"),
    ("events.csv", 2, "source_id", "wikipedia", "events.csv:2:source_id: wikipedia is not a source_id in sources.csv"),
    ("events.csv", 3, "event_id", "vyacheslav-menzhinsky-death",
     "events.csv:3:event_id: vyacheslav-menzhinsky-death is a duplicate of line 2"),
])
def test_a_broken_cell_is_named_by_file_row_and_field(mini, file, line, field, value, message):
    set_cell(mini, file, line, field, value)
    assert message in problems_of(mini)


def test_every_problem_is_listed_not_only_the_first(mini):
    set_cell(mini, "events.csv", 2, "date", "1937-13")
    set_cell(mini, "people.csv", 3, "side", "nkvd")
    set_cell(mini, "roles.csv", 4, "role", "killer")
    assert len(problems_of(mini)) == 3


def test_nobody_dies_twice(mini):
    line = add_row(mini, "roles.csv", event_id="nikolai-yezhov-execution", person_id="genrikh-yagoda",
                   role="subject", certainty="stated")
    assert (f"roles.csv:{line}:person_id: genrikh-yagoda dies twice: in genrikh-yagoda-execution "
            "and in nikolai-yezhov-execution") in problems_of(mini)


def test_nobody_acts_after_their_death(mini):
    line = add_row(mini, "roles.csv", event_id="nikolai-yezhov-execution", person_id="genrikh-yagoda",
                   role="perpetrator", certainty="stated")
    assert (f"roles.csv:{line}:person_id: genrikh-yagoda is perpetrator of nikolai-yezhov-execution (1940-02-04) "
            "after their death in genrikh-yagoda-execution (1938-03-15)") in problems_of(mini)


def test_a_posthumous_trial_is_allowed(mini):
    add_row(mini, "events.csv", event_id="nestor-lakoba-trial", date="1937", type="trial",
            title="Posthumous accusation of Nestor Lakoba", scope="domestic", certainty="stated",
            summary="Accused after his death.", source_id="case-file-0121",
            locator="The Poisoning of Nestor Lakoba (28 December 1936) ¶4")
    add_row(mini, "roles.csv", event_id="nestor-lakoba-trial", person_id="nestor-lakoba", role="subject",
            certainty="stated")
    helpers.load(mini)


def test_overlapping_tenures_of_one_post(mini):
    set_cell(mini, "positions.csv", 4, "start", "1936-06")
    assert ("positions.csv:4:start: tenure nikolai-yezhov--secret-police-head (1936-06) overlaps "
            "genrikh-yagoda--secret-police-head (1934-07-10–1936-09-26) of the same post; mark one acting "
            "or record the conflict in attestations.csv") in problems_of(mini)


def test_an_acting_holder_may_overlap(mini):
    set_cell(mini, "positions.csv", 4, "start", "1936-06")
    set_cell(mini, "positions.csv", 4, "acting", "true")
    write_rows(mini / "attestations.csv", [r for i, r in enumerate(read_rows(mini / "attestations.csv")) if i != 1])
    helpers.load(mini)  # no source conflict recorded: acting alone lets it overlap


def test_an_overlap_recorded_as_a_source_conflict_is_allowed(mini):
    set_cell(mini, "positions.csv", 4, "start", "1936-06")
    set_cell(mini, "attestations.csv", 2, "agrees", "false")
    helpers.load(mini)


def test_an_alias_may_name_one_person_only(mini):
    line = add_row(mini, "aliases.csv", person_id="genrikh-yagoda", alias="Yezkov", kind="spelling",
                   source_id="case-file-0121", locator=SLUTSKY2)
    assert f"aliases.csv:{line}:alias: 'Yezkov' is already an alias of nikolai-yezhov (line 2)" in problems_of(mini)


def test_an_alias_may_not_be_another_persons_name(mini):
    line = add_row(mini, "aliases.csv", person_id="genrikh-yagoda", alias="Nikolai Yezhov", kind="spelling",
                   source_id="case-file-0121", locator=SLUTSKY2)
    assert f"aliases.csv:{line}:alias: 'Nikolai Yezhov' also names nikolai-yezhov" in problems_of(mini)


def test_an_attestation_names_one_thing(mini):
    set_cell(mini, "attestations.csv", 3, "position_id", "nikolai-yezhov--secret-police-head")
    assert "attestations.csv:3:event_id: give exactly one of event_id, position_id and person_id" in problems_of(mini)


def test_a_missing_and_an_extra_column(mini):
    rows = read_rows(mini / "people.csv")
    rows[0][rows[0].index("side")] = "faction"
    write_rows(mini / "people.csv", rows)
    found = problems_of(mini)
    assert "people.csv:1:side: column is missing" in found
    assert "people.csv:1:faction: column is not in datapackage.json; remove or rename it" in found


def test_a_stray_delimiter(mini):
    text = (mini / "roles.csv").read_text(encoding="utf-8").replace(
        "genrikh-yagoda-arrest,genrikh-yagoda,subject,stated,", "genrikh-yagoda-arrest,genrikh-yagoda,subject,,stated,")
    (mini / "roles.csv").write_text(text, encoding="utf-8")
    assert ("roles.csv:5:: has 6 cells but the header has 5 (a stray or missing comma, or an unquoted comma "
            "in a cell?)") in problems_of(mini)


def test_a_file_that_is_not_utf8(mini):
    data = (mini / "people.csv").read_text(encoding="utf-8").encode("cp1252")
    (mini / "people.csv").write_bytes(data)
    # line 2 is the first with a non-ASCII character: the pilcrow of its locator, 0xb6 in cp1252
    assert problems_of(mini) == ["people.csv:2:: is not UTF-8 text (byte 0xb6); save the file as UTF-8"]


def test_windows_line_endings_and_a_bom_load(mini):
    text = (mini / "events.csv").read_text(encoding="utf-8")
    (mini / "events.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert len(helpers.load(mini).events) == 11
