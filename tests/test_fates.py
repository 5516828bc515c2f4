"""helpers.fates: expected values counted by hand from data/ (row by row, see the comments) or from
small frames built here; plus papermill runs of notebooks/03-fates-of-officials.ipynb."""
from __future__ import annotations

import math

import nbformat
import pandas as pd
import papermill as pm
import pytest

from helpers import dataset, fates, paths

NB = paths.ROOT / "notebooks" / "03-fates-of-officials.ipynb"
T = pd.Timestamp


# --- definitions ------------------------------------------------------------------------------

def test_tiers_and_fates_cover_their_vocabularies(ds):
    assert set(fates.LEVEL_TIERS) == set(ds.vocabulary("positions", "level"))
    assert set(fates.LEVEL_TIERS.values()) == set(fates.TIERS)
    assert set(fates.DEATH_FATES) <= set(dataset.FATES)
    assert set(fates.VIOLENT_FATES) <= set(fates.DEATH_FATES)


def test_the_organs(ds):
    organs = set(dataset.organs(ds.organisations))
    # organisations.csv: kinds secret_police (cheka, gpu, ogpu, gugb, nkgb), regional_branch
    # (georgian-secret-police has no parent), laboratory (laboratory-1, special-office); the NKVD
    # commissariat is the parent of gugb; the foreign department sits under gugb, the Golos ring
    # under the foreign department, the Kommandatura and the Yasha Group under ogpu.
    assert {"cheka", "ogpu", "gugb", "nkvd", "georgian-secret-police", "laboratory-1", "special-office",
            "foreign-department", "golos-spy-ring", "kommandatura", "yasha-group"} <= organs
    # a department of the Comintern, and the commissariats of the demoted, are not the organs
    assert not {"comintern-polish-section", "navy-commissariat", "water-transport-commissariat",
                "post-and-telegraph-commissariat"} & organs


def test_targets_are_the_victims_outside_the_apparatus(ds):
    # subjects of an execution, assassination, kidnapping, arrest, trial or violent/named death whose
    # side is not apparatus (roles.csv subject rows x events.csv types), counted down the people list
    expected = {"alexander-kutepov", "alexei-rykov", "boris-savinkov", "grigori-zinoviev", "isaac-babel",
                "leon-trotsky", "leonid-nikolayev", "lev-kamenev", "lev-sedov", "mikhail-tukhachevsky",
                "nadezhda-plevitskaya", "nestor-lakoba", "nikolai-bukharin", "noe-ramishvili", "rudolf-klement",
                "sergei-kirov", "sidney-reilly", "vsevolod-meyerhold", "willi-munzenberg", "yevgeny-miller",
                "yevhen-konovalets", "zinaida-reich"}
    assert set(fates.members(ds, "targets").person_id) == expected
    # Lenin was only the target of an attempt and died of natural causes; Marx is only named
    assert not {"vladimir-lenin", "karl-marx"} & set(fates.members(ds, "all").person_id)
    # Reich's only blow is an alleged assassination: on stated evidence alone she is no target
    assert "zinaida-reich" not in set(fates.members(ds, "targets", include_alleged=False).person_id)


# --- fates --------------------------------------------------------------------------------------

def test_who_is_counted_executed(ds):
    table = fates.fate_table(ds, "apparatus")
    # events.csv rows of type execution whose subject (roles.csv) is a member of the apparatus
    assert set(table[table.fate == "executed"].person_id) == {
        "artur-artuzov", "filipp-medved", "genrikh-yagoda", "lavrenty-beria", "leonid-zakovsky",
        "mikhail-frinovsky", "mikhail-trilisser", "nikolai-yezhov", "sergei-spiegelglas", "stanislav-redens",
        "vania-zaporozhets", "vladimir-dekanozov", "vsevolod-merkulov", "yakov-agranov", "yakov-blumkin",
        "yakov-davtyan", "zelman-passov"}
    targets = fates.fate_table(ds, "targets")
    assert set(targets[targets.fate == "executed"].person_id) == {
        "alexei-rykov", "grigori-zinoviev", "isaac-babel", "leonid-nikolayev", "lev-kamenev",
        "mikhail-tukhachevsky", "nikolai-bukharin", "sidney-reilly", "vsevolod-meyerhold", "yevgeny-miller"}
    # Slutsky was murdered by injection (assassination), not executed; Korotkov has no end recorded
    row = table.set_index("person_id")
    assert row.loc["abram-slutsky", "fate"] == "assassinated"
    assert row.loc["alexander-korotkov", "fate"] == fates.NO_END


