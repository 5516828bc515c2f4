"""Figures fit to publish: the years a source leaves uncovered, spans packed into lanes, event groups
summed, and one colour per fate. Expected values are hand counts on hand-made frames."""
import matplotlib as mpl
import pandas as pd
import pytest

import helpers
from helpers import ParameterError, cadence, captions, overview, style
from helpers.evidence import coverage
from helpers.data import vocabulary
from helpers.figures import axes
from helpers.evidence.fates import FATES

T = pd.Timestamp
CF = coverage.CASE_FILE


def _events(rows):
    """(source_id, type, start, end) rows as an events frame."""
    return pd.DataFrame([{"event_id": f"e{i}", "source_id": s, "type": t, "start": T(a), "end": T(b)}
                         for i, (s, t, a, b) in enumerate(rows)])


def _gaps(frame):
    return [tuple(r) for r in frame[["first", "last", "years", "events"]].itertuples(index=False)]


def test_a_gap_at_the_start_and_at_the_end_of_the_window():
    ev = _events([(CF, "arrest", "1919-03-01", "1919-03-01"), (CF, "execution", "1920-01-01", "1920-12-31")])
    # 1917, 1918 and 1921 have no case-file event: two runs, at the window's two edges.
    assert _gaps(coverage.source_gaps(ev, 1917, 1921)) == [(1917, 1918, 2, 0), (1921, 1921, 1, 0)]


def test_one_year_gap_and_no_gap():
    ev = _events([(CF, "arrest", "1930-05-01", "1930-05-01"), (CF, "trial", "1932-01", "1932-01-31")])
    assert _gaps(coverage.source_gaps(ev, 1930, 1932)) == [(1931, 1931, 1, 0)]
    assert coverage.source_gaps(ev, 1930, 1930).empty  # the one year of the window is covered
    assert list(coverage.source_gaps(ev, 1930, 1930).columns) == ["first", "last", "years", "events"]


def test_what_does_not_cover_a_year():
    ev = _events([(CF, "context", "1918-05-26", "1918-05-26"),         # background: not what the source tells of
                  ("reference-facts", "arrest", "1919-02-01", "1919-02-01"),  # another source
                  (CF, "operation", "1918-01-01", "1922-12-31"),        # a span of five years covers none
                  (CF, "arrest", "1921-12-31", "1922-01-01"),           # two days across New Year: no year either
                  (CF, "death", "1920-01-01", "1920-12-31")])           # a whole year covers it
    assert _gaps(coverage.source_gaps(ev, 1918, 1922)) == [(1918, 1919, 2, 0), (1921, 1922, 2, 0)]


def test_a_threshold_of_events_and_bad_arguments():
    ev = _events([(CF, "arrest", "1937-01-01", "1937-01-01"), (CF, "arrest", "1937-02-01", "1937-02-01"),
                  (CF, "arrest", "1938-01-01", "1938-01-01")])
    assert _gaps(coverage.source_gaps(ev, 1937, 1938, min_events=2)) == [(1938, 1938, 1, 1)]
    with pytest.raises(ParameterError, match="last"):
        coverage.source_gaps(ev, 1938, 1937)
    with pytest.raises(ParameterError, match="min_events"):
        coverage.source_gaps(ev, 1937, 1938, min_events=0)


def test_gap_label_in_words():
    gaps = pd.DataFrame({"first": [1917, 1920, 1941], "last": [1917, 1923, 1941], "years": [1, 4, 1], "events": 0})
    assert captions.cadence.gap_label(gaps) == "1917, 1920–1923 and 1941"
    assert captions.cadence.gap_label(gaps.iloc[:1]) == "1917"
    assert captions.cadence.gap_label(gaps.iloc[:0]) == ""


def test_the_source_gaps_of_the_data(ds):
    # Hand count: the case file's 1917 events (Dzerzhinsky joins the Bolsheviks, the October Revolution) are
    # both background; its only event placed in 1941 is background too. 1918-1940 hold events of its own.
    gaps = coverage.source_gaps(ds.events, 1917, 1941)
    assert _gaps(gaps) == [(1917, 1917, 1, 0), (1941, 1941, 1, 0)]
    # With its sections: the case file's incidents run from Savinkov's capture (1924) to Trotsky's
    # murder (21 August 1940), per its 18 dated section headings; 1918-1923 it mentions only in passing.
    assert coverage.incident_years(ds.sections) == (1924, 1940)
    told = coverage.source_gaps(ds.events, 1917, 1941, sections=ds.sections)
    assert [(g.first, g.last) for g in told.itertuples()] == [(1917, 1923), (1941, 1941)]


