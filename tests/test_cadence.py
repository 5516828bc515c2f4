"""helpers.cadence: counts per period aware of date precision, gaps between killings, eras, and the
national series. Expected values are counted by hand from tiny frames built here or from data/."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest

from helpers import ParameterError, cadence, dates, eras, params

NB = Path(__file__).resolve().parents[1] / "notebooks" / "01-purge-cadence.ipynb"


def frame(*rows) -> pd.DataFrame:
    """Events from (event_id, EDTF date, type[, scope, certainty, method]) with their bounds."""
    out = []
    for row in rows:
        event_id, date, type_, *rest = row
        scope, certainty, method = (list(rest) + ["domestic", "stated", None][len(rest):])[:3]
        b = dates.parse(date)
        out.append({"event_id": event_id, "date": date, "type": type_, "title": event_id, "scope": scope,
                    "certainty": certainty, "method": method,
                    "start": pd.Timestamp(b.earliest), "end": pd.Timestamp(b.latest)})
    return pd.DataFrame(out)


# Four events of 1937: one dated to the day, one to the month, one spanning March-April, one the year.
MIXED = frame(("shot", "1937-03-05", "execution"),
              ("held", "1937-03", "arrest"),
              ("across", "1937-03/1937-04", "arrest"),
              ("sometime", "1937", "arrest"))
Y1937 = (pd.Timestamp("1937-01-01"), pd.Timestamp("1937-12-31"))


# --- counts per period -------------------------------------------------------------------------

def test_month_counts_place_day_and_month_events_and_list_the_spanning_ones():
    table, unplaceable = cadence.counts(MIXED, freq="month", first=Y1937[0], last=Y1937[1])
    # March holds 'shot' (a day) and 'held' (the whole month); 'across' touches March and April,
    # 'sometime' all twelve months: neither can be placed on one month.
    assert len(table) == 12
    assert table.loc[pd.Period("1937-03", "M")].to_dict() == {"arrest": 1, "execution": 1}
    assert table.drop(pd.Period("1937-03", "M")).values.sum() == 0
    assert list(unplaceable.event_id) == ["sometime", "across"]        # by start: 1 January, then 1 March
    assert list(unplaceable.date) == ["1937", "1937-03/1937-04"]


def test_year_counts_place_every_event_of_one_year():
    table, unplaceable = cadence.counts(MIXED, freq="year", first=Y1937[0], last=Y1937[1])
    # All four spans lie inside 1937: three arrests and one execution.
    assert table.loc[pd.Period("1937", "Y")].to_dict() == {"arrest": 3, "execution": 1}
    assert unplaceable.empty


def test_an_event_spanning_two_quarters_is_not_put_on_the_first():
    table, unplaceable = cadence.counts(MIXED, freq="quarter", first=Y1937[0], last=Y1937[1])
    # Q1 holds 'shot' and 'held' (both in March); 'across' (March-April) straddles Q1 and Q2.
    assert table.loc[pd.Period("1937Q1", "Q"), "arrest"] == 1
    assert table.loc[pd.Period("1937Q2", "Q")].sum() == 0
    assert set(unplaceable.event_id) == {"across", "sometime"}


def test_spread_shares_a_spanning_event_by_days():
    table, unplaceable = cadence.counts(MIXED, freq="month", rule="spread", first=Y1937[0], last=Y1937[1])
    # 'across' has 61 days: 31 in March, 30 in April; 'sometime' 365 days, 31 of them in March.
    march, april = pd.Period("1937-03", "M"), pd.Period("1937-04", "M")
    assert table.loc[march, "arrest"] == pytest.approx(1 + 31 / 61 + 31 / 365)
    assert table.loc[april, "arrest"] == pytest.approx(30 / 61 + 30 / 365)
    assert table.values.sum() == pytest.approx(4)                       # nothing lost, nothing doubled
    assert unplaceable.empty


def test_counts_by_scope_and_certainty():
    ev = frame(("a", "1938-07-12", "assassination", "abroad", "stated"),
               ("b", "1938-07", "operation", "abroad", "alleged"),
               ("c", "1938-08-01", "execution", "domestic", "stated"))
    by_scope, _ = cadence.counts(ev, freq="month", by="scope", order=["domestic", "abroad"])
    assert list(by_scope.columns) == ["domestic", "abroad"]
    assert by_scope.loc[pd.Period("1938-07", "M")].to_dict() == {"domestic": 0, "abroad": 2}
    by_certainty, _ = cadence.counts(ev, freq="year", by="certainty")
    assert by_certainty.loc[pd.Period("1938", "Y")].to_dict() == {"alleged": 1, "stated": 2}


def test_real_data_1937_per_year(ds):
    events = cadence.select(ds.events, types=["arrest"], scope="domestic")
    table, unplaceable = cadence.counts(events, freq="year")
    # Domestic arrests in data/events.csv dated within 1937: alexei-rykov-arrest (1937),
    # nikolai-bukharin-arrest (1937-02), genrikh-yagoda-arrest (1937-03), filipp-medved-arrest-2
    # (1937-05), artur-artuzov-arrest (05-13), mikhail-tukhachevsky-arrest (05-22),
    # yakov-agranov-arrest (07-20) = 7; great-purge-arrests (1937/1938) spans two years.
    assert table.loc[pd.Period("1937", "Y"), "arrest"] == 7
    assert "great-purge-arrests" in set(unplaceable.event_id)


# --- choosing events ---------------------------------------------------------------------------

def test_select_leaves_out_background_and_hedged_events():
    ev = frame(("war", "1939-09-01", "context"),
               ("murder", "1939-07-15?", "assassination", "domestic", "alleged"),
               ("rival", "1940-06", "death", "abroad", "disputed", "hanging"),
               ("shot", "1940-02-04", "execution"))
    assert list(cadence.select(ev).event_id) == ["murder", "shot", "rival"]        # no 'context'
    assert list(cadence.select(ev, include_alleged=False).event_id) == ["shot"]
    assert list(cadence.select(ev, scope="abroad").event_id) == ["rival"]
    assert list(cadence.select(ev, types=["context"]).event_id) == ["war"]
    # The window keeps what overlaps it: only 'rival' (June 1940) reaches into 1940-06-10..
    assert list(cadence.select(ev, first=pd.Timestamp("1940-06-10")).event_id) == ["rival"]


def test_window_reads_years_and_dates_and_checks_the_order():
    assert params.check_window(1937, "1938-03") == (pd.Timestamp("1937-01-01"), pd.Timestamp("1938-03-31"))
    with pytest.raises(ParameterError) as err:
        params.check_window(1938, 1937)
    assert str(err.value) == ("Parameter `end` got 1937; it accepts a year or date no earlier than "
                              "`start` (1938).")


def test_event_types_come_from_the_descriptor(ds):
    types = cadence.event_types(ds.descriptor)
    assert "execution" in types and "context" in types and types == ds.vocabulary("events", "type")


def test_killings_in_the_data(ds):
    kills = set(cadence.killings(ds.events).event_id)
    assert "vyacheslav-menzhinsky-death" in kills      # a death by poison
    assert "katyn-massacre" in kills                   # a massacre counts once
    assert "leon-trotsky-assassination" in kills
    assert "lev-sedov-death" not in kills              # method unknown: not a killing
    assert "vladimir-lenin-death" not in kills         # no method given
    assert "leon-trotsky-attempt" not in kills         # an attempt kills no one


# --- gaps between killings ---------------------------------------------------------------------

KILLS = frame(("k1", "1940-02-01", "execution"),
              ("k2", "1940-02-04", "execution"),
              ("k3", "1940-03", "massacre"),
              ("k4", "1940", "massacre"))


def test_gaps_between_killings_with_their_bounds():
    dated, too_vague = cadence.dated_killings(KILLS)
    assert list(dated.event_id) == ["k1", "k2", "k3"] and list(too_vague.event_id) == ["k4"]
    assert dated.mid.iloc[2] == pd.Timestamp("1940-03-16")   # 1 March + 30 days / 2
    g = cadence.gaps(dated)
    # k1 -> k2: 3 days. k2 -> k3: 4 Feb to 16 March 1940 = 25 (rest of February, a leap year) + 16 = 41;
    # at least 4 Feb -> 1 March = 26, at most 4 Feb -> 31 March = 56.
    assert g[["after", "before", "days", "min_days", "max_days"]].values.tolist() == [
        ["k1", "k2", 3.0, 3, 3], ["k2", "k3", 41.0, 26, 56]]
    assert cadence.quiet_spells(g, n=1).before.tolist() == ["k3"]
    assert cadence.runs(g, within_days=30)[["first", "last", "killings", "days"]].values.tolist() == [
        ["k1", "k2", 2, 3.0]]


def test_killings_on_one_day_are_zero_days_apart():
    dated, _ = cadence.dated_killings(frame(("a", "1936-08-25", "execution"), ("b", "1936-08-25", "execution")))
    assert cadence.gaps(dated).days.tolist() == [0.0]


def test_gaps_in_the_data(ds):
    events = cadence.select(ds.events, first=pd.Timestamp("1917-01-01"), last=pd.Timestamp("1941-12-31"))
    dated, _ = cadence.dated_killings(cadence.killings(events))
    spells = cadence.quiet_spells(cadence.gaps(dated), n=1)
    # The longest silence: the Red Terror (September 1918, midpoint 15 Sep 12:00) to Savinkov's death
    # (7 May 1925): 6 years with 1920 and 1924 as leap years = 2192 days to 15 Sep 1924, then 234 days
    # to 7 May 1925, less half a day = 2425.5.
    assert (spells.after.iloc[0], spells.before.iloc[0], spells.days.iloc[0]) == (
        "red-terror", "boris-savinkov-assassination", 2425.5)
    run = cadence.runs(cadence.gaps(dated)).sort_values("killings").iloc[-1]
    # January-February 1940: Redens (21 Jan), Babel (27 Jan), Meyerhold (1 Feb), Trilisser (2 Feb),
    # Frinovsky and Yezhov (4 Feb), Passov (15 Feb): 7 killings in 25 days.
    assert (run["first"], run["last"], run.killings, run.days) == (
        "stanislav-redens-execution", "zelman-passov-execution", 7, 25.0)


# --- eras --------------------------------------------------------------------------------------

def test_per_era_counts_events_inside_one_era(ds):
    ev = frame(("in-yezhov", "1937-03", "arrest"),
               ("in-yezhov-2", "1938-11-24", "arrest", "domestic", "alleged"),
               ("across", "1936-09", "arrest"),          # Yagoda hands over to Yezhov on 26 September
               ("too-early", "1917-06", "context"))       # before the Cheka
    table, spanning = cadence.per_era(ev, eras.eras(ds))
    yezhov = table.set_index("era").loc["Yezhov"]
    assert (yezhov.events, yezhov.not_stated) == (2, 1)
    assert yezhov.years == 2.16                          # 26 Sep 1936 - 25 Nov 1938: 790 days / 365.25
    assert table.events.sum() == 2
    assert list(spanning.event_id) == ["too-early", "across"]


# --- the national series -----------------------------------------------------------------------

def test_national_series(ds):
    nat = cadence.national(ds.convictions_by_year)
    # data/convictions_by_year.csv, rows 'mvd': 1937 790,665 and 353,074; 1948 has no death sentences;
    # 1953 is the first half only.
    assert (nat.loc[1937, "convicted"], nat.loc[1937, "sentenced_to_death"]) == (790665, 353074)
    assert pd.isna(nat.loc[1948, "sentenced_to_death"])
    assert nat.partial_year.tolist().count(True) == 1 and nat.loc[1953, "partial_year"]
    assert cadence.national(ds.convictions_by_year, tally="kgb").loc[1931, "convicted"] == 33539
    assert list(nat.index) == list(range(1921, 1954))


def test_align_national_counts_the_case_file_per_year(ds):
    table, unplaceable = cadence.align_national(cadence.select(ds.events, scope="domestic"),
                                                ds.convictions_by_year)
    # Domestic killings dated within 1940: the executions of Redens, Babel, Meyerhold, Trilisser,
    # Frinovsky, Yezhov and Passov (7), and the massacres katyn-executions-1940-total (1940),
    # kalinin-prison-shootings (April-May) and katyn-massacre (4 April-May): 10, each massacre once.
    assert table.loc[1940, "killings"] == 10
    # 1937: the executions of Artuzov (21 May), Tukhachevsky (12 June) and Medved (July 1937) = 3;
    # the seven 1937 arrests of test_real_data_1937_per_year.
    assert (table.loc[1937, "killings"], table.loc[1937, "arrests"]) == (3, 7)
    assert table.loc[1937, "killings_ratio"] == pytest.approx(3 / 353074 * 10_000)
    assert {"great-purge-executions", "great-purge-arrests"} <= set(unplaceable.event_id)


def test_concentration_and_difference_on_a_small_table():
    table = pd.DataFrame({"convicted": [100.0, 1000.0, 50.0, 10.0], "sentenced_to_death": [10.0, 600.0, 390.0, 5.0],
                          "partial_year": [False, False, False, True], "arrests": [1, 0, 2, 3],
                          "killings": [1, 2, 1, 4]}, index=[1936, 1937, 1938, 1939])
    table["killings_ratio"] = table.killings / table.sentenced_to_death * 10_000
    c = cadence.concentration(table)
    # Whole years 1936-1938: 1000 death sentences, 600 of them in 1937; killings 1, 2, 1 -> 2 of 4 in 1937.
    # Death sentences per killing: 10 (1936), 300 (1937), 390 (1938); the partial 1939 is left out.
    assert (c["national_peak"], c["national_peak_share"], c["case_peak"]) == (1937, 0.6, 1937)
    assert c["case_share_in_national_peak"] == 0.5
    assert (c["highest_ratio_year"], c["sentences_per_killing_high"]) == (1936, 10.0)
    assert (c["lowest_ratio_year"], c["sentences_per_killing_low"]) == (1938, 390.0)
    other = table.assign(killings=[1, 1, 1, 4])
    assert list(cadence.difference(table, other).index) == [1937]


def test_not_stated_and_subject_sides(ds):
    domestic = cadence.select(ds.events, scope="domestic")
    # Domestic arrests and killings whose certainty is not 'stated' in data/events.csv.
    assert cadence.not_stated(domestic).event_id.tolist() == [
        "boris-savinkov-assassination", "vyacheslav-menzhinsky-death", "zinaida-reich-assassination"]
    ev = frame(("a", "1938-03-15", "execution"), ("b", "1938-08", "execution"), ("c", "1940", "massacre"))
    roles = pd.DataFrame({"event_id": ["a", "b"], "person_id": ["p", "q"], "role": ["subject", "subject"]})
    people = pd.DataFrame({"person_id": ["p", "q"], "side": ["apparatus", "apparatus"]})
    assert cadence.subject_sides(ev, roles, people).to_dict() == {"apparatus": 2, "none named": 1}


def test_the_rule_is_named_in_words():
    assert "**exclude**" in cadence.describe_rule("exclude", "month")
    assert "**spread**" in cadence.describe_rule("spread", "year")
    with pytest.raises(ValueError):
        cadence.placements(MIXED, "month", rule="first-day")


# --- the notebook with other parameters --------------------------------------------------------

def _run(tmp_path, **parameters) -> nbformat.NotebookNode:
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters=parameters, cwd=str(NB.parent),
                        kernel_name="blackwork", progress_bar=False)
    return nbformat.read(out, as_version=4)


def _texts(nb) -> list[str]:
    found = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            found.append(data.get("text/markdown") or data.get("text/plain") or o.get("text", ""))
    return found


def test_the_notebook_per_year_abroad(tmp_path):
    nb = _run(tmp_path, freq="year", scope="abroad")
    texts = _texts(nb)
    # Events abroad in data/events.csv overlapping 1917-1941: 62 abroad rows, less 11 'context' rows
    # and genrikh-lyushkov-death (1945) = 50. Of them five span two or more years:
    # willi-munzenberg-appointment, yakov-blumkin-persia-mission, rovs-reorganisation,
    # oun-infiltration and foreign-agents-recall.
    assert any(t.startswith("**50** events from 1917-01-01 to 1941-12-31") and "scope `abroad`" in t
               and "**exclude**" in t for t in texts)
    assert any("45 events placed on a year" in t and "5 events whose dates span more than one year" in t
               for t in texts)
    assert not any(o.output_type == "stream" and o.name == "stderr" for c in nb.cells for o in c.get("outputs", []))


def test_the_notebook_stops_on_a_bad_freq(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as e:
        _run(tmp_path, freq="weekly")
    assert e.value.ename == "ParameterError"
    assert e.value.evalue == "Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'."
