"""The data model of operations, tallies, accounts and organisations' roles, its validation rules,
the evidence layer (helpers.evidence), the stated-only view and the rules of Dataset.fates().

Expected values are counted by hand from tests/fixtures/mini (named in the comments), from frames
built here, or from the case file and the reference table (cited)."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers
from conftest import add_plevitskaya_event, add_row, problems_of, set_cell
from conftest import problems_in as _problems
from helpers import dates, evidence
from helpers.data import vocabulary

T = pd.Timestamp


def frame(*rows) -> pd.DataFrame:
    """Events from (event_id, EDTF date, type, operation_id, certainty) with their bounds."""
    out = []
    for event_id, date, type_, operation, certainty in rows:
        b = dates.parse(date)
        out.append({"event_id": event_id, "date": date, "type": type_, "operation_id": operation,
                    "certainty": certainty, "start": T(b.earliest), "end": T(b.latest)})
    return pd.DataFrame(out)


# --- certainty --------------------------------------------------------------------------------------

def test_certainty_order_is_the_vocabulary(mini):
    assert list(evidence.CERTAINTY) == evidence.certainty_order(helpers.load(mini))


@pytest.mark.parametrize("a, b, weaker", [
    ("stated", "stated", "stated"), ("stated", "alleged", "alleged"), ("alleged", "stated", "alleged"),
    ("alleged", "disputed", "disputed"), ("disputed", "stated", "disputed"),
])
def test_weakest_of_two_certainties(a, b, weaker):
    assert evidence.weakest(pd.Series([a]), pd.Series([b])).iloc[0] == weaker


def test_strongest_certainty():
    assert evidence.strongest(["disputed", "alleged"]) == "alleged"
    assert evidence.strongest(["disputed", "stated", "alleged"]) == "stated"
    assert evidence.strongest(["disputed"]) == "disputed"


# --- uncertain dates -----------------------------------------------------------------------------------

def test_span_between_two_exact_days_and_an_equal_day():
    # 1937-05-13 -> 1937-05-21: 8 days both ways; a day to itself: 0.
    assert evidence.span_days(T("1937-05-13"), T("1937-05-13"), T("1937-05-21"), T("1937-05-21")) == (8, 8)
    assert evidence.span_days(T("1937-05-13"), T("1937-05-13"), T("1937-05-13"), T("1937-05-13")) == (0, 0)


def test_span_between_partial_dates_is_bounds_and_may_be_negative():
    # March 1937 (1-31) to April 1937 (1-30): shortest 31 March -> 1 April = 1; longest 1 March -> 30 April = 60.
    assert evidence.span_days(T("1937-03-01"), T("1937-03-31"), T("1937-04-01"), T("1937-04-30")) == (1, 60)
    # Two windows that overlap: the later may come first (-30) or 30 days after.
    assert evidence.span_days(T("1937-03-01"), T("1937-03-31"), T("1937-03-01"), T("1937-03-31")) == (-30, 30)
    lo, hi = evidence.span_days(pd.Series([T("1937-03-01")]), pd.Series([T("1937-03-31")]),
                                pd.Series([T("1937-04-01")]), pd.Series([T("1937-04-30")]))
    assert (lo.iloc[0], hi.iloc[0]) == (1, 60) and str(lo.dtype) == "Int64"


@pytest.mark.parametrize("b_lo, b_hi, expected", [
    ("1937-03-31", "1937-04-05", True),    # touches on the last day of the first window
    ("1937-04-01", "1937-04-05", False),   # starts the day after it ends
    ("1937-02-01", "1937-03-01", True),    # ends on its first day
    ("1937-02-01", "1937-02-28", False),   # ends the day before it starts
    ("1937-02-01", "1937-05-01", True),    # covers it
])
def test_overlap_of_windows_at_their_bounds(b_lo, b_hi, expected):
    assert bool(evidence.overlaps(T("1937-03-01"), T("1937-03-31"), T(b_lo), T(b_hi))) is expected


def test_midpoint_is_the_day_halfway_rounded_down():
    assert evidence.midpoint(T("1937-03-01"), T("1937-03-31")) == T("1937-03-16")   # 30 days: +15
    assert evidence.midpoint(T("1937-03-01"), T("1937-03-02")) == T("1937-03-01")   # 1 day: +0.5, down
    assert evidence.midpoint(T("1937-03-05"), T("1937-03-05")) == T("1937-03-05")   # a single day
    mid = evidence.midpoint(pd.Series([T("1940-04-01")]), pd.Series([T("1940-05-31")]))
    assert mid.iloc[0] == T("1940-05-01")                    # 60 days (April has 30): 1 April + 30 = 1 May


# --- operations: counting once -----------------------------------------------------------------------

def test_an_operations_unnamed_events_of_one_type_count_once():
    events = frame(("site-a", "1940-04-04/1940-05", "massacre", "op", "stated"),
                   ("site-b", "1940-04/1940-05", "massacre", "op", "alleged"),
                   ("order", "1940-03-05", "order", "op", "stated"),
                   ("named", "1940-04-10", "execution", "op", "stated"),
                   ("named-2", "1940-04-11", "execution", "op", "stated"),
                   ("elsewhere", "1940-04", "massacre", None, "stated"),
                   ("select-a", "1940-03", "operation", "op", "stated"),
                   ("select-b", "1940-04", "operation", "op", "stated"))
    roles = pd.DataFrame({"event_id": ["named", "named-2"], "person_id": ["x", "y"], "role": ["subject", "subject"]})
    once = evidence.count_once(events, roles).set_index("event_id")
    # site-a and site-b are one massacre; the order, each named execution, the massacre outside the
    # operation and the two steps of type `operation` (not a killing) stay as they are: 8 rows become 7.
    assert len(once) == 7
    assert set(once.index) == {"op:massacre", "order", "named", "named-2", "elsewhere", "select-a", "select-b"}
    merged = once.loc["op:massacre"]
    assert (merged.start, merged.end) == (T("1940-04-01"), T("1940-05-31"))      # the hull of both
    assert merged.certainty == "alleged"                                           # the weaker of the two
    assert merged.parts == "site-a, site-b"


def test_a_lone_event_of_an_operation_is_kept_as_it_is():
    events = frame(("only", "1940-04", "massacre", "op", "stated"))
    once = evidence.count_once(events, pd.DataFrame(columns=["event_id", "person_id", "role"]))
    assert list(once.event_id) == ["only"] and once.parts.iloc[0] == "only"


def test_katyn_counts_once_in_the_real_data(ds):
    # The Katyn massacre (case file ¶3-5) and Blokhin's Kalinin shootings within it (¶5) are one mass killing.
    once = evidence.count_once(ds.events, ds.roles)
    katyn = once[once.parts.str.contains("katyn-massacre")]
    assert len(katyn) == 1 and "kalinin-prison-shootings" in katyn.parts.iloc[0]
    assert len(once) == len(ds.events) - 1


# --- people, acts ------------------------------------------------------------------------------------

def test_participants_carry_the_weaker_certainty(mini):
    ds = helpers.load(mini)
    # gertrude-schildbach-disappearance is alleged and her subject role alleged; the Lakoba event is stated.
    subj = evidence.participants(ds, ("subject",)).set_index("event_id")
    assert subj.loc["gertrude-schildbach-disappearance", "certainty"] == "alleged"
    assert subj.loc["nestor-lakoba-assassination", "person_id"] == "nestor-lakoba"
    set_cell(mini, "roles.csv", 3, "certainty", "disputed")   # roles.csv line 3: Lakoba as subject
    subj = evidence.participants(helpers.load(mini), ("subject",)).set_index("event_id")
    assert subj.loc["nestor-lakoba-assassination", "certainty"] == "disputed"


def test_acts_link_doer_to_subject(mini):
    ds = helpers.load(mini)
    table = evidence.acts(ds, ["arrest", "execution", "assassination"])
    # mini roles: Beria poisons Lakoba and orders Yezhov's arrest; Yezhov orders Yagoda's arrest;
    # Blokhin shoots Yagoda and Yezhov.
    pairs = sorted(zip(table.actor, table.victim))
    assert pairs == [("lavrenty-beria", "nestor-lakoba"), ("lavrenty-beria", "nikolai-yezhov"),
                     ("nikolai-yezhov", "genrikh-yagoda"), ("vasily-blokhin", "genrikh-yagoda"),
                     ("vasily-blokhin", "nikolai-yezhov")]
    graph = evidence.act_graph(table)
    assert graph.number_of_edges() == 5 and graph.has_edge("nikolai-yezhov", "genrikh-yagoda")
    assert graph.edges["vasily-blokhin", "nikolai-yezhov"]["events"] == ["nikolai-yezhov-execution"]


# --- where the sources disagree -------------------------------------------------------------------------

def test_disagreements_are_one_filter_over_events_and_tenures(ds):
    d = evidence.disagreements(ds).set_index("attestation_id")
    # Artuzov's execution: case file 1937-05-21, the reference 1937-08-21 (attestations.csv).
    row = d.loc["artur-artuzov-execution--date--ref"]
    assert (row.recorded, row.attested, row.recorded_by) == ("1937-05-21", "1937-08-21", "case-file-0121")
    # Two reference pages start Trilisser's tenure as foreign-department head differently (1922-03,
    # 1922-05-13) where the package gives no start: both are disagreements, with nothing recorded.
    gap = d[(d.target_id == "mikhail-trilisser--foreign-department-head") & (d.field == "start")]
    assert sorted(gap.attested) == ["1922-03", "1922-05-13"] and gap.recorded.isna().all()
    # Artuzov's end has one reference date since data 0.3.1 (the "1936" the reference calls wrong is
    # dropped): a gap-filler, nobody contradicts it, like Slutsky's start below.
    assert d[(d.target_id == "artur-artuzov--foreign-department-head") & (d.field == "end")].empty
    # Slutsky's start is given only by one reference page: it fills a gap, nobody contradicts it.
    assert "abram-slutsky--foreign-department-head--start--ref" not in d.index
    # An agreeing attestation is never a disagreement.
    assert "alexander-kutepov-kidnapping--date--ref" not in d.index


def test_readings_give_an_interval_under_each_source(ds):
    r = evidence.date_readings(ds, [("event", "artur-artuzov-arrest", "date"),
                               ("event", "artur-artuzov-execution", "date")]).set_index("source")
    # Arrest 1937-05-13 (case file) or the night of 12 to 13 May (reference, agreeing); death 1937-05-21
    # (case file) or 1937-08-21 (reference): 8 days, or 18 (rest of May) + 30 + 31 + 21 = 100 days, 101 from 12 May.
    days = {src: evidence.span_days(x.earliest_0, x.latest_0, x.earliest_1, x.latest_1) for src, x in r.iterrows()}
    assert days == {"package": (8, 8), "reference-facts": (100, 101)}


# --- the stated-only view ------------------------------------------------------------------------------

def test_stated_only_drops_alleged_and_disputed_rows_and_what_hangs_on_them(mini):
    ds = helpers.load(mini)
    view = ds.stated_only()
    # mini events: Schildbach's disappearance is alleged, Münzenberg's death disputed; the other 9 stated.
    assert len(ds.events) == 11 and len(view.events) == 9 and view.stated and not ds.stated
    assert "willi-munzenberg-death" not in set(view.roles.event_id)
    assert set(view.accounts.event_id) == {"nestor-lakoba-assassination"}    # Münzenberg's two accounts go
    assert set(view.fates().person_id) == set(ds.fates().person_id) - {"gertrude-schildbach", "willi-munzenberg"}
    assert len(ds.events) == 11                                                # the original is untouched


# --- fates ---------------------------------------------------------------------------------------------

def _death(mini, method="", certainty="stated"):
    """Add Plevitskaya's release in 1939 (mini has her arrested in 1937: a death without the release
    would be a death in custody) and then her death in October 1940, with `method` and `certainty`."""
    add_plevitskaya_event(mini, "release", "release", "1939")
    add_plevitskaya_event(mini, "death", "death", "1940-10", method=method, certainty=certainty)


def _fate(mini):
    return helpers.load(mini).fates().set_index("person_id").loc["nadezhda-plevitskaya"]


def test_a_death_without_cause_or_doer_is_died(mini):
    _death(mini)
    assert _fate(mini)[["fate", "by_state"]].tolist() == ["died", "no"]


def test_a_death_by_illness_is_natural_and_illness_is_not_violent(mini):
    _death(mini, method="illness")
    assert _fate(mini).fate == "natural_death"
    assert "illness" not in vocabulary.violent_methods(helpers.load(mini).descriptor)
    assert "lure" not in vocabulary.violent_methods(helpers.load(mini).descriptor)


def test_a_death_with_a_named_doer_is_a_killing_with_the_doers_certainty(mini):
    _death(mini)
    add_row(mini, "roles.csv", event_id="nadezhda-plevitskaya-death", person_id="lavrenty-beria",
            role="perpetrator", certainty="alleged")
    f = _fate(mini)
    assert (f.fate, f.certainty, f.by_state) == ("killed", "alleged", "disputed")  # Beria, Soviet, but only alleged
    add_row(mini, "roles.csv", event_id="nadezhda-plevitskaya-death", person_id="lavrenty-beria",
            role="organiser", certainty="stated")
    f = _fate(mini)
    assert (f.fate, f.certainty, f.by_state) == ("killed", "stated", "yes")  # a Soviet doer stated plainly


def test_a_killing_account_makes_a_killing_and_its_doer_decides_the_state(mini):
    _death(mini)
    add_row(mini, "accounts.csv", account_id="nadezhda-plevitskaya-death--gestapo",
            event_id="nadezhda-plevitskaya-death", kind="rival", claim="killing", claimed_by="a rumour",
            perpetrator_org_id="gestapo", certainty="disputed", summary="The Gestapo killed her.",
            source_id="case-file-0121", locator="The Kidnapping of Yevgeny Miller (22 September 1937) ¶5")
    f = _fate(mini)
    assert (f.fate, f.certainty, f.by_state) == ("killed", "disputed", "no")  # the Gestapo is not Soviet


def test_an_account_that_is_not_a_killing_leaves_a_death_died(mini):
    _death(mini)
    add_row(mini, "accounts.csv", account_id="nadezhda-plevitskaya-death--official",
            event_id="nadezhda-plevitskaya-death", kind="official", claim="natural_death",
            claimed_by="the French prison", certainty="stated", summary="Heart failure.",
            source_id="case-file-0121", locator="The Kidnapping of Yevgeny Miller (22 September 1937) ¶5")
    f = _fate(mini)
    assert (f.fate, f.official_account) == ("died", "Heart failure.")


def test_an_assassination_by_an_enemy_of_the_state_is_not_by_the_state(ds):
    f = ds.fates().set_index("person_id")
    # Uritsky: shot by the anti-Bolshevik cadet Kannegisser (case file, Introduction ¶2).
    assert (f.loc["moisei-uritsky", "fate"], f.loc["moisei-uritsky", "by_state"]) == ("assassinated", "no")
    # Trotsky: killed by the NKVD agent Mercader (The Assassination of Leon Trotsky ¶6).
    assert (f.loc["leon-trotsky", "fate"], f.loc["leon-trotsky", "by_state"]) == ("assassinated", "yes")
    # Sedov: the reference says how he died is not known (an operation, then death); the case file
    # hedges Zborowski's part (believed, possibly): died, the state's hand disputed.
    assert f.loc["lev-sedov", ["fate", "certainty", "by_state"]].tolist() == ["died", "stated", "disputed"]


# --- validation of the new tables ------------------------------------------------------------------------

def _tally(mini, **cells):
    base = dict(tally_id="t", counted="shot", subject="someone", period="1940", source_id="case-file-0121",
                locator="The Katyn Massacre (April and May 1940) ¶5")
    base.update(cells)
    return add_row(mini, "tallies.csv", **base)


@pytest.mark.parametrize("cells, field, message", [
    (dict(best="12000", qualifier=""), "qualifier", "is required but empty"),
    (dict(best="12000", qualifier="at_least"), "low", "is required when qualifier is at_least"),
    (dict(low="7000", best="7000", qualifier="at_least"), None, None),
    (dict(low="7000", high="8000", qualifier="at_least"), "high", "must be empty when qualifier is at_least"),
    (dict(high="7000", qualifier="at_most"), None, None),
    (dict(low="7000", qualifier="at_most"), "high", "is required when qualifier is at_most"),
    (dict(best="12000", high="100", qualifier="about"), "high", "100 is below best 12,000"),
    (dict(low="5", high="5", qualifier="between"), "high", "equals low; a range needs two figures (or say exactly)"),
    (dict(low="5", high="6", qualifier="between"), None, None),
    (dict(best="5", low="5", qualifier="exactly"), "low", "must be empty when qualifier is exactly"),
])
def test_a_tally_gives_what_its_qualifier_needs(mini, cells, field, message):
    line = _tally(mini, **cells)
    found = [p for p in _problems(mini) if p.startswith(f"tallies.csv:{line}:")]
    if field is None:
        assert found == []
    else:
        assert f"tallies.csv:{line}:{field}: {message}" in found


def test_a_death_toll_on_an_event_follows_the_same_rule(mini):
    set_cell(mini, "events.csv", 2, "deaths_best", "12")   # line 2: Menzhinsky's death, no qualifier
    assert "events.csv:2:deaths_qualifier: is empty; say how the source gives the figure " \
           "(exactly, about, at_least, at_most or between)" in problems_of(mini)


def test_the_parts_of_an_exact_total_cannot_exceed_it(mini):
    # The reference's Katyn total is 21,857 and its four parts add up to it exactly (reference-facts §5).
    _tally(mini, tally_id="total", best="21857", qualifier="exactly", period="1940")
    for i, n in enumerate([4421, 3820, 6311, 7305]):
        _tally(mini, tally_id=f"part-{i}", best=str(n), qualifier="exactly", part_of="total")
    assert _problems(mini) == []
    last = _tally(mini, tally_id="part-extra", best="1", qualifier="exactly", part_of="total")
    assert f"tallies.csv:{last}:best: the parts of total add up to 21,858, more than its 21,857" in _problems(mini)


def test_an_event_must_fall_within_its_operation(mini):
    # mini operations.csv: yagoda-fall is 1937-03/1938-03-15; Yezhov's arrest (events.csv line 8) is 1939-04-10.
    set_cell(mini, "events.csv", 8, "operation_id", "yagoda-fall")
    assert ("events.csv:8:operation_id: nikolai-yezhov-arrest (1939-04-10) falls outside yagoda-fall "
            "(1937-03/1938-03-15)") in problems_of(mini)
    set_cell(mini, "events.csv", 8, "operation_id", "no-such-operation")
    assert "events.csv:8:operation_id: no-such-operation is not a operation_id in operations.csv" in problems_of(mini)


def test_an_attestation_agrees_only_with_a_date_the_package_gives(mini):
    # mini attestations line 2 attests Yezhov's start as head, which positions.csv gives (1936-09-26).
    set_cell(mini, "attestations.csv", 2, "agrees", "")
    assert ("attestations.csv:2:agrees: is empty, but the package dates this start (1936-09-26); say true or false"
            in problems_of(mini))
    # Beria's tenure as head has no end in mini positions.csv: an attested end fills the gap, so `agrees`
    # must stay empty (no vacuous true) ...
    line = add_row(mini, "attestations.csv", attestation_id="beria-end", position_id="lavrenty-beria--secret-police-head",
                   field="end", date="1945-12-29", agrees="true", source_id="reference-facts",
                   locator="https://en.wikipedia.org/wiki/Lavrentiy_Beria")
    assert (f"attestations.csv:{line}:agrees: must be empty: the package gives no end to agree with "
            "(this date fills the gap)") in problems_of(mini)
    set_cell(mini, "attestations.csv", line, "agrees", "")
    set_cell(mini, "attestations.csv", 2, "agrees", "true")
    assert _problems(mini) == []
    # ... and an event has a date, not a start.
    set_cell(mini, "attestations.csv", 3, "field", "start")
    assert "attestations.csv:3:field: an event has date, not start" in problems_of(mini)


def test_an_organisations_role_names_a_known_organisation(mini):
    line = add_row(mini, "org_roles.csv", event_id="genrikh-yagoda-arrest", org_id="cheeka", role="ordered_by",
                   certainty="stated", source_id="case-file-0121", locator="The Fall of Genrikh Yagoda (March 1937) ¶1")
    assert f"org_roles.csv:{line}:org_id: cheeka is not a org_id in organisations.csv" in problems_of(mini)


def test_several_paragraphs_may_be_cited_and_each_is_checked(mini):
    loc = "The Katyn Massacre (April and May 1940) ¶3 ; The Katyn Massacre (April and May 1940) ¶5"
    set_cell(mini, "events.csv", 2, "locator", loc)
    assert _problems(mini) == []
    set_cell(mini, "events.csv", 2, "locator", loc + " ; The Katyn Massacre (April and May 1940) ¶9")
    assert ("events.csv:2:locator: The Katyn Massacre (April and May 1940) has paragraphs 1-5, not ¶9"
            in problems_of(mini))


@pytest.mark.parametrize("low, best, high, qualifier, text", [
    (None, 21857, None, "exactly", "21,857"),
    (None, 12000, None, "about", "about 12,000"),
    (7000, None, None, "at_least", "at least 7,000"),
    (None, None, 300, "at_most", "at most 300"),
    (5, None, 6, "between", "between 5 and 6"),
    (5, 5, 6, "between", "between 5 and 6 (best 5)"),
    (None, None, None, None, ""),
])
def test_a_figure_reads_as_the_source_gives_it(low, best, high, qualifier, text):
    assert evidence.figure(low, best, high, qualifier) == text


@pytest.mark.parametrize("words, text", [
    ("thousands", "thousands (coded as at least 2,000)"),       # tallies.csv red-terror-shot-case-file
    ("  thousands ", "thousands (coded as at least 2,000)"),
    ("", "at least 2,000"), (None, "at least 2,000"), (float("nan"), "at least 2,000"),  # no words: the figure
])
def test_a_figure_coded_from_the_sources_words_shows_both(words, text):
    assert evidence.figure(2000, None, None, "at_least", words) == text


def test_words_without_a_coded_figure_are_shown_alone():
    assert evidence.figure(None, None, None, None, "many") == "many"


def test_the_case_files_words_stand_beside_the_coded_figures(ds):
    # tallies.csv in_words, by hand: "thousands" (Introduction ¶3) for the Red Terror's dead, "almost 1.3 million"
    # (Slutsky ¶6) for the Great Purge's arrests; events.csv deaths_in_words "thousands" for the Georgian uprising
    # (Ramishvili ¶2). The historians' 00 c17 and 01 c16: a plural shown as "at least 2,000" read as the source's.
    from helpers import cadence, overview
    figures = overview.tallies(ds).set_index("tally_id").figure
    assert figures["red-terror-shot-case-file"] == "thousands (coded as at least 2,000)"
    assert figures["great-purge-arrested-case-file"] == "almost 1.3 million (coded as about 1,300,000)"
    assert figures["great-purge-shot-reference"] == "681,692"
    mass = cadence.mass_killings(ds).set_index("id").figures
    assert mass["georgian-uprising-suppression"] == "thousands (coded as at least 2,000) (case-file-0121)"
    # Katyn: the case file's about 12,000 at Katyn (tallies.csv place Katyn), the reference's 21,857 of every troika
    # shooting of 1940 (no place; its parts by camp, the Kozelsk prisoners' 4,421 in the Katyn forest): two places,
    # each said, and the reference's share at the case file's place (the historians' 01 c16, twice).
    assert mass["katyn-1940"] == ("about 12,000 at Katyn (case-file-0121); 21,857, at all sites (4,421 of them at Katyn "
                                  "forest, Smolensk region) (reference-facts)")


def test_readings_keep_a_gap_filling_source_and_the_hull_of_a_source_that_agrees_and_differs(ds):
    # Slutsky's start as foreign-department head is not in the package; one reference page gives
    # 1935-05-21 (a gap-filler, agrees empty): the reference's reading has it, the package's has none.
    r = evidence.date_readings(ds, [("position", "abram-slutsky--foreign-department-head", "start")]).set_index("source")
    assert list(r.index) == ["package", "reference-facts"]
    assert pd.isna(r.loc["package", "earliest_0"]) and r.loc["reference-facts", "date_0"] == "1935-05-21"
    # Dzerzhinsky's end as head: the reference gives 1918-07-07 (differs) and 1926-07-20 (agrees):
    # its reading is the hull of both, 1918-07-07 .. 1926-07-20.
    r = evidence.date_readings(ds, [("position", "felix-dzerzhinsky--secret-police-head", "end")]).set_index("source")
    ref = r.loc["reference-facts"]
    assert (ref.earliest_0, ref.latest_0) == (T("1918-07-07"), T("1926-07-20"))
    # Kutepov's kidnapping: the reference only agrees (1930-01-26), so only the package's reading is given.
    r = evidence.date_readings(ds, [("event", "alexander-kutepov-kidnapping", "date")])
    assert list(r.source) == ["package"]


def test_principal_figures_and_totals():
    rows = pd.DataFrame({"tally_id": ["a", "b", "c", "d"], "part_of": [None, "a", None, None],
                         "source_id": ["ref", "ref", "ref", "cf"], "low": [pd.NA, pd.NA, 724000, 7000],
                         "best": [681692, 353074, pd.NA, pd.NA], "high": [pd.NA] * 4,
                         "qualifier": ["exactly", "exactly", "at_least", "at_least"]})
    # 'b' is a part of 'a': the totals are a, c and d.
    assert list(evidence.totals(rows).tally_id) == ["a", "c", "d"]
    tops = evidence.totals(rows)
    # ref states a number (681,692), so its bound is left out; cf states only a bound, which shows.
    assert list(evidence.principal_figures(tops).tally_id) == ["a", "d"]
    assert evidence.figures_by_source(tops) == "at least 7,000 (cf); 681,692 (ref)"
    # Figures of one place (or none) say no place; figures of different places each say theirs.
    assert evidence.figures_by_source(tops.assign(place="Katyn")) == "at least 7,000 (cf); 681,692 (ref)"
    assert (evidence.figures_by_source(tops.assign(place=["Katyn", None, "Kalinin"]))
            == "at least 7,000 at Kalinin (cf); 681,692 at Katyn (ref)")
    assert (evidence.figures_by_source(tops.assign(place=[None, None, "Kalinin"]))
            == "at least 7,000 at Kalinin (cf); 681,692, no place given (ref)")
    # A total with no place whose shares have places is at all sites, with the share at the other figure's place.
    shares = rows.assign(place=[None, "Kalinin region", None, "Kalinin"])
    assert (evidence.figures_by_source(tops.assign(place=[None, None, "Kalinin"]), shares)
            == "at least 7,000 at Kalinin (cf); 681,692, at all sites (353,074 of them at Kalinin region) (ref)")
    shares = rows.assign(place=[None, "Kharkov", None, "Kalinin"])  # a share elsewhere only: no share named
    assert (evidence.figures_by_source(tops.assign(place=[None, None, "Kalinin"]), shares)
            == "at least 7,000 at Kalinin (cf); 681,692, at all sites (ref)")


def test_a_row_citing_several_paragraphs_counts_once_in_each_section_it_cites(mini):
    from helpers import overview
    before = overview.coverage_by_section(helpers.load(mini)).events
    # mini events.csv line 2 (Menzhinsky) cites the Ramishvili section; make it cite two paragraphs of Katyn
    # and one of Münzenberg instead.
    set_cell(mini, "events.csv", 2, "locator", "The Katyn Massacre (April and May 1940) ¶3 ; "
             "The Katyn Massacre (April and May 1940) ¶5 ; The Death of Willi Münzenberg (June 1940) ¶4")
    after = overview.coverage_by_section(helpers.load(mini)).events
    change = (after - before)[lambda s: s != 0].to_dict()
    assert change == {"The Assassination of Noe Ramishvili (07 December 1930)": -1,
                      "The Katyn Massacre (April and May 1940)": 1, "The Death of Willi Münzenberg (June 1940)": 1}


def test_parts_of_a_total_with_no_figure_are_not_compared(mini):
    # An exact total whose best figure is missing is reported once (by the count rule), and its parts
    # are not compared with nothing.
    _tally(mini, tally_id="total", best="", qualifier="exactly", period="1940")
    part = _tally(mini, tally_id="part", best="4421", qualifier="exactly", part_of="total")
    found = _problems(mini)
    assert [p for p in found if p.startswith("tallies.csv:")] == [
        f"tallies.csv:{part - 1}:best: is required when qualifier is exactly"]


def test_a_span_may_be_below_the_best_only_when_its_shortest_is_shorter():
    # shortest 10 against a best's longest 11: room; equal (11): none; a negative shortest counts as 0
    assert evidence.may_be_below(10, 11) and not evidence.may_be_below(11, 11)
    assert evidence.may_be_below(-30, 1) and not evidence.may_be_below(-30, 0)
    got = evidence.may_be_below(pd.Series([0, 49, 50, -5]), 49)
    assert got.tolist() == [True, False, False, True]
