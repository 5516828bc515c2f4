"""Robustness: broken inputs give clear messages, nothing is lost, nothing is injected into reports."""
from __future__ import annotations

import pytest

from conftest import problems_of, read_rows, set_cell, write_rows
from helpers import ParameterError, params, paths, report



# ---- broken files: each with the exact message it must give ---------------------------------------

def test_an_empty_file(mini):
    (mini / "roles.csv").write_text("", encoding="utf-8")
    assert "roles.csv::: file is empty; it needs a header row and at least one row" in problems_of(mini)


def test_a_header_only(mini):
    rows = read_rows(mini / "aliases.csv")
    write_rows(mini / "aliases.csv", rows[:1])
    assert "aliases.csv::: has a header but no rows" in problems_of(mini)


def test_a_quote_left_open(mini):
    text = (mini / "people.csv").read_text(encoding="utf-8")
    (mini / "people.csv").write_text(text.replace("Head of the OGPU 1926-1934.", '"Head of the OGPU 1926-1934.'),
                                     encoding="utf-8")
    assert "people.csv:4:: cannot be read as CSV: a quote opened here is never closed" in problems_of(mini)


def test_a_very_long_field(mini):
    set_cell(mini, "events.csv", 2, "summary", "x" * 5000)
    assert "events.csv:2:summary: is 5,000 characters long; at most 1,000 allowed" in problems_of(mini)


def test_a_missing_file(mini):
    (mini / "roles.csv").unlink()
    assert "roles.csv::: file is missing" in problems_of(mini)


@pytest.mark.parametrize("value, message", [
    ("1937-13", "events.csv:2:date: '1937-13' is not an EDTF date"),
    ("19370", "events.csv:2:date: '19370' is not an EDTF date"),
])
def test_more_impossible_dates(mini, value, message):
    set_cell(mini, "events.csv", 2, "date", value)
    assert any(p.startswith(message) for p in problems_of(mini))


def test_an_unknown_end_reason(mini):
    set_cell(mini, "positions.csv", 2, "end_reason", "purged")
    assert ("positions.csv:2:end_reason: 'purged' is not one of: died, killed, dismissed, demoted, arrested, "
            "reorganised, replaced, promoted, resigned, defected, ongoing, unknown") in problems_of(mini)


def test_a_number_too_large(mini):
    set_cell(mini, "convictions_by_year.csv", 2, "convicted", "99999999999999999999")
    assert "convictions_by_year.csv:2:convicted: '99999999999999999999' is too large a number" in problems_of(mini)


def test_a_dangling_source_in_another_table(mini):
    set_cell(mini, "aliases.csv", 2, "source_id", "memoirs")
    assert "aliases.csv:2:source_id: memoirs is not a source_id in sources.csv" in problems_of(mini)


# ---- reports are safe to open -----------------------------------------------------------------------

# (that text from the data shows as text in every report is checked by test_report's full build)

def test_dossier_file_names_are_sanitised():
    from helpers.analyses.dossier import file_name

    assert file_name("../../etc/passwd") == "etc-passwd.html"
    assert file_name("a/b\\c") == "a-b-c.html"
    assert file_name("..") == "unnamed.html"


# ---- bad parameters: one wrong value per parameter, per notebook, through papermill's parameteriser --

NOWHERE = ("data_dir", "/nowhere",
           "Parameter `data_dir` got '/nowhere'; it accepts '' (the project's data) or a folder that holds "
           "datapackage.json.")
