"""Fact tests for part E: the Katyn, Münzenberg and Trotsky sections of case-file-0121.

One fact per row; the kinds of table and their columns are described in factcheck.py.
"""
import pandas as pd

from factcheck import KATYN, MUNZENBERG, TROTSKY, accounts, aliases, cells, roles, values

# (table, id, field, expected value, locator)
CELLS = [
    ("events", "molotov-ribbentrop-pact", "date", "1939-08-23", f"{KATYN} ¶1"),
    ("events", "molotov-ribbentrop-pact", "type", "context", f"{KATYN} ¶1"),
    ("events", "soviet-invasion-of-poland", "date", "1939-09-17", f"{KATYN} ¶1"),
    ("events", "polish-prisoners-transfer", "precision", "interval", f"{KATYN} ¶2"),
    ("events", "polish-prisoners-transfer", "start", pd.Timestamp("1939-10-01"), f"{KATYN} ¶2"),
    ("events", "polish-prisoners-transfer", "end", pd.Timestamp("1940-02-29"), f"{KATYN} ¶2"),
    ("events", "katyn-politburo-order", "date", "1940-03-05", f"{KATYN} ¶3"),
    ("events", "katyn-politburo-order", "type", "order", f"{KATYN} ¶3"),
    ("events", "katyn-politburo-order", "org_id", "politburo", f"{KATYN} ¶3"),
    # the Katyn death toll and dates
    ("events", "katyn-massacre", "type", "massacre", f"{KATYN} ¶3, ¶5"),
    ("events", "katyn-massacre", "deaths_best", 12000, f"{KATYN} ¶3, ¶5"),  # "In total, 12,000": a round figure
    ("events", "katyn-massacre", "deaths_qualifier", "about", f"{KATYN} ¶3, ¶5"),
    ("events", "katyn-massacre", "operation_id", "katyn-1940", f"{KATYN} ¶3, ¶5"),
    ("events", "katyn-massacre", "start", pd.Timestamp("1940-04-04"), f"{KATYN} ¶3, ¶5"),
    ("events", "katyn-massacre", "end", pd.Timestamp("1940-05-31"), f"{KATYN} ¶3, ¶5"),
    # Blokhin's Kalinin shootings: a lower bound only
    ("events", "kalinin-prison-shootings", "deaths_low", 7000, f"{KATYN} ¶5"),  # "upwards of 7,000"
    ("events", "kalinin-prison-shootings", "deaths_qualifier", "at_least", f"{KATYN} ¶5"),
    ("events", "kalinin-prison-shootings", "deaths_best", pd.NA, f"{KATYN} ¶5"),
    ("events", "kalinin-prison-shootings", "deaths_high", pd.NA, f"{KATYN} ¶5"),
    ("events", "kalinin-prison-shootings", "org_id", "kommandatura", f"{KATYN} ¶5"),
    ("events", "willi-munzenberg-appointment", "date", "1919/1920", f"{MUNZENBERG} ¶1"),  # head of the youth international
    ("events", "willi-munzenberg-appointment", "org_id", "young-communist-international", f"{MUNZENBERG} ¶1"),
    ("events", "willi-munzenberg-release", "date", "1940-06", f"{MUNZENBERG} ¶3"),  # his escape
    ("events", "willi-munzenberg-release", "precision", "month", f"{MUNZENBERG} ¶3"),
    ("events", "willi-munzenberg-discovery", "date", "1940-10-17", f"{MUNZENBERG} ¶3"),  # the body found
    ("events", "willi-munzenberg-discovery", "type", "discovery", f"{MUNZENBERG} ¶3"),
    ("events", "willi-munzenberg-death", "type", "death", f"{MUNZENBERG} ¶4"),
    ("events", "willi-munzenberg-death", "certainty", "disputed", f"{MUNZENBERG} ¶4"),
    ("events", "vladimir-lenin-death", "date", "1924-01-21", f"{TROTSKY} ¶1"),
    # Trotsky expelled from the Central Committee, then from the party
    ("events", "leon-trotsky-dismissal-cc", "date", "1927-10", f"{TROTSKY} ¶2"),
    ("events", "leon-trotsky-dismissal-party", "date", "1927-11-12", f"{TROTSKY} ¶2"),
    ("events", "leon-trotsky-dismissal-party", "type", "dismissal", f"{TROTSKY} ¶2"),
    ("events", "leon-trotsky-exile", "date", "1929-02", f"{TROTSKY} ¶2"),
    ("events", "leon-trotsky-exile", "country", "Turkey", f"{TROTSKY} ¶2"),
    # the raid on the villa
    ("events", "leon-trotsky-attempt", "date", "1940-05-24", f"{TROTSKY} ¶4"),
    ("events", "leon-trotsky-attempt", "method", "raid", f"{TROTSKY} ¶4"),
    ("events", "leon-trotsky-attempt", "country", "Mexico", f"{TROTSKY} ¶4"),
    ("events", "lev-sedov-death", "date", "1938-02-08", f"{TROTSKY} ¶5"),
    # Trotsky killed with an ice axe by Mercader
    ("events", "leon-trotsky-assassination", "date", "1940-08-21", f"{TROTSKY} ¶5 (the blow, 20 August) and ¶6 (died the next day)"),
    ("events", "leon-trotsky-assassination", "method", "ice_axe", f"{TROTSKY} ¶5 (the blow, 20 August) and ¶6 (died the next day)"),
    ("events", "operation-barbarossa", "date", "1941-06-22", f"{TROTSKY} ¶6"),
]

