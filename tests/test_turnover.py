"""helpers.turnover and helpers.falls: tenures and their length bounds, succession, falls, turnover,
purgers purged, the sentences built on them (helpers.captions.turnover), and the leadership-turnover
notebook run with other parameters. Expected values are counted by hand from data/positions.csv,
events.csv and roles.csv (the rows are named in the comments)."""
from pathlib import Path

import pandas as pd
import pytest

from conftest import markdown_of, run_notebook
from helpers import Dataset, ParameterError, captions, dates, evidence, falls, params, purges, report, turnover
from helpers.analyses import turnover_claims

NB = Path(__file__).resolve().parents[1] / "notebooks" / "02-leadership-turnover.ipynb"
T = pd.Timestamp


def _with(ds, **tables):
    """The real data with some tables replaced (an in-memory variant to test one rule on)."""
    return Dataset(descriptor=ds.descriptor, tables={**ds.tables, **tables})


def _redate(ds, attestation_id, date):
    """The real data with one attestation's date changed (an EDTF date, read by helpers.dates)."""
    a = ds.attestations.copy()
    hit = a.attestation_id == attestation_id
    assert hit.sum() == 1
    bounds = dates.parse(date)
    a.loc[hit, "date"] = date
    a.loc[hit, "date_earliest"], a.loc[hit, "date_latest"] = T(bounds.earliest), T(bounds.latest)
    return _with(ds, attestations=a)


def _row(frame, **where):
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.sum() == 1, f"{mask.sum()} rows match {where}"
    return frame[mask].iloc[0]


@pytest.fixture(scope="module")
def main(ds):
    """The main posts over the default window of the notebook (1917 to 1941), acting holders included."""
    return turnover.tenures(ds, [], T("1917-01-01"), T("1941-12-31"))


# --- lengths -------------------------------------------------------------------------------------

def test_length_bounds_of_partial_dates():
    # start '1937' = 1937-01-01..1937-12-31, end '1938-03' = 1938-03-01..1938-03-31:
    # shortest 1937-12-31 -> 1938-03-01 = 31 + 28 + 1 = 60; longest 1937-01-01 -> 1938-03-31 = 365 + 31 + 28 + 30 = 454.
    # Second row: start and end in the same month, 1938-03 -> 1938-03-20: the shortest cannot go below 0.
    shortest, longest = turnover.length_bounds(
        [T("1937-01-01"), T("1938-03-01")], [T("1937-12-31"), T("1938-03-31")],
        [T("1938-03-01"), T("1938-03-20")], [T("1938-03-31"), T("1938-03-20")])
    assert list(shortest) == [60, 0]
    assert list(longest) == [454, 19]


def test_length_bounds_of_a_zero_length_and_a_one_day_tenure():
    # Start and end on the same day: 0 and 0. Start 1938-03-01, end 1938-03-02: 1 and 1.
    shortest, longest = turnover.length_bounds([T("1938-03-01"), T("1938-03-01")], [T("1938-03-01"), T("1938-03-01")],
                                               [T("1938-03-01"), T("1938-03-02")], [T("1938-03-01"), T("1938-03-02")])
    assert list(shortest) == [0, 1] and list(longest) == [0, 1]


def test_lengths_under_several_sources_in_one_phrase():
    assert turnover.by_source([("case-file-0121", 8, 8), ("reference-facts", 100, 100)]) == \
        "8 days (case file) or 100 (reference-facts)"
    # equal readings collapse into one, without naming a source
    assert turnover.by_source([("case-file-0121", 8, 8), ("reference-facts", 8, 8)]) == "8 days"
    # bounds, an open upper bound, and one source named twice (two of its pages disagree)
    assert turnover.by_source([("reference-facts", 81, 110), ("reference-facts", 4922, pd.NA)]) == \
        "81 to 110 days (reference-facts) or ≥ 4,922 (reference-facts, another page)"


def test_yagoda_as_head(main):
    # positions: genrikh-yagoda--secret-police-head, 1934-07-10 to 1936-09-26. Days: 1934-07-10 -> 1936-07-10 is
    # 365 + 366 (29 Feb 1936) = 731, -> 1936-09-10 +31 +31 = 793, -> 1936-09-26 +16 = 809.
    # The reference dates this NKVD post 1934-07-10 to 1936-09-26 too (...--start--ref-2, ...--end--ref, both
    # agreeing), so its reading is the package's: 809 days, no other reading. (Until data 0.3.0 its 1934-05-10,
    # the start of Yagoda's OGPU headship, was misread as a start of this post: "809 to 870 (reference-facts)";
    # it now dates the end of his OGPU first deputyship, attestation genrikh-yagoda--secret-police-first-deputy--end--ref.)
    row = _row(main, position_id="genrikh-yagoda--secret-police-head")
    assert (row.start, row.end, row.end_reason) == ("1934-07-10", "1936-09-26", "demoted")
    assert (row.shortest_days, row.longest_days) == (809, 809)
    assert row.length == "809 days" and not row.differs
    assert row.fate == "executed" and row.fate_date == "1938-03-15"


def test_yezhov_as_head(main):
    # nikolai-yezhov--secret-police-head, 1936-09-26 to 1938-11-25: 1936-09-26 -> 1938-09-26 = 365 + 365 = 730
    # (no 29 February), -> 1938-10-26 +30, -> 1938-11-25 +30 = 790.
    row = _row(main, position_id="nikolai-yezhov--secret-police-head")
    assert (row.shortest_days, row.longest_days) == (790, 790)
    assert not row.acting


def test_a_partial_date_tenure_has_bounds_not_a_number(main):
    # yakov-agranov--saratov-nkvd-head, 1937-04 to 1937-07-20. Shortest from 1937-04-30: May 31 + June 30 + 20 = 81;
    # longest from 1937-04-01: 29 + 1 + 31 + 30 + 19 = 110.
    # The reference starts it about a month after 15 April 1937 (attestation ...--start--ref, 1937-05~, data
    # 0.3.0): shortest from 1937-05-31: 30 + 20 = 50; longest from 1937-05-01: 30 + 30 + 20 = 80.
    row = _row(main, position_id="yakov-agranov--saratov-nkvd-head")
    assert (row.shortest_days, row.longest_days) == (81, 110)
    assert row.length == "81 to 110 days (case file) or 50 to 80 (reference-facts)" and row.differs
    assert not row.contested  # the package's own dates fill no gap


def test_an_ongoing_tenure_is_open_to_the_end_of_the_data(main):
    # vasily-blokhin--kommandatura-commander, 1927~ (latest start 1927-12-31), ongoing; the case file ends
    # 1941-06-22. 1927-12-31 -> 1940-12-31 = 13 * 365 + 4 leap days (1928, 1932, 1936, 1940) = 4,749;
    # -> 1941-06-22: 31 + 28 + 31 + 30 + 31 + 22 = 173; total 4,922. No upper bound.
    row = _row(main, position_id="vasily-blokhin--kommandatura-commander")
    assert row.shortest_days == 4922 and pd.isna(row.longest_days) and row.open_end
    assert row.length == "≥ 4,922 days (in post at the end of the data, 1941-06-22)"


