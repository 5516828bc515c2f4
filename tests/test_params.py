import pytest

from helpers import ParameterError, params


def test_a_value_in_choices_passes():
    assert params.check("freq", "year", choices=("month", "quarter", "year")) == "year"


@pytest.mark.parametrize("call, message", [
    (lambda: params.check("freq", "weekly", choices=("month", "quarter", "year")),
     "Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'."),
    (lambda: params.check("first_year", "1937", kind=int),
     "Parameter `first_year` got '1937'; it accepts a whole number."),
    (lambda: params.check("first_year", True, kind=int),
     "Parameter `first_year` got True; it accepts a whole number."),
    (lambda: params.check("include_alleged", "yes", kind=bool),
     "Parameter `include_alleged` got 'yes'; it accepts true or false (True/False)."),
    (lambda: params.check("last_year", 1850, kind=int, minimum=1900, maximum=2000),
     "Parameter `last_year` got 1850; it accepts a value from 1900 to 2000."),
    (lambda: params.check("event_types", ["murder"], items=("execution", "arrest")),
     "Parameter `event_types` got 'murder' in its list; items may be 'execution' or 'arrest'."),
    (lambda: params.check_date("start", "1937-13"),
     "Parameter `start` got '1937-13'; it accepts a year such as 1937 or an EDTF date such as '1937-09-04'."),
    (lambda: params.check_data_dir("data_dir", "/nowhere"),
     "Parameter `data_dir` got '/nowhere'; it accepts '' (the project's data) or a folder that holds datapackage.json."),
])
def test_a_wrong_value_gives_one_sentence(call, message):
    with pytest.raises(ParameterError) as err:
        call()
    assert str(err.value) == message


def test_the_error_renders_without_traceback_in_ipython():
    err = ParameterError("Parameter `x` got 1; it accepts 'a'.")
    assert err._render_traceback_() == ["ParameterError: Parameter `x` got 1; it accepts 'a'."]


def test_dates_and_years_are_accepted():
    assert params.check_date("start", 1937).precision == "year"
    assert params.check_date("start", "1937-09").precision == "month"


# ---- the declared specifications ------------------------------------------------------------------


import nbformat  # noqa: E402

from helpers import paths, report  # noqa: E402


def differences(name: str) -> list[str]:
    return params.drift(name, nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4))


def test_every_catalogued_notebook_exists():
    assert params.catalogue() == ["00-data-overview", "01-purge-cadence", "02-leadership-turnover",
                                  "03-fates-of-officials", "04-operations-abroad", "05-networks", "dossier", "start-here"]
    assert all((paths.NOTEBOOKS / f"{name}.ipynb").is_file() for name in params.catalogue())


@pytest.mark.parametrize("name", ["00-data-overview", "01-purge-cadence", "02-leadership-turnover",
                                  "03-fates-of-officials", "04-operations-abroad", "05-networks", "dossier", "start-here"])
def test_the_committed_parameters_cell_matches_the_declared_defaults(name):
    problems = differences(name)
    assert not problems, " ".join(problems)


def test_a_changed_default_is_named_in_one_sentence(monkeypatch):
    declared = params.spec("01-purge-cadence")
    freq = declared.get("freq")
    changed = params.Spec(declared.notebook, tuple(
        params.Param("freq", str, "year", freq.help, choices=freq.choices) if p is freq else p
        for p in declared.params))
    monkeypatch.setattr(params, "spec", lambda name: changed)
    assert differences("01-purge-cadence") == [
        "notebooks/01-purge-cadence.ipynb sets `freq` = 'month' in its parameters cell, but its declared default "
        "is 'year'."]


@pytest.mark.parametrize("notebook, text, pair", [
    ("dossier", "person=42", ("person", "42")),                                   # a name, not a number
    ("01-purge-cadence", "include_alleged=false", ("include_alleged", False)),
    ("01-purge-cadence", "event_types=execution,arrest", ("event_types", ["execution", "arrest"])),
    ("01-purge-cadence", "event_types=['execution']", ("event_types", ["execution"])),
    ("01-purge-cadence", "start=1937", ("start", 1937)),
    ("01-purge-cadence", "start=1937-09", ("start", "1937-09")),
    ("00-data-overview", "first_year=19x0", ("first_year", "19x0")),             # left for the check to refuse
])
def test_command_line_values_take_the_declared_type(notebook, text, pair):
    assert report.parse_parameter(text, notebook) == pair


def test_the_preflight_runs_no_notebook_code(monkeypatch):
    import builtins

    monkeypatch.setattr(builtins, "exec", lambda *a, **k: pytest.fail("notebook code was executed"))
    with pytest.raises(ParameterError) as err:
        report.preflight(paths.NOTEBOOKS / "01-purge-cadence.ipynb", {"freq": "weekly"})
    assert str(err.value) == "Parameter `freq` got 'weekly'; it accepts 'month', 'quarter' or 'year'."


def test_posts_and_window_are_checked_together_before_any_kernel():
    with pytest.raises(ParameterError) as err:
        report.preflight(paths.NOTEBOOKS / "02-leadership-turnover.ipynb", {"start": 1900, "end": 1901})
    assert str(err.value) == ("No tenure of the posts [] falls between 1900 and 1901; choose other posts or a "
                              "wider window.")


def test_check_all_returns_the_values_the_notebook_uses():
    checked = params.check_all("01-purge-cadence", {**params.spec("01-purge-cadence").defaults,
                                                     "start": "1937-09", "end": 1938})
    assert checked["data_dir"] is None
    assert (str(checked["start"].date()), str(checked["end"].date())) == ("1937-09-01", "1938-12-31")


def test_a_parameters_cell_that_is_not_plain_assignments_is_named():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("freq = pick()", metadata={"tags": ["parameters"]})])
    assert params.drift("01-purge-cadence", nb) == [
        "notebooks/01-purge-cadence.ipynb has a parameters cell that is not plain `name = value` lines."]


def test_a_notebook_without_a_parameters_cell_is_named():
    assert params.drift("dossier", nbformat.v4.new_notebook()) == [
        "notebooks/dossier.ipynb has no cell tagged `parameters`."]


def test_nbval_collects_the_catalogued_notebooks_and_no_draft(tmp_path):
    import importlib.util

    loader = importlib.util.spec_from_file_location("root_conftest", paths.ROOT / "conftest.py")
    hooks = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(hooks)
    ignored = {p: hooks.pytest_ignore_collect(p, None) for p in [
        paths.NOTEBOOKS / "01-purge-cadence.ipynb", paths.NOTEBOOKS / "start-here.ipynb",
        paths.NOTEBOOKS / "Untitled.ipynb", paths.ROOT / "scratch" / "01-purge-cadence.ipynb",
        paths.ROOT / "tests" / "Untitled.ipynb"]}
    assert [p.name for p, out in ignored.items() if not out] == ["01-purge-cadence.ipynb", "start-here.ipynb"]
    assert hooks.pytest_ignore_collect(paths.ROOT / "tests" / "test_params.py", None) is None
