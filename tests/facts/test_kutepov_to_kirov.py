"""Fact tests for part B: the Kutepov, Ramishvili and Kirov sections of case file 0121.

Each test checks one coded fact through the helper API; the comment names the locator.
"""
import helpers
from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def test_kutepov_abduction_date_and_unit(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶3
    ev = _event(ds, "alexander-kutepov-kidnapping")
    assert ev.date == "1930-01-26"
    assert ev.type == "kidnapping"
    assert ev.org_id == "yasha-group"


def test_kutepov_abduction_run_by_serebryansky_on_menzhinsky_decision(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶3
    assert "yakov-serebryansky" in _people(ds, "alexander-kutepov-kidnapping", "organiser")
    assert "vyacheslav-menzhinsky" in _people(ds, "alexander-kutepov-kidnapping", "ordered_by")


def test_kutepov_died_after_morphine_injection(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶4
    ev = _event(ds, "alexander-kutepov-death")
    assert (ev.type, ev.method, ev.date) == ("death", "injection", "1930-01-26")


def test_wrangel_died_1928(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶2
    ev = _event(ds, "pyotr-wrangel-death")
    assert (ev.date, ev.precision) == ("1928", "year")


def test_kutepov_took_command_of_rovs_1928(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶2
    ev = _event(ds, "alexander-kutepov-appointment")
    assert (ev.date, ev.org_id) == ("1928", "rovs")


def test_ramishvili_shot_by_chanukvadze(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶3
    ev = _event(ds, "noe-ramishvili-assassination")
    assert (ev.date, ev.method, ev.country) == ("1930-12-07", "shooting", "France")
    assert "parmen-chanukvadze" in _people(ds, "noe-ramishvili-assassination", "perpetrator")


def test_ramishvili_killing_ordered_by_stalin_organised_by_yagoda_and_artuzov(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶3
    assert "joseph-stalin" in _people(ds, "noe-ramishvili-assassination", "ordered_by")
    assert {"genrikh-yagoda", "artur-artuzov"} <= _people(ds, "noe-ramishvili-assassination", "organiser")


def test_georgian_uprising_crushed_under_beria_aug_to_oct_1924(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶2
    ev = _event(ds, "georgian-uprising-suppression")
    assert ev.date == "1924-08/1924-10"
    assert "lavrenty-beria" in _people(ds, "georgian-uprising-suppression", "ordered_by")


def test_menzhinsky_died_10_may_1934(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶4: died after long ill health (the official
    # account); the poisoning rests on Yagoda's confession (The Fall of Genrikh Yagoda (March 1937) ¶1)
    ev = _event(ds, "vyacheslav-menzhinsky-death")
    assert (ev.date, ev.type) == ("1934-05-10", "death")
    official = accounts_of(ds, "vyacheslav-menzhinsky-death", "official")
    assert list(official.claim) == ["natural_death"]
    assert set(accounts_of(ds, "vyacheslav-menzhinsky-death", "allegation").perpetrator_id) == {"genrikh-yagoda"}


def test_yagoda_appointed_by_stalin_10_july_1934(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶4
    assert _event(ds, "genrikh-yagoda-appointment").date == "1934-07-10"
    assert "joseph-stalin" in _people(ds, "genrikh-yagoda-appointment", "ordered_by")


def test_ogpu_folded_into_nkvd_as_gugb(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶4
    ev = _event(ds, "ogpu-into-nkvd")
    assert (ev.date, ev.type, ev.org_id) == ("1934-07-10", "reorganisation", "gugb")


def test_nikolayev_arrested_and_released_15_october_1934(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶2
    assert _event(ds, "leonid-nikolayev-arrest").date == "1934-10-15"
    assert _event(ds, "leonid-nikolayev-release").date == "1934-10-15"


def test_kirov_shot_by_nikolayev_1_december_1934(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶3
    ev = _event(ds, "sergei-kirov-assassination")
    assert (ev.date, ev.method) == ("1934-12-01", "shooting")
    assert "leonid-nikolayev" in _people(ds, "sergei-kirov-assassination", "perpetrator")


def test_kirov_murder_ordered_by_stalin_organised_by_yagoda_and_zaporozhets(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶2
    assert "joseph-stalin" in _people(ds, "sergei-kirov-assassination", "ordered_by")
    assert {"genrikh-yagoda", "vania-zaporozhets"} <= _people(ds, "sergei-kirov-assassination", "organiser")


def test_nikolayev_executed_29_december_1934(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶4
    ev = _event(ds, "leonid-nikolayev-execution")
    assert (ev.date, ev.type) == ("1934-12-29", "execution")
    fate = ds.fates().set_index("person_id").loc["leonid-nikolayev"]
    assert fate.fate == "executed"


def test_borisov_killed_from_moving_truck(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶4
    ev = _event(ds, "borisov-assassination")
    assert (ev.type, ev.method) == ("assassination", "vehicle")


def test_zinoviev_arrested_december_1934(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶6
    ev = _event(ds, "grigori-zinoviev-arrest")
    assert (ev.date, ev.precision) == ("1934-12", "month")


def test_first_moscow_trial_19_august_1936(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶8
    ev = _event(ds, "first-moscow-trial")
    assert (ev.date, ev.type) == ("1936-08-19", "trial")
    assert {"grigori-zinoviev", "lev-kamenev"} <= _people(ds, "first-moscow-trial", "subject")


def test_blokhin_shot_kamenev_on_stalins_orders(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶8
    assert _event(ds, "lev-kamenev-execution").date == "1936-08-25"
    assert "vasily-blokhin" in _people(ds, "lev-kamenev-execution", "perpetrator")
    assert "joseph-stalin" in _people(ds, "lev-kamenev-execution", "ordered_by")


def test_yezhov_replaced_yagoda_26_september_1936(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶9
    assert _event(ds, "nikolai-yezhov-appointment").date == "1936-09-26"
    assert "genrikh-yagoda" in _people(ds, "nikolai-yezhov-appointment", "other")


def test_slutsky_replaced_artuzov_after_kirov_murder_during_yagoda_tenure(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶5;
    # The Assassination of Abram Slutsky (17 February 1938) ¶1
    ev = _event(ds, "abram-slutsky-appointment")
    assert str(ev.start.date()) == "1934-12-01"
    assert str(ev.end.date()) == "1936-09-26"
    assert "artur-artuzov" in _people(ds, "abram-slutsky-appointment", "other")


def test_agronov_resolves_to_agranov(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶5
    assert helpers.find_person("Yakov Agronov") == "yakov-agranov"


def test_atruzov_resolves_to_artuzov(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶5
    assert helpers.find_person("Artur Atruzov") == "artur-artuzov"


def test_josef_pilsudski_resolves(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶3
    assert helpers.find_person("Josef Pilsudski") == "jozef-pilsudski"
