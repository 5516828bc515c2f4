"""The site's parts that need no Sphinx run: names made links, the register, the landing page, the
sources written only when they change, and the key that decides whether a report runs again."""
import json
import re
import os

import pytest

from helpers.build import Job, pages, publish, site, store

PEOPLE = [("dossiers/nikolai-yezhov", "Nikolai Yezhov"), ("dossiers/lev-sedov", "Lev Sedov"),
          ("dossiers/leon-trotsky", "Leon Trotsky"), ("dossiers/sergei-trotsky", "Sergei Trotsky"),
          ("dossiers/li-po", "Li Po"), ("dossiers/borisov", "Borisov"), ("dossiers/ana-kim", "Ana Kim"),
          ("dossiers/eva-roth", "Eva Roth")]


def href(doc: str) -> str:
    return f"../{doc}.html"


def linked(body: str, own: str = "") -> str:
    return site.link_names(body, site.link_targets(PEOPLE), href, own=own)


def test_link_targets_are_full_names_and_surnames_that_only_one_person_has():
    targets = site.link_targets(PEOPLE)
    assert targets["Nikolai Yezhov"] == targets["Yezhov"] == "dossiers/nikolai-yezhov"
    assert targets["Sedov"] == "dossiers/lev-sedov"
    assert "Trotsky" not in targets  # two Trotskys: a bare surname could be either
    assert targets["Leon Trotsky"] == "dossiers/leon-trotsky"
    assert "Po" not in targets and "Kim" not in targets  # too short to be safe: three letters or fewer
    assert targets["Roth"] == "dossiers/eva-roth"  # four letters are enough
    assert targets["Borisov"] == "dossiers/borisov"  # a one-word name is its own surname


def test_names_in_text_and_tables_become_links_and_nothing_else_does():
    body = ("<p>Yezhov's deputy; Nikolai Yezhov; the Yezhovshchina; Leon Trotsky and Trotsky.</p>"
            '<table><tr><td>Lev Sedov</td><td title="Sedov">x</td></tr></table>'
            '<h2>Yezhov</h2><a href="x.html">Sedov</a><code>Sedov</code><p>Borisov-Petrov</p>')
    out = linked(body)
    assert out.count('<a class="person" href="../dossiers/nikolai-yezhov.html">') == 2  # "Yezhov's", full name
    assert "the Yezhovshchina" in out  # a longer word is not the name
    assert '<a class="person" href="../dossiers/leon-trotsky.html">Leon Trotsky</a> and Trotsky.' in out
    assert '<td><a class="person" href="../dossiers/lev-sedov.html">Lev Sedov</a></td>' in out  # the longer name wins
    assert '<td title="Sedov">x</td>' in out  # attributes untouched
    assert "<h2>Yezhov</h2>" in out and '<a href="x.html">Sedov</a>' in out and "<code>Sedov</code>" in out
    assert "<p>Borisov-Petrov</p>" in out  # part of a hyphenated name is no name


def test_a_dossier_does_not_link_its_own_person_and_an_empty_body_stays_empty():
    out = linked("<p>Nikolai Yezhov met Lev Sedov.</p>", own="dossiers/nikolai-yezhov")
    assert out == '<p>Nikolai Yezhov met <a class="person" href="../dossiers/lev-sedov.html">Lev Sedov</a>.</p>'
    assert linked("") == ""
    assert site.link_names("<p>Yezhov</p>", {}, href) == "<p>Yezhov</p>"


def test_a_name_with_markup_characters_is_matched_as_the_page_escapes_it():
    targets = site.link_targets([("dossiers/x", "A&B Smithson")])
    out = site.link_names("<p>A&amp;B Smithson</p>", targets, href)
    assert out == '<p><a class="person" href="../dossiers/x.html">A&amp;B Smithson</a></p>'


