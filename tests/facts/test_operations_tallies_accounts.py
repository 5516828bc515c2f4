"""Fact tests for the operations, tallies, rival accounts and organisations' roles.

Expected values are read off the sources by hand (case-file-0121 and reference-facts §2, §5, §7a).
One fact per row; the kinds of table and their columns are described in factcheck.py. A locator
left empty ("") is one the fact was never given.
"""
import pandas as pd

from conftest import tally
from factcheck import KATYN, KIROV, KLEMENT, MUNZENBERG, REICH, SAVINKOV, SLUTSKY, TROTSKY, YEZHOV_FALL
from factcheck import accounts, cells, counts, texts, values

K = KATYN

# (table, id, field, expected value, locator)
CELLS = [
    # --- Katyn
    ("tallies", "katyn-1940-shot-reference", "best", 21857, "reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857"),
    ("tallies", "katyn-1940-shot-reference", "qualifier", "exactly", "reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857"),
    ("tallies", "katyn-1940-shot-reference", "counted", "shot", "reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857"),
    # both Katyn massacre rows share the operation
    ("events", "katyn-massacre", "operation_id", "katyn-1940", f"{K} ¶3, ¶5"),
    ("events", "kalinin-prison-shootings", "operation_id", "katyn-1940", f"{K} ¶3, ¶5"),
    # the Katyn operation spans the transfer to May 1940
    ("operations", "katyn-1940", "date", "1939-10/1940-05", ""),
    ("operations", "katyn-1940", "scope", "domestic", ""),
    ("events", "kalinin-prison-shootings", "deaths_qualifier", "at_least", f"{K} ¶5: upwards of 7,000"),
    ("events", "kalinin-prison-shootings", "deaths_low", 7000, f"{K} ¶5: upwards of 7,000"),
    ("events", "kalinin-prison-shootings", "deaths_best", pd.NA, f"{K} ¶5: upwards of 7,000"),
    # the 12,000 is a round figure
    ("events", "katyn-massacre", "deaths_best", 12000, ""),
    ("events", "katyn-massacre", "deaths_qualifier", "about", ""),
    ("tallies", "katyn-1940-shot-case-file", "best", 12000, ""),
    ("tallies", "katyn-1940-shot-case-file", "qualifier", "about", ""),
    ("tallies", "katyn-1940-shot-case-file", "event_id", "katyn-massacre", ""),
    # Blokhin's 7,000 lie within the 12,000
    ("tallies", "katyn-1940-shot-kalinin-case-file", "low", 7000, ""),
    ("tallies", "katyn-1940-shot-kalinin-case-file", "qualifier", "at_least", ""),
    ("tallies", "katyn-1940-shot-kalinin-case-file", "part_of", "katyn-1940-shot-case-file", ""),
    # the Politburo ordered 25,700 shot
    ("tallies", "katyn-1940-ordered-shot-case-file", "counted", "targeted_for_shooting", f"{K} ¶3"),
    ("tallies", "katyn-1940-ordered-shot-case-file", "best", 25700, f"{K} ¶3"),
    ("tallies", "katyn-1940-ordered-shot-case-file", "qualifier", "exactly", f"{K} ¶3"),
    ("tallies", "katyn-1940-ordered-shot-case-file", "event_id", "katyn-politburo-order", f"{K} ¶3"),
    # about 25,000 transferred to camps
    ("tallies", "polish-prisoners-transferred-case-file", "counted", "transferred", f"{K} ¶2"),
    ("tallies", "polish-prisoners-transferred-case-file", "best", 25000, f"{K} ¶2"),
    ("tallies", "polish-prisoners-transferred-case-file", "qualifier", "about", f"{K} ¶2"),
    ("tallies", "polish-prisoners-transferred-case-file", "period", "1939-10/1940-02", f"{K} ¶2"),
    # the prisoner exchange with Germany
    ("tallies", "polish-prisoners-to-germany-case-file", "best", 43000, f"{K} ¶2: 43,000 handed over, 13,000 received"),
    ("tallies", "polish-prisoners-from-germany-case-file", "best", 13000, f"{K} ¶2: 43,000 handed over, 13,000 received"),
    # --- Great Purge
    ("tallies", "great-purge-arrested-reference", "best", 1548366, "reference-facts §5"),
    ("tallies", "great-purge-shot-reference", "best", 681692, "reference-facts §5"),
    # the case file's purge toll is approximate
    ("tallies", "great-purge-arrested-case-file", "best", 1300000, f"{SLUTSKY} ¶6: almost 1.3 million arrested, 680,000 shot"),
    ("tallies", "great-purge-arrested-case-file", "qualifier", "about", f"{SLUTSKY} ¶6: almost 1.3 million arrested, 680,000 shot"),
    ("tallies", "great-purge-shot-case-file", "best", 680000, f"{SLUTSKY} ¶6: almost 1.3 million arrested, 680,000 shot"),
    ("tallies", "great-purge-shot-case-file", "qualifier", "about", f"{SLUTSKY} ¶6: almost 1.3 million arrested, 680,000 shot"),
    ("tallies", "order-00447-arrest-limit", "best", 270000, ""),
    ("tallies", "order-00447-shooting-limit", "best", 76000, ""),
    # over 100,000 released after Yezhov
    ("tallies", "gulag-released-case-file", "counted", "released", f"{YEZHOV_FALL} ¶2"),
    ("tallies", "gulag-released-case-file", "low", 100000, f"{YEZHOV_FALL} ¶2"),
    ("tallies", "gulag-released-case-file", "qualifier", "at_least", f"{YEZHOV_FALL} ¶2"),
    ("tallies", "gulag-released-case-file", "event_id", "gulag-release-1938", f"{YEZHOV_FALL} ¶2"),
    ("operations", "great-purge", "date", "1936-09/1938-11", ""),
    # --- trials: seventeen death sentences are a tally, not deaths
    ("events", "third-moscow-trial", "deaths_best", pd.NA, f"{SLUTSKY} ¶5"),
    ("events", "third-moscow-trial", "deaths_qualifier", None, f"{SLUTSKY} ¶5"),
    ("tallies", "third-moscow-trial-sentenced-to-death-case-file", "counted", "sentenced_to_death", f"{SLUTSKY} ¶5"),
    ("tallies", "third-moscow-trial-sentenced-to-death-case-file", "best", 17, f"{SLUTSKY} ¶5"),
    ("tallies", "third-moscow-trial-sentenced-to-death-case-file", "qualifier", "exactly", f"{SLUTSKY} ¶5"),
    ("tallies", "third-moscow-trial-sentenced-to-death-case-file", "event_id", "third-moscow-trial", f"{SLUTSKY} ¶5"),
    # the first trial: sixteen sentenced to death
    ("tallies", "first-moscow-trial-sentenced-to-death-case-file", "best", 16, f"{KIROV} ¶8"),
    ("tallies", "first-moscow-trial-sentenced-to-death-case-file", "event_id", "first-moscow-trial", f"{KIROV} ¶8"),
    # --- other operations: these are abroad
    ("operations", "miller-1937", "scope", "abroad", ""),
    ("operations", "reiss-1937", "scope", "abroad", ""),
    ("operations", "kutepov-1930", "scope", "abroad", ""),
    ("operations", "konovalets-1938", "scope", "abroad", ""),
    ("operations", "klement-1938", "scope", "abroad", ""),
    ("events", "yevgeny-miller-kidnapping", "operation_id", "miller-1937", ""),
    ("events", "ignace-reiss-assassination", "operation_id", "reiss-1937", ""),
    # --- accounts: Zborowski's alleged part in Sedov's death (no poison named)
    ("accounts", "lev-sedov-death--zborowski", "event_id", "lev-sedov-death", f"{TROTSKY} ¶5; {KLEMENT} ¶1"),
    ("accounts", "lev-sedov-death--zborowski", "perpetrator_id", "mark-zborowski", f"{TROTSKY} ¶5; {KLEMENT} ¶1"),
    ("accounts", "lev-sedov-death--zborowski", "perpetrator_org_id", "nkvd", f"{TROTSKY} ¶5; {KLEMENT} ¶1"),
    ("accounts", "lev-sedov-death--zborowski", "certainty", "alleged", f"{TROTSKY} ¶5; {KLEMENT} ¶1"),
    ("accounts", "lev-sedov-death--zborowski", "method", "unknown", f"{TROTSKY} ¶5; {KLEMENT} ¶1 (no poison named)"),
    # --- slips
    ("events", "kirov-murder-order", "place", None, ""),
    ("events", "gugb-reorganisation-1937", "date", "1936-09/1937-12", ""),  # by the end of 1937
    ("events", "katyn-massacre", "locator", f"{K} ¶3 ; {K} ¶4 ; {K} ¶5", ""),  # cites three paragraphs
]

