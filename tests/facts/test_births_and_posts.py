"""Fact tests for births (reference-facts §7a and §7b) and for the posts the case file dates.

Each birth test checks the coded date, and where it can, checks it against a different row of the
reference: an age at a tenure of §1 or a fate of §2 (the reference's dates), or a year printed in
another page's address. Page addresses and case-file locators are in the comments.
"""
import pandas as pd


def _person(ds, person_id):
    return ds.people.set_index("person_id").loc[person_id]


def _pos(ds, position_id):
    return ds.positions.set_index("position_id").loc[position_id]


def _age(row, on):
    """Whole years from a birth known to the day to the day `on`."""
    born, day = row.born_earliest, pd.Timestamp(on)
    assert born == row.born_latest, "only for births known to the day"
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _birth_attestations(ds):
    """Rival birth dates (attestations of a person's `born`)."""
    return ds.attestations[ds.attestations.field == "born"].set_index("attestation_id")


# ---- births: heads and officers of §7b -------------------------------------------------------------

def test_dzerzhinsky_born_11_september_1877_new_style(ds):
    # https://fanyv88.com:443/https/wn.com/Felix_Dzerzhinsky (30 August O.S.)
    row = _person(ds, "felix-dzerzhinsky")
    assert (row.born, row.calendar) == ("1877-09-11", "new_style")
    assert "Ivyanets" in row.born_place
    # §2: died 20 July 1926 (https://www.liquisearch.com/felix_dzerzhinsky/death)
    assert _age(row, "1926-07-20") == 48


def test_menzhinsky_born_31_august_1874(ds):
    # https://memim.com/vyacheslav-menzhinsky.html (19 August O.S.; EN-wiki prints the O.S. day)
    row = _person(ds, "vyacheslav-menzhinsky")
    assert (row.born, row.born_place, row.calendar) == ("1874-08-31", "St Petersburg", "new_style")
    # §1a: died in office on 10 May 1934
    assert _age(row, "1934-05-10") == 59


def test_yagoda_born_19_november_1891_in_rybinsk(ds):
    # https://nl.wiki7.org/wiki/Ягода,_Генрих_Григорьевич ("7 (19) November")
    row = _person(ds, "genrikh-yagoda")
    assert row.born == "1891-11-19"
    assert row.born_place.startswith("Rybinsk")
    # §2: shot 15 March 1938
    assert _age(row, "1938-03-15") == 46


def test_yezhov_born_1_may_1895(ds):
    # https://en.wikipedia.org/wiki/Nikolai_Yezhov
    row = _person(ds, "nikolai-yezhov")
    assert (row.born, row.born_place) == ("1895-05-01", "St Petersburg")
    # §1a cites http://deadlypass.com/wp/ezhov-nickolai-ivanovich-1895-1940 : the year 1895
    assert row.born_earliest.year == 1895
    # §2: shot 4 February 1940
    assert _age(row, "1940-02-04") == 44


def test_beria_born_29_march_1899(ds):
    # https://wikisum.wiki/wiki/Lavrenty_Beria ("[O.S. 17 March] 1899")
    row = _person(ds, "lavrenty-beria")
    assert (row.born, row.calendar) == ("1899-03-29", "new_style")
    assert row.born_place.startswith("Merkheuli")
    # §1a: People's Commissar from 25 November 1938 (https://simple.m.wikipedia.org/wiki/Lavrenty_Beria)
    assert _age(row, "1938-11-25") == 39


def test_frinovsky_born_7_february_1898(ds):
    # https://de.zxc.wiki/wiki/Michail_Petrowitsch_Frinowski (26 January O.S.)
    row = _person(ds, "mikhail-frinovsky")
    assert (row.born, row.born_place) == ("1898-02-07", "Narovchat, Penza Governorate")
    # §2: shot 4 February 1940, three days before his 42nd birthday
    assert _age(row, "1940-02-04") == 41


def test_trilisser_born_1_april_1883_in_astrakhan(ds):
    # https://en.wikipedia.org/wiki/Mikhail_Trilisser
    row = _person(ds, "mikhail-trilisser")
    assert (row.born, row.born_place) == ("1883-04-01", "Astrakhan")
    # §1b: head of the foreign department from 13 May 1922
    assert _age(row, "1922-05-13") == 39


def test_artuzov_born_18_february_1891(ds):
    # https://it.wiki7.org/wiki/Артузов,_Артур_Христианович (Ustinovo)
    row = _person(ds, "artur-artuzov")
    assert row.born == "1891-02-18"
    assert row.born_place.startswith("Ustinovo")
    # §1b: head of the foreign department from 31 July 1931 (https://en.wikipedia.org/wiki/Artur_Artuzov)
    assert _age(row, "1931-07-31") == 40