def test_a_gap_is_filled_from_the_reference_and_marked(ds, main):
    # abram-slutsky--foreign-department-head has no start; the agreeing attestation
    # abram-slutsky--foreign-department-head--start--ref gives 1935-05-21. End 1938-02-17:
    # 1935-05-21 -> 1937-05-21 = 366 (29 Feb 1936) + 365 = 731; then month by month to 1938-01-21:
    # 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 245; -> 1938-02-17: 10 + 17 = 27; total 1,003.
    row = _row(main, position_id="abram-slutsky--foreign-department-head")
    assert (row.start, row.start_by, row.shortest_days) == ("1935-05-21", "reference-facts", 1003)
    assert not row.contested  # one gap-filler, nothing rivals it
    raw = turnover.tenures(ds, ["foreign-department-head"], fill_gaps=False)
    assert pd.isna(_row(raw, position_id="abram-slutsky--foreign-department-head").start)


def test_only_a_gap_filling_attestation_fills_a_gap(ds):
    # The same attestation with agrees = true (a vacuous agreement with a date the package lacks) fills nothing.
    a = ds.attestations.copy()
    a.loc[a.attestation_id == "abram-slutsky--foreign-department-head--start--ref", "agrees"] = True
    t = turnover.tenures(_with(ds, attestations=a), ["foreign-department-head"])
    assert pd.isna(_row(t, position_id="abram-slutsky--foreign-department-head").start)


def test_rival_gap_fillers_give_the_hull_and_mark_the_tenure_contested(ds, main):
    # artur-artuzov--foreign-department-head: start 1929-10 (case file), no end; since data 0.3.1 the reference
    # gives one end, 1935-05-21 (the "1936" of a copy it calls wrong is dropped): a gap-filler, not contested.
    # Shortest 1929-10-31 -> 1935-05-21: to 1934-10-31 five years with 29 Feb 1932 = 1,826, then Nov 30 + Dec 31
    # + Jan 31 + Feb 28 + Mar 31 + Apr 30 = 181, + 21 = 2,028. Longest 1929-10-01 -> 1935-05-21: 2,028 + 30 = 2,058.
    # Under the reference its start is 1931-07-31 or 1931-08-01 (attestations --start--ref, --ref-2): shortest
    # 1931-08-01 -> 1935-05-21: three years with 1932 = 1,096, + Aug..Apr 273, + 20 = 1,389; longest from
    # 1931-07-31: 1,390.
    row = _row(main, position_id="artur-artuzov--foreign-department-head")
    assert (row.end, row.end_earliest, row.end_latest) == ("1935-05-21", T("1935-05-21"), T("1935-05-21"))
    assert not row.end_contested and not row.start_contested and not row.contested
    assert (row.shortest_days, row.longest_days) == (2028, 2058)
    # The package's reading takes its end from the reference's gap-filler (the case file gives none), so it is
    # not the case file's alone and says so (it read '(case file)' before: the historians' c8).
    assert row.length == "2,028 to 2,058 days (case file; end from reference-facts) or 1,389 to 1,390 (reference-facts)"
    table = turnover.length_table(main)
    assert _row(table, holder="Artur Artuzov", post="Foreign department head").end == "1935-05-21 (ref.)"
    # Beria's head tenure: 'ongoing' in the case file (positions.csv end_reason), ended 1945-12-29 by the
    # reference's gap-filler: the table no longer puts 'ongoing' beside a dated end.
    beria = _row(table, holder="Lavrenty Beria", post="Secret police head")
    assert (beria.end, beria.ended) == ("1945-12-29 (ref.)", "ongoing in the case file")
    # Trilisser's start: 1922-03 or 1922-05-13 (two reference pages), the hull from 1922-03-01.
    trilisser = _row(main, position_id="mikhail-trilisser--foreign-department-head")
    assert (trilisser.start, trilisser.start_earliest, trilisser.start_latest) == (
        "1922-03 or 1922-05-13", T("1922-03-01"), T("1922-05-13"))
    assert trilisser.start_contested
    # Merkulov as deputy: start 1938-11-25 or 1938-12-17, end 1941-02-03 (one gap-filler, not contested).
    merkulov = _row(turnover.tenures(ds, ["secret-police-deputy"]), position_id="vsevolod-merkulov--secret-police-deputy")
    assert merkulov.start == "1938-11-25 or 1938-12-17" and merkulov.start_contested and not merkulov.end_contested


def test_dzerzhinsky_under_each_source(main):
    # felix-dzerzhinsky--secret-police-head: no start in the case file; the reference fills it with
    # 1917-12-20. Its 1918-08-22 is his resumption after Peters's interim (it also ends the tenure on
    # 1918-07-07): a break, not a rival start (`turnover.breaks`). End 1926 (case file).
    # Case file: shortest 1917-12-20 -> 1926-01-01: to 1925-12-20 eight years with 1920 and 1924 = 2,922,
    # + 12 = 2,934; longest -> 1926-12-31: 2,922 + 365 + 11 = 3,298.
    # Reference: from its first start to its last end, 1917-12-20 -> 1926-07-20: 2,922 + 31 (to Jan 20)
    # + 31 + 28 + 31 + 30 + 31 + 30 = 212 -> 3,134 (Peters's 46 days inside it).
    row = _row(main, position_id="felix-dzerzhinsky--secret-police-head")
    assert (row.start, row.start_by, row.contested) == ("1917-12-20", "reference-facts", False)
    assert (row.shortest_days, row.longest_days) == (2934, 3298)
    # The start is the reference's (the case file gives none): the package's reading says so.
    assert row.length == "2,934 to 3,298 days (case file; start from reference-facts) or 3,134 (reference-facts)"


def test_a_break_is_no_rival_date_but_a_source_at_a_finer_precision_is_a_reading(ds, main):
    from helpers.analyses import turnover as t_

    assert t_.breaks(ds.attestations) == {"felix-dzerzhinsky--secret-police-head--end--ref",
                                          "felix-dzerzhinsky--secret-police-head--start--ref-2"}
    # Menzhinsky: the case file gives 1926 to 10 May 1934; the reference agrees at a finer day,
    # 30 Jul 1926 to 10 May 1934: 1926-07-30 -> 1933-07-30 seven years with 1928 and 1932 = 2,557;
    # -> 1934-05-10: 1 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 10 = 284 -> 2,841.
    readings = t_.tenure_readings(ds, main)
    mine = readings[readings.position_id == "vyacheslav-menzhinsky--secret-police-head"].set_index("reading")
    assert (mine.at["reference-facts", "shortest_days"], mine.at["reference-facts", "longest_days"]) == (2841, 2841)
    assert (mine.at["package", "shortest_days"], mine.at["package", "longest_days"]) == (2687, 3051)


