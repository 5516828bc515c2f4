"""helpers.turnover: tenures and their length bounds, succession, falls, turnover, purgers purged, and
the leadership-turnover notebook run with other parameters. Expected values are counted by hand from
data/positions.csv, events.csv and roles.csv (the rows are named in the comments)."""
from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest

from helpers import ParameterError, params, turnover

NB = Path(__file__).resolve().parents[1] / "notebooks" / "02-leadership-turnover.ipynb"
T = pd.Timestamp


def _row(frame, **where):
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.sum() == 1, f"{mask.sum()} rows match {where}"
    return frame[mask].iloc[0]


@pytest.fixture(scope="module")
def main(ds):
    """The main posts over the default window of the notebook (1917 to 1941), acting holders included."""
    return turnover.tenures(ds, [], T("1917-01-01"), T("1941-12-31"))


# --- lengths -------------------------------------------------------------------------------------

def test_length_bounds_of_partial_dates():
    # start '1937' = 1937-01-01..1937-12-31, end '1938-03' = 1938-03-01..1938-03-31:
    # shortest 1937-12-31 -> 1938-03-01 = 31 + 28 + 1 = 60; longest 1937-01-01 -> 1938-03-31 = 365 + 31 + 28 + 30 = 454.
    # Second row: start and end in the same month, 1938-03 -> 1938-03-20: the shortest cannot go below 0.
    shortest, longest = turnover.length_bounds(
        [T("1937-01-01"), T("1938-03-01")], [T("1937-12-31"), T("1938-03-31")],
        [T("1938-03-01"), T("1938-03-20")], [T("1938-03-31"), T("1938-03-20")])
    assert list(shortest) == [60, 0]
    assert list(longest) == [454, 19]


def test_yagoda_as_head(main):
    # positions: genrikh-yagoda--secret-police-head, 1934-07-10 to 1936-09-26. Days: 1934-07-10 -> 1936-07-10 is
    # 365 + 366 (29 Feb 1936) = 731, -> 1936-09-10 +31 +31 = 793, -> 1936-09-26 +16 = 809.
    row = _row(main, position_id="genrikh-yagoda--secret-police-head")
    assert (row.start, row.end, row.end_reason) == ("1934-07-10", "1936-09-26", "demoted")
    assert (row.shortest_days, row.longest_days, row.length) == (809, 809, "809 days")
    assert row.fate == "executed" and row.fate_date == "1938-03-15"


def test_yezhov_as_head(main):
    # nikolai-yezhov--secret-police-head, 1936-09-26 to 1938-11-25: 1936-09-26 -> 1938-09-26 = 365 + 365 = 730
    # (no 29 February), -> 1938-10-26 +30, -> 1938-11-25 +30 = 790.
    row = _row(main, position_id="nikolai-yezhov--secret-police-head")
    assert (row.shortest_days, row.longest_days) == (790, 790)
    assert not row.acting


def test_a_partial_date_tenure_has_bounds_not_a_number(main):
    # yakov-agranov--saratov-nkvd-head, 1937-04 to 1937-07-20. Shortest from 1937-04-30: May 31 + June 30 + 20 = 81;
    # longest from 1937-04-01: 29 + 1 + 31 + 30 + 19 = 110.
    row = _row(main, position_id="yakov-agranov--saratov-nkvd-head")
    assert (row.shortest_days, row.longest_days, row.length) == (81, 110, "81 to 110 days")


def test_an_ongoing_tenure_is_open_to_the_end_of_the_data(main):
    # vasily-blokhin--kommandatura-commander, 1927~ (latest start 1927-12-31), ongoing; the case file ends
    # 1941-06-22. 1927-12-31 -> 1940-12-31 = 13 * 365 + 4 leap days (1928, 1932, 1936, 1940) = 4,749;
    # -> 1941-06-22: 31 + 28 + 31 + 30 + 31 + 22 = 173; total 4,922. No upper bound.
    row = _row(main, position_id="vasily-blokhin--kommandatura-commander")
    assert row.shortest_days == 4922 and pd.isna(row.longest_days) and row.open_end
    assert row.length == "≥ 4,922 days (in post at the end of the data, 1941-06-22)"


