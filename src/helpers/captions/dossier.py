"""The sentences and tables the dossier report prints, built from what `helpers.analyses.dossier`
computed; they compute nothing themselves.

Sources are cited for a reader (`cite`): a web page as a link (Markdown in prose, HTML in a table's
`source` column, `with_sources`), a case-file paragraph as text after the source's title. Dates are
written by `figures.dossier.when`, at their own precision. Text from the data is escaped wherever it
goes into Markdown or HTML; names stay exact.
"""
from __future__ import annotations

import functools
import html
import re
from urllib.parse import unquote, urlsplit

import pandas as pd
from IPython.display import Markdown

from ..analyses.dossier import blank
from ..figures.dossier import when

#: How a role reads after a name or in the role column: 'Nikolai Yezhov (ordered it)'.
ROLE_WORDS = {"subject": "subject", "perpetrator": "perpetrator", "ordered_by": "ordered it",
              "organiser": "organiser", "accomplice": "accomplice", "other": "also named"}

_esc = functools.partial(html.escape, quote=False)  # text from the data shows as text; names stay exact


def _s(n: int) -> str:
    """The plural ending of a count: 's' unless it is one."""
    return "s" if n != 1 else ""


# --- sources, for a reader ------------------------------------------------------------------------

def _short_title(title: str) -> str:
    """A source's title without a trailing gloss in brackets: 'Case File #0121 — NKVD Black Work'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", str(title)).strip()


def _link_text(url: str, width: int = 48) -> str:
    """A URL as short readable text: host and path, decoded, cut at `width` characters."""
    parts = urlsplit(url)
    text = (parts.netloc.removeprefix("www.") + unquote(parts.path)).rstrip("/")
    return text if len(text) <= width else text[: width - 1] + "…"


def cite(source_id, locator, titles: pd.Series, as_html: bool = False) -> str:
    """Where a fact comes from, for a reader: each URL of the locator (several are joined by ' ; ')
    as a link, each case-file paragraph as text after the source's title (`titles`:
    `analyses.dossier.source_titles`). Markdown links by default (for prose), HTML `<a>` with
    `as_html` (for table cells), text from the data escaped."""
    title = _short_title(titles.get(source_id, source_id)) if isinstance(source_id, str) else ""
    parts = [p.strip() for p in str(locator).split(" ; ")] if isinstance(locator, str) and locator.strip() else []
    shown = []
    for p in parts:
        if re.match(r"https?://", p):
            if as_html:
                shown.append(f'<a href="{html.escape(p, quote=True)}">{html.escape(_link_text(p))}</a>')
            else:
                target = p.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                label = _link_text(p).replace("[", "(").replace("]", ")")
                shown.append(f"[{label}]({target})")
        elif p and p != "none":
            shown.append(html.escape(p) if as_html else p)
    urls_only = parts and all(re.match(r"https?://", p) for p in parts)
    head = [] if urls_only or not title else [html.escape(title) if as_html else title]
    return ", ".join(head + ["; ".join(shown)] if shown else head)


def with_sources(table: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The table with its source_id and locator columns made one `source` column of links (HTML)."""
    out = table.drop(columns=["source_id", "locator"])
    out["source"] = [cite(s, loc, titles, as_html=True) for s, loc in zip(table.source_id, table.locator)]
    return out


# --- who they were ----------------------------------------------------------------------------------

def life_dates(span: pd.Series) -> str:
    """Birth and death (`analyses.dossier.life_span`) in one line, each at its own precision
    ('1 May 1895 – 4 Feb 1940'); an end the data does not know is said in words ('birth date
    unknown', 'no death recorded')."""
    died = when(span.died)
    if not isinstance(span.born, str) and not died:
        return "Life dates unknown: the data gives neither birth nor death."
    return f"{when(span.born) or 'birth date unknown'} – {died or 'no death recorded'}"


def introduction(profile: pd.Series, span: pd.Series, life: str, end, names: pd.DataFrame,
                 titles: pd.Series) -> Markdown:
    """The page's head: name and life dates (`life_span`), side, notes and their source, the life in
    one sentence (`analyses.dossier.life`, when the data knows a birth or an `end`), and how many other
    names (`aliases`) the sources use."""
    return Markdown(f"**{_esc(profile['name'])}**, {_esc(life_dates(span))}\n\n"
                    f"{_esc(profile.side.capitalize())}. {_esc(str(profile.notes or ''))} "
                    f"*Source:* {cite(profile.source_id, profile.locator, titles)}.\n\n"
                    + (f"{_esc(life)}\n\n" if isinstance(profile.born, str) or end is not None else "")
                    + (f"The sources also call this person by {len(names)} other name{_s(len(names))}:"
                       if len(names) else "The sources know this person by no other name."))


# --- the timeline -----------------------------------------------------------------------------------

