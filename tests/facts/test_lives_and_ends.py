"""Fact tests for "Lives and ends": the fates reference-facts §7a gives for members of the apparatus
and their agents, and §7d (Uritsky and the attempt on Lenin). Expectations are written by hand from
the reference's rows; each test names the page it rests on."""
import pandas as pd

from conftest import accounts_of
from conftest import event_row as _event
from conftest import people_in as _people


def _att(ds, attestation_id):
    return ds.attestations.set_index("attestation_id").loc[attestation_id]


def _fate(ds, person_id):
    f = ds.fates()
    return f.set_index("person_id").loc[person_id]


def test_apparatus_with_no_recorded_end(ds):
    # Before this issue 25 of the 56 had no end. The reference (§7c) finds nothing for these five:
    # ale-taubman, grigory-feduleev, grigory-yeremenyevich, parmen-chanukvadze, the-turk.
    apparatus = set(ds.people.person_id[ds.people.side == "apparatus"])
    unknown = apparatus - set(ds.fates().person_id)
    assert unknown == {"ale-taubman", "grigory-feduleev", "grigory-yeremenyevich", "parmen-chanukvadze", "the-turk"}


def test_peters_shot_at_kommunarka(ds):
    # https://ru.m.wikipedia.org/wiki/Яков_Петерс
    ev = _event(ds, "jekabs-peters-execution")
    assert (ev.date, ev.type, ev.method, ev.certainty) == ("1938-04-25", "execution", "shooting", "stated")
    assert "jekabs-peters" in _people(ds, "jekabs-peters-execution", "subject")
    assert _fate(ds, "jekabs-peters").fate == "executed"


def test_messing_died_manner_unknown(ds):
    # https://ja.wikipedia.org/wiki/スタニスラフ・メッシング
    ev = _event(ds, "stanislav-messing-death")
    assert (ev.date, ev.type, ev.certainty) == ("1937-09-02", "death", "stated")
    assert pd.isna(ev.method)                      # manner not stated
    assert _fate(ds, "stanislav-messing").fate == "died"


def test_kazakov_sentenced_not_executed(ds):
    # https://paperspast.natlib.govt.nz/newspapers/DOM19380314.2.22 (verdict read 13 March 1938)
    ev = _event(ds, "ignatii-kazakov-death-sentence")
    assert (ev.date, ev.type) == ("1938-03-13", "death_sentence")
    assert "ignatii-kazakov-execution" not in set(ds.events.event_id)   # no execution date: none invented
    assert _fate(ds, "ignatii-kazakov").fate == "sentenced_to_death"


def test_rodos_sentenced_then_shot(ds):
    # https://en.wikipedia.org/wiki/Boris_Rodos
    sentence, shot = _event(ds, "borys-rodos-death-sentence"), _event(ds, "borys-rodos-execution")
    assert (sentence.date, sentence.type) == ("1956-02-26", "death_sentence")
    assert (shot.date, shot.type, shot.method) == ("1956-04-20", "execution", "shooting")
    assert _fate(ds, "borys-rodos").fate == "executed"


def test_syroezhkin_arrest_and_death_with_conflicting_day(ds):
    # https://perceptioes.com/Сыроежкин,_Григорий_Сергеевич (infobox 26 Feb, lead 29 Jan 1939)
    arrest = _event(ds, "george-syroezhkin-arrest")
    assert arrest.start.year == 1938 and arrest.end.strftime("%Y-%m-%d") == "1938-12-31"
    ev = _event(ds, "george-syroezhkin-death")
    assert (ev.date, ev.type) == ("1939-02-26", "death")
    a = _att(ds, "george-syroezhkin-death--date--ref")
    assert (a.date, a.agrees) == ("1939-01-29", False)
    assert _fate(ds, "george-syroezhkin").fate == "died_in_custody"   # arrested, never released, manner unknown


def test_skoblin_disappeared_then_died_by_rival_versions(ds):
    # https://www.liquisearch.com/nikolai_skoblin/death
    assert _event(ds, "nikolai-skoblin-disappearance").date == "1937-09"
    ev = _event(ds, "nikolai-skoblin-death")
    assert (ev.date, ev.type, ev.certainty) == ("1937/1938", "death", "disputed")
    rivals = accounts_of(ds, "nikolai-skoblin-death", "rival")
    assert len(rivals) == 4 and set(rivals.certainty) == {"disputed"}
    assert set(rivals.claim) == {"killing", "other"}
    f = _fate(ds, "nikolai-skoblin")
    assert (f.fate, f.certainty) == ("killed", "disputed")


