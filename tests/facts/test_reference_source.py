"""Facts coded from the reference source (reference-facts), checked through the helper API."""
import pandas as pd

import helpers
from conftest import tally


def _conv(ds, year, count):
    c = ds.convictions_by_year
    return c[(c.year == year) & (c["count"] == count)].iloc[0]


def _att(ds, attestation_id):
    return ds.attestations.set_index("attestation_id").loc[attestation_id]


def _ev(ds, event_id):
    return ds.events.set_index("event_id").loc[event_id]


def test_convictions_1937_mvd(ds):
    # https://user.bibliboba.online/books/stalinskaia-epokha-ekonomika-repressii-industrializatsiia-1924-1954/p/128
    row = _conv(ds, 1937, "mvd")
    assert row.convicted == 790665
    assert row.sentenced_to_death == 353074
    assert not row.partial_year


def test_convictions_cover_1921_to_1953_for_both_tallies(ds):
    # https://user.bibliboba.online/books/stalinskaia-epokha-ekonomika-repressii-industrializatsiia-1924-1954/p/128
    c = ds.convictions_by_year
    assert set(c.year) == set(range(1921, 1954))
    assert len(c) == 66 and set(c["count"]) == {"mvd", "kgb"}


def test_convictions_1953_is_half_a_year_without_kgb_figures(ds):
    # https://fb2.top/the-soviet-century-465944/read/part-7
    mvd, kgb = _conv(ds, 1953, "mvd"), _conv(ds, 1953, "kgb")
    assert mvd.partial_year and kgb.partial_year
    assert mvd.convicted == 8403 and mvd.sentenced_to_death == 198
    assert pd.isna(kgb.convicted) and pd.isna(kgb.sentenced_to_death)
    assert ds.convictions_by_year[ds.convictions_by_year.partial_year].year.unique().tolist() == [1953]


def test_convictions_1932_uses_zemskov_not_kurashvili_misprint(ds):
    # https://user.bibliboba.online/books/stalinskaia-epokha-ekonomika-repressii-industrializatsiia-1924-1954/p/128
    assert _conv(ds, 1932, "mvd").sentenced_to_death == 2728
    assert _conv(ds, 1948, "mvd").convicted == 73269


def test_convictions_1948_and_1949_have_no_death_sentence_figure(ds):
    # https://user.bibliboba.online/books/stalinskaia-epokha-ekonomika-repressii-industrializatsiia-1924-1954/p/128
    for year in (1948, 1949):
        for count in ("mvd", "kgb"):
            assert pd.isna(_conv(ds, year, count).sentenced_to_death)


def test_great_purge_shot_equals_1937_plus_1938_death_sentences(ds):
    # https://liquisearch.com/great_purge/number_of_people_executed
    shot = tally(ds, "great-purge-shot-reference")
    assert (shot.counted, shot.best, shot.qualifier, shot.period) == ("shot", 681692, "exactly", "1937/1938")
    assert shot.best == _conv(ds, 1937, "mvd").sentenced_to_death + _conv(ds, 1938, "mvd").sentenced_to_death
    assert "great-purge-executions" not in set(ds.events.event_id)       # a total is not an event


def test_katyn_total_1940(ds):
    # http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html
    total = tally(ds, "katyn-1940-shot-reference")
    assert (total.best, total.qualifier, total.period, total.operation_id) == (21857, "exactly", "1940", "katyn-1940")
    assert "katyn-executions-1940-total" not in set(ds.events.event_id)  # a total is not an event


def test_artuzov_execution_date_conflict(ds):
    # https://readnow.me/chi/1937-bolshaya-chistka-nkvd-protiv-chk-papchinskiy?p=165
    a = _att(ds, "artur-artuzov-execution--date--ref")
    assert a.date == "1937-08-21"
    assert not a.agrees


def test_zakovsky_arrest_date_conflict(ds):
    # https://www.sciencespo.fr/mass-violence-war-massacre-resistance/en/document/leonid-mihajlovich-zakovsky-pseudonym-henriks-ernestovich-stubis-1894-1938.html
    a = _att(ds, "leonid-zakovsky-arrest--date--ref")
    assert a.date == "1938-04-30" and not a.agrees


def test_gpu_founded_1922_not_1923(ds):
    # https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies
    a = _att(ds, "cheka-into-gpu--date--ref")
    assert a.date == "1922-02-06" and not a.agrees
    assert _att(ds, "gpu-into-ogpu--date--ref").agrees


def test_dzerzhinsky_death_day_agrees_with_case_file_year(ds):
    # https://www.liquisearch.com/felix_dzerzhinsky/death
    a = _att(ds, "felix-dzerzhinsky-death--date--ref")
    assert a.date == "1926-07-20" and a.agrees


def test_cheka_founded(ds):
    # https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies
    ev = _ev(ds, "cheka-founded")
    assert ev.date == "1917-12-20" and ev.org_id == "cheka"
    who = ds.roles.query("event_id == 'cheka-founded' and role == 'ordered_by'").person_id
    assert "vladimir-lenin" in set(who)


def test_spiegelglas_execution_dates_disagree(ds):
    # https://en.wikipedia.org/wiki/Sergey_Spigelglas
    assert _ev(ds, "sergei-spiegelglas-execution").date == "1941-01-29"
    a = ds.attestations[ds.attestations.event_id == "sergei-spiegelglas-execution"]
    assert set(a.date) == {"1941", "1940-02-12", "1939"}
    assert set(a[~a.agrees.astype(bool)].date) == {"1940-02-12", "1939"}


def test_redens_execution_two_dates(ds):
    # https://de.m.wikipedia.org./wiki/Redens
    assert _ev(ds, "stanislav-redens-execution").date == "1940-01-21"
    assert _att(ds, "stanislav-redens-execution--date--ref").date == "1940-02-12"


def test_medved_shot_july_1937(ds):
    # https://soviet_intelligence.en-academic.com/208/Medved%2C_Fillip_Demyanovich
    ev = _ev(ds, "filipp-medved-execution")
    assert ev.date == "1937-07" and ev.precision == "month"
    fate = ds.fates().set_index("person_id").loc["filipp-medved"]
    assert fate.fate == "executed"


def test_beria_merkulov_dekanozov_shot_same_day(ds):
    # https://en.wikipedia.org/wiki/Vsevolod_Merkulov
    for pid in ("lavrenty-beria", "vsevolod-merkulov", "vladimir-dekanozov"):
        assert _ev(ds, f"{pid}-execution").date == "1953-12-23"
    assert _ev(ds, "lavrenty-beria-arrest").date == "1953-06-26"


def test_reference_spellings_resolve(ds):
    # https://soviet_intelligence.en-academic.com/335/Shpigelglas%2C_Sergei_Mikhailovich
    assert helpers.find_person("Shpigelglas") == "sergei-spiegelglas"
    # https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies
    assert helpers.find_person("Jēkabs Peterss") == "jekabs-peters"
    # https://en.wikipedia.org/wiki/Ivan_Zaporozhets
    assert helpers.find_person("Ivan Zaporozhets") == "vania-zaporozhets"
