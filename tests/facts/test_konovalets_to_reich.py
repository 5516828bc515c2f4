"""Fact tests for part D: Konovalets, Klement, the fall of Yezhov, Zinaida Reich.

Each test checks one coded fact through the package API; the comment names the case-file paragraph.
"""
import helpers
from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def _role_certainty(ds, event_id, person_id, role):
    rows = ds.roles.query("event_id == @event_id and person_id == @person_id and role == @role")
    assert len(rows) == 1
    return rows.certainty.iloc[0]


def test_konovalets_killed_by_bomb_on_23_may_1938(ds):
    # The Assassination of Yevhen Konovalets (23 May 1938) ¶3
    ev = _event(ds, "yevhen-konovalets-assassination")
    assert ev.date == "1938-05-23"
    assert ev.type == "assassination"
    assert ev.method == "bomb"
    assert "pavel-sudoplatov" in _people(ds, "yevhen-konovalets-assassination", "perpetrator")


def test_stalin_picked_sudoplatov_for_konovalets_operation(ds):
    # The Assassination of Yevhen Konovalets (23 May 1938) ¶3
    assert "joseph-stalin" in _people(ds, "yevhen-konovalets-assassination", "ordered_by")


def test_konovalets_exiled_december_1922(ds):
    # The Assassination of Yevhen Konovalets (23 May 1938) ¶2
    ev = _event(ds, "yevhen-konovalets-exile")
    assert (ev.date, ev.type, ev.precision) == ("1922-12", "exile", "month")


def test_gridgdenko_is_sudoplatov(ds):
    # The Assassination of Yevhen Konovalets (23 May 1938) ¶3
    assert helpers.find_person("Pavel Gridgdenko") == "pavel-sudoplatov"


def test_klement_killed_by_taubman_korotkov_and_the_turk(ds):
    # The Murder of Rudolf Klement (12 July 1938) ¶2
    ev = _event(ds, "rudolf-klement-assassination")
    assert ev.date == "1938-07-12"
    assert _people(ds, "rudolf-klement-assassination", "perpetrator") == {
        "ale-taubman", "alexander-korotkov", "the-turk"}


def test_klement_body_found_august_1938(ds):
    # The Murder of Rudolf Klement (12 July 1938) ¶2
    ev = _event(ds, "rudolf-klement-discovery")
    assert ev.type == "discovery"
    assert ev.date == "1938-08"


def test_klement_letter_a_suspected_forgery(ds):
    # The Murder of Rudolf Klement (12 July 1938) ¶2
    ev = _event(ds, "klement-forged-letter")
    assert ev.method == "forgery"
    assert ev.certainty == "alleged"
    assert ev.date.startswith("1938-07")


def test_zborowski_part_in_sedov_death_only_alleged(ds):
    # The Murder of Rudolf Klement (12 July 1938) ¶1; date: The Assassination of Leon Trotsky (21 August 1940) ¶5
    assert _event(ds, "lev-sedov-death").date == "1938-02-08"
    assert _role_certainty(ds, "lev-sedov-death", "mark-zborowski", "perpetrator") == "alleged"


def test_etienne_is_zborowski(ds):
    # The Murder of Rudolf Klement (12 July 1938) ¶1
    assert helpers.find_person("Etienne") == "mark-zborowski"


def test_lyushkov_defected_13_june_1938(ds):
    # The Fall of Yezhov (November 1938) ¶1
    ev = _event(ds, "genrikh-lyushkov-defection")
    assert (ev.date, ev.type) == ("1938-06-13", "defection")


def test_zakovsky_shot_29_august_1938_on_frinovsky_orders(ds):
    # The Fall of Yezhov (November 1938) ¶1
    ev = _event(ds, "leonid-zakovsky-execution")
    assert ev.date == "1938-08-29"
    assert "mikhail-frinovsky" in _people(ds, "leonid-zakovsky-execution", "ordered_by")