# (table, id, text field, "contains", text, locator)
TEXTS = [
    ("tallies", "great-purge-arrested-case-file", "note", "contains", "almost", f"{SLUTSKY} ¶6: almost 1.3 million arrested, 680,000 shot"),
]

# (event_id, kind of account (None: all), column, how, expected, locator)
ACCOUNTS = [
    ("willi-munzenberg-death", "official", "claim", "list", ["suicide"], f"{MUNZENBERG} ¶4"),
    ("genrikh-lyushkov-death", None, "perpetrator_org_id", "are", {"japan", "nkvd"}, "reference-facts §2: killed by the Japanese (EN-wiki) vs an NKVD operative (grokipedia)"),
    ("genrikh-lyushkov-death", None, "certainty", "are", {"disputed"}, "reference-facts §2: killed by the Japanese (EN-wiki) vs an NKVD operative (grokipedia)"),
    # Savinkov pushed or jumped
    ("boris-savinkov-assassination", "official", "claim", "list", ["suicide"], f"{SAVINKOV} ¶2"),
    ("boris-savinkov-assassination", "allegation", "claim", "list", ["killing"], f"{SAVINKOV} ¶2"),
    ("boris-savinkov-assassination", "allegation", "certainty", "list", ["alleged"], f"{SAVINKOV} ¶2"),
    # Menzhinsky poisoned or dead of natural causes
    ("vyacheslav-menzhinsky-death", None, "claim", "include", {"natural_death"}, ""),
    # Slutsky and Lakoba: official heart attacks, alleged killings
    ("abram-slutsky-assassination", "official", "claim", "list", ["natural_death"], ""),
    ("abram-slutsky-assassination", "allegation", "claim", "include", {"killing"}, ""),
    ("nestor-lakoba-assassination", "official", "claim", "list", ["natural_death"], ""),
    ("nestor-lakoba-assassination", "allegation", "claim", "include", {"killing"}, ""),
    # the NKVD's hand in Reich's murder is hedged
    ("zinaida-reich-assassination", "allegation", "perpetrator_org_id", "list", ["nkvd"], f"{REICH} ¶3: it was believed"),
    ("zinaida-reich-assassination", "allegation", "certainty", "list", ["alleged"], f"{REICH} ¶3: it was believed"),
]

