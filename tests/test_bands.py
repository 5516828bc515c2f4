"""Counts per period under doubt (helpers.evidence.bands): certain ≤ every draw ≤ possible, totals
conserved, the Monte-Carlo mean near the aoristic sum, the same seed the same band; hand-made spans."""
import numpy as np
import pandas as pd
import pytest

from helpers import ParameterError
from helpers.evidence import bands

T = pd.Timestamp
FIRST, LAST = T("1937-01-01"), T("1937-12-31")


def _events(*spans):
    return pd.DataFrame([{"event_id": f"e{i}", "start": T(a), "end": T(b)} for i, (a, b) in enumerate(spans)])


#: One day (March), a whole month (May), two months (June-July), a year (1937), a span across the
#: year's end (December 1937 - January 1938: only December is inside the window).
SPANS = _events(("1937-03-15", "1937-03-15"), ("1937-05-01", "1937-05-31"), ("1937-06-01", "1937-07-31"),
                ("1937-01-01", "1937-12-31"), ("1937-12-01", "1938-01-31"))


def test_certain_possible_and_expected_by_hand():
    b = bands.period_bands(SPANS, "month", FIRST, LAST, draws=200)
    m = {p.strftime("%m"): row for p, row in b.iterrows()}
    # March: the day certainly; May: the month certainly; the year may fall anywhere.
    assert (m["03"].certain, m["05"].certain) == (1, 1)
    assert m["06"].certain == 0 and m["06"].possible == 2          # June-July and the year may fall in June
    assert m["12"].certain == 0 and m["12"].possible == 2          # the year, and the span over New Year
    assert m["01"].possible == 1                                   # only the year can fall in January
    # expected: June holds 30/61 of the two-month span and 30/365 of the year
    assert m["06"].expected == pytest.approx(30 / 61 + 30 / 365)
    # December holds 31/62 of the span over New Year: the other half lies outside the window
    assert m["12"].expected == pytest.approx(31 / 62 + 31 / 365)


def test_every_draw_lies_between_certain_and_possible_and_totals_are_kept():
    b = bands.period_bands(SPANS, "month", FIRST, LAST, draws=500, seed=3)
    tally = bands.draws_table(SPANS, "month", FIRST, LAST, draws=500, seed=3)
    assert (tally.to_numpy() >= b.certain.to_numpy()).all()
    assert (tally.to_numpy() <= b.possible.to_numpy()).all()
    assert (b.certain <= b.low).all() and (b.low <= b.high).all() and (b.high <= b.possible).all()
    # four events lie wholly in 1937; the fifth in it in a draw only when its day falls in December
    totals = tally.sum(axis=1)
    assert totals.between(4, 5).all() and (totals == 4).any() and (totals == 5).any()
    # the aoristic sum is conserved: every event counts 1 over the whole of its span
    assert b.expected.sum() == pytest.approx(4 + 31 / 62)


def test_the_monte_carlo_mean_is_within_three_standard_errors_of_the_aoristic_sum():
    draws = 4000
    tally = bands.draws_table(SPANS, "month", FIRST, LAST, draws=draws, seed=11).to_numpy()
    b = bands.period_bands(SPANS, "month", FIRST, LAST, draws=draws, seed=11)
    se = tally.std(axis=0, ddof=1) / np.sqrt(draws)
    gap = np.abs(tally.mean(axis=0) - b.expected.to_numpy())
    assert (gap <= 3 * se + 1e-9).all()


def test_the_same_seed_gives_the_same_band_and_another_seed_other_draws():
    one = bands.draws_table(SPANS, "month", FIRST, LAST, draws=300, seed=5)
    two = bands.draws_table(SPANS, "month", FIRST, LAST, draws=300, seed=5)
    other = bands.draws_table(SPANS, "month", FIRST, LAST, draws=300, seed=6)
    assert one.equals(two) and not one.equals(other)
    assert bands.period_bands(SPANS, "month", FIRST, LAST, seed=5).equals(bands.period_bands(SPANS, "month", FIRST, LAST, seed=5))