def _what_to_see(frame: pd.DataFrame, counts: pd.Series, name: str) -> str:
    """The figure's '*What to see:*' line: its posts and events (`timeline_counts`), and the
    arrest and death it marks."""
    parts = []
    if counts.posts:
        parts.append(f"{counts.posts} dated post{_s(counts.posts)} as grey bars (solid where the sources fix the "
                     "dates; pale and hatched over the span a month, a year or an interval leaves open; ▶ or ◀ "
                     "where only the start or the end is known)")
    if counts.events:
        parts.append(f"{counts.events} event{_s(counts.events)} of {counts.kinds} kind{_s(counts.kinds)} as "
                     "marks, one row per kind in its colour (a dot for a day, a pale bar for the span a partial date "
                     "allows)")
    text = f"*What to see:* {name}'s " + " and ".join(parts) + "."
    for kind, sign in (("arrest", "▼"), ("death", "✕")):
        m = frame[frame.mark == kind]
        if len(m):
            text += f" {sign} marks the {kind}"
            text += " (" + ", ".join(f"{when(d)}: {t}" for d, t in zip(m.date, m.label)) + ")."
    return text


def timeline(frame: pd.DataFrame, counts: pd.Series, name: str, undated: list[str]) -> Markdown:
    """Under the timeline (`analyses.dossier.timeline`, `timeline_counts`): what to see, and the posts
    not drawn for want of a date (`undated_posts`); without a dated post or event, why there is none."""
    n = len(undated)
    if len(frame):
        return Markdown(_esc(_what_to_see(frame, counts, name))
                        + (f" Not drawn, for want of any date: {n} post{_s(n)} ({'; '.join(undated)})." if n else ""))
    return Markdown("No timeline: the data gives no dated post or event for this person"
                    + (f" (the {n} post{_s(n)} they held carry no date)." if n else "."))


# --- posts and events -------------------------------------------------------------------------------

def post_table(posts: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The person's posts (`analyses.dossier.posts`) to read: title, organisation, start and end as a
    reader writes them, how it ended, acting or not, certainty and the source as links; in date order."""
    p = posts.replace("", None)
    out = pd.DataFrame({"post": p.title, "organisation": p.org_id, "start": p.start.map(when), "end": p.end.map(when),
                        "how it ended": p.end_reason.fillna("").str.replace("_", " "),
                        "acting": p.acting.map({True: "acting", False: ""}).fillna(""),
                        "certainty": p.certainty, "source_id": p.source_id, "locator": p.locator})
    return blank(with_sources(out, titles))


def posts(held: pd.DataFrame) -> Markdown:
    """Above the posts table (`post_table`): how many, or that there is none."""
    return Markdown(f"{len(held)} post{_s(len(held))} in the data, in date order; "
                    "an empty start or end means the sources do not give it." if len(held)
                    else "The data records no post for this person.")


def _role_text(role: str, certainty: str) -> str:
    return ROLE_WORDS.get(role, role) + ("" if certainty == "stated" else f", {certainty}")


def event_table(events: pd.DataFrame, others: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The person's events (`analyses.dossier.events`) to read: date (as a reader writes it), what
    happened, their role, the others in it with theirs (`co_participants`: 'Joseph Stalin (ordered
    it); ...', canonical names) and the source as links."""
    listed = (others.assign(text=[f"{n} ({_role_text(r, c)})" for n, r, c in zip(others.name, others.role,
                                                                                   others.certainty)])
              .groupby("event_id", sort=False).text.agg("; ".join))
    out = pd.DataFrame({"date": events.date.map(when), "type": events.type.str.replace("_", " "), "event": events.title,
                        "role": [_role_text(r, c) for r, c in zip(events.role, events.certainty)],
                        "others in it": events.event_id.map(listed).fillna(""),
                        "source_id": events.source_id, "locator": events.locator})
    return with_sources(out, titles)


def events(took_part: pd.DataFrame, roles: pd.Series) -> Markdown:
    """Above the events table (`event_table`): how many events, in how many as each role
    (`role_counts`), or that there is none."""
    return Markdown(f"{len(took_part)} event{_s(len(took_part))}, in date order: "
                    + ", ".join(f"{n} as {ROLE_WORDS[role]}" for role, n in roles.items() if n)
                    + ". Beside each, the others the data names in it and the part they had."
                    if len(took_part) else "The data names this person in no event.")


# --- the end, and what the sources say of it ----------------------------------------------------------

def fate(end) -> Markdown:
    """The person's fate (`analyses.dossier.fate`), its date and certainty, the event it rests on and
    the official account of it; or that the data records none."""
    if end is None:
        return Markdown("The data records no end for this person.")
    cover = f" The official account was: {_esc(end.official_account)}." if isinstance(end.official_account, str) else ""
    return Markdown(f"**{end.fate.replace('_', ' ')}**, {when(end.date)} ({end.certainty}), in the event "
                    f"*{_esc(end.event_title)}*.{cover}")


def accounts(versions: pd.DataFrame) -> Markdown:
    """Above the rival accounts (`analyses.dossier.accounts`): how many, or that there is none."""
    return Markdown(f"{len(versions)} account{_s(len(versions))} of what happened to this person, side by side: "
                    "the official story, the allegations and rival theories, each with who gives it and how certain "
                    "it is." if len(versions)
                    else "No event that happened to this person carries an official story or a rival account.")


def disagreements(other: pd.DataFrame) -> Markdown:
    """Above the dates other sources give (`analyses.dossier.disagreements`): how many, or none."""
    return Markdown(f"{len(other)} date{_s(len(other))} in another source differ from the data's for this person."
                    if len(other) else "No other source gives a different date for this person's events or posts.")
