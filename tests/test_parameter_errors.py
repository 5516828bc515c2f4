"""Every helper that takes an option checks it and stops with one sentence (issue #14).

A wrong value raises `ParameterError` naming the argument, the value and what it accepts — never a
KeyError from deep inside, never a silently empty table — so a cell that runs after a failed check
cell (Run All on a kernel that already ran) still shows one sentence. Each expected sentence below is
written out by hand from the allowed values the module documents.
"""
from __future__ import annotations

import subprocess
from functools import partial

import nbformat
import pandas as pd
import pytest

from helpers import (ParameterError, cadence, captions, dossier, eras, evidence, falls, fates, figures, purges, overview, paths, style,
                     survival, turnover)
from helpers.core import checks

T = pd.Timestamp
FREQ_SENTENCE = "Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'."
GROUP_SENTENCE = "Parameter `group` got 'officials'; it accepts 'apparatus', 'targets' or 'all'."
#: The sources that date events in data/events.csv, and the one source of data/sections.csv.
EVENT_SOURCES = "'case-file-0121' or 'reference-facts'"

# Each case: (what, the call with one bad option, the sentence). `ds` is the real data.
CASES = [
    # cadence
    ("cadence.select scope", lambda ds: cadence.select(ds.events, ds.roles, scope="foreign"),
     "Parameter `scope` got 'foreign'; it accepts 'all', 'domestic' or 'abroad'."),
    ("cadence.select types", lambda ds: cadence.select(ds.events, ds.roles, types="arrest"),
     "Parameter `types` got 'arrest'; it accepts a list."),
    ("cadence.select first", lambda ds: cadence.select(ds.events, ds.roles, first=1937),
     "Parameter `first` got 1937; it accepts a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')."),
    ("cadence.periods", lambda ds: cadence.periods(T("1937-01-01"), T("1937-12-31"), "weekly"), FREQ_SENTENCE),
    ("cadence.placements freq", lambda ds: cadence.placements(ds.events, "weekly"), FREQ_SENTENCE),
    ("cadence.placements rule", lambda ds: cadence.placements(ds.events, "month", rule="first-day"),
     "Parameter `rule` got 'first-day'; it accepts 'exclude' or 'spread'."),
    ("cadence.counts freq", lambda ds: cadence.counts(ds.events, freq="weekly"), FREQ_SENTENCE),
    ("cadence.counts rule", lambda ds: cadence.counts(ds.events, rule="share"),
     "Parameter `rule` got 'share'; it accepts 'exclude' or 'spread'."),
    ("cadence.counts by", lambda ds: cadence.counts(ds.events[["event_id", "type", "start", "end"]], by="kind"),
     "Parameter `by` got 'kind'; it accepts 'event_id', 'type', 'start' or 'end'."),
    ("cadence.per_era", lambda ds: cadence.per_era(ds.events, eras.eras(ds), T("1938-01-01"), T("1937-12-31")),
     "Parameter `last` got Timestamp('1937-12-31 00:00:00'); it accepts a value from 1938-01-01 00:00:00."),
    ("cadence.dated_killings", lambda ds: cadence.dated_killings(ds.events, max_span_days=0),
     "Parameter `max_span_days` got 0; it accepts a value from 1."),
    ("cadence.quiet_spells", lambda ds: cadence.quiet_spells(pd.DataFrame(), n=-1),
     "Parameter `n` got -1; it accepts a value from 0."),
    ("cadence.runs", lambda ds: cadence.runs(pd.DataFrame(), within_days="30"),
     "Parameter `within_days` got '30'; it accepts a whole number."),
    ("cadence.mass_killings", lambda ds: cadence.mass_killings(ds, scope="home"),
     "Parameter `scope` got 'home'; it accepts 'all', 'domestic' or 'abroad'."),
    ("cadence.national", lambda ds: cadence.national(ds.convictions_by_year, tally="nkvd"),
     "Parameter `tally` got 'nkvd'; it accepts 'kgb' or 'mvd'."),
    ("cadence.tallies_differ", lambda ds: cadence.tallies_differ(ds.convictions_by_year, tally="MVD"),
     "Parameter `tally` got 'MVD'; it accepts 'kgb' or 'mvd'."),
    ("cadence.align_national", lambda ds: cadence.align_national(ds.events, ds.convictions_by_year, (), rule="all"),
     "Parameter `rule` got 'all'; it accepts 'exclude' or 'spread'."),
    ("captions.cadence.describe_rule", lambda ds: captions.cadence.describe_rule("exclude", "weekly"),
     FREQ_SENTENCE),
    ("figures.cadence.mirrored", lambda ds: figures.cadence.mirrored(pd.DataFrame(), style.SCOPE, up="home"),
     "Parameter `up` got 'home'; it accepts 'domestic' or 'abroad'."),
    # fates
    ("fates.members", lambda ds: fates.members(ds, "officials"), GROUP_SENTENCE),
    ("fates.fate_table", lambda ds: fates.fate_table(ds, "officials"), GROUP_SENTENCE),
    ("fates.cohort_order", lambda ds: fates.cohort_order(ds, "tier"),
     "Parameter `by` got 'tier'; it accepts 'side', 'era' or 'level'."),
    ("fates.fate_counts", lambda ds: fates.fate_counts(ds, pd.DataFrame(), "fate"),
     "Parameter `by` got 'fate'; it accepts 'side', 'era' or 'level'."),
    ("survival.survival_table event", lambda ds: survival.survival_table(ds, "execution"),
     "Parameter `event` got 'execution'; it accepts 'death' or 'arrest'."),
    ("survival.survival_table until", lambda ds: survival.survival_table(ds, "death", until=1941),
     "Parameter `until` got 1941; it accepts a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')."),
    ("survival.km_medians", lambda ds: survival.km_medians(ds, pd.DataFrame(), "side"),
     "Parameter `cohort` got 'side'; it accepts 'era' or 'level'."),
    ("figures.fates.survival", lambda ds: figures.fates.survival(pd.DataFrame(), {}, "era", "arrested"),
     "Parameter `event` got 'arrested'; it accepts 'death' or 'arrest'."),
    ("fates.cover_stories", lambda ds: fates.cover_stories(ds, "victims"),
     "Parameter `group` got 'victims'; it accepts 'apparatus', 'targets' or 'all'."),
    ("fates.links", lambda ds: fates.links(ds, "officials"), GROUP_SENTENCE),
    ("fates.turned_victims", lambda ds: fates.turned_victims(ds, "officials"), GROUP_SENTENCE),
    ("captions.fates.cohort_note", lambda ds: captions.fates.cohort_note("side", 0),
     "Parameter `by` got 'side'; it accepts 'era' or 'level'."),
    ("figures.fates.graph_layout", lambda ds: figures.fates.graph_layout(None, sweeps=-1),
     "Parameter `sweeps` got -1; it accepts a value from 0."),
    ("fates.death_methods", lambda ds: fates.death_methods(ds, "Apparatus"),
     "Parameter `group` got 'Apparatus'; it accepts 'apparatus', 'targets' or 'all'."),
    ("fates.methods_by", lambda ds: fates.methods_by(ds, pd.DataFrame(), "level"),
     "Parameter `by` got 'level'; it accepts 'era' or 'scope'."),
    # turnover
    ("turnover.select_posts", lambda ds: turnover.select_posts(ds, "gugb-head"),
     "Parameter `posts` got 'gugb-head'; it accepts a list."),
    ("turnover.tenures start", lambda ds: turnover.tenures(ds, [], 1934, 1939),
     "Parameter `start` got 1934; it accepts a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')."),
    ("turnover.tenures include_acting", lambda ds: turnover.tenures(ds, [], include_acting="False"),
     "Parameter `include_acting` got 'False'; it accepts true or false (True/False)."),
    ("falls.fall_sequences", lambda ds: falls.fall_sequences(ds, ["nikolai-yezov"]),
     "Parameter `person_ids` got 'nikolai-yezov' in its list; items may be person_ids of people.csv "
     "(did you mean 'nikolai-yezhov'?)."),
    ("turnover.holders_per_year", lambda ds: turnover.holders_per_year(pd.DataFrame(), 1941, 1917, T("1941-06-22")),
     "Parameter `last` got 1917; it accepts a value from 1941."),
    ("purges.removals", lambda ds: purges.removals(ds, among_officials="yes"),
     "Parameter `among_officials` got 'yes'; it accepts true or false (True/False)."),
    ("purges.purger_purged", lambda ds: purges.purger_purged(ds, ["genrikh-yagoda", 42]),
     "Parameter `person_ids` got 42 in its list; items may be person_ids of people.csv."),
    ("purges.purge_chains", lambda ds: purges.purge_chains(ds, "nikolai-yezhov"),
     "Parameter `person_ids` got 'nikolai-yezhov'; it accepts a list."),
    ("figures.turnover.gantt", lambda ds: figures.turnover.gantt(None, None, None, "1917", "1941", T("1941-06-22")),
     "Parameter `start` got '1917'; it accepts a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')."),
    # overview
    ("overview.events_per_year", lambda ds: overview.events_per_year(ds, 1941, 1917),
     "Parameter `last` got 1917; it accepts a value from 1941."),
    ("overview.coverage_by_section", lambda ds: overview.coverage_by_section(ds, "reference-facts"),
     "Parameter `source_id` got 'reference-facts'; it accepts 'case-file-0121'."),
    # dossier: an id, not a name
    *[(f"dossier.{f.__name__}", partial(f, person_id="Nikolai Yezhov"),
       "Parameter `person_id` got 'Nikolai Yezhov'; it accepts a person_id of people.csv "
       "(did you mean 'nikolai-yezhov'?).")
      for f in (dossier.profile, dossier.life, dossier.aliases, dossier.posts, dossier.events, dossier.fate,
                dossier.accounts, dossier.disagreements)],
    # eras
    ("eras.coverage_end", lambda ds: eras.coverage_end(ds, "case-file"),
     f"Parameter `source_id` got 'case-file'; it accepts {EVENT_SOURCES}."),
    ("eras.heads", lambda ds: eras.heads(ds, include_acting=1),
     "Parameter `include_acting` got 1; it accepts true or false (True/False)."),
    ("eras.eras", lambda ds: eras.eras(ds, until="1941-06-22"),
     "Parameter `until` got '1941-06-22'; it accepts a day as a pandas Timestamp, e.g. pd.Timestamp('1937-09-04')."),
    # evidence: a bare string where a list is wanted would be read letter by letter
    ("evidence.participants", lambda ds: evidence.participants(ds, "subject"),
     "Parameter `roles` got 'subject'; it accepts a list."),
    ("evidence.acts", lambda ds: evidence.acts(ds, "execution"),
     "Parameter `types` got 'execution'; it accepts a list."),
    ("evidence.count_once", lambda ds: evidence.count_once(ds.events, ds.roles, types="massacre"),
     "Parameter `types` got 'massacre'; it accepts a list."),
    ("checks.check_days", lambda ds: checks.check_days(T("1937-01-02"), T("1937-01-01")),
     "Parameter `last` got Timestamp('1937-01-01 00:00:00'); it accepts a value from 1937-01-02 00:00:00."),
    # dataset
    ("Dataset.vocabulary resource", lambda ds: ds.vocabulary("event", "type"),
     "Parameter `resource` got 'event'; it accepts 'sources', 'sections', 'organisations', 'people', 'aliases', "
     "'positions', 'operations', 'events', 'roles', 'org_roles', 'accounts', 'tallies', 'attestations', "
     "'convictions_by_year', 'places', 'event_places' or 'relationships'."),
    ("Dataset.vocabulary field", lambda ds: ds.vocabulary("people", "name"),
     "Parameter `field_name` got 'name'; it accepts 'side' or 'calendar'."),
]


