"""The parameter explorer: it draws what the figures need, runs again only the cells a changed
parameter touches, never reuses a drawing made for other values, and never leaves a figure under a
form it does not match. Its speed is measured by benchmarks/explorer.py, not here."""
from __future__ import annotations

import json

from conftest import kernel_output
from helpers.notebook import explorer, params


def planned(notebook: str, tables: bool = False) -> list[explorer.Step]:
    return explorer.plan(explorer.code_without_parameters(notebook), params.spec(notebook).names, tables=tables)


def test_a_cell_depends_on_the_parameters_it_reads_directly_or_through_earlier_cells():
    steps = {s.cell: s for s in planned("01-purge-cadence")}
    over_time = next(s for s in steps.values() if "figures.cadence.over_time" in s.source)
    heatmap = next(s for s in steps.values() if "figures.cadence.heatmap" in s.source)
    assert "freq" in over_time.params and "freq" not in heatmap.params  # the heat map is per year whatever freq says
    assert {"start", "end", "include_alleged", "rule", "event_types"} <= set(heatmap.params)  # through `events`, `ds`
    loading = next(s for s in steps.values() if "helpers.load" in s.source)
    assert "freq" not in loading.params and "rule" not in loading.params


def test_the_figures_plan_leaves_out_captions_tables_and_readings_but_not_what_a_figure_reads():
    steps = planned("01-purge-cadence")
    code = "\n".join(s.source for s in steps)
    assert "sensitivity" not in code and "captions." not in code and "style.table" not in code
    assert "display(" not in code
    assert code.count("plt.show()") == 7 and "params.check_all" in code and "style.use(ds)" in code
    whole = planned("01-purge-cadence", tables=True)
    assert len(whole) == len(explorer.code_without_parameters("01-purge-cadence"))
    assert any("sensitivity" in s.source for s in whole)


def test_a_check_that_refuses_inside_the_notebook_is_kept():
    code = "\n".join(s.source for s in planned("02-leadership-turnover"))
    assert "turnover.require_tenures" in code  # no tenure in the window: one sentence, not an empty figure


def test_a_notebook_that_draws_no_figure_is_explored_whole():
    steps = planned("start-here")
    assert not any(s.draws for s in steps)
    assert any("captions.start_here.found" in s.source for s in steps)


def test_an_inline_figure_wider_than_the_output_area_is_shown_narrower_in_proportion():
    wide = {"data": {"image/png": "…"}, "metadata": {"image/png": {"width": 1880, "height": 900}}}
    assert explorer.narrowed(wide)["metadata"]["image/png"] == {"width": 940, "height": 450}
    narrow = {"data": {"image/png": "…"}, "metadata": {"image/png": {"width": 600, "height": 300}}}
    assert explorer.narrowed(narrow) is narrow
    # The explorer draws plain PNGs (no size in the metadata): the size is read from the PNG's header.
    import base64
    import io

    import matplotlib.pyplot as plt

    def png(width_in: float, height_in: float) -> bytes:  # the whole canvas, whatever style.use set before
        fig, buf = plt.figure(figsize=(width_in, height_in), dpi=100), io.BytesIO()
        with plt.rc_context({"savefig.bbox": "standard"}):
            fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
        return buf.getvalue()
    plain = {"data": {"image/png": base64.b64encode(png(18.8, 9)).decode()}, "metadata": {}}
    assert explorer.narrowed(plain)["metadata"]["image/png"] == {"width": 940, "height": 450}
    edge = {"data": {"image/png": png(9.4, 4.5)}, "metadata": {}}  # exactly as wide as the area: its own size
    assert explorer.narrowed(edge)["metadata"]["image/png"] == {"width": 940, "height": 450}
    assert explorer.narrowed({"data": {"image/png": "bm90IGEgcG5n"}, "metadata": {}})["metadata"] == {}


def test_a_list_typed_in_a_text_box_is_read_as_a_list():
    posts = params.spec("02-leadership-turnover").get("posts")  # no list of items to choose from: a text box

    class Box:
        def __init__(self, value):
            self.value = value

    for typed, read in (("[]", []), ("['head']", ["head"]), ("head, gugb-head", ["head", "gugb-head"]), ("", []),
                        ("head", ["head"])):
        assert explorer._read(posts, Box(typed)) == read, typed
    assert explorer._read(posts, Box("{1: 2}")) == "{1: 2}"  # passed on as text, for the check to refuse


def test_the_memo_keeps_each_drawing_by_its_values_and_drops_the_least_recently_used():
    memo, step = explorer.Memo(size=2), explorer.Step(3, "", ("freq",), (), True)
    for freq in ("month", "quarter", "year"):
        memo.put(step, ("data", (("freq", freq),)), explorer.Drawn([freq], {}))
    assert memo.get(step, ("data", (("freq", "month"),))) is None
    assert memo.get(step, ("data", (("freq", "year"),))).outputs == ["year"]
    assert memo.get(step, ("other data", (("freq", "year"),))) is None  # the data's fingerprint is in the key


