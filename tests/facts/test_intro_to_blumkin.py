"""Fact tests for part A: Introduction, Savinkov, Reilly and Blumkin sections of case-file-0121.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
from factcheck import BLUMKIN, INTRODUCTION, REILLY, SAVINKOV, accounts, aliases, cells, roles, texts, values

# (table, id, field, expected value, locator)
CELLS = [
    ("events", "moisei-uritsky-assassination", "date", "1918-08-17", f"{INTRODUCTION} ¶2"),
    ("events", "moisei-uritsky-assassination", "type", "assassination", f"{INTRODUCTION} ¶2"),
    ("events", "vladimir-lenin-attempt", "type", "attempt", f"{INTRODUCTION} ¶2"),
    ("events", "vladimir-lenin-attempt", "date", "1918-08-31", f"{INTRODUCTION} ¶2 (computed: two weeks after 17 August 1918)"),
    ("events", "red-terror-call", "type", "order", f"{INTRODUCTION} ¶3"),
    ("events", "red-terror-call", "date", "1918-09-01", f"{INTRODUCTION} ¶3"),
    ("events", "gpu-into-ogpu", "type", "reorganisation", f"{INTRODUCTION} ¶5"),
    ("events", "gpu-into-ogpu", "date", "1923-11-15", f"{INTRODUCTION} ¶5"),
    ("events", "gpu-into-ogpu", "org_id", "ogpu", f"{INTRODUCTION} ¶5"),
    ("events", "cheka-into-gpu", "date", "1923", f"{INTRODUCTION} ¶4"),  # as the case file has it
    ("events", "cheka-into-gpu", "org_id", "gpu", f"{INTRODUCTION} ¶4"),
    ("events", "operation-trust", "date", "1921", f"{INTRODUCTION} ¶5"),
    # Savinkov's death: official suicide, alleged murder
    ("events", "boris-savinkov-assassination", "date", "1925-05-07", f"{SAVINKOV} ¶2"),
    ("events", "boris-savinkov-assassination", "method", "defenestration", f"{SAVINKOV} ¶2"),
    ("events", "boris-savinkov-assassination", "certainty", "alleged", f"{SAVINKOV} ¶2"),
    ("fates", "boris-savinkov", "fate", "contested", f"{SAVINKOV} ¶2"),  # said to be a suicide; a killing alleged
    ("events", "sidney-reilly-trial", "type", "trial", f"{REILLY} ¶3"),  # tried in absentia
    ("events", "sidney-reilly-trial", "date", "1918-11", f"{REILLY} ¶3"),
    ("events", "sidney-reilly-arrest", "method", "lure", f"{REILLY} ¶4"),
    ("events", "sidney-reilly-execution", "date", "1925-11-05", f"{REILLY} ¶4"),
    ("events", "sidney-reilly-execution", "method", "shooting", f"{REILLY} ¶4"),
    ("events", "kommandatura-founded", "start.year", 1927, f"{REILLY} ¶5"),  # around 1927
    ("events", "felix-dzerzhinsky-death", "date", "1926", f"{BLUMKIN} ¶3"),
    ("events", "vyacheslav-menzhinsky-appointment", "date", "1926", f"{BLUMKIN} ¶3"),
    ("events", "vyacheslav-menzhinsky-appointment", "org_id", "ogpu", f"{BLUMKIN} ¶3"),
    ("events", "operation-trust-shutdown", "date", "1927", f"{BLUMKIN} ¶3"),
    ("events", "artur-artuzov-dismissal-1927", "type", "dismissal", f"{BLUMKIN} ¶3"),
    ("events", "artur-artuzov-dismissal-1927", "date", "1927-11", f"{BLUMKIN} ¶3"),
    ("events", "artur-artuzov-dismissal-1927", "precision", "month", f"{BLUMKIN} ¶3"),
    ("events", "yakov-blumkin-arrest", "date", "1929-10", f"{BLUMKIN} ¶5"),
    ("events", "yakov-blumkin-execution", "date", "1929-11-03", f"{BLUMKIN} ¶6"),
    ("events", "yakov-blumkin-execution", "method", "shooting", f"{BLUMKIN} ¶6"),
    ("events", "mikhail-trilisser-dismissal", "org_id", "foreign-department", f"{BLUMKIN} ¶6"),
]

# (table, {column: value} naming one row, text field, "contains" / "starts with", text, locator)
TEXTS = [
    ("accounts", dict(event_id="boris-savinkov-assassination", kind="official"), "summary", "contains", "killed himself", f"{SAVINKOV} ¶2"),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("moisei-uritsky-assassination", "perpetrator", "include", {"leonid-kannegisser"}, f"{INTRODUCTION} ¶2"),
    ("vladimir-lenin-attempt", "perpetrator", "include", {"fanya-kaplan"}, f"{INTRODUCTION} ¶2"),
    ("red-terror-call", "ordered_by", "include", {"joseph-stalin"}, f"{INTRODUCTION} ¶3"),
    ("operation-trust", "organiser", "include", {"mikhail-trilisser"}, f"{INTRODUCTION} ¶5"),
    ("sidney-reilly-arrest", "perpetrator", "include", {"toivo-vaha"}, f"{REILLY} ¶4"),
    ("sidney-reilly-execution", "perpetrator", "include", {"grigory-feduleev", "george-syroezhkin"}, f"{REILLY} ¶4"),
    ("kommandatura-founded", "ordered_by", "include", {"joseph-stalin"}, f"{REILLY} ¶5"),
    ("vasily-blokhin-appointment", "subject", "include", {"vasily-blokhin"}, f"{REILLY} ¶5"),
    ("operation-trust-shutdown", "ordered_by", "include", {"vyacheslav-menzhinsky"}, f"{BLUMKIN} ¶3"),
    ("yakov-blumkin-arrest", "accomplice", "include", {"elisabeth-zarubina"}, f"{BLUMKIN} ¶5"),
    ("yakov-blumkin-trial", "other", "include", {"vyacheslav-menzhinsky", "genrikh-yagoda", "mikhail-trilisser"}, f"{BLUMKIN} ¶5"),  # the tribunal
    ("yakov-blumkin-execution", "ordered_by", "include", {"artur-artuzov", "joseph-stalin"}, f"{BLUMKIN} ¶6"),
    ("mikhail-trilisser-dismissal", "ordered_by", "include", {"genrikh-yagoda"}, f"{BLUMKIN} ¶6"),
    ("artur-artuzov-appointment-foreign-department", "subject", "include", {"artur-artuzov"}, f"{BLUMKIN} ¶6"),
]

# (event_id, kind of account (None: all), column, how, expected, locator)
ACCOUNTS = [
    ("boris-savinkov-assassination", "official", "claim", "list", ["suicide"], f"{SAVINKOV} ¶2"),
]

# (table, {column: value} the rows match, column, how, expected, locator)
VALUES = [
    # Dzerzhinsky's part in Savinkov's death: only an alleged order
    ("roles", dict(event_id="boris-savinkov-assassination", person_id="felix-dzerzhinsky"), "role", "are", {"ordered_by"}, f"{SAVINKOV} ¶2"),
    ("roles", dict(event_id="boris-savinkov-assassination", person_id="felix-dzerzhinsky"), "certainty", "are", {"alleged"}, f"{SAVINKOV} ¶2"),
]

# (name, person_id, locator)
ALIASES_LOCATOR = f"{INTRODUCTION} ¶3; {REILLY} ¶1; {BLUMKIN} ¶4"
ALIASES = [
    ("Iron Felix", "felix-dzerzhinsky", ALIASES_LOCATOR),
    ("Felix Dzerzinsky", "felix-dzerzhinsky", ALIASES_LOCATOR),
    ("Ace of Spies", "sidney-reilly", ALIASES_LOCATOR),
    ("Lisa Gorskaya", "elisabeth-zarubina", ALIASES_LOCATOR),
    ("Elizabeth Zarubina", "elisabeth-zarubina", ALIASES_LOCATOR),
    ("Toivo Vaha", "toivo-vaha", ALIASES_LOCATOR),
]

test_cells = cells(CELLS)
test_texts = texts(TEXTS)
test_roles = roles(ROLES)
test_accounts = accounts(ACCOUNTS)
test_values = values(VALUES)
test_aliases = aliases(ALIASES)