def test_slutsky_born_july_1898_month_only(ds):
    # https://deadlypass.com/wp/slutsky-abram-aronovich
    row = _person(ds, "abram-slutsky")
    assert row.born == "1898-07"
    assert row.born_precision == "month"
    assert row.born_earliest == pd.Timestamp("1898-07-01") and row.born_latest == pd.Timestamp("1898-07-31")
    assert row.born_place.startswith("Parafievka")
    # §1b: died 17 February 1938, aged 39
    assert pd.Timestamp("1938-02-17").year - row.born_earliest.year - 1 == 39


def test_spiegelglas_born_29_april_1897_official_version(ds):
    # https://sb.by/articles/likvidatsiya-glavnogo-likvidatora-.html (Mosty)
    row = _person(ds, "sergei-spiegelglas")
    assert (row.born, row.born_place) == ("1897-04-29", "Mosty, Grodno Governorate")
    # §1b: acting head of the 5th Department from 17 February 1938 (https://en.wikipedia.org/wiki/Sergey_Spigelglas)
    assert _age(row, "1938-02-17") == 40


def test_spiegelglas_rival_birth_1898_is_an_attestation(ds):
    # https://kiozk.ru/article/diletant/po-odnoj-kvitancii : 14 April 1898 O.S. = 26 April N.S.
    att = _birth_attestations(ds).loc["sergei-spiegelglas--born--ref"]
    assert (att.date, att.calendar, att.agrees) == ("1898-04-26", "converted_from_old_style", False)


def test_agranov_born_12_october_1893(ds):
    # https://military.wikia.org/wiki/Yakov_Agranov
    row = _person(ds, "yakov-agranov")
    assert row.born == "1893-10-12"
    assert row.born_place.startswith("Chechersk")
    # §2: shot 1 August 1938 at Kommunarka
    assert _age(row, "1938-08-01") == 44


def test_zakovsky_born_1894_year_only(ds):
    # https://en.wikipedia.org/wiki/Leonid_Zakovsky
    row = _person(ds, "leonid-zakovsky")
    assert row.born == "1894"
    assert row.born_precision == "year"
    assert pd.isna(row.calendar)
    # §1c cites the Mass Violence entry whose address ends in "stubis-1894-1938.html"
    assert row.born_earliest.year == 1894


def test_redens_born_17_may_1892(ds):
    # https://de.m.wikipedia.org./wiki/Redens (5 May O.S.)
    row = _person(ds, "stanislav-redens")
    assert (row.born, row.calendar) == ("1892-05-17", "new_style")
    # §2: arrested 20 November 1938
    assert _age(row, "1938-11-20") == 46


def test_blokhin_born_19_january_1895(ds):
    # https://wikiclassic.com/wiki/Vasily_Blokhin ("19 January [O.S. 7 January] 1895")
    row = _person(ds, "vasily-blokhin")
    assert (row.born, row.born_place) == ("1895-01-19", "Gavrilovskoye, Vladimir Governorate")
    # §2: died 3 February 1955
    assert _age(row, "1955-02-03") == 60


def test_sudoplatov_born_7_july_1907_in_melitopol(ds):
    # https://ucrdc.org/HI-PAVEL_SUDOPLATOV.html
    row = _person(ds, "pavel-sudoplatov")
    assert row.born == "1907-07-07"
    assert row.born_place.startswith("Melitopol")
    # §2: arrested 21 August 1953
    assert _age(row, "1953-08-21") == 46


def test_serebryansky_born_29_november_1892_with_rivals(ds):
    # https://booksonline.com.ua/view.php?book=103980&page=3
    row = _person(ds, "yakov-serebryansky")
    assert (row.born, row.born_place) == ("1892-11-29", "Minsk")
    rivals = _birth_attestations(ds)
    assert set(rivals[rivals.person_id == "yakov-serebryansky"].date) == {"1892-11-26", "1891-12-09", "1891"}
    # §2: died in Butyrka on 30 March 1956
    assert _age(row, "1956-03-30") == 63


def test_mairanovsky_born_1899_not_1898(ds):
    # https://fr-academic.com/dic.nsf/frwiki/732713 ; rival 1898 in https://perceptiode.com/Майрановский,_Григорий_Моисеевич
    row = _person(ds, "grigory-mairanovsky")
    assert (row.born, row.born_precision) == ("1899", "year")
    assert _birth_attestations(ds).loc["grigory-mairanovsky--born--ref"].date == "1898"


def test_merkulov_born_6_november_1895_not_27_november(ds):
    # https://de.zxc.wiki/wiki/Wsewolod_Merkulow (25 October O.S.)
    row = _person(ds, "vsevolod-merkulov")
    assert (row.born, row.calendar) == ("1895-11-06", "new_style")
    assert _birth_attestations(ds).loc["vsevolod-merkulov--born--ref"].date == "1895-11-27"
    # §1a: People's Commissar of State Security from 3 February 1941
    assert _age(row, "1941-02-03") == 45


