"""Figures legible where they are shown (issue 25): a report's column is `style.COLUMN_PX` wide, so a
figure drawn wider is shrunk; its smallest names must still be 9 px or more on the screen, and
date ticks must not run together."""
import matplotlib
import pandas as pd

from helpers import abroad, eras, figures, style, turnover

matplotlib.use("Agg")
T = pd.Timestamp


def _shown_px(fig, texts) -> float:
    """The smallest of `texts` in screen pixels once the figure is shrunk to the column."""
    return min(t.get_fontsize() for t in texts) * style.DPI / 72 * style.shown_scale(fig)


def test_the_tenure_chart_names_each_holder_in_nine_pixels_or_more(ds):
    style.use(ds)
    shown = turnover.tenures(ds, [], T("1917-01-01"), T("1941-12-31"), include_acting=True)
    ax = figures.turnover.gantt(shown, turnover.lineage(ds), turnover.marks(ds, shown), T("1917-01-01"),
                                T("1941-12-31"), eras.coverage_end(ds))
    names = [t for t in ax.get_yticklabels() if t.get_text()]
    assert len(names) > 40  # every post and holder of the main posts
    assert _shown_px(ax.figure, names) >= 9  # 3,204 px shown at 784 in issue 25: names about 7 px


def test_the_operations_date_ticks_do_not_run_together_and_fit_the_column(ds):
    style.use(ds)
    table = abroad.events(ds, "world", T("1917-01-01"), T("1990-12-31"), [])
    steps = abroad.timeline(ds, T("1917-01-01"), T("1990-12-31"), operations=abroad.operation_ids(table))
    fig = figures.abroad.timelines(steps, style.group_colours(ds.descriptor))
    renderer = fig.canvas.get_renderer()
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert len(panels) == steps.operation_id.nunique() >= 5
    for ax in panels:
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
        assert len(boxes) >= 3, ax.get_title()
        assert all(b.x0 - a.x1 >= 10 for a, b in zip(boxes, boxes[1:])), ax.get_title()  # 10 px apart at least
        assert _shown_px(fig, ax.get_yticklabels() + ax.get_xticklabels()) >= 9, ax.get_title()


def test_the_maps_names_do_not_overlap_and_read_at_nine_pixels(ds):
    style.use(ds)
    first, last = T("1917-01-01"), T("1990-12-31")
    table = abroad.events(ds, "world", first, last, [])
    fig = figures.abroad.region_map(abroad.journeys(table), abroad.points(table), abroad.by_point(table),
                                    abroad.by_group(table), style.group_colours(ds.descriptor), "world",
                                    abroad.box_of(table, "world"), first, last)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        names = [t for t in ax.texts if t.get_text()]  # the journeys' arrows are texts without words
        boxes = [t.get_window_extent(renderer) for t in names]
        assert [(names[i].get_text(), names[j].get_text()) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i].overlaps(boxes[j])] == []
        assert _shown_px(fig, names) >= 9
    assert "Paris" in {t.get_text() for t in fig.axes[1].texts}  # the Paris cluster, named in the inset


def test_report_02s_other_charts_read_at_nine_pixels(ds):
    from helpers import falls

    style.use(ds)
    shown = turnover.tenures(ds, [], T("1917-01-01"), T("1941-12-31"), include_acting=True)
    lags = figures.turnover.fall_lags(falls.fall_sequences(ds, shown.person_id))
    held = figures.turnover.holders_per_year(turnover.holders_per_year(shown, 1917, 1941, eras.coverage_end(ds)))
    for ax in (lags, held):  # 1,283 and 1,243 px wide, shown at 784 px, before issue 25
        assert _shown_px(ax.figure, ax.get_yticklabels() + ax.get_xticklabels()) >= 9, ax.get_title()