def test_a_gap_is_filled_from_the_reference_and_marked(ds, main):
    # abram-slutsky--foreign-department-head has no start; the agreeing attestation
    # abram-slutsky--foreign-department-head--start--ref gives 1935-05-21. End 1938-02-17:
    # 1935-05-21 -> 1937-05-21 = 366 (29 Feb 1936) + 365 = 731; then month by month to 1938-01-21:
    # 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 245; -> 1938-02-17: 10 + 17 = 27; total 1,003.
    row = _row(main, position_id="abram-slutsky--foreign-department-head")
    assert (row.start, row.start_by, row.shortest_days) == ("1935-05-21", "reference-facts", 1003)
    raw = turnover.tenures(ds, ["foreign-department-head"], fill_gaps=False)
    assert pd.isna(_row(raw, position_id="abram-slutsky--foreign-department-head").start)


def test_a_post_with_an_acting_holder(ds, main):
    # jekabs-peters--secret-police-head: acting, 1918-07-07 to 1918-08-22 = 24 + 22 = 46 days.
    row = _row(main, position_id="jekabs-peters--secret-police-head")
    assert bool(row.acting) and row.longest_days == 46
    without = turnover.tenures(ds, ["secret-police-head"], include_acting=False)
    assert "jekabs-peters" not in set(without.person_id)
    assert len(without) == 5  # Dzerzhinsky, Menzhinsky, Yagoda, Yezhov, Beria


# --- posts, organs, lineage ----------------------------------------------------------------------

def test_posts_by_level_and_by_name(ds):
    # positions with level regional_head: far-eastern-nkvd-head, georgian-secret-police-head, kazakh-nkvd-head,
    # leningrad-nkvd-head, moscow-nkvd-head, petrograd-cheka-head, saratov-nkvd-head.
    assert turnover.select_posts(ds, ["regional_head"]) == [
        "far-eastern-nkvd-head", "georgian-secret-police-head", "kazakh-nkvd-head", "leningrad-nkvd-head",
        "moscow-nkvd-head", "petrograd-cheka-head", "saratov-nkvd-head"]
    main = turnover.select_posts(ds, [])
    assert main[:3] == ["secret-police-head", "secret-police-first-deputy", "gugb-head"]
    assert "saratov-nkvd-head" in main and "navy-commissar" not in main
    assert turnover.select_posts(ds, ["navy-commissar"]) == ["navy-commissar"]


def test_an_unknown_post_stops_with_one_sentence(ds):
    with pytest.raises(ParameterError) as err:
        turnover.select_posts(ds, ["gugb-haed"])
    assert str(err.value).startswith("Parameter `posts` got 'gugb-haed' in its list; items may be a level ('head', ")
    assert str(err.value).endswith("or a post of positions.csv such as 'secret-police-head' (did you mean 'gugb-head'?).")


def test_organs_hold_the_nkvd_and_its_units_not_the_harmless_commissariats(ds):
    inside = set(turnover.organs(ds.organisations))
    assert {"cheka", "ogpu", "nkvd", "gugb", "foreign-department", "kommandatura", "laboratory-1",
            "special-office", "saratov-nkvd", "georgian-secret-police"} <= inside
    assert not {"navy-commissariat", "water-transport-commissariat", "post-and-telegraph-commissariat",
                "comintern-polish-section", "rovs"} & inside


def test_lineage_of_the_agencies(ds):
    # organisations.csv, kind secret_police, by founding date.
    table = turnover.lineage(ds)
    assert list(table.org_id) == ["cheka", "gpu", "ogpu", "gugb", "nkgb"]
    assert list(table.label) == ["Cheka", "GPU", "OGPU", "GUGB", "NKGB"]
    assert (table.founded.iloc[1], table.dissolved.iloc[3]) == ("1922-02-06", "1941-02-03")


# --- succession ----------------------------------------------------------------------------------

def test_succession_of_the_head(main):
    chain = turnover.succession(main)
    heads = chain[chain.post == "Secret police head"].set_index("holder")
    # Peters stood in during Dzerzhinsky's tenure (1918-07-07 to 1918-08-22 inside 1917-12-20/1918-08-22 to 1926).
    assert tuple(heads.loc["Jēkabs Peters", ["predecessor", "successor"]]) == ("Felix Dzerzhinsky", "Felix Dzerzhinsky")
    assert tuple(heads.loc["Felix Dzerzhinsky", ["predecessor", "successor"]]) == ("—", "Vyacheslav Menzhinsky")
    assert tuple(heads.loc["Nikolai Yezhov", ["predecessor", "successor", "ended", "fate", "fate_date"]]) == (
        "Genrikh Yagoda", "Lavrenty Beria", "resigned", "executed", "1940-02-04")