def test_stated_evidence_alone_changes_fates(ds):
    fate = fates.fate_table(ds, "all", include_alleged=False).set_index("person_id").fate
    # Menzhinsky's poisoning is disputed and is his only end -> unknown
    assert fate["vyacheslav-menzhinsky"] == fates.NO_END
    # Savinkov's defenestration is alleged; his 1924 arrest and trial remain -> imprisoned
    assert fate["boris-savinkov"] == "imprisoned"
    # Muenzenberg's hanging is disputed; his stated disappearance (June 1940) remains
    assert fate["willi-munzenberg"] == "disappeared"


def test_fate_counts_sorted_with_columns_in_order(ds):
    table = fates.fate_table(ds, "apparatus")
    counts = fates.fate_counts(ds, table, "era")
    totals = counts.sum(axis=1)
    assert list(totals) == sorted(totals, reverse=True)
    assert list(counts.columns) == [c for c in fates.cohort_order(ds, "era") if c in counts.columns]
    # Yezhov entered on 26 September 1936 (positions.csv: nikolai-yezhov--secret-police-head) and was shot
    assert table.set_index("person_id").loc["nikolai-yezhov", ["era", "fate"]].tolist() == ["Yezhov", "executed"]


# --- entry and survival -------------------------------------------------------------------------

def test_entries_use_bounds(ds):
    e = fates.entries(ds).set_index("person_id")
    # Yezhov: his post as head starts on a day
    assert e.loc["nikolai-yezhov", ["entry_earliest", "entry_latest"]].tolist() == [T("1936-09-26")] * 2
    # Beria: deputy head of the Georgian OGPU in '1922'; his undated post as its head is not used
    assert e.loc["lavrenty-beria", ["entry_earliest", "entry_latest", "entry_era"]].tolist() == [
        T("1922-01-01"), T("1922-12-31"), "Dzerzhinsky"]
    # Dzerzhinsky: no start, an end in 1926 -> between the Cheka's founding and the end of 1926
    assert e.loc["felix-dzerzhinsky", ["entry_earliest", "entry_latest"]].tolist() == [
        T("1917-12-20"), T("1926-12-31")]
    # Slutsky: the foreign-department tenure has only an end (1938-02-17); the appointment event is
    # dated 1934-12-01/1936-09-26, so he entered no later than 1936-09-26 and no earlier than 1917-12-20
    assert e.loc["abram-slutsky", ["entry_earliest", "entry_latest"]].tolist() == [
        T("1917-12-20"), T("1936-09-26")]
    # Korotkov: an NKVD agent with no date at all
    assert pd.isna(e.loc["alexander-korotkov", "entry"])
    # highest level vs first level: Yagoda first supervised the poison laboratory ('other'), later head
    assert e.loc["genrikh-yagoda", ["level", "entry_level"]].tolist() == ["head", "other"]


def test_sudoplatov_is_censored_at_the_end_of_coverage(ds):
    for event in fates.EVENTS_OF_INTEREST:
        row = fates.survival_table(ds, event).set_index("person_id").loc["pavel-sudoplatov"]
        # he entered as acting head of the foreign department in November 1938 (midpoint 1938-11-15);
        # his arrest (1953) and death (1996) fall after the coverage ends on 1941-06-22 (the last
        # date of the case file): censored there. 1938-11-15 -> 1941-06-22 is 950 days.
        assert not row.observed
        assert row.end_event is None
        assert row.entry == T("1938-11-15") and row.end == T("1941-06-22")
        assert row.years == pytest.approx(950 / 365.25)


def test_yezhov_dies_observed_and_uritsky_is_censored_at_death_for_arrest(ds):
    death = fates.survival_table(ds, "death").set_index("person_id")
    # 1936-09-26 -> 1940-02-04: 1095 + 131 days, all bounds on a day, so the three durations agree
    assert death.loc["nikolai-yezhov", "observed"]
    assert death.loc["nikolai-yezhov", ["years", "years_shortest", "years_longest"]].tolist() == [1226 / 365.25] * 3
    arrest = fates.survival_table(ds, "arrest").set_index("person_id")
    assert arrest.loc["nikolai-yezhov", "end_event"] == "nikolai-yezhov-arrest"
    # Uritsky was assassinated in 1918 before any arrest: censored at his death
    assert not arrest.loc["moisei-uritsky", "observed"]
    assert arrest.loc["moisei-uritsky", "end_event"] == "moisei-uritsky-assassination"
    # Davtyan: executed in July 1938 with no arrest recorded -> the execution dates the arrest
    assert arrest.loc["yakov-davtyan", "observed"]
    assert arrest.loc["yakov-davtyan", "end_event"] == "yakov-davtyan-execution"