def test_years_outside_the_sources_incidents_are_gaps_whatever_it_dates_there():
    ev = pd.DataFrame({"source_id": CF, "type": "arrest", "start": pd.to_datetime(["1920-05-01", "1930-01-01",
                                                                                   "1931-01-01", "1932-01-01"])})
    ev["end"] = ev.start
    sections = pd.DataFrame({"source_id": [CF, CF, CF, "other"],
                             "section": ["Introduction", "A capture (1930)", "A murder (07 December 1931)",
                                         "Elsewhere (1920)"]})
    assert coverage.incident_years(sections) == (1930, 1931)  # the other source's heading does not count
    # 1920 has an event but lies before the first incident; 1932 after the last; the bounds are covered.
    assert _gaps(coverage.source_gaps(ev, 1920, 1932, sections=sections)) == [(1920, 1929, 10, 1), (1932, 1932, 1, 1)]
    assert coverage.incident_years(sections.iloc[:1]) is None
    assert _gaps(coverage.source_gaps(ev, 1930, 1931, sections=sections.iloc[:1])) == []  # no dated heading: events decide


def test_spans_pack_into_lanes_without_touching():
    start = pd.Series(pd.to_datetime(["1930-01-01", "1930-06-01", "1931-01-01", "1930-02-01"]))
    end = pd.Series(pd.to_datetime(["1930-12-31", "1931-03-31", "1931-02-01", "1930-03-01"]))
    # In this order: the first takes lane 0, the second overlaps it (lane 1), the third starts after the
    # first ended (lane 0 again, now ending 1931-02-01), the fourth starts before both lanes end (lane 2).
    assert axes.lanes(start, end) == [0, 1, 0, 2]
    assert axes.lanes(start.iloc[:0], end.iloc[:0]) == []
    # Equal dates: a span starting the day another ends touches it, so it takes another lane.
    assert axes.lanes(pd.Series([T("1937-01-01"), T("1937-01-05")]), pd.Series([T("1937-01-05"), T("1937-01-09")])) == [0, 1]


def test_spanning_lists_the_events_over_several_bins():
    ev = pd.DataFrame({"event_id": ["day", "month", "two-months", "year"], "date": ["", "", "", ""],
                       "type": "arrest", "title": "", "start": pd.to_datetime(["1937-03-04", "1937-03-01", "1937-03-01", "1937-01-01"]),
                       "end": pd.to_datetime(["1937-03-04", "1937-03-31", "1937-04-30", "1937-12-31"])})
    assert list(cadence.spanning(ev, "month").event_id) == ["year", "two-months"]
    assert list(cadence.spanning(ev, "quarter").event_id) == ["year", "two-months"]
    assert cadence.spanning(ev, "year").empty
    with pytest.raises(ParameterError, match="freq"):
        cadence.spanning(ev, "week")


def test_per_group_sums_types_into_their_groups(ds):
    counts = pd.DataFrame({"execution": [2, 0], "massacre": [1, 1], "arrest": [0, 3], "kidnapping": [4, 0]},
                          index=pd.Index([1937, 1938], name="year"))
    grouped = overview.per_group(counts, ds.descriptor)
    # datapackage.json's order of groups: arrest, trial, exile and release; execution and massacre; assassination
    # and abduction.
    assert list(grouped.columns) == ["arrest, trial, exile and release", "execution and massacre",
                                     "assassination and abduction"]
    assert grouped.loc[1937].tolist() == [0, 3, 4] and grouped.loc[1938].tolist() == [3, 1, 0]
    assert vocabulary.group_order(ds.descriptor)[:2] == ["posts", "orders and organisation"]
    assert list(cadence.with_groups(pd.DataFrame({"type": ["defection", "order"]}), ds.descriptor).group) == [
        "defection", "orders and organisation"]


