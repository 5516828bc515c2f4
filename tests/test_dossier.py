"""The dossier: life dates, posts, events with their co-participants, sources as links, the timeline
(the analysis `helpers.dossier`, its reader tables and sentences `captions.dossier`, its figure
`figures.dossier`).

Expected values are read from the case file (locators in the comments) or counted by hand from the
CSV rows, never from the code under test.
"""
from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from helpers import ParameterError, captions, dossier, figures, style

T = pd.Timestamp


def _posts(ds, pid):
    return captions.dossier.post_table(dossier.posts(ds, pid), dossier.source_titles(ds))


def _events(ds, pid):
    return captions.dossier.event_table(dossier.events(ds, pid), dossier.co_participants(ds, pid),
                                        dossier.source_titles(ds))


def _draw(ds, line, name):
    return figures.dossier.timeline(line, name, style.event_colours(ds.descriptor))


def _cite(ds, source_id, locator, as_html=False):
    return captions.dossier.cite(source_id, locator, dossier.source_titles(ds), as_html=as_html)


# --- dates as a reader writes them -------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("1940-02-04", "4 Feb 1940"),                       # a day
    ("1937-09", "Sep 1937"),                            # a month
    ("1937", "1937"),                                   # a year
    ("1938-07-12?", "12 Jul 1938?"),                    # uncertain
    ("1936-12~", "c. Dec 1936"),                        # approximate
    ("1934-12/1936-08-19", "between Dec 1934 and 19 Aug 1936"),  # an interval, each end at its precision
    ("1919/1921", "between 1919 and 1921"),
    ("", ""), (None, ""),                               # missing: blank, never None or NaT
])
def test_a_date_is_written_at_its_own_precision_without_a_time_of_day(text, shown):
    assert figures.dossier.when(text) == shown


# --- Nikolai Yezhov: posts, arrest, death ------------------------------------------------------

def test_yezhovs_posts_in_order_with_their_dates(ds):
    # Kirov ¶ on 26 Sep 1936: Yezhov replaces Yagoda as NKVD chief; Slutsky section: 6 Apr 1938
    # made Commissar for Water Transport; Fall of Yezhov ¶2: relieved as NKVD chief on 25 Nov 1938;
    # ¶4: taken to prison four days after 6 Apr 1939, i.e. 10 Apr 1939 (the end of the second post).
    held = _posts(ds, "nikolai-yezhov")
    assert held[["post", "start", "end"]].values.tolist() == [
        ["People's Commissar of Internal Affairs (NKVD chief)", "26 Sep 1936", "25 Nov 1938"],
        ["People's Commissar for Water Transport", "6 Apr 1938", "10 Apr 1939"]]
    # The NKVD post: formally 'at his own request' (Fall of Yezhov ¶2, the official account), but Stalin was moving
    # to replace him (¶1) and the reference cites a Politburo resolution removing him: dismissed (data 0.3.0).
    assert held["how it ended"].tolist() == ["dismissed", "arrested"]


def test_yezhovs_life_dates_and_his_arrest_and_death_on_the_timeline(ds):
    # born 1 May 1895 (reference-facts, his Wikipedia page); shot 4 Feb 1940, two days after
    # Trilisser's execution on 2 Feb 1940 (The Murder of Zinaida Reich ¶4).
    assert captions.dossier.life_dates(dossier.life_span(ds, "nikolai-yezhov")) == "1 May 1895 – 4 Feb 1940"
    line = dossier.timeline(ds, "nikolai-yezhov")
    marked = line[line.mark != ""]
    assert marked[["mark", "type", "s0"]].values.tolist() == [
        ["arrest", "arrest", T("1939-04-10")], ["death", "execution", T("1940-02-04")]]


def test_yezhovs_timeline_counts_two_bars_and_his_25_events(ds):
    # positions.csv: 2 rows of nikolai-yezhov, both dated; roles.csv: 25 rows of nikolai-yezhov.
    line = dossier.timeline(ds, "nikolai-yezhov")
    assert (line.kind == "post").sum() == 2 and (line.kind == "event").sum() == 25
    ax = _draw(ds, line, "Nikolai Yezhov")
    # both posts have day-precise starts and ends: one solid bar each, no pale part
    solid = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_alpha() is None]
    pale = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_alpha() == 0.3]
    assert len(solid) == 2 and len(pale) == 0
    # the arrest (▼) and the death (✕) are drawn large and labelled
    big = [m for m in ax.lines if m.get_marker() in ("v", "X")]
    assert sorted(m.get_marker() for m in big) == ["X", "v"]
    assert sorted(t.get_text() for t in ax.texts) == ["arrest, 10 Apr 1939", "execution, 4 Feb 1940"]
    assert ax.get_title() == "Nikolai Yezhov: posts and events, 1934–1940"
    assert ax.get_xlabel() and ax.get_ylabel()
    assert min(t.get_fontsize() for t in ax.texts + ax.get_yticklabels() + ax.get_xticklabels()) >= 9
    assert ax.xaxis.get_major_formatter().format_data(matplotlib.dates.date2num(T("1937-06-01"))) == "1937"