def run(client, code: str) -> dict:
    """Run `code` in the kernel; the JSON it prints last."""
    text = kernel_output(client, code, timeout=600)
    try:
        return json.loads(text.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise AssertionError(text) from None


def test_after_a_change_the_figures_are_those_of_the_new_values_and_no_drawing_is_reused_for_others(kernel):
    seen = run(kernel, """
import json, helpers
def images(e): return [o["data"]["image/png"] for o in e.output.outputs if "image/png" in o.get("data", {})]
def fresh(**values): return images(helpers.explore("00-data-overview", zoom=False, figure="every figure", **values))
e = helpers.explore("00-data-overview", zoom=False, figure="every figure")
drawn = {"first": (images(e), e.titles, e.ran)}
e.form["last_year"].value = "1930"
drawn["last_year"] = (images(e), e.titles, e.ran)
e.form["first_year"].value = 1925
drawn["both"] = (images(e), e.titles, e.ran)
e.form["first_year"].value, e.form["last_year"].value = 1917, "1941"
drawn["back"] = (images(e), e.titles, e.ran)
print(json.dumps({"drawn": drawn, "fresh_last": fresh(last_year=1930),
                  "fresh_both": fresh(first_year=1925, last_year=1930), "steps": {s.cell: s.params for s in e.steps}}))
""")
    drawn, steps = seen["drawn"], {int(k): v for k, v in seen["steps"].items()}
    first, _, ran = drawn["first"]
    assert len(first) == 3 and sorted(ran) == sorted(steps)  # the first drawing runs every step
    # last_year: the steps that read it run again, the others (people per side) come from the memo
    images, titles, ran = drawn["last_year"]
    assert ran and set(ran) == {c for c, on in steps.items() if "last_year" in on} and len(ran) < len(steps)
    assert any(t.endswith("1917–1930") for t in titles) and not any(t.endswith("1917–1941") for t in titles)
    assert images == seen["fresh_last"]  # exactly what an explorer started at these values draws
    assert images[0] != first[0] and images[2] == first[2]  # a new drawing where the value matters, and only there
    images, titles, ran = drawn["both"]
    assert any(t.endswith("1925–1930") for t in titles) and images == seen["fresh_both"]
    assert images != drawn["last_year"][0]  # not the drawing of (1917, 1930)
    images, titles, ran = drawn["back"]
    assert images == first and ran == []  # the defaults again: every step from the memo


def test_a_refused_value_hides_the_figures_and_says_so_and_a_redraw_greys_the_old_ones_while_it_runs(kernel):
    seen = run(kernel, """
import json, helpers
from helpers.notebook import explorer
e = helpers.explore("00-data-overview", zoom=False, figure=2)  # the spans of several years, titled with the years
classes, statuses = [], []
e.output.observe(lambda change: classes.append(list(change.new)), names="_dom_classes")
e.status.observe(lambda change: statuses.append(change.new), names="value")
titles, runs = list(e.titles), e.runs
e.form["first_year"].value = 1950   # after last_year (1941): refused
refused = {"status": e.status.value, "hidden": e.output.layout.display, "titles": e.titles, "runs": e.runs}
e.form["first_year"].value = 1920   # accepted: drawn and shown
print(json.dumps({"refused": refused, "titles": titles, "runs": runs, "classes": classes, "statuses": statuses,
                  "shown": e.output.layout.display, "after": e.titles, "stale": explorer.STALE}))
""")
    refused = seen["refused"]
    assert "Parameter `last_year` got 1941; it accepts a value from 1950 to 2000." in refused["status"]
    assert "hidden until the form holds values it accepts" in refused["status"]
    assert refused["hidden"] == "none" and refused["runs"] == seen["runs"]  # not redrawn, and not shown
    assert seen["shown"] is None and any(t.endswith("1920–1941") for t in seen["after"])
    # while the redraw for 1920 ran, the figures of 1917 were greyed and the status said so
    assert [seen["stale"]] in seen["classes"] and seen["classes"][-1] == []
    assert any(s.startswith("Drawing for data_dir = '', first_year = 1920") for s in seen["statuses"])


def test_the_menu_draws_one_figure_and_a_change_runs_only_what_it_needs(kernel):
    seen = run(kernel, """
import json, helpers
e = helpers.explore("01-purge-cadence", zoom=False)
drawn = [(e.titles, e.ran, [label for label, _ in e.menu.options])]
e.form["freq"].value = "year"
drawn.append((e.titles, e.ran))
e.menu.value = e.menu.options[1][1]  # the second figure of section 1, for the same values
drawn.append((e.titles, e.ran))
e.form["event_types"].value = ("arrest",)
drawn.append((e.titles, e.ran))
print(json.dumps({"drawn": drawn, "steps": {s.cell: [s.params, s.draws] for s in e.steps}}))
""")
    drawn, steps = seen["drawn"], {int(k): v for k, v in seen["steps"].items()}
    titles, ran, menu = drawn[0]
    assert menu[:3] == ["1. Events over time, under each head of the secret police",
                        "1. Events over time, under each head of the secret police (2)",
                        "2. Which kinds of event, in which years"] and menu[-1] == "every figure"
    assert titles == ["Events per month, by group, under each head of the secret police"]
    first_figure = min(c for c, (_, draws) in steps.items() if draws)
    assert max(ran) == first_figure  # nothing after the figure shown is drawn
    titles, ran = drawn[1]
    assert titles == ["Events per year, by group, under each head of the secret police"]
    assert set(ran) == {c for c in ran if "freq" in steps[c][0]} and first_figure in ran and 2 not in ran
    titles, ran = drawn[2]
    assert titles == ["Events whose dates span more than one year"] and len(ran) == 1  # the rest from the memo
    titles, ran = drawn[3]
    assert titles == ["Events whose dates span more than one year"] and 2 in ran  # the selection changed