def test_a_post_with_an_acting_holder(ds, main):
    # jekabs-peters--secret-police-head: acting, 1918-07-07 to 1918-08-22 = 24 + 22 = 46 days.
    row = _row(main, position_id="jekabs-peters--secret-police-head")
    assert bool(row.acting) and row.longest_days == 46
    without = turnover.tenures(ds, ["secret-police-head"], include_acting=False)
    assert "jekabs-peters" not in set(without.person_id)
    assert len(without) == 5  # Dzerzhinsky, Menzhinsky, Yagoda, Yezhov, Beria


# --- posts, organs, lineage ----------------------------------------------------------------------

def test_posts_by_level_and_by_name(ds):
    # positions with level regional_head: far-eastern-nkvd-head, georgian-secret-police-head, kazakh-nkvd-head,
    # leningrad-nkvd-head, moscow-nkvd-head, petrograd-cheka-head, saratov-nkvd-head.
    assert turnover.select_posts(ds, ["regional_head"]) == [
        "far-eastern-nkvd-head", "georgian-secret-police-head", "kazakh-nkvd-head", "leningrad-nkvd-head",
        "moscow-nkvd-head", "petrograd-cheka-head", "saratov-nkvd-head"]
    main = turnover.select_posts(ds, [])
    assert main[:3] == ["secret-police-head", "secret-police-first-deputy", "gugb-head"]
    assert "saratov-nkvd-head" in main and "navy-commissar" not in main
    assert turnover.select_posts(ds, ["navy-commissar"]) == ["navy-commissar"]


def test_an_unknown_post_stops_with_one_sentence(ds):
    with pytest.raises(ParameterError) as err:
        turnover.select_posts(ds, ["gugb-haed"])
    assert str(err.value).startswith("Parameter `posts` got 'gugb-haed' in its list; items may be a level ('head', ")
    assert str(err.value).endswith("or a post of positions.csv such as 'secret-police-head' (did you mean 'gugb-head'?).")


def test_organs_hold_the_nkvd_and_its_units_not_the_harmless_commissariats(ds):
    inside = set(evidence.organs(ds.organisations))
    assert {"cheka", "ogpu", "nkvd", "gugb", "foreign-department", "kommandatura", "laboratory-1",
            "special-office", "saratov-nkvd", "georgian-secret-police"} <= inside
    assert not {"navy-commissariat", "water-transport-commissariat", "post-and-telegraph-commissariat",
                "comintern-polish-section", "rovs"} & inside


def test_lineage_of_the_agencies(ds):
    # organisations.csv, kind secret_police, by founding date.
    table = turnover.lineage(ds)
    assert list(table.org_id) == ["cheka", "gpu", "ogpu", "gugb", "nkgb"]
    assert list(table.label) == ["Cheka", "GPU", "OGPU", "GUGB", "NKGB"]
    assert (table.founded.iloc[1], table.dissolved.iloc[3]) == ("1922-02-06", "1941-02-03")


# --- succession ----------------------------------------------------------------------------------

def test_succession_of_the_head(main):
    chain = turnover.succession(main)
    heads = chain[chain.post == "Secret police head"].set_index("holder")
    # Peters stood in during Dzerzhinsky's tenure (1918-07-07 to 1918-08-22 inside 1917-12-20/1918-08-22 to 1926).
    assert tuple(heads.loc["Jēkabs Peters", ["predecessor", "successor"]]) == ("Felix Dzerzhinsky", "Felix Dzerzhinsky")
    assert tuple(heads.loc["Felix Dzerzhinsky", ["predecessor", "successor"]]) == ("—", "Vyacheslav Menzhinsky")
    assert tuple(heads.loc["Nikolai Yezhov", ["predecessor", "successor", "ended", "fate", "fate_date"]]) == (
        "Genrikh Yagoda", "Lavrenty Beria", "dismissed", "executed", "1940-02-04")  # officially at his own request


def test_succession_on_a_tiny_frame():
    # Three tenures of one post: A 1920-1930, B acting 1925-01 to 1925-03 (inside A's), C 1930-1935, and
    # D acting 1935-01 to 1935-06 after C's end: B stands in for A; D is a link of the chain.
    t = pd.DataFrame({
        "post": ["p"] * 4, "post_label": ["P"] * 4, "name": ["A", "B", "C", "D"],
        "acting": [False, True, False, True], "start": ["1920", "1925-01", "1930", "1935-01"],
        "end": ["1930", "1925-03", "1935-01-01", "1935-06"],
        "start_earliest": [T("1920-01-01"), T("1925-01-01"), T("1930-01-01"), T("1935-01-01")],
        "end_latest": [T("1930-12-31"), T("1925-03-31"), T("1935-01-01"), T("1935-06-30")],
        "end_reason": ["replaced"] * 4, "fate": ["unknown"] * 4, "fate_date": [None] * 4})
    chain = turnover.succession(t).set_index("holder")
    assert list(chain.predecessor) == ["—", "A", "A", "C"]
    assert list(chain.successor) == ["C", "A", "D", "—"]
    # How they ended, as the sentence counts them: A arrested, B and D replaced (acting), C died in office.
    chain = turnover.succession(t.assign(end_reason=["arrested", "replaced", "died", "replaced"]))
    ends = turnover.endings(chain)
    assert (list(ends["forced"].holder), list(ends["died"].holder), list(ends["acting"].holder)) == (
        ["A"], ["C"], ["B", "D"])


# --- falls ---------------------------------------------------------------------------------------

def test_yezhov_from_water_transport_to_arrest(ds):
    # nikolai-yezhov--water-transport-commissar starts 1938-04-06; nikolai-yezhov-arrest 1939-04-10:
    # 1938-04-06 -> 1939-04-06 = 365, + 4 = 369 days. He took Water Transport while still head
    # (head until 1938-11-25): 1938-04-06 - 1938-11-25 = -(24 + 31 + 30 + 31 + 31 + 30 + 31 + 25) = -233.
    steps = falls.fall_sequences(ds, ["nikolai-yezhov"])
    arrest = _row(steps, step="arrested")
    assert (arrest.after, arrest.date, arrest.lag_min, arrest.lag_max) == ("demoted", "1939-04-10", 369, 369)
    demoted = _row(steps, step="demoted")
    assert (demoted.what, demoted.lag_min) == ("People's Commissar for Water Transport", -233)
    assert list(steps.step) == ["left", "demoted", "arrested", "tried", "died"]


