"""Fact tests for the positions part: one coded fact per test, read through the helper package API.

The `ds` fixture comes from the project's conftest. Locators are in the comments.
"""
import pandas as pd

import helpers


def _pos(ds, position_id):
    return ds.positions.set_index("position_id").loc[position_id]


def test_yezhov_heads_nkvd_from_26_september_1936(ds):
    # The Assassination of Sergey Kirov (01 December 1934) ¶9; The Fall of Yezhov (November 1938) ¶2
    pid = helpers.find_person("Nikolai Yezhov")
    row = _pos(ds, f"{pid}--secret-police-head")
    assert row.start == "1936-09-26"
    assert row.end == "1938-11-25"


def test_yagoda_demoted_to_post_and_telegraph(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶1
    pid = helpers.find_person("Genrikh Yagoda")
    row = _pos(ds, f"{pid}--post-and-telegraph-commissar")
    assert row.start == "1936-09-26"
    assert row.org_id == "post-and-telegraph-commissariat"
    assert _pos(ds, f"{pid}--secret-police-head").end_reason == "demoted"


def test_yezhov_water_transport_from_6_april_1938(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶6
    row = _pos(ds, "nikolai-yezhov--water-transport-commissar")
    assert row.start == "1938-04-06"
    assert row.org_id == "water-transport-commissariat"


def test_frinovsky_moved_to_navy_when_beria_became_deputy(ds):
    # The Fall of Yezhov (November 1938) ¶1
    navy = _pos(ds, "mikhail-frinovsky--navy-commissar")
    assert navy.start == "1938-08-22"
    deputy = _pos(ds, "mikhail-frinovsky--secret-police-deputy")
    assert deputy.end == "1938-08-22"
    assert _pos(ds, "lavrenty-beria--secret-police-deputy").start == "1938-08-22"


def test_beria_deputy_then_head_on_25_november_1938(ds):
    # The Fall of Yezhov (November 1938) ¶1 and ¶2
    pid = helpers.find_person("Lavrenty Beria")
    deputy = _pos(ds, f"{pid}--secret-police-deputy")
    assert (deputy.end, deputy.end_reason) == ("1938-11-25", "promoted")
    assert _pos(ds, f"{pid}--secret-police-head").start == "1938-11-25"


def test_beria_takes_gugb_from_frinovsky(ds):
    # The Fall of Yezhov (November 1938) ¶2
    assert _pos(ds, "lavrenty-beria--gugb-head").start == "1938-09-29"
    frin = _pos(ds, "mikhail-frinovsky--gugb-head")
    assert (frin.end, frin.end_reason) == ("1938-09-29", "replaced")


def test_menzhinsky_dies_in_office(ds):
    # The Assassination of Noe Ramishvili (07 December 1930) ¶4
    row = _pos(ds, "vyacheslav-menzhinsky--secret-police-head")
    assert (row.end, row.end_reason) == ("1934-05-10", "died")


def test_peters_acting_cheka_chairman_1918(ds):
    # reference-facts §1a: https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies
    row = _pos(ds, "jekabs-peters--secret-police-head")
    assert bool(row.acting) is True
    assert (row.start, row.end) == ("1918-07-07", "1918-08-22")


def test_agranov_saratov_is_a_month_precision_tenure(ds):
    # The Fall of Genrikh Yagoda (March 1937) ¶2
    row = _pos(ds, "yakov-agranov--saratov-nkvd-head")
    assert row.start == "1937-04"
    assert row.start_earliest == pd.Timestamp("1937-04-01")
    assert row.start_latest == pd.Timestamp("1937-04-30")


def test_blokhin_commands_kommandatura_from_about_1927(ds):
    # The Arrest and Execution of Sidney Reilly (November 1925) ¶5
    row = _pos(ds, "vasily-blokhin--kommandatura-commander")
    assert row.start == "1927~"
    assert row.org_id == "kommandatura"


def test_kazakov_heads_poison_laboratory_1921(ds):
    # Introduction ¶4
    row = _pos(ds, "ignatii-kazakov--poison-laboratory-head")
    assert row.start == "1921"
    assert row.org_id == "special-office"


def test_yagoda_supervising_laboratory_by_1926(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶3
    row = _pos(ds, "genrikh-yagoda--poison-laboratory-supervisor")
    assert row.start_latest == pd.Timestamp("1926-12-31")


def test_beria_first_secretary_of_georgia_november_1931(ds):
    # The Poisoning of Nestor Lakoba (28 December 1936) ¶2
    row = _pos(ds, "lavrenty-beria--georgia-first-secretary")
    assert row.start == "1931-11"


def test_lyushkov_defects_from_far_eastern_nkvd(ds):
    # The Fall of Yezhov (November 1938) ¶1
    row = _pos(ds, "genrikh-lyushkov--far-eastern-nkvd-head")
    assert (row.end, row.end_reason) == ("1938-06-13", "defected")


def test_spiegelglas_succeeds_slutsky(ds):
    # The Assassination of Abram Slutsky (17 February 1938) ¶2 and ¶3; The Fall of Yezhov (November 1938) ¶1
    slutsky = _pos(ds, "abram-slutsky--foreign-department-head")
    assert (slutsky.end, slutsky.end_reason) == ("1938-02-17", "killed")
    spieg = _pos(ds, "sergei-spiegelglas--foreign-department-head")
    assert spieg.start == "1938-02"
    assert (spieg.end, spieg.end_reason) == ("1938-11-02", "arrested")


def test_trilisser_vice_chairman_1927(ds):
    # The Arrest and Execution of Yakov Blumkin (November 1929) ¶3
    row = _pos(ds, "mikhail-trilisser--secret-police-deputy")
    assert row.start == "1927"
    assert row.org_id == "ogpu"


def test_kutepov_heads_rovs_until_his_abduction(ds):
    # The Kidnapping of Alexander Kutepov (26 January 1930) ¶2 and ¶4
    row = _pos(ds, "alexander-kutepov--rovs-head")
    assert (row.start, row.end, row.end_reason) == ("1928", "1930-01-26", "killed")
    assert _pos(ds, "yevgeny-miller--rovs-head").start == "1930"


def test_yezhov_start_conflict_is_attested(ds):
    # reference-facts §1a: https://www.encyclopedia.com/history/encyclopedias-almanacs-transcripts-and-maps/yezhov-nikolai-ivanovich
    att = ds.attestations.set_index("attestation_id").loc["nikolai-yezhov--secret-police-head--start--ref-2"]
    assert att.date == "1936-09-25"
    assert bool(att.agrees) is False


def test_spiegelglas_end_conflict_is_attested(ds):
    # reference-facts §1b: https://en.wikipedia.org/wiki/Sergey_Spigelglas
    att = ds.attestations.set_index("attestation_id").loc["sergei-spiegelglas--foreign-department-head--end--ref"]
    assert att.date == "1938-06-09"
    assert bool(att.agrees) is False
