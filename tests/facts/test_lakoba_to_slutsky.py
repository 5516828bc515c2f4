"""Fact tests for part C: Lakoba, Yagoda's fall, Reiss, Miller, Slutsky (case file sections 7-11)."""
import pandas as pd

import helpers
from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def test_lakoba_poisoned_by_beria_official_heart_attack(ds):
    # The Poisoning of Nestor Lakoba (28 December 1936) ¶4
    ev = _event(ds, "nestor-lakoba-assassination")
    assert ev.date == "1936-12-28"
    assert ev.type == "assassination" and ev.method == "poison"
    assert "heart attack" in accounts_of(ds, "nestor-lakoba-assassination", "official").summary.iloc[0].lower()
    assert "lavrenty-beria" in _people(ds, "nestor-lakoba-assassination", "perpetrator")
    assert "joseph-stalin" in _people(ds, "nestor-lakoba-assassination", "ordered_by")


def test_lakoba_dinner_day_after_invitation(ds):
    # The Poisoning of Nestor Lakoba (28 December 1936) ¶4
    assert _event(ds, "nestor-lakoba-tbilisi-invitation").date == "1936-12-26"
    assert _event(ds, "nestor-lakoba-tbilisi-dinner").date == "1936-12-27"


def test_lakoba_spellings_resolve():
    # The Poisoning of Nestor Lakoba (28 December 1936) ¶1, ¶2
    assert helpers.find_person("Lokoba") == "nestor-lakoba"
    assert helpers.find_person("Loboka") == "nestor-lakoba"
    assert helpers.find_person("Koba") == "joseph-stalin"


def test_beria_first_secretary_november_1931(ds):
    # The Poisoning of Nestor Lakoba (28 December 1936) ¶2
    ev = _event(ds, "lavrenty-beria-georgia-appointment")
    assert ev.date == "1931-11" and ev.precision == "month"


def test_yagoda_demoted_to_post_and_telegraph(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶1
    ev = _event(ds, "genrikh-yagoda-demotion")
    assert ev.date == "1936-09-26"
    assert ev.org_id == "post-and-telegraph-commissariat"


def test_yagoda_arrest_march_1937(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶1
    ev = _event(ds, "genrikh-yagoda-arrest")
    assert ev.date == "1937-03" and ev.precision == "month"


def test_menzhinsky_poisoning_only_alleged(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶1 (a confession)
    # a confession under torture against the official illness: one death event, its cause disputed
    ev = _event(ds, "vyacheslav-menzhinsky-death")
    assert (ev.method, ev.certainty) == ("poison", "disputed")
    role = ds.roles.query("event_id == 'vyacheslav-menzhinsky-death' and role == 'perpetrator'")
    assert list(role.person_id) == ["genrikh-yagoda"] and list(role.certainty) == ["alleged"]


def test_artuzov_arrested_and_shot_may_1937(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶2
    assert _event(ds, "artur-artuzov-arrest").date == "1937-05-13"
    assert _event(ds, "artur-artuzov-execution").date == "1937-05-21"


def test_agranov_arrested_20_july_1937(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶2
    assert _event(ds, "yakov-agranov-arrest").date == "1937-07-20"
    assert helpers.find_person("Agronov") == "yakov-agranov"


def test_reiss_shot_by_pravdin_in_lausanne(ds):
    # The Assassination of Ignace Reiss (04 September 1937) ¶3
    ev = _event(ds, "ignace-reiss-assassination")
    assert ev.date == "1937-09-04" and ev.country == "Switzerland" and ev.method == "shooting"
    assert "vladimir-pravdin" in _people(ds, "ignace-reiss-assassination", "perpetrator")
    assert "gertrude-schildbach" in _people(ds, "ignace-reiss-assassination", "organiser")


def test_reiss_letter_and_names(ds):
    # The Assassination of Ignace Reiss (04 September 1937) ¶1-¶3
    assert _event(ds, "ignace-reiss-defection").date == "1937-07-17"
    assert helpers.find_person("Riess") == "ignace-reiss"
    assert helpers.find_person("Eberhardt") == "ignace-reiss"
    assert helpers.find_person("LETCHIK") == "vladimir-pravdin"


def test_schildbach_disappeared_murder_presumed(ds):
    # The Assassination of Ignace Reiss (04 September 1937) ¶3
    fate = ds.fates().set_index("person_id").loc["gertrude-schildbach"]
    assert fate.fate == "disappeared" and fate.certainty == "alleged"


def test_tukhachevsky_executed_12_june_1937(ds):
    # The Kidnapping of Yevgeny Miller (22 September 1937) ¶4
    assert _event(ds, "mikhail-tukhachevsky-execution").date == "1937-06-12"


def test_miller_kidnapping_ordered_by_slutsky_lured_by_skoblin(ds):
    # The Kidnapping of Yevgeny Miller (22 September 1937) ¶4, ¶5
    ev = _event(ds, "yevgeny-miller-kidnapping")
    assert ev.date == "1937-09-22" and ev.country == "France"
    assert "abram-slutsky" in _people(ds, "yevgeny-miller-kidnapping", "ordered_by")
    assert "nikolai-skoblin" in _people(ds, "yevgeny-miller-kidnapping", "organiser")


def test_miller_executed_11_may_1939(ds):
    # The Kidnapping of Yevgeny Miller (22 September 1937) ¶5
    fate = ds.fates().set_index("person_id").loc["yevgeny-miller"]
    assert fate.fate == "executed" and fate.date == "1939-05-11"


def test_slutsky_injected_official_heart_attack(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶2, ¶3
    ev = _event(ds, "abram-slutsky-assassination")
    assert ev.date == "1938-02-17" and ev.method == "injection"
    assert "heart attack" in accounts_of(ds, "abram-slutsky-assassination", "official").summary.iloc[0].lower()
    assert "nikolai-yezhov" in _people(ds, "abram-slutsky-assassination", "ordered_by")
    assert "leonid-zakovsky" in _people(ds, "abram-slutsky-assassination", "perpetrator")
    assert helpers.find_person("Frinovky") == "mikhail-frinovsky"
    assert helpers.find_person("Spegielglas") == "sergei-spiegelglas"


def test_third_moscow_trial_17_death_sentences(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶4, ¶5
    ev = _event(ds, "third-moscow-trial")
    assert ev.date == "1938-03" and pd.isna(ev.deaths_best)               # sentences are not deaths
    sentences = ds.tallies[(ds.tallies.event_id == "third-moscow-trial") & (ds.tallies.source_id == "case-file-0121")]
    assert list(zip(sentences.counted, sentences.best, sentences.qualifier)) == [("sentenced_to_death", 17, "exactly")]
    assert {"nikolai-bukharin", "alexei-rykov", "genrikh-yagoda"} <= _people(ds, "third-moscow-trial", "subject")


def test_zakovsky_arrested_19_august_1938(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶5
    assert _event(ds, "leonid-zakovsky-arrest").date == "1938-08-19"


def test_yezhov_water_transport_6_april_1938(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶6
    ev = _event(ds, "nikolai-yezhov-water-transport-appointment")
    assert ev.date == "1938-04-06" and ev.org_id == "water-transport-commissariat"