def test_yagoda_fall_with_a_month_dated_arrest(ds):
    # Post and Telegraph from 1936-09-26 (same day he left the NKVD); arrest 1937-03 (a month):
    # 1936-09-26 -> 1937-03-01 = 4 + 31 + 30 + 31 + 31 + 28 + 1 = 156; -> 1937-03-31 = 186.
    steps = falls.fall_sequences(ds, ["genrikh-yagoda"])
    assert _row(steps, step="demoted").lag_min == 0
    arrest = _row(steps, step="arrested")
    assert (arrest.lag_min, arrest.lag_max) == (156, 186)
    spans = falls.fall_spans(ds, steps)
    # arrest 1937-03-01..31 -> execution 1938-03-15: from 03-31 it is 365 - 16 = 349; from 03-01, 379.
    # No second source dates these steps differently: one reading.
    assert list(spans.reading) == ["package"]
    assert (spans.arrest_to_death_min.iloc[0], spans.arrest_to_death_max.iloc[0]) == (349, 379)


def test_artuzov_and_zakovsky_under_each_source(ds):
    # Artuzov: arrested 1937-05-13 (case file) or in the night of 12 to 13 May (the reference, agreeing),
    # executed 1937-05-21 (case file): 8 days; the reference has 1937-08-21: 1937-05-13 -> 1937-08-13 =
    # 31 + 30 + 31 = 92, + 8 = 100, and from 12 May 101.
    # Zakovsky: arrest 1938-08-19 (case file), shot 1938-08-29 (both): 10 days; the reference arrests him on
    # 1938-04-30: May 31 + Jun 30 + Jul 31 + 29 = 121.
    steps = falls.fall_sequences(ds, ["artur-artuzov", "leonid-zakovsky"])
    spans = falls.fall_spans(ds, steps).set_index(["person_id", "reading"])
    assert tuple(spans.loc[("artur-artuzov", "package"), ["arrest_to_death_min", "arrest_to_death_max"]]) == (8, 8)
    assert tuple(spans.loc[("artur-artuzov", "reference-facts"), ["arrest_to_death_min", "arrest_to_death_max"]]) == (100, 101)
    assert tuple(spans.loc[("leonid-zakovsky", "package"), ["arrest_to_death_min", "arrest_to_death_max"]]) == (10, 10)
    assert tuple(spans.loc[("leonid-zakovsky", "reference-facts"), ["arrest_to_death_min", "arrest_to_death_max"]]) == (121, 121)
    table = falls.fall_table(ds, steps)
    assert table.loc["Artur Artuzov", "arrest to death"] == "8 days (case file) or 100 to 101 (reference-facts)"
    assert table.loc["Leonid Zakovsky", "arrest to death"] == "10 days (case file) or 121 (reference-facts)"


def test_the_quickest_end_under_each_source(ds):
    # Of Artuzov and Zakovsky (counts above): Artuzov under both sources (8 < 10; at most 101 < 121).
    steps = falls.fall_sequences(ds, ["artur-artuzov", "leonid-zakovsky"])
    quick = falls.quickest_end(ds, steps)
    assert list(zip(quick.reading, quick.person_id, quick.arrest_to_death_max)) == [
        ("package", "artur-artuzov", 8), ("reference-facts", "artur-artuzov", 101)]
    # The sentence names each span's sources from its rows: the case file's two events; the reference's two
    # attestations (artur-artuzov-arrest--date--ref, artur-artuzov-execution--date--ref).
    sentence = captions.turnover.quickest(falls.quickest_claim(ds, steps), falls.quickest_spans(ds, steps)).text
    assert sentence == (" The quickest end is **Artur Artuzov**'s: from the arrest to the death, 8 days in the case "
                        "file, or 100 to 101 days in the reference.")
    # Were the reference to shoot Artuzov on 1937-12-21 (18 + 30 + 31 + 31 + 30 + 31 + 30 + 21 = 222 days after
    # 13 May, 223 after 12 May), Zakovsky's 121 would be the reference's quickest: the ranking changes.
    other = _redate(ds, "artur-artuzov-execution--date--ref", "1937-12-21")
    quick = falls.quickest_end(other, falls.fall_sequences(other, ["artur-artuzov", "leonid-zakovsky"]))
    assert list(zip(quick.reading, quick.person_id, quick.arrest_to_death_max)) == [
        ("package", "artur-artuzov", 8), ("reference-facts", "leonid-zakovsky", 121)]
    steps = falls.fall_sequences(other, ["artur-artuzov", "leonid-zakovsky"])
    sentence = captions.turnover.quickest(falls.quickest_claim(other, steps), falls.quickest_spans(other, steps)).text
    assert sentence == (" The quickest end as recorded is **Artur Artuzov**'s; under each source's dates: Artur Artuzov's "
                        "(8 days in the case file) but Leonid Zakovsky's (121 days in the reference).")
    # A tie: were the reference to arrest Zakovsky on 18 or 19 August (10 to 11 days before 29 August) and
    # shoot Artuzov on 1937-05-23 (10 days after 13 May, 11 after 12 May), both take 10 to 11 days under the
    # reference; equal bounds, so the name decides (Artur before Leonid).
    tie = _redate(_redate(ds, "leonid-zakovsky-arrest--date--ref", "1938-08-18/1938-08-19"),
                  "artur-artuzov-execution--date--ref", "1937-05-23")
    quick = falls.quickest_end(tie, falls.fall_sequences(tie, ["artur-artuzov", "leonid-zakovsky"]))
    assert list(zip(quick.reading, quick.person_id, quick.arrest_to_death_max)) == [
        ("package", "artur-artuzov", 8), ("reference-facts", "artur-artuzov", 11)]
    # Both 10 to 11 days: Zakovsky's shortest (10) is below Artuzov's longest (11), so his end may have been
    # the quicker one; under the case file (8 against 10) nobody's may.
    assert quick.may_be_quicker.tolist() == [[], ["Leonid Zakovsky"]]
    # One day less for Zakovsky (19 August only: 10 days) and he is the quicker under the reference.
    tie = _redate(_redate(ds, "leonid-zakovsky-arrest--date--ref", "1938-08-19"),
                  "artur-artuzov-execution--date--ref", "1937-05-23")
    quick = falls.quickest_end(tie, falls.fall_sequences(tie, ["artur-artuzov", "leonid-zakovsky"]))
    assert list(zip(quick.reading, quick.person_id)) == [("package", "artur-artuzov"), ("reference-facts", "leonid-zakovsky")]
    # Artuzov's shortest under the reference (10) equals Zakovsky's longest (10): not shorter, so no room.
    assert quick.may_be_quicker.tolist() == [[], []]


def test_loose_dates_that_leave_room_for_a_quicker_end(ds):
    # Every holder who fell (shown: all the posts): under the case file Artuzov's 8 days lead, but Medved's
    # arrest and death (both of 1937, loosely dated) may lie within 8 days; under the reference Artuzov's 101
    # days lead by the longest span, while Frinovsky (35 to 399), Spiegelglas (1 to 1,460), Merkulov (84 to
    # 113, the package's dates) and Medved could each be quicker.
    steps = falls.fall_sequences(ds, falls.tenures(ds, [], None, None).person_id)
    quick = falls.quickest_end(ds, steps)
    assert quick.may_be_quicker.tolist() == [["Filipp Medved"], [
        "Filipp Medved", "Mikhail Frinovsky", "Sergei Spiegelglas", "Vsevolod Merkulov"]]
    words = captions.turnover._room(quick).text
    assert words.endswith("the dates of Filipp Medved, Mikhail Frinovsky, Sergei Spiegelglas and Vsevolod Merkulov "
                          "are loose enough that theirs may have been quicker still.")
    assert captions.turnover._room(quick.assign(may_be_quicker=[[], []])).text == ""