def test_succession_on_a_tiny_frame():
    # Three tenures of one post: A 1920-1930, B acting 1925-01 to 1925-03 (inside A's), C 1930-1935, and
    # D acting 1935-01 to 1935-06 after C's end: B stands in for A; D is a link of the chain.
    t = pd.DataFrame({
        "post": ["p"] * 4, "post_label": ["P"] * 4, "name": ["A", "B", "C", "D"],
        "acting": [False, True, False, True], "start": ["1920", "1925-01", "1930", "1935-01"],
        "end": ["1930", "1925-03", "1935-01-01", "1935-06"],
        "start_earliest": [T("1920-01-01"), T("1925-01-01"), T("1930-01-01"), T("1935-01-01")],
        "end_latest": [T("1930-12-31"), T("1925-03-31"), T("1935-01-01"), T("1935-06-30")],
        "end_reason": ["replaced"] * 4, "fate": ["unknown"] * 4, "fate_date": [None] * 4})
    chain = turnover.succession(t).set_index("holder")
    assert list(chain.predecessor) == ["—", "A", "A", "C"]
    assert list(chain.successor) == ["C", "A", "D", "—"]


# --- falls ---------------------------------------------------------------------------------------

def test_yezhov_from_water_transport_to_arrest(ds):
    # nikolai-yezhov--water-transport-commissar starts 1938-04-06; nikolai-yezhov-arrest 1939-04-10:
    # 1938-04-06 -> 1939-04-06 = 365, + 4 = 369 days. He took Water Transport while still head
    # (head until 1938-11-25): 1938-04-06 - 1938-11-25 = -(24 + 31 + 30 + 31 + 31 + 30 + 31 + 25) = -233.
    falls = turnover.fall_sequences(ds, ["nikolai-yezhov"])
    arrest = _row(falls, step="arrested")
    assert (arrest.after, arrest.date, arrest.lag_min, arrest.lag_max) == ("demoted", "1939-04-10", 369, 369)
    demoted = _row(falls, step="demoted")
    assert (demoted.what, demoted.lag_min) == ("People's Commissar for Water Transport", -233)
    assert list(falls.step) == ["left", "demoted", "arrested", "tried", "died"]


def test_yagoda_fall_with_a_month_dated_arrest(ds):
    # Post and Telegraph from 1936-09-26 (same day he left the NKVD); arrest 1937-03 (a month):
    # 1936-09-26 -> 1937-03-01 = 4 + 31 + 30 + 31 + 31 + 28 + 1 = 156; -> 1937-03-31 = 186.
    falls = turnover.fall_sequences(ds, ["genrikh-yagoda"])
    assert _row(falls, step="demoted").lag_min == 0
    arrest = _row(falls, step="arrested")
    assert (arrest.lag_min, arrest.lag_max) == (156, 186)
    spans = turnover.fall_spans(falls).iloc[0]
    # arrest 1937-03-01..31 -> execution 1938-03-15: from 03-31 it is 365 - 16 = 349; from 03-01, 379.
    assert (spans.arrest_to_death_min, spans.arrest_to_death_max) == (349, 379)


def test_no_fall_without_a_demotion_or_an_arrest(ds):
    # Menzhinsky died in post (vyacheslav-menzhinsky-death), never demoted or arrested.
    assert turnover.fall_sequences(ds, ["vyacheslav-menzhinsky"]).empty


# --- turnover ------------------------------------------------------------------------------------

def test_holders_of_the_foreign_department_in_1938(ds, main):
    # foreign-department-head tenures touching 1938: Slutsky (to 1938-02-17), Spiegelglas (1938-02 to 11-02),
    # Passov (1938-06? to 1938-09/11), Sudoplatov (acting, from 1938-11), Dekanozov (from 1938-12-02) = 5;
    # without acting holders, 4.
    coverage = T("1941-06-22")
    assert turnover.holders_per_year(main, 1917, 1941, coverage).loc["Foreign department head", 1938] == 5
    no_acting = turnover.tenures(ds, ["foreign-department-head"], T("1917-01-01"), T("1941-12-31"), include_acting=False)
    assert turnover.holders_per_year(no_acting, 1938, 1938, coverage).loc["Foreign department head", 1938] == 4


