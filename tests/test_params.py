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