def test_blumkin_born_12_march_1900_in_odessa(ds):
    # https://sagapedia.com/en/Yakov_Blumkin
    row = _person(ds, "yakov-blumkin")
    assert (row.born, row.born_place) == ("1900-03-12", "Odessa")
    rivals = _birth_attestations(ds)
    assert set(rivals[rivals.person_id == "yakov-blumkin"].date) == {"1900-03-25", "1898"}
    # §2: shot 3 November 1929
    assert _age(row, "1929-11-03") == 29


# ---- births: further people of §7a --------------------------------------------------------------------

def test_peters_born_3_december_1886(ds):
    # https://ed.mdict.net/k2188261.html ("Nov. 21 (Dec. 3), 1886")
    row = _person(ds, "jekabs-peters")
    assert (row.born, row.calendar) == ("1886-12-03", "new_style")
    # §1a: acting chairman of the Cheka from 7 July 1918
    assert _age(row, "1918-07-07") == 31


def test_messing_born_1889_in_warsaw(ds):
    # https://ja.wikipedia.org/wiki/スタニスラフ・メッシング
    row = _person(ds, "stanislav-messing")
    assert (row.born, row.born_place) == ("1889", "Warsaw")


def test_rodos_born_22_june_1905(ds):
    # https://en.wikipedia.org/wiki/Boris_Rodos
    row = _person(ds, "borys-rodos")
    assert (row.born, row.born_place) == ("1905-06-22", "Melitopol")
    # the 1956 prosecutor's conclusion (readania.com document collection) also has 1905; shot 20 April 1956
    assert _age(row, "1956-04-20") == 50


def test_syroezhkin_born_25_january_1900(ds):
    # https://perceptioes.com/Сыроежкин,_Григорий_Сергеевич
    row = _person(ds, "george-syroezhkin")
    assert row.born == "1900-01-25"
    assert row.born_place.startswith("Volkovo")


def test_skoblin_born_9_june_1893(ds):
    # https://user.bibliboba.online/books/100-velikikh-zagadochnykh-smertei-1/p/91
    row = _person(ds, "nikolai-skoblin")
    assert row.born == "1893-06-09"
    assert _birth_attestations(ds).loc["nikolai-skoblin--born--ref"].date == "1892"
    # disappeared after Miller's kidnapping of 22 September 1937
    assert _age(row, "1937-09-22") == 44


def test_krivitsky_born_28_june_1899(ds):
    # https://spartacus-educational.com/SSkrivitsky.htm
    row = _person(ds, "walter-krivitsky")
    assert row.born == "1899-06-28"
    # found dead on 10 February 1941
    assert _age(row, "1941-02-10") == 41


def test_sorge_born_4_october_1895(ds):
    # https://piglix.com/piglix/Richard_Sorge
    row = _person(ds, "richard-sorge")
    assert row.born == "1895-10-04"
    assert row.born_place.startswith("Sabunchi")
    # hanged 7 November 1944
    assert _age(row, "1944-11-07") == 49


def test_puzitsky_born_1895_by_his_own_statement(ds):
    # https://istmat.org/node/31146
    row = _person(ds, "puzitsky")
    assert (row.born, row.born_place) == ("1895", "Łomża")


def test_markin_born_1903_in_grozny(ds):
    # https://en.wikipedia.org/wiki/Valentin_Markin ; the deadlypass address ends in "1903-1934"
    row = _person(ds, "valentin-markin")
    assert (row.born, row.born_place) == ("1903", "Grozny")


def test_fitin_born_28_december_1907(ds):
    # https://biographs.org/pavel-fitin
    row = _person(ds, "pavel-fitin")
    assert row.born == "1907-12-28"
    # §1b: head of foreign intelligence from May 1939
    assert _age(row, "1939-05-01") == 31


def test_kruglov_born_2_october_1907(ds):
    # https://fb2.top/ministr-stalinskih-stroek-531955/read/part-2 (19 September O.S.)
    row = _person(ds, "sergei-kruglov")
    assert (row.born, row.calendar) == ("1907-10-02", "new_style")
    # §1c: deputy commissar again from 30 July 1941
    assert _age(row, "1941-07-30") == 33


def test_zborowski_born_27_january_1908(ds):
    # https://en.wikipedia.org/wiki/Mark_Zborowski ; rival 1907 at rue-des-livres
    row = _person(ds, "mark-zborowski")
    assert row.born == "1908-01-27"
    assert _birth_attestations(ds).loc["mark-zborowski--born--ref"].date == "1907"


def test_ovakimian_born_11_august_1898(ds):
    # https://en.wikipedia.org/wiki/Gaik_Ovakimian
    row = _person(ds, "gaik-ovakimian")
    assert row.born == "1898-08-11"
    # arrested in New York on 5 May 1941 (FRUS 1941)
    assert _age(row, "1941-05-05") == 42