def test_share_shot_per_post(main):
    # First deputies: Yagoda, Agranov, Zakovsky, Merkulov, all executed (fates: *-execution) -> 4 of 4.
    # Heads (with Peters): Menzhinsky (killed, alleged), Yagoda, Yezhov, Beria executed; Dzerzhinsky died,
    # Peters has no recorded end -> 4 of 6, one of them alleged.
    rates = turnover.turnover(main, turnover.holders_per_year(main, 1917, 1941, T("1941-06-22"))).set_index("post")
    assert tuple(rates.loc["Secret police first deputy", ["holders", "shot_or_killed", "share_shot_or_killed"]]) == (4, 4, 1.0)
    assert tuple(rates.loc["Secret police head", ["holders", "shot_or_killed", "of_which_alleged"]]) == (6, 4, 1)


# --- purgers purged ------------------------------------------------------------------------------

def test_yezhov_arrested_artuzov_and_fell_later(ds):
    # artur-artuzov-arrest (1937-05-13) ordered by Yezhov; Yezhov's own first removal after it is
    # nikolai-yezhov-dismissal (1938-11-25), ordered by Stalin (alleged):
    # 1937-05-13 -> 1938-05-13 = 365, -> 1938-11-13 = 184 (31+30+31+31+30+31), + 12 = 561.
    table = turnover.purger_purged(ds)
    row = _row(table, purger="Nikolai Yezhov", purged="Artur Artuzov")
    assert (row.act, row.purger_fell, row.fell_date, row.fell_by) == (
        "arrest (ordered by)", "dismissal", "1938-11-25", "Joseph Stalin (alleged)")
    assert (row.lag_min, row.lag_max) == (561, 561)
    assert "Joseph Stalin" not in set(table.purger)  # never removed


def test_purge_chains(ds):
    chains = turnover.purge_chains(ds, ["nikolai-yezhov"])
    assert "Lavrenty Beria —arrest 1939-04-10→ Nikolai Yezhov —demotion 1937-04→ Yakov Agranov" in set(chains.chain)
    assert (chains.people >= 3).all()


def test_conflicting_tenure_dates_side_by_side(ds, main):
    # attestations: genrikh-yagoda--secret-police-head--start--ref (1934-05-10, agrees false).
    table = turnover.tenure_conflicts(ds, main)
    row = _row(table, holder="Genrikh Yagoda", post="Secret police head", field="start")
    assert (row.recorded, row.recorded_by, row.reference) == ("1934-07-10", "case-file-0121", "1934-05-10")
    assert (table.recorded != table.reference).all()


def test_window_end_before_start():
    assert params.check_window(1936, "1938-11") == (T("1936-01-01"), T("1938-11-30"))
    with pytest.raises(ParameterError) as err:
        params.check_window(1939, 1930)
    assert str(err.value) == "Parameter `end` got 1930; it accepts a year or date no earlier than `start` (1939)."


# --- the notebook --------------------------------------------------------------------------------

def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "text/markdown" in o.get("data", {}))


def test_notebook_with_other_parameters(tmp_path):
    # The head only, 1934 to 1939, no acting holders: Menzhinsky (to 1934-05-10), Yagoda, Yezhov, Beria;
    # Menzhinsky killed, the other three executed. Falls: Yagoda, Yezhov, Beria (Menzhinsky never arrested).
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters={"posts": ["secret-police-head"], "start": 1934, "end": 1939,
                                                       "include_acting": False},
                        cwd=str(NB.parent), kernel_name="blackwork", progress_bar=False)
    text = _markdown(out)
    assert "4 tenures of 1 post held by 4 people between 1934 and 1939; **4 of the 4** were later shot or killed." in text
    assert "3 holders fell" in text
    assert "Nikolai Yezhov took the harmless post before leaving the organs." in text


def test_notebook_stops_on_a_bad_parameter(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as err:
        pm.execute_notebook(str(NB), str(tmp_path / "bad.ipynb"), parameters={"start": 1939, "end": 1930},
                            cwd=str(NB.parent), kernel_name="blackwork", progress_bar=False)
    assert err.value.ename == "ParameterError"
    assert err.value.evalue == "Parameter `end` got 1930; it accepts a year or date no earlier than `start` (1939)."