def test_how_the_falls_ended(ds):
    # Yezhov took Water Transport 233 days before leaving the organs (above), Yagoda Post and Telegraph the
    # day he left (lag 0: not before). Both were shot after an arrest the data records (nikolai-yezhov-execution,
    # genrikh-yagoda-execution). The quickest end ranks the longest possible span: Yezhov's 1939-04-10 ->
    # 1940-02-04 = 20 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 4 = 300 days, Yagoda's at most 379 (above).
    steps = falls.fall_sequences(ds, ["nikolai-yezhov", "genrikh-yagoda"])
    outcome = falls.outcomes(ds, steps)
    assert set(outcome["fallen"].name) == {"Nikolai Yezhov", "Genrikh Yagoda"}
    assert set(outcome["dead"].name) == {"Nikolai Yezhov", "Genrikh Yagoda"}
    assert list(outcome["demoted_first"].name) == ["Nikolai Yezhov"]
    assert set(outcome["quickest"].name) == {"Nikolai Yezhov"}


def _event_on(ds, event_id, day):
    """The real data with one event moved to a single day."""
    e = ds.events.copy()
    hit = e.event_id == event_id
    assert hit.sum() == 1
    e.loc[hit, "date"], e.loc[hit, "start"], e.loc[hit, "end"] = day, T(day), T(day)
    return _with(ds, events=e)


def test_no_fall_to_an_arrest_after_the_account_ends(ds):
    # The case file's account ends on 22 Jun 1941 (its last dated event). Beria's last post in the data ends
    # 1945-12-29 (lavrenty-beria--secret-police-head, the reference); he was arrested on 1953-06-26 as head
    # of the MVD, a post the data does not hold: the 2,736 days from 1945 to 1953 are no fall. Sudoplatov's
    # last post ends about Mar 1939, his arrest is of 1953: likewise. Trilisser (left 1930, arrested
    # 1938-11-23, within the account) keeps his span.
    # Merkulov (arrested Sep 1953) has no post in the organs in the data: no fall to measure, nothing to say.
    people = ["lavrenty-beria", "pavel-sudoplatov", "mikhail-trilisser", "vsevolod-merkulov"]
    steps = falls.fall_sequences(ds, people)
    assert sorted(falls.arrested_after_the_account(ds, steps)) == ["lavrenty-beria", "pavel-sudoplatov"]
    assert falls.fall_table(ds, steps).loc["Vsevolod Merkulov", "fall to arrest"] == "—"
    spans = falls.fall_spans(ds, steps).set_index(["person_id", "reading"])
    assert spans.loc[("lavrenty-beria", "package"), "fall_to_arrest_min"] is pd.NA
    assert spans.loc[("lavrenty-beria", "package"), "arrest_to_death_max"] == 180  # 26 Jun -> 23 Dec 1953
    assert spans.loc[("mikhail-trilisser", "package"), "fall_to_arrest_min"] == 2884
    table = falls.fall_table(ds, steps)
    assert table.loc["Lavrenty Beria", "fall to arrest"] == (
        "— (arrested after the account's end, 22 Jun 1941: later posts not in the data)")
    assert table.loc["Lavrenty Beria", "last post ended"] == "1945-12-29"
    # The bound: an arrest on the account's last day is within it (1941-06-22 - 1945-12-29 < 0: a span of
    # -1,651 days, the post outlasting the arrest); a day later it is not.
    on_the_day = _event_on(ds, "lavrenty-beria-arrest", "1941-06-22")
    steps = falls.fall_sequences(on_the_day, ["lavrenty-beria"])
    assert falls.arrested_after_the_account(on_the_day, steps) == []
    assert falls.fall_spans(on_the_day, steps).fall_to_arrest_min.iloc[0] == -1651
    day_after = _event_on(ds, "lavrenty-beria-arrest", "1941-06-23")
    assert falls.arrested_after_the_account(day_after, falls.fall_sequences(day_after, ["lavrenty-beria"])) == [
        "lavrenty-beria"]


def test_no_fall_without_a_demotion_or_an_arrest(ds):
    # Menzhinsky died in post (vyacheslav-menzhinsky-death), never demoted or arrested.
    assert falls.fall_sequences(ds, ["vyacheslav-menzhinsky"]).empty


# --- turnover ------------------------------------------------------------------------------------

def test_holders_of_the_foreign_department_in_1938(ds, main):
    # foreign-department-head tenures touching 1938: Slutsky (to 1938-02-17), Spiegelglas (acting, 1938-02 to 11-02),
    # Passov (1938-06? to 1938-09/11), Sudoplatov (acting, from 1938-11), Dekanozov (from 1938-12-02) = 5;
    # without acting holders (Spiegelglas, acting in the reference's §1b since data 0.3.0, and Sudoplatov):
    # Slutsky, Passov, Dekanozov = 3.
    coverage = T("1941-06-22")
    assert turnover.holders_per_year(main, 1917, 1941, coverage).loc["Foreign department head", 1938] == 5
    no_acting = turnover.tenures(ds, ["foreign-department-head"], T("1917-01-01"), T("1941-12-31"), include_acting=False)
    assert turnover.holders_per_year(no_acting, 1938, 1938, coverage).loc["Foreign department head", 1938] == 3


def test_share_shot_per_post(main):
    # First deputies: Yagoda, Agranov, Zakovsky (the case file's), Frinovsky and Merkulov (the reference's, data
    # 0.5.0), all executed (fates: *-execution) -> 5 of 5.
    # Heads (with Peters): Yagoda, Yezhov, Beria executed, and Peters too (jekabs-peters-execution,
    # 1938-04-25, stated); Menzhinsky died of illness (both sources) and Dzerzhinsky died -> 4 of 6 plainly.
    # Menzhinsky's poisoning, alleged (Yagoda's forced confession: roles vyacheslav-menzhinsky-death |
    # genrikh-yagoda | perpetrator, alleged), puts him among those on doubt: 1 more (the old column
    # `of_which_alleged` said 0, losing that doubt: the historians' c6).
    rates = turnover.turnover(main, turnover.holders_per_year(main, 1917, 1941, T("1941-06-22"))).set_index("post")
    assert tuple(rates.loc["Secret police first deputy", ["holders", "shot_or_killed", "share_shot_or_killed"]]) == (5, 5, 1.0)
    assert tuple(rates.loc["Secret police head", ["holders", "shot_or_killed", "more_on_doubt"]]) == (6, 4, 1)
    # Two heads in a year (positions.csv): 1918 (Dzerzhinsky, Peters), 1926 (Dzerzhinsky, Menzhinsky), 1934
    # (Menzhinsky, Yagoda), 1936 (Yagoda, Yezhov), 1938 (Yezhov, Beria): a tie of five, each named, not the first.
    assert rates.loc["Secret police head", "busiest_years"] == "1918, 1926, 1934, 1936, 1938"
    assert rates.loc["Secret police head", "most_in_a_year"] == 2