def test_shelepin_born_after_the_calendar_change(ds):
    # https://en.wikipedia.org/wiki/Alexander_Shelepin
    row = _person(ds, "alexander-shelepin")
    assert (row.born, row.born_place) == ("1918-08-18", "Voronezh")
    assert pd.isna(row.calendar)
    # §5: his note to Khrushchev of 3 March 1959
    assert _age(row, "1959-03-03") == 40


def test_soprunenko_born_17_march_1908_fits_his_age_in_1991(ds):
    # https://pinocchiopedia.com/wiki/Draft:Pyotr_Soprunenko
    row = _person(ds, "soprunenko")
    assert row.born == "1908-03-17"
    # the LA Times of 7 October 1991 calls him 83
    assert _age(row, "1991-10-07") == 83


def test_korotkov_born_22_november_1909(ds):
    # https://military-review.com/12486338-illegal-by-the-name-of-erdberg-aka-alexander-korotkov
    row = _person(ds, "alexander-korotkov")
    assert (row.born, row.born_place) == ("1909-11-22", "Moscow")
    assert _age(row, "1961-06-27") == 51


def test_zarubina_born_1_january_1900(ds):
    # https://courrierdesbalkans.fr/moldavie-zarubina-espionne ; Pringle gives 1900-1987
    row = _person(ds, "elisabeth-zarubina")
    assert row.born == "1900-01-01"
    assert row.born_earliest.year == 1900
    assert _age(row, "1987-05-14") == 87


def test_pravdin_born_1_july_1905_in_london(ds):
    # https://es.stringtranslate.com/Vladimir%20Pravdin,/Vladimir_Pravdin
    row = _person(ds, "vladimir-pravdin")
    assert (row.born, row.born_place) == ("1905-07-01", "London")
    rivals = _birth_attestations(ds)
    assert set(rivals[rivals.person_id == "vladimir-pravdin"].date) == {"1905-08-15", "1902"}


def test_vaha_born_12_april_1901_in_finland(ds):
    # https://en.wikipedia.org/wiki/Toivo_Vähä
    row = _person(ds, "toivo-vaha")
    assert (row.born, row.born_place) == ("1901-04-12", "Iitti, Finland")
    assert _age(row, "1984-06-18") == 83


def test_every_birth_cites_the_reference_and_a_page(ds):
    coded = ds.people.dropna(subset=["born"])
    assert len(coded) >= 38
    assert set(coded.born_source_id) == {"reference-facts"}
    assert coded.born_locator.str.startswith("https://").all()


# ---- posts the case file dates -----------------------------------------------------------------------

def test_reiss_illegal_in_europe_1921_to_1929(ds):
    # The Assassination of Ignace Reiss (04 September 1937) ¶1
    row = _pos(ds, "ignace-reiss--illegal-in-europe")
    assert (row.start, row.end, row.org_id) == ("1921", "1929", "foreign-department")


def test_reiss_stationed_in_paris_from_1932(ds):
    # The Assassination of Ignace Reiss (04 September 1937) ¶1 and ¶2
    row = _pos(ds, "ignace-reiss--paris-station-agent")
    assert (row.start, row.end, row.end_reason) == ("1932", "1937-07-17", "defected")


def test_sudoplatov_infiltrates_the_oun_from_1935(ds):
    # The Assassination of Yevhen Konovalets (23 May 1938) ¶3
    row = _pos(ds, "pavel-sudoplatov--oun-infiltrator")
    assert (row.start, row.end) == ("1935", "1938-05-23")


def test_mairanovsky_directs_laboratory_1_from_about_november_1938(ds):
    # The Fall of Yezhov (November 1938) ¶3
    row = _pos(ds, "grigory-mairanovsky--poison-laboratory-head")
    assert row.start == "1938-11~"
    org = ds.organisations.set_index("org_id").loc["laboratory-1"]
    assert row.start == org.founded


def test_sudoplatov_supervises_laboratory_1_from_about_november_1938(ds):
    # The Fall of Yezhov (November 1938) ¶3
    assert _pos(ds, "pavel-sudoplatov--poison-laboratory-supervisor").start == "1938-11~"


def test_spiegelglas_deputy_start_bounded_by_slutskys_appointment(ds):
    # The Kidnapping of Yevgeny Miller (22 September 1937) ¶4; The Assassination of Sergey Kirov (01 December 1934) ¶5
    row = _pos(ds, "sergei-spiegelglas--foreign-department-deputy-head")
    assert row.start == "1934-12/1938-02"
    assert row.start_latest <= pd.Timestamp(_pos(ds, "sergei-spiegelglas--foreign-department-head").start_latest)
