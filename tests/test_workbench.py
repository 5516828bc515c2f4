"""JupyterLab as a workbench: completion on `helpers.`, the parameter explorer, and papermill's
one-sentence errors. Each runs where the user meets it: in a real kernel, or papermill's command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from conftest import kernel_output
from helpers import paths


def run(client, code: str) -> str:
    """Run `code`; its stdout, or the error's name and value."""
    return kernel_output(client, code, timeout=120)


def test_completion_on_helpers_offers_the_public_api_and_the_analysis_modules(kernel):
    run(kernel, "import helpers")
    reply = kernel.complete("helpers.", 8, reply=True, timeout=30)
    offered = [m.removeprefix("helpers.") for m in reply["content"]["matches"]]
    assert {"cadence", "turnover", "fates", "load", "find_person", "explore", "Dataset", "ParameterError"} <= set(offered)
    assert not {"annotations", "lru_cache", "Path", "cache", "validate"} & set(offered), offered
    assert sorted(offered) == sorted(helpers.__all__)


def test_the_explorer_redraws_the_report_when_a_value_changes_and_refuses_a_bad_one(kernel):
    code = """
import json, helpers
e = helpers.explore("00-data-overview", zoom=False, tables=True)  # the whole report: its captions too
def captions(): return [o["data"]["text/markdown"] for o in e.output.outputs if "text/markdown" in o.get("data", {})]
def per_year(): return next(c for c in captions() if "dated within a single year" in c).split(";")[0]
first, figures = per_year(), sum("image/png" in o.get("data", {}) for o in e.output.outputs)
widths = [o["metadata"]["image/png"]["width"] for o in e.output.outputs if "image/png" in o.get("data", {})]
e.form["last_year"].value = "1930"   # a text box: its bound is another parameter
second = per_year()
e.form["first_year"].value = 1935
refused, third, hidden = e.status.value, per_year(), e.output.layout.display
e.form["first_year"].value = 1920  # accepted again: drawn and shown
shown = e.output.layout.display
print(json.dumps({"widgets": sorted(e.form), "first": first, "second": second, "third": third, "runs": e.runs,
                  "figures": figures, "refused": refused, "widths": widths,
                  "hidden": hidden, "shown": shown}))
"""
    seen = json.loads(run(kernel, code))
    assert seen["widgets"] == ["data_dir", "first_year", "last_year"]
    # the committed report says 206 for its defaults (1917-1941); 1917-1930 holds fewer
    assert seen["first"] == "*What to see:* 206 events dated within a single year between 1917 and 1941"
    assert seen["second"].endswith("events dated within a single year between 1917 and 1930")
    assert seen["figures"] >= 2
    assert len(seen["widths"]) == seen["figures"] and max(seen["widths"]) <= 940  # JupyterLab's output: ~960 px
    assert seen["runs"] == 3 and seen["third"] == seen["second"], "a refused value must not redraw (drawn for the defaults, 1930, then 1920)"
    assert "Parameter `last_year` got 1930; it accepts a value from 1935 to 2000.</span>" in seen["refused"]
    assert seen["hidden"] == "none" and seen["shown"] is None  # a refused form hides the report drawn for others


def test_the_explorer_draws_zoomable_figures_with_ipympl(kernel):
    code = """
import json, helpers
z = helpers.explore("00-data-overview", zoom=True)
print(json.dumps(sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in z.output.outputs)))
"""
    assert json.loads(run(kernel, code)) >= 1


def test_the_explorer_names_what_it_accepts():
    with pytest.raises(helpers.ParameterError, match=r"There is no notebook 'cadence' to explore; there are: "
                                                     r"00-data-overview, 01-purge-cadence"):
        helpers.explore("cadence")
    with pytest.raises(helpers.ParameterError, match=r"01-purge-cadence has no parameter `frequency`; it accepts: "
                                                     r"data_dir, start, end, freq"):
        helpers.explore("01-purge-cadence", frequency="year")


def test_papermill_with_a_bad_parameter_says_one_sentence_without_its_traceback(tmp_path):
    papermill = Path(sys.executable).with_name("papermill")
    done = subprocess.run([str(papermill), "01-purge-cadence.ipynb", str(tmp_path / "out.ipynb"), "-p", "freq", "weekly",
                           "--no-progress-bar"], cwd=paths.NOTEBOOKS, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == ("papermill: the notebook stopped (In [4]): ParameterError: Parameter "
                                            "`freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'.")
    assert "Traceback" not in done.stderr and 'File "' not in done.stderr