# --- purgers purged ------------------------------------------------------------------------------

def test_yezhov_arrested_artuzov_and_fell_later(ds):
    # artur-artuzov-arrest (1937-05-13) ordered by Yezhov; Yezhov's own first removal after it is
    # nikolai-yezhov-dismissal (1938-11-25), ordered by Stalin (alleged):
    # 1937-05-13 -> 1938-05-13 = 365, -> 1938-11-13 = 184 (31+30+31+31+30+31), + 12 = 561.
    table = purges.purger_purged(ds)
    row = _row(table, purger="Nikolai Yezhov", purged="Artur Artuzov")
    assert (row.act, row.purger_fell, row.fell_date, row.fell_by) == (
        "arrest (ordered by)", "dismissal", "1938-11-25", "Joseph Stalin (alleged)")
    assert (row.lag_min, row.lag_max) == (561, 561)
    assert "Joseph Stalin" not in set(table.purger)  # never removed


def test_a_purge_is_officials_striking_officials(ds):
    # Trilisser organised the arrests of Savinkov (émigré) and Reilly (foreign agent): captures of enemies, not
    # purges; Toivo Vaha's part in Reilly's arrest neither. Yagoda's dismissal of Trilisser (1929-10) is one:
    # Yagoda fell in his turn (genrikh-yagoda-demotion 1936-09-26).
    table = purges.purger_purged(ds)
    pairs = set(zip(table.purger, table.purged))
    assert not {("Mikhail Trilisser", "Boris Savinkov"), ("Mikhail Trilisser", "Sidney Reilly"),
                ("Toivo Vähä", "Sidney Reilly")} & pairs
    assert not {"Boris Savinkov", "Sidney Reilly"} & set(table.purged)
    assert {("Genrikh Yagoda", "Mikhail Trilisser"), ("Nikolai Yezhov", "Yakov Agranov"),
            ("Nikolai Yezhov", "Artur Artuzov")} <= pairs
    row = _row(table, purger="Genrikh Yagoda", purged="Mikhail Trilisser")
    assert (row.purger_fell, row.fell_date, row.fell_by) == ("demotion", "1936-09-26", "Joseph Stalin")
    # Stalin (party, no post in the organs) is no official: his removals are not among the officials' acts.
    inside = purges.officials(ds)
    assert "joseph-stalin" not in inside and {"mikhail-trilisser", "nikolai-yezhov"} <= inside
    among = purges.removals(ds, among_officials=True)
    assert "joseph-stalin" not in set(among.purger_id) and "joseph-stalin" in set(purges.removals(ds).purger_id)


def test_purge_chains(ds):
    # The purges among officials (roles.csv, actor roles on arrests, dismissals, demotions, executions,
    # assassinations and killings of an official): Yagoda -> Trilisser (dismissal 1929-10), -> Menzhinsky (death
    # 1934-05-10, alleged); Artuzov -> Blumkin (execution 1929-11-03); Yezhov -> Agranov (demotion 1937-04),
    # -> Artuzov (arrest 1937-05-13), -> Slutsky (assassination 1938-02-17); Slutsky and Pravdin -> Reiss
    # (assassination 1937-09-04); Zakovsky and Frinovsky -> Slutsky (1938-02-17, disputed: a rival account has
    # him die of his heart); Blokhin -> Yagoda (execution
    # 1938-03-15), -> Frinovsky and -> Yezhov (executions 1940-02-04); Frinovsky -> Zakovsky (execution 1938-08-29);
    # Beria -> Spiegelglas, Redens (1938-11-02), Trilisser (1938-11-23), Frinovsky (1939-04-06), Yezhov (1939-04-10,
    # alleged). No official strikes Beria or Blokhin, so every maximal chain starts with one of them: Beria's 5
    # (through Frinovsky: -> Zakovsky -> Slutsky -> Reiss and -> Slutsky -> Reiss; through Yezhov: -> Agranov,
    # -> Artuzov -> Blumkin, -> Slutsky -> Reiss) and Blokhin's 7 (the same five through Frinovsky and Yezhov, and
    # through Yagoda -> Trilisser and -> Menzhinsky): 12. Before killings counted, only the two chains
    # Beria -> Yezhov -> Agranov and -> Artuzov were found (the historians' c18: a selection artefact).
    chains = purges.purge_chains(ds)
    assert set(chains.chain) == {
        "Lavrenty Beria —arrest 1939-04-06→ Mikhail Frinovsky —execution 1938-08-29→ Leonid Zakovsky —assassination "
        "1938-02-17 (disputed)→ Abram Slutsky —assassination 1937-09-04→ Ignace Reiss",
        "Vasily Blokhin —execution 1940-02-04→ Mikhail Frinovsky —execution 1938-08-29→ Leonid Zakovsky —assassination "
        "1938-02-17 (disputed)→ Abram Slutsky —assassination 1937-09-04→ Ignace Reiss",
        "Lavrenty Beria —arrest 1939-04-06→ Mikhail Frinovsky —assassination 1938-02-17 (disputed)→ Abram Slutsky —assassination "
        "1937-09-04→ Ignace Reiss",
        "Vasily Blokhin —execution 1940-02-04→ Mikhail Frinovsky —assassination 1938-02-17 (disputed)→ Abram Slutsky —assassination "
        "1937-09-04→ Ignace Reiss",
        "Lavrenty Beria —arrest 1939-04-10 (alleged)→ Nikolai Yezhov —arrest 1937-05-13→ Artur Artuzov —execution "
        "1929-11-03→ Yakov Blumkin",
        "Vasily Blokhin —execution 1940-02-04→ Nikolai Yezhov —arrest 1937-05-13→ Artur Artuzov —execution "
        "1929-11-03→ Yakov Blumkin",
        "Lavrenty Beria —arrest 1939-04-10 (alleged)→ Nikolai Yezhov —assassination 1938-02-17 (disputed)→ Abram Slutsky "
        "—assassination 1937-09-04→ Ignace Reiss",
        "Vasily Blokhin —execution 1940-02-04→ Nikolai Yezhov —assassination 1938-02-17 (disputed)→ Abram Slutsky —assassination "
        "1937-09-04→ Ignace Reiss",
        "Lavrenty Beria —arrest 1939-04-10 (alleged)→ Nikolai Yezhov —demotion 1937-04→ Yakov Agranov",
        "Vasily Blokhin —execution 1940-02-04→ Nikolai Yezhov —demotion 1937-04→ Yakov Agranov",
        "Vasily Blokhin —execution 1938-03-15→ Genrikh Yagoda —dismissal 1929-10→ Mikhail Trilisser",
        "Vasily Blokhin —execution 1938-03-15→ Genrikh Yagoda —death 1934-05-10 (alleged)→ Vyacheslav Menzhinsky"}
    assert list(chains.people) == [5, 5] + [4] * 6 + [3] * 4
    assert purges.chains_claim(ds).value == 12
    # Chains through Trilisser: only Blokhin -> Yagoda -> Trilisser (Beria's arrest of Trilisser leads nowhere).
    assert list(purges.purge_chains(ds, ["mikhail-trilisser"]).people) == [3]