def test_krivitsky_ruled_suicide_murder_alleged(ds):
    # https://spartacus-educational.com/SSkrivitsky.htm ; https://marxists.org/archive/dewar/assassins/ch06.htm
    ev = _event(ds, "walter-krivitsky-death")
    assert (ev.date, ev.type, ev.method, ev.certainty) == ("1941-02-10", "death", "shooting", "disputed")
    official = accounts_of(ds, "walter-krivitsky-death", "official")
    assert list(official.claim) == ["suicide"] and list(official.certainty) == ["stated"]
    alleged = accounts_of(ds, "walter-krivitsky-death", "allegation")
    assert list(alleged.claim) == ["killing"] and list(alleged.certainty) == ["alleged"]
    assert _fate(ds, "walter-krivitsky").certainty == "disputed"


def test_sorge_arrested_and_hanged(ds):
    # https://liquisearch.com/richard_sorge/arrests_and_trials ; https://piglix.com/piglix/Richard_Sorge
    assert _event(ds, "richard-sorge-arrest").date == "1941-10-18"
    ev = _event(ds, "richard-sorge-execution")
    assert (ev.date, ev.type, ev.method, ev.org_id) == ("1944-11-07", "execution", "hanging", "japan")
    a = _att(ds, "richard-sorge-arrest--date--ref")                  # Britannica for students: 1943
    assert (a.date, a.agrees) == ("1943", False)


def test_puzitsky_sentenced_to_death_1937(ds):
    # https://knizhkionline.com/page-15-16799-stanovlenie-specsluzhb-sovetskogo-gosudarstva-1917-1941.html
    ev = _event(ds, "puzitsky-death-sentence")
    assert (ev.date, ev.type) == ("1937", "death_sentence")
    assert _event(ds, "puzitsky-arrest").end.strftime("%Y-%m-%d") == "1937-04-29"   # in custody by then
    assert _fate(ds, "puzitsky").fate == "sentenced_to_death"


def test_markin_death_manner_unknown_killing_alleged(ds):
    # https://deadlypass.com/wp/markin-valentin-borisovich-1903-1934
    ev = _event(ds, "valentin-markin-death")
    assert (ev.date, ev.type, ev.method, ev.certainty) == ("1934", "death", "unknown", "stated")
    a = _att(ds, "valentin-markin-death--date--ref")                 # Krivitsky: early 1933
    assert (a.date, a.agrees) == ("1933", False)
    assert list(accounts_of(ds, "valentin-markin-death", "allegation").certainty) == ["alleged"]
    f = _fate(ds, "valentin-markin")
    assert (f.fate, f.certainty) == ("killed", "alleged")


def test_fitin_died_no_cause(ds):
    # https://sagapedia.com/en/Pavel_Fitin
    ev = _event(ds, "pavel-fitin-death")
    assert (ev.date, ev.type) == ("1971-12-24", "death")
    assert pd.isna(ev.method)                      # "presumably natural" is the reference's guess, not a page's
    assert _event(ds, "pavel-fitin-dismissal").date == "1951"
    assert _fate(ds, "pavel-fitin").fate == "died"


def test_kruglov_death_date_conflict(ds):
    # https://en.wikipedia.org/wiki/Sergei_Kruglov_(politician) ; https://piglix.com/piglix/Sergei_Kruglov_(politician)
    assert _event(ds, "sergei-kruglov-death").date == "1977-07-06"
    a = _att(ds, "sergei-kruglov-death--date--ref")
    assert (a.date, a.agrees) == ("1977-06-06", False)


