"""helpers.figures.cadence and the shared spans chart (figures.axes.spans): what each figure of the
cadence report draws, on hand-made frames shaped like the analysis' results (the rows are written out
in each test)."""
import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import pandas as pd
import pytest

from helpers import ParameterError, figures, style

T = pd.Timestamp


def _same(a, b) -> bool:
    return mcolors.to_hex(a) == mcolors.to_hex(b)


def test_over_time_stacks_only_the_cells_with_events():
    table = pd.DataFrame({"arrest and trial": [1, 0, 2], "execution and massacre": [0, 0, 3]},
                         index=pd.period_range("1937-01", periods=3, freq="M"))
    table.columns.name = "group"
    colours = {"arrest and trial": style.OKABE_ITO[0], "execution and massacre": style.OKABE_ITO[1]}
    ax = figures.cadence.over_time(table, colours)
    # Three non-zero cells: January's and March's arrests, March's executions (each layer one collection).
    layers = {c.get_label(): c for c in ax.collections if c.get_label() in table.columns}
    assert [len(layers[g].get_paths()) for g in table.columns] == [2, 1]
    assert _same(layers["execution and massacre"].get_facecolor()[0], style.OKABE_ITO[1])
    # March's executions stand on March's 2 arrests: from 2 to 5, from the 1st of March, 0.9 of 31 days wide.
    (box,) = layers["execution and massacre"].get_paths()
    (x0, y0), (x1, y1) = box.vertices.min(axis=0), box.vertices.max(axis=0)
    assert (y0, y1) == (2.0, 5.0)
    assert mdates.num2date(x0).date() == T("1937-03-01").date() and x1 - x0 == pytest.approx(0.9 * 31)
    # The legend lists the top of the stack first.
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["execution and massacre", "arrest and trial"]


def test_mirrored_refuses_a_side_it_has_no_colour_for():
    with pytest.raises(ParameterError) as err:
        figures.cadence.mirrored(pd.DataFrame(), style.SCOPE, up="home")
    assert str(err.value) == "Parameter `up` got 'home'; it accepts 'domestic' or 'abroad'."


def test_mirrored_draws_abroad_below_the_axis():
    table = pd.DataFrame({"domestic": [2, 0], "abroad": [0, 3]}, index=pd.period_range("1937", periods=2, freq="Y"))
    ax = figures.cadence.mirrored(table, style.SCOPE)
    heights = sorted(p.get_height() for p in ax.patches if p.get_height() != 0)
    assert heights == [-3, 2]


def _gaps():
    dated = pd.DataFrame({"event_id": ["a", "b", "c"], "type": ["execution"] * 3,
                          "mid": [T("1937-01-01"), T("1937-01-11"), T("1937-03-01")]})
    gap_table = pd.DataFrame({"start": [T("1937-01-01"), T("1937-01-11")], "end": [T("1937-01-11"), T("1937-03-01")],
                              "days": [10.0, 49.0]})
    spells = pd.DataFrame({"start": [T("1937-01-11")], "end": [T("1937-03-01")], "quiet": [True]})
    return dated, gap_table, spells


