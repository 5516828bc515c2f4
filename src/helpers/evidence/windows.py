"""Windows of uncertain dates: whether two may overlap, the shortest and longest number of days from one
to the other, the one point used where a point is needed, and a person's age in whole years as bounds."""
from __future__ import annotations

import pandas as pd

def overlaps(a_lo, a_hi, b_lo, b_hi):
    """Whether two windows of possible days may overlap (inclusive bounds; works on scalars and Series)."""
    return (a_lo <= b_hi) & (b_lo <= a_hi)


def span_days(a_lo, a_hi, b_lo, b_hi):
    """The shortest and longest number of days from a date known only as [a_lo, a_hi] to one known
    as [b_lo, b_hi]: (b_lo - a_hi, b_hi - a_lo). Negative when b may come first; equal for two exact
    days. Works on scalars (ints) and on Series (nullable Int64)."""
    shortest, longest = b_lo - a_hi, b_hi - a_lo
    if isinstance(shortest, pd.Series):
        return shortest.dt.days.astype("Int64"), longest.dt.days.astype("Int64")
    return shortest.days, longest.days


def may_be_below(shortest, longest_of_best):
    """Whether a span known only as bounds may be shorter than the best's longest (its shortest, at least 0
    days, below that): the dates leave room for it to beat a ranking made by the longest spans. Scalars or
    Series."""
    return shortest.clip(lower=0) < longest_of_best if isinstance(shortest, pd.Series) \
        else max(shortest, 0) < longest_of_best


def full_years(lo: pd.Timestamp, hi: pd.Timestamp) -> int | None:
    """Whole years from one day to another (an age): 1891-11-19 to 1938-03-15 is 46; None if either is missing."""
    if pd.isna(lo) or pd.isna(hi):
        return None
    return hi.year - lo.year - ((hi.month, hi.day) < (lo.month, lo.day))


def age(born_lo, born_hi, at_lo, at_hi) -> tuple[int | None, int | None]:
    """The youngest and oldest a person born in [born_lo, born_hi] can have been on a day in
    [at_lo, at_hi], in whole years: (born_hi → at_lo, born_lo → at_hi). (None, None) when unknown."""
    return full_years(born_hi, at_lo), full_years(born_lo, at_hi)


def age_text(youngest: int | None, oldest: int | None) -> str:
    """'46', '45 or 46', '44 to 46'; '' when unknown."""
    if youngest is None or oldest is None:
        return ""
    if youngest == oldest:
        return str(youngest)
    return f"{youngest} or {oldest}" if oldest == youngest + 1 else f"{youngest} to {oldest}"


def midpoint(lo, hi):
    """The day halfway between two bounds, rounded down: the one point used where a point is needed."""
    mid = lo + (hi - lo) / 2
    return mid.dt.floor("D") if isinstance(mid, pd.Series) else mid.floor("D")