def test_purge_chains_run_backwards_in_time(ds):
    # Four officials: A arrests B on 1937-05-13, B arrests C the same day (kept: the act may not come after),
    # C arrests D on 1937-06-01 (after C's own arrest: the chain stops). One chain, A -> B -> C.
    people = pd.DataFrame({"person_id": list("abcd"), "name": list("ABCD"), "side": ["apparatus"] * 4})
    dates = {"e1": "1937-05-13", "e2": "1937-05-13", "e3": "1937-06-01"}
    events = pd.DataFrame({"event_id": list(dates), "type": "arrest", "method": None, "scope": "domestic",
                           "date": list(dates.values()), "start": [T(d) for d in dates.values()],
                           "end": [T(d) for d in dates.values()], "certainty": "stated"})
    roles = pd.DataFrame({"event_id": ["e1", "e1", "e2", "e2", "e3", "e3"], "person_id": list("abbccd"),
                          "role": ["ordered_by", "subject"] * 3, "certainty": "stated"})
    tiny = _with(ds, people=people, events=events, roles=roles)
    assert list(purges.purge_chains(tiny).chain) == ["A —arrest 1937-05-13→ B —arrest 1937-05-13→ C"]


def test_conflicting_tenure_dates_side_by_side(ds, main):
    # attestations: genrikh-yagoda--secret-police-first-deputy--end--ref (1934-05-10, agrees false): the reference
    # makes Yagoda head of the OGPU from Menzhinsky's death, the case file keeps him first deputy to 1934-07-10.
    table = turnover.tenure_conflicts(ds, main)
    row = _row(table, holder="Genrikh Yagoda", post="Secret police first deputy", field="end")
    assert (row.recorded, row.recorded_by, row.reference) == ("1934-07-10", "case-file-0121", "1934-05-10")
    assert _row(table, holder="Genrikh Yagoda", field="end").post == "Secret police first deputy"
    assert not ((table.holder == "Genrikh Yagoda") & (table.post == "Secret police head")).any()
    assert (table.recorded != table.reference).all()
    # Rival gap-fillers are listed too, with no recorded date: Trilisser's start (1922-03, 1922-05-13) as foreign
    # department head; a single gap-filler is not a conflict: Slutsky's start, and since data 0.3.1 Artuzov's
    # end (1935-05-21 alone: the "1936" of an online copy, which the reference calls wrong, is dropped).
    assert table[(table.holder == "Artur Artuzov") & (table.field == "end")].empty
    trilisser = table[(table.holder == "Mikhail Trilisser") & (table.field == "start")]
    assert list(trilisser.reference) == ["1922-03", "1922-05-13"]
    assert "Abram Slutsky" not in set(table.holder)
    deputy = turnover.tenure_conflicts(ds, turnover.tenures(ds, ["secret-police-deputy"]))
    assert list(deputy[deputy.holder == "Vsevolod Merkulov"].reference) == ["1938-11-25", "1938-12-17"]


def test_the_most_disputed_holder_and_a_tie(ds, main):
    # Counted by hand from attestations.csv over the posts shown: Yezhov's tenure as head has four dates the
    # reference gives otherwise (three starts, one end); Dzerzhinsky three (two starts, one end); Agranov three
    # over his posts (the GUGB's start, the first deputyship's end, Saratov's start); the rest two or fewer:
    # Yezhov alone has the most rival dates (the historians' 02 c21: a count, not the widest disagreement).
    c = turnover_claims.conflict_claims(ds, main)
    assert (c["most"].value, c["most"].text, c["most_tied"]) == ("Nikolai Yezhov", "Nikolai Yezhov", 1)
    assert ("; the holder with the most rival dates (not the widest gaps: see the lengths below) is Nikolai Yezhov"
            in captions.turnover.disagreements(c, pd.DataFrame(), {}).text)
    # One of Yezhov's four dropped: three each for Agranov and Yezhov, a tie, and both are named.
    att = ds.attestations
    rivals = evidence.disagreements(ds)
    drop = rivals.attestation_id[rivals.target_id == "nikolai-yezhov--secret-police-head"].iloc[0]
    other = Dataset(descriptor=ds.descriptor, tables={**ds.tables, "attestations": att[att.attestation_id != drop]})
    c = turnover_claims.conflict_claims(other, main)
    assert (c["most"].value, c["most"].text, c["most_tied"]) == (
        "Nikolai Yezhov, Yakov Agranov", "Nikolai Yezhov and Yakov Agranov", 2)
    words = captions.turnover.disagreements(c, pd.DataFrame(), {}).text
    assert ("; the holders with the most rival dates, as many each (not the widest gaps: see the lengths below), are "
            "Nikolai Yezhov and Yakov Agranov") in words


def test_window_end_before_start():
    assert params.check_window(1936, "1938-11") == (T("1936-01-01"), T("1938-11-30"))
    with pytest.raises(ParameterError) as err:
        params.check_window(1939, 1930)
    assert str(err.value) == "Parameter `end` got 1930; it accepts a year or date no earlier than `start` (1939)."


# --- the notebook --------------------------------------------------------------------------------

def test_notebook_with_other_parameters(tmp_path):
    # The head only, 1934 to 1939, no acting holders: Menzhinsky (to 1934-05-10), Yagoda, Yezhov, Beria;
    # the other three executed (stated), Menzhinsky died of illness (stated) with Yagoda's poisoning alleged: on
    # doubt, so between 3 and 4 of 4 (it read "3 of the 4": the historians' c6, doubt lost).
    # Falls: Yagoda, Yezhov, Beria (Menzhinsky never arrested).
    text = markdown_of(run_notebook(tmp_path, "02-leadership-turnover", posts=["secret-police-head"], start=1934,
                                    end=1939, include_acting=False))
    assert ("4 tenures of 1 post held by 4 people between 1934 and 1939; **between 3 and 4 of 4** were later shot or "
            "killed: 3 on a killing a source states and no account disputes, and 1 more on a killing only alleged, or "
            "stated but disputed by another account (Vyacheslav "
            "Menzhinsky (natural death: stated; killed: alleged)).") in text
    assert "3 holders fell; 3 of them died after an arrest the data records" in text
    # Of Yagoda (349 to 379 days), Yezhov (1939-04-10 -> 1940-02-04: 300) and Beria (1953-06-26 -> 1953-12-23:
    # 4 + 31 + 31 + 30 + 31 + 30 + 23 = 180), Beria's end is the quickest, and no source dates it otherwise; but
    # his arrest and execution are the reference's rows, so on the case file's rows alone Yezhov's 300 days are
    # the quickest (Yagoda's at most 379).
    assert ("The quickest end is **Lavrenty Beria**'s: from the arrest to the death, 180 days in the reference. "
            "Another reading changes the quickest end (case file only: Nikolai Yezhov)") in text
    assert "officials of the organs" in text
    assert "Nikolai Yezhov took the harmless post before leaving the organs." in text