def test_gaps_draws_the_median_it_is_given():
    dated, gap_table, spells = _gaps()
    top, bottom = figures.cadence.gaps(dated, gap_table, spells, {"execution": style.SHOT}, median=29.5)
    dashed = [line for line in bottom.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and list(dashed[0].get_ydata()) == [29.5, 29.5]
    assert any(t.get_text() == "median: 29.5 days" for t in bottom.texts)
    # The one quiet spell is shaded sand.
    assert sum(_same(p.get_facecolor(), style.QUIET) for p in top.patches) == 1
    # Without a median, no line and no label.
    _, bottom = figures.cadence.gaps(dated, gap_table, spells, {"execution": style.SHOT})
    assert not [line for line in bottom.get_lines() if line.get_linestyle() == "--"] and not bottom.texts


def test_national_colours_the_case_files_bars():
    table = pd.DataFrame({"convicted": [100.0, 200.0], "sentenced_to_death": [10.0, 20.0], "partial_year": [False, True],
                          "arrests": [1, 0], "killings": [2, 1]}, index=pd.Index([1937, 1938], name="year"))
    table["arrests_ratio"] = table.arrests / table.convicted * 10_000
    table["killings_ratio"] = table.killings / table.sentenced_to_death * 10_000
    top, bottom = figures.cadence.national(table)
    # Bars only where the case file has events: one for arrests (1937), two for killings.
    bars = [p for p in top.patches if p.get_height() > 0]
    assert sum(_same(p.get_facecolor(), style.NATIONAL["arrests"]) for p in bars) == 1
    assert sum(_same(p.get_facecolor(), style.NATIONAL["killings"]) for p in bars) == 2
    assert bottom.get_ylabel() == "Case-file events per 10,000"


def _spans(n):
    start = [T("1930-01-01") + pd.Timedelta(days=40 * i) for i in range(n)]
    return pd.DataFrame({"event_id": [f"e{i:02}" for i in range(n)], "date": ["1930/1931"] * n,
                         "type": ["arrest"] * n, "group": ["arrest and trial"] * n, "title": [f"E{i}" for i in range(n)],
                         "start": start, "end": [s + pd.Timedelta(days=365) for s in start]})


def test_spans_name_each_event_up_to_forty_and_pack_more_into_lanes():
    colours = {"arrest and trial": style.OKABE_ITO[0]}
    ax = figures.axes.spans(_spans(3), colours, by="group")
    # Three events: three rows, each titled with its date.
    assert [t.get_text() for t in ax.texts] == ["E0 (1930 – 1931)", "E1 (1930 – 1931)", "E2 (1930 – 1931)"]
    ax = figures.axes.spans(_spans(41), colours, by="group")
    # 41 spans of 366 days, one starting every 40 days: each overlaps the next nine, so ten lanes, no titles.
    assert not ax.texts
    assert len({p.get_y() for p in ax.patches if p.get_width() > 0}) == 10
    with pytest.raises(ParameterError, match="by"):
        figures.axes.spans(_spans(3), colours, by="scope")


def test_over_time_draws_the_band_and_the_coverage():
    table = pd.DataFrame({"arrest and trial": [1, 0, 2]}, index=pd.period_range("1937-01", periods=3, freq="M"))
    table.columns.name = "group"
    band = pd.DataFrame({"certain": [1, 0, 2], "possible": [2, 1, 4], "expected": [1.5, 0.5, 3.0], "low": [1, 0, 2],
                         "high": [2, 1, 3]}, index=table.index)
    runs = pd.DataFrame({"first": [1937], "last": [1937], "years": [1], "level": ["silent"]})
    ax = figures.cadence.over_time(table, {"arrest and trial": style.OKABE_ITO[0]}, band=band, coverage=runs)
    # The band (a filled step), the expected and the possible counts (two step lines), and the label of the
    # shaded year; the y axis reaches above the largest possible count (4).
    assert len(ax.collections) >= 1 and len(ax.get_lines()) == 2
    assert any(t.get_text() == "case file silent" for t in ax.texts)
    assert ax.get_ylim()[1] >= 4
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "expected (aoristic)" in labels and "band: nine draws in ten" in labels


def test_national_stacks_the_rows_only_another_source_gives():
    table = pd.DataFrame({"convicted": [100.0, 200.0], "sentenced_to_death": [10.0, 20.0], "partial_year": [False, False],
                          "arrests": [1, 0], "killings": [2, 1], "other_arrests": [0, 0], "other_killings": [1, 0],
                          "arrests_ratio": [0.1, 0.0], "killings_ratio": [2.0, 0.5]}, index=[1937, 1938])
    top, _ = figures.cadence.national(table)
    # One hatched bar: 1937's one killing only the reference gives, on top of the case file's two.
    hatched = [p for p in top.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_y() == 2 and hatched[0].get_height() == 1