# --- someone with uncertain dates: Sergei Spiegelglas ------------------------------------------

def test_spiegelglas_uncertain_starts_are_drawn_pale(ds):
    # Miller ¶4: chief undercover agent of the OGPU (the data gives no date) and later deputy head of
    # the foreign department under Slutsky (start between Dec 1934 and Feb 1938, end Feb 1938);
    # Slutsky ¶3: made head after Slutsky's murder on 17 Feb 1938 (Feb 1938); Fall of Yezhov ¶1:
    # removed and arrested on 2 Nov 1938.
    held = _posts(ds, "sergei-spiegelglas")
    assert held[["post", "start", "end"]].values.tolist() == [
        ["Deputy head of the Foreign Department", "between Dec 1934 and Feb 1938", "Feb 1938"],
        ["Head of the Foreign Department", "Feb 1938", "2 Nov 1938"],
        ["Chief undercover agent of the OGPU", "", ""]]
    assert dossier.undated_posts(ds, "sergei-spiegelglas") == ["Chief undercover agent of the OGPU"]
    line = dossier.timeline(ds, "sergei-spiegelglas")
    posts = line[line.kind == "post"]
    assert posts.label.tolist() == ["Deputy head of the Foreign Department", "Head of the Foreign Department"]
    deputy, head = posts.iloc[0], posts.iloc[1]
    assert (deputy.s0, deputy.s1, deputy.e0, deputy.e1) == (T("1934-12-01"), T("1938-02-28"), T("1938-02-01"),
                                                            T("1938-02-28"))
    assert (head.s0, head.s1, head.e0, head.e1) == (T("1938-02-01"), T("1938-02-28"), T("1938-11-02"),
                                                    T("1938-11-02"))
    ax = _draw(ds, line, "Sergei Spiegelglas")
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    solid = [p for p in bars if p.get_alpha() is None]
    pale = [p for p in bars if p.get_alpha() == 0.3]
    # deputy: its start may fall as late as its end (Feb 1938), so nothing of it is certain: one pale
    # bar; head: solid from the end of Feb 1938 to 2 Nov 1938, pale over February 1938.
    assert len(solid) == 1 and len(pale) == 2
    assert matplotlib.dates.num2date(solid[0].get_x()).date() == T("1938-02-28").date()
    assert [t.get_text() for t in ax.texts] == ["arrest, 2 Nov 1938", "execution, 29 Jan 1941"]


# --- someone with no posts, and nobody with nothing dated --------------------------------------

def test_a_person_without_posts_has_an_empty_post_table_and_only_event_marks(ds):
    # Adolf Hitler holds no post in positions.csv; roles.csv names him in 4 events, all context.
    assert _posts(ds, "adolf-hitler").empty and dossier.undated_posts(ds, "adolf-hitler") == []
    line = dossier.timeline(ds, "adolf-hitler")
    assert (line.kind == "post").sum() == 0 and (line.kind == "event").sum() == 4
    assert set(line.group) == {"context"} and (line.mark == "").all()
    said = dossier.page_claims(ds, "adolf-hitler")
    assert "dated post" not in captions.dossier.timeline(line, said, "Adolf Hitler", []).text
    assert captions.dossier.life_dates(dossier.life_span(ds, "adolf-hitler")) == \
        "Life dates unknown: the data gives neither birth nor death."


def test_a_person_with_nothing_dated_gets_no_figure(ds):
    # Karl Marx is in people.csv but in no role and holds no post.
    assert not (ds.roles.person_id == "karl-marx").any() and not (ds.positions.person_id == "karl-marx").any()
    line = dossier.timeline(ds, "karl-marx")
    assert line.empty and list(line.columns) == dossier.TIMELINE_COLUMNS
    with pytest.raises(ParameterError, match=r"^Parameter `frame` got an empty timeline; it accepts"):
        _draw(ds, line, "Karl Marx")


