"""The readings of the data (helpers.data.dataset.Dataset.only_sources and dated_by): case file only,
and each source's dates where they disagree, checked against rows picked by hand."""
import pandas as pd

CF, REF = "case-file-0121", "reference-facts"


def test_case_file_only_keeps_its_rows_and_the_people(ds):
    cf = ds.only_sources(CF)
    for name in ("events", "positions", "accounts", "tallies", "attestations", "event_places", "org_roles"):
        assert set(cf.tables[name].source_id) <= {CF}, name
    assert len(cf.people) == len(ds.people) and len(cf.convictions_by_year) == len(ds.convictions_by_year)
    # Markin's death is a reference row (reference-facts §7), so it is gone, and with it its roles
    assert "valentin-markin-death" not in set(cf.events.event_id)
    assert "valentin-markin-death" not in set(cf.roles.event_id)
    assert "valentin-markin-death" in set(ds.roles.event_id)
    assert "leon-trotsky-assassination" in set(cf.events.event_id)
    assert type(cf) is type(ds) and cf.fates() is not None


def test_case_file_only_of_the_stated_view_stays_stated(ds):
    both = ds.stated_only().only_sources(CF)
    assert both.stated and set(both.events.certainty) == {"stated"} and set(both.events.source_id) == {CF}


def test_the_references_dates_where_they_differ(ds):
    ref = ds.dated_by(REF)
    e = ref.events.set_index("event_id")
    # Artuzov: shot 21 May 1937 by the case file, 21 August 1937 by the reference (reference-facts §7)
    assert ds.events.set_index("event_id").at["artur-artuzov-execution", "date"] == "1937-05-21"
    assert e.at["artur-artuzov-execution", "date"] == "1937-08-21"
    assert e.at["artur-artuzov-execution", "start"] == pd.Timestamp("1937-08-21") == e.at["artur-artuzov-execution", "end"]
    # an event the reference does not date otherwise keeps the package's date
    untouched = set(ds.events.event_id) - set(ds.attestations.event_id.dropna())
    before = ds.events.set_index("event_id").loc[sorted(untouched), ["date", "start", "end"]]
    assert e.loc[sorted(untouched), ["date", "start", "end"]].equals(before)
    # a tenure start the case file leaves out and the reference fills (Slutsky from 21 May 1935)
    p = ref.positions.set_index("position_id")
    assert p.at["abram-slutsky--foreign-department-head", "start"] == "1935-05-21"
    assert pd.isna(ds.positions.set_index("position_id").at["abram-slutsky--foreign-department-head", "start"])


def test_two_pages_of_one_source_give_the_hull(ds):
    # Spiegelglas's execution: 1939, 12 Feb 1940 or 29 Jan 1941 in the reference's pages (reference-facts §7)
    a = ds.attestations
    own = a[(a.event_id == "sergei-spiegelglas-execution") & (a.source_id == REF)]
    e = ds.dated_by(REF).events.set_index("event_id").loc["sergei-spiegelglas-execution"]
    assert len(own) == 3  # 1939, 12 Feb 1940 and 29 Jan 1941 (the last agrees with the case file)
    assert (e.start, e.end) == (pd.Timestamp("1939-01-01"), pd.Timestamp("1941-12-31"))
    assert e.date.count(" or ") == 2


def test_a_sensitivity_table_says_what_each_reading_keeps(ds):
    from helpers.evidence import claims, readings

    def events(d, rule=None):
        return claims.count(d, "events", list(d.events.event_id), "every event")
    table = readings.sensitivity(ds, events)
    assert list(table.columns) == ["reading", "reads", "value", "changed"]  # no empty rule column
    assert dict(zip(table.reading, table.reads)) == readings.READS
    # the historians' 02 c18: "stated only" counting more than the record read as a contradiction; the table says why
    assert "doubting accounts" in readings.READS["stated only"]
    # 298 events in all (tests/expected_row_counts.json); the case file's alone are fewer: a change
    assert table.set_index("reading").loc["as recorded", ["value", "changed"]].tolist() == ["298", False]
    assert table.set_index("reading").loc["case file only", "changed"]
    with_rules = readings.sensitivity(ds, events, rules=True)
    assert list(with_rules.columns) == ["reading", "reads", "rule", "value", "changed"] and len(with_rules) == 8