def test_the_register_is_sorted_by_surname_and_escapes_the_data():
    rows = [pages.Person("dossiers/b", "Genrikh Yagoda", "apparatus", "People's Commissar", "1891–1938", "executed"),
            pages.Person("dossiers/a", "<b>Abram</b> Artuzov", "apparatus", "", "", "executed"),
            pages.Person("dossiers/c", "Nikolai Yezhov", "apparatus", "", "1895–1940", "executed")]
    text = pages.register(rows)
    order = [text.index(name) for name in ("Artuzov", "Yagoda", "Yezhov")]
    assert order == sorted(order)
    assert "&lt;b&gt;Abram&lt;/b&gt; Artuzov" in text and "<b>Abram" not in text
    assert '<a href="dossiers/b.html">Genrikh Yagoda</a>' in text and "1891–1938" in text
    assert text.count("<tr") == 4  # the heading and three people
    assert text.rstrip().endswith("dossiers/a\ndossiers/b\ndossiers/c\n```")  # the dossiers, in the same order


def _bundle(markdown, *claims):
    return {"markdown": markdown, "claims": list(claims)}


CLAIM = {"id": "01-purge-cadence/n", "name": "n", "page": "01-purge-cadence", "value": 228, "text": "228",
         "rule": "events placed", "parameters": {}, "sources": ["case-file-0121"], "sql": "SELECT 228",
         "rows": [], "readings": [{"reading": "case file only", "text": "150", "changed": True}], "scope": ""}


def test_the_landing_page_lists_findings_with_their_cards_and_marks_what_another_reading_changes():
    found = pages.finding("01-purge-cadence", "The cadence", _bundle("**\ue000n\ue001228\ue002** events. More. And more.", CLAIM),
                          "**228** events. More. And more.")
    text = pages.landing([("01-purge-cadence", "The cadence", "When <the> killings came.")], [found], 81,
                         {"blackwork.sqlite": "every table"}, {"events": 297}, "abc123")
    assert 'popovertarget="claim-01-purge-cadence-n" title="events placed">228</button></strong> events. More.' in text
    assert "And more." not in text  # two sentences
    assert "Another reading changes this:</strong> case file only: 150" in text
    assert '<a href="01-purge-cadence.html">The cadence</a>: When &lt;the&gt; killings came.' in text
    assert "81 people" in text and '<a href="downloads/blackwork.sqlite">blackwork.sqlite</a>' in text
    assert "<td>events</td><td>297</td>" in text and "abc123" in text
    assert '<a href="claims.html">' in text and '<a href="sources.html">' in text


def test_a_finding_stated_after_its_preamble_is_quoted_with_the_first_sentence():
    plain = dict(CLAIM, name="p", id="03-x/p", readings=[])
    markdown = ("**\ue000p\ue00178\ue002** people. The commonest end. Of the deaths, **\ue000n\ue001228\ue002** "
                "came at the state's hands. A note.")
    found = pages.finding("03-x", "Fates", _bundle(markdown, plain, CLAIM), "")
    # the finding's claim (with readings) is in the third sentence: the first and the third are quoted
    assert "people." in found.body and "came at the state" in found.body
    assert "commonest" not in found.body and "A note" not in found.body
    assert found.changes == ["case file only: 150"]
    # within the first two sentences: the first two, as before
    early = pages.finding("03-x", "Fates", _bundle("**\ue000n\ue001228\ue002** deaths. Second. Third.", CLAIM), "")
    assert "Second." in early.body and "Third" not in early.body


def test_no_text_of_a_notebook_or_the_data_becomes_a_myst_role_or_markup():
    role = "{download}`../../../../etc/passwd`"
    found = pages.finding("05-networks", "Networks {sub-ref}`today`", None, f"A chain through {role} and <script>x</script>.")
    text = pages.landing([("05-networks", "Networks ```{include} /etc/passwd```", "A summary {eval-rst}`x`")], [found], 1,
                         {}, {"events": 1}, "c")
    body = text.split("```{raw} html", 1)[1].split("```\n", 1)[0]
    assert role not in body.replace("&#x27;", "'") or "{download}`" in body  # as text inside raw HTML
    assert "<script>" not in text and "&lt;script&gt;" in text
    # outside the raw HTML blocks, the page holds only our title and toctrees of our own docnames
    outside = re.sub(r"```\{raw\} html\n.*?\n```\n", "", text, flags=re.S)
    assert "download" not in outside and "include" not in outside and "eval-rst" not in outside
    with pytest.raises(ValueError):
        pages.toctree("x", ["../../etc/passwd"])


