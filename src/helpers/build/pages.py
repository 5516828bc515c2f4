"""The pages the build writes itself: the landing page, the people register, the claims page and the
sources page. Each is a MyST file holding a title, HTML fragments in `raw` blocks with every text from
the data or a notebook escaped (so no name, note or finding can become markup, a MyST role or a
directive: `{download}` stays text), and the toctrees of our own docnames.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from . import cards

e = html.escape


@dataclass
class Person:
    """A row of the people register."""

    docname: str
    name: str
    side: str = ""
    post: str = ""
    years: str = ""
    fate: str = ""
    aliases: str = ""  # other spellings and names (Cyrillic among them), which the filter also matches


@dataclass
class Finding:
    """A headline finding of a report: the page, its title, and the finding's HTML (with its cards),
    and whether another reading of the data changes it (with the readings in words)."""

    docname: str
    title: str
    body: str
    changes: list[str]


def surname(name: str) -> str:
    """The word a register sorts by: the last word of the name ('Nikolai Yezhov' -> 'Yezhov')."""
    words = name.split()
    return words[-1] if words else name


def life_years(born: int | None, died: int | None) -> str:
    """A register's years: '1891–1938', 'born 1909', 'died 1938', or '' when neither is known."""
    if born is not None and died is not None:
        return f"{born}–{died}"
    return f"born {born}" if born is not None else f"died {died}" if died is not None else ""


def raw(markup: str) -> str:
    return "```{raw} html\n" + markup + "\n```\n"


def toctree(caption: str, docnames: list[str], hidden: bool = True) -> str:
    for doc in docnames:  # our own names only: letters, digits, hyphens and one folder
        if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)?", doc):
            raise ValueError(f"{doc!r} is not a docname the build makes")
    options = (":hidden:\n" if hidden else "") + f":caption: {caption}\n:maxdepth: 1\n"
    return "```{toctree}\n" + options + "\n" + "\n".join(docnames) + "\n```\n"


def _page(title: str, *parts: str) -> str:
    return "\n".join([f"# {title}", "", *parts])


# ---- the landing page -----------------------------------------------------------------------------

def finding(docname: str, title: str, bundle: dict | None, text: str, sentences: int = 2) -> Finding:
    """A finding from a report's output: its first `sentences` sentences, as HTML with the cards of the
    claims it keeps, and the readings under which one of them changes. When the sentence that holds the
    finding itself (its claim carries readings) comes later, the first sentence and that one: the landing
    page never quotes a finding's preamble without the finding (report 03's deaths at the state's hands)."""
    source = bundle["markdown"] if bundle else text
    source = re.sub(r"^\*What to see:\*\s*", "", source.strip())
    parts = re.split(r"(?<=[\w)*\ue002]{2}\.)\s+(?=[A-Z0-9*\ue000])", source)  # not after 'e.g.' or an initial
    kept = " ".join(parts[:sentences])
    main = {c["name"] for c in (bundle or {}).get("claims", []) if c.get("readings")}
    held = [i for i, part in enumerate(parts)
            if set(re.findall(f"{cards.START}([^{cards.TEXT}]*){cards.TEXT}", part)) & main]
    if held and held[0] >= sentences:
        kept = " ".join([parts[0], parts[held[0]]])
    if bundle:
        used = set(re.findall(f"{cards.START}([^{cards.TEXT}]*){cards.TEXT}", kept))
        claims = [c for c in bundle["claims"] if c["name"] in used]
        body = cards.claimed_html({"markdown": kept, "claims": claims})
        changes = sorted({f"{r['reading']}: {r['text']}" for c in claims for r in c.get("readings", []) if r["changed"]})
    else:
        body, changes = cards.markdown(kept), []
    return Finding(docname, title, body, changes)


