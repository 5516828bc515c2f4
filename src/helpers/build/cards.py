"""Notebook outputs as the site shows them: Markdown made HTML by markdown-it (CommonMark, raw HTML
off), so nothing from the data or a notebook becomes markup, a MyST role or a directive; and every
claim a caption carries made a card — a button on its number that opens the value, the rule, the
parameters, every row behind it with its source and locator, and the SQL that gives it back on the
SQLite export, in an HTML `popover` (no script). Browsers without popovers show the cards in place.

A locator of the case file links to its paragraph on the site's sources page (`sources_page`), which
lists every row citing it; a web page is a link to the page.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

#: The output type a caption's claims travel in (helpers.captions.claimed.MIME; the build imports no caption).
MIME = "application/vnd.blackwork.claims+json"
START, TEXT, END = "\ue000", "\ue001", "\ue002"
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_MARKED = re.compile(f"{START}([^{TEXT}]*){TEXT}([^{END}]*){END}")
_LOCATOR = re.compile(r"^(?P<section>.+) ¶(?P<n>\d+)$")
#: A card lists at most this many rows; the rest are in claims.json and on the claims page.
MAX_ROWS = 40
SOURCE_TITLES = {"case-file-0121": "Case file #0121", "reference-facts": "Reference facts", "curators": "The curators"}


def markdown(text: str) -> str:
    """Markdown as HTML, raw HTML escaped (`<script>` shows as text), no roles or directives."""
    return _MD.render(text)


def anchor(section: str, paragraph: int | str) -> str:
    """The id of a paragraph of the case file on the sources page: 'the-katyn-massacre-april-and-may-1940-5'."""
    slug = re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")
    return f"{slug}-{paragraph}"


def claim_anchor(claim_id: str) -> str:
    """An HTML id for a claim (its id with every character that is not a letter or digit a hyphen)."""
    return "claim-" + re.sub(r"[^A-Za-z0-9]+", "-", claim_id).strip("-")


def _link_text(url: str, width: int = 48) -> str:
    parts = urlsplit(url)
    text = (parts.netloc.removeprefix("www.") + unquote(parts.path)).rstrip("/")
    return text if len(text) <= width else text[: width - 1] + "…"


def locator_html(locator: str, root: str = "") -> str:
    """Each part of a locator as a link: a web page to itself, a case-file paragraph to its place on
    the site's sources page (`root` leads from the page to the site's top)."""
    out = []
    for part in (p.strip() for p in str(locator or "").split(" ; ")):
        if re.match(r"https?://", part):
            out.append(f'<a href="{html.escape(part, quote=True)}">{html.escape(_link_text(part))}</a>')
        elif (m := _LOCATOR.match(part)) is not None:
            target = f"{root}sources.html#{anchor(m['section'], m['n'])}"
            out.append(f'<a href="{html.escape(target, quote=True)}">{html.escape(m["section"])} ¶{m["n"]}</a>')
        elif part and part != "none":
            out.append(html.escape(part))
    return "; ".join(out)


def _value(claim: dict) -> str:
    """The value as the text says it ('between 17 and 19 of 27'); an interval without text as 'from a to b'."""
    value = claim["value"]
    if claim["text"]:
        return claim["text"]
    if isinstance(value, dict):
        return f"from {value['low']:,g} to {value['high']:,g}"
    return str(value)


def card(claim: dict, root: str = "", popover: bool = True) -> str:
    """One claim as a card (a popover, or in place on the claims page)."""
    e = html.escape
    rows = claim["rows"]
    shown = "".join(
        f"<tr><td>{e(r['words'])}<br><small><code>{e(r['table'])}</code> {e(r['id'])}</small></td>"
        f"<td>{e(r['date'])}</td><td>{e(r['certainty'])}</td>"
        f"<td>{e(SOURCE_TITLES.get(r['source_id'], r['source_id']))}<br><small>{locator_html(r['locator'], root)}"
        f"</small></td></tr>" for r in rows[:MAX_ROWS])
    more = (f'<p class="claim-more">and {len(rows) - MAX_ROWS:,} more rows: every row is on the '
            f'<a href="{root}claims.html#{claim_anchor(claim["id"])}">claims page</a> and in claims.json.</p>'
            if len(rows) > MAX_ROWS else "")
    params = ", ".join(f"{e(k)} = {e(repr(v))}" for k, v in claim["parameters"].items()) or "none"
    readings = claim.get("readings") or []
    sens = ("<p><strong>Under other readings:</strong> " + "; ".join(
        f"{e(r['reading'])}: {e(r['text'])}" for r in readings) + "</p>") if readings else ""
    attrs = f' id="{claim_anchor(claim["id"])}"' + (' popover class="claim-card"' if popover else ' class="claim-card open"')
    return (f"<div{attrs}><p class=\"claim-value\"><strong>{e(_value(claim))}</strong> — {e(claim['rule'])}</p>"
            f"<p class=\"claim-meta\">Parameters: {params}. Sources: "
            f"{e(', '.join(SOURCE_TITLES.get(s, s) for s in claim['sources']) or 'none')}. "
            f"Claim <code>{e(claim['id'])}</code>.</p>{sens}"
            f"<table class=\"claim-rows\"><thead><tr><th>What the row says (table, id)</th><th>Date as given</th>"
            f"<th>Certainty</th><th>Source, where</th></tr></thead><tbody>{shown}</tbody></table>{more}"
            f"<details><summary>SQL on blackwork.sqlite</summary><pre><code>{e(claim['sql'])}</code></pre></details>"
            f"</div>")


def claimed_html(bundle: dict, root: str = "") -> str:
    """A caption's Markdown as HTML with each claim's number a button that opens its card; the cards
    follow the text (a popover is placed by the browser, wherever it sits in the page)."""
    by_name = {c["name"]: c for c in bundle["claims"]}
    body = markdown(bundle["markdown"])

    def button(m: re.Match) -> str:
        claim = by_name[m.group(1)]
        return (f'<button type="button" class="claim" popovertarget="{claim_anchor(claim["id"])}" '
                f'title="{html.escape(claim["rule"], quote=True)}">{m.group(2)}</button>')

    body = _MARKED.sub(button, body)
    cards = "".join(card(c, root) for c in bundle["claims"])
    return f'<div class="caption">{body}{cards}</div>'


def claims_page(claims: Iterable[dict], titles: dict[str, str]) -> str:
    """Every claim of the site, by page, each card open with its anchor: what a reader cites."""
    by_page: dict[str, list[dict]] = {}
    for c in sorted(claims, key=lambda c: c["id"]):
        by_page.setdefault(c["page"], []).append(c)
    parts = []
    for page, own in by_page.items():
        parts.append(f'<h2 id="{html.escape(claim_anchor(page))}">{html.escape(titles.get(page, page))}</h2>')
        parts += [card(c, popover=False) for c in own]
    return "".join(parts)
