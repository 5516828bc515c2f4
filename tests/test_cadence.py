"""helpers.cadence: counts per period aware of date precision, gaps between killings, eras, and the
national series. Expected values are counted by hand from tiny frames built here or from data/."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import Dataset, ParameterError, cadence, captions, dates, eras, params
from conftest import run_notebook
from helpers.captions.claimed import Caption
from helpers.data import vocabulary



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


#: No roles: no event of a hand-made frame names a subject.
NOROLES = pd.DataFrame({"event_id": pd.Series(dtype=object), "person_id": pd.Series(dtype=object),
                        "role": pd.Series(dtype=object), "certainty": pd.Series(dtype=object)})


def violent(ds) -> tuple:
    return vocabulary.violent_methods(ds.descriptor)


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
    events = cadence.select(ds.events, ds.roles, types=["arrest"], scope="domestic")
    table, unplaceable = cadence.counts(events, freq="year")
    # Domestic arrests in data/events.csv dated within 1937: alexei-rykov-arrest (1937),
    # nikolai-bukharin-arrest (1937-02), genrikh-yagoda-arrest (1937-03), filipp-medved-arrest-2
    # (1937-05), artur-artuzov-arrest (05-13), mikhail-tukhachevsky-arrest (05-22),
    # yakov-agranov-arrest (07-20) = 7, + Puzitsky (puzitsky-arrest, 1937-01-01/1937-04-29, inside
    # 1937) = 8. The Great Purge's 1.5 million arrests are a tally now,
    # not an event: nothing named great-purge is counted or listed.
    assert table.loc[pd.Period("1937", "Y"), "arrest"] == 8
    assert not any(e.startswith("great-purge") for e in set(events.event_id) | set(unplaceable.event_id))


# --- choosing events ---------------------------------------------------------------------------

def test_select_leaves_out_background_and_hedged_events():
    ev = frame(("war", "1939-09-01", "context"),
               ("murder", "1939-07-15?", "assassination", "domestic", "alleged"),
               ("rival", "1940-06", "death", "abroad", "disputed", "hanging"),
               ("shot", "1940-02-04", "execution"))
    assert list(cadence.select(ev, NOROLES).event_id) == ["murder", "shot", "rival"]        # no 'context'
    assert list(cadence.select(ev, NOROLES, scope="abroad").event_id) == ["rival"]
    assert list(cadence.select(ev, NOROLES, types=["context"]).event_id) == ["war"]
    # The window keeps what overlaps it: only 'rival' (June 1940) reaches into 1940-06-10..
    assert list(cadence.select(ev, NOROLES, first=pd.Timestamp("1940-06-10")).event_id) == ["rival"]
    # Bounds of the window are inclusive: 'shot' (4 Feb 1940) is kept by a window that ends or starts that day.
    assert "shot" in set(cadence.select(ev, NOROLES, last=pd.Timestamp("1940-02-04")).event_id)
    assert "shot" in set(cadence.select(ev, NOROLES, first=pd.Timestamp("1940-02-04")).event_id)
    assert "shot" not in set(cadence.select(ev, NOROLES, first=pd.Timestamp("1940-02-05")).event_id)


def op_frame(*rows) -> pd.DataFrame:
    """Events as `frame`, each row followed by its operation_id (or None)."""
    ev = frame(*[r[:-1] for r in rows])
    return ev.assign(operation_id=[r[-1] for r in rows])


def test_select_counts_an_operations_mass_events_once():
    ev = op_frame(("site-a", "1940-04-04/1940-05", "massacre", "op"),
                  ("site-b", "1940-04/1940-05", "massacre", "op"),        # same operation and type, no subject
                  ("order", "1940-03-05", "order", "op"),                 # same operation, another type
                  ("named", "1940-04-20", "execution", "op"),             # names a subject: never merged
                  ("named-2", "1940-04-21", "execution", "op"),
                  ("elsewhere", "1940-04", "massacre", None))             # in no operation
    roles = pd.DataFrame({"event_id": ["named", "named-2"], "person_id": ["p", "q"], "role": ["subject"] * 2,
                          "certainty": ["stated"] * 2})
    got = cadence.select(ev, roles)
    # Six rows become five: site-a and site-b are one row 'op:massacre' spanning 1 April - 31 May 1940.
    assert list(got.event_id) == ["order", "elsewhere", "op:massacre", "named", "named-2"]
    one = got.set_index("event_id").loc["op:massacre"]
    assert (one.start, one.end, one.parts) == (pd.Timestamp("1940-04-01"), pd.Timestamp("1940-05-31"),
                                               "site-a, site-b")
    assert cadence.merged_rows(got).event_id.tolist() == ["op:massacre"]
    # Per year: massacres 2 (op:massacre and 'elsewhere'), not 3; executions 2; one order.
    table, _ = cadence.counts(got, freq="year")
    assert table.loc[pd.Period("1940", "Y")].to_dict() == {"execution": 2, "massacre": 2, "order": 1}
    # Without roles naming the two executions' subjects, they would merge too: the roles decide.
    assert "op:execution" in set(cadence.select(ev, NOROLES).event_id)


def test_window_reads_years_and_dates_and_checks_the_order():
    assert params.check_window(1937, "1938-03") == (pd.Timestamp("1937-01-01"), pd.Timestamp("1938-03-31"))
    with pytest.raises(ParameterError) as err:
        params.check_window(1938, 1937)
    assert str(err.value) == ("Parameter `end` got 1937; it accepts a year or date no earlier than "
                              "`start` (1938).")


def test_event_types_come_from_the_descriptor(ds):
    types = vocabulary.event_types(ds.descriptor)
    # data/datapackage.json, events.type: 22 types from 'appointment' to 'context', in that order.
    assert len(types) == 22 and types[:3] == ["appointment", "dismissal", "demotion"] and types[-1] == "context"
    assert "massacre" in types and "shooting" not in types            # a type, not a method
    # Read from the descriptor it is given, not from a constant: a changed vocabulary shows.
    changed = json.loads(json.dumps(ds.descriptor))
    events = next(r for r in changed["resources"] if r["name"] == "events")
    next(f for f in events["schema"]["fields"] if f["name"] == "type")["constraints"]["enum"] = ["a", "b"]
    assert vocabulary.event_types(changed) == ["a", "b"]


def test_killings_in_the_data(ds):
    kills = set(cadence.killings(ds.events, violent(ds)).event_id)
    assert "vyacheslav-menzhinsky-death" not in kills  # illness, in both sources (the poisoning is an allegation)
    assert "zinaida-reich-assassination" in kills      # stabbed
    assert "katyn-massacre" in kills                   # a massacre
    assert "leon-trotsky-assassination" in kills
    assert "lev-sedov-death" not in kills              # method unknown: not a killing
    assert "vladimir-lenin-death" not in kills         # no method given
    assert "leon-trotsky-attempt" not in kills         # an attempt kills no one
    # With no violent methods given, a death is never a killing (no hidden default list).
    assert "vyacheslav-menzhinsky-death" not in set(cadence.killings(ds.events).event_id)


def test_a_death_is_a_killing_only_by_a_violent_method(ds):
    ev = frame(("poisoned", "1934-05-10", "death", "domestic", "stated", "poison"),
               ("ill", "1924-01-21", "death", "domestic", "stated", "illness"),
               ("lured", "1938-07", "death", "abroad", "stated", "lure"),
               ("unknown", "1938-02-16", "death", "abroad", "stated", None))
    # datapackage.json's `violent` list holds poison, not illness or lure.
    assert list(cadence.killings(ev, violent(ds)).event_id) == ["poisoned"]


def test_killings_counted_once_in_the_data(ds):
    kills = cadence.killings(cadence.select(ds.events, ds.roles), violent(ds))
    # Katyn's two massacre rows (katyn-massacre, kalinin-prison-shootings; operation katyn-1940,
    # no subject) are one killing row; neither part is a row of its own.
    katyn = kills[kills.event_id == "katyn-1940:massacre"]
    assert len(katyn) == 1 and katyn.parts.iloc[0] == "kalinin-prison-shootings, katyn-massacre"
    assert not {"katyn-massacre", "kalinin-prison-shootings"} & set(kills.event_id)


def test_no_tally_is_ever_counted(ds):
    everything = cadence.select(ds.events, ds.roles)
    table, unplaceable = cadence.align_national(cadence.select(ds.events, ds.roles, scope="domestic"),
                                                ds.convictions_by_year, violent(ds))
    tallies = set(ds.tallies.tally_id)
    assert len(tallies) >= 1
    assert not tallies & set(everything.event_id) and not tallies & set(unplaceable.event_id)
    # The old total rows are gone from the events: none can be counted.
    gone = {"katyn-executions-1940-total", "great-purge-arrests", "great-purge-executions", "great-purge-toll"}
    assert not gone & set(ds.events.event_id) and not gone & set(everything.event_id)
    # The national comparison counts no Great Purge total: the killings of 1937 and 1938 are named killings
    # only, each source's rows apart (counted in test_align_national_counts_each_source_apart). Changed: it
    # was 12 (3 + 9) when the reference's rows counted as the case file's and Zakovsky counted twice, alone
    # and inside frinovsky-officer-shootings. By hand from data/events.csv: the case file's 1937 Artuzov,
    # Tukhachevsky = 2 and 1938 Slutsky, Rykov, Bukharin, Yagoda, Frinovsky's officers (with Zakovsky) = 5;
    # the reference's 1937 Medved = 1 and 1938 Peters, Davtyan, Agranov = 3.
    assert table.loc[1937:1938, "killings"].sum() == 7
    assert table.loc[1937:1938, "other_killings"].sum() == 4


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
    g = cadence.gaps(dated)
    assert g[["days", "min_days", "max_days"]].values.tolist() == [[0.0, 0, 0]]


def test_overlapping_dates_give_a_shortest_gap_of_zero_never_below():
    # 'day' (10 Feb 1940) stands before 'month' (February 1940, midpoint: 1 Feb + 28 days / 2 = 15 Feb).
    dated, _ = cadence.dated_killings(frame(("month", "1940-02", "execution"), ("day", "1940-02-10", "execution")))
    assert list(dated.event_id) == ["day", "month"] and dated.mid.iloc[1] == pd.Timestamp("1940-02-15")
    g = cadence.gaps(dated)
    # shortest: 1 Feb - 10 Feb = -9, shown as 0; longest: 29 Feb (leap year) - 10 Feb = 19; midpoints 5 days.
    assert g[["days", "min_days", "max_days"]].values.tolist() == [[5.0, 0, 19]]


def test_the_midpoint_of_an_odd_span_is_rounded_down_to_a_day():
    # September 1918: 1-30 September, 29 days after the first; halfway is 15 Sep at noon, rounded down to 15 Sep.
    dated, _ = cadence.dated_killings(frame(("sept", "1918-09", "massacre")))
    assert dated.mid.iloc[0] == pd.Timestamp("1918-09-15")


def test_a_killing_dated_to_max_span_days_is_kept_one_more_is_not():
    # 1940-01-01/1940-01-31 spans 31 days (kept); 1940-01-01/1940-02-01 spans 32 (too vague).
    dated, vague = cadence.dated_killings(frame(("a", "1940-01-01/1940-01-31", "execution"),
                                                ("b", "1940-01-01/1940-02-01", "execution")))
    assert list(dated.event_id) == ["a"] and list(vague.event_id) == ["b"]


MASS = pd.DataFrame({"id": ["m1"], "name": ["Mass"], "start": [pd.Timestamp("1940-02-04")],
                     "end": [pd.Timestamp("1940-02-20")], "events": ["m1-site"]})


def test_a_stretch_holding_a_mass_killing_is_not_quiet():
    dated, _ = cadence.dated_killings(KILLS)
    g = cadence.gaps(dated)           # k1 (1 Feb) -> k2 (4 Feb) -> k3 (16 March)
    spells = cadence.quiet_spells(g, mass=MASS).set_index("before")
    # The mass killing (4-20 Feb) falls in k2 -> k3, and its first day is the last of k1 -> k2
    # (1-4 Feb; bounds count): neither stretch is quiet.
    assert spells.loc["k3", "during"] == "Mass" and not spells.loc["k3", "quiet"]
    assert not spells.loc["k2", "quiet"]
    # Ending on 1 Feb, the first day of k1 -> k2, it still falls in that stretch; ending on 31 Jan it does not.
    touching = MASS.assign(start=pd.Timestamp("1940-01-20"), end=pd.Timestamp("1940-02-01"))
    assert cadence.quiet_spells(g, mass=touching).set_index("before").quiet.to_dict() == {"k2": False, "k3": True}
    earlier = touching.assign(end=pd.Timestamp("1940-01-31"))
    assert cadence.quiet_spells(g, mass=earlier).quiet.tolist() == [True, True]
    # A mass killing that is itself one of the two killings does not unquiet the stretch.
    own = MASS.assign(events="k2, other")
    assert cadence.quiet_spells(g, mass=own).quiet.tolist() == [True, True]
    # Without mass killings every stretch is quiet.
    assert cadence.quiet_spells(g).quiet.all()


def test_gaps_in_the_data(ds):
    first, last = pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31")
    events = cadence.select(ds.events, ds.roles, first=first, last=last)
    dated, _ = cadence.dated_killings(cadence.killings(events, violent(ds)))
    spells = cadence.quiet_spells(cadence.gaps(dated), n=1, mass=cadence.mass_killings(ds, first, last))
    # The longest interval: the Red Terror (September 1918, midpoint 15 Sep, rounded down from noon)
    # to Savinkov's death (7 May 1925): 6 years with 1920 and 1924 as leap years = 2192 days to
    # 15 Sep 1924, then 15 + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 7 = 234 days to 7 May 1925 = 2426.
    assert (spells.after.iloc[0], spells.before.iloc[0], spells.days.iloc[0]) == (
        "red-terror", "boris-savinkov-assassination", 2426.0)
    # It is not quiet: the suppression of the Georgian uprising (August-October 1924) falls in it.
    assert spells.during.iloc[0] == "Suppression of the Georgian uprising" and not spells.quiet.iloc[0]
    run = cadence.runs(cadence.gaps(dated)).sort_values("killings").iloc[-1]
    # January-February 1940: Redens (21 Jan), Babel (27 Jan), Meyerhold (1 Feb), Trilisser (2 Feb),
    # Frinovsky and Yezhov (4 Feb), Passov (15 Feb): 7 killings in 25 days.
    assert (run["first"], run["last"], run.killings, run.days) == (
        "stanislav-redens-execution", "zelman-passov-execution", 7, 25.0)


# --- mass killings dated to a span -------------------------------------------------------------

def small_package(events: pd.DataFrame, tallies: list[dict], operations: list[dict]) -> Dataset:
    tally_cols = ["tally_id", "counted", "subject", "period", "low", "best", "high", "qualifier", "operation_id",
                  "event_id", "part_of", "source_id"]
    t = pd.DataFrame([{c: row.get(c) for c in tally_cols} for row in tallies], columns=tally_cols)
    for col in ("low", "best", "high"):
        t[col] = t[col].astype("Int64")
    b = [dates.parse(x) for x in t.period]
    t["period_earliest"] = pd.to_datetime([x.earliest for x in b])
    t["period_latest"] = pd.to_datetime([x.latest for x in b])
    ops = pd.DataFrame(operations, columns=["operation_id", "name", "scope"])
    ev = events.assign(source_id="case-file-0121", deaths_low=pd.NA, deaths_best=pd.NA, deaths_high=pd.NA,
                       deaths_qualifier=None)
    descriptor = {"resources": [{"name": "events", "schema": {"fields": [
        {"name": "method", "violent": ["shooting"]}]}}]}
    return Dataset(descriptor=descriptor, tables={"events": ev, "tallies": t, "operations": ops, "roles": NOROLES})


def test_mass_killings_as_spans_with_their_figures_per_source():
    ev = op_frame(("site-a", "1940-04-04/1940-05", "massacre", "kat"),
                  ("site-b", "1940-04/1940-05", "massacre", "kat"),
                  ("order", "1940-03-05", "order", "kat"),
                  ("purge-start", "1936-09-26", "context", "purge"))
    tallies = [
        {"tally_id": "kat-ref", "counted": "shot", "period": "1940", "best": 21857, "qualifier": "exactly",
         "operation_id": "kat", "source_id": "reference-facts"},
        {"tally_id": "kat-forest", "counted": "shot", "period": "1940", "best": 4421, "qualifier": "exactly",
         "operation_id": "kat", "part_of": "kat-ref", "source_id": "reference-facts"},   # a part: not shown
        {"tally_id": "kat-cf", "counted": "shot", "period": "1940-04/1940-05", "best": 12000, "qualifier": "about",
         "operation_id": "kat", "source_id": "case-file-0121"},
        {"tally_id": "purge-shot", "counted": "shot", "period": "1937/1938", "best": 681692, "qualifier": "exactly",
         "operation_id": "purge", "source_id": "reference-facts"},
        {"tally_id": "purge-shot-wide", "counted": "shot", "period": "1936/1938", "low": 700000,
         "qualifier": "at_least", "operation_id": "purge", "source_id": "other"},
        {"tally_id": "purge-shot-bound", "counted": "shot", "period": "1936-10/1938-11", "low": 724000,
         "qualifier": "at_least", "operation_id": "purge", "source_id": "reference-facts"},  # a bound beside a number
        {"tally_id": "purge-arrested", "counted": "arrested", "period": "1937", "best": 1548366,
         "qualifier": "exactly", "operation_id": "purge", "source_id": "reference-facts"}]
    ops = [{"operation_id": "kat", "name": "Katyn", "scope": "domestic"},
           {"operation_id": "purge", "name": "Great Purge", "scope": "domestic"},
           {"operation_id": "quiet", "name": "No killing", "scope": "abroad"}]
    small = small_package(ev, tallies, ops)
    mass = cadence.mass_killings(small).set_index("id")
    # 'quiet' has neither a shot tally nor a massacre: no row.
    assert list(mass.index) == ["purge", "kat"]
    # Katyn: the hull of its two massacres, 1 April - 31 May 1940 (not the tallies' year 1940).
    assert (mass.loc["kat", "start"], mass.loc["kat", "end"], mass.loc["kat", "dated_by"]) == (
        pd.Timestamp("1940-04-01"), pd.Timestamp("1940-05-31"), "killings")
    assert mass.loc["kat", "figures"] == "about 12,000 (case-file-0121); 21,857 (reference-facts)"
    assert mass.loc["kat", "events"] == "site-a, site-b"
    # The purge has no killing event: the period of its narrowest shot tally, 1937/1938 (not 1936/1938).
    assert (mass.loc["purge", "start"], mass.loc["purge", "end"], mass.loc["purge", "dated_by"]) == (
        pd.Timestamp("1937-01-01"), pd.Timestamp("1938-12-31"), "tally")
    # Each source's principal figures: reference-facts states 681,692, so its bound (at least 724,000)
    # is left out; 'other' states only a bound, so the bound shows.
    assert mass.loc["purge", "figures"] == "at least 700,000 (other); 681,692 (reference-facts)"
    # The window: a span ending on `first` is kept, one ending the day before is not.
    assert list(cadence.mass_killings(small, first=pd.Timestamp("1939-01-01")).id) == ["kat"]
    assert list(cadence.mass_killings(small, first=pd.Timestamp("1938-12-31")).id) == ["purge", "kat"]
    assert list(cadence.mass_killings(small, last=pd.Timestamp("1940-03-31")).id) == ["purge"]
    assert list(cadence.mass_killings(small, last=pd.Timestamp("1940-04-01")).id) == ["purge", "kat"]
    assert cadence.mass_killings(small, scope="abroad").empty


def test_mass_killings_in_the_data(ds):
    mass = cadence.mass_killings(ds, pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31")).set_index("id")
    # Katyn (operation katyn-1940): April-May 1940, from its two massacre rows; 21,857 shot per
    # reference-facts §5, about 12,000 per the case file (The Katyn Massacre ¶5).
    katyn = mass.loc["katyn-1940"]
    assert (katyn.start, katyn.end) == (pd.Timestamp("1940-04-01"), pd.Timestamp("1940-05-31"))
    assert "21,857, at all sites" in katyn.figures and "12,000 at Katyn (case-file-0121)" in katyn.figures
    # The Great Purge: 1937-1938, 681,692 shot per reference-facts §5; about 680,000 per the case file
    # (The Assassination of Abram Slutsky ¶6).
    purge = mass.loc["great-purge"]
    assert (purge.start.year, purge.end.year) == (1937, 1938)
    assert "681,692 (reference-facts)" in purge.figures and "680,000 (case-file-0121)" in purge.figures
    # The years the figures count over may run past the span (tallies.csv periods): the case file's 680,000 over
    # 1936?-1938 and the reference's over 1937-1938 give 1936/1938; the Red Terror's toll (red-terror-shot-
    # case-file, 1918/1922) is of 1918-1922 while its killing is dated September 1918; Katyn's figures, 1940.
    assert (purge.figures_cover, mass.loc["red-terror", "figures_cover"], katyn.figures_cover) == (
        "1936/1938", "1918/1922", "1940")
    assert mass.loc["georgian-uprising-suppression", "figures_cover"] == ""  # its toll is the event's own: no tally
    # Massacres in no operation are spans too: the Georgian uprising (August-October 1924). The case
    # file gives only "thousands" for it and for the Red Terror, recorded as at least 2,000 (the
    # Georgian row's deaths_low in events.csv; red-terror-shot-case-file in tallies.csv).
    assert (mass.loc["georgian-uprising-suppression", "start"], mass.loc["georgian-uprising-suppression", "end"]) == (
        pd.Timestamp("1924-08-01"), pd.Timestamp("1924-10-31"))
    assert mass.loc["red-terror", "figures"] == mass.loc["georgian-uprising-suppression", "figures"] == (
        "thousands (coded as at least 2,000) (case-file-0121)")  # the words kept since data 0.4.0 (in_words)
    # The Great Purge has no killing event of its own: its span is its narrowest total's period, 1937/1938.
    assert purge.dated_by == "tally" and (purge.start, purge.end) == (pd.Timestamp("1937-01-01"),
                                                                      pd.Timestamp("1938-12-31"))


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

def test_the_two_tallies_differ_where_both_give_a_figure_and_one_year_has_only_one(ds, database):
    # data/convictions_by_year.csv, by hand: the kgb rows give other convictions in 1925, 1931, 1936 and 1939-1952 (17
    # years; their death sentences differ in 1931, 1939-1947 and 1950-1952, all among them); for 1953 (the first half)
    # the kgb row gives no figure at all. A figure beside none is no disagreement: "differs in 18" (a reader's 01 c21)
    # counted 1953 among the differences.
    differ = cadence.tallies_differ(ds.convictions_by_year)
    assert differ == [1925, 1931, 1936, *range(1939, 1953)] and len(differ) == 17
    assert cadence.tallies_silent(ds.convictions_by_year) == [1953]
    found = cadence.series_claims(ds, differ)
    assert (found["differ"].value, found["silent"].value, found["silent_years"]) == (17, 1, "1953")
    assert [database.execute(found[k].sql).fetchone()[0] for k in ("differ", "silent")] == [17, 1]
    series = cadence.national(ds.convictions_by_year)
    words = captions.cadence.national(found, series, pd.DataFrame(columns=["parts", "event_id"]),
                                      Caption("")).text
    assert "the other tally differs in 17 of these 33 years, and only one of the two gives a figure in 1 (1953))" in words


def test_national_series(ds):
    nat = cadence.national(ds.convictions_by_year)
    # data/convictions_by_year.csv, rows 'mvd': 1937 790,665 and 353,074; 1948 has no death sentences;
    # 1953 is the first half only.
    assert (nat.loc[1937, "convicted"], nat.loc[1937, "sentenced_to_death"]) == (790665, 353074)
    assert pd.isna(nat.loc[1948, "sentenced_to_death"])
    assert nat.partial_year.tolist().count(True) == 1 and nat.loc[1953, "partial_year"]
    assert cadence.national(ds.convictions_by_year, tally="kgb").loc[1931, "convicted"] == 33539
    assert list(nat.index) == list(range(1921, 1954))


def test_align_national_counts_each_source_apart(ds):
    table, unplaceable = cadence.align_national(cadence.select(ds.events, ds.roles, scope="domestic"),
                                                ds.convictions_by_year, violent(ds))
    # Changed (the finding was wrong: "the case file's killings" counted the reference's rows, 01 c22-c23).
    # By hand from data/events.csv, domestic killings dated within 1940: the case file's Meyerhold (1 Feb),
    # Trilisser (2 Feb), Frinovsky and Yezhov (4 Feb), and Katyn once (katyn-massacre and
    # kalinin-prison-shootings, operation katyn-1940, naming no victim: one row) = 5; the reference's
    # Redens (21 Jan), Babel (27 Jan) and Passov (15 Feb) = 3. It was 8 when both counted as the case file's.
    assert (table.loc[1940, "killings"], table.loc[1940, "other_killings"]) == (5, 3)
    # 1938: the case file's Slutsky (17 Feb, assassination), Rykov and Bukharin (March), Yagoda (15 March),
    # Frinovsky's officers (August, holding Zakovsky, 29 Aug, whom it names as one of them) = 5; the
    # reference's Peters (25 Apr), Davtyan (July) and Agranov (1 Aug) = 3. It was 9 with Zakovsky counted
    # twice and the reference's three inside.
    assert (table.loc[1938, "killings"], table.loc[1938, "other_killings"]) == (5, 3)
    # 1937: the case file's executions of Artuzov (21 May) and Tukhachevsky (12 June) = 2; the reference's
    # Medved (July) = 1 (stanislav-messing-death, 1937-09-02, gives no method: no killing). The eight 1937
    # arrests of test_real_data_1937_per_year: the case file's Yagoda (1937-03), Artuzov (05-13) and
    # Agranov (07-20) = 3; the reference's Rykov, Puzitsky, Bukharin, Medved and Tukhachevsky = 5.
    assert (table.loc[1937, "killings"], table.loc[1937, "arrests"]) == (2, 3)
    assert (table.loc[1937, "other_killings"], table.loc[1937, "other_arrests"]) == (1, 5)
    assert table.loc[1937, "killings_ratio"] == pytest.approx(2 / 353074 * 10_000)
    # 1940's national death sentences per case-file killing: 1,649 / 5 = 329.8.
    c = cadence.concentration(table)
    assert (c["highest_ratio_year"], c["sentences_per_killing_high"]) == (1940, pytest.approx(1649 / 5))
    # The peak: 1938 and 1940 tie at 5 killings each in the case file.
    assert c["case_peak"] == 1938
    assert (c["case_peaks"], c["case_peak_killings"]) == ([1938, 1940], 5)
    assert c["partial"] == [1953]  # the first half of 1953: never set beside a whole year
    assert not any(e.startswith("great-purge") for e in unplaceable.event_id)
    # 1934: Kirov (1 Dec), Nikolayev (29 Dec) = 2, both the case file's (Menzhinsky died of illness on 10 May;
    # his poisoning is only Yagoda's forced confession); Borisov and Zaporozhets (1934-12-01/1941-06-22) span
    # several years and are listed instead.
    assert table.loc[1934, "killings"] == 2
    assert {"borisov-assassination", "vania-zaporozhets-execution"} <= set(unplaceable.event_id)
    bare, _ = cadence.align_national(cadence.select(ds.events, ds.roles, scope="domestic"), ds.convictions_by_year, ())
    assert bare.loc[1934, "killings"] == 2                      # no violent methods: the same two (none is a death by method)


def test_the_national_series_leaves_out_katyn_but_holds_the_great_purge(ds):
    table = cadence.national(ds.convictions_by_year)
    beside = cadence.national_tallies(ds, table)
    ref = beside[beside.source_id == "reference-facts"].set_index("operation_id")
    # reference-facts §5: 21,857 shot in 1940 on the special troika's decisions; §3: 1,649 death
    # sentences (MVD) in all 1940. The figure exceeds the year's total: not in the series.
    katyn = ref.loc["katyn-1940"]
    assert (katyn.shot, katyn.first_year, katyn.sentenced_to_death) == (21857, 1940, 1649)
    assert not katyn.in_series and katyn.exceeds
    # §5: 681,692 shot in 1937-38 = 353,074 + 328,618 death sentences of §3: inside the series.
    purge = ref.loc["great-purge"]
    assert (purge.shot, purge.first_year, purge.last_year, purge.sentenced_to_death) == (
        681692, 1937, 1938, 353074 + 328618)
    # Each row names its operation as data/operations.csv does, for the sentence that quotes it.
    assert purge.operation == "Mass operations of the Great Purge (Yezhovshchina)"
    assert katyn.operation == "Katyn killings of Polish prisoners"
    assert purge.in_series and not purge.exceeds
    # Parts of a total are not set beside the series on their own (Katyn forest's 4,421 is a part).
    assert 4421 not in set(beside.shot)
    found = cadence.note_claims(ds, beside)
    note = captions.cadence.national_note(beside, found).text
    # The sentence names the Katyn figures against 1940's 1,649 and the Great Purge's against 1937-38; each
    # figure names its source by its own rows (claims.scope), no longer by the source's id.
    # 12,000 and 21,857 are each larger than 1,649: they cannot all be among them (no source says which
    # courts or organs the series counts, so the sentence says no more than the arithmetic does).
    assert ("(21,857 in the reference) cannot all be among the 1,649 national death sentences of 1940: each "
            "figure alone is larger than the year's total.") in note
    assert "681,692 in the reference: shot in 1937–1938" in note and "fall inside the series" in note
    # 681,692 is exactly 353,074 + 328,618, the series' own death sentences of 1937-1938 (reference §3 and §5):
    # an echo of the series, not a second count, and the note says so; the case file's 680,000 is no such sum.
    assert list(beside.tally_id[beside.series_sum]) == ["great-purge-shot-reference"]
    assert "The reference's 681,692 is the series' own sum for those years: it agrees by construction" in note
    assert "The Mass operations of the Great Purge (Yezhovshchina) (" in note  # named as data/operations.csv does
    assert found["shot-katyn-1940-shot-reference"].value == 21857 and found["sentences-1940-1940"].value == 1649
    # Were Katyn inside the series, no sentence would say it is left out.
    assert "leaves out" not in captions.cadence.national_note(beside.assign(in_series=True), found).text


def test_disputed_dates_of_the_killings(ds):
    kills = cadence.killings(cadence.select(ds.events, ds.roles), violent(ds))
    d = cadence.disputed_dates(ds, kills)
    by = d.set_index(["event_id", "attested"])
    # data/attestations.csv: Artuzov shot 1937-05-21 (case file) or 1937-08-21 (reference): same year.
    assert by.loc[("artur-artuzov-execution", "1937-08-21"), "recorded"] == "1937-05-21"
    assert not by.loc[("artur-artuzov-execution", "1937-08-21"), "other_year"]
    # Spiegelglas: 1941-01-29, or 1940-02-12, or 1939: another year each time.
    assert by.loc[("sergei-spiegelglas-execution", "1940-02-12"), "other_year"]
    assert by.loc[("sergei-spiegelglas-execution", "1939"), "other_year"]
    # The reference's 1941 for him agrees: not a disagreement.
    assert ("sergei-spiegelglas-execution", "1941") not in by.index
    # Only killings: Spiegelglas's arrest and tenures are not listed.
    assert set(d.event_id) <= set(kills.event_id)
    # A merged row's parts are looked up: a rival date of a part would show under the part's id.
    parts = kills.assign(event_id="merged", parts="artur-artuzov-execution")
    assert set(cadence.disputed_dates(ds, parts[parts.event_id == "merged"].head(1)).event_id) == {
        "artur-artuzov-execution"}


def test_a_rival_date_in_another_year_is_flagged_either_way():
    ev = frame(("dec", "1937-12", "execution"), ("span", "1937/1938", "execution"))
    ev = ev.assign(source_id="case-file-0121", locator="x")
    att = pd.DataFrame({"attestation_id": ["later", "same", "inside"], "event_id": ["dec", "dec", "span"],
                        "position_id": [None] * 3, "field": ["date"] * 3, "date": ["1938-01-05", "1937-11", "1938-02"],
                        "agrees": pd.array([False, False, False], dtype="boolean"), "source_id": ["reference-facts"] * 3,
                        "locator": ["y"] * 3, "note": [None] * 3})
    b = [dates.parse(d) for d in att.date]
    att["date_earliest"] = pd.to_datetime([x.earliest for x in b])
    att["date_latest"] = pd.to_datetime([x.latest for x in b])
    day = pd.Timestamp("1936-01-01")
    pos = pd.DataFrame({"position_id": ["p--post"], "start": ["1936-01-01"], "end": ["1936-01-01"],
                        "start_earliest": [day], "start_latest": [day], "end_earliest": [day], "end_latest": [day],
                        "source_id": ["case-file-0121"], "locator": ["x"]})
    small = Dataset(descriptor={}, tables={"events": ev, "positions": pos, "attestations": att})
    got = cadence.disputed_dates(small, ev).set_index("attested").other_year.to_dict()
    # December 1937 vs 5 January 1938: a year later. vs November 1937: same year.
    # 1937/1938 vs February 1938: inside the recorded years.
    assert got == {"1938-01-05": True, "1937-11": False, "1938-02": False}


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
    # The most killings of a whole year: 2, in 1937 only (the partial 1939's 4 do not count).
    assert (c["case_peaks"], c["case_peak_killings"]) == ([1937], 2)
    other = table.assign(killings=[1, 1, 1, 4])
    assert list(cadence.difference(table, other).index) == [1937]


def test_not_stated_and_subject_sides(ds):
    domestic = cadence.select(ds.events, ds.roles, scope="domestic")
    # Domestic arrests and killings whose certainty is not 'stated' in data/events.csv.
    assert cadence.not_stated(domestic, violent(ds)).event_id.tolist() == [
        "boris-savinkov-assassination", "zinaida-reich-assassination"]
    # Menzhinsky's death is stated, and no killing: it is in neither list.
    assert "vyacheslav-menzhinsky-death" not in set(cadence.not_stated(domestic).event_id)
    ev = frame(("a", "1938-03-15", "execution"), ("b", "1938-08", "execution"), ("c", "1940", "massacre"),
               ("d", "1939", "execution"))
    roles = pd.DataFrame({"event_id": ["a", "b", "d", "a"], "person_id": ["p", "q", "r", "r"],
                          "role": ["subject", "subject", "subject", "perpetrator"], "certainty": ["stated"] * 4})
    people = pd.DataFrame({"person_id": ["p", "q", "r"], "side": ["apparatus", "apparatus", "emigre"]})
    small = Dataset(descriptor={}, tables={"events": ev, "roles": roles, "people": people})
    # a and b strike the apparatus, d an emigre; c names no subject; r's perpetrator role in a is no subject.
    assert cadence.subject_sides(small, ev).to_dict() == {"apparatus": 2, "emigre": 1, "none named": 1}


# --- what the sentences quote ------------------------------------------------------------------

def test_busiest_period_and_the_share_of_a_column():
    table = pd.DataFrame({"domestic": [1, 0, 2], "abroad": [0, 3, 1]},
                         index=pd.period_range("1937-01", periods=3, freq="M"))
    # Per month 1, 3 and 3 events: 7 placed; February is the first month with 3.
    got = cadence.busiest(table)
    assert (got["placed"], got["period"], got["events"]) == (7, pd.Period("1937-02", "M"), 3)
    # Abroad: 0 + 3 + 1 = 4 of the 7, most in February.
    got = cadence.busiest(table, "abroad")
    assert (got["placed"], got["of"], got["period"], got["events"]) == (4, 7, pd.Period("1937-02", "M"), 3)
    assert got["share"] == pytest.approx(4 / 7)
    # No column 'abroad' at all: nothing placed abroad, a share of 0.
    got = cadence.busiest(table[["domestic"]], "abroad")
    assert (got["placed"], got["of"], got["share"]) == (0, 3, 0)


def test_type_peaks_and_era_totals():
    table = pd.DataFrame({"arrest": [2, 3], "execution": [3, 1]}, index=pd.period_range("1937", periods=2, freq="Y"))
    peaks = cadence.type_peaks(table)
    # The darkest cells hold 3: executions in 1937 and arrests in 1938; arrests 5 in all, executions 4.
    assert peaks["most"] == 3
    assert [(str(p), t) for p, t in peaks["cells"].index] == [("1937", "execution"), ("1938", "arrest")]
    assert peaks["by_type"].to_dict() == {"arrest": 5, "execution": 4}
    by_era = pd.DataFrame({"era": ["A", "B", "C"], "per_year": [1.0, 3.0, 3.0], "events": [2, 6, 9],
                           "not_stated": [0, 1, 2]})
    totals = cadence.era_totals(by_era)
    # B and C tie at 3 a year: B, the first; 2 + 6 + 9 = 17 events, 0 + 1 + 2 = 3 of them not stated.
    assert (totals["busiest"].era, totals["events"], totals["not_stated"]) == ("B", 17, 3)


def test_interval_summary_runs_and_moved_killings():
    kills = frame(("a", "1937-01-01", "execution"), ("b", "1937-01-11", "execution"),
                  ("c", "1937-03-01", "execution"), ("d", "1937-03-02", "execution"))
    dated, _ = cadence.dated_killings(kills)
    gap_table = cadence.gaps(dated)
    mass = pd.DataFrame({"name": ["M"], "start": [pd.Timestamp("1937-02-01")], "end": [pd.Timestamp("1937-02-10")],
                         "events": ["x"]})
    spells = cadence.quiet_spells(gap_table, n=2, mass=mass)
    got = cadence.interval_summary(gap_table, spells, mass)
    # Gaps of 10 (a-b), 49 (b-c: 20 days of January and 28 of February, and one) and 1 (c-d) days: median 10.
    # The 49 days hold M: among the two longest, it is the one not quiet; the quiet ones are a-b, then c-d.
    assert got["median"] == 10
    assert list(got["held"].after) == ["b"] and list(got["held"].during) == ["M"]
    assert list(got["quiet"].after) == ["a", "c"] and list(got["quiet"].days) == [10, 1]
    t = pd.Timestamp
    bursts = pd.DataFrame({"killings": [2, 3, 3], "start": [t("1937-01-01"), t("1937-02-01"), t("1937-03-01")]})
    assert list(cadence.longest_run(bursts).start) == [t("1937-02-01")]  # three killings, the earlier of two
    assert cadence.longest_run(bursts.iloc[:0]).empty
    disputed = pd.DataFrame({"event_id": ["b", "a", "b", "c"], "other_year": [True, True, False, False]})
    assert cadence.moved_killings(disputed) == ["a", "b"]


def test_counts_for_prose():
    assert captions.cadence.fmt(1234) == "1,234"
    assert captions.cadence.fmt(1234.0) == "1,234"
    assert captions.cadence.fmt(12.34) == "12.3"


def test_the_rule_is_named_in_words():
    assert "**exclude**" in captions.cadence.describe_rule("exclude", "month")
    assert "**spread**" in captions.cadence.describe_rule("spread", "year")
    with pytest.raises(ParameterError) as err:
        cadence.placements(MIXED, "month", rule="first-day")
    assert str(err.value) == "Parameter `rule` got 'first-day'; it accepts 'exclude' or 'spread'."


# --- the notebook with other parameters --------------------------------------------------------

def test_the_notebook_per_year_abroad(tmp_path):
    nb = run_notebook(tmp_path, "01-purge-cadence", freq="year", scope="abroad")
    texts = [o.get("data", {}).get("text/markdown") or o.get("data", {}).get("text/plain") or o.get("text", "")
             for c in nb.cells for o in c.get("outputs", [])]
    # Events abroad in data/events.csv overlapping 1917-1941: 76 abroad rows, less 11 'context' rows
    # and the five that start after 1941 (richard-sorge-execution 1944, genrikh-lyushkov-death 1945,
    # mark-zborowski-trial 1958-12, mark-zborowski-release 1963/1964, mark-zborowski-death 1990) = 60.
    # The 14 new rows: vladimir-pravdin-arrest (1926-04), vladimir-pravdin-release (1928-04~),
    # valentin-markin-death (1934), nikolai-skoblin-death (1937/1938), nikolai-skoblin-disappearance
    # (1937-09; in miller-1937 but names its subject: not merged), walter-krivitsky-death (1941-02-10),
    # gaik-ovakimian-arrest (1941-05-05), gaik-ovakimian-release (1941-07), richard-sorge-arrest
    # (1941-10-18), richard-sorge-trial (1941-10-18/1944-11-07), and the four after 1941 above.
    # Of the 60, seven span two or more years: willi-munzenberg-appointment, yakov-blumkin-persia-mission,
    # rovs-reorganisation, oun-infiltration, foreign-agents-recall, nikolai-skoblin-death and
    # richard-sorge-trial; 60 - 7 = 53 are placed. And one more row since: pavel-sudoplatov-escape
    # (1938-05-23/1938-11, abroad, inside 1938: placed) = 61 events, 54 placed.
    assert any(t.startswith("**61** events from 1917-01-01 to 1941-12-31") and "scope `abroad`" in t
               and "**exclude**" in t for t in texts)
    assert any("54 events are placed on a year" in t and "7 span more than one year" in t for t in texts)
    assert not any(o.output_type == "stream" and o.name == "stderr" for c in nb.cells for o in c.get("outputs", []))


def test_in_window_keeps_the_bounds_and_the_scope():
    """`counting.in_window`, shared by `select` and the mass killings: a row touching a bound is in; one a day
    outside is out; a scope keeps its own rows; an open bound keeps everything on that side."""
    from helpers.analyses.counting import in_window

    T = pd.Timestamp
    rows = pd.DataFrame({"scope": ["domestic", "abroad", "domestic", "domestic"],
                         "start": [T("1937-01-01"), T("1937-06-01"), T("1936-12-01"), T("1938-01-01")],
                         "end": [T("1937-01-01"), T("1937-12-31"), T("1936-12-31"), T("1938-01-01")]})
    first, last = T("1937-01-01"), T("1937-12-31")
    assert list(in_window(rows, "all", first, last)) == [True, True, False, False]
    assert list(in_window(rows, "domestic", first, last)) == [True, False, False, False]
    assert list(in_window(rows, "abroad", None, None)) == [False, True, False, False]
    assert list(in_window(rows, "all", None, last)) == [True, True, True, False]
    assert list(in_window(rows, "all", first, None)) == [True, True, False, True]


def test_a_mass_killing_outside_the_series_counts_as_one_in_the_ratio():
    c = {"lowest_ratio_year": 1937, "highest_ratio_year": 1940}
    beside = pd.DataFrame({"operation": ["Katyn killings", "Mass operations"], "first_year": [1940, 1937],
                           "in_series": [False, True], "exceeds": [True, False]})
    # Katyn (1940, not in the series) is one killing in 1940's ratio; the mass operations are in the series.
    words = captions.cadence._counted_as_one(c, beside)
    assert "Katyn killings counts as one, though its dead alone outnumber the year's death sentences" in words
    assert "Mass operations" not in words and words.startswith(" (a killing is one event")
    # A figure not larger than the year's total: only the data's reading keeps it out, and the words say so.
    smaller = captions.cadence._counted_as_one(c, beside.assign(exceeds=[False, False]))
    assert "though the data reads its dead as outside the series" in smaller
    # Not a year of the ratio's bounds: nothing said; no frame: nothing said.
    assert captions.cadence._counted_as_one({"lowest_ratio_year": 1937, "highest_ratio_year": 1938}, beside) == ""
    assert captions.cadence._counted_as_one(c, None) == ""


def test_a_period_the_source_leaves_open_is_said_to_be_read(ds):
    # great-purge-shot-case-file: the case file gives 680,000 shot with no years (Slutsky ¶6, as of April
    # 1938); its period is marked uncertain (1936?/1938), so the note says the years are the data's reading.
    tallies = ds.tallies.copy()
    row = tallies.tally_id == "great-purge-shot-case-file"
    for period, given in (("1936?/1938", False), ("1936~/1938", False), ("1936/1938", True)):
        tallies.loc[row, "period"] = period
        other = Dataset(descriptor=ds.descriptor, tables={**ds.tables, "tallies": tallies})
        beside = cadence.national_tallies(other, cadence.national(other.convictions_by_year))
        assert bool(beside.set_index("tally_id").at["great-purge-shot-case-file", "period_given"]) is given
        note = captions.cadence.national_note(beside, cadence.note_claims(other, beside)).text
        open_words = "shot in years the source leaves open, read as 1936–1938"
        assert (open_words in note) is (not given) and ("shot in 1937–1938" in note)


def test_the_ratio_sentence_keeps_its_space_before_the_qualifier(ds):
    domestic = cadence.select(ds.events, ds.roles, scope="domestic")
    aligned, _ = cadence.align_national(domestic, ds.convictions_by_year, violent(ds))
    conc = cadence.concentration(aligned)
    beside = cadence.national_tallies(ds, cadence.national(ds.convictions_by_year))
    text = captions.cadence.concentration(cadence.concentration_claims(ds, cadence.kinds(domestic, violent(ds)), conc),
                                          conc, beside).text
    # 1940: 1,649 national death sentences (reference §3) over the case file's 5 killings = 330 per killing; the
    # year holds Katyn (data/operations.csv katyn-1940), set outside the series
    assert " one per 330 (a killing is one event, however many died: Katyn killings of Polish prisoners counts" in text


def test_the_darkest_cell_is_singular_when_alone(ds):
    from helpers import captions
    # Report 01 (exclude rule, 1917-1941): arrests in 1937 are the one darkest cell, 9 events (events.csv by hand:
    # the next are appointments and arrests in 1938, 8 each); the caption said "the darkest cells hold 9 each".
    events = cadence.select(ds.events, ds.roles, first=pd.Timestamp("1917-01-01"), last=pd.Timestamp("1941-12-31"))
    per_year, _ = cadence.counts(events, freq="year", by="type", rule="exclude", first=pd.Timestamp("1917-01-01"),
                                 last=pd.Timestamp("1941-12-31"), order=ds.vocabulary("events", "type"))
    peaks = cadence.type_peaks(per_year)
    assert [(str(p), t) for p, t in peaks["cells"].index] == [("1937", "arrest")] and peaks["most"] == 9
    words = captions.cadence.type_peaks(cadence.peak_claims(ds, events, per_year, peaks, "year", "exclude"), peaks,
                                        "exclude").text
    assert "the darkest cell holds 9 events: **arrest** in 1937;" in words