def test_km_medians_on_a_small_table(ds):
    table = pd.DataFrame({
        "era": ["Yezhov"] * 4 + ["Beria"] * 2,
        "years": [1.0, 2.0, 3.0, 4.0, 1.0, 2.0],
        "years_shortest": [0.5, 1.0, 1.5, 2.0, 0.5, 1.0],
        "years_longest": [2.0, 4.0, 6.0, 8.0, 2.0, 4.0],
        "observed": [True, True, True, True, False, False],
    })
    out = fates.km_medians(ds, table, "era")
    assert list(out.index) == ["Yezhov", "Beria"]       # era order, not alphabetical
    # four deaths at 1, 2, 3, 4: S(2) = 0.5, so the median is 2; the bound fits halve and double it
    assert out.loc["Yezhov", ["people", "events", "censored"]].tolist() == [4, 4, 0]
    assert out.loc["Yezhov", ["median_years", "median_shortest", "median_longest"]].tolist() == [2.0, 1.0, 4.0]
    # both Beria-era officials censored: the curve never falls to one half
    assert math.isinf(out.loc["Beria", "median_years"])


# --- cover stories ------------------------------------------------------------------------------

def test_cover_stories_of_lakoba_and_slutsky(ds):
    covers = fates.cover_stories(ds).set_index("name")
    # events.csv nestor-lakoba-assassination: poison, officially a heart attack; roles: Beria perpetrator
    lakoba = covers.loc["Nestor Lakoba"]
    assert (lakoba.official_account, lakoba.cause, lakoba.certainty) == (
        "Died of a heart attack.", "assassination by poison", "stated")
    assert lakoba.by == "Lavrenty Beria (perpetrator), Joseph Stalin (ordered by)"
    # abram-slutsky-assassination: injection at his desk, officially a heart attack
    slutsky = covers.loc["Abram Slutsky"]
    assert slutsky.cause == "assassination by injection" and slutsky.official_account.startswith("Heart attack")
    assert slutsky.by == "Leonid Zakovsky (perpetrator), Mikhail Frinovsky (organiser), Nikolai Yezhov (ordered by)"
    # seven deaths carry an official account (events.csv official_account on a death type), by date
    assert list(covers.index) == ["Boris Savinkov", "Vyacheslav Menzhinsky", "Sergei Kirov", "Nestor Lakoba",
                                  "Abram Slutsky", "Zinaida Reich", "Willi Münzenberg"]
    # stated only: Savinkov, Reich (alleged), Menzhinsky, Muenzenberg (disputed) drop out
    assert list(fates.cover_stories(ds, include_alleged=False).name) == ["Sergei Kirov", "Nestor Lakoba",
                                                                        "Abram Slutsky"]
    assert list(fates.cover_stories(ds, "apparatus").name) == ["Vyacheslav Menzhinsky", "Abram Slutsky"]


# --- who killed whom ----------------------------------------------------------------------------

def test_links_and_graph(ds):
    links = fates.links(ds)
    pairs = set(zip(links.actor, links.victim))
    # Blokhin shot Yagoda (1938) and Yezhov (1940); Beria ordered Yezhov's arrest (role alleged)
    assert {("vasily-blokhin", "genrikh-yagoda"), ("vasily-blokhin", "nikolai-yezhov"),
            ("lavrenty-beria", "nikolai-yezhov")} <= pairs
    # accomplices are no actors: Ageloff unknowingly let Mercader in
    assert "sylvia-ageloff" not in set(links.actor)
    stated = set(zip(*fates.links(ds, include_alleged=False)[["actor", "victim"]].T.values))
    assert ("lavrenty-beria", "nikolai-yezhov") not in stated and ("vasily-blokhin", "nikolai-yezhov") in stated
    graph = fates.kill_graph(ds, links)
    assert graph.nodes["nikolai-yezhov"]["label"] == "Yezhov" and graph.nodes["the-turk"]["label"] == "the Turk"
    assert graph.edges["vasily-blokhin", "nikolai-yezhov"]["events"] == ["nikolai-yezhov-execution"]


def test_yagoda_yezhov_and_beria_struck_then_were_struck(ds):
    turned = fates.turned_victims(ds, "apparatus")
    # Yagoda organised Ramishvili's murder (1930), was arrested under Yezhov (March 1937) and shot by
    # Blokhin; Yezhov organised the generals' trial (1937), was arrested under Beria (10 April 1939);
    # Beria poisoned Lakoba (1936) and was arrested in 1953.
    assert turned.loc["genrikh-yagoda", ["first_act", "struck_by"]].tolist() == [
        "noe-ramishvili-assassination", "genrikh-yagoda-arrest"]
    assert turned.loc["nikolai-yezhov", ["first_act", "struck_by"]].tolist() == [
        "trial-of-the-generals", "nikolai-yezhov-arrest"]
    assert turned.loc["lavrenty-beria", ["first_act", "struck_by"]].tolist() == [
        "nestor-lakoba-assassination", "lavrenty-beria-arrest"]
    # Blokhin, the executioner, was never struck
    assert "vasily-blokhin" not in turned.index
    # twelve in all (by hand from links and victim events), the first struck Menzhinsky (May 1934)
    assert len(turned) == 12 and turned.index[0] == "vyacheslav-menzhinsky"