def test_one_colour_per_fate():
    assert tuple(style.FATE) == FATES  # every fate, in its order
    assert len(set(style.FATE.values())) == len(style.FATE)
    r, g, b = mpl.colors.to_rgb(style.FATE["unknown"])
    assert r == g == b  # no recorded end: a neutral grey
    hue = lambda c: mpl.colors.rgb_to_hsv(mpl.colors.to_rgb(style.FATE[c]))[0] * 360  # noqa: E731
    # The killings share the vermilion family; the other deaths are blues; survivors are green.
    assert all(hue(f) < 30 for f in ("executed", "assassinated", "killed"))
    assert all(190 < hue(f) < 215 for f in ("natural_death", "died"))
    assert 150 < hue("survived") < 175


def test_use_sets_crisp_figures_and_readable_sizes():
    style.use()
    assert mpl.rcParams["figure.dpi"] == style.DPI and mpl.rcParams["savefig.dpi"] == 2 * style.DPI
    for key in ("font.size", "legend.fontsize", "xtick.labelsize", "ytick.labelsize", "axes.labelsize"):
        assert mpl.rcParams[key] >= style.SMALL
    assert style.at_least(7) == style.SMALL and style.at_least(11) == 11


# --- what report 00's sentences quote (helpers.analyses.overview) -----------------------------------

def test_the_years_of_the_overview_in_numbers():
    per_year = pd.DataFrame({"arrest": [1, 4, 0], "execution": [2, 0, 1]}, index=pd.Index([1937, 1938, 1939], name="year"))
    grouped = pd.DataFrame({"arrest and trial": [1, 4, 0], "execution and massacre": [2, 0, 1]}, index=per_year.index)
    got = overview.year_summary(per_year, grouped)
    # 8 events; 1937 and 1938 hold 3 and 4: 1938 is busiest; arrests 5 against executions 3.
    assert (got["events"], got["busiest_year"], got["busiest_events"]) == (8, 1938, 4)
    assert (got["largest_group"], got["group_events"]) == ("arrest and trial", 5)
    assert overview.total_rows(pd.DataFrame({"rows": [3, 4]})) == 7


def test_spans_in_a_window_of_years_and_the_widest():
    spanning = pd.DataFrame({"event_id": ["a", "b", "c", "d"], "title": ["A", "B", "C", "D"],
                             "start": pd.to_datetime(["1910-01-01", "1916-06-01", "1930-01-01", "1950-01-01"]),
                             "end": pd.to_datetime(["1912-12-31", "1917-01-31", "1930-12-31", "1951-12-31"])})
    first, last = overview.year_window(1917, 1941)
    assert (first, last) == (T("1917-01-01"), T("1941-12-31"))
    inside, outside = overview.in_window(spanning, first, last)
    # b touches January 1917; c lies inside; a ends before 1917 and d starts after 1941.
    assert list(inside.event_id) == ["b", "c"] and list(outside.event_id) == ["a", "d"]
    # a: 1,096 days (1912 is a leap year), d: 730 days; both ends counted.
    wide = overview.widest(spanning)
    assert (wide.event_id, wide.days) == ("a", 1096)
    # A tie goes to the last id, and every tied title is named.
    tie = overview.widest(spanning.assign(end=spanning.start))
    assert tie.event_id == "d" and tie.tied == ["A", "B", "C", "D"]
    assert wide.tied == ["A"]
    # Two of one width, one a day shorter: the two are tied, the shorter is not.
    two = spanning.assign(end=spanning.start + pd.to_timedelta([9, 9, 8, 0], unit="D"))
    assert overview.widest(two).tied == ["A", "B"]


def test_precision_people_sections_operations_and_conflicts_in_numbers():
    mix = pd.DataFrame({"stated": [6, 2, 8], "alleged": [1, 1, 2], "total": [7, 3, 10]},
                       index=["day", "year", "total"])
    assert overview.precision_shares(mix) == {"day_share": 0.7, "events": 10, "hedged": 2}
    assert overview.people_total(pd.Series([30, 12, 5])) == 47
    coverage = pd.DataFrame({"events": [2, 0, 1, 0]}, index=["Introduction", "B", "C", "D"])
    assert overview.uncovered(coverage) == ["B", "D"]
    ops = pd.DataFrame({"events": [3, 0, 2]})
    tallies = pd.DataFrame({"source_id": ["case-file-0121", "reference-facts", "reference-facts"],
                            "operation_id": ["x", None, "y"]})
    events = pd.DataFrame({"event_id": list("abcdefg")})
    totals = overview.operation_totals(helpers.Dataset(descriptor={}, tables={"events": events}), ops, tallies)
    assert totals == {"grouped": 5, "events": 7, "by_source": {"reference-facts": 2, "case-file-0121": 1},
                      "for_operations": 2}
    conflicts = pd.DataFrame({"recorded": ["1937", "", "1938-05", ""],
                              "recorded_by": ["case-file-0121", "", "reference-facts", ""]})
    # Two rival dates against a recorded one (one of them the case file's), two where none is recorded.
    assert overview.conflict_counts(conflicts) == {"differ": 2, "against_case_file": 1, "fill": 2}


