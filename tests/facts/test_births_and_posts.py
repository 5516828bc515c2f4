"""Fact tests for births (reference-facts §7a and §7b) and for the posts the case file dates.

Each birth is checked as coded, and where it can, against a different row of the reference: an age
at a tenure of §1 or a fate of §2 (the reference's dates), or a year printed in another page's
address. The locators are the pages' addresses and the case-file paragraphs. One fact per row; the
kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from factcheck import KIROV, KONOVALETS, MILLER, REISS, YEZHOV_FALL, ages, cells, texts, values

# ---- births: heads and officers of §7b, then further people of §7a ----------------------------------
# (table, id, field, expected value, locator)
BIRTHS = [
    ("people", "felix-dzerzhinsky", "born", "1877-09-11", "https://fanyv88.com:443/https/wn.com/Felix_Dzerzhinsky (30 August O.S.)"),
    ("people", "felix-dzerzhinsky", "calendar", "new_style", "https://fanyv88.com:443/https/wn.com/Felix_Dzerzhinsky (30 August O.S.)"),
    ("people", "vyacheslav-menzhinsky", "born", "1874-08-31", "https://memim.com/vyacheslav-menzhinsky.html (19 August O.S.; EN-wiki prints the O.S. day)"),
    ("people", "vyacheslav-menzhinsky", "born_place", "St Petersburg", "https://memim.com/vyacheslav-menzhinsky.html (19 August O.S.; EN-wiki prints the O.S. day)"),
    ("people", "vyacheslav-menzhinsky", "calendar", "new_style", "https://memim.com/vyacheslav-menzhinsky.html (19 August O.S.; EN-wiki prints the O.S. day)"),
    ("people", "genrikh-yagoda", "born", "1891-11-19", 'https://nl.wiki7.org/wiki/Ягода,_Генрих_Григорьевич ("7 (19) November")'),
    ("people", "nikolai-yezhov", "born", "1895-05-01", "https://en.wikipedia.org/wiki/Nikolai_Yezhov"),
    ("people", "nikolai-yezhov", "born_place", "St Petersburg", "https://en.wikipedia.org/wiki/Nikolai_Yezhov"),
    ("people", "nikolai-yezhov", "born_earliest.year", 1895, "§1a cites http://deadlypass.com/wp/ezhov-nickolai-ivanovich-1895-1940 : the year 1895"),
    ("people", "lavrenty-beria", "born", "1899-03-29", 'https://wikisum.wiki/wiki/Lavrenty_Beria ("[O.S. 17 March] 1899")'),
    ("people", "lavrenty-beria", "calendar", "new_style", 'https://wikisum.wiki/wiki/Lavrenty_Beria ("[O.S. 17 March] 1899")'),
    ("people", "mikhail-frinovsky", "born", "1898-02-07", "https://de.zxc.wiki/wiki/Michail_Petrowitsch_Frinowski (26 January O.S.)"),
    ("people", "mikhail-frinovsky", "born_place", "Narovchat, Penza Governorate", "https://de.zxc.wiki/wiki/Michail_Petrowitsch_Frinowski (26 January O.S.)"),
    ("people", "mikhail-trilisser", "born", "1883-04-01", "https://en.wikipedia.org/wiki/Mikhail_Trilisser"),
    ("people", "mikhail-trilisser", "born_place", "Astrakhan", "https://en.wikipedia.org/wiki/Mikhail_Trilisser"),
    ("people", "artur-artuzov", "born", "1891-02-18", "https://it.wiki7.org/wiki/Артузов,_Артур_Христианович (Ustinovo)"),
    ("people", "abram-slutsky", "born", "1898-07", "https://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("people", "abram-slutsky", "born_precision", "month", "https://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("people", "abram-slutsky", "born_earliest", pd.Timestamp("1898-07-01"), "https://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("people", "abram-slutsky", "born_latest", pd.Timestamp("1898-07-31"), "https://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("people", "sergei-spiegelglas", "born", "1897-04-29", "https://sb.by/articles/likvidatsiya-glavnogo-likvidatora-.html (Mosty)"),
    ("people", "sergei-spiegelglas", "born_place", "Mosty, Grodno Governorate", "https://sb.by/articles/likvidatsiya-glavnogo-likvidatora-.html (Mosty)"),
    ("people", "yakov-agranov", "born", "1893-10-12", "https://military.wikia.org/wiki/Yakov_Agranov"),
    ("people", "leonid-zakovsky", "born", "1894", "https://en.wikipedia.org/wiki/Leonid_Zakovsky"),
    ("people", "leonid-zakovsky", "born_precision", "year", "https://en.wikipedia.org/wiki/Leonid_Zakovsky"),
    ("people", "leonid-zakovsky", "calendar", pd.NA, "https://en.wikipedia.org/wiki/Leonid_Zakovsky"),
    ("people", "leonid-zakovsky", "born_earliest.year", 1894, '§1c cites the Mass Violence entry whose address ends in "stubis-1894-1938.html"'),
    ("people", "stanislav-redens", "born", "1892-05-17", "https://de.m.wikipedia.org./wiki/Redens (5 May O.S.)"),
    ("people", "stanislav-redens", "calendar", "new_style", "https://de.m.wikipedia.org./wiki/Redens (5 May O.S.)"),
    ("people", "vasily-blokhin", "born", "1895-01-19", 'https://wikiclassic.com/wiki/Vasily_Blokhin ("19 January [O.S. 7 January] 1895")'),
    ("people", "vasily-blokhin", "born_place", "Gavrilovskoye, Vladimir Governorate", 'https://wikiclassic.com/wiki/Vasily_Blokhin ("19 January [O.S. 7 January] 1895")'),
    ("people", "pavel-sudoplatov", "born", "1907-07-07", "https://ucrdc.org/HI-PAVEL_SUDOPLATOV.html"),
    ("people", "yakov-serebryansky", "born", "1892-11-29", "https://booksonline.com.ua/view.php?book=103980&page=3"),
    ("people", "yakov-serebryansky", "born_place", "Minsk", "https://booksonline.com.ua/view.php?book=103980&page=3"),
    ("people", "grigory-mairanovsky", "born", "1899", "https://fr-academic.com/dic.nsf/frwiki/732713 ; rival 1898 in https://perceptiode.com/Майрановский,_Григорий_Моисеевич"),  # not 1898
    ("people", "grigory-mairanovsky", "born_precision", "year", "https://fr-academic.com/dic.nsf/frwiki/732713 ; rival 1898 in https://perceptiode.com/Майрановский,_Григорий_Моисеевич"),
    ("people", "vsevolod-merkulov", "born", "1895-11-06", "https://de.zxc.wiki/wiki/Wsewolod_Merkulow (25 October O.S.)"),
    ("people", "vsevolod-merkulov", "calendar", "new_style", "https://de.zxc.wiki/wiki/Wsewolod_Merkulow (25 October O.S.)"),
    ("people", "yakov-blumkin", "born", "1900-03-12", "https://sagapedia.com/en/Yakov_Blumkin"),
    ("people", "yakov-blumkin", "born_place", "Odessa", "https://sagapedia.com/en/Yakov_Blumkin"),
    ("people", "jekabs-peters", "born", "1886-12-03", 'https://ed.mdict.net/k2188261.html ("Nov. 21 (Dec. 3), 1886")'),
    ("people", "jekabs-peters", "calendar", "new_style", 'https://ed.mdict.net/k2188261.html ("Nov. 21 (Dec. 3), 1886")'),
    ("people", "stanislav-messing", "born", "1889", "https://ja.wikipedia.org/wiki/スタニスラフ・メッシング"),
    ("people", "stanislav-messing", "born_place", "Warsaw", "https://ja.wikipedia.org/wiki/スタニスラフ・メッシング"),
    ("people", "borys-rodos", "born", "1905-06-22", "https://en.wikipedia.org/wiki/Boris_Rodos"),
    ("people", "borys-rodos", "born_place", "Melitopol", "https://en.wikipedia.org/wiki/Boris_Rodos"),
    ("people", "george-syroezhkin", "born", "1900-01-25", "https://perceptioes.com/Сыроежкин,_Григорий_Сергеевич"),
    ("people", "nikolai-skoblin", "born", "1893-06-09", "https://user.bibliboba.online/books/100-velikikh-zagadochnykh-smertei-1/p/91"),
    ("people", "walter-krivitsky", "born", "1899-06-28", "https://spartacus-educational.com/SSkrivitsky.htm"),
    ("people", "richard-sorge", "born", "1895-10-04", "https://piglix.com/piglix/Richard_Sorge"),
    ("people", "puzitsky", "born", "1895", "https://istmat.org/node/31146"),  # by his own statement
    ("people", "puzitsky", "born_place", "Łomża", "https://istmat.org/node/31146"),
    ("people", "valentin-markin", "born", "1903", 'https://en.wikipedia.org/wiki/Valentin_Markin ; the deadlypass address ends in "1903-1934"'),
    ("people", "valentin-markin", "born_place", "Grozny", 'https://en.wikipedia.org/wiki/Valentin_Markin ; the deadlypass address ends in "1903-1934"'),
    ("people", "pavel-fitin", "born", "1907-12-28", "https://biographs.org/pavel-fitin"),
    ("people", "sergei-kruglov", "born", "1907-10-02", "https://fb2.top/ministr-stalinskih-stroek-531955/read/part-2 (19 September O.S.)"),
    ("people", "sergei-kruglov", "calendar", "new_style", "https://fb2.top/ministr-stalinskih-stroek-531955/read/part-2 (19 September O.S.)"),
    ("people", "mark-zborowski", "born", "1908-01-27", "https://en.wikipedia.org/wiki/Mark_Zborowski ; rival 1907 at rue-des-livres"),
    ("people", "gaik-ovakimian", "born", "1898-08-11", "https://en.wikipedia.org/wiki/Gaik_Ovakimian"),
    ("people", "alexander-shelepin", "born", "1918-08-18", "https://en.wikipedia.org/wiki/Alexander_Shelepin"),
    ("people", "alexander-shelepin", "born_place", "Voronezh", "https://en.wikipedia.org/wiki/Alexander_Shelepin"),
    ("people", "alexander-shelepin", "calendar", pd.NA, "https://en.wikipedia.org/wiki/Alexander_Shelepin"),  # born after the calendar change
    ("people", "soprunenko", "born", "1908-03-17", "https://pinocchiopedia.com/wiki/Draft:Pyotr_Soprunenko"),
    ("people", "alexander-korotkov", "born", "1909-11-22", "https://military-review.com/12486338-illegal-by-the-name-of-erdberg-aka-alexander-korotkov"),
    ("people", "alexander-korotkov", "born_place", "Moscow", "https://military-review.com/12486338-illegal-by-the-name-of-erdberg-aka-alexander-korotkov"),
    ("people", "elisabeth-zarubina", "born", "1900-01-01", "https://courrierdesbalkans.fr/moldavie-zarubina-espionne ; Pringle gives 1900-1987"),
    ("people", "elisabeth-zarubina", "born_earliest.year", 1900, "https://courrierdesbalkans.fr/moldavie-zarubina-espionne ; Pringle gives 1900-1987"),
    ("people", "vladimir-pravdin", "born", "1905-07-01", "https://es.stringtranslate.com/Vladimir%20Pravdin,/Vladimir_Pravdin"),
    ("people", "vladimir-pravdin", "born_place", "London", "https://es.stringtranslate.com/Vladimir%20Pravdin,/Vladimir_Pravdin"),
    ("people", "toivo-vaha", "born", "1901-04-12", "https://en.wikipedia.org/wiki/Toivo_Vähä"),
    ("people", "toivo-vaha", "born_place", "Iitti, Finland", "https://en.wikipedia.org/wiki/Toivo_Vähä"),
    # rival birth dates: attestations of a person's `born`
    ("attestations", "sergei-spiegelglas--born--ref", "field", "born", "https://kiozk.ru/article/diletant/po-odnoj-kvitancii : 14 April 1898 O.S. = 26 April N.S."),
    ("attestations", "sergei-spiegelglas--born--ref", "date", "1898-04-26", "https://kiozk.ru/article/diletant/po-odnoj-kvitancii : 14 April 1898 O.S. = 26 April N.S."),
    ("attestations", "sergei-spiegelglas--born--ref", "calendar", "converted_from_old_style", "https://kiozk.ru/article/diletant/po-odnoj-kvitancii : 14 April 1898 O.S. = 26 April N.S."),
    ("attestations", "sergei-spiegelglas--born--ref", "agrees", False, "https://kiozk.ru/article/diletant/po-odnoj-kvitancii : 14 April 1898 O.S. = 26 April N.S."),
    ("attestations", "grigory-mairanovsky--born--ref", "field", "born", "https://fr-academic.com/dic.nsf/frwiki/732713 ; rival 1898 in https://perceptiode.com/Майрановский,_Григорий_Моисеевич"),
    ("attestations", "grigory-mairanovsky--born--ref", "date", "1898", "https://fr-academic.com/dic.nsf/frwiki/732713 ; rival 1898 in https://perceptiode.com/Майрановский,_Григорий_Моисеевич"),
    ("attestations", "vsevolod-merkulov--born--ref", "field", "born", "https://de.zxc.wiki/wiki/Wsewolod_Merkulow (25 October O.S.)"),
    ("attestations", "vsevolod-merkulov--born--ref", "date", "1895-11-27", "https://de.zxc.wiki/wiki/Wsewolod_Merkulow (25 October O.S.)"),  # not 27 November
    ("attestations", "nikolai-skoblin--born--ref", "field", "born", "https://user.bibliboba.online/books/100-velikikh-zagadochnykh-smertei-1/p/91"),
    ("attestations", "nikolai-skoblin--born--ref", "date", "1892", "https://user.bibliboba.online/books/100-velikikh-zagadochnykh-smertei-1/p/91"),
    ("attestations", "mark-zborowski--born--ref", "field", "born", "https://en.wikipedia.org/wiki/Mark_Zborowski ; rival 1907 at rue-des-livres"),
    ("attestations", "mark-zborowski--born--ref", "date", "1907", "https://en.wikipedia.org/wiki/Mark_Zborowski ; rival 1907 at rue-des-livres"),
]

# (table, id, field, "contains" / "starts with", text, locator)
BIRTHPLACES = [
    ("people", "felix-dzerzhinsky", "born_place", "contains", "Ivyanets", "https://fanyv88.com:443/https/wn.com/Felix_Dzerzhinsky (30 August O.S.)"),
    ("people", "genrikh-yagoda", "born_place", "starts with", "Rybinsk", 'https://nl.wiki7.org/wiki/Ягода,_Генрих_Григорьевич ("7 (19) November")'),
    ("people", "lavrenty-beria", "born_place", "starts with", "Merkheuli", 'https://wikisum.wiki/wiki/Lavrenty_Beria ("[O.S. 17 March] 1899")'),
    ("people", "artur-artuzov", "born_place", "starts with", "Ustinovo", "https://it.wiki7.org/wiki/Артузов,_Артур_Христианович (Ustinovo)"),
    ("people", "abram-slutsky", "born_place", "starts with", "Parafievka", "https://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("people", "yakov-agranov", "born_place", "starts with", "Chechersk", "https://military.wikia.org/wiki/Yakov_Agranov"),
    ("people", "pavel-sudoplatov", "born_place", "starts with", "Melitopol", "https://ucrdc.org/HI-PAVEL_SUDOPLATOV.html"),
    ("people", "george-syroezhkin", "born_place", "starts with", "Volkovo", "https://perceptioes.com/Сыроежкин,_Григорий_Сергеевич"),
    ("people", "richard-sorge", "born_place", "starts with", "Sabunchi", "https://piglix.com/piglix/Richard_Sorge"),
]

# Every rival birth date of a person: (table, where, column, how, expected, locator)
RIVAL_BIRTHS = [
    ("attestations", dict(field="born", person_id="yakov-serebryansky"), "date", "are", {"1892-11-26", "1891-12-09", "1891"}, "https://booksonline.com.ua/view.php?book=103980&page=3"),
    ("attestations", dict(field="born", person_id="yakov-blumkin"), "date", "are", {"1900-03-25", "1898"}, "https://sagapedia.com/en/Yakov_Blumkin"),
    ("attestations", dict(field="born", person_id="vladimir-pravdin"), "date", "are", {"1905-08-15", "1902"}, "https://es.stringtranslate.com/Vladimir%20Pravdin,/Vladimir_Pravdin"),
]

# A birth checked against an age on a day a different row of the reference dates:
# (person_id, day, age in whole years, locator of the day)
AGES = [
    ("felix-dzerzhinsky", "1926-07-20", 48, "§2: died 20 July 1926 (https://www.liquisearch.com/felix_dzerzhinsky/death)"),
    ("vyacheslav-menzhinsky", "1934-05-10", 59, "§1a: died in office on 10 May 1934"),
    ("genrikh-yagoda", "1938-03-15", 46, "§2: shot 15 March 1938"),
    ("nikolai-yezhov", "1940-02-04", 44, "§2: shot 4 February 1940"),
    ("lavrenty-beria", "1938-11-25", 39, "§1a: People's Commissar from 25 November 1938 (https://simple.m.wikipedia.org/wiki/Lavrenty_Beria)"),
    ("mikhail-frinovsky", "1940-02-04", 41, "§2: shot 4 February 1940, three days before his 42nd birthday"),
    ("mikhail-trilisser", "1922-05-13", 39, "§1b: head of the foreign department from 13 May 1922"),
    ("artur-artuzov", "1931-07-31", 40, "§1b: head of the foreign department from 31 July 1931 (https://en.wikipedia.org/wiki/Artur_Artuzov)"),
    ("abram-slutsky", "1938-02-17", 39, "§1b: died 17 February 1938, aged 39"),  # born in July 1898: 39 whatever the day
    ("sergei-spiegelglas", "1938-02-17", 40, "§1b: acting head of the 5th Department from 17 February 1938 (https://en.wikipedia.org/wiki/Sergey_Spigelglas)"),
    ("yakov-agranov", "1938-08-01", 44, "§2: shot 1 August 1938 at Kommunarka"),
    ("stanislav-redens", "1938-11-20", 46, "§2: arrested 20 November 1938"),
    ("vasily-blokhin", "1955-02-03", 60, "§2: died 3 February 1955"),
    ("pavel-sudoplatov", "1953-08-21", 46, "§2: arrested 21 August 1953"),
    ("yakov-serebryansky", "1956-03-30", 63, "§2: died in Butyrka on 30 March 1956"),
    ("vsevolod-merkulov", "1941-02-03", 45, "§1a: People's Commissar of State Security from 3 February 1941"),
    ("yakov-blumkin", "1929-11-03", 29, "§2: shot 3 November 1929"),
    ("jekabs-peters", "1918-07-07", 31, "§1a: acting chairman of the Cheka from 7 July 1918"),
    ("borys-rodos", "1956-04-20", 50, "the 1956 prosecutor's conclusion (readania.com document collection) also has 1905; shot 20 April 1956"),
    ("nikolai-skoblin", "1937-09-22", 44, "disappeared after Miller's kidnapping of 22 September 1937"),
    ("walter-krivitsky", "1941-02-10", 41, "found dead on 10 February 1941"),
    ("richard-sorge", "1944-11-07", 49, "hanged 7 November 1944"),
    ("pavel-fitin", "1939-05-01", 31, "§1b: head of foreign intelligence from May 1939"),
    ("sergei-kruglov", "1941-07-30", 33, "§1c: deputy commissar again from 30 July 1941"),
    ("gaik-ovakimian", "1941-05-05", 42, "arrested in New York on 5 May 1941 (FRUS 1941)"),
    ("alexander-shelepin", "1959-03-03", 40, "§5: his note to Khrushchev of 3 March 1959"),
    ("soprunenko", "1991-10-07", 83, "the LA Times of 7 October 1991 calls him 83"),
    ("alexander-korotkov", "1961-06-27", 51, "https://military-review.com/12486338-illegal-by-the-name-of-erdberg-aka-alexander-korotkov"),
    ("elisabeth-zarubina", "1987-05-14", 87, "https://courrierdesbalkans.fr/moldavie-zarubina-espionne ; Pringle gives 1900-1987"),
    ("toivo-vaha", "1984-06-18", 83, "https://en.wikipedia.org/wiki/Toivo_Vähä"),
]

# ---- posts the case file dates -----------------------------------------------------------------------
# (table, id, field, expected value, locator)
POSTS = [
    ("positions", "ignace-reiss--illegal-in-europe", "start", "1921", f"{REISS} ¶1"),
    ("positions", "ignace-reiss--illegal-in-europe", "end", "1929", f"{REISS} ¶1"),
    ("positions", "ignace-reiss--illegal-in-europe", "org_id", "foreign-department", f"{REISS} ¶1"),
    ("positions", "ignace-reiss--paris-station-agent", "start", "1932", f"{REISS} ¶1 and ¶2"),
    ("positions", "ignace-reiss--paris-station-agent", "end", "1937-07-17", f"{REISS} ¶1 and ¶2"),
    ("positions", "ignace-reiss--paris-station-agent", "end_reason", "defected", f"{REISS} ¶1 and ¶2"),
    ("positions", "pavel-sudoplatov--oun-infiltrator", "start", "1935", f"{KONOVALETS} ¶3"),
    ("positions", "pavel-sudoplatov--oun-infiltrator", "end", "1938-05-23", f"{KONOVALETS} ¶3"),
    ("positions", "grigory-mairanovsky--poison-laboratory-head", "start", "1938-11~", f"{YEZHOV_FALL} ¶3"),
    ("organisations", "laboratory-1", "founded", "1938-11~", f"{YEZHOV_FALL} ¶3"),  # when Mairanovsky's post starts
    ("positions", "pavel-sudoplatov--poison-laboratory-supervisor", "start", "1938-11~", f"{YEZHOV_FALL} ¶3"),
    ("positions", "sergei-spiegelglas--foreign-department-deputy-head", "start", "1934-12/1938-02", f"{MILLER} ¶4; {KIROV} ¶5"),
]

test_births = cells(BIRTHS)
test_birthplaces = texts(BIRTHPLACES)
test_rival_births = values(RIVAL_BIRTHS)
test_ages = ages(AGES)
test_posts = cells(POSTS)


# ---- checks across rows ------------------------------------------------------------------------------

def test_every_birth_cites_the_reference_and_a_page(ds):
    coded = ds.people.dropna(subset=["born"])
    assert len(coded) >= 38
    assert set(coded.born_source_id) == {"reference-facts"}
    assert coded.born_locator.str.startswith("https://").all()


def test_spiegelglas_deputy_start_bounded_by_slutskys_appointment(ds):
    # The Kidnapping of Yevgeny Miller (22 September 1937) ¶4; The Assassination of Sergey Kirov (01 December 1934) ¶5
    posts = ds.positions.set_index("position_id")
    deputy = posts.loc["sergei-spiegelglas--foreign-department-deputy-head"]
    head = posts.loc["sergei-spiegelglas--foreign-department-head"]
    assert deputy.start_latest <= pd.Timestamp(head.start_latest)
