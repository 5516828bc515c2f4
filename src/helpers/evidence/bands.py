"""Counts per period under doubt: how many events fall in each month, quarter or year when most are
dated only to a span, and some are dated otherwise by a second source.

For each period, four numbers bound the count instead of one that hides the doubt:

- `certain`: the events that fall in the period whatever the truth (every reading's span lies inside);
- `possible`: the events that may fall in it (some reading's span touches it);
- `expected`: the aoristic sum of crime analysis and archaeology: each event shared among the periods
  in proportion to the days of its span in each (averaged over the readings where sources disagree);
- `low`, `high`: a seeded Monte-Carlo band, the 5th and 95th percentiles of the count over `draws`
  draws, each drawing one reading per event (the package's date or another source's) and then one day
  uniformly within it. The band says how far the count can swing under the dates' own doubt.

certain ≤ low ≤ high ≤ possible in every period; the draws place each event once, so their totals
are the number of events whose drawn day falls in the window. `busiest` ranks the periods by the
draws: a period is the busiest only when it is so in (nearly) every draw.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.checks import check, check_days

FREQS = {"month": "M", "quarter": "Q", "year": "Y"}
#: Draws of the Monte-Carlo band, and the percentiles it reports.
DRAWS, LOW, HIGH = 1000, 5, 95
#: The share of draws in which a period must be the busiest for a report to call it so.
SURE = 0.95


def _day(ts) -> np.ndarray:
    """Days since 1970-01-01 as integers (the draws work on whole days)."""
    return pd.to_datetime(pd.Series(ts)).to_numpy().astype("datetime64[D]").astype(np.int64)


def readings(events: pd.DataFrame, alternatives: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event and reading: event_id, start, end — the event's own span first, then each
    other reading of `alternatives` (event_id, start, end: e.g. another source's date for it)."""
    own = events[["event_id", "start", "end"]].assign(reading=0)
    if alternatives is None or not len(alternatives):
        return own.reset_index(drop=True)
    other = alternatives[alternatives.event_id.isin(set(events.event_id))][["event_id", "start", "end"]]
    other = other.assign(reading=other.groupby("event_id").cumcount() + 1)
    return pd.concat([own, other], ignore_index=True).sort_values(["event_id", "reading"]).reset_index(drop=True)


def _periods(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    code = FREQS[freq]
    return pd.period_range(first.to_period(code), last.to_period(code), freq=code, name="period")


def _draw(spans: pd.DataFrame, codes: np.ndarray, n_events: int, lo_day: np.ndarray, hi_day: np.ndarray,
          draws: int, seed: int) -> np.ndarray:
    """The count per period of each draw (draws × periods): one reading per event, chosen uniformly
    among its readings, then one day uniformly within that reading's span."""
    order = np.argsort(codes, kind="stable")
    s, e = _day(spans.start)[order], _day(spans.end)[order]
    per_event = np.bincount(codes, minlength=n_events)
    first_row = np.concatenate([[0], np.cumsum(per_event)[:-1]]).astype(int)
    rng = np.random.default_rng(seed)
    pick = first_row + (rng.random((draws, n_events)) * per_event).astype(int)
    days = s[pick] + (rng.random((draws, n_events)) * (e - s + 1)[pick]).astype(int)
    tally = np.zeros((draws, len(hi_day)), dtype=int)
    if not len(hi_day) or not n_events:
        return tally
    valid = (days >= lo_day[0]) & (days <= hi_day[-1])
    bins = np.searchsorted(hi_day, days)  # the period whose last day is on or after the drawn day
    rows = np.broadcast_to(np.arange(draws)[:, None], days.shape)
    np.add.at(tally, (rows[valid], bins[valid]), 1)
    return tally


def _setup(events, freq, first, last, alternatives):
    check("freq", freq, choices=list(FREQS))
    check_days(first, last)
    index = _periods(first, last, freq)
    spans = readings(events, alternatives)
    codes, ids = pd.factorize(spans.event_id)
    return index, _day(index.start_time), _day(index.end_time.normalize()), spans, codes, len(ids)


def period_bands(events: pd.DataFrame, freq: str, first: pd.Timestamp, last: pd.Timestamp,
                 alternatives: pd.DataFrame | None = None, draws: int = DRAWS, seed: int = 0) -> pd.DataFrame:
    """The count of `events` (event_id, start, end) per period of `freq` from `first` to `last`, as
    certain, possible, expected, low and high (see the module's docstring), and `mean` of the draws.
    `alternatives`: other readings of the same events' spans (event_id, start, end). Seeded: the same
    seed gives the same band."""
    check("draws", draws, kind=int, minimum=1)
    check("seed", seed, kind=int, minimum=0)
    index, lo_day, hi_day, spans, codes, n = _setup(events, freq, first, last, alternatives)
    s, e = _day(spans.start), _day(spans.end)
    inside = (s[:, None] >= lo_day) & (e[:, None] <= hi_day)
    touch = (s[:, None] <= hi_day) & (e[:, None] >= lo_day)
    overlap = (np.minimum(e[:, None], hi_day) - np.maximum(s[:, None], lo_day) + 1).clip(min=0)
    share = overlap / (e - s + 1)[:, None]
    by_event = pd.DataFrame(share).groupby(codes)
    certain = pd.DataFrame(inside).groupby(codes).all().to_numpy().sum(axis=0)
    possible = pd.DataFrame(touch).groupby(codes).any().to_numpy().sum(axis=0)
    expected = by_event.mean().to_numpy().sum(axis=0)
    tally = _draw(spans, codes, n, lo_day, hi_day, draws, seed)
    return pd.DataFrame({"certain": certain.astype(int), "possible": possible.astype(int), "expected": expected,
                         "low": np.percentile(tally, LOW, axis=0, method="lower").astype(int),
                         "high": np.percentile(tally, HIGH, axis=0, method="higher").astype(int),
                         "mean": tally.mean(axis=0)}, index=index)


def draws_table(events: pd.DataFrame, freq: str, first: pd.Timestamp, last: pd.Timestamp,
                alternatives: pd.DataFrame | None = None, draws: int = DRAWS, seed: int = 0) -> pd.DataFrame:
    """The count per period of every draw (one row per draw, one column per period), the very draws
    `period_bands` makes with the same seed."""
    check("draws", draws, kind=int, minimum=1)
    check("seed", seed, kind=int, minimum=0)
    index, lo_day, hi_day, spans, codes, n = _setup(events, freq, first, last, alternatives)
    return pd.DataFrame(_draw(spans, codes, n, lo_day, hi_day, draws, seed), columns=index)


def busiest(tally: pd.DataFrame) -> pd.Series:
    """For each period, the share of draws (`draws_table`) in which it alone holds the most events;
    a draw where several periods tie for the most counts for none. Sorted from the surest down."""
    top = tally.to_numpy().max(axis=1, keepdims=True)
    alone = (tally.to_numpy() == top) & ((tally.to_numpy() == top).sum(axis=1, keepdims=True) == 1)
    return pd.Series(alone.mean(axis=0), index=tally.columns, name="share").sort_values(ascending=False, kind="stable")