def test_the_death_mark_is_only_for_the_persons_own_death(ds):
    # Yezhov ordered Slutsky's assassination (Slutsky ¶2): a plain mark on Yezhov's timeline, the
    # death mark on Slutsky's.
    yezhov = dossier.timeline(ds, "nikolai-yezhov").set_index("label")
    assert yezhov.at["Assassination of Abram Slutsky", "mark"] == ""
    slutsky = dossier.timeline(ds, "abram-slutsky")
    assert slutsky.loc[slutsky.mark == "death", "label"].tolist() == ["Assassination of Abram Slutsky"]


# --- the others in an event --------------------------------------------------------------------

def test_the_others_in_slutskys_assassination_with_their_roles(ds):
    # Slutsky ¶2: Yezhov consulted Frinovsky and planned the killing, Frinovsky called Slutsky in,
    # Zakovsky held him for the injection; ¶3: his deputy (Spiegelglas) was called in to see the body.
    others = dossier.co_participants(ds, "abram-slutsky")
    own = others[others.event_id == "abram-slutsky-assassination"]
    assert own[["name", "role"]].values.tolist() == [
        ["Leonid Zakovsky", "perpetrator"], ["Nikolai Yezhov", "ordered_by"],
        ["Mikhail Frinovsky", "organiser"], ["Sergei Spiegelglas", "other"]]
    row = _events(ds, "abram-slutsky").set_index("event").loc["Assassination of Abram Slutsky"]
    assert row["others in it"] == ("Leonid Zakovsky (perpetrator); Nikolai Yezhov (ordered it); "
                                   "Mikhail Frinovsky (organiser); Sergei Spiegelglas (also named)")
    assert row["role"] == "subject"


def test_co_participants_are_written_with_their_canonical_names(ds):
    names = set(ds.people.name)
    for pid in ("nikolai-yezhov", "sergei-spiegelglas", "leon-trotsky"):
        others = dossier.co_participants(ds, pid)
        assert len(others) and set(others.name) <= names and pid not in set(others.person_id)


# --- sources -----------------------------------------------------------------------------------

def test_a_url_locator_is_a_link_and_a_case_file_locator_is_text_with_the_title(ds):
    assert _cite(ds, "case-file-0121", "The Fall of Yezhov (November 1938) ¶4") == \
        "Case File #0121 — NKVD Black Work, The Fall of Yezhov (November 1938) ¶4"
    assert _cite(ds, "reference-facts", "https://en.wikipedia.org/wiki/Sergey_Spigelglas", as_html=True) == \
        '<a href="https://en.wikipedia.org/wiki/Sergey_Spigelglas">en.wikipedia.org/wiki/Sergey_Spigelglas</a>'
    two = _cite(ds, "reference-facts", "https://a.org/x ; https://b.org/y")
    assert two == "[a.org/x](https://a.org/x); [b.org/y](https://b.org/y)"
    assert _cite(ds, "curators", "none") == "Curators' renderings and placements"
    # text from the data is escaped in HTML
    assert "<b>" not in _cite(ds, "reference-facts", 'https://x.org/"><b>', as_html=True)


def test_spiegelglas_execution_source_is_a_clickable_link(ds):
    table = _events(ds, "sergei-spiegelglas").set_index("event")
    assert table.at["Execution of Sergei Spiegelglas", "source"].startswith(
        '<a href="https://en.wikipedia.org/wiki/Sergey_Spigelglas">')


def test_tables_show_no_none_nat_or_time_of_day(ds):
    for pid in ("nikolai-yezhov", "sergei-spiegelglas", "mark-zborowski"):
        for frame in (_posts(ds, pid), _events(ds, pid)):
            html = style.table(frame, "t")._repr_html_()
            for bad in (">None<", ">NaT<", "&lt;NA&gt;", ">nan<", "00:00:00", "12:00:00"):
                assert bad not in html, (pid, bad)


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("function", [dossier.life_span, dossier.co_participants, dossier.events,
                                      dossier.posts, dossier.timeline, dossier.undated_posts])
def test_a_wrong_person_is_one_sentence(ds, function):
    with pytest.raises(ParameterError) as caught:
        function(ds, "Nikolai Yezhov")  # a name where an id is wanted
    assert str(caught.value) == ("Parameter `person_id` got 'Nikolai Yezhov'; it accepts a person_id of people.csv "
                                 "(did you mean 'nikolai-yezhov'?).")


def test_the_timeline_figure_refuses_a_frame_that_is_not_one(ds):
    with pytest.raises(ParameterError, match=r"^Parameter `frame` got"):
        figures.dossier.timeline("nikolai-yezhov", "Nikolai Yezhov", style.event_colours(ds.descriptor))
