"""Claims (helpers.evidence.claims) and captions built from them (helpers.captions.claimed): a value
with its rows, their sources and locators, a rule and an SQL query that gives the value back."""
import sqlite3

import pandas as pd
import pytest

from helpers import ParameterError
from helpers.captions.claimed import MIME, Caption, Raw, escape
from helpers.evidence import claims

CF, REF = claims.CASE_FILE, claims.REFERENCE


@pytest.fixture(scope="module")
def sqlite(tmp_path_factory, ds):
    from helpers.build import sqlite as database

    path = tmp_path_factory.mktemp("export") / "blackwork.sqlite"
    database.write(ds, path)
    return sqlite3.connect(path)


def test_a_count_rests_on_its_rows_with_their_sources_and_locators(ds):
    ids = ["artur-artuzov-execution", "valentin-markin-death"]
    c = claims.count(ds, "events", ids, rule="two events picked by hand")
    assert c.value == 2 and c.text == "2"
    assert c.ids("events") == ids
    rows = c.rows().set_index("id")
    assert rows.at["artur-artuzov-execution", "source_id"] == CF
    assert rows.at["artur-artuzov-execution", "locator"] == ds.events.set_index("event_id").at["artur-artuzov-execution", "locator"]
    assert rows.at["valentin-markin-death", "source_id"] == REF
    assert rows.at["valentin-markin-death", "date"] == "1934"
    assert c.sources == {CF, REF}


def test_a_row_counted_twice_counts_once_and_a_role_takes_its_events_source(ds):
    c = claims.count(ds, "events", ["leon-trotsky-assassination"] * 2, rule="once",
                     also={"roles": ["leon-trotsky-assassination | ramon-mercader | perpetrator"]})
    assert c.value == 1
    role = c.rows().set_index("table").loc["roles"]
    assert role.source_id == CF and role.certainty == "stated"


def test_an_unknown_row_stops_with_a_sentence(ds):
    with pytest.raises(ParameterError, match="names 'no-such-event', which is no row of events.csv"):
        claims.count(ds, "events", ["no-such-event"], rule="none")


def test_an_interval_keeps_its_order():
    assert str(claims.Interval(40, 44)) == "40–44" and not claims.Interval(40, 44).exact
    assert str(claims.Interval(3, 3)) == "3" and claims.Interval(3, 3).exact
    with pytest.raises(ParameterError, match="low end must not exceed"):
        claims.Interval(5, 4)


def test_scope_names_exactly_the_sources_of_the_rows():
    assert claims.scope([CF]) == "in the case file"
    assert claims.scope([REF]) == "in the reference"
    assert claims.scope([REF, CF]) == "in the case file and the reference"
    assert claims.scope([]) == "in the case file"  # nothing named: the primary source's words


def test_sql_gives_the_value_back_on_the_export(ds, sqlite):
    c = claims.count(ds, "events", ["artur-artuzov-execution", "valentin-markin-death"], rule="by hand")
    assert sqlite.execute(c.sql).fetchone()[0] == c.value
    role = claims.count(ds, "roles", ["leon-trotsky-assassination | ramon-mercader | perpetrator"], rule="a role")
    assert sqlite.execute(role.sql).fetchone()[0] == 1
    t = claims.total(ds, "tallies", "best", ["katyn-1940-shot-reference"], rule="the reference's total")
    assert t.value == 21857 and sqlite.execute(t.sql).fetchone()[0] == 21857


def test_a_caption_shows_numbers_plainly_and_carries_its_claims(ds):
    c = claims.count(ds, "events", ["artur-artuzov-execution"], rule="one")
    cap = Caption("**{n}** killing of *{who}* {where}.", page="01-purge-cadence", n=c, who="Artur *Artuzov*",
                  where=claims.scope(c.sources))
    assert cap.text == r"**1** killing of *Artur \*Artuzov\** in the case file."
    bundle = cap._repr_mimebundle_()
    assert bundle["text/markdown"] == cap.text
    carried = bundle[MIME]
    assert carried["claims"][0]["id"] == "01-purge-cadence/n" and carried["claims"][0]["value"] == 1
    assert "\ue000n\ue0011\ue002" in carried["markdown"]
    assert cap.claims["n"].rows().id.tolist() == ["artur-artuzov-execution"]
    with pytest.raises(KeyError, match="names 'missing'"):
        Caption("{missing}", n=c)


def test_text_from_the_data_cannot_become_markup():
    assert escape("{download}`../../etc/passwd`") == r"\{download\}\`../../etc/passwd\`"
    assert escape("<script>x</script>") == r"\<script\>x\</script\>"
    assert Caption("{x}", x=Raw("**bold**")).text == "**bold**"


def test_claims_json_is_sorted_and_has_no_timestamp(ds):
    a = claims.count(ds, "events", ["artur-artuzov-execution"], rule="one").named("b", "p")
    b = claims.count(ds, "events", ["valentin-markin-death"], rule="one").named("a", "p")
    text = claims.claims_json([a, b])
    assert text.index('"p/a"') < text.index('"p/b"') and claims.claims_json([b, a]) == text


def test_a_claim_over_fates_rests_on_their_deciding_events(ds, sqlite):
    c = claims.count(ds, "fates", ["walter-krivitsky", "leon-trotsky"], rule="two ends")
    rows = c.rows().set_index("id")
    # Krivitsky's end is known from the reference's row of his death; Trotsky's from the case file's
    assert rows.at["walter-krivitsky", "source_id"] == REF and rows.at["leon-trotsky", "source_id"] == CF
    assert "contested" in rows.at["walter-krivitsky", "words"]
    assert sqlite.execute(c.sql).fetchone()[0] == 2


def test_a_sentence_records_the_words_that_name_a_claims_sources(ds):
    c = claims.count(ds, "events", ["artur-artuzov-execution", "valentin-markin-death"], rule="two")
    cap = Caption("{n} killings {where}.", page="p", n=c, where=claims.scope(c))
    assert cap.text == "2 killings in the case file and the reference."
    assert cap.claims["n"].scope == "in the case file and the reference"
    assert cap._repr_mimebundle_()[MIME]["claims"][0]["scope"] == "in the case file and the reference"


def test_a_birth_cites_the_source_of_the_birth_not_of_the_notes(ds):
    # people.csv: nikolai-yezhov's notes come from the case file (source_id), his birth date
    # 1895-05-01 from reference-facts (born_source_id, en.wikipedia locator).
    (row,) = claims.evidence_rows(ds, {"people": ["nikolai-yezhov"]})
    assert (row.table, row.source_id) == ("people", CF)
    (born,) = claims.evidence_rows(ds, {"people.born": ["nikolai-yezhov"]})
    assert (born.table, born.id, born.date, born.source_id) == ("people", "nikolai-yezhov", "1895-05-01",
                                                                 "reference-facts")
    assert "wikipedia.org/wiki/Nikolai_Yezhov" in born.locator
    with pytest.raises(ParameterError, match="people.notes, which has no source of its own"):
        claims.evidence_rows(ds, {"people.notes": ["nikolai-yezhov"]})