def test_a_wide_span_names_the_agreeing_day_another_source_gives(ds):
    from helpers import captions
    # events.csv: vania-zaporozhets-execution 1934-12-01/1941-06-22 (the case file gives no date);
    # attestations.csv: vania-zaporozhets-execution--date--ref, 1937-08-14, agrees true (the reference, line 75).
    # borisov-assassination has no attestation: the sources leave it open.
    got = overview.narrowed(ds, ["vania-zaporozhets-execution", "borisov-assassination"])
    assert list(zip(got.event_id, got.date, got.source_id)) == [("vania-zaporozhets-execution", "1937-08-14",
                                                                 "reference-facts")]
    # Only an agreeing day strictly inside: the same span again, or a disagreeing date, narrows nothing.
    att = ds.tables["attestations"]

    def only(rows):
        return type(ds)(descriptor=ds.descriptor, tables={**ds.tables, "attestations": rows})
    same = att[att.attestation_id == "vania-zaporozhets-execution--date--ref"].assign(
        date_earliest=T("1934-12-01"), date_latest=T("1941-06-22"))
    assert overview.narrowed(only(same), ["vania-zaporozhets-execution"]).empty
    wrong = same.assign(date_earliest=T("1937-08-14"), date_latest=T("1937-08-14"), agrees=False)
    assert overview.narrowed(only(wrong), ["vania-zaporozhets-execution"]).empty
    edge = same.assign(date_latest=T("1941-06-21"))  # from the first day of the span, one day short of its end
    assert len(overview.narrowed(only(edge), ["vania-zaporozhets-execution"])) == 1
    spanning = ds.events[ds.events.event_id.isin(["vania-zaporozhets-execution", "borisov-assassination"])]
    wide = overview.widest(spanning)
    inside, outside = overview.in_window(spanning, *overview.year_window(1917, 1941))
    words = captions.overview.spans(overview.span_claims(ds, inside, outside, wide), wide, 1917, 1941, got,
                                    dict(zip(spanning.event_id, spanning.title))).text
    assert "(1 Dec 1934 – 22 Jun 1941), are a tie" in words
    assert "another source, agreeing, dates *Execution of Vania Zaporozhets* on 14 Aug 1937 (the reference)" in words


def test_a_birth_date_in_dispute_names_its_person(ds):
    # attestations.csv: yakov-blumkin born 1900 (the package) against 1898 (BSE 1927, reference line 266): the
    # conflicts table named neither the person nor the field for the 13 birth rows.
    table = overview.conflicts(ds)
    births = table[table.what == "Date of birth"]
    assert len(births) == 13 and "Yakov Blumkin" in set(births.person) and (births.person != "").all()
    # Only events no one is the subject of stay without a person (the GUGB's restructuring, the GPU's founding).
    assert set(table.what[table.person == ""]) == {"Beria's restructuring of the GUGB", "Cheka reorganised as the GPU"}


def test_a_tenures_break_and_resumption_are_no_rival_dates(ds):
    from helpers import evidence
    # attestations.csv: felix-dzerzhinsky--secret-police-head--end--ref (1918-07-07, agrees false) and --start--ref-2
    # (1918-08-22) tell of Peters's interim (reference lines 16-18), not of rival dates; --start--ref (1917-12-20)
    # then fills his start with no rival. Before: 62 differing (37 against the case file) and 6 rival gap-fillers;
    # less his interim end (against the case file's 1926) and his two start fillers: 61, 36 and 4 (Trilisser's two
    # starts, Merkulov's two deputy starts). Data 0.5.0 adds one differing date against the reference's own
    # (Birstein's 25 Nov 1938 against EN-wiki's 17 Dec for Merkulov's first deputyship): 62, 36 against the case file.
    d = evidence.disagreements(ds)
    assert not d.target_id.str.startswith("felix-dzerzhinsky").any()
    assert overview.conflict_counts(overview.conflicts(ds)) == {"differ": 62, "against_case_file": 36, "fill": 4}