def test_longest_chain_on_the_data(ds):
    chain = fates.longest_chain(fates.links(ds))
    # Beria or Blokhin struck Frinovsky (1939/1940), who ordered Zakovsky shot (29 Aug 1938), who
    # held Slutsky for the injection (17 Feb 1938), who organised Reiss's murder or ordered Miller's
    # kidnapping (Sept 1937): four links. Nothing longer: no one struck Beria or Blokhin first.
    assert len(chain) == 4
    assert list(chain.victim)[:3] == ["mikhail-frinovsky", "leonid-zakovsky", "abram-slutsky"]
    assert list(chain.actor)[1:] == list(chain.victim)[:-1]
    assert fates.chain_people(ds, chain)[1:4] == ["Mikhail Frinovsky", "Leonid Zakovsky", "Abram Slutsky"]


def test_longest_chain_follows_time_and_survives_cycles():
    links = pd.DataFrame({
        "actor": ["a", "b", "c", "b"],
        "victim": ["b", "c", "d", "a"],
        "role": ["perpetrator"] * 4,
        "event_id": ["e1", "e2", "e3", "e4"],
        "date": ["1940", "1938", "1939", "1935"],
        "start": [T("1940-01-01"), T("1938-01-01"), T("1939-01-01"), T("1935-01-01")],
        "end": [T("1940-12-31"), T("1938-12-31"), T("1939-12-31"), T("1935-12-31")],
    })
    chain = fates.longest_chain(links)
    # a struck b (1940) after b struck c (1938): a chain of two. c struck d in 1939, after b had
    # struck c, so c -> d does not extend it. b -> a (1935) -> b (1940) is a cycle of people, yet the
    # links still order in time: a chain of two as well; the first in date order (b's 1935 act) wins.
    assert len(chain) == 2
    assert [tuple(r) for r in chain[["actor", "victim"]].values] in ([("a", "b"), ("b", "c")],
                                                                     [("a", "b"), ("b", "a")])
    assert fates.longest_chain(links.iloc[0:0]).empty


# --- methods ------------------------------------------------------------------------------------

def test_methods_by_scope_and_kidnapping(ds):
    deaths = fates.death_methods(ds)
    # abroad, violent deaths: Kutepov (injection), Ramishvili, Reiss (shooting), Konovalets (bomb),
    # Klement (lure), Muenzenberg (hanging), Trotsky (ice axe). Sedov's death is 'died' (no method).
    abroad = fates.methods_by(ds, deaths, "scope").loc["abroad"]
    assert abroad[abroad > 0].to_dict() == {"shooting": 2, "injection": 1, "bomb": 1, "ice_axe": 1,
                                            "hanging": 1, "lure": 1}
    row = deaths.set_index("person_id")
    assert row.loc["leon-trotsky", ["method", "era"]].tolist() == ["ice_axe", "Beria"]
    assert row.loc["artur-artuzov", "method"] == fates.NO_METHOD       # his execution gives no method
    assert row.loc["lavrenty-beria", "era"] == fates.LATER            # shot in 1953
    assert set(row.index[row.in_kidnapping]) == {"alexander-kutepov"}  # died in the kidnapping
    assert list(fates.methods_by(ds, deaths, "era").index) == fates.era_order(ds) + [fates.LATER]


# --- the notebook -------------------------------------------------------------------------------

def _markdown(nb) -> list[str]:
    return [o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]


def test_notebook_with_other_parameters(tmp_path):
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters={"group": "apparatus", "event_of_interest": "arrest",
                                                       "include_alleged": False, "cohort_by": "level"},
                        cwd=str(NB.parent), kernel_name="blackwork", progress_bar=False)
    text = "\n".join(_markdown(nbformat.read(out, as_version=4)))
    assert "0 targets outside it" in text
    assert "Fates by level." in text
    assert " arrests fall before the data's coverage ends on 22 June 1941" in text
    # stated only, victims in the apparatus: Slutsky's heart attack is the one cover story left
    assert "*What to see:* 1 of the " in text
    # Beria (arrest) and Blokhin (execution) both struck Frinovsky: either may head the chain
    assert "runs through 5 people" in text and "→ Mikhail Frinovsky → Leonid Zakovsky → Abram Slutsky → Ignace Reiss" in text


def test_notebook_bad_parameter(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as e:
        pm.execute_notebook(str(NB), str(tmp_path / "bad.ipynb"), parameters={"group": "officials"},
                            cwd=str(NB.parent), kernel_name="blackwork", progress_bar=False)
    assert e.value.ename == "ParameterError"
    assert e.value.evalue == "Parameter `group` got 'officials'; it accepts 'apparatus', 'targets' or 'all'."
