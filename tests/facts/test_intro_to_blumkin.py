"""Fact tests for part A: Introduction, Savinkov, Reilly and Blumkin sections of case-file-0121."""
import helpers
from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def test_kannegisser_killed_uritsky(ds):
    # Introduction ¶2
    ev = _event(ds, "moisei-uritsky-assassination")
    assert ev.date == "1918-08-17"
    assert ev.type == "assassination"
    assert "leonid-kannegisser" in _people(ds, "moisei-uritsky-assassination", "perpetrator")


def test_kaplan_attempt_on_lenin_two_weeks_later(ds):
    # Introduction ¶2 (computed: two weeks after 17 August 1918)
    ev = _event(ds, "vladimir-lenin-attempt")
    assert ev.type == "attempt"
    assert ev.date == "1918-08-31"
    assert "fanya-kaplan" in _people(ds, "vladimir-lenin-attempt", "perpetrator")


def test_stalin_call_of_1_september_1918(ds):
    # Introduction ¶3
    ev = _event(ds, "red-terror-call")
    assert ev.type == "order"
    assert ev.date == "1918-09-01"
    assert "joseph-stalin" in _people(ds, "red-terror-call", "ordered_by")


def test_gpu_renamed_ogpu_15_november_1923(ds):
    # Introduction ¶5
    ev = _event(ds, "gpu-into-ogpu")
    assert ev.type == "reorganisation"
    assert ev.date == "1923-11-15"
    assert ev.org_id == "ogpu"


def test_cheka_became_gpu_in_1923_per_case_file(ds):
    # Introduction ¶4
    ev = _event(ds, "cheka-into-gpu")
    assert ev.date == "1923"
    assert ev.org_id == "gpu"


def test_trust_set_up_1921_by_trilisser(ds):
    # Introduction ¶5
    ev = _event(ds, "operation-trust")
    assert ev.date == "1921"
    assert "mikhail-trilisser" in _people(ds, "operation-trust", "organiser")


def test_savinkov_death_official_suicide_alleged_murder(ds):
    # The Capture of Boris Savinkov (1924) ¶2
    ev = _event(ds, "boris-savinkov-assassination")
    assert ev.date == "1925-05-07"
    assert ev.method == "defenestration"
    assert ev.certainty == "alleged"
    official = accounts_of(ds, "boris-savinkov-assassination", "official")
    assert list(official.claim) == ["suicide"] and "killed himself" in official.summary.iloc[0]
    roles = ds.roles.query(
        "event_id == 'boris-savinkov-assassination' and person_id == 'felix-dzerzhinsky'"
    )
    assert set(roles.role) == {"ordered_by"}
    assert set(roles.certainty) == {"alleged"}


def test_savinkov_fate_is_assassinated(ds):
    # The Capture of Boris Savinkov (1924) ¶2
    fates = ds.fates().set_index("person_id")
    assert fates.loc["boris-savinkov", "fate"] == "assassinated"


def test_reilly_tried_in_absentia_november_1918(ds):
    # The Arrest and Execution of Sidney Reilly (November 1925) ¶3
    ev = _event(ds, "sidney-reilly-trial")
    assert ev.type == "trial"
    assert ev.date == "1918-11"


def test_vaha_arrested_reilly(ds):
    # The Arrest and Execution of Sidney Reilly (November 1925) ¶4
    ev = _event(ds, "sidney-reilly-arrest")
    assert ev.method == "lure"
    assert "toivo-vaha" in _people(ds, "sidney-reilly-arrest", "perpetrator")


def test_reilly_shot_by_feduleev_and_syroezhkin(ds):
    # The Arrest and Execution of Sidney Reilly (November 1925) ¶4
    ev = _event(ds, "sidney-reilly-execution")
    assert ev.date == "1925-11-05"
    assert ev.method == "shooting"
    shooters = _people(ds, "sidney-reilly-execution", "perpetrator")
    assert {"grigory-feduleev", "george-syroezhkin"} <= shooters


def test_kommandatura_around_1927_under_blokhin(ds):
    # The Arrest and Execution of Sidney Reilly (November 1925) ¶5
    ev = _event(ds, "kommandatura-founded")
    assert ev.start.year == 1927
    assert "joseph-stalin" in _people(ds, "kommandatura-founded", "ordered_by")
    assert "vasily-blokhin" in _people(ds, "vasily-blokhin-appointment", "subject")


def test_dzerzhinsky_died_1926_menzhinsky_succeeded(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶3
    assert _event(ds, "felix-dzerzhinsky-death").date == "1926"
    ev = _event(ds, "vyacheslav-menzhinsky-appointment")
    assert ev.date == "1926"
    assert ev.org_id == "ogpu"


def test_menzhinsky_shut_down_trust_1927(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶3
    ev = _event(ds, "operation-trust-shutdown")
    assert ev.date == "1927"
    assert "vyacheslav-menzhinsky" in _people(ds, "operation-trust-shutdown", "ordered_by")


def test_artuzov_dismissed_november_1927(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶3
    ev = _event(ds, "artur-artuzov-dismissal-1927")
    assert ev.type == "dismissal"
    assert ev.date == "1927-11"
    assert ev.precision == "month"


def test_blumkin_arrested_october_1929(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶5
    ev = _event(ds, "yakov-blumkin-arrest")
    assert ev.date == "1929-10"
    assert "elisabeth-zarubina" in _people(ds, "yakov-blumkin-arrest", "accomplice")


def test_blumkin_tribunal_members(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶5
    members = _people(ds, "yakov-blumkin-trial", "other")
    assert {"vyacheslav-menzhinsky", "genrikh-yagoda", "mikhail-trilisser"} <= members


def test_blumkin_executed_3_november_1929_on_artuzov_order(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶6
    ev = _event(ds, "yakov-blumkin-execution")
    assert ev.date == "1929-11-03"
    assert ev.method == "shooting"
    assert {"artur-artuzov", "joseph-stalin"} <= _people(ds, "yakov-blumkin-execution", "ordered_by")


def test_yagoda_dismissed_trilisser_from_foreign_department(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶6
    ev = _event(ds, "mikhail-trilisser-dismissal")
    assert ev.org_id == "foreign-department"
    assert "genrikh-yagoda" in _people(ds, "mikhail-trilisser-dismissal", "ordered_by")
    assert "artur-artuzov" in _people(ds, "artur-artuzov-appointment-foreign-department", "subject")


def test_aliases_resolve(ds):
    # Introduction ¶3; The Arrest and Execution of Sidney Reilly (November 1925) ¶1;
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶4
    assert helpers.find_person("Iron Felix") == "felix-dzerzhinsky"
    assert helpers.find_person("Felix Dzerzinsky") == "felix-dzerzhinsky"
    assert helpers.find_person("Ace of Spies") == "sidney-reilly"
    assert helpers.find_person("Lisa Gorskaya") == "elisabeth-zarubina"
    assert helpers.find_person("Elizabeth Zarubina") == "elisabeth-zarubina"
    assert helpers.find_person("Toivo Vaha") == "toivo-vaha"