NOT_BOOL = "it accepts true or false (True/False)."
BAD = {
    "00-data-overview": [
        NOWHERE,
        ("first_year", "1930", "Parameter `first_year` got '1930'; it accepts a whole number."),
        ("last_year", 1850, "Parameter `last_year` got 1850; it accepts a value from 1917 to 2000."),
    ],
    "01-purge-cadence": [
        NOWHERE,
        ("start", "1937-13", "Parameter `start` got '1937-13'; it accepts a year such as 1937 or an EDTF date "
                             "such as '1937-09-04'."),
        ("end", 1900, "Parameter `end` got 1900; it accepts a year or date no earlier than `start` (1917)."),
        ("freq", "weekly", "Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'."),
        ("event_types", ["murder"], "Parameter `event_types` got 'murder' in its list; items may be 'appointment', "),
        ("scope", "foreign", "Parameter `scope` got 'foreign'; it accepts 'all', 'domestic' or 'abroad'."),
        ("include_alleged", "yes", f"Parameter `include_alleged` got 'yes'; {NOT_BOOL}"),
        ("rule", "smear", "Parameter `rule` got 'smear'; it accepts 'exclude' or 'spread'."),
    ],
    "02-leadership-turnover": [
        NOWHERE,
        ("posts", "head", "Parameter `posts` got 'head'; it accepts a list."),
        ("start", "19370", "Parameter `start` got '19370'; it accepts a year such as 1937 or an EDTF date such as "
                           "'1937-09-04'."),
        ("end", "1937-02-30", "Parameter `end` got '1937-02-30'; it accepts a year such as 1937 or an EDTF date "
                              "such as '1937-09-04'."),
        ("include_acting", "no", f"Parameter `include_acting` got 'no'; {NOT_BOOL}"),
    ],
    "03-fates-of-officials": [
        NOWHERE,
        ("group", "officials", "Parameter `group` got 'officials'; it accepts 'apparatus', 'targets' or 'all'."),
        ("event_of_interest", "purge", "Parameter `event_of_interest` got 'purge'; it accepts 'death' or 'arrest'."),
        ("include_alleged", 1, f"Parameter `include_alleged` got 1; {NOT_BOOL}"),
        ("cohort_by", "side", "Parameter `cohort_by` got 'side'; it accepts 'era' or 'level'."),
    ],
    "dossier": [
        NOWHERE,
        ("person", 42, "Parameter `person` got 42; it accepts a text string."),
        ("person", "Yezhof", "Parameter `person` got 'Yezhof', which names no person in the data; did you mean "
                             "Nikolai Yezhov?"),
    ],
    "04-operations-abroad": [
        NOWHERE,
        ("region", "Atlantis", "Parameter `region` got 'Atlantis'; it accepts 'world', 'europe' or a country code "
                               "of places.csv ("),
        ("start", "1937-13", "Parameter `start` got '1937-13'; it accepts a year such as 1937 or an EDTF date "
                             "such as '1937-09-04'."),
        ("end", 1916, "Parameter `end` got 1916; it accepts a year or date no earlier than `start` (1917)."),
        ("event_types", ["murder"], "Parameter `event_types` got 'murder' in its list; items may be 'appointment', "),
        ("include_alleged", "yes", f"Parameter `include_alleged` got 'yes'; {NOT_BOOL}"),
    ],
    "05-networks": [
        NOWHERE,
        ("as_of", "1941-13", "Parameter `as_of` got '1941-13'; it accepts a year such as 1937 or an EDTF date such as "
                             "'1937-09-04'."),
        ("source", "Spiegelmann", "Parameter `source` got 'Spiegelmann', which names no person in the data; did you "
                                  "mean Sergei Spiegelglas?"),
        ("target", 1937, "Parameter `target` got 1937; it accepts a text string."),
        ("include_alleged", "no", f"Parameter `include_alleged` got 'no'; {NOT_BOOL}"),
    ],
    "start-here": [
        NOWHERE,
        ("person", "Qwxyz", "Parameter `person` got 'Qwxyz', which names no person in the data; no similar name "
                            "is known."),
    ],
}


#: The value each notebook's own check cell is run with in a kernel; the preflight below runs every
#: value of BAD through the same `params.check_all` that the check cell calls.
IN_A_KERNEL = {"00-data-overview": "last_year", "01-purge-cadence": "freq", "02-leadership-turnover": "end",
               "03-fates-of-officials": "group",
               "04-operations-abroad": "region", "05-networks": "source", "dossier": "person", "start-here": "person"}


def test_each_notebook_stops_at_its_check_cell_with_the_sentence(tmp_path):
    """Each notebook runs in one kernel kept warm (as the build runs dossiers) with a bad value; each
    must stop at its parameter check with the sentence, never run on."""
    jobs, wanted = [], []
    for name, key in IN_A_KERNEL.items():
        value, sentence = next((v, s) for k, v, s in BAD[name] if k == key)
        jobs.append(report.Job(name=name, src=paths.NOTEBOOKS / f"{name}.ipynb", html=f"{name}.html",
                               parameters={key: value}))
        wanted.append((name, key, value, sentence))
    results = report.run_warm(jobs, tmp_path, with_code=False)
    wrong = [f"{name} with {key}={value!r}: {built.error or 'ran on'}" for (name, key, value, sentence), built
             in zip(wanted, results) if "ParameterError: " + sentence not in (built.error or "")]
    assert not wrong, "\n".join(wrong)
    assert all(built.error.startswith("cell 4: ") for built in results), [b.error for b in results]  # title, imports, parameters, check


def test_every_declared_parameter_has_a_wrong_value_here():
    assert {name: {key for key, _, _ in cases} for name, cases in BAD.items()} == {
        name: set(params.spec(name).names) for name in params.catalogue()}


@pytest.mark.parametrize("name, key, value, sentence", [(n, *bad) for n in sorted(BAD) for bad in BAD[n]])
def test_the_preflight_refuses_the_same_wrong_values_with_the_same_sentence(name, key, value, sentence):
    """The build's check before any kernel starts reads the same declaration as the notebook's check cell."""
    with pytest.raises(ParameterError) as err:
        report.preflight(paths.NOTEBOOKS / f"{name}.ipynb", {key: value})
    assert str(err.value).startswith(sentence)
