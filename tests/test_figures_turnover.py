"""helpers.figures.turnover: what each figure of the leadership-turnover report draws, on hand-made
frames shaped like the analysis' results (the rows are written out in each test). The gantt's check of
its window is among the cases of tests/test_parameter_errors.py."""
import pandas as pd

from helpers import figures, style

T = pd.Timestamp


def _tenures():
    """One post, P: A from 1920 to 1925-06-30 (executed), B acting with only a start, 1926 (fate
    unknown), and C with no date at all (not drawn)."""
    return pd.DataFrame({
        "person_id": ["a", "b", "c"], "name": ["A", "B", "C"], "post_label": ["P"] * 3,
        "acting": [False, True, False], "fate": ["executed", "unknown", "survived"], "dated": [True, True, False],
        "start_earliest": [T("1920-01-01"), T("1926-01-01"), pd.NaT],
        "start_latest": [T("1920-01-01"), T("1926-12-31"), pd.NaT],
        "end_earliest": [T("1925-06-30"), pd.NaT, pd.NaT], "end_latest": [T("1925-06-30"), pd.NaT, pd.NaT],
        "end_reason": ["arrested", "replaced", "replaced"]})


AGENCIES = pd.DataFrame({"org_id": ["cheka"], "label": ["Cheka"], "founded_earliest": [T("1917-12-20")],
                         "dissolved_latest": [T("1922-02-06")]})


def test_the_gantt_rows_marks_and_legend():
    # A was arrested in 1925 (inside the window) and shot in 1938 (after it: written at the right edge).
    marks = pd.DataFrame({"person_id": ["a", "a"], "kind": ["arrest", "death"],
                          "start": [T("1925-06-30"), T("1938-03-15")], "end": [T("1925-06-30"), T("1938-03-15")]})
    ax = figures.turnover.gantt(_tenures(), AGENCIES, marks, T("1917-01-01"), T("1930-12-31"), T("1941-06-22"))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Agency", "P", "A", "B (acting)"]  # C has no date
    assert [t.get_text() for t in ax.texts] == ["Cheka", " † 1938"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["executed", "no recorded end"]  # the fates drawn, in the order of FATES
    assert "acting" in legend and "death" in legend


def test_fall_lags_take_the_colours_and_words_of_the_steps():
    # One fall: left 1938-11-25, arrested 1939-04-10 (136 days), died 1940-02-04 (300 days).
    falls = pd.DataFrame({"name": ["Y"] * 3, "step": ["left", "arrested", "died"],
                          "lag_min": pd.array([None, 136, 300], dtype="Int64"),
                          "lag_max": pd.array([None, 136, 300], dtype="Int64")})
    ax = figures.turnover.fall_lags(falls)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "moved to a harmless post", "arrested", "tried", "died"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [line.get_color() for line in dots] == [style.FALL_STEPS["arrested"], style.FALL_STEPS["died"]]


def test_share_shot_writes_n_of_n_beside_each_bar():
    rates = pd.DataFrame({"post": ["Head", "Deputy"], "share_shot_or_killed": [0.83, 1.0], "shot_or_killed": [5, 4],
                          "holders": [6, 4]})
    ax = figures.turnover.share_shot(rates)
    assert [t.get_text() for t in ax.texts] == ["4 of 4", "5 of 6"]  # drawn bottom up: the last post first


def test_holders_per_year_leaves_a_year_without_holder_blank():
    per_year = pd.DataFrame([[1, 0, 2]], index=pd.Index(["P"], name="post"),
                            columns=pd.Index([1937, 1938, 1939], name="year"))
    ax = figures.turnover.holders_per_year(per_year)
    assert [t.get_text() for t in ax.texts] == ["1", "", "2"]


def test_share_shot_adds_those_on_doubt_as_a_pale_part():
    # Head: 4 of 6 plainly, 1 more on doubt (Menzhinsky's alleged poisoning) -> '4–5 of 6'; Deputy: 4 of 4, none.
    rates = pd.DataFrame({"post": ["Head", "Deputy"], "share_shot_or_killed": [4 / 6, 1.0], "shot_or_killed": [4, 4],
                          "more_on_doubt": [1, 0], "holders": [6, 4]})
    ax = figures.turnover.share_shot(rates)
    assert [t.get_text() for t in ax.texts] == ["4 of 4", "4–5 of 6"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["shot or killed, plainly",
                                                                   "on an alleged or disputed account only"]
    pale = [p for p in ax.patches if p.get_alpha() == 0.35]
    assert [round(p.get_width(), 3) for p in pale] == [0.0, round(1 / 6, 3)]  # drawn bottom up: Deputy, then Head
