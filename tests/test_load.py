import hashlib

import pandas as pd

import helpers


def _digest(root):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.iterdir())}


def test_load_types_the_tables(mini):
    ds = helpers.load(mini)
    assert set(ds.tables) == {"sources", "sections", "organisations", "people", "aliases", "positions",
                              "operations", "events", "roles", "org_roles", "accounts", "tallies",
                              "attestations", "convictions_by_year", "places", "event_places", "relationships"}
    assert str(ds.tallies.best.dtype) == "Int64" and str(ds.events.deaths_low.dtype) == "Int64"
    assert str(ds.positions.acting.dtype) == "boolean"
    assert str(ds.convictions_by_year.convicted.dtype) == "Int64"
    assert ds.convictions_by_year.set_index("year").loc[1937, "convicted"] == 790665


def test_events_carry_bounds_and_precision(mini):
    ev = helpers.load(mini).events.set_index("event_id")
    yagoda = ev.loc["genrikh-yagoda-arrest"]          # dated only to March 1937
    assert yagoda.date == "1937-03"
    assert (yagoda.start, yagoda.end, yagoda.precision) == (
        pd.Timestamp("1937-03-01"), pd.Timestamp("1937-03-31"), "month")
    munz = ev.loc["willi-munzenberg-death"]
    assert (munz.start, munz.end, munz.precision) == (
        pd.Timestamp("1940-06-01"), pd.Timestamp("1940-10-31"), "interval")


def test_positions_carry_bounds_for_both_ends(mini):
    pos = helpers.load(mini).positions.set_index("position_id")
    menzhinsky = pos.loc["vyacheslav-menzhinsky--secret-police-head"]   # start known to the year only
    assert menzhinsky.start_earliest == pd.Timestamp("1926-01-01")
    assert menzhinsky.start_latest == pd.Timestamp("1926-12-31")
    assert menzhinsky.end_earliest == menzhinsky.end_latest == pd.Timestamp("1934-05-10")
    beria = pos.loc["lavrenty-beria--secret-police-head"]               # no end given
    assert pd.isna(beria.end_earliest) and pd.isna(beria.end)


def test_fates_are_derived_from_events_and_roles(mini):
    fates = helpers.load(mini).fates().set_index("person_id")
    # Expected by hand from tests/fixtures/mini/events.csv and roles.csv.
    assert fates.fate.to_dict() == {
        "genrikh-yagoda": "executed",              # arrest, then execution
        "nikolai-yezhov": "executed",
        "vyacheslav-menzhinsky": "natural_death",  # death by illness
        "nestor-lakoba": "assassinated",
        "willi-munzenberg": "contested",           # hanged: officially a suicide, an NKVD killing alleged
        "nadezhda-plevitskaya": "imprisoned",      # arrested, never released
        "ramon-mercader": "survived",              # arrested, later released
        "gertrude-schildbach": "disappeared",
    }
    assert fates.loc["nestor-lakoba", "official_account"] == "heart attack"
    assert fates.loc["willi-munzenberg", "certainty"] == "alleged"  # the best claims: the NKVD killing, the official suicide
    assert fates.loc["gertrude-schildbach", "certainty"] == "alleged"  # the role is alleged
    assert fates.loc["genrikh-yagoda", "date"] == "1938-03-15"
    assert "vasily-blokhin" not in fates.index                          # no recorded end


def test_died_in_custody(mini):
    from conftest import add_plevitskaya_event
    add_plevitskaya_event(mini, "death", "death", "1940-10", summary="Died in a French prison.")
    fates = helpers.load(mini).fates().set_index("person_id")
    assert fates.loc["nadezhda-plevitskaya", "fate"] == "died_in_custody"


def test_vocabulary_comes_from_the_schema(mini):
    ds = helpers.load(mini)
    assert ds.vocabulary("events", "certainty") == ["stated", "alleged", "disputed"]
    assert "assassination" in ds.vocabulary("events", "type")


def test_loading_never_writes_to_the_data_folder(data_copy):
    before = _digest(data_copy)
    helpers.load(data_copy)
    assert _digest(data_copy) == before


def test_real_data_loads(ds):
    assert len(ds.events) > 0 and len(ds.people) > 0
    assert set(ds.sources.source_id) == {"case-file-0121", "reference-facts", "curators"}
