"""helpers.figures.overview: what each figure of the overview report draws, on hand-made frames shaped
like the analysis' results (the rows are written out in each test)."""
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd

from helpers import figures, style


def test_events_per_year_stacks_the_groups_and_shades_the_gaps():
    grouped = pd.DataFrame({"arrest and trial": [1, 2], "execution and massacre": [3, 0]},
                           index=pd.Index([1937, 1938], name="year"))
    colours = {"arrest and trial": style.OKABE_ITO[0], "execution and massacre": style.OKABE_ITO[1]}
    gaps = pd.DataFrame({"first": [1938], "last": [1938], "years": [1], "events": [0]})
    ax = figures.overview.events_per_year(grouped, colours, gaps=gaps)
    # Two bars per group; 1937's executions stand on its one arrest.
    bars = [p for p in ax.patches if mcolors.to_hex(p.get_facecolor()) == mcolors.to_hex(style.OKABE_ITO[1])]
    assert [(p.get_y(), p.get_height()) for p in bars] == [(1, 3), (2, 0)]
    # The gap in the source is shaded over 1938 (1937.5 to 1938.5) and labelled.
    shaded = [p for p in ax.patches if mcolors.to_hex(p.get_facecolor()) == mcolors.to_hex(style.GAP_COLOUR)]
    assert len(shaded) == 1
    assert [t.get_text() for t in ax.texts] == [style.GAP_LABEL.replace(" in ", "\nin ")]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["execution and massacre", "arrest and trial"]


def test_people_per_side_in_one_colour_largest_at_the_top():
    sides = pd.Series([30, 12, 5], index=pd.Index(["apparatus", "emigre", "party"], name="side"), name="people")
    ax = figures.overview.people_per_side(sides)
    assert all(mcolors.to_hex(p.get_facecolor()) == mcolors.to_hex(style.BAR) for p in ax.patches)
    # barh draws the first row at the bottom: sorted ascending, the largest side is on top.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["party", "emigre", "apparatus"]
    assert [t.get_text() for t in ax.texts] == ["5", "12", "30"]
    # Given axes are drawn on as they are: no new figure, no new size.
    fig, given = plt.subplots(figsize=(5, 3))
    assert figures.overview.people_per_side(sides, ax=given) is given
    assert tuple(fig.get_size_inches()) == (5, 3)


def test_events_per_year_draws_the_band_over_numeric_years():
    import pandas as pd

    from helpers import figures, style

    grouped = pd.DataFrame({"arrest and trial": [1, 3]}, index=pd.Index([1937, 1938], name="year"))
    band = pd.DataFrame({"certain": [1, 3], "possible": [2, 6], "expected": [1.2, 3.5], "low": [1, 3], "high": [2, 4]},
                        index=pd.period_range("1937", periods=2, freq="Y"))
    runs = pd.DataFrame({"first": [1937], "last": [1937], "years": [1], "level": ["mentioned"]})
    ax = figures.overview.events_per_year(grouped, {"arrest and trial": style.OKABE_ITO[0]}, coverage=runs, band=band)
    # the step lines run from 1936.5 to 1938.5, one edge per year and one after the last
    assert list(ax.get_lines()[0].get_xdata()) == [1936.5, 1937.5, 1938.5]
    assert ax.get_ylim()[1] >= 6 and any("mentioned" in t.get_text() for t in ax.texts)
