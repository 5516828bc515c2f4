import pandas as pd

import helpers
from helpers import eras


def test_heads_in_order_without_acting(ds):
    # Introduction ¶3 (Dzerzhinsky), Blumkin ¶3 (Menzhinsky, 1926), Ramishvili ¶4 (Yagoda, 10 July 1934),
    # Kirov ¶9 (Yezhov, 26 September 1936), The Fall of Yezhov ¶2 (Beria, 25 November 1938)
    assert list(eras.heads(ds).person_id) == ["felix-dzerzhinsky", "vyacheslav-menzhinsky", "genrikh-yagoda",
                                              "nikolai-yezhov", "lavrenty-beria"]
    assert "jekabs-peters" in set(eras.heads(ds, include_acting=True).person_id)


def test_eras_are_contiguous_and_labelled(ds):
    table = eras.eras(ds)
    assert list(table.era) == ["Dzerzhinsky", "Menzhinsky", "Yagoda", "Yezhov", "Beria"]
    # By hand from positions.csv (secret-police-head, not acting): Dzerzhinsky's start is empty, so the
    # Cheka's founding (organisations.csv); Menzhinsky's "1926" is narrowed by the reference's agreeing
    # 1926-07-30 (attestations.csv vyacheslav-menzhinsky--secret-police-head--start--ref), so Dzerzhinsky,
    # who died on 20 July 1926, keeps his era until then; each era ends where the next head starts, the last
    # on the case file's last date.
    assert [(str(s.date()), str(e.date())) for s, e in zip(table.start, table.end)] == [
        ("1917-12-20", "1926-07-30"), ("1926-07-30", "1934-07-10"), ("1934-07-10", "1936-09-26"),
        ("1936-09-26", "1938-11-25"), ("1938-11-25", "1941-06-22")]


def _with_start_attestation(ds, date: str, agrees: bool):
    from helpers.core import dates
    att = ds.attestations.copy()
    row = att.attestation_id == "vyacheslav-menzhinsky--secret-police-head--start--ref"
    parsed = dates.parse(date)
    att.loc[row, ["date", "date_earliest", "date_latest"]] = [date, pd.Timestamp(parsed.earliest),
                                                              pd.Timestamp(parsed.latest)]
    att.loc[row, "agrees"] = agrees
    return helpers.Dataset(descriptor=ds.descriptor, tables={**ds.tables, "attestations": att})


def test_an_era_opens_on_an_agreeing_narrower_date_only(ds):
    # The first and the last day of 1926 lie inside the case file's "1926": taken.
    for day in ("1926-01-01", "1926-12-31"):
        assert str(eras.eras(_with_start_attestation(ds, day, True)).start.iloc[1].date()) == day
    # A date outside the year (even if flagged as agreeing) or one that disagrees is not taken: 1 January.
    for day, agrees in (("1927-01-01", True), ("1925-12-31", True), ("1926-07-30", False)):
        got = eras.eras(_with_start_attestation(ds, day, agrees)).start.iloc[1]
        assert str(got.date()) == "1926-01-01", (day, agrees)


def test_no_date_falls_between_eras(ds):
    # Menzhinsky died on 1934-05-10 and Yagoda took over on 1934-07-10: the weeks between stay in
    # Menzhinsky's era; a head's first day is his own.
    table = eras.eras(ds)
    got = eras.era_of(table, pd.Series(["1934-05-11", "1934-07-09", "1934-07-10", "1936-09-25", "1936-09-26",
                                        "1941-06-22", "1917-12-19"]))
    assert [None if pd.isna(x) else x for x in got] == ["Menzhinsky", "Menzhinsky", "Yagoda", "Yagoda", "Yezhov",
                                                         "Beria", None]


def test_era_of_a_date(mini):
    ds = helpers.load(mini)
    table = eras.eras(ds, until=pd.Timestamp("1941-12-31"))
    got = eras.era_of(table, pd.Series(["1935-01-01", "1937-06-01", "1939-01-01"]))
    assert list(got) == ["Yagoda", "Yezhov", "Beria"]


def test_the_acting_head_is_named_where_the_eras_are_counted(ds):
    from helpers import cadence, captions
    # positions.csv: jekabs-peters--secret-police-head, acting, 1918-07-07 to 1918-08-22 (the reference)
    acting = eras.acting_heads(ds)
    assert list(zip(acting.person_id, acting.start, acting.end)) == [("jekabs-peters", "1918-07-07", "1918-08-22")]
    table = eras.eras(ds)
    events = cadence.select(ds.events, ds.roles)
    by_era, across = cadence.per_era(events, table, pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31"))
    words = captions.cadence.per_era(cadence.era_claims(ds, events, by_era, across, table),
                                     cadence.era_totals(by_era)["busiest"], acting).text
    assert "an acting head (Jēkabs Peters, 7 Jul 1918 – 22 Aug 1918) opens none" in words
    assert "opens none" not in captions.cadence.per_era(cadence.era_claims(ds, events, by_era, across, table),
                                                        cadence.era_totals(by_era)["busiest"]).text
    # The busiest era's rate by its exact years: Yezhov's 66 events in 790 days (26 Sep 1936 - 25 Nov 1938) are
    # 66 x 365.25 / 790 = 30.51 a year, 30.5; dividing by the rounded 2.16 years gave 30.6 (a reader's 01 c8).
    yezhov = by_era.set_index("era").loc["Yezhov"]
    assert (yezhov.events, yezhov.years, yezhov.per_year) == (66, 2.16, 30.5)
    assert "with 30.5 events a year (66 in 2.16 years)" in words


def test_an_era_that_outlasts_its_head_says_so(ds):
    from helpers import cadence, captions
    # positions.csv: Menzhinsky's tenure ends 1934-05-10 (died); Yagoda's starts 1934-07-10: 61 days by hand
    # (21 of May, 30 of June, 10 of July). Dzerzhinsky's ends in 1926 (the year), after Menzhinsky's start
    # of 30 July 1926, so his era is not held over; no other head ends before the next one starts.
    held = eras.held_over(ds)
    assert list(zip(held.era, held.days, held.end_reason)) == [("Menzhinsky", 61, "died")]
    assert held.next_start.iloc[0] == pd.Timestamp("1934-07-10") and held.ended.iloc[0] == pd.Timestamp("1934-05-10")
    table = eras.eras(ds)
    events = cadence.select(ds.events, ds.roles)
    by_era, across = cadence.per_era(events, table, pd.Timestamp("1917-01-01"), pd.Timestamp("1941-12-31"))
    words = captions.cadence.per_era(cadence.era_claims(ds, events, by_era, across, table),
                                     cadence.era_totals(by_era)["busiest"], held=held).text
    assert ("whoever led in practice between (another source may date the handover otherwise): Vyacheslav "
            "Menzhinsky's tenure ended on 10 May 1934 (died), and the days to Genrikh Yagoda's start on 10 Jul 1934 "
            "count in his era") in words


def test_a_head_who_ends_on_the_day_the_next_starts_holds_nothing_over(ds):
    # The bound: an end on the next head's start day is no gap (Yagoda 1936-09-26, Yezhov 1936-09-26).
    held = eras.held_over(ds)
    assert "Yagoda" not in set(held.era) and "Yezhov" not in set(held.era)