def test_sources_are_written_only_when_they_change_and_stale_ones_go(tmp_path):
    s = site.Site(tmp_path)
    nb = {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Dossier\n\nAbout."}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    pages = [site.Page("dossiers/x", "Nikolai Yezhov", nb)]
    assert site.write_sources(s, pages, {"index": "# Home"}) is True
    written = json.loads((s.src / "dossiers" / "x.ipynb").read_text(encoding="utf-8"))
    assert written["cells"][0]["source"] == "# Nikolai Yezhov\n\nAbout."  # the person's name is the title
    assert nb["cells"][0]["source"] == "# Dossier\n\nAbout."  # the caller's notebook is left alone
    stamp = (s.src / "index.md").stat().st_mtime_ns
    os.utime(s.src / "index.md", ns=(stamp - 10**9, stamp - 10**9))
    assert site.write_sources(s, pages, {"index": "# Home"}) is False
    assert (s.src / "index.md").stat().st_mtime_ns == stamp - 10**9  # untouched: Sphinx will not read it again
    assert site.write_sources(s, [], {"index": "# Home"}) is True
    assert not (s.src / "dossiers" / "x.ipynb").exists()


@pytest.fixture
def job(tmp_path):
    src = tmp_path / "n.ipynb"
    src.write_text('{"cells": []}', encoding="utf-8")
    return Job(name="n", src=src, html="n.html", parameters={"year": 1937})


def test_a_report_runs_again_when_its_notebook_parameters_data_or_code_change(job, monkeypatch):
    key = store.job_key(job, "data1")
    assert store.job_key(job, "data1") == key  # nothing changed: it does not run
    assert store.job_key(job, "data2") != key
    assert store.job_key(Job(name="n", src=job.src, html="n.html", parameters={"year": 1938}), "data1") != key
    monkeypatch.setattr(store, "code_digest", lambda: "other helpers or another lock file")
    assert store.job_key(job, "data1") != key
    monkeypatch.undo()
    job.src.write_text('{"cells": [1]}', encoding="utf-8")
    assert store.job_key(job, "data1") != key


def test_the_register_shows_the_rows_it_is_given_with_years_and_fates_in_words():
    import pandas as pd

    from helpers.build import Built, Inputs

    rows = pd.DataFrame({"person_id": ["a", "b"], "name": ["A", "B"], "side": ["apparatus", "target"],
                         "post": ["Head", ""], "born": pd.array([1891, None], dtype="Int64"),
                         "died": pd.array([1938, None], dtype="Int64"), "fate": ["died_in_custody", ""]})
    given = Inputs(dossiers=None, file_name=None, register=lambda ds, ids: rows.set_index("person_id").loc[ids]
                   .reset_index(), network=None)
    dossiers = [Built(name="b", title="", summary="", html="dossiers/b.html", label="Bee"),
                Built(name="a", title="", summary="", html="dossiers/a.html")]
    assert publish.people(given, None, dossiers) == [
        pages.Person(docname="dossiers/b", name="Bee", side="target", post="", years="", fate=""),
        pages.Person(docname="dossiers/a", name="a", side="apparatus", post="Head", years="1891–1938",
                    fate="died in custody")]


def test_findings_are_the_tagged_cells_markdown_cut_to_two_sentences():
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    def cell(text, tags):
        c = new_code_cell("x", metadata={"tags": tags})
        c.outputs = [new_output("display_data", data={"text/markdown": text})]
        return c

    nb = new_notebook(cells=[
        cell("*What to see:* 35 tenures of 12 posts. **19 of the 27** were shot. Pale ends are spans.", ["finding"]),
        cell("Not a finding.", []),
        cell("3 officials, e.g. N. Yezhov, fell.", ["finding", "other"])])
    found = publish.findings("02-x", "Two", nb)
    assert [f.body for f in found] == ["<p>35 tenures of 12 posts. <strong>19 of the 27</strong> were shot.</p>\n",
                                       "<p>3 officials, e.g. N. Yezhov, fell.</p>\n"]
    assert [(f.docname, f.title, f.changes) for f in found] == [("02-x", "Two", [])] * 2
    assert publish.findings("02-x", "Two", nb, sentences=1)[0].body == "<p>35 tenures of 12 posts.</p>\n"


def test_a_change_to_the_sites_stylesheet_alone_changes_what_the_html_is_built_from(tmp_path, monkeypatch):
    assets, src = tmp_path / "assets", tmp_path / "src"
    assets.mkdir(), src.mkdir()
    (assets / "blackwork.css").write_text("a {}", encoding="utf-8")
    (src / "index.md").write_text("# Home", encoding="utf-8")
    monkeypatch.setattr(site, "ASSETS", assets)
    before = site.digest(src), site.assets_digest()
    assert (site.digest(src), site.assets_digest()) == before  # nothing changed
    (assets / "blackwork.css").write_text("a { color: red }", encoding="utf-8")
    after = site.digest(src), site.assets_digest()
    assert after[0] != before[0] and after[1] != before[1]
    (src / "index.md").write_text("# Home again", encoding="utf-8")
    assert site.digest(src) != after[0] and site.assets_digest() == after[1]  # a source is not an asset


def test_the_registers_years_say_which_end_is_known():
    assert pages.life_years(1891, 1938) == "1891–1938"
    assert pages.life_years(1938, 1938) == "1938–1938"  # born and dead in one year: both said
    assert pages.life_years(1909, None) == "born 1909"
    assert pages.life_years(None, 1938) == "died 1938"  # never a bare year that could be either
    assert pages.life_years(None, None) == ""


def test_each_report_table_is_framed_and_nothing_else():
    from helpers.build import site

    body = '<p>x</p><table id="T_t" class="dataframe"><tr><td>1</td></tr></table><table class="counts"></table>'
    assert site.framed(body) == ('<p>x</p><div class="table-frame"><table id="T_t" class="dataframe"><tr><td>1</td>'
                                 '</tr></table></div><table class="counts"></table>')


def test_search_excerpts_take_a_pages_text_but_not_its_claim_cards():
    # The historians' reading of #25: excerpts showed row ids ("katyn-1940-shot-reference") from the cards.
    from docutils import nodes
    from docutils.utils import new_document
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    from helpers.build import cards
    claim = {"id": "p/shot", "name": "shot", "page": "p", "value": 3, "text": "3", "rule": "killings shot",
             "parameters": {}, "sources": ["case-file-0121"], "sql": "SELECT 3",
             "rows": [{"table": "tallies", "id": "katyn-1940-shot-reference", "words": "Poles shot", "date": "1940",
                       "certainty": "stated", "source_id": "reference-facts", "locator": "https://example.org"}]}
    doc = new_document("p", get_default_settings(Parser))
    section = nodes.section(ids=["shot"])
    html_ = f'<div class="caption"><p>Killings: <button class="claim">3</button> in all.</p>{cards.card(claim)}</div>'
    section += nodes.raw("", html_, format="html")
    section += nodes.paragraph(text="After the card, the page goes on.")
    doc += section
    [(sid, text)] = site.section_texts(doc)
    assert sid == "shot" and text == "Killings: 3 in all. After the card, the page goes on."
    assert "katyn-1940-shot-reference" not in text and "SELECT" not in text
