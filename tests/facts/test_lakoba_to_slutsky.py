"""Fact tests for part C: Lakoba, Yagoda's fall, Reiss, Miller, Slutsky (case file sections 7-11).

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from factcheck import LAKOBA, MILLER, RAMISHVILI, REISS, SLUTSKY, YAGODA_FALL, aliases, cells, roles, texts, values

# (table, id, field, expected value, locator)
CELLS = [
    # Lakoba poisoned by Beria; officially a heart attack
    ("events", "nestor-lakoba-assassination", "date", "1936-12-28", f"{LAKOBA} ¶4"),
    ("events", "nestor-lakoba-assassination", "type", "assassination", f"{LAKOBA} ¶4"),
    ("events", "nestor-lakoba-assassination", "method", "poison", f"{LAKOBA} ¶4"),
    # the dinner the day after the invitation
    ("events", "nestor-lakoba-tbilisi-invitation", "date", "1936-12-26", f"{LAKOBA} ¶4"),
    ("events", "nestor-lakoba-tbilisi-dinner", "date", "1936-12-27", f"{LAKOBA} ¶4"),
    ("events", "lavrenty-beria-georgia-appointment", "date", "1931-11", f"{LAKOBA} ¶2"),  # first secretary
    ("events", "lavrenty-beria-georgia-appointment", "precision", "month", f"{LAKOBA} ¶2"),
    ("events", "genrikh-yagoda-demotion", "date", "1936-09-26", f"{YAGODA_FALL} ¶1"),
    ("events", "genrikh-yagoda-demotion", "org_id", "post-and-telegraph-commissariat", f"{YAGODA_FALL} ¶1"),
    ("events", "genrikh-yagoda-arrest", "date", "1937-03", f"{YAGODA_FALL} ¶1"),
    ("events", "genrikh-yagoda-arrest", "precision", "month", f"{YAGODA_FALL} ¶1"),
    # Menzhinsky's poisoning only alleged: a confession under torture against the official illness,
    # so one death event, its cause disputed
    ("events", "vyacheslav-menzhinsky-death", "method", "illness", f"{RAMISHVILI} ¶4 (years of illness; the poisoning is Yagoda's confession, {YAGODA_FALL} ¶1)"),
    ("events", "vyacheslav-menzhinsky-death", "certainty", "stated", f"{RAMISHVILI} ¶4"),
    ("events", "artur-artuzov-arrest", "date", "1937-05-13", f"{YAGODA_FALL} ¶2"),
    ("events", "artur-artuzov-execution", "date", "1937-05-21", f"{YAGODA_FALL} ¶2"),
    ("events", "yakov-agranov-arrest", "date", "1937-07-20", f"{YAGODA_FALL} ¶2"),
    ("events", "ignace-reiss-assassination", "date", "1937-09-04", f"{REISS} ¶3"),
    ("events", "ignace-reiss-assassination", "country", "Switzerland", f"{REISS} ¶3"),  # in Lausanne
    ("events", "ignace-reiss-assassination", "method", "shooting", f"{REISS} ¶3"),
    ("events", "ignace-reiss-defection", "date", "1937-07-17", f"{REISS} ¶1-¶3"),  # his letter
    # Schildbach disappeared; her murder is presumed
    ("fates", "gertrude-schildbach", "fate", "disappeared", f"{REISS} ¶3"),
    ("fates", "gertrude-schildbach", "certainty", "alleged", f"{REISS} ¶3"),
    ("events", "mikhail-tukhachevsky-execution", "date", "1937-06-12", f"{MILLER} ¶4"),
    ("events", "yevgeny-miller-kidnapping", "date", "1937-09-22", f"{MILLER} ¶4, ¶5"),
    ("events", "yevgeny-miller-kidnapping", "country", "France", f"{MILLER} ¶4, ¶5"),
    ("fates", "yevgeny-miller", "fate", "executed", f"{MILLER} ¶5"),
    ("fates", "yevgeny-miller", "date", "1939-05-11", f"{MILLER} ¶5"),
    # Slutsky injected; officially a heart attack
    ("events", "abram-slutsky-assassination", "date", "1938-02-17", f"{SLUTSKY} ¶2, ¶3"),
    ("events", "abram-slutsky-assassination", "method", "injection", f"{SLUTSKY} ¶2, ¶3"),
    # the third Moscow trial: 17 death sentences, which are not deaths
    ("events", "third-moscow-trial", "date", "1938-03", f"{SLUTSKY} ¶4, ¶5"),
    ("events", "third-moscow-trial", "deaths_best", pd.NA, f"{SLUTSKY} ¶4, ¶5"),  # sentences are not deaths
    ("events", "leonid-zakovsky-arrest", "date", "1938-08-19", f"{SLUTSKY} ¶5"),
    ("events", "nikolai-yezhov-water-transport-appointment", "date", "1938-04-06", f"{SLUTSKY} ¶6"),
    ("events", "nikolai-yezhov-water-transport-appointment", "org_id", "water-transport-commissariat", f"{SLUTSKY} ¶6"),
]

# (table, {column: value} naming one row, text field, "contains (any case)", text, locator)
TEXTS = [
    ("accounts", dict(event_id="nestor-lakoba-assassination", kind="official"), "summary", "contains (any case)", "heart attack", f"{LAKOBA} ¶4"),
    ("accounts", dict(event_id="abram-slutsky-assassination", kind="official"), "summary", "contains (any case)", "heart attack", f"{SLUTSKY} ¶2, ¶3"),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("nestor-lakoba-assassination", "perpetrator", "include", {"lavrenty-beria"}, f"{LAKOBA} ¶4"),
    ("nestor-lakoba-assassination", "ordered_by", "include", {"joseph-stalin"}, f"{LAKOBA} ¶4"),
    ("ignace-reiss-assassination", "perpetrator", "include", {"vladimir-pravdin"}, f"{REISS} ¶3"),
    ("ignace-reiss-assassination", "organiser", "include", {"gertrude-schildbach"}, f"{REISS} ¶3"),
    ("yevgeny-miller-kidnapping", "ordered_by", "include", {"abram-slutsky"}, f"{MILLER} ¶4, ¶5"),
    ("yevgeny-miller-kidnapping", "organiser", "include", {"nikolai-skoblin"}, f"{MILLER} ¶4, ¶5"),  # lured by Skoblin
    ("abram-slutsky-assassination", "ordered_by", "include", {"nikolai-yezhov"}, f"{SLUTSKY} ¶2, ¶3"),
    ("abram-slutsky-assassination", "perpetrator", "include", {"leonid-zakovsky"}, f"{SLUTSKY} ¶2, ¶3"),
    ("third-moscow-trial", "subject", "include", {"nikolai-bukharin", "alexei-rykov", "genrikh-yagoda"}, f"{SLUTSKY} ¶4, ¶5"),
]

# (table, {column: value} the rows match, column(s), how, expected, locator)
VALUES = [
    ("roles", dict(event_id="vyacheslav-menzhinsky-death", role="perpetrator"), "person_id", "list", ["genrikh-yagoda"], f"{YAGODA_FALL} ¶1 (a confession)"),
    ("roles", dict(event_id="vyacheslav-menzhinsky-death", role="perpetrator"), "certainty", "list", ["alleged"], f"{YAGODA_FALL} ¶1 (a confession)"),
    ("tallies", dict(event_id="third-moscow-trial", source_id="case-file-0121"), ("counted", "best", "qualifier"), "list", [("sentenced_to_death", 17, "exactly")], f"{SLUTSKY} ¶4, ¶5"),
]

# (name, person_id, locator)
ALIASES = [
    ("Lokoba", "nestor-lakoba", f"{LAKOBA} ¶1, ¶2"),
    ("Loboka", "nestor-lakoba", f"{LAKOBA} ¶1, ¶2"),
    ("Koba", "joseph-stalin", f"{LAKOBA} ¶1, ¶2"),
    ("Agronov", "yakov-agranov", f"{YAGODA_FALL} ¶2"),
    ("Riess", "ignace-reiss", f"{REISS} ¶1-¶3"),
    ("Eberhardt", "ignace-reiss", f"{REISS} ¶1-¶3"),
    ("LETCHIK", "vladimir-pravdin", f"{REISS} ¶1-¶3"),
    ("Frinovky", "mikhail-frinovsky", f"{SLUTSKY} ¶2, ¶3"),
    ("Spegielglas", "sergei-spiegelglas", f"{SLUTSKY} ¶2, ¶3"),
]

test_cells = cells(CELLS)
test_texts = texts(TEXTS)
test_roles = roles(ROLES)
test_values = values(VALUES)
test_aliases = aliases(ALIASES)
