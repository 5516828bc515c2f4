"""Fact tests for part D: Konovalets, Klement, the fall of Yezhov, Zinaida Reich.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
from factcheck import KLEMENT, KONOVALETS, REICH, TROTSKY, YEZHOV_FALL, accounts, aliases, cells, counts, roles, texts, values

# (table, id or {column: value} naming one row, field, expected value, locator)
CELLS = [
    ("events", "yevhen-konovalets-assassination", "date", "1938-05-23", f"{KONOVALETS} ¶3"),
    ("events", "yevhen-konovalets-assassination", "type", "assassination", f"{KONOVALETS} ¶3"),
    ("events", "yevhen-konovalets-assassination", "method", "bomb", f"{KONOVALETS} ¶3"),
    # after the bomb Sudoplatov got away to Spain, helped by NKVD agents: a step of the operation of its own,
    # not a leg of the killing
    ("events", "pavel-sudoplatov-escape", "type", "operation", f"{KONOVALETS} ¶3"),
    ("events", "pavel-sudoplatov-escape", "operation_id", "konovalets-1938", f"{KONOVALETS} ¶3"),
    ("events", "pavel-sudoplatov-escape", "scope", "abroad", f"{KONOVALETS} ¶3"),
    ("events", "yevhen-konovalets-exile", "date", "1922-12", f"{KONOVALETS} ¶2"),
    ("events", "yevhen-konovalets-exile", "type", "exile", f"{KONOVALETS} ¶2"),
    ("events", "yevhen-konovalets-exile", "precision", "month", f"{KONOVALETS} ¶2"),
    ("events", "rudolf-klement-assassination", "date", "1938-07-12", f"{KLEMENT} ¶2"),
    ("events", "rudolf-klement-discovery", "type", "discovery", f"{KLEMENT} ¶2"),  # the body found
    ("events", "rudolf-klement-discovery", "date", "1938-08", f"{KLEMENT} ¶2"),
    # Klement's letter: a suspected forgery
    ("events", "klement-forged-letter", "method", "forgery", f"{KLEMENT} ¶2"),
    ("events", "klement-forged-letter", "certainty", "alleged", f"{KLEMENT} ¶2"),
    # Zborowski's part in Sedov's death is only alleged
    ("events", "lev-sedov-death", "date", "1938-02-08", f"{TROTSKY} ¶5"),
    ("roles", dict(event_id="lev-sedov-death", person_id="mark-zborowski", role="perpetrator"), "certainty", "alleged", f"{KLEMENT} ¶1"),
    ("events", "genrikh-lyushkov-defection", "date", "1938-06-13", f"{YEZHOV_FALL} ¶1"),
    ("events", "genrikh-lyushkov-defection", "type", "defection", f"{YEZHOV_FALL} ¶1"),
    ("events", "leonid-zakovsky-execution", "date", "1938-08-29", f"{YEZHOV_FALL} ¶1"),
    # Spiegelglas and Redens arrested on 2 November 1938 on Beria's orders
    ("events", "sergei-spiegelglas-arrest", "date", "1938-11-02", f"{YEZHOV_FALL} ¶1"),
    ("events", "stanislav-redens-arrest", "date", "1938-11-02", f"{YEZHOV_FALL} ¶1"),
    ("events", "gugb-restructure-1938", "type", "reorganisation", f"{YEZHOV_FALL} ¶2"),
    # Beria replaced Yezhov on 25 November 1938
    ("events", "lavrenty-beria-nkvd-appointment", "date", "1938-11-25", f"{YEZHOV_FALL} ¶2"),
    ("events", "nikolai-yezhov-dismissal", "date", "1938-11-25", f"{YEZHOV_FALL} ¶2"),
    # Yezhov taken to Sukhanovka four days after Frinovsky's arrest
    ("events", "mikhail-frinovsky-arrest", "date", "1939-04-06", f"{YEZHOV_FALL} ¶4"),
    ("events", "nikolai-yezhov-arrest", "date", "1939-04-10", f"{YEZHOV_FALL} ¶4"),
    ("events", "isaac-babel-arrest", "date", "1939-05-15", f"{YEZHOV_FALL} ¶4"),
    # Reich's murder staged as a robbery: ¶2, the killers ransacked the flat so that it would look like
    # a robbery; ¶3 hedges the NKVD's hand
    ("events", "zinaida-reich-assassination", "method", "stabbing", f"{REICH} ¶2-3"),
    ("events", "zinaida-reich-assassination", "certainty", "alleged", f"{REICH} ¶2-3"),
    ("roles", dict(event_id="zinaida-reich-assassination", person_id="lavrenty-beria", role="ordered_by"), "certainty", "alleged", f"{REICH} ¶2-3"),
    ("events", "vsevolod-meyerhold-arrest", "date", "1939-06-20", f"{REICH} ¶2"),
    ("events", "mikhail-trilisser-arrest", "date", "1938-11-23", f"{REICH} ¶4"),
    ("events", "mikhail-trilisser-execution", "date", "1940-02-02", f"{REICH} ¶4"),
    # Blokhin shot Yezhov and Frinovsky on 4 February 1940
    ("events", "nikolai-yezhov-execution", "date", "1940-02-04", f"{REICH} ¶4"),
    ("events", "mikhail-frinovsky-execution", "date", "1940-02-04", f"{REICH} ¶4"),
    ("fates", "nikolai-yezhov", "fate", "executed", f"{REICH} ¶4"),
    ("fates", "nikolai-yezhov", "date", "1940-02-04", f"{REICH} ¶4"),
]

# (table, id or {column: value} naming one row, text field, "contains" / "starts with", text, locator)
TEXTS = [
    ("events", "klement-forged-letter", "date", "starts with", "1938-07", f"{KLEMENT} ¶2"),
    ("events", "gugb-restructure-1938", "note", "contains", "1941", f"{YEZHOV_FALL} ¶2"),  # the NKGB renaming is an anachronism
    ("events", "pavel-sudoplatov-escape", "date", "starts with", "1938-05-23", f"{KONOVALETS} ¶3"),  # after the bomb
    ("events", "zinaida-reich-assassination", "date", "starts with", "1939-07-15", f"{REICH} ¶2-3"),
    ("accounts", dict(event_id="zinaida-reich-assassination", kind="rival"), "summary", "contains (any case)", "burglary", f"{REICH} ¶2-3"),  # staged; never called official
    ("events", "vsevolod-meyerhold-arrest", "place", "contains", "Leningrad", f"{REICH} ¶2"),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("yevhen-konovalets-assassination", "perpetrator", "include", {"pavel-sudoplatov"}, f"{KONOVALETS} ¶3"),
    ("yevhen-konovalets-assassination", "ordered_by", "include", {"joseph-stalin"}, f"{KONOVALETS} ¶3"),  # Stalin picked Sudoplatov
    ("pavel-sudoplatov-escape", "subject", "are", {"pavel-sudoplatov"}, f"{KONOVALETS} ¶3"),
    ("rudolf-klement-assassination", "perpetrator", "are", {"ale-taubman", "alexander-korotkov", "the-turk"}, f"{KLEMENT} ¶2"),
    ("leonid-zakovsky-execution", "ordered_by", "include", {"mikhail-frinovsky"}, f"{YEZHOV_FALL} ¶1"),
    ("sergei-spiegelglas-arrest", "ordered_by", "include", {"lavrenty-beria"}, f"{YEZHOV_FALL} ¶1"),
    ("stanislav-redens-arrest", "ordered_by", "include", {"lavrenty-beria"}, f"{YEZHOV_FALL} ¶1"),
    ("nikolai-yezhov-execution", "perpetrator", "include", {"vasily-blokhin"}, f"{REICH} ¶4"),
    ("mikhail-frinovsky-execution", "perpetrator", "include", {"vasily-blokhin"}, f"{REICH} ¶4"),
]

# (event_id, kind of account (None: all), column, how, expected, locator)
ACCOUNTS = [
    ("nikolai-yezhov-dismissal", "official", "claim", "list", ["resignation"], f"{YEZHOV_FALL} ¶2"),
    ("zinaida-reich-assassination", "allegation", "perpetrator_org_id", "are", {"nkvd"}, f"{REICH} ¶2-3"),
    ("zinaida-reich-assassination", "allegation", "certainty", "are", {"alleged"}, f"{REICH} ¶2-3"),
]

# (table, {column: value} the rows match, column, how, expected, locator)
VALUES = [
    ("roles", dict(event_id="isaac-babel-arrest"), "person_id", "include", {"borys-rodos"}, f"{YEZHOV_FALL} ¶4"),  # in any role
    ("org_roles", dict(event_id="pavel-sudoplatov-escape", role="accomplice"), "org_id", "are", {"nkvd"}, f"{KONOVALETS} ¶3"),  # NKVD agents helped him
]

# (table, {column: value} the rows match, number of rows, locator)
COUNTS = [
    ("accounts", dict(event_id="zinaida-reich-assassination", kind="official"), 0, f"{REICH} ¶2-3"),
]

# (name, person_id, locator)
ALIASES = [
    ("Pavel Gridgdenko", "pavel-sudoplatov", f"{KONOVALETS} ¶3"),
    ("Etienne", "mark-zborowski", f"{KLEMENT} ¶1"),
    ("Spegielglas", "sergei-spiegelglas", f"{YEZHOV_FALL} ¶1"),
    ("Yehov", "nikolai-yezhov", f"{YEZHOV_FALL} ¶4"),
    ("Vsvevolod Meyerhold", "vsevolod-meyerhold", f"{REICH} ¶1"),
]

test_cells = cells(CELLS)
test_texts = texts(TEXTS)
test_roles = roles(ROLES)
test_accounts = accounts(ACCOUNTS)
test_values = values(VALUES)
test_counts = counts(COUNTS)
test_aliases = aliases(ALIASES)