@pytest.mark.parametrize("call, sentence", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_option_stops_with_one_sentence(ds, call, sentence):
    with pytest.raises(ParameterError) as err:
        call(ds)
    assert str(err.value) == sentence
    assert err.value._render_traceback_() == [f"ParameterError: {sentence}"]  # what a notebook shows


# --- edges: the allowed value at a bound passes, the first one outside it fails --------------------

def _fails(call) -> str:
    with pytest.raises(ParameterError) as err:
        call()
    return str(err.value)


def test_counts_at_their_lower_bound(ds):
    kills = cadence.killings(cadence.select(ds.events, ds.roles), ())
    dated, _ = cadence.dated_killings(kills, max_span_days=1)          # one day: the narrowest span allowed
    assert len(dated) and ((dated.end - dated.start).dt.days == 0).all()
    assert _fails(lambda: cadence.dated_killings(kills, max_span_days=0)).endswith("it accepts a value from 1.")
    gap_table = cadence.gaps(dated)
    assert cadence.quiet_spells(gap_table, n=0).empty                  # none asked for, none given
    assert _fails(lambda: cadence.quiet_spells(gap_table, n=-1)).endswith("it accepts a value from 0.")
    cadence.runs(gap_table, within_days=1)                             # runs of killings on one day
    assert _fails(lambda: cadence.runs(gap_table, within_days=0)).endswith("it accepts a value from 1.")


def test_a_window_of_one_day_passes_and_a_reversed_one_fails(ds):
    day = T("1937-06-12")  # Tukhachevsky's execution (case file, Miller section ¶4)
    assert "mikhail-tukhachevsky-execution" in set(cadence.select(ds.events, ds.roles, first=day, last=day).event_id)
    assert _fails(lambda: cadence.select(ds.events, ds.roles, first=day, last=day - pd.Timedelta(days=1))) == (
        "Parameter `last` got Timestamp('1937-06-11 00:00:00'); it accepts a value from 1937-06-12 00:00:00.")


def test_a_year_window_of_one_year_passes_and_a_reversed_one_fails(ds):
    per_year, _ = overview.events_per_year(ds, 1937, 1937)
    assert list(per_year.index) == [1937]
    assert _fails(lambda: overview.events_per_year(ds, 1937, 1936)) == (
        "Parameter `last` got 1936; it accepts a value from 1937.")
    shown = turnover.tenures(ds, ["secret-police-head"])
    table = turnover.holders_per_year(shown, 1938, 1938, eras.coverage_end(ds))
    assert list(table.columns) == [1938]
    assert _fails(lambda: turnover.holders_per_year(shown, 1938, 1937, eras.coverage_end(ds))) == (
        "Parameter `last` got 1937; it accepts a value from 1938.")


def test_every_allowed_value_passes(ds):
    for freq in cadence.FREQS:
        for rule in cadence.RULES:
            assert captions.cadence.describe_rule(rule, freq)
    for group in fates.GROUPS:
        assert len(fates.members(ds, group))
    assert dossier.fate(ds, "nikolai-yezhov").fate == "executed"
    assert purges.purger_purged(ds, []).empty  # an empty list of people keeps no row, and says nothing


def test_a_sweep_count_of_zero_passes():
    assert figures.fates.graph_layout(_graph(), sweeps=0)
    assert _fails(lambda: figures.fates.graph_layout(_graph(), sweeps=-1)) == (
        "Parameter `sweeps` got -1; it accepts a value from 0.")


def _graph():
    import networkx as nx

    g = nx.DiGraph()
    g.add_node("a", label="A")
    g.add_node("b", label="B")
    g.add_edge("a", "b")
    return g


# --- the kernel: Run All after a bad parameter, on a kernel that already ran -------------------------

NOTEBOOKS = paths.ROOT / "notebooks"


def _code_cells(name: str) -> list[tuple[bool, str]]:
    """(is the parameters cell, source) of each code cell of a notebook, in order."""
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [("parameters" in c.metadata.get("tags", []), c.source) for c in nb.cells if c.cell_type == "code"]


def _run_all(kc, cells, parameters: str | None = None) -> list[dict]:
    """Execute every code cell in order, going on after errors as a careless Run All would; the
    parameters cell is replaced by `parameters` when given. Returns the content of every error output."""
    errors = []
    for is_parameters, source in cells:
        code = parameters if is_parameters and parameters is not None else source
        reply = kc.execute_interactive(code, stop_on_error=False, timeout=120,
                                       output_hook=lambda msg: errors.append(msg["content"])
                                       if msg["msg_type"] == "error" else None)
        assert reply["content"]["status"] in ("ok", "error"), f"a cell was not run: {reply['content']}"
    return errors


def _kernel():
    """A kernel of the project in notebooks/, as JupyterLab starts one; retried once, as parallel
    kernels can race for ports."""
    from jupyter_client.manager import start_new_kernel

    try:
        return start_new_kernel(kernel_name="blackwork", cwd=str(NOTEBOOKS), stderr=subprocess.DEVNULL)
    except (RuntimeError, TimeoutError):
        return start_new_kernel(kernel_name="blackwork", cwd=str(NOTEBOOKS), stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("notebook, bad, sentence, failing", [
    # The check cell, the summary (captions.cadence.describe_rule), the chart per period and the chart at home
    # and abroad (cadence.counts), and the spans over several periods (cadence.spanning): the five cells
    # of 01 that read `freq`.
    ("01-purge-cadence", 'freq = "weekly"', FREQ_SENTENCE, 5),
    # (03-fates-of-officials with group = "officials" fails the same way in six cells: the check cell,
    # fate_table, cover_stories, links, turned_victims and death_methods, each unit-tested above.)
], ids=["01-purge-cadence"])
def test_run_all_again_with_a_bad_parameter_shows_one_sentence_per_failing_cell(notebook, bad, sentence, failing):
    cells = _code_cells(notebook)
    km, kc = _kernel()
    try:
        assert _run_all(kc, cells) == []  # the defaults: every cell succeeds
        seen = _run_all(kc, cells, parameters=bad)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert seen, "the check cell must refuse the value"
    for error in seen:
        assert (error["ename"], error["evalue"]) == ("ParameterError", sentence)
        assert len(error["traceback"]) == 1 and "\n" not in error["traceback"][0]
        assert "Traceback" not in error["traceback"][0] and "File " not in error["traceback"][0]
    assert len(seen) == failing