def test_the_check_refuses_an_end_before_the_start():
    """A rule across two parameters; the notebook's check cell and the build's preflight share it
    (test_robustness runs each notebook's check cell with a bad value)."""
    with pytest.raises(ParameterError) as err:
        report.preflight(NB, {"start": 1939, "end": 1930})
    assert str(err.value) == "Parameter `end` got 1930; it accepts a year or date no earlier than `start` (1939)."


def test_a_death_sentence_with_no_execution_is_said_to_leave_the_count_open(ds, main):
    # Kazakov (people.csv ignatii-kazakov): sentenced to death in the trial of March 1938 (reference §2,
    # "execution date not found"): fate sentenced_to_death, not counted as shot or killed, but named as open.
    held = turnover_claims.held(ds, main, main.iloc[0:0])
    assert held["left_open"]["rows"] == [("Ignatii Kazakov", "sentenced to death, no execution recorded")]
    assert held["left_open"]["count"].ids("fates") == ["ignatii-kazakov"]
    window = (pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31"))
    words = captions.turnover.who_held(held, turnover_claims.shot_or_killed(ds), window).text
    assert "For 1 more the sources leave it open: Ignatii Kazakov (sentenced to death, no execution recorded)." in words
    # Those who died with no manner given (Sudoplatov in 1996, Messing in 1937) are not said to be open: they are
    # named apart, with their dates, as deaths no source gives a manner for (test_turnover_doubt).
    opened = words.split("For 1 more the sources leave it open:")[1].split(".")[0]
    assert "Pavel Sudoplatov" not in opened and "Stanislav Messing" not in opened
    assert "The data codes no manner for the deaths of" in words and "Pavel Sudoplatov (24 Sep 1996)" in words
    none = {**held, "left_open": turnover_claims._left_open(ds, ds.fates().iloc[0:0])}
    assert none["left_open"]["count"].value == 0 and none["left_open"]["rows"] == []
    assert "leave it open" not in captions.turnover.who_held(none, turnover_claims.shot_or_killed(ds), window).text


def test_the_succession_says_where_a_post_stood_empty_or_two_held_it(ds):
    # positions.csv: Zakovsky first deputy to 1938-08-19 (the case file), Merkulov from 1938-12-17 (the reference, data
    # 0.5.0): 12 + 30 + 31 + 30 + 17 = 120 days by hand; before 0.5.0 the package kept only the case file's rank and
    # showed 1,066 days to Merkulov's first deputyship of 1941 (the historians' 02 c10, "wrong"). Merkulov's of
    # 1938 ends 1941-02-03 (the NKGB split off), his next starts 1941-07-20: 25 + 31 + 30 + 31 + 30 + 20 = 167 days.
    # Frinovsky (the reference's first deputy, Apr 1937 - Aug 1938) and Zakovsky (the case file's, 1937?) overlap:
    # from 1938-08-01 back to 1937-12-31, 213 days, to 1938-08-31 back to 1937-01-01, 607: the sources disagree.
    # Messing (1929-10 to 1931-08) and Artuzov (from 1929-10): the reference's and the case file's versions of
    # the succession of 1929 overlap by 639 (31 Oct 1929 to 1 Aug 1931) to 699 days (1 Oct 1929 to 31 Aug 1931). Menzhinsky died 1934-05-10, Yagoda started 1934-07-10: 61 days.
    t = turnover.tenures(ds, [], pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31"))
    table = turnover.succession(t)
    s = dict(zip(zip(table.post, table.holder), table.handover))  # Merkulov heads the GUGB twice: not one of these
    assert s[("Secret police first deputy", "Leonid Zakovsky")] == "no holder of this post in the data for 120 days"
    # Two rows of different sources that overlap are the sources' rival holders, said so, not one succeeding the
    # other (a reader's "wrong", 02 c10: the case file's Zakovsky "succeeding" the reference's Frinovsky).
    rival = " (reference-facts and case-file-0121 give the post to different holders over those days)"
    assert s[("Secret police first deputy", "Mikhail Frinovsky")] == "overlaps the successor by 213 to 607 days" + rival
    firsts = table[table.post == "Secret police first deputy"]
    assert firsts.handover[firsts.holder == "Vsevolod Merkulov"].tolist() == [
        "no holder of this post in the data for 167 days", ""]
    assert s[("Foreign department head", "Stanislav Messing")] == "overlaps the successor by 639 to 699 days" + rival
    # Sudoplatov (acting, Nov 1938 - about Mar 1939) and Dekanozov (from 2 Dec 1938): both the reference's rows,
    # an overlap within one source, said plainly.
    assert s[("Foreign department head", "Pavel Sudoplatov")] == "overlaps the successor by 89 to 119 days"
    assert s[("Secret police head", "Vyacheslav Menzhinsky")] == "no holder of this post in the data for 61 days"
    # Yagoda ends the day Yezhov starts (1936-09-26): no gap; the last holder of a post has no successor: blank.
    assert s[("Secret police head", "Genrikh Yagoda")] == "" and s[("Secret police head", "Lavrenty Beria")] == ""
    # The bound: a gap of HANDOVER_DAYS is a handover, one day more is a gap.
    one = pd.Series({"end_latest": pd.Timestamp("1938-01-01"), "end_earliest": pd.Timestamp("1938-01-01")})
    after = lambda d: pd.Series({"start_earliest": pd.Timestamp("1938-01-01") + pd.Timedelta(days=d),  # noqa: E731
                                 "start_latest": pd.Timestamp("1938-01-01") + pd.Timedelta(days=d)})
    assert turnover.handover(one, after(31)) == "" and turnover.handover(one, after(32)) == "no holder of this post in the data for 32 days"
    assert turnover.handover(one, after(-31)) == "" and turnover.handover(one, after(-32)) == "overlaps the successor by 32 days"
    # the same bound between two sources' rows says whose they are; rows of one source, or of none given, do not
    a, b = one.copy(), after(-32)
    a["source_id"], b["source_id"] = "case-file-0121", "reference-facts"
    assert turnover.handover(a, b) == ("overlaps the successor by 32 days (case-file-0121 and reference-facts give the "
                                       "post to different holders over those days)")
    b["source_id"] = "case-file-0121"
    assert turnover.handover(a, b) == "overlaps the successor by 32 days"