def test_zborowski_convicted_released_died(ds):
    # https://bookhaven.stanford.edu/2010/07/san-franciscos-finger-man-zborowski-revisited ; https://rue-des-livres.com/auteurs/918/mark_zborowski.html
    assert _event(ds, "mark-zborowski-trial").date == "1958-12"
    a = _att(ds, "mark-zborowski-trial--date--ref")
    assert (a.date, a.agrees) == ("1962", False)
    assert _event(ds, "mark-zborowski-release").type == "release"
    assert _event(ds, "mark-zborowski-death").date == "1990-04-30"
    assert _fate(ds, "mark-zborowski").fate == "died"               # not in custody: released first


def test_ovakimian_arrested_freed_died(ds):
    # https://test.history.state.gov/historicaldocuments/frus1941v01/d937 ; https://en.wikipedia.org/wiki/Gaik_Ovakimian
    assert _event(ds, "gaik-ovakimian-arrest").date == "1941-05-05"
    assert _event(ds, "gaik-ovakimian-release").date == "1941-07"
    assert _event(ds, "gaik-ovakimian-death").date == "1967-03-13"
    a = _att(ds, "gaik-ovakimian-death--date--ref")                  # Pringle: 1975
    assert (a.date, a.agrees) == ("1975", False)
    assert _fate(ds, "gaik-ovakimian").fate == "died"


def test_shelepin_died_1994(ds):
    # https://en.wikipedia.org/wiki/Alexander_Shelepin
    assert _event(ds, "alexander-shelepin-death").date == "1994-10-24"
    assert _fate(ds, "alexander-shelepin").fate == "died"


def test_soprunenko_died_1992(ds):
    # https://pinocchiopedia.com/wiki/Draft:Pyotr_Soprunenko (an unreviewed draft)
    assert _event(ds, "soprunenko-death").date == "1992-06-23"
    assert _fate(ds, "soprunenko").fate == "died"


def test_korotkov_collapsed_natural_death(ds):
    # https://readli.net/chitat-online/?b=170972&pg=140 ; https://online-biblioteka.com/page-77-51803-kniga-zhizn-po-legende.html
    ev = _event(ds, "alexander-korotkov-death")
    assert ev.date == "1961-06-27?"                 # the day is implied, not stated
    assert ev.method == "illness"
    assert _fate(ds, "alexander-korotkov").fate == "natural_death"


def test_zarubina_died_1987(ds):
    # https://es.stringtranslate.com/Elizaveta/Elizabeth_Zubilin
    ev = _event(ds, "elisabeth-zarubina-death")
    assert ev.date == "1987-05-14" and pd.isna(ev.method)
    assert _fate(ds, "elisabeth-zarubina").fate == "died"


def test_pravdin_death_natural_or_suicide(ds):
    # https://loveread.me/read_book.php?id=73016&p=45 ; https://soviet_intelligence.en-academic.com/284/Pravdin,_Vladimir
    ev = _event(ds, "vladimir-pravdin-death")
    assert (ev.date, ev.certainty) == ("1970", "disputed")
    assert set(accounts_of(ds, "vladimir-pravdin-death", "rival").claim) == {"natural_death", "suicide"}
    assert _event(ds, "vladimir-pravdin-arrest").date == "1926-04"
    assert _fate(ds, "vladimir-pravdin").fate == "died"             # released in 1928, so not in custody


def test_vaha_died_1984(ds):
    # https://en.wikipedia.org/wiki/Toivo_Vähä
    assert _event(ds, "toivo-vaha-death").date == "1984-06-18"
    assert _fate(ds, "toivo-vaha").fate == "died"


def test_uritsky_keeps_case_file_date_reference_attests_30_august(ds):
    # Introduction ¶2 ; https://exhibitions.lib.cam.ac.uk/revolutionthefirstbolshevikyear/artifacts/the-death-of-uritskii/
    assert _event(ds, "moisei-uritsky-assassination").date == "1918-08-17"
    a = _att(ds, "moisei-uritsky-assassination--date--ref")
    assert (a.date, a.agrees) == ("1918-08-30", False)
    assert "Old Style" in a.note


def test_lenin_attempt_keeps_computed_date_reference_attests_30_august(ds):
    # Introduction ¶2 ; https://1917.org/Biografie_Uritsky.html
    assert _event(ds, "vladimir-lenin-attempt").date == "1918-08-31"
    a = _att(ds, "vladimir-lenin-attempt--date--ref")
    assert (a.date, a.agrees) == ("1918-08-30", False)