def test_spiegelglas_and_redens_arrested_2_november_1938_on_beria_orders(ds):
    # The Fall of Yezhov (November 1938) ¶1
    for event_id in ("sergei-spiegelglas-arrest", "stanislav-redens-arrest"):
        assert _event(ds, event_id).date == "1938-11-02"
        assert "lavrenty-beria" in _people(ds, event_id, "ordered_by")


def test_spegielglas_spelling_resolves(ds):
    # The Fall of Yezhov (November 1938) ¶1
    assert helpers.find_person("Spegielglas") == "sergei-spiegelglas"


def test_nkgb_renaming_of_1938_flagged_as_anachronism(ds):
    # The Fall of Yezhov (November 1938) ¶2
    ev = _event(ds, "gugb-restructure-1938")
    assert ev.type == "reorganisation"
    assert "1941" in ev.note


def test_beria_replaced_yezhov_25_november_1938(ds):
    # The Fall of Yezhov (November 1938) ¶2
    assert _event(ds, "lavrenty-beria-nkvd-appointment").date == "1938-11-25"
    dismissal = _event(ds, "nikolai-yezhov-dismissal")
    assert dismissal.date == "1938-11-25"
    assert list(accounts_of(ds, "nikolai-yezhov-dismissal", "official").claim) == ["resignation"]


def test_yezhov_taken_to_sukhanovka_four_days_after_frinovsky_arrest(ds):
    # The Fall of Yezhov (November 1938) ¶4
    assert _event(ds, "mikhail-frinovsky-arrest").date == "1939-04-06"
    assert _event(ds, "nikolai-yezhov-arrest").date == "1939-04-10"


def test_yehov_spelling_resolves(ds):
    # The Fall of Yezhov (November 1938) ¶4
    assert helpers.find_person("Yehov") == "nikolai-yezhov"


def test_babel_arrested_15_may_1939(ds):
    # The Fall of Yezhov (November 1938) ¶4
    assert _event(ds, "isaac-babel-arrest").date == "1939-05-15"
    assert "borys-rodos" in set(ds.roles.query("event_id == 'isaac-babel-arrest'").person_id)


def test_reich_murder_staged_as_robbery(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶2-3
    ev = _event(ds, "zinaida-reich-assassination")
    assert ev.date.startswith("1939-07-15")
    assert ev.method == "stabbing"
    assert ev.certainty == "alleged"
    # ¶2: the killers ransacked the flat so that it would look like a robbery; ¶3 hedges the NKVD's hand.
    official = accounts_of(ds, "zinaida-reich-assassination", "official")
    assert len(official) == 1 and "burglary" in official.summary.iloc[0].lower()
    alleged = accounts_of(ds, "zinaida-reich-assassination", "allegation")
    assert set(alleged.perpetrator_org_id) == {"nkvd"} and set(alleged.certainty) == {"alleged"}
    assert _role_certainty(ds, "zinaida-reich-assassination", "lavrenty-beria", "ordered_by") == "alleged"


def test_meyerhold_arrested_in_leningrad_20_june_1939(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶2
    ev = _event(ds, "vsevolod-meyerhold-arrest")
    assert ev.date == "1939-06-20"
    assert "Leningrad" in ev.place


def test_vsvevolod_spelling_resolves_to_meyerhold(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶1
    assert helpers.find_person("Vsvevolod Meyerhold") == "vsevolod-meyerhold"


def test_trilisser_arrested_1938_and_executed_2_february_1940(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶4
    assert _event(ds, "mikhail-trilisser-arrest").date == "1938-11-23"
    assert _event(ds, "mikhail-trilisser-execution").date == "1940-02-02"


def test_blokhin_shot_yezhov_and_frinovsky_4_february_1940(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶4
    for event_id in ("nikolai-yezhov-execution", "mikhail-frinovsky-execution"):
        assert _event(ds, event_id).date == "1940-02-04"
        assert "vasily-blokhin" in _people(ds, event_id, "perpetrator")


def test_yezhov_fate_executed(ds):
    # The Murder of Zinaida Reich (15 July 1939) ¶4
    fate = ds.fates().set_index("person_id").loc["nikolai-yezhov"]
    assert fate.fate == "executed"
    assert fate.date == "1940-02-04"