def landing(reports: list[tuple[str, str, str]], findings: list[Finding], people: int, downloads: dict[str, str],
            counts: dict[str, int], checksum: str, version: str = "") -> str:
    """The landing page: what the collection is, the headline findings (each with its report, its
    cards, and a mark when another reading of the data changes it), the reports (docname, title,
    summary), the register, the claims and sources pages, the downloads and the row counts. No build
    time: an unchanged build writes the same page."""
    intro = ("<p>Analyses of the covert operations and purges of the Soviet secret police (Cheka, GPU, OGPU, "
             "NKVD), 1918–1941, from Case File #0121 and a table of reference facts. Every number below is a "
             "claim computed from the data package by a report: press it to see the rows it rests on, their "
             "sources and the query that gives it back.</p>")
    items = []
    for f in findings:
        mark = ("" if not f.changes else '<p class="finding-changes"><strong>Another reading changes this:</strong> '
                + "; ".join(e(c) for c in f.changes) + "</p>")
        items.append(f'<li class="finding{" sensitive" if f.changes else ""}">{f.body}{mark}'
                     f'<p class="finding-source"><a href="{e(f.docname)}.html">{e(f.title)}</a></p></li>')
    found = f'<h2>Findings</h2><ul class="findings">{"".join(items)}</ul>' if items else ""
    listed = "".join(f'<li><a href="{e(doc)}.html">{e(title)}</a>' + (f": {e(summary)}" if summary else "") + "</li>"
                     for doc, title, summary in reports)
    people_html = (f'<h2>People</h2><p>The <a href="people.html">register of people</a> lists the {people:,} people '
                   "with a dossier: the apparatus and everyone whose end the data records, by surname, with side, "
                   "post, years and fate.</p>")
    evidence = ('<h2>Evidence</h2><p><a href="claims.html">Every claim</a> of every page, with its rows, sources, rule '
                'and query (also as <a href="claims.json">claims.json</a>); <a href="sources.html">the sources</a>, '
                "paragraph by paragraph, with the rows that cite each.</p>")
    loads = "".join(f'<li><a href="downloads/{e(name)}">{e(name)}</a>: {e(what)}</li>' for name, what in downloads.items())
    rows = "".join(f"<tr><td>{e(name)}</td><td>{n:,}</td></tr>" for name, n in counts.items())
    data = (f"<h2>The data</h2><table class=\"counts\"><thead><tr><th>table</th><th>rows</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>Data checksum <code>{e(checksum)}</code>.</p>")
    data += (f'<p>Data version <code>{e(version)}</code>: <a href="changes.html">what changed</a>, in each version and '
             "row by row since the one before.</p>" if version else "")
    body = intro + found + f"<h2>Reports</h2><ul>{listed}</ul>" + people_html + evidence
    body += (f"<h2>Downloads</h2><ul>{loads}</ul>" if loads else "") + data
    return _page("blackwork", raw(body), toctree("Reports", [doc for doc, _, _ in reports]),
                 toctree("People", ["people"]), toctree("Evidence", ["claims", "sources"]))


def register(people: list[Person]) -> str:
    """The people register: a table sorted by surname that sorts by any column and filters as one
    types (templates/site/register.js; without JavaScript it is a plain table), and the dossiers as
    the register's sub-pages."""
    ordered = sorted(people, key=lambda p: (surname(p.name).casefold(), p.name.casefold(), p.docname))
    rows = "".join(
        f'<tr data-also="{e(p.aliases)}"><td data-key="{e(surname(p.name).casefold() + " " + p.name.casefold())}">'
        f'<a href="{e(p.docname)}.html">{e(p.name)}</a></td><td>{e(p.side)}</td>'
        f"<td>{e(p.post)}</td><td>{e(p.years)}</td><td>{e(p.fate)}</td></tr>"
        for p in ordered)
    table = ('<p>{n} people, by surname. Click a column\'s heading to sort by it; type in the box to keep the rows '
             "that contain what you type (any spelling or alias, Cyrillic too). The post is the last one the data records; the years are of birth and "
             "death where known.</p>".format(n=len(people)) +
             '<p><input id="register-filter" type="search" placeholder="Filter: a name, a side, a post, a fate" '
             'aria-label="Filter the register"> <span id="register-count"></span></p>'
             '<div class="table-frame"><table class="register" id="register"><thead><tr><th>Name</th><th>Side</th>'
             f"<th>Post</th><th>Years</th><th>Fate</th></tr></thead><tbody>{rows}</tbody></table></div>")
    return _page("People", raw(table), toctree("Dossiers", [p.docname for p in ordered]))


