"""Findings of reports 00 and 01 true under doubt: each source's rows counted apart, the years a source
skips never read as quiet, one counting rule for both reports, counts per period with their band, and
the finding functions under every reading. Every expected value is counted by hand from data/*.csv
(the rows named in the comments), never computed by the code under test."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers
import helpers.evidence.readings as readings
from helpers import cadence, captions, overview, paths
from helpers.data import vocabulary
from helpers.evidence import coverage

T = pd.Timestamp
FIRST, LAST = T("1917-01-01"), T("1941-12-31")


def violent(ds) -> tuple:
    return vocabulary.violent_methods(ds.descriptor)


# --- 01 c23: sources mixed under one name ------------------------------------------------------

def test_the_case_files_victims_are_counted_from_its_own_rows(ds):
    f = cadence.apparatus_victims(ds, FIRST, LAST)
    # The case file's domestic killings 1917-1941 in data/events.csv (source case-file-0121), each thing once:
    # Uritsky, the Red Terror, the Georgian uprising, Savinkov, Reilly, Blumkin, Borisov, Kirov, Zaporozhets,
    # Nikolayev, Zinoviev, Kamenev, Lakoba, Artuzov, Tukhachevsky, Slutsky, Rykov, Bukharin, Yagoda, Frinovsky's
    # officers (holding Zakovsky, whom it names among them), Miller, Reich, Meyerhold, Trilisser, Frinovsky,
    # Yezhov, Katyn (katyn-massacre and kalinin-prison-shootings, one) = 27. Of them, members of the apparatus
    # killed by the state: Blumkin, Borisov, Zaporozhets, Artuzov, Slutsky, Yagoda, Zakovsky (in Frinovsky's
    # officers), Trilisser, Frinovsky, Yezhov = 10. Uritsky is apparatus but shot by an anti-Bolshevik
    # (fate by_state no): left out.
    assert f.text == "10 of 27" and f.value == pytest.approx(10 / 27)
    assert f.sources == {"case-file-0121"}
    assert "moisei-uritsky" not in f.ids("people") and len(f.ids("people")) == 10
    found = cadence.victim_claims(ds, FIRST, LAST)
    # With the reference's rows (source reference-facts) inside the window: Medved (1937-07), Peters (1938-04-25),
    # Davtyan (1938-07), Agranov (1938-08-01), Redens (1940-01-21), Babel (1940-01-27), Passov (1940-02-15),
    # Spiegelglas (1941-01-29) = 8 more killings, all apparatus but Babel: 27 + 8 = 35 and 10 + 7 = 17.
    assert found["added"].value == 8
    assert found["mixed"].text == "17 of 35"
    assert found["not_by_state"].person_id.tolist() == ["moisei-uritsky"]
    # Of the case file's 10, Slutsky's death is the state's only on doubt (fate by_state disputed: accounts.csv
    # abram-slutsky-assassination--heart says heart failure): named beside the count (the historians' 01 c23).
    assert found["on_doubt"] == ["Abram Slutsky"]
    # Of the case file's 27, 4 are killings of many people, each one row (events.csv type massacre: red-terror,
    # georgian-uprising-suppression, and katyn-massacre with kalinin-prison-shootings as one; and
    # frinovsky-officer-shootings, which names no subject, Zakovsky among its victims in roles.csv): the historians'
    # 01 c23, "4 of the 27 are collective". Single killings name their subject: Reilly's is not among them.
    assert found["many"].value == 4
    assert found["many_ids"] == ["red-terror", "georgian-uprising-suppression", "frinovsky-officer-shootings",
                                 "katyn-1940:massacre"]
    # After the window, the reference's Beria, Merkulov, Dekanozov (1953-12-23) and Rodos (1956-04-20).
    assert found["outside"] == ["borys-rodos-execution", "lavrenty-beria-execution", "vladimir-dekanozov-execution",
                                "vsevolod-merkulov-execution"]


def test_the_victims_finding_under_every_reading(ds):
    table = readings.sensitivity(ds, cadence.apparatus_victims, first=FIRST, last=LAST).set_index("reading")
    # Case file only and the reference's dates leave the case file's 27 killings as they are (no rival date
    # moves one out of 1917-1941); stated only drops Savinkov's and Reich's alleged killings: 10 of 25.
    assert table.value.to_dict() == {"as recorded": "10 of 27", "case file only": "10 of 27", "stated only": "10 of 25",
                                     "the reference's dates": "10 of 27"}
    finding = readings.with_readings(cadence.apparatus_victims(ds, FIRST, LAST), table.reset_index())
    kills = cadence.killings(cadence.select(ds.events, ds.roles, scope="domestic", first=FIRST, last=LAST), violent(ds))
    disputed = cadence.disputed_dates(ds, kills)
    moved = cadence.moved_killings(disputed)
    text = captions.cadence.victims(finding, cadence.victim_claims(ds, FIRST, LAST),
                                    cadence.disputed_claims(ds, kills, disputed, moved), moved).text
    assert "10 of 27 domestic killings in the case file" in text
    assert "17 of 35 in the case file and the reference" in text
    assert ("Among the case file's, the state's hand rests only on alleged evidence, or on a killing another account "
            "disputes, for Abram Slutsky.") in text
    assert ("Each thing counts once, so 4 of the case file's killings are killings of many people, each counted as one "
            "(") in text
    assert "Another reading changes the case file's count (stated only" in text
    assert "Moisei Uritsky" in text


def test_the_national_table_counts_each_source_apart(ds):
    table, _ = cadence.align_national(cadence.select(ds.events, ds.roles, scope="domestic"), ds.convictions_by_year,
                                      violent(ds))
    # 1938: the case file's Slutsky, Rykov, Bukharin, Yagoda, Frinovsky's officers = 5; the reference's Peters,
    # Davtyan, Agranov = 3. 1940: the case file's Meyerhold, Trilisser, Frinovsky, Yezhov, Katyn = 5; the
    # reference's Redens, Babel, Passov = 3.
    assert table.loc[[1938, 1940], ["killings", "other_killings"]].values.tolist() == [[5, 3], [5, 3]]


# --- 01 c12, c13: years the source skips are not quiet ------------------------------------------

def test_no_interval_is_quiet_where_the_source_is_silent_or_the_series_shows_killing(ds):
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    dated, _ = cadence.dated_killings(cadence.killings(events, violent(ds)))
    years = coverage.years(ds, 1917, 1941)
    spells = cadence.quiet_spells(cadence.gaps(dated), n=3, mass=cadence.mass_killings(ds, FIRST, LAST), years=years)
    s = spells.set_index("after")
    # Reilly (5 Nov 1925) -> Blumkin (3 Nov 1929): the case file has no section dated 1926-1928
    # (data/sections.csv); data/convictions_by_year.csv (mvd) gives 990 + 2,363 + 869 = 4,222 death sentences.
    reilly = s.loc["sidney-reilly-execution"]
    assert (reilly.silent, reilly.death_sentences, reilly.sentence_years, reilly.quiet) == ("1926–1928", 4222,
                                                                                             "1926–1928", False)
    # Ramishvili (7 Dec 1930) -> Kirov (1 Dec 1934): no section dated 1931-1933; 10,651 + 2,728 + 2,154 = 15,533.
    ramishvili = s.loc["noe-ramishvili-assassination"]
    assert (ramishvili.silent, ramishvili.death_sentences, ramishvili.quiet) == ("1931–1933", 15533, False)
    every = cadence.quiet_spells(cadence.gaps(dated), n=100, mass=cadence.mass_killings(ds, FIRST, LAST), years=years)
    assert not every.quiet.any()  # every year 1924-1940 has at least 1,000 death sentences but 1926 and 1928


def test_the_shading_follows_the_coverage_once(ds):
    runs = coverage.level_runs(coverage.years(ds, 1917, 1941))
    # Sections dated 1924, 1925, 1929, 1930, 1934, 1936-1940 (data/sections.csv); 1917 and 1941 have no event of
    # the case file's own; 1918-1923, 1926-1928, 1931-1933, 1935 have some, mentioned in passing.
    assert runs[["first", "last", "level"]].values.tolist() == [
        [1917, 1917, "silent"], [1918, 1923, "mentioned"], [1926, 1928, "mentioned"], [1931, 1933, "mentioned"],
        [1935, 1935, "mentioned"], [1941, 1941, "silent"]]
    # But it is not silent on those years: it dates background events in them (data/events.csv, type
    # context: the October revolution and Dzerzhinsky's joining the Bolsheviks in 1917, Operation
    # Barbarossa in 1941), so the words say silent but for the background.
    silent = runs[runs.level == "silent"]
    assert silent.background.tolist() == [True, True]
    assert {coverage.level_words(r) for r in silent.itertuples()} == {"silent but for background events"}
    # 1918-1923: 23 events of the case file's own dated within other sections (events.csv, single-year, not
    # background, dated within one year: 9 in 1918, then 4, 1, 5 (Ramishvili's exile, Feb-Mar 1921, among them), 2, 2): not
    # "in passing".
    assert coverage.level_words(runs.iloc[1]) == "no section of their own"
    words = captions.cadence.coverage_words(runs, coverage.runs_claims(ds, coverage.years(ds, 1917, 1941), runs)).text
    assert "1918–1923 (no section of their own; 23 events the case file dates within other sections; 12,077" in words
    assert "1935 (no section of its own; 1 event the case file dates within other sections;" in words
    assert "(silent)" not in words
    # The chart draws every source's events, so the years the case file is silent on are not empty: the reference's
    # events dated within one year there, background aside (events.csv, source reference-facts: cheka-founded in
    # 1917; 9 in 1941, Spiegelglas's execution, Krivitsky's death, Ovakimian's arrest and release among them; 2 in
    # 1926-1928, Pravdin's arrest and release; none in 1918-1923, 1931-1933 or 1935). A reader saw 1941's bars
    # under "silent but for background events" and called it imprecise.
    assert "1917 (silent but for background events; 1 event in the reference)" in words
    assert "1941 (silent but for background events; 9 events in the reference; 8,011" in words
    assert "1926–1928 (no section of their own; 13 events the case file dates within other sections; 2 events in the reference;" in words
    assert "1918–1923 (no section of their own; 23 events the case file dates within other sections; 12,077" in words  # no others
    # The series is named (the KGB's differs: 23,726 death sentences in 1941 against the MVD's 8,011).
    assert "(the national death sentences are the tally of the MVD's First Special Department (December 1953))" in words
    found = coverage.runs_claims(ds, coverage.years(ds, 1917, 1941), runs)
    # mvd: 1921 9,701 + 1922 1,962 + 1923 414 = 12,077; 1941 8,011; nothing before 1921.
    assert found["sentences-1918-1923"].value == 12077 and found["sentences-1941-1941"].value == 8011
    assert "sentences-1917-1917" not in found
    assert [found[f"others-{k}"].value for k in ("1917-1917", "1926-1928", "1941-1941")] == [1, 2, 9]
    assert "others-1918-1923" not in found and "others-1935-1935" not in found


# --- 00 c8 vs 01 c10: one counting rule -----------------------------------------------------------

def test_both_reports_count_the_years_alike(ds):
    per_year_00, _ = overview.events_per_year(ds, 1917, 1941)
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    per_year_01, _ = cadence.counts(events, freq="year", by="type", first=FIRST, last=LAST)
    assert per_year_00.sum(axis=1).tolist() == per_year_01.sum(axis=1).tolist()
    # 1940 by hand: data/events.csv has 24 rows of a type other than context dated within 1940 (Münzenberg's
    # arrest, Redens, Babel's trial and execution, Beria's execution orders, Meyerhold's execution and trial,
    # Trilisser, Frinovsky, Yezhov's execution and trial, Passov's execution and trial, the Katyn order and
    # selections, katyn-massacre, kalinin-prison-shootings, the attempt on Trotsky, Münzenberg's death,
    # disappearance and release, Trotsky's murder, Mercader's arrest, Münzenberg's discovery); the two Katyn
    # massacres are one: 23.
    assert per_year_00.loc[1940].sum() == 23
    # Zakovsky's execution (1938-08-29) is inside frinovsky-officer-shootings, which names him: no row of its own.
    assert "leonid-zakovsky-execution" not in set(events.event_id)
    one = events.set_index("event_id").loc["frinovsky-officer-shootings"]
    assert one.parts == "frinovsky-officer-shootings, leonid-zakovsky-execution"


# --- uncertainty bands: the busiest period only when it is so in nearly every draw -----------------

def test_the_busiest_month_is_not_sure_and_the_busiest_year_is(ds):
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    months = cadence.ranking(cadence.band(ds, events, "month", FIRST, LAST))
    # November 1938 holds 10 events dated within it (sergei-spiegelglas-arrest and -dismissal, stanislav-redens-
    # arrest, yakov-serebryansky-arrest, mikhail-trilisser-arrest, lavrenty-beria-nkvd-appointment,
    # nikolai-yezhov-dismissal, grigory-mairanovsky-appointment, special-office-into-laboratory-1,
    # vsevolod-merkulov-appointment), none dated otherwise by another source: 10 certain. It leads, but not in
    # nearly every draw: other months may be busiest.
    assert months.index[0] == pd.Period("1938-11", "M") and months.iloc[0].certain == 10
    assert not months.iloc[0].sure and len(months) > 1
    years = cadence.ranking(cadence.band(ds, events, "year", FIRST, LAST))
    assert years.index[0] == pd.Period("1938", "Y") and years.iloc[0].sure


def test_a_rival_date_makes_a_month_uncertain(ds):
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    alt = cadence.alternatives(ds, events).set_index("part")
    # data/attestations.csv: the reference dates Artuzov's execution 1937-08-21 (the case file 1937-05-21).
    assert alt.at["artur-artuzov-execution", "date"] == "1937-08-21"
    may = cadence.certain_claim(ds, events, pd.Period("1937-05", "M"), "events")
    assert "artur-artuzov-execution" not in may.ids("events")
    assert "artur-artuzov-execution" in cadence.possible_claim(ds, events, pd.Period("1937-08", "M"), "events").ids("events")


def test_a_run_says_when_another_sources_date_breaks_it(ds):
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    kills = cadence.killings(events, violent(ds))
    dated, _ = cadence.dated_killings(kills)
    bursts = cadence.runs(cadence.gaps(dated))
    breaks = cadence.run_breaks(ds, kills, bursts).set_index("event_id")
    # Artuzov 21 May -> Tukhachevsky 12 June 1937: 22 days, a run. With the reference's 21 August, Tukhachevsky
    # (12 June) -> Medved (July, midpoint 16 July) is 34 days and Medved -> Artuzov (21 Aug) 36: no run holds both.
    row = breaks.loc["artur-artuzov-execution"]
    assert (row["first"], row["last"], row.date, row.source_id, row.recorded_by) == (
        "artur-artuzov-execution", "mikhail-tukhachevsky-execution", "1937-08-21", "reference-facts", "case-file-0121")
    table = cadence.with_breaks(bursts, cadence.run_breaks(ds, kills, bursts)).set_index("first")
    assert table.at["artur-artuzov-execution", "broken_by"] == "artur-artuzov-execution 1937-08-21 (reference-facts)"


def test_a_measure_between_killings_says_which_killing_is_on_doubt(ds):
    from helpers import style
    # events.csv: boris-savinkov-assassination is alleged (officially a suicide), walter-krivitsky-death disputed
    # (ruled a suicide); abram-slutsky-assassination is stated, but accounts.csv --heart (disputed) says he died of
    # his heart; sidney-reilly-execution is stated with no rival account: not named.
    got = cadence.doubted(ds, ["boris-savinkov-assassination", "walter-krivitsky-death", "abram-slutsky-assassination",
                               "sidney-reilly-execution", "no-such-event"])
    assert got == {"boris-savinkov-assassination": "a killing only alleged",
                   "walter-krivitsky-death": "a killing only disputed",
                   "abram-slutsky-assassination": "another account says it was no killing"}
    style.use(ds)
    events = cadence.select(ds.events, ds.roles, first=FIRST, last=LAST)
    kills = cadence.killings(events, violent(ds))
    dated, _ = cadence.dated_killings(kills)
    bursts = cadence.runs(cadence.gaps(dated))
    longest = cadence.longest_run(bursts)
    words = captions.cadence.runs(cadence.runs_claim(ds, dated, bursts), longest, cadence.run_breaks(ds, kills, bursts),
                                  cadence.run_claims(ds, dated, longest.iloc[0]), bursts,
                                  cadence.doubted(ds, dated.event_id)).text
    # Spiegelglas (29 Jan 1941, the reference) -> Krivitsky (10 Feb 1941): a run of two whose second is disputed.
    assert ("The run from *Execution of Sergei Spiegelglas* to *Death of Walter Krivitsky* rests on doubt: *Death of "
            "Walter Krivitsky* (a killing only disputed).") in words


# --- 00 c11: the finding under every reading -------------------------------------------------------

def test_the_share_dated_to_the_day_under_every_reading(ds):
    # data/events.csv: 130 of its 298 rows give a single day (YYYY-MM-DD, with or without ? or ~): 44%;
    # the case file's rows alone: 78 of 219 (36%).
    day = overview.dated_to_the_day(ds)
    assert (day.text, day.value) == ("44%", pytest.approx(130 / 298))
    table = readings.sensitivity(ds, overview.dated_to_the_day).set_index("reading")
    assert table.at["case file only", "value"] == "36%" and table.at["case file only", "changed"]
    # Ten rows are alleged or disputed: boris-savinkov-assassination, nikolai-skoblin-death,
    # genrikh-yagoda-confessions, gertrude-schildbach-disappearance, klement-forged-letter,
    # zinaida-reich-assassination, willi-munzenberg-death, walter-krivitsky-death, vladimir-pravdin-death
    # (Lyushkov's killing is stated; only its doer is disputed), and since data 0.3.0 leonid-zakovsky-trial
    # (the reference's trial, which the case file denies); six of them are the case file's (all but
    # Skoblin, Krivitsky, Pravdin and Zakovsky's trial). Stated only keeps 298 - 10 = 288.
    hedged = readings.sensitivity(ds, overview.hedged_events).set_index("reading").value.to_dict()
    assert hedged == {"as recorded": "10 of 298", "case file only": "6 of 219", "stated only": "0 of 288",
                      "the reference's dates": "10 of 298"}


def test_stated_events_with_hedged_roles_or_accounts_are_counted_apart(ds):
    import csv
    # Recounted from the raw CSVs: events stated as a whole whose roles.csv or accounts.csv rows include
    # one alleged or disputed (e.g. Menzhinsky's death: stated, natural; Yagoda's poisoning role alleged).
    with open(paths.data_dir() / "events.csv", encoding="utf-8") as f:
        stated = {r["event_id"] for r in csv.DictReader(f) if r["certainty"] == "stated"}
    doubted = set()
    for table in ("roles.csv", "accounts.csv"):
        with open(paths.data_dir() / table, encoding="utf-8") as f:
            doubted |= {r["event_id"] for r in csv.DictReader(f) if r["certainty"] != "stated"}
    found = overview.hedged_parts(ds)
    assert set(found.ids("events")) == stated & doubted
    assert {"vyacheslav-menzhinsky-death", "abram-slutsky-assassination", "lev-sedov-death"} <= set(found.ids("events"))
    assert "boris-savinkov-assassination" not in found.ids("events")  # alleged as a whole: counted in hedged_events
    words = captions.overview.precision(overview.dated_to_the_day(ds), overview.hedged_events(ds), found).text
    assert f"; and {found.value} events stated plainly still have a role or an account" in words
    # The sections: 19 rows of data/sections.csv for the case file; all but the Introduction end with a date.
    f = overview.section_claims(ds)
    assert (f["sections"].value, f["dated"].value) == (19, 18)
    assert "the 19 sections in the case file (the introduction and 18 accounts of dated incidents)" in \
        captions.overview.coverage(f, []).text


def test_rival_dates_are_split_by_whose_date_they_contradict(ds):
    import csv
    # Recounted from attestations.csv: agrees false and a recorded date to contradict. Whose is the recorded
    # date? The case file's (its row's source) or the reference's own (one of its pages against another).
    found = overview.conflict_claims(ds)
    assert found["differ"].value == found["against"].value + found["within"].value
    assert found["within"].value > 0 and found["against"].value > 0
    with open(paths.data_dir() / "attestations.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["source_id"] for r in rows} == {"reference-facts"}  # every rival date is the reference's
    words = captions.overview.conflicts(found).text
    assert f"{found['against'].value} of them against a date of the case file, and {found['within'].value} against " \
           "a date the data takes from that same source" in words and "`case-file-0121`" not in words


def test_a_stated_killing_another_account_denies_is_named_beside_the_hedged_ones(ds):
    from helpers import vocabulary
    # Slutsky's killing is stated (the case file, events.csv) but the reference's historian says heart
    # failure (accounts.csv abram-slutsky-assassination--heart, rival natural_death, disputed); Lakoba's
    # accounts beside the official one all say killing: only Slutsky's is rivalled.
    violent = vocabulary.violent_methods(ds.descriptor)
    domestic = cadence.select(ds.events, ds.roles, scope="domestic")
    rival = cadence.rivalled(ds, domestic, violent)
    assert list(rival.event_id) == ["abram-slutsky-assassination"]
    words = captions.cadence.hedged(cadence.hedged_claim(ds, cadence.not_stated(domestic, violent)), rival).text
    assert words.startswith("The 2 domestic arrests and killings that rest on an allegation or a disputed account (not "
                            "among them, though stated plainly as events, and counted as killings above: Assassination "
                            "of Abram Slutsky, which another account says was no killing):")
    assert "not among them" not in captions.cadence.hedged(cadence.hedged_claim(ds, cadence.not_stated(domestic, violent))).text


def test_a_campaign_is_not_read_as_a_single_day(ds, data_copy):
    from conftest import read_rows, set_cell
    # events.csv: red-terror is dated 1918-09; tallies.csv red-terror-shot-case-file (no part of another) counts
    # over 1918/1922 (Introduction ¶3: "thousands" in the Civil War). Katyn's shot tallies count over 1940, its
    # year: no note. Reilly's execution has no tally.
    assert cadence.campaigns(ds, ["red-terror", "katyn-massacre", "sidney-reilly-execution", "no-such-event"]) == {
        "red-terror": "its toll is counted over 1918–1922"}
    # The bound: a toll that ends on the event's last day (30 Sep 1918) is no campaign; one a month later is.
    line = 1 + [r[0] for r in read_rows(data_copy / "tallies.csv")].index("red-terror-shot-case-file")
    set_cell(data_copy, "tallies.csv", line, "period", "1918-09")
    assert cadence.campaigns(helpers.load(data_copy), ["red-terror"]) == {}
    set_cell(data_copy, "tallies.csv", line, "period", "1918-09/1918-10")
    assert cadence.campaigns(helpers.load(data_copy), ["red-terror"]) == {"red-terror": "its toll is counted over 1918"}


def test_a_span_cut_by_its_subjects_death_says_so(ds):
    # events.csv filipp-medved-arrest is dated 1934-12-01/1941-06-22 (the case file gives no date), but Medved was
    # shot in 1937 (filipp-medved-execution, 1937-07, the reference): the arrest ends by then, and the spans table
    # says which death cut it, so that its 22 Jun 1941 is not read as the widest span (the historians' 00 c9).
    _, spanning = overview.events_per_year(ds, 1917, 1941)
    row = spanning.set_index("event_id").loc["filipp-medved-arrest"]
    assert (row.end, row.cut_by) == (pd.Timestamp("1937-07-31"), "filipp-medved-execution")
    # Borisov's killing and Zaporozhets's execution end on the case file's last day, cut by nothing: the widest tie.
    assert spanning.set_index("event_id").loc[["borisov-assassination", "vania-zaporozhets-execution"], "cut_by"].isna().all()
    assert overview.widest(spanning).tied == ["Killing of Commissar Borisov", "Execution of Vania Zaporozhets"]


def test_the_count_of_rival_dates_says_which_break_it_sets_apart(ds, database):
    # attestations.csv: 63 rows with agrees false and a recorded date (62 before data 0.5.0 added Birstein's start of
    # Merkulov's first deputyship, vsevolod-merkulov--secret-police-first-deputy-1938--start--ref); felix-dzerzhinsky--secret-police-head--end--ref
    # (7 Jul 1918, Peters's interim) is the end of a break whose return (--start--ref-2, 22 Aug 1918) the same source
    # gives: no rival date (data.attested.breaks), so 62 are counted and the one left out is said (the historians'
    # 00 c20 had 62 and found the count "off by one").
    found = overview.conflict_claims(ds)
    assert (found["differ"].value, found["breaks"].value, found["breaks_names"]) == (62, 1, ["Felix Dzerzhinsky"])
    assert found["breaks"].ids("attestations") == ["felix-dzerzhinsky--secret-police-head--end--ref"]
    assert database.execute(found["breaks"].sql).fetchone()[0] == 1
    words = captions.overview.conflicts(found).text
    assert ("; 1 more, on the tenure of Felix Dzerzhinsky, tells of a break in it (an interim and the return), not a "
            "rival date, and is set apart.") in words
