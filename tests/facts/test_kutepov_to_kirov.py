"""Fact tests for part B: the Kutepov, Ramishvili and Kirov sections of case file 0121.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from factcheck import KIROV, KUTEPOV, RAMISHVILI, SLUTSKY, YAGODA_FALL, accounts, aliases, cells, roles

# (table, id, field, expected value, locator)
CELLS = [
    ("events", "alexander-kutepov-kidnapping", "date", "1930-01-26", f"{KUTEPOV} ¶3"),
    ("events", "alexander-kutepov-kidnapping", "type", "kidnapping", f"{KUTEPOV} ¶3"),
    ("events", "alexander-kutepov-kidnapping", "org_id", "yasha-group", f"{KUTEPOV} ¶3"),
    # Kutepov died after a morphine injection
    ("events", "alexander-kutepov-death", "type", "death", f"{KUTEPOV} ¶4"),
    ("events", "alexander-kutepov-death", "method", "injection", f"{KUTEPOV} ¶4"),
    ("events", "alexander-kutepov-death", "date", "1930-01-26", f"{KUTEPOV} ¶4"),
    ("events", "pyotr-wrangel-death", "date", "1928", f"{KUTEPOV} ¶2"),
    ("events", "pyotr-wrangel-death", "precision", "year", f"{KUTEPOV} ¶2"),
    ("events", "alexander-kutepov-appointment", "date", "1928", f"{KUTEPOV} ¶2"),
    ("events", "alexander-kutepov-appointment", "org_id", "rovs", f"{KUTEPOV} ¶2"),
    ("events", "noe-ramishvili-assassination", "date", "1930-12-07", f"{RAMISHVILI} ¶3"),
    ("events", "noe-ramishvili-assassination", "method", "shooting", f"{RAMISHVILI} ¶3"),
    ("events", "noe-ramishvili-assassination", "country", "France", f"{RAMISHVILI} ¶3"),
    ("events", "georgian-uprising-suppression", "date", "1924-08/1924-10", f"{RAMISHVILI} ¶2"),
    # Menzhinsky died after long ill health (the official account)
    ("events", "vyacheslav-menzhinsky-death", "date", "1934-05-10", f"{RAMISHVILI} ¶4"),
    ("events", "vyacheslav-menzhinsky-death", "type", "death", f"{RAMISHVILI} ¶4"),
    ("events", "genrikh-yagoda-appointment", "date", "1934-07-10", f"{RAMISHVILI} ¶4"),
    # the OGPU folded into the NKVD as the GUGB
    ("events", "ogpu-into-nkvd", "date", "1934-07-10", f"{RAMISHVILI} ¶4"),
    ("events", "ogpu-into-nkvd", "type", "reorganisation", f"{RAMISHVILI} ¶4"),
    ("events", "ogpu-into-nkvd", "org_id", "gugb", f"{RAMISHVILI} ¶4"),
    # Nikolayev arrested and released on the same day
    ("events", "leonid-nikolayev-arrest", "date", "1934-10-15", f"{KIROV} ¶2"),
    ("events", "leonid-nikolayev-release", "date", "1934-10-15", f"{KIROV} ¶2"),
    ("events", "sergei-kirov-assassination", "date", "1934-12-01", f"{KIROV} ¶3"),
    ("events", "sergei-kirov-assassination", "method", "shooting", f"{KIROV} ¶3"),
    ("events", "leonid-nikolayev-execution", "date", "1934-12-29", f"{KIROV} ¶4"),
    ("events", "leonid-nikolayev-execution", "type", "execution", f"{KIROV} ¶4"),
    ("fates", "leonid-nikolayev", "fate", "executed", f"{KIROV} ¶4"),
    # Borisov killed from a moving truck
    ("events", "borisov-assassination", "type", "assassination", f"{KIROV} ¶4"),
    ("events", "borisov-assassination", "method", "vehicle", f"{KIROV} ¶4"),
    ("events", "grigori-zinoviev-arrest", "date", "1934-12", f"{KIROV} ¶6"),
    ("events", "grigori-zinoviev-arrest", "precision", "month", f"{KIROV} ¶6"),
    ("events", "first-moscow-trial", "date", "1936-08-19", f"{KIROV} ¶8"),
    ("events", "first-moscow-trial", "type", "trial", f"{KIROV} ¶8"),
    ("events", "lev-kamenev-execution", "date", "1936-08-25", f"{KIROV} ¶8"),
    ("events", "nikolai-yezhov-appointment", "date", "1936-09-26", f"{KIROV} ¶9"),  # replacing Yagoda
    # Slutsky replaced Artuzov after Kirov's murder, during Yagoda's tenure
    ("events", "abram-slutsky-appointment", "start", pd.Timestamp("1934-12-01"), f"{KIROV} ¶5; {SLUTSKY} ¶1"),
    ("events", "abram-slutsky-appointment", "end", pd.Timestamp("1936-09-26"), f"{KIROV} ¶5; {SLUTSKY} ¶1"),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("alexander-kutepov-kidnapping", "organiser", "include", {"yakov-serebryansky"}, f"{KUTEPOV} ¶3"),
    ("alexander-kutepov-kidnapping", "ordered_by", "include", {"vyacheslav-menzhinsky"}, f"{KUTEPOV} ¶3"),
    ("noe-ramishvili-assassination", "perpetrator", "include", {"parmen-chanukvadze"}, f"{RAMISHVILI} ¶3"),
    ("noe-ramishvili-assassination", "ordered_by", "include", {"joseph-stalin"}, f"{RAMISHVILI} ¶3"),
    ("noe-ramishvili-assassination", "organiser", "include", {"genrikh-yagoda", "artur-artuzov"}, f"{RAMISHVILI} ¶3"),
    ("georgian-uprising-suppression", "ordered_by", "include", {"lavrenty-beria"}, f"{RAMISHVILI} ¶2"),
    ("genrikh-yagoda-appointment", "ordered_by", "include", {"joseph-stalin"}, f"{RAMISHVILI} ¶4"),
    ("sergei-kirov-assassination", "perpetrator", "include", {"leonid-nikolayev"}, f"{KIROV} ¶3"),
    ("sergei-kirov-assassination", "ordered_by", "include", {"joseph-stalin"}, f"{KIROV} ¶2"),
    ("sergei-kirov-assassination", "organiser", "include", {"genrikh-yagoda", "vania-zaporozhets"}, f"{KIROV} ¶2"),
    ("first-moscow-trial", "subject", "include", {"grigori-zinoviev", "lev-kamenev"}, f"{KIROV} ¶8"),
    ("lev-kamenev-execution", "perpetrator", "include", {"vasily-blokhin"}, f"{KIROV} ¶8"),
    ("lev-kamenev-execution", "ordered_by", "include", {"joseph-stalin"}, f"{KIROV} ¶8"),
    ("nikolai-yezhov-appointment", "other", "include", {"genrikh-yagoda"}, f"{KIROV} ¶9"),
    ("abram-slutsky-appointment", "other", "include", {"artur-artuzov"}, f"{KIROV} ¶5; {SLUTSKY} ¶1"),
]

# (event_id, kind of account (None: all), column, how, expected, locator)
ACCOUNTS = [
    ("vyacheslav-menzhinsky-death", "rival", "claim", "include", {"natural_death"}, f"{RAMISHVILI} ¶4"),
    ("vyacheslav-menzhinsky-death", "official", "claim", "are", set(), f"{RAMISHVILI} ¶4 (no source calls his illness an official version)"),
    ("vyacheslav-menzhinsky-death", "allegation", "perpetrator_id", "are", {"genrikh-yagoda"}, f"{YAGODA_FALL} ¶1 (Yagoda's confession)"),
]

# (name, person_id, locator)
ALIASES = [
    ("Yakov Agronov", "yakov-agranov", f"{RAMISHVILI} ¶5"),
    ("Artur Atruzov", "artur-artuzov", f"{KIROV} ¶5"),
    ("Josef Pilsudski", "jozef-pilsudski", f"{RAMISHVILI} ¶3"),
]

test_cells = cells(CELLS)
test_roles = roles(ROLES)
test_accounts = accounts(ACCOUNTS)
test_aliases = aliases(ALIASES)