# ---- the evidence pages -----------------------------------------------------------------------------

def claims_page(claims: Iterable[dict], titles: dict[str, str]) -> str:
    """Every claim of the site, by page, each card open with its anchor: what a reader cites."""
    claims = list(claims)
    intro = (f"<p>{len(claims):,} claims: every number the reports and dossiers state, with the rows it rests on, "
             "their sources and locators, the rule that made it and the SQL query that gives it back on "
             '<code>blackwork.sqlite</code> (in the downloads). The same list is <a href="claims.json">claims.json</a>.'
             "</p>")
    return _page("Claims", raw(intro + cards.claims_page(claims, titles)))


SECTION_OF = re.compile(r"^(?P<section>.+) ¶(?P<n>\d+)$")


def citations(ds) -> pd.DataFrame:
    """Every row of the data that cites a source, one row per part of its locator: source_id, locator
    (one paragraph or page), table, id, words. Sorted by source, locator, table and id."""
    from ..evidence.claims import WORDS, keys, row_id

    out = []
    key_of = keys(ds.descriptor)
    for table, frame in ds.tables.items():
        for src_col, loc_col in (("source_id", "locator"), ("born_source_id", "born_locator")):
            if src_col not in frame or loc_col not in frame:
                continue
            words = next((c for c in WORDS if c in frame), None)
            for r in frame[frame[loc_col].notna()].to_dict("records"):
                for part in str(r[loc_col]).split(" ; "):
                    out.append({"source_id": r[src_col], "locator": part.strip(), "table": table,
                                "id": row_id(key_of[table], r), "words": str(r[words]) if words and pd.notna(r[words]) else ""})
    frame = pd.DataFrame(out, columns=["source_id", "locator", "table", "id", "words"])
    return frame.sort_values(["source_id", "locator", "table", "id"]).reset_index(drop=True)


def sources_page(ds) -> str:
    """The sources, paragraph by paragraph (the case file: each section and paragraph, with an anchor a
    card's locator links to) and page by page (the reference), each with the rows that cite it. The
    case file's text is not here: only where each row comes from."""
    cited = citations(ds)
    titles = ds.sources.set_index("source_id").title
    parts = ["<p>Where every row of the data comes from. A claim's card links each case-file paragraph here; "
             "the text itself is not reproduced: cite it by section and paragraph.</p>"]
    for sec in ds.sections.sort_values(["source_id", "order"]).itertuples(index=False):
        parts.append(f"<h2>{e(sec.section)}</h2><p class=\"source-title\">{e(titles.get(sec.source_id, sec.source_id))}</p>")
        for n in range(1, int(sec.paragraphs) + 1):
            here = cited[(cited.source_id == sec.source_id) & (cited.locator == f"{sec.section} ¶{n}")]
            items = "".join(f"<li><code>{e(r.table)}</code> {e(r.id)}: {e(r.words)}</li>" for r in here.itertuples())
            parts.append(f'<h3 id="{cards.anchor(sec.section, n)}">¶{n}</h3>'
                         + (f"<ul>{items}</ul>" if items else "<p>No row cites this paragraph.</p>"))
    web = cited[cited.locator.str.match(r"https?://")]
    parts.append("<h2>Web pages of the reference</h2>")
    for url, here in web.groupby("locator", sort=True):
        items = "".join(f"<li><code>{e(r.table)}</code> {e(r.id)}: {e(r.words)}</li>" for r in here.itertuples())
        parts.append(f'<h3>{cards.locator_html(url)}</h3><ul>{items}</ul>')
    return _page("Sources", raw("".join(parts)))
