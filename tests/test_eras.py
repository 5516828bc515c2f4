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
    assert table.start.iloc[0] == pd.Timestamp("1917-12-20")           # the Cheka's founding
    assert table.start.iloc[3] == pd.Timestamp("1936-09-26")           # Yezhov replaces Yagoda
    assert (table.start.iloc[1:].values == table.end.iloc[:-1].values).all()
    assert table.end.iloc[-1] == pd.Timestamp("1941-06-22")            # the case file's last date


def test_era_of_a_date(mini):
    ds = helpers.load(mini)
    table = eras.eras(ds, until=pd.Timestamp("1941-12-31"))
    got = eras.era_of(table, pd.Series(["1935-01-01", "1937-06-01", "1939-01-01"]))
    assert list(got) == ["Yagoda", "Yezhov", "Beria"]