# (event_id, role, "include" / "are", person_ids, locator)
ROLES = [
    ("soviet-invasion-of-poland", "ordered_by", "include", {"joseph-stalin"}, f"{KATYN} ¶1"),
    ("polish-prisoners-transfer", "ordered_by", "include", {"lavrenty-beria"}, f"{KATYN} ¶2"),
    ("katyn-selections", "organiser", "include", {"soprunenko"}, f"{KATYN} ¶3"),
    ("katyn-massacre", "ordered_by", "include", {"joseph-stalin", "lavrenty-beria"}, f"{KATYN} ¶3"),
    ("katyn-massacre", "perpetrator", "include", {"vasily-blokhin"}, f"{KATYN} ¶3"),
    ("kalinin-prison-shootings", "perpetrator", "include", {"vasily-blokhin"}, f"{KATYN} ¶5"),
    ("trotsky-assassination-order", "ordered_by", "include", {"joseph-stalin"}, f"{TROTSKY} ¶4"),
    ("leon-trotsky-assassination", "organiser", "include", {"pavel-sudoplatov"}, f"{TROTSKY} ¶4"),  # Sudoplatov commanded
    ("leon-trotsky-assassination", "accomplice", "include", {"gaik-ovakimian", "sylvia-ageloff"}, f"{TROTSKY} ¶4 (Ovakimian); ¶5 and ¶6 (Ageloff)"),
    ("leon-trotsky-assassination", "perpetrator", "include", {"ramon-mercader"}, f"{TROTSKY} ¶5 (the blow, 20 August) and ¶6 (died the next day)"),
    ("operation-barbarossa", "ordered_by", "include", {"adolf-hitler"}, f"{TROTSKY} ¶6"),
]

# (event_id, kind of account (None: all), column, how, expected, locator)
ACCOUNTS = [
    ("willi-munzenberg-death", "official", "claim", "list", ["suicide"], f"{MUNZENBERG} ¶4"),
]

# (table, {column: value} the rows match, column, how, expected, locator)
VALUES = [
    # Zborowski's part in Sedov's death is only alleged
    ("roles", dict(event_id="lev-sedov-death", person_id="mark-zborowski"), "certainty", "are", {"alleged"}, f"{TROTSKY} ¶5"),
]

# (name, person_id, locator)
ALIASES = [
    ("Munzenberg", "willi-munzenberg", f"{MUNZENBERG} ¶1"),
    ("Willi Munzenberg", "willi-munzenberg", f"{MUNZENBERG} ¶1"),
    ("Ramon Mercador", "ramon-mercader", f"{TROTSKY} ¶4, ¶5"),
    ("Etienne", "mark-zborowski", f"{TROTSKY} ¶4, ¶5"),
    ("Puppetmaster", "gaik-ovakimian", f"{TROTSKY} ¶4, ¶5"),
]

test_cells = cells(CELLS)
test_roles = roles(ROLES)
test_accounts = accounts(ACCOUNTS)
test_values = values(VALUES)
test_aliases = aliases(ALIASES)
