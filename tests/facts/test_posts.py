"""Fact tests for the positions part: the posts the case file and reference-facts §1 date, and the days
at which a source shows someone in a post whose start it does not give (`attested`).

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from factcheck import (BLUMKIN, INTRODUCTION, KATYN, KIROV, KONOVALETS, KUTEPOV, LAKOBA, MILLER, RAMISHVILI, REILLY, REISS,
                       SLUTSKY, YAGODA_FALL, YEZHOV_FALL, aliases, cells)

# (table, id, field, expected value, locator)
CELLS = [
    ("positions", "nikolai-yezhov--secret-police-head", "start", "1936-09-26", f"{KIROV} ¶9; {YEZHOV_FALL} ¶2"),
    ("positions", "nikolai-yezhov--secret-police-head", "end", "1938-11-25", f"{KIROV} ¶9; {YEZHOV_FALL} ¶2"),
    ("positions", "genrikh-yagoda--post-and-telegraph-commissar", "start", "1936-09-26", f"{YAGODA_FALL} ¶1"),
    ("positions", "genrikh-yagoda--post-and-telegraph-commissar", "org_id", "post-and-telegraph-commissariat", f"{YAGODA_FALL} ¶1"),
    ("positions", "genrikh-yagoda--secret-police-head", "end_reason", "demoted", f"{YAGODA_FALL} ¶1"),
    ("positions", "nikolai-yezhov--water-transport-commissar", "start", "1938-04-06", f"{SLUTSKY} ¶6"),
    ("positions", "nikolai-yezhov--water-transport-commissar", "org_id", "water-transport-commissariat", f"{SLUTSKY} ¶6"),
    # Frinovsky moved to the navy when Beria became deputy
    ("positions", "mikhail-frinovsky--navy-commissar", "start", "1938-08-22", f"{YEZHOV_FALL} ¶1"),
    ("positions", "mikhail-frinovsky--secret-police-deputy", "end", "1938-08-22", f"{YEZHOV_FALL} ¶1"),
    ("positions", "lavrenty-beria--secret-police-deputy", "start", "1938-08-22", f"{YEZHOV_FALL} ¶1"),
    # Beria deputy, then head on 25 November 1938
    ("positions", "lavrenty-beria--secret-police-deputy", "end", "1938-11-25", f"{YEZHOV_FALL} ¶1 and ¶2"),
    ("positions", "lavrenty-beria--secret-police-deputy", "end_reason", "promoted", f"{YEZHOV_FALL} ¶1 and ¶2"),
    ("positions", "lavrenty-beria--secret-police-head", "start", "1938-11-25", f"{YEZHOV_FALL} ¶1 and ¶2"),
    # Beria takes the GUGB from Frinovsky
    ("positions", "lavrenty-beria--gugb-head", "start", "1938-09-29", f"{YEZHOV_FALL} ¶2"),
    ("positions", "mikhail-frinovsky--gugb-head", "end", "1938-09-29", f"{YEZHOV_FALL} ¶2"),
    ("positions", "mikhail-frinovsky--gugb-head", "end_reason", "replaced", f"{YEZHOV_FALL} ¶2"),
    ("positions", "vyacheslav-menzhinsky--secret-police-head", "end", "1934-05-10", f"{RAMISHVILI} ¶4"),
    ("positions", "vyacheslav-menzhinsky--secret-police-head", "end_reason", "died", f"{RAMISHVILI} ¶4"),
    ("positions", "jekabs-peters--secret-police-head", "acting", True, "reference-facts §1a: https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies"),
    ("positions", "jekabs-peters--secret-police-head", "start", "1918-07-07", "reference-facts §1a: https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies"),
    ("positions", "jekabs-peters--secret-police-head", "end", "1918-08-22", "reference-facts §1a: https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies"),
    # Agranov's Saratov post is a month-precision tenure
    ("positions", "yakov-agranov--saratov-nkvd-head", "start", "1937-04", f"{YAGODA_FALL} ¶2"),
    ("positions", "yakov-agranov--saratov-nkvd-head", "start_earliest", pd.Timestamp("1937-04-01"), f"{YAGODA_FALL} ¶2"),
    ("positions", "yakov-agranov--saratov-nkvd-head", "start_latest", pd.Timestamp("1937-04-30"), f"{YAGODA_FALL} ¶2"),
    ("positions", "vasily-blokhin--kommandatura-commander", "start", "1927~", f"{REILLY} ¶5"),
    ("positions", "vasily-blokhin--kommandatura-commander", "org_id", "kommandatura", f"{REILLY} ¶5"),
    ("positions", "ignatii-kazakov--poison-laboratory-head", "start", "1921", f"{INTRODUCTION} ¶4"),
    ("positions", "ignatii-kazakov--poison-laboratory-head", "org_id", "special-office", f"{INTRODUCTION} ¶4"),
    ("positions", "genrikh-yagoda--poison-laboratory-supervisor", "start_latest", pd.Timestamp("1926-12-31"), f"{BLUMKIN} ¶3"),  # by 1926
    ("positions", "lavrenty-beria--georgia-first-secretary", "start", "1931-11", f"{LAKOBA} ¶2"),
    ("positions", "genrikh-lyushkov--far-eastern-nkvd-head", "end", "1938-06-13", f"{YEZHOV_FALL} ¶1"),
    ("positions", "genrikh-lyushkov--far-eastern-nkvd-head", "end_reason", "defected", f"{YEZHOV_FALL} ¶1"),
    # Spiegelglas succeeds Slutsky
    ("positions", "abram-slutsky--foreign-department-head", "end", "1938-02-17", f"{SLUTSKY} ¶2 and ¶3; {YEZHOV_FALL} ¶1"),
    ("positions", "abram-slutsky--foreign-department-head", "end_reason", "killed", f"{SLUTSKY} ¶2 and ¶3; {YEZHOV_FALL} ¶1"),
    ("positions", "sergei-spiegelglas--foreign-department-head", "start", "1938-02", f"{SLUTSKY} ¶2 and ¶3; {YEZHOV_FALL} ¶1"),
    ("positions", "sergei-spiegelglas--foreign-department-head", "end", "1938-11-02", f"{SLUTSKY} ¶2 and ¶3; {YEZHOV_FALL} ¶1"),
    ("positions", "sergei-spiegelglas--foreign-department-head", "end_reason", "arrested", f"{SLUTSKY} ¶2 and ¶3; {YEZHOV_FALL} ¶1"),
    ("positions", "mikhail-trilisser--secret-police-deputy", "start", "1927", f"{BLUMKIN} ¶3"),
    ("positions", "mikhail-trilisser--secret-police-deputy", "org_id", "ogpu", f"{BLUMKIN} ¶3"),
    # Kutepov heads the ROVS until his abduction
    ("positions", "alexander-kutepov--rovs-head", "start", "1928", f"{KUTEPOV} ¶2 and ¶4"),
    ("positions", "alexander-kutepov--rovs-head", "end", "1930-01-26", f"{KUTEPOV} ¶2 and ¶4"),
    ("positions", "alexander-kutepov--rovs-head", "end_reason", "killed", f"{KUTEPOV} ¶2 and ¶4"),
    ("positions", "yevgeny-miller--rovs-head", "start", "1930", f"{KUTEPOV} ¶2 and ¶4"),
    # posts with no start, and the day (month, year or span) a source shows the holder in them (`attested`)
    ("positions", "sergei-spiegelglas--chief-undercover-agent", "attested", "1930", f"{MILLER} ¶4"),
    ("positions", "sergei-spiegelglas--chief-undercover-agent", "start", pd.NA, f"{MILLER} ¶4"),
    # Reiss's associates "at that time", 1929-1932: some time in that span
    ("positions", "walter-krivitsky--secret-police-agent", "attested", "1929/1932", f"{REISS} ¶1"),
    ("positions", "walter-krivitsky--secret-police-agent", "attested_earliest", pd.Timestamp("1929-01-01"), f"{REISS} ¶1"),
    ("positions", "walter-krivitsky--secret-police-agent", "attested_latest", pd.Timestamp("1932-12-31"), f"{REISS} ¶1"),
    # recruited to work for the OGPU, which existed from 1923-11-15 to 1934-07-10 (organisations.csv ogpu)
    ("positions", "nikolai-skoblin--secret-police-agent", "attested", "1923-11-15/1934-07-10", f"{MILLER} ¶3"),
    ("positions", "nikolai-skoblin--secret-police-agent", "org_id", "ogpu", f"{MILLER} ¶3"),
    ("positions", "filipp-medved--leningrad-nkvd-head", "attested", "1934-12-01", f"{KIROV} ¶3 and ¶4"),
    ("positions", "borisov--kirov-bodyguard", "attested", "1934-12-01", f"{KIROV} ¶3"),
    ("positions", "vania-zaporozhets--leningrad-nkvd-deputy-head", "attested", "1934", f"{KIROV} ¶2"),
    ("positions", "nikonovich--first-deputy-assistant", "attested", "1938-08", f"{SLUTSKY} ¶5"),
    ("positions", "yakov-serebryansky--yasha-group-head", "attested", "1930-01-26", f"{KUTEPOV} ¶3"),
    ("positions", "puzitsky--yasha-group-deputy-head", "attested", "1930-01-26", f"{KUTEPOV} ¶3"),
    ("positions", "elisabeth-zarubina--secret-police-agent", "attested", "1929", f"{BLUMKIN} ¶4"),
    ("positions", "pavel-sudoplatov--secret-police-agent", "attested", "1935", f"{KONOVALETS} ¶3"),
    ("positions", "vladimir-pravdin--secret-police-agent", "attested", "1937", f"{REISS} ¶2"),
    ("positions", "soprunenko--pow-department-head", "attested", "1940-03", f"{KATYN} ¶3"),
    ("positions", "lavrenty-beria--georgian-secret-police-head", "attested", "1924", f"{RAMISHVILI} ¶2"),
    ("positions", "abram-slutsky--foreign-department-head", "attested", "1937", f"{YAGODA_FALL} ¶2"),
    # a post with a start needs no attested day
    ("positions", "nikolai-yezhov--secret-police-head", "attested", pd.NA, f"{KIROV} ¶9; {YEZHOV_FALL} ¶2"),
    # conflicting dates in the reference are attested
    ("attestations", "nikolai-yezhov--secret-police-head--start--ref-2", "date", "1936-09-25", "reference-facts §1a: https://www.encyclopedia.com/history/encyclopedias-almanacs-transcripts-and-maps/yezhov-nikolai-ivanovich"),
    ("attestations", "nikolai-yezhov--secret-police-head--start--ref-2", "agrees", False, "reference-facts §1a: https://www.encyclopedia.com/history/encyclopedias-almanacs-transcripts-and-maps/yezhov-nikolai-ivanovich"),
    ("attestations", "sergei-spiegelglas--foreign-department-head--end--ref", "date", "1938-06-09", "reference-facts §1b: https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
    ("attestations", "sergei-spiegelglas--foreign-department-head--end--ref", "agrees", False, "reference-facts §1b: https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
]

# The names the posts' ids are built from: (name, person_id, locator)
ALIASES = [
    ("Nikolai Yezhov", "nikolai-yezhov", f"{KIROV} ¶9; {YEZHOV_FALL} ¶2"),
    ("Genrikh Yagoda", "genrikh-yagoda", f"{YAGODA_FALL} ¶1"),
    ("Lavrenty Beria", "lavrenty-beria", f"{YEZHOV_FALL} ¶1 and ¶2"),
]

test_cells = cells(CELLS)
test_aliases = aliases(ALIASES)