# (table, {column: value} the rows match ({}: all), column, how, expected, locator)
VALUES = [
    ("tallies", dict(part_of="katyn-1940-shot-reference"), "best", "list", [3820, 4421, 6311, 7305], "reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857"),
    # no tally is an event
    ("events", {}, "event_id", "exclude", {"katyn-executions-1940-total", "great-purge-arrests", "great-purge-executions", "great-purge-toll"}, ""),
    ("events", dict(operation_id="katyn-1940"), "event_id", "include", {"katyn-politburo-order", "katyn-selections", "polish-prisoners-transfer"}, f"{K} ¶3, ¶5"),
    # the Kommandatura the perpetrator and the Politburo the orderer at Katyn
    ("org_roles", dict(event_id="katyn-massacre", role="perpetrator"), "org_id", "include", {"kommandatura"}, ""),
    ("org_roles", dict(event_id="katyn-massacre", role="ordered_by"), "org_id", "include", {"politburo"}, ""),
    ("org_roles", dict(event_id="katyn-selections", role="organiser"), "org_id", "include", {"nkvd-pow-department"}, ""),
    ("tallies", dict(part_of="great-purge-shot-reference"), "best", "list", [328618, 353074], ""),  # Birstein's yearly shootings
    # the Great Purge operation leaves out named executions
    ("events", dict(operation_id="great-purge"), "event_id", "include", {"nkvd-order-00447", "gulag-release-1938"}, ""),
    ("events", dict(operation_id="great-purge"), "event_id", "exclude", {"genrikh-yagoda-execution"}, ""),
    # the Trust lured Savinkov and Reilly
    ("events", dict(operation_id="operation-trust"), "event_id", "include", {"boris-savinkov-arrest", "sidney-reilly-arrest", "operation-trust-shutdown"}, ""),
    # the Trotsky operation has the raid and the killing
    ("events", dict(operation_id="trotsky-1938-1940"), "event_id", "include", {"leon-trotsky-attempt", "leon-trotsky-assassination", "trotsky-assassination-order"}, ""),
    ("org_roles", dict(event_id="leon-trotsky-attempt", role="perpetrator"), "org_id", "include", {"nkvd"}, ""),
    # Münzenberg: three rival theories
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival", perpetrator_org_id="nkvd"), "certainty", "list", ["alleged"], f"{MUNZENBERG} ¶4"),
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival", perpetrator_org_id="nkvd"), "claim", "list", ["killing"], f"{MUNZENBERG} ¶4"),
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival", perpetrator_org_id="gestapo"), "certainty", "list", ["disputed"], f"{MUNZENBERG} ¶4"),
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival", perpetrator_org_id="gestapo"), "claim", "list", ["killing"], f"{MUNZENBERG} ¶4"),
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival", claim="suicide"), "certainty", "list", ["disputed"], f"{MUNZENBERG} ¶4"),
    # Menzhinsky: the poison account names Yagoda
    ("accounts", dict(event_id="vyacheslav-menzhinsky-death", method="poison"), "perpetrator_id", "list", ["genrikh-yagoda"], ""),
]

# (table, {column: value} the rows match, number of rows, locator)
COUNTS = [
    ("accounts", dict(event_id="willi-munzenberg-death", kind="rival"), 3, f"{MUNZENBERG} ¶4"),
]

test_cells = cells(CELLS)
test_texts = texts(TEXTS)
test_accounts = accounts(ACCOUNTS)
test_values = values(VALUES)
test_counts = counts(COUNTS)


# ---- checks across rows and tables ---------------------------------------------------------------------

def test_katyn_camp_parts_add_up_to_the_reference_total(ds):
    # reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857
    parts = ds.tallies[ds.tallies.part_of == "katyn-1940-shot-reference"]
    assert parts.best.sum() == 21857 == tally(ds, "katyn-1940-shot-reference").best


def test_no_tally_id_is_an_event_id(ds):
    assert not set(ds.tallies.tally_id) & set(ds.events.event_id)


def test_every_official_account_has_claim_and_claimant(ds):
    official = ds.accounts[ds.accounts.kind == "official"]
    assert len(official) >= 12
    assert official.claim.notna().all() and official.claimed_by.notna().all()
