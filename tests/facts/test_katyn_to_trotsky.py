"""Fact tests for partE: the Katyn, Münzenberg and Trotsky sections of case-file-0121."""
import pandas as pd

import helpers
from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def test_pact_date(ds):
    # The Katyn Massacre (April and May 1940) ¶1
    ev = _event(ds, "molotov-ribbentrop-pact")
    assert ev.date == "1939-08-23"
    assert ev.type == "context"


def test_soviet_invasion_of_poland(ds):
    # The Katyn Massacre (April and May 1940) ¶1
    ev = _event(ds, "soviet-invasion-of-poland")
    assert ev.date == "1939-09-17"
    assert "joseph-stalin" in _people(ds, "soviet-invasion-of-poland", "ordered_by")


def test_polish_prisoner_transfer_interval(ds):
    # The Katyn Massacre (April and May 1940) ¶2
    ev = _event(ds, "polish-prisoners-transfer")
    assert ev.precision == "interval"
    assert ev.start.strftime("%Y-%m-%d") == "1939-10-01"
    assert ev.end.strftime("%Y-%m-%d") == "1940-02-29"
    assert "lavrenty-beria" in _people(ds, "polish-prisoners-transfer", "ordered_by")


def test_politburo_order(ds):
    # The Katyn Massacre (April and May 1940) ¶3
    ev = _event(ds, "katyn-politburo-order")
    assert ev.date == "1940-03-05"
    assert ev.type == "order"
    assert ev.org_id == "politburo"


def test_soprunenko_organised_selections(ds):
    # The Katyn Massacre (April and May 1940) ¶3
    assert "soprunenko" in _people(ds, "katyn-selections", "organiser")


def test_katyn_death_toll_and_start(ds):
    # The Katyn Massacre (April and May 1940) ¶3, ¶5
    ev = _event(ds, "katyn-massacre")
    assert ev.type == "massacre"
    assert (ev.deaths_best, ev.deaths_qualifier) == (12000, "about")   # "In total, 12,000": a round figure
    assert ev.operation_id == "katyn-1940"
    assert ev.start.strftime("%Y-%m-%d") == "1940-04-04"
    assert ev.end.strftime("%Y-%m-%d") == "1940-05-31"


def test_katyn_ordered_by_stalin_and_beria(ds):
    # The Katyn Massacre (April and May 1940) ¶3
    assert {"joseph-stalin", "lavrenty-beria"} <= _people(ds, "katyn-massacre", "ordered_by")
    assert "vasily-blokhin" in _people(ds, "katyn-massacre", "perpetrator")


def test_blokhin_kalinin_shootings_lower_bound(ds):
    # The Katyn Massacre (April and May 1940) ¶5
    ev = _event(ds, "kalinin-prison-shootings")
    assert (ev.deaths_low, ev.deaths_qualifier) == (7000, "at_least")    # "upwards of 7,000"
    assert pd.isna(ev.deaths_best) and pd.isna(ev.deaths_high)
    assert ev.org_id == "kommandatura"
    assert "vasily-blokhin" in _people(ds, "kalinin-prison-shootings", "perpetrator")


def test_munzenberg_headed_youth_international(ds):
    # The Death of Willi Münzenberg (June 1940) ¶1
    ev = _event(ds, "willi-munzenberg-appointment")
    assert ev.date == "1919/1920"
    assert ev.org_id == "young-communist-international"


def test_munzenberg_escape_june_1940(ds):
    # The Death of Willi Münzenberg (June 1940) ¶3
    ev = _event(ds, "willi-munzenberg-release")
    assert ev.date == "1940-06"
    assert ev.precision == "month"


def test_munzenberg_body_found(ds):
    # The Death of Willi Münzenberg (June 1940) ¶3
    ev = _event(ds, "willi-munzenberg-discovery")
    assert ev.date == "1940-10-17"
    assert ev.type == "discovery"


def test_munzenberg_death_disputed_official_suicide(ds):
    # The Death of Willi Münzenberg (June 1940) ¶4
    ev = _event(ds, "willi-munzenberg-death")
    assert ev.type == "death"
    assert ev.certainty == "disputed"
    assert list(accounts_of(ds, "willi-munzenberg-death", "official").claim) == ["suicide"]


def test_munzenberg_spelling_resolves(ds):
    # The Death of Willi Münzenberg (June 1940) ¶1
    assert helpers.find_person("Munzenberg") == "willi-munzenberg"
    assert helpers.find_person("Willi Munzenberg") == "willi-munzenberg"


def test_lenin_death(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶1
    ev = _event(ds, "vladimir-lenin-death")
    assert ev.date == "1924-01-21"


def test_trotsky_expelled_from_party(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶2
    cc = _event(ds, "leon-trotsky-dismissal-cc")
    party = _event(ds, "leon-trotsky-dismissal-party")
    assert cc.date == "1927-10"
    assert party.date == "1927-11-12"
    assert party.type == "dismissal"


def test_trotsky_exile_to_turkey(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶2
    ev = _event(ds, "leon-trotsky-exile")
    assert ev.date == "1929-02"
    assert ev.country == "Turkey"


def test_stalin_ordered_trotsky_murder_sudoplatov_commanded(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶4
    assert "joseph-stalin" in _people(ds, "trotsky-assassination-order", "ordered_by")
    assert "pavel-sudoplatov" in _people(ds, "leon-trotsky-assassination", "organiser")
    assert "gaik-ovakimian" in _people(ds, "leon-trotsky-assassination", "accomplice")


def test_villa_raid(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶4
    ev = _event(ds, "leon-trotsky-attempt")
    assert ev.date == "1940-05-24"
    assert ev.method == "raid"
    assert ev.country == "Mexico"


def test_sedov_death_zborowski_alleged(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶5
    ev = _event(ds, "lev-sedov-death")
    assert ev.date == "1938-02-08"
    r = ds.roles.query("event_id == 'lev-sedov-death' and person_id == 'mark-zborowski'")
    assert set(r.certainty) == {"alleged"}


def test_trotsky_killed_with_ice_axe_by_mercader(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶5 (the blow, 20 August) and ¶6 (died the next day)
    ev = _event(ds, "leon-trotsky-assassination")
    assert ev.date == "1940-08-21"
    assert ev.method == "ice_axe"
    assert "ramon-mercader" in _people(ds, "leon-trotsky-assassination", "perpetrator")
    assert "sylvia-ageloff" in _people(ds, "leon-trotsky-assassination", "accomplice")


def test_aliases_resolve(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶4, ¶5
    assert helpers.find_person("Ramon Mercador") == "ramon-mercader"
    assert helpers.find_person("Etienne") == "mark-zborowski"
    assert helpers.find_person("Puppetmaster") == "gaik-ovakimian"


def test_barbarossa(ds):
    # The Assassination of Leon Trotsky (21 August 1940) ¶6
    ev = _event(ds, "operation-barbarossa")
    assert ev.date == "1941-06-22"
    assert "adolf-hitler" in _people(ds, "operation-barbarossa", "ordered_by")
