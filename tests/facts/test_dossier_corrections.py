"""Facts corrected in data 0.3.0 after a reading of ten dossiers against both sources.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
from factcheck import accounts, cells, texts, values

YAGODA_FALL = "The Fall of Genrikh Yagoda (March 1937)"
REISS = "The Assassination of Ignace Reiss (04 September 1937)"
SLUTSKY = "The Assassination of Abram Slutsky (17 February 1938)"
YEZHOV_FALL = "The Fall of Yezhov (November 1938)"
MUNZENBERG = "The Death of Willi Münzenberg (June 1940)"
CHRONOLOGY = "https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies"
ZAKOVSKY = ("https://www.sciencespo.fr/mass-violence-war-massacre-resistance/en/document/"
            "leonid-mihajlovich-zakovsky-pseudonym-henriks-ernestovich-stubis-1894-1938.html")
AGRANOV = "http://sledturmnkvd.info/aresty-sotrudnikov-zanimavshix-rukovodyashhie-dolzhnosti-pri-yagode/"
HANSEN = "https://www.marxists.org/archive/hansen/1941/02/reiss.htm"

# (table, id or {column: value} naming one row, field, expected value, locator)
CELLS = [
    # §1a: Yagoda head of the OGPU 1934-05-10 to 07-10, against the case file's first deputy to 10 July
    ("attestations", "genrikh-yagoda--secret-police-first-deputy--end--ref", "position_id",
     "genrikh-yagoda--secret-police-first-deputy", CHRONOLOGY),
    ("attestations", "genrikh-yagoda--secret-police-first-deputy--end--ref", "date", "1934-05-10", CHRONOLOGY),
    ("attestations", "genrikh-yagoda--secret-police-first-deputy--end--ref", "agrees", False, CHRONOLOGY),
    # §1b: Slutsky from 21 May 1935, inside the case file's undated span
    ("attestations", "abram-slutsky-appointment--date--ref", "date", "1935-05-21",
     "http://deadlypass.com/wp/slutsky-abram-aronovich"),
    ("attestations", "abram-slutsky-appointment--date--ref", "agrees", True,
     "http://deadlypass.com/wp/slutsky-abram-aronovich"),
    # §1c: Agranov to Saratov a month after 15 April 1937; the case file says April
    ("attestations", "yakov-agranov--saratov-nkvd-head--start--ref", "date", "1937-05~", AGRANOV),
    ("attestations", "yakov-agranov--saratov-nkvd-head--start--ref", "agrees", False, AGRANOV),
    ("positions", "yakov-agranov--saratov-nkvd-head", "start", "1937-04", f"{YAGODA_FALL} ¶2"),
    # §2: Reiss broke with the service on 27 June 1937 (Hansen); his letter to Stalin is of 17 July
    ("attestations", "ignace-reiss--secret-police-agent--end--ref", "date", "1937-06-27", HANSEN),
    ("positions", "ignace-reiss--secret-police-agent", "end", "1937-07-17", f"{REISS} ¶2"),
    # §1b: Spiegelglas acting head from 17 February 1938
    ("positions", "sergei-spiegelglas--foreign-department-head", "acting", True,
     "https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
    # Fall of Yezhov ¶1-2: removed, formally at his own request
    ("positions", "nikolai-yezhov--secret-police-head", "end_reason", "dismissed", f"{YEZHOV_FALL} ¶1"),
    # Zakovsky: tried and shot the same day (reference) or shot without trial (case file)
    ("events", "leonid-zakovsky-trial", "certainty", "disputed", f"{YEZHOV_FALL} ¶1"),
    ("events", "leonid-zakovsky-execution", "date", "1938-08-29", f"{YEZHOV_FALL} ¶1"),
    ("roles", dict(event_id="abram-slutsky-assassination", person_id="leonid-zakovsky"), "certainty", "stated",
     f"{SLUTSKY} ¶2"),
    # Münzenberg: last seen in June 1940, found dead on 17 October 1940
    ("events", "willi-munzenberg-death", "date", "1940-06/1940-10-17", f"{MUNZENBERG} ¶3"),
    ("events", "willi-munzenberg-death", "certainty", "disputed", f"{MUNZENBERG} ¶4"),
    # Savinkov: the killing is alleged; the fall and its day are stated by both sources
    ("events", "boris-savinkov-assassination", "certainty", "alleged", "The Capture of Boris Savinkov (1924) ¶2"),
    ("attestations", "boris-savinkov-assassination--date--ref", "agrees", True,
     "https://wiki.studentb.eu/view_html.php?lang=en&q=Boris_Savinkov&sq=Albert+Einstein"),
]

# (table, key, field, how, text, locator)
TEXTS = [
    ("positions", "walter-krivitsky--secret-police-agent", "note", "contains", "military intelligence (GRU)",
     "https://spartacus-educational.com/SSkrivitsky.htm"),
]

# (event_id, kind, column, how, expected, locator)
ACCOUNTS = [
    ("leonid-zakovsky-execution", "rival", "source_id", "are", {"case-file-0121", "reference-facts"}, ZAKOVSKY),
    ("leonid-zakovsky-execution", "official", "account_id", "are", set(), f"{YEZHOV_FALL} ¶1"),
    ("nikolai-yezhov-dismissal", "official", "claim", "list", ["resignation"], f"{YEZHOV_FALL} ¶2"),
]

# (table, {column: value} the rows match ({}: all), column, how, expected, locator)
VALUES = [
    # no source names Skoblin's killer's service: no perpetrator in any account of his death
    ("accounts", dict(event_id="nikolai-skoblin-death"), "perpetrator_org_id", "are", {None},
     "https://www.liquisearch.com/nikolai_skoblin/death"),
]

test_cells = cells(CELLS)
test_texts = texts(TEXTS)
test_accounts = accounts(ACCOUNTS)
test_values = values(VALUES)
