import datetime as dt

import pytest

from helpers import dates

D = dt.date


@pytest.mark.parametrize("text, earliest, latest, precision", [
    ("1937-09-04", D(1937, 9, 4), D(1937, 9, 4), "day"),
    ("1937-03", D(1937, 3, 1), D(1937, 3, 31), "month"),
    ("1936-02", D(1936, 2, 1), D(1936, 2, 29), "month"),   # a leap February
    ("1924", D(1924, 1, 1), D(1924, 12, 31), "year"),
    ("1938-07-12?", D(1938, 7, 12), D(1938, 7, 12), "day"),
    ("1936-12~", D(1936, 12, 1), D(1936, 12, 31), "month"),
    ("1940-04/1940-05", D(1940, 4, 1), D(1940, 5, 31), "interval"),
    ("1940-06/1940-10-17", D(1940, 6, 1), D(1940, 10, 17), "interval"),
])
def test_bounds_are_never_padded(text, earliest, latest, precision):
    b = dates.parse(text)
    assert (b.earliest, b.latest, b.precision) == (earliest, latest, precision)


def test_qualifiers_are_kept():
    assert dates.parse("1938-07-12?").uncertain and not dates.parse("1938-07-12?").approximate
    assert dates.parse("1936-12~").approximate


@pytest.mark.parametrize("text, message", [
    ("1937-02-30", "'1937-02-30' is not an EDTF date"),
    ("1937-02-29", "'1937-02-29' is not a real calendar date"),
    ("1937-13", "'1937-13' is not an EDTF date"),
    ("19370", "'19370' is not an EDTF date"),
    ("4 Sept 1937", "'4 Sept 1937' is not an EDTF date"),
    ("1940-05/1940-04", "'1940-05/1940-04' ends before it starts"),
    ("1937/..", "'1937/..' has an open or unknown end; give both ends"),
])
def test_impossible_dates_are_refused(text, message):
    with pytest.raises(dates.DateError) as err:
        dates.parse(text)
    assert str(err.value).startswith(message)
