"""The findings of report 03 (notebooks/03-fates-of-officials.ipynb) rebuilt by hand from the raw rows of
data/, and the claims that state them (helpers.analyses.fates_claims): every expected value here is
counted from the CSV rows named in the comments, never computed by the code under test."""
from __future__ import annotations

import csv
import math

import pandas as pd

from helpers import Dataset, captions, evidence, fates, paths, survival
from helpers.analyses import fates_claims
from helpers.evidence.claims import Claim, Interval
from helpers.evidence.readings import sensitivity

T = pd.Timestamp


def gives_back(database, claim: Claim) -> bool:
    """Whether the claim's SQL gives its value on the export (as tests/test_claims_in_reports.py checks)."""
    got = database.execute(claim.sql).fetchone()
    value = claim.as_dict()["value"]
    if isinstance(value, dict):
        return tuple(got) == (value["low"], value["high"])
    if isinstance(value, float):
        return got[0] is not None and math.isclose(got[0], value, rel_tol=1e-9)
    return got[0] == value


def raw(name: str) -> dict[str, dict[str, str]]:
    """The rows of data/<name>.csv as the file holds them, by their first column."""
    with open(paths.ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return {row[next(iter(row))]: row for row in csv.DictReader(f)}


# --- 03 c6: what became of them, by the state ---------------------------------------------------

#: By hand from events.csv and roles.csv (subject rows): the deaths whose deciding evidence states a
#: Soviet hand. Executions by a Soviet organisation or at home (events.csv type execution, org nkvd, ogpu,
#: kommandatura or none, scope domestic, certainty stated): 29 of the 30, all but Sorge's
#: (richard-sorge-execution, org japan, abroad).
EXECUTED = {"alexei-rykov", "artur-artuzov", "borys-rodos", "filipp-medved", "genrikh-yagoda", "grigori-zinoviev",
            "isaac-babel", "jekabs-peters", "lavrenty-beria", "leonid-nikolayev", "leonid-zakovsky", "lev-kamenev",
            "mikhail-frinovsky", "mikhail-trilisser", "mikhail-tukhachevsky", "nikolai-bukharin", "nikolai-yezhov",
            "sergei-spiegelglas", "sidney-reilly", "stanislav-redens", "vania-zaporozhets", "vladimir-dekanozov",
            "vsevolod-merkulov", "vsevolod-meyerhold", "yakov-agranov", "yakov-blumkin", "yakov-davtyan",
            "yevgeny-miller", "zelman-passov"}
#: Deaths after an arrest with no release and no term that had run out: Syroezhkin (george-syroezhkin-arrest,
#: then -death) and Serebryansky (arrested again in 1953, died in Butyrka in 1956).
CUSTODY = {"george-syroezhkin", "yakov-serebryansky"}
#: Assassinations and killings with a Soviet doer stated (roles.csv perpetrator/organiser/ordered_by of the
#: apparatus or the party, or org_roles.csv nkvd): Borisov (org nkvd), Reiss, Trotsky (Mercader), Lakoba
#: (Beria), Ramishvili (Chanukvadze), Klement, Kirov (Yagoda, Zaporozhets), Konovalets (Sudoplatov), Kutepov
#: (the Yasha Group's agents). Not Slutsky (below).
KILLED = {"borisov", "ignace-reiss", "leon-trotsky", "nestor-lakoba", "noe-ramishvili",
          "rudolf-klement", "sergei-kirov", "yevhen-konovalets", "alexander-kutepov"}
#: The Soviet hand only alleged or disputed: Savinkov (boris-savinkov-assassination, alleged), Menzhinsky
#: (accounts.csv vyacheslav-menzhinsky-death--yagoda-poison, alleged), Sedov (roles.csv Zborowski, alleged),
#: Reich (zinaida-reich-assassination, alleged), Muenzenberg (willi-munzenberg-death--nkvd, alleged),
#: Lyushkov (genrikh-lyushkov-death, disputed: the NKVD or the Japanese), and Slutsky: the case file states his
#: killing (Zakovsky held him, abram-slutsky-assassination--injection), but an unofficial account says his heart
#: failed (abram-slutsky-assassination--heart, disputed: Mlechin via the reference, line 70).
DISPUTED = {"boris-savinkov", "vyacheslav-menzhinsky", "lev-sedov", "zinaida-reich", "willi-munzenberg",
            "genrikh-lyushkov", "abram-slutsky"}


def test_deaths_at_the_hands_of_the_state_are_an_interval(ds, database):
    claim = fates_claims.by_state_finding(ds, "all")
    # 29 + 2 + 9 = 40 stated; with the 7 disputed, 47. The old sentence ("48 of 68") counted killings
    # alleged plainly and those of Markin, Skoblin and Krivitsky, whose killer (or killing) is not stated.
    assert len(EXECUTED) + len(CUSTODY) + len(KILLED) == 40 and len(DISPUTED) == 7
    assert claim.value == Interval(40, 47) and claim.text == "between 40 and 47"
    assert set(claim.ids("fates")) == EXECUTED | CUSTODY | KILLED | DISPUTED
    assert gives_back(database, claim)
    # none of the four the fate rules now read otherwise is among them: Markin's manner is unknown
    # (events.csv valentin-markin-death, method unknown, stated; the killing only alleged), Skoblin's end is
    # contested (nikolai-skoblin-death, disputed: versions of a killing beside "unknown"), Krivitsky's too
    # (ruled a suicide, murder alleged; no doer named), and Mairanovsky's ten-year term from 1951
    # (grigory-mairanovsky-arrest, term_years 10) had run out by his death in 1964
    assert not {"valentin-markin", "nikolai-skoblin", "walter-krivitsky", "grigory-mairanovsky"} & set(claim.ids("fates"))


def test_the_state_finding_under_other_readings(ds):
    table = sensitivity(ds, fates_claims.by_state_finding, group="all").set_index("reading")
    # stated only: six of the disputed deaths rest on alleged or disputed rows, which the reading drops
    # (Savinkov is left imprisoned, Muenzenberg disappeared, Reich and Lyushkov with no death, Menzhinsky and
    # Sedov dead with no Soviet hand), and Slutsky's rival account (disputed) goes, so his stated killing is the
    # state's again: 40 + 1 = 41, the interval closes at 41
    assert table.loc["stated only", ["value", "changed"]].tolist() == ["41", True]
    # the reference's dates move no death in or out
    assert table.loc["the reference's dates", ["value", "changed"]].tolist() == ["between 40 and 47", False]
    assert table.loc["case file only", "changed"]


def test_what_became_names_the_others_the_contested_and_the_unknown_manners(ds):
    table = fates.fate_table(ds, "all")
    c = fates_claims.what_became(ds, table, fates.fate_counts(ds, table, "side"))
    assert [c[k].value for k in ("executed", "custody", "killed", "disputed")] == [29, 2, 9, 7]
    # by other hands: Uritsky (Kannegisser) and Sorge (hanged by Japan); Reich and Lyushkov, once listed
    # here, are disputed instead
    assert c["others_names"] == ["Moisei Uritsky", "Richard Sorge"]
    # contested (events.csv certainty alleged/disputed with rival manners in accounts.csv): Savinkov (1925),
    # Skoblin (1937/1938), Muenzenberg (1940-06), Krivitsky (1941-02-10), Pravdin (1970), by date
    assert c["contested_names"] == ["Boris Savinkov", "Nikolai Skoblin", "Willi Münzenberg", "Walter Krivitsky",
                                    "Vladimir Pravdin"]
    assert {"valentin-markin", "grigory-mairanovsky", "lev-sedov"} <= set(c["no_manner"].ids("fates"))
    assert set(c["custody"].ids("fates")) == CUSTODY
    # A death in custody counts as the state's whatever its cause, so each is said with its cause (events.csv
    # method): george-syroezhkin-death has none ("manner not stated"), yakov-serebryansky-death illness (a heart
    # attack under interrogation, 1956). A reader took "2 dead in the custody" for two killings.
    assert c["custody_names"] == ["George Syroezhkin: no cause given", "Yakov Serebryansky: illness"]
    words = captions.fates.what_became(c, fates_claims.by_state_finding(ds, "all")).text
    assert ("29 executed and 2 dead in the custody of a Soviet organisation, which counts whatever the cause (George "
            "Syroezhkin: no cause given and Yakov Serebryansky: illness), 9 killed by a Soviet doer") in words


# --- 03 c15: cover stories -----------------------------------------------------------------------

def test_official_accounts_of_deaths_by_hand(ds):
    accounts = raw("accounts")
    events = raw("events")
    official = {a["event_id"] for a in accounts.values() if a["kind"] == "official"
                and events[a["event_id"]]["type"] in ("execution", "assassination", "suicide", "death")}
    # accounts.csv rows of kind official on a death: Savinkov, Kirov, Lakoba, Slutsky, Muenzenberg, Blokhin,
    # Krivitsky. Menzhinsky's death has none: his rows are a rival (illness) and an allegation. Nor has
    # Reich's: the case file (Reich ¶2) says only that the killers staged a robbery, never that the
    # authorities adopted the story, so zinaida-reich-assassination--official is a rival account.
    assert official == {"boris-savinkov-assassination", "sergei-kirov-assassination", "nestor-lakoba-assassination",
                        "abram-slutsky-assassination", "willi-munzenberg-death", "vasily-blokhin-death",
                        "walter-krivitsky-death"}
    assert set(fates.cover_stories(ds).event_id) == official


def test_cover_stories_covered_the_states_hand_in_three(ds, database):
    claim = fates_claims.cover_finding(ds, "all")
    # Denied a killing stated plainly: Lakoba (official natural death; nestor-lakoba-assassination stated,
    # Beria perpetrator) and Slutsky (official heart attack; Zakovsky perpetrator), though a rival account
    # (abram-slutsky-assassination--heart, disputed) says his heart did fail: his by_state is disputed.
    # Hid the state's hand: Kirov (the official account blames Nikolayev; Yagoda and Zaporozhets organisers,
    # stated: yes). Reich's burglary story is no official account (see above): 2 to 3.
    assert claim.value == Interval(2, 3) and claim.text == "between 2 and 3"
    assert set(claim.ids("fates")) == {"nestor-lakoba", "abram-slutsky", "sergei-kirov"}
    assert gives_back(database, claim)
    c = fates_claims.cover_claims(ds, fates.cover_stories(ds), fates.fate_table(ds, "all"))
    # the old sentence said 9 accounts, 6 denials: Menzhinsky's invented account and contested ends
    # counted as denials. Now: 7; 2 denied, 1 hid the hand, 3 one version of a contested end (Savinkov,
    # Muenzenberg, Krivitsky), 1 contradicts nothing (Blokhin: no cause in the data)
    assert [c[k].value for k in ("covers", "denied", "shifted", "contested", "plain")] == [7, 2, 1, 3, 1]
    assert c["contested_names"] == ["Boris Savinkov", "Willi Münzenberg", "Walter Krivitsky"]
    assert c["cover_disputed_names"] == ["Abram Slutsky"]  # said once, with the rival account (below)
    # Of the two denials, only Slutsky's killing is doubted by another account: the reference's rival
    # (data/accounts.csv abram-slutsky-assassination--heart, natural death, disputed); Lakoba's accounts
    # are the official one and the case file's poisoning.
    assert c["denied_doubted_names"] == ["Abram Slutsky"]
    # Blokhin's official suicide is itself only alleged (accounts.csv vasily-blokhin-death--official: alleged,
    # from an old copy of a wiki page): said beside the count it stands in.
    assert c["official_doubted_names"] == ["Vasily Blokhin"]
    words = captions.fates.cover_stories(c, claim).text
    assert ("that a source states plainly in 2 (Nestor Lakoba and Abram Slutsky), though another account doubts the "
            "killing of Abram Slutsky (last column), and") in words
    assert "the sources state plainly" not in words and "the state's hand is only alleged or disputed for" not in words
    assert "; the official account itself is only alleged for Vasily Blokhin." in words
    # Kirov's hidden hand rests on the case file's roles alone (events.csv sergei-kirov-assassination and its roles:
    # Stalin ordered, Yagoda and Zaporozhets organised; the reference names no Soviet doer): the historians' 03 c15.
    assert "in 1 (Sergei Kirov), the Soviet doers named in the case file alone." in words
    assert all(gives_back(database, v) for v in c.values() if isinstance(v, Claim))


def test_the_cover_finding_under_stated_evidence_alone(ds):
    table = sensitivity(ds, fates_claims.cover_finding, group="all").set_index("reading")
    # Lakoba, Slutsky and Kirov rest on stated rows of the case file; the only doubt, Slutsky's rival heart
    # failure, is disputed and the reference's: either reading drops it, and the interval closes at 3
    assert table.loc["stated only", ["value", "changed"]].tolist() == ["3", True]
    assert table.loc["case file only", ["value", "changed"]].tolist() == ["3", True]


# --- 03 c11: entry into the organs -------------------------------------------------------------

#: positions.csv: the posts with no start whose holder a source shows in them at a date (`attested`).
ATTESTED = {
    "sergei-spiegelglas--chief-undercover-agent": "1930",                  # Miller ¶4: chief undercover agent in 1930
    "walter-krivitsky--secret-police-agent": "1929/1932",                  # Reiss ¶1: Reiss's associate, 1929-1932
    "nikolai-skoblin--secret-police-agent": "1923-11-15/1934-07-10",       # Miller ¶3: recruited for the OGPU
    "filipp-medved--leningrad-nkvd-head": "1934-12-01",                    # Kirov ¶1, ¶4: chief when Kirov was shot
    "borisov--kirov-bodyguard": "1934-12-01",                              # Kirov ¶3
    "nikonovich--first-deputy-assistant": "1938-08",                       # Slutsky ¶5
    "soprunenko--pow-department-head": "1940-03",                          # Katyn ¶3
    "borys-rodos--secret-police-interrogator": "1939-05-15/1939",          # Fall of Yezhov ¶4: after Babel's arrest
    "mark-zborowski--secret-police-agent": "1938-01-01/1938-02-08",        # Klement ¶1, Trotsky ¶5: before Sedov's death
    "valentin-markin--secret-police-agent": "1929/1932",                   # Reiss ¶1: Reiss's contact, 1929-1932
}


def test_service_attested_without_a_start_dates_the_entry(ds):
    rows = raw("positions")
    for position_id, attested in ATTESTED.items():
        assert rows[position_id]["start"] == "" and rows[position_id]["attested"] == attested, position_id
    e = fates.entries(ds).set_index("person_id")
    # Krivitsky and Skoblin entered in 1937 by their first dated evidence (walter-krivitsky-reassignment,
    # trial-of-the-generals); the case file shows them serving years before: Krivitsky some time in
    # 1929-1932, Skoblin while the OGPU existed (it ended on 1934-07-10: organisations.csv ogpu)
    assert e.loc["walter-krivitsky", ["entry_earliest", "entry_latest", "dated_by", "entry_era"]].tolist() == [
        T("1929-01-01"), T("1932-12-31"), "attested", "Menzhinsky"]
    assert e.loc["nikolai-skoblin", ["entry_earliest", "entry_latest", "dated_by", "entry_era"]].tolist() == [
        T("1923-11-15"), T("1934-07-10"), "attested", "Menzhinsky"]
    # Spiegelglas: in 1930, not first as Slutsky's deputy (1934-12/1938-02)
    assert e.loc["sergei-spiegelglas", ["entry_earliest", "entry_latest", "evidence"]].tolist() == [
        T("1930-01-01"), T("1930-12-31"), "sergei-spiegelglas--chief-undercover-agent"]
    # Medved and Borisov, once left out (no dated evidence), enter on 1934-12-01
    assert e.loc[["filipp-medved", "borisov"], "entry"].tolist() == [T("1934-12-01"), T("1934-12-01")]
    # Zborowski entered with Trotsky's murder (1940-08-21, a reader's "wrong" 03 c13); the case file has him
    # Sudoplatov's agent at Sedov's side in 1938, before Sedov's death on 8 February: the Yezhov era
    assert e.loc["mark-zborowski", ["entry_earliest", "entry_latest", "dated_by", "entry_era"]].tolist() == [
        T("1938-01-01"), T("1938-02-08"), "attested", "Yezhov"]


def test_the_yezhov_cohort_no_longer_lasts_least(ds):
    surv = survival.survival_table(ds, "death")
    medians = survival.km_medians(ds, surv, "era")
    # The Yezhov cohort (entry midpoints from 1936-09-26 to 1938-11-25): Zakovsky, Pravdin, Passov,
    # Taubman, Korotkov, the Turk, Nikonovich, Merkulov, Mairanovsky = 9; two deaths before 22 June 1941
    # (Zakovsky 1938-08-29 after 1.16 years, Passov 1940-02-15 after 1.67), none of the others earlier:
    # S = 8/9 x 7/8 = 7/9, never a half: no median. Krivitsky and Skoblin, who died in it, now enter earlier;
    # Zborowski (attested at Sedov's side, 1938-01-01/1938-02-08, data 0.5.0; died 1990) joins it, censored:
    # 10 people, S = 9/10 x 8/9 = 8/10, still no median.
    assert set(surv.person_id[surv.era == "Yezhov"]) == {
        "leonid-zakovsky", "vladimir-pravdin", "zelman-passov", "ale-taubman", "alexander-korotkov", "the-turk",
        "nikonovich", "vsevolod-merkulov", "grigory-mairanovsky", "mark-zborowski"}
    assert medians.loc["Yezhov", ["people", "events"]].tolist() == [10, 2]
    assert math.isinf(medians.loc["Yezhov", "median_years"])
    # The Yagoda cohort: Slutsky (entry 1935-10-29, killed 1938-02-17: 842 days), Medved (1934-12-01, shot
    # July 1937, midpoint 1937-07-16: 958 days), Borisov (1934-12-01; killed at an undated day up to the
    # coverage's end, midpoint 1938-03-12: 1197 days), Frinovsky (1936-04-05 to 1940-02-04: 1400 days),
    # Yezhov (1935-10-10 to 1940-02-04: 1578 days), Sudoplatov (censored at 1941-06-22). Deaths one by one
    # of 6, 5, 4 at risk: S = 5/6, 4/6, 3/6 = 1/2 at Borisov's 1197 days = 3.28 years -> 3.3
    assert medians.loc["Yagoda", ["people", "events", "median_years"]].tolist() == [6, 5, 3.3]


def test_a_curve_that_reaches_one_half_exactly_has_its_median_there(ds):
    # six people, deaths at 1, 2 and 3 years and three censored later: S = 5/6, 4/6, 3/6 after 3 years,
    # exactly a half. lifelines' own median (through summed logs) lands a hair above 0.5 and says 4.
    table = pd.DataFrame({"era": "Yagoda", "name": list("abcdef"), "years": [1.0, 2, 3, 4, 5, 6],
                          "years_shortest": [1.0, 2, 3, 4, 5, 6], "years_longest": [1.0, 2, 3, 4, 5, 6],
                          "observed": [True, True, True, False, False, False]})
    assert survival.km_medians(ds, table, "era").loc["Yagoda", "median_years"] == 3.0


def test_survival_claims_name_the_rule_and_give_their_values_back(ds, database):
    for event in ("death", "arrest"):
        for cohort in ("era", "level"):
            surv = survival.survival_table(ds, event)
            medians = survival.km_medians(ds, surv, cohort)
            c = fates_claims.survival_claims(ds, surv, medians, fates.unplaced(ds), cohort)
            assert all(gives_back(database, v) for v in c.values() if isinstance(v, Claim)), (event, cohort)
    # the ten who enter by an attested day (ATTESTED), and the three left out (test_fates)
    assert c["attested"].value == 10 and c["left_out"].value == 3
    assert c["undated_names"] == []
    words = captions.fates.survival(c, medians, pd.Timestamp("1941-06-22"), "death").text
    assert ("**3 members of the apparatus have no dated evidence of service and are left out**: 3 with no post, "
            "appointment or act in the organs at all (Alexander Shelepin, Grigory Yeremenyevich and Richard Sorge). ") in words
    # Were Rodos's post undated again (data 0.4.0), both kinds are said, his first
    rows = ds.positions.copy()
    rows.loc[rows.position_id == "borys-rodos--secret-police-interrogator",
             ["attested", "attested_earliest", "attested_latest", "attested_precision"]] = None
    older = Dataset(descriptor=ds.descriptor, tables={**ds.tables, "positions": rows})
    surv = survival.survival_table(older, "death")
    c = fates_claims.survival_claims(older, surv, survival.km_medians(older, surv, "era"), fates.unplaced(older), "era")
    words = captions.fates.survival(c, survival.km_medians(older, surv, "era"), pd.Timestamp("1941-06-22"), "death").text
    assert ("**4 members of the apparatus have no dated evidence of service and are left out**: 1 whose posts in the "
            "organs carry no date (Borys Rodos), 3 with no post, appointment or act in the organs at all") in words


def test_every_other_claim_gives_its_value_back(ds, database):
    table = fates.fate_table(ds, "all")
    kills = fates.links(ds, "all")
    chain = fates.longest_chain(kills)
    found = {**fates_claims.what_became(ds, table, fates.fate_counts(ds, table, "side")),
             **fates_claims.age_claims(ds, survival.ages(ds)),
             **fates_claims.graph_claims(ds, kills, fates.kill_graph(ds, kills), fates.turned_victims(ds, "all"), chain),
             **fates_claims.method_claims(ds, fates.death_methods(ds, "all")),
             "rival": fates_claims.rival_ends(ds, table), "spanning": fates_claims.spanning(ds)}
    assert all(gives_back(database, v) for v in found.values() if isinstance(v, Claim))
    # the longest chain: Beria (or Blokhin) -> Frinovsky -> Zakovsky -> Slutsky -> Reiss or Miller
    # (test_longest_chain_on_the_data): five people
    assert found["chain"].value == 5
    # 17 struck first and were struck later (test_fates: the 14 of the apparatus, and Reilly, Savinkov and
    # Nikolayev of the targets); 3 rest on alleged or disputed evidence (Menzhinsky, Spiegelglas, and Zakovsky,
    # whose one act, Slutsky's killing, a rival account says was a heart failure): between 14 and 17
    assert found["turned"].text == "between 14 and 17"
    assert found["turned_doubtful"] == ["Vyacheslav Menzhinsky", "Leonid Zakovsky", "Sergei Spiegelglas"]
    words = captions.fates.kill_graph(found).text
    assert "Of the group, between 14 and 17 people struck first and were struck later (red; listed below): for " \
           "Vyacheslav Menzhinsky, Leonid Zakovsky and Sergei Spiegelglas the act or the later blow is only alleged, or " \
           "stated but disputed by another account" in words
    # Of the 17, only Zborowski's later blow was no Soviet hand's: events.csv mark-zborowski-trial, a US court's
    # perjury conviction (abroad, no organisation, no doer); the others' arrests, trials and deaths are the OGPU's
    # or the NKVD's, or at home with none named (Beria's and Sudoplatov's arrests of 1953).
    assert found["turned_elsewhere"] == [("Mark Zborowski", "Perjury conviction of Mark Zborowski", "United States")]
    assert (" Mark Zborowski was struck later by no Soviet hand (Perjury conviction of Mark Zborowski, United "
            "States).") in words
    # The rule's edges: Japan's hanging of Sorge is no Soviet hand; the OGPU's arrest of Savinkov and the arrest of
    # Beria at home with no organisation named are.
    assert evidence.fates.soviet_hands(ds, ["richard-sorge-execution", "boris-savinkov-arrest", "lavrenty-beria-arrest",
                                            "no-such-event"]) == {"boris-savinkov-arrest", "lavrenty-beria-arrest"}
    # The chain's link Zakovsky -> Slutsky rests on that disputed killing, and the caption says so.
    assert found["chain_doubtful"] == ["Leonid Zakovsky → Abram Slutsky"]
    assert ("; the link Leonid Zakovsky → Abram Slutsky rests on a killing only alleged, or stated but disputed by "
            "another account.") in words
    # the violent deaths counted whoever's the hand: the contested ends whose event gives a violent method,
    # Savinkov (defenestration), Muenzenberg (hanging), Krivitsky (shooting); Skoblin's and Markin's give
    # none (method unknown), so they are no violent deaths here
    assert found["contested_names"] == ["Boris Savinkov", "Willi Münzenberg", "Walter Krivitsky"]
    # the deaths in Soviet custody are among the violent by the fate rules, whatever their cause: said so, by name
    # (events.csv george-syroezhkin-death, no method; yakov-serebryansky-death, illness; a reader's 03 c20)
    deaths = fates.death_methods(ds, "all")
    methods = fates_claims.method_claims(ds, deaths)
    assert (methods["custody"].value, methods["custody_names"]) == (2, ["George Syroezhkin", "Yakov Serebryansky"])
    assert ("and 2 of them deaths in the custody of a Soviet organisation, counted whatever their cause (George "
            "Syroezhkin and Yakov Serebryansky);") in captions.fates.how_they_died(methods).text
    none = fates_claims.method_claims(ds, deaths[deaths.fate != "died_in_custody"])
    assert "custody" not in captions.fates.how_they_died(none).text  # none in custody: nothing said


def test_the_states_deaths_after_the_case_files_account_are_named(ds):
    # events.csv: the state's deaths (by_state yes or disputed) after 22 June 1941, the case file's last day, all
    # the reference's rows: Lyushkov (1945-08-19, disputed), Beria, Dekanozov, Merkulov (executed 1953-12-23),
    # Serebryansky (died in custody 1956-03-30), Rodos (executed 1956-04-20): 6, by date.
    table = fates.fate_table(ds, "all")
    c = fates_claims.what_became(ds, table, fates.fate_counts(ds, table, "side"))
    assert c["later"].value == 6 and c["account_ends"] == pd.Timestamp("1941-06-22")
    assert c["later_names"] == ["Genrikh Lyushkov", "Lavrenty Beria", "Vladimir Dekanozov", "Vsevolod Merkulov",
                                "Yakov Serebryansky", "Borys Rodos"]
    words = captions.fates.what_became(c, fates_claims.by_state_finding(ds, "all")).text
    assert "6 of them came after the case file's account ends (22 June 1941), in the reference (Genrikh Lyushkov," in words


def test_the_youngest_death_names_the_birth_in_dispute(ds):
    from helpers import survival
    # people.csv: Yakov Blumkin born 1900-03-12, shot 1929-11-03: 29, the youngest of the 37 dead with a birth date;
    # attestations.csv: yakov-blumkin--born--ref (1900-03-25) and --ref-2 (1898, BSE 1927), agrees false: at 31 on
    # the 1898 date. Nine members have such a rival birth: Mairanovsky, Beria, Zborowski, Skoblin, Spiegelglas,
    # Pravdin, Merkulov, Blumkin, Serebryansky (attestations.csv, field born, agrees false, by hand).
    c = fates_claims.age_claims(ds, survival.ages(ds))
    assert (c["youngest"].value, c["youngest_name"]) == (29, "Yakov Blumkin")
    assert c["youngest_rival_births"] == [("yakov-blumkin", "1898"), ("yakov-blumkin", "1900-03-25")]
    assert c["rival_births"].value == 9
    words = captions.fates.ages(c).text
    assert ("the youngest at 29 (Yakov Blumkin, born 12 Mar 1900 by the data's date; another source gives 1898 or "
            "25 Mar 1900). Another source dates the birth of 9 of them otherwise") in words


def test_deaths_told_as_killings_with_no_doer_are_said_apart(ds, database):
    # accounts.csv, claim killing with neither perpetrator_id nor perpetrator_org_id: Skoblin's --orlov and --kuban
    # (disputed), Krivitsky's --murder (alleged), Markin's --krivitsky (alleged): their deaths have by_state no, so
    # the upper bound of "between 40 and 47" leaves them out (the historians' 03 c6: Skoblin's Soviet versions).
    # Reich's --robbery names no doer either, but her death is the state's on doubt already; Zakovsky's is plain;
    # Schildbach only disappeared (no death). By date: Markin (1934), Skoblin (1937/1938), Krivitsky (1941-02-10).
    table = fates.fate_table(ds, "all")
    c = fates_claims.what_became(ds, table, fates.fate_counts(ds, table, "side"))
    assert c["no_hand_names"] == ["Valentin Markin", "Nikolai Skoblin", "Walter Krivitsky"]
    assert set(c["no_hand"].ids("accounts")) == {"nikolai-skoblin-death--orlov", "nikolai-skoblin-death--kuban",
                                                  "walter-krivitsky-death--murder", "valentin-markin-death--krivitsky"}
    words = captions.fates.what_became(c, fates_claims.by_state_finding(ds, "all")).text
    assert ("Not counted as the state's: deaths an account tells as a killing (only alleged or disputed) with no doer "
            "the data holds, person or organisation (an account may name one the data does not hold, and its note says "
            "why): 3 (Valentin Markin, Nikolai Skoblin and Walter Krivitsky).") in words
