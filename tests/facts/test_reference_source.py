"""Facts coded from the reference source (reference-facts), checked through the helper API.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from conftest import tally
from factcheck import aliases, cells, counts, roles, values

ZEMSKOV = "https://user.bibliboba.online/books/stalinskaia-epokha-ekonomika-repressii-industrializatsiia-1924-1954/p/128"
SOVIET_CENTURY = "https://fb2.top/the-soviet-century-465944/read/part-7"
CHRONOLOGY = "https://en.wikipedia.org/wiki/Chronology_of_Soviet_secret_police_agencies"

# (table, id or {column: value} naming one row, field, expected value, locator)
CELLS = [
    # convictions by year: one row per year and count ("mvd" or "kgb")
    ("convictions", dict(year=1937, count="mvd"), "convicted", 790665, ZEMSKOV),
    ("convictions", dict(year=1937, count="mvd"), "sentenced_to_death", 353074, ZEMSKOV),
    ("convictions", dict(year=1937, count="mvd"), "partial_year", False, ZEMSKOV),
    # 1953 is half a year, without KGB figures
    ("convictions", dict(year=1953, count="mvd"), "partial_year", True, SOVIET_CENTURY),
    ("convictions", dict(year=1953, count="kgb"), "partial_year", True, SOVIET_CENTURY),
    ("convictions", dict(year=1953, count="mvd"), "convicted", 8403, SOVIET_CENTURY),
    ("convictions", dict(year=1953, count="mvd"), "sentenced_to_death", 198, SOVIET_CENTURY),
    ("convictions", dict(year=1953, count="kgb"), "convicted", pd.NA, SOVIET_CENTURY),
    ("convictions", dict(year=1953, count="kgb"), "sentenced_to_death", pd.NA, SOVIET_CENTURY),
    ("convictions", dict(year=1932, count="mvd"), "sentenced_to_death", 2728, ZEMSKOV),  # Zemskov, not Kurashvili's misprint
    ("convictions", dict(year=1948, count="mvd"), "convicted", 73269, ZEMSKOV),
    # 1948 and 1949 have no death-sentence figure
    ("convictions", dict(year=1948, count="mvd"), "sentenced_to_death", pd.NA, ZEMSKOV),
    ("convictions", dict(year=1948, count="kgb"), "sentenced_to_death", pd.NA, ZEMSKOV),
    ("convictions", dict(year=1949, count="mvd"), "sentenced_to_death", pd.NA, ZEMSKOV),
    ("convictions", dict(year=1949, count="kgb"), "sentenced_to_death", pd.NA, ZEMSKOV),
    # totals are tallies
    ("tallies", "great-purge-shot-reference", "counted", "shot", "https://liquisearch.com/great_purge/number_of_people_executed"),
    ("tallies", "great-purge-shot-reference", "best", 681692, "https://liquisearch.com/great_purge/number_of_people_executed"),
    ("tallies", "great-purge-shot-reference", "qualifier", "exactly", "https://liquisearch.com/great_purge/number_of_people_executed"),
    ("tallies", "great-purge-shot-reference", "period", "1937/1938", "https://liquisearch.com/great_purge/number_of_people_executed"),
    ("tallies", "katyn-1940-shot-reference", "best", 21857, "http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html"),
    ("tallies", "katyn-1940-shot-reference", "qualifier", "exactly", "http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html"),
    ("tallies", "katyn-1940-shot-reference", "period", "1940", "http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html"),
    ("tallies", "katyn-1940-shot-reference", "operation_id", "katyn-1940", "http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html"),
    # dates the reference gives against the case file's
    ("attestations", "artur-artuzov-execution--date--ref", "date", "1937-08-21", "https://readnow.me/chi/1937-bolshaya-chistka-nkvd-protiv-chk-papchinskiy?p=165"),
    ("attestations", "artur-artuzov-execution--date--ref", "agrees", False, "https://readnow.me/chi/1937-bolshaya-chistka-nkvd-protiv-chk-papchinskiy?p=165"),
    ("attestations", "leonid-zakovsky-arrest--date--ref", "date", "1938-04-30", "https://www.sciencespo.fr/mass-violence-war-massacre-resistance/en/document/leonid-mihajlovich-zakovsky-pseudonym-henriks-ernestovich-stubis-1894-1938.html"),
    ("attestations", "leonid-zakovsky-arrest--date--ref", "agrees", False, "https://www.sciencespo.fr/mass-violence-war-massacre-resistance/en/document/leonid-mihajlovich-zakovsky-pseudonym-henriks-ernestovich-stubis-1894-1938.html"),
    ("attestations", "cheka-into-gpu--date--ref", "date", "1922-02-06", CHRONOLOGY),  # the GPU was founded in 1922, not 1923
    ("attestations", "cheka-into-gpu--date--ref", "agrees", False, CHRONOLOGY),
    ("attestations", "gpu-into-ogpu--date--ref", "agrees", True, CHRONOLOGY),
    ("attestations", "felix-dzerzhinsky-death--date--ref", "date", "1926-07-20", "https://www.liquisearch.com/felix_dzerzhinsky/death"),
    ("attestations", "felix-dzerzhinsky-death--date--ref", "agrees", True, "https://www.liquisearch.com/felix_dzerzhinsky/death"),  # the day agrees with the case file's year
    ("events", "cheka-founded", "date", "1917-12-20", CHRONOLOGY),
    ("events", "cheka-founded", "org_id", "cheka", CHRONOLOGY),
    ("events", "sergei-spiegelglas-execution", "date", "1941-01-29", "https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
    ("events", "stanislav-redens-execution", "date", "1940-01-21", "https://de.m.wikipedia.org./wiki/Redens"),
    ("attestations", "stanislav-redens-execution--date--ref", "date", "1940-02-12", "https://de.m.wikipedia.org./wiki/Redens"),
    ("events", "filipp-medved-execution", "date", "1937-07", "https://soviet_intelligence.en-academic.com/208/Medved%2C_Fillip_Demyanovich"),
    ("events", "filipp-medved-execution", "precision", "month", "https://soviet_intelligence.en-academic.com/208/Medved%2C_Fillip_Demyanovich"),
    ("fates", "filipp-medved", "fate", "executed", "https://soviet_intelligence.en-academic.com/208/Medved%2C_Fillip_Demyanovich"),
    # Beria, Merkulov and Dekanozov were shot on the same day
    ("events", "lavrenty-beria-execution", "date", "1953-12-23", "https://en.wikipedia.org/wiki/Vsevolod_Merkulov"),
    ("events", "vsevolod-merkulov-execution", "date", "1953-12-23", "https://en.wikipedia.org/wiki/Vsevolod_Merkulov"),
    ("events", "vladimir-dekanozov-execution", "date", "1953-12-23", "https://en.wikipedia.org/wiki/Vsevolod_Merkulov"),
    ("events", "lavrenty-beria-arrest", "date", "1953-06-26", "https://en.wikipedia.org/wiki/Vsevolod_Merkulov"),
]

# (table, {column: value} the rows match ({}: all), column, how, expected, locator)
VALUES = [
    ("convictions", {}, "year", "are", set(range(1921, 1954)), ZEMSKOV),  # both tallies cover 1921 to 1953
    ("convictions", {}, "count", "are", {"mvd", "kgb"}, ZEMSKOV),
    ("convictions", dict(partial_year=True), "year", "are", {1953}, SOVIET_CENTURY),
    ("events", {}, "event_id", "exclude", {"great-purge-executions"}, "https://liquisearch.com/great_purge/number_of_people_executed"),  # a total is not an event
    ("events", {}, "event_id", "exclude", {"katyn-executions-1940-total"}, "http://skoblin.blogspot.com/2009/03/katyn-documents-iii.html"),  # a total is not an event
    ("attestations", dict(event_id="sergei-spiegelglas-execution"), "date", "are", {"1941", "1940-02-12", "1939"}, "https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
    ("attestations", dict(event_id="sergei-spiegelglas-execution", agrees=False), "date", "are", {"1940-02-12", "1939"}, "https://en.wikipedia.org/wiki/Sergey_Spigelglas"),
]

# (table, {column: value} the rows match ({}: all), number of rows, locator)
COUNTS = [
    ("convictions", {}, 66, ZEMSKOV),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("cheka-founded", "ordered_by", "include", {"vladimir-lenin"}, CHRONOLOGY),
]

# (name, person_id, locator): the reference's spellings resolve
ALIASES = [
    ("Shpigelglas", "sergei-spiegelglas", "https://soviet_intelligence.en-academic.com/335/Shpigelglas%2C_Sergei_Mikhailovich"),
    ("Jēkabs Peterss", "jekabs-peters", CHRONOLOGY),
    ("Ivan Zaporozhets", "vania-zaporozhets", "https://en.wikipedia.org/wiki/Ivan_Zaporozhets"),
]

test_cells = cells(CELLS)
test_values = values(VALUES)
test_counts = counts(COUNTS)
test_roles = roles(ROLES)
test_aliases = aliases(ALIASES)


def test_great_purge_shot_equals_1937_plus_1938_death_sentences(ds):
    # https://liquisearch.com/great_purge/number_of_people_executed
    c = ds.convictions_by_year.set_index(["year", "count"])
    shot = tally(ds, "great-purge-shot-reference")
    assert shot.best == c.at[(1937, "mvd"), "sentenced_to_death"] + c.at[(1938, "mvd"), "sentenced_to_death"]