def test_a_second_reading_is_drawn_between_the_sources_dates():
    # One event on 31 May by its own source, 1 June by another: certain in neither month, possible in both.
    own = _events(("1937-05-31", "1937-05-31"))
    other = pd.DataFrame({"event_id": ["e0"], "start": [T("1937-06-01")], "end": [T("1937-06-01")]})
    b = bands.period_bands(own, "month", FIRST, LAST, alternatives=other, draws=2000, seed=1)
    assert (b.loc["1937-05", "certain"], b.loc["1937-06", "certain"]) == (0, 0)
    assert (b.loc["1937-05", "possible"], b.loc["1937-06", "possible"]) == (1, 1)
    assert b.loc["1937-05", "expected"] == pytest.approx(0.5) and b.loc["1937-06", "expected"] == pytest.approx(0.5)
    tally = bands.draws_table(own, "month", FIRST, LAST, alternatives=other, draws=2000, seed=1)
    assert 0.45 < tally["1937-05"].mean() < 0.55
    # without the other reading the event is certain in May
    assert bands.period_bands(own, "month", FIRST, LAST).loc["1937-05", "certain"] == 1


def test_an_equal_pair_of_dates_and_a_zero_length_span_are_one_day():
    same = _events(("1937-04-30", "1937-04-30"), ("1937-04-30", "1937-04-30"))
    b = bands.period_bands(same, "month", FIRST, LAST, draws=50)
    assert b.loc["1937-04"].tolist()[:2] == [2, 2] and (b.loc["1937-04", ["low", "high"]] == 2).all()
    assert b.drop(pd.Period("1937-04", "M")).possible.sum() == 0


def test_the_bounds_of_the_window_are_inside_it():
    edge = _events(("1937-01-01", "1937-01-01"), ("1937-12-31", "1937-12-31"), ("1936-12-31", "1936-12-31"))
    b = bands.period_bands(edge, "year", FIRST, LAST, draws=20)
    assert b.loc["1937"].tolist()[:2] == [2, 2]  # first and last day in, the day before out


def test_busiest_is_a_share_of_draws_and_ties_count_for_none():
    tally = pd.DataFrame([[3, 1], [3, 3], [2, 4], [5, 0]], columns=["a", "b"])
    share = bands.busiest(tally)
    assert share["a"] == pytest.approx(0.5) and share["b"] == pytest.approx(0.25)
    assert list(share.index) == ["a", "b"]


@pytest.mark.parametrize("call, words", [
    (lambda: bands.period_bands(SPANS, "week", FIRST, LAST), "Parameter `freq` got 'week'"),
    (lambda: bands.period_bands(SPANS, "month", LAST, FIRST), "Parameter `last`"),
    (lambda: bands.period_bands(SPANS, "month", FIRST, LAST, draws=0), "Parameter `draws` got 0"),
    (lambda: bands.period_bands(SPANS, "month", FIRST, LAST, seed=-1), "Parameter `seed` got -1"),
])
def test_a_wrong_option_is_one_sentence(call, words):
    with pytest.raises(ParameterError, match=words):
        call()


def test_a_period_is_called_the_busiest_only_when_it_is_so_in_nearly_every_draw():
    from helpers import cadence

    # Four events surely in March, two in April, and one that may fall in either (31 March or 1 April):
    # March leads in every draw (4 or 5 against 2 or 3), so it is the sure busiest month.
    sure = _events(("1937-03-01", "1937-03-01"), ("1937-03-02", "1937-03-02"), ("1937-03-03", "1937-03-03"),
                   ("1937-03-04", "1937-03-04"), ("1937-04-01", "1937-04-01"), ("1937-04-02", "1937-04-02"),
                   ("1937-03-31", "1937-04-01"))
    table = bands.period_bands(sure, "month", FIRST, LAST, draws=200)
    table["busiest"] = bands.busiest(bands.draws_table(sure, "month", FIRST, LAST, draws=200))
    ranked = cadence.ranking(table)
    assert ranked.index[0] == pd.Period("1937-03", "M") and ranked.iloc[0].sure
    # Two surely in each month and one that may fall in either: each month is the busiest in about half the
    # draws, neither is sure, and both may be the busiest.
    even = _events(("1937-03-01", "1937-03-01"), ("1937-03-02", "1937-03-02"), ("1937-04-01", "1937-04-01"),
                   ("1937-04-02", "1937-04-02"), ("1937-03-31", "1937-04-01"))
    table = bands.period_bands(even, "month", FIRST, LAST, draws=400, seed=2)
    table["busiest"] = bands.busiest(bands.draws_table(even, "month", FIRST, LAST, draws=400, seed=2))
    ranked = cadence.ranking(table)
    assert not ranked.sure.any()
    assert set(ranked.index) == {pd.Period("1937-03", "M"), pd.Period("1937-04", "M")}
