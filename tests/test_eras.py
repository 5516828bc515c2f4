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
    # Cheka's founding (organisations.csv); Menzhinsky "1926" starts on its first day; each era ends
    # where the next head starts, the last on the case file's last date.
    assert [(str(s.date()), str(e.date())) for s, e in zip(table.start, table.end)] == [
        ("1917-12-20", "1926-01-01"), ("1926-01-01", "1934-07-10"), ("1934-07-10", "1936-09-26"),
        ("1936-09-26", "1938-11-25"), ("1938-11-25", "1941-06-22")]


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
