"""One palette for events: eight groups read from datapackage.json, colours that stay apart."""
import matplotlib as mpl

from helpers import style
from helpers.data import vocabulary


def test_each_type_takes_its_groups_colour(ds):
    types, colours = vocabulary.event_groups(ds.descriptor), style.event_colours(ds.descriptor)
    assert list(types) == ds.vocabulary("events", "type")  # every type, in the vocabulary's order
    # The four the issue found indistinguishable: execution and massacre share a group, the others not.
    assert colours["execution"] == colours["massacre"]
    assert len({colours[t] for t in ("execution", "assassination", "defection", "death")}) == 4
    assert types["kidnapping"] == types["assassination"] == "assassination and abduction"
    assert types["appointment"] == "posts" and types["context"] == "context"


def test_at_most_eight_colours_each_far_from_the_others(ds):
    groups = style.group_colours(ds.descriptor)
    assert len(groups) == len(set(groups.values())) == 8
    rgb = [mpl.colors.to_rgb(c) for c in groups.values()]
    closest = min(sum((a - b) ** 2 for a, b in zip(x, y)) ** 0.5 for i, x in enumerate(rgb) for y in rgb[i + 1:])
    assert closest > 0.2  # the 22 shades of tab20 and tab20b the types had were 0.098 apart at the closest


def test_a_table_shows_no_index_no_time_of_day_and_blanks():
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"when": pd.to_datetime(["1937-09-04", None]), "shot": [12000, np.nan], "who": ["Miller", None]},
                         index=pd.Index([1937, 1938], name="year"))
    shown = style.table(frame, "Kidnappings")
    assert repr(shown).splitlines() == ["Kidnappings", "Year       When  Shot    Who",
                                        "1937 4 Sep 1937 12000 Miller", "1938"]
    html = shown._repr_html_()
    assert "<caption>Kidnappings</caption>" in html and ">1937</td>" in html  # the named index is a column
    assert "12:00" not in html and "00:00" not in html and "nan" not in html.lower() and "NaT" not in html
    assert html == style.table(frame, "Kidnappings")._repr_html_()  # the same bytes every run (nbval)
    # An unnamed index (0, 1, ...) is pandas' bookkeeping, not data: it is dropped.
    assert repr(style.table(frame.reset_index(drop=True))).splitlines()[0].split() == ["When", "Shot", "Who"]
    assert repr(style.table(frame.iloc[:0], "None")) == "None\n(no rows)"


def test_a_table_escapes_text_from_the_data_but_keeps_the_projects_own_links():
    import pandas as pd

    frame = pd.DataFrame({"name": ["<script>alert(1)</script> Yagoda"], "source": ['<a href="https://x.org">x.org</a>']})
    page = style.table(frame, "<b>Who</b>", markup=["source"])._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Yagoda" in page
    assert '<a href="https://x.org">x.org</a>' in page and "<caption>&lt;b&gt;Who&lt;/b&gt;</caption>" in page
    assert '<a href="https://x.org">' not in style.table(frame)._repr_html_()  # no markup column named: all escaped


def test_a_rate_is_shown_with_the_places_it_was_rounded_to():
    import pandas as pd

    # Report 01's eras: 39 events in 8.61 years, rounded to 4.5 a year, were shown as "4.50" (a reader reads
    # 4.50 as 4.495–4.505); a column rounded to one place shows one, a column with two shows two.
    frame = pd.DataFrame({"years": [8.61, 2.16], "per_year": [4.5, 30.6], "share": [0.25, 0.5], "n": [1.0, None]})
    shown = style.table(frame)._shown()
    assert list(shown["Per year"]) == ["4.5", "30.6"] and list(shown["Years"]) == ["8.61", "2.16"]
    assert list(shown["Share"]) == ["0.25", "0.50"] and list(shown["N"]) == [1, ""]
    assert list(style.table(pd.DataFrame({"x": [1234.5]}))._shown()["X"]) == ["1,234.5"]
    assert list(style.table(pd.DataFrame({"x": [0.123]}))._shown()["X"]) == ["0.12"]  # at most two places
