"""The sentences and tables the dossier report prints, built from what `helpers.analyses.dossier`
computed; they compute nothing themselves. Every number in a sentence is a claim the analysis made
(`analyses.dossier.page_claims`, on the page `dossiers/<person_id>`), shown through
`helpers.captions.claimed.Caption`; the words that name its sources come from its rows (`claims.scope`).

Sources are cited for a reader (`cite`): a web page as a link (Markdown in prose, HTML in a table's
`source` column, `with_sources`), a case-file paragraph as text after the source's title. Dates are
written by `figures.dossier.when`, at their own precision. Text from the data is escaped wherever it
goes into Markdown or HTML; names stay exact.

A fate says how it is known (`fate`): its value by the fate rules, how surely (`certainty`), whether
the Soviet state's hand is stated, disputed or not named (`by_state`), every claim about the manner
with its certainty, the official account only where a source calls it official, the versions of a
contested end, and every date the sources give for it.
"""
from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

import pandas as pd

from ..analyses.dossier import blank
from ..core import dates
from ..core.names import in_prose
from ..evidence import claims
from ..evidence.claims import Claim
from ..evidence.fates import DEATH_FATES
from ..figures.dossier import when
from .claimed import Caption, Raw

#: How a role reads after a name or in the role column: 'Nikolai Yezhov (ordered it)'.
ROLE_WORDS = {"subject": "subject", "perpetrator": "perpetrator", "ordered_by": "ordered it",
              "organiser": "organiser", "accomplice": "accomplice", "other": "also named"}
#: Codes of the data in a reader's words (the dossier's own vocabulary): alias kinds, account kinds and
#: claims, the fields a date belongs to.
ALIAS_WORDS = {"native": "in Cyrillic", "spelling": "spelling", "full_name": "full name", "pseudonym": "pseudonym",
               "nickname": "nickname", "codename": "code name"}
ACCOUNT_KIND_WORDS = {"official": "official account", "allegation": "allegation", "rival": "rival account"}
CLAIM_WORDS = {"killing": "a killing", "suicide": "a suicide", "natural_death": "a natural death",
               "accident": "an accident", "charge": "a charge", "resignation": "a resignation",
               "other": "another version"}
FIELD_WORDS = {"date": "date", "start": "start", "end": "end", "born": "birth"}
#: How a count of a role reads: '6 as the one who ordered it'.
ROLE_COUNTS = {"subject": "as subject", "perpetrator": "as perpetrator", "ordered_by": "as the one who ordered it",
               "organiser": "as organiser", "accomplice": "as accomplice", "other": "named with no part given"}


def _s(n) -> str:
    """The plural ending of a count (a number or a claim): 's' unless it is one."""
    return "s" if (n.value if isinstance(n, Claim) else n) != 1 else ""


def _page(said: dict[str, Claim]) -> str:
    return said["posts"].page


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


def _words(code, vocabulary: dict) -> str:
    """A code of the data in words (`vocabulary`), else the code with its underscores as spaces."""
    return vocabulary.get(code, str(code).replace("_", " ")) if isinstance(code, str) else ""


def _source_words(source_id) -> str:
    """A source as a sentence names it: 'the case file', 'the reference' (`claims.SOURCE_WORDS`)."""
    return claims.SOURCE_WORDS.get(source_id, str(source_id)) if isinstance(source_id, str) else ""


def _one_stop(text) -> str:
    """Text from the data with no full stop of its own at the end (a sentence adds one)."""
    return str(text).strip().rstrip(".").rstrip() if isinstance(text, str) else ""


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


def _long_date(text: str) -> str:
    """An EDTF date in words at its own precision: '19 November 1891', 'November 1891', '1891', else as written."""
    b = dates.parse(text)
    if b.precision == "day":
        return f"{b.earliest.day} {b.earliest:%B %Y}"
    if b.precision == "month":
        return f"{b.earliest:%B %Y}"
    if b.precision == "year":
        return str(b.earliest.year)
    return text


#: How the life sentence states each fate: 'executed 15 March 1938'.
LIFE_WORDS = {"executed": "executed", "assassinated": "assassinated", "killed": "killed", "suicide": "died by suicide",
              "died_in_custody": "died in custody", "natural_death": "died a natural death",
              "accident": "died in an accident", "contested": "died", "died": "died",
              "sentenced_to_death": "last recorded as sentenced to death", "imprisoned": "last recorded as imprisoned",
              "disappeared": "disappeared", "survived": "last recorded as released", "unknown": "last recorded"}


#: The life sentence of someone whose birth and end the data does not know (the head leaves it out).
NOTHING_KNOWN = "Birth date not in the data; the data records no end."


def life(facts: pd.Series, page: str = "") -> Caption:
    """The person's life in one sentence (`analyses.dossier.life`): birth (place, source, and each
    birth date another source gives differently) and the
    recorded end with the age then (a claim: 'aged 45 or 46'), how surely the end is known, or that
    the end is contested; what the data lacks is said in words. `page`: the page the age claim is on
    (default: the dossier's)."""
    fields = {}
    if isinstance(facts.born, str):
        other = ", ".join(f"{_long_date(d)} in {_source_words(src)}" for d, src in facts.get("born_other", []) or [])
        text = "Born {born}" + (" in {place}" if isinstance(facts.born_place, str) else "") + " ({source}" \
            + ("; also given: {other}" if other else "") + ")"
        fields = {"born": _long_date(facts.born), "source": facts.born_source_id,
                  **({"place": facts.born_place} if isinstance(facts.born_place, str) else {}),
                  **({"other": other} if other else {})}
    else:
        text = "Birth date not in the data"
    end, age = facts.end, facts.age
    page = page or (age.page if age is not None else "")
    if end is None:
        return Caption(text + "; the data records no end.", page=page, **fields) if fields else Caption(NOTHING_KNOWN)
    how = "how is contested" if end.fate == "contested" else end.certainty
    text += "; {what} {when}" + (", aged {age}" if age is not None else "") + " ({how})."
    fields.update(what=LIFE_WORDS.get(end.fate, end.fate.replace("_", " ")), when=_long_date(end.date), how=how)
    return Caption(text, page=page, **fields, **({"age": age} if age is not None else {}))


def introduction(profile: pd.Series, span: pd.Series, life: Caption, said: dict[str, Claim],
                 titles: pd.Series) -> Caption:
    """The page's head: name and life dates (`life_span`), side, notes and their source, the life in
    one sentence (`life`, when the data knows a birth or an end), and how many other names the
    sources use (the claim `other_names`)."""
    page, names = _page(said), said["other_names"]
    head = Caption("**{name}**, {dates}\n\n{side}. {notes} *Source:* {source}.\n\n", page=page,
                   name=profile["name"], dates=life_dates(span), side=str(profile.side).capitalize(),
                   notes=(_one_stop(profile.notes) + ".") if _one_stop(profile.notes) else "",
                   source=Raw(cite(profile.source_id, profile.locator, titles)))
    if life.text == NOTHING_KNOWN:
        life = Caption("", page=page)
    else:
        life = life + Caption("\n\n", page=page)
    if not names.value:
        return head + life + Caption("The sources know this person by no other name.", page=page)
    return head + life + Caption("The sources also call this person by {n} other name" + _s(names) + ", recorded "
                                 "{where}:", page=page, n=names, where=claims.scope(names))


def alias_table(names: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The other names (`analyses.dossier.aliases`) to read: the name, what kind of name in words
    ('full name', 'in Cyrillic'), and the source as links."""
    return with_sources(names.assign(kind=names.kind.map(lambda k: _words(k, ALIAS_WORDS))), titles)


# --- the timeline -----------------------------------------------------------------------------------

def _marks(frame: pd.DataFrame) -> tuple[str, dict]:
    """The arrest (▼) and death (✕) the timeline marks, with their dates and titles."""
    text, fields = "", {}
    for kind, sign in (("arrest", "▼"), ("death", "✕")):
        m = frame[frame.mark == kind]
        if len(m):
            text += f" {sign} marks the {kind} ({{{kind}}})."
            fields[kind] = ", ".join(f"{when(d)}: {t}" for d, t in zip(m.date, m.label))
    return text, fields


def timeline(frame: pd.DataFrame, said: dict[str, Claim], name: str, undated: list[str]) -> Caption:
    """Under the timeline (`analyses.dossier.timeline`): what to see (the claims `dated_posts`,
    `events_drawn` and `kinds`), the arrest and death it marks, and the posts not drawn for want of a
    date (`undated_posts`, their titles `undated`); without a dated post or event, why there is none."""
    page, n = _page(said), said["undated_posts"]
    if not len(frame):
        return Caption("No timeline: the data gives no dated post or event for this person"
                       + (" (the {n} post" + _s(n) + " they held carry no date)." if n.value else "."),
                       page=page, **({"n": n} if n.value else {}))
    parts, fields = [], {"name": name, "n": n, "titles": "; ".join(undated)}
    posts, events, kinds = said["dated_posts"], said["events_drawn"], said["kinds"]
    if posts.value:
        parts.append("{posts} dated post" + _s(posts) + (" as grey bars" if _s(posts) else " as a grey bar")
                     + " (solid where the sources fix the dates; pale and hatched over the span a month, a year or an "
                     "interval leaves open; ▶ or ◀ where only the start or the end is known)")
        fields["posts"] = posts
    if events.value:
        parts.append("{events} event" + _s(events) + " of {kinds} kind" + _s(kinds) + " as marks, one row per kind in "
                     "its colour (a dot for a day, a pale bar for the span a partial date allows)")
        fields.update(events=events, kinds=kinds)
    marks, marked = _marks(frame)
    text = "*What to see:* {name}'s " + " and ".join(parts) + "." + marks
    text += " Not drawn, for want of any date: {n} post" + _s(n) + " ({titles})." if n.value else ""
    return Caption(text, page=page, **{k: v for k, v in {**fields, **marked}.items() if "{" + k + "}" in text})


# --- posts and events -------------------------------------------------------------------------------

def _differs(differing: pd.DataFrame | None, target_ids, events: bool = False) -> list[str]:
    """For each post (or, with `events`, each event), the dates another source gives differently
    (`analyses.dossier.disagreements`) in words: 'start: 25 Sep 1936 (the reference)'; beside an event,
    also those of the posts it opened or closed ('Leonid Zakovsky: ... start: 19 Jan 1938 (the
    reference)'); '' where none."""
    if differing is None or not len(differing):
        return [""] * len(target_ids)
    out = []
    for tid in target_ids:
        own = differing[differing.target_id == tid]
        texts = [(f"{when(o)}" if events else f"{_words(f, FIELD_WORDS)}: {when(o)}") + f" ({_source_words(src)})"
                 for f, o, src in zip(own.field, own.other_date, own.source_id)]
        if events:
            via = differing[differing.via_id == tid]
            texts += [f"{a}, {_words(f, FIELD_WORDS)}: {when(o)} ({_source_words(src)})"
                      for a, f, o, src in zip(via.about, via.field, via.other_date, via.source_id)]
        out.append("; ".join(texts))
    return out


def _end_told(ends: pd.DataFrame | None, position_id: str, reason: str) -> str:
    """How a post's end is told (`analyses.dossier.post_ends`): the event that ended it, as the data
    records it ('dismissal: Yezhov removed as ...'), then each source's account of it, the official
    one first ('Official account, a resignation (the Soviet authorities): He was relieved ...');
    without such an event, the data's reason ('arrested')."""
    e = ends[ends.position_id == position_id] if ends is not None and len(ends) else pd.DataFrame()
    if not len(e):
        return _words(reason, {})
    e = e.iloc[e.kind.map({k: i for i, k in enumerate(ACCOUNT_KIND_WORDS)}).fillna(9).argsort(kind="stable")]
    told = [f"{_words(t, {})}: {title}." for t, title in dict.fromkeys(zip(e.event_type, e.event_title))]
    told += [f"{_words(k, ACCOUNT_KIND_WORDS).capitalize()}, {_words(c, CLAIM_WORDS)} ({by}"
             + ("" if sure == "stated" else f", {sure}") + f"): {_one_stop(text)}."
             for k, c, by, sure, text in zip(e.kind, e.claim, e.claimed_by, e.certainty, e.summary) if k]
    return " ".join(told)


def post_table(posts: pd.DataFrame, titles: pd.Series, ends: pd.DataFrame | None = None,
               differing: pd.DataFrame | None = None) -> pd.DataFrame:
    """The person's posts (`analyses.dossier.posts`) to read: title, organisation (by name), start and
    end as a reader writes them, how it ended (the event that ended it and how each source tells it:
    `ends`, `analyses.dossier.post_ends`; else the data's reason), acting or not, certainty, the
    dates another source gives differently (`differing`, `analyses.dossier.disagreements`) and the
    source as links; in date order."""
    p = posts.replace("", None)
    ended = [_end_told(ends, i, r) for r, i in zip(p.end_reason.fillna(""), p.position_id)]
    out = pd.DataFrame({"post": p.title, "organisation": p.organisation, "start": p.start.map(when),
                        "end": p.end.map(when), "how it ended": ended,
                        "acting": p.acting.map({True: "acting", False: ""}).fillna(""),
                        "certainty": p.certainty, "another source gives": _differs(differing, p.position_id),
                        "source_id": p.source_id, "locator": p.locator})
    return blank(with_sources(out, titles))


def posts(said: dict[str, Claim]) -> Caption:
    """Above the posts table (`post_table`): how many (the claim `posts`), or that there is none."""
    n = said["posts"]
    if not n.value:
        return Caption("The data records no post for this person.", page=_page(said))
    return Caption("{n} post" + _s(n) + " recorded {where}, in date order; an empty start or end means the sources "
                   "do not give it.", page=_page(said), n=n, where=claims.scope(n))


def _role_text(role: str, certainty: str, qualifier: str = "") -> str:
    """A part in words with how surely the source gives it and its qualifier: 'accomplice, unwitting';
    'ordered it, alleged, implied, not said'."""
    return ", ".join(filter(None, [ROLE_WORDS.get(role, role), "" if certainty == "stated" else certainty,
                                   qualifier]))


def event_table(events: pd.DataFrame, others: pd.DataFrame, titles: pd.Series,
                differing: pd.DataFrame | None = None) -> pd.DataFrame:
    """The person's events (`analyses.dossier.events`) to read: date (as a reader writes it), what
    happened (with its own certainty when the source does not state it plainly), their role with its
    certainty and qualifier, the others in it with theirs (`co_participants`: 'Joseph Stalin (ordered
    it); Sylvia Ageloff (accomplice, unwitting)', canonical names), the date another source gives
    differently (`differing`, `analyses.dossier.disagreements`) and the source as links."""
    q = others.qualifier if "qualifier" in others else pd.Series("", index=others.index)
    listed = (others.assign(text=[f"{n} ({_role_text(r, c, x)})" for n, r, c, x in zip(others.name, others.role,
                                                                                         others.certainty, q)])
              .groupby("event_id", sort=False).text.agg("; ".join))
    sure = events.event_certainty if "event_certainty" in events else pd.Series("stated", index=events.index)
    quals = events.qualifier if "qualifier" in events else pd.Series("", index=events.index)
    out = pd.DataFrame({"date": events.date.map(when), "type": events.type.str.replace("_", " "),
                        "event": [t if c in ("stated", "") else f"{t} ({c})" for t, c in zip(events.title, sure)],
                        "role": [_role_text(r, c, x) for r, c, x in zip(events.role, events.certainty, quals)],
                        "others in it": events.event_id.map(listed).fillna(""),
                        "another source gives": _differs(differing, events.event_id, events=True),
                        "source_id": events.source_id, "locator": events.locator})
    return with_sources(out, titles)


def events(said: dict[str, Claim]) -> Caption:
    """Above the events table (`event_table`): how many events (the claim `events`), in how many as
    each role (`as_<role>`), or that there is none."""
    n = said["events"]
    if not n.value:
        return Caption("The data names this person in no event.", page=_page(said))
    roles = {k: c for k, c in said.items() if k.startswith("as_")}
    parts = ", ".join("{" + k + "} " + ROLE_COUNTS[k[3:]] for k in roles)
    twice = (" (in an event where they had two parts, each part is counted)"
             if sum(c.value for c in roles.values()) > n.value else "")
    return Caption("{n} event" + _s(n) + " recorded {where}, in date order: " + parts + twice + ". Beside each, the "
                   "others the data names in it and the part they had.", page=_page(said), n=n,
                   where=claims.scope(n), **roles)


# --- the end, and what the sources say of it ----------------------------------------------------------

#: The head of the fate paragraph for each fate of the rules (`died`: see `_head`).
FATE_WORDS = {"executed": "Executed", "assassinated": "Assassinated", "killed": "Killed", "suicide": "Suicide",
              "died_in_custody": "Died in custody", "natural_death": "Natural death",
              "accident": "Died in an accident", "contested": "Died; how is contested",
              "sentenced_to_death": "Sentenced to death", "imprisoned": "Last recorded as imprisoned",
              "disappeared": "Disappeared", "survived": "Released", "unknown": "Unknown"}
#: Each claim about a manner (`fates.manners`) in words.
MANNER_WORDS = {"executed": "an execution", "assassinated": "an assassination", "killed": "a killing",
                "suicide": "a suicide", "natural_death": "a natural death", "accident": "an accident",
                "unknown": "the manner unknown"}
SURELY = {"stated": "stated plainly", "alleged": "only alleged", "disputed": "disputed"}
BY_STATE = {"yes": "the deciding evidence states a Soviet hand",
            "disputed": "a Soviet hand rests only on alleged or disputed claims",
            "no": "no claim in the data names a Soviet hand"}


def _head(end) -> str:
    if end.fate != "died":
        return FATE_WORDS.get(end.fate, end.fate.replace("_", " ").capitalize())
    return "Died; how is not known" if "unknown (" in str(end.manners) else "Died; the sources do not say how"


def _manners(text: str) -> str:
    """The fate's `manners` ('killed (alleged); suicide (stated, official)') in words."""
    out = []
    for item in filter(None, (i.strip() for i in str(text).split(";"))):
        m = re.match(r"^(\w+) \((.*)\)$", item)
        if m and m[2] == "alleged, official":
            out.append(f"{MANNER_WORDS.get(m[1], m[1])} (only alleged to be the official account)")
        else:
            out.append(f"{MANNER_WORDS.get(m[1], m[1])} ({m[2]})" if m else item)
    return "; ".join(out)


def _dates(said: dict[str, Claim]) -> tuple[str, dict]:
    """The dates the sources give for the end: the recorded one with its sources, then the others."""
    first = said["fate_date"].named("fate_date", text=when(said["fate_date"].value))
    fields = {"date": first, "date_where": claims.scope(first)}
    text, others = "{date} {date_where}", [k for k in said if k.startswith("fate_date_")]
    for k in others:
        fields[k] = said[k].named(said[k].name, text=when(said[k].value))
        fields[k + "_where"] = claims.scope(fields[k])
    if others:
        text += " (also given: " + "; ".join("{" + k + "} {" + k + "_where}" for k in others) + ")"
    return text, fields


def _how_known(end, said: dict[str, Claim], official: pd.DataFrame) -> tuple[str, dict]:
    """For a death: whose hand (`by_state`), the claims about the manner, and the official account."""
    if end.fate not in DEATH_FATES:
        return (" No execution is recorded." if end.fate == "sentenced_to_death" else ""), {}
    why = BY_STATE[end.by_state]
    if end.by_state == "no" and end.fate in ("executed", "died_in_custody"):
        why = f"the {'execution' if end.fate == 'executed' else 'custody'} was another state's"
    elif end.by_state == "no" and re.search(r"\b(killed|executed|assassinated) \(", str(end.manners)) and not end.doers:
        why += "; the killing claimed names no killer"
    if end.by_state == "disputed" and isinstance(end.get("doubted_killing"), str) and end.doubted_killing:
        why += f"; a killing is only alleged, by {end.doubted_killing}"
    text = " At the hands of the Soviet state: **{by_state}** ({why})."
    fields = {"by_state": said["by_state"], "why": why}
    if isinstance(end.manners, str) and end.manners:
        label = "The versions" if end.fate == "contested" else "Every claim about the manner"
        text += f" {label}: {{manners}}."
        fields["manners"] = _manners(end.manners)
    for i, a in enumerate(official.itertuples()):
        if a.certainty == "stated":
            text += f" The official account ({{by_{i}}}): {{account_{i}}}."
        else:  # a source only alleges that the authorities said so: never 'the official account'
            text += (f" Said to have been the official account, but only {{surely_{i}}} ({{by_{i}}}): "
                     f"{{account_{i}}}.")
        fields.update({f"by_{i}": a.claimed_by, f"surely_{i}": a.certainty, f"account_{i}": _one_stop(a.summary)})
    return text, fields


def fate(end, official: pd.DataFrame, said: dict[str, Claim]) -> Caption:
    """The person's end (`analyses.dossier.fate`) and how it is known: the fate by the rules (the claim
    `fate`), every date the sources give for it (`fate_date`, `fate_date_2`, ...), the event it rests on,
    how surely (`certainty`); for a death, whether the Soviet state's hand is stated, disputed or named
    by no claim (`by_state`), every claim about the manner with its certainty (the versions, when the
    end is contested), and the official account where a source calls one official (`official`).
    Or that the data records no end."""
    if end is None:
        return Caption("The data records no end for this person.")
    page, head = said["fate"].page, _head(end)
    dated, fields = _dates(said)
    surely = SURELY.get(end.certainty, end.certainty)
    besides = " besides the official account" if len(official) else ""
    how = f"the strongest claims{besides} are {surely}" if end.fate == "contested" else surely
    text = "**{fate}**: " + dated + ", in the event *{title}* ({how})."
    more, known = _how_known(end, said, official)
    return Caption(text + more, page=page, fate=said["fate"].named("fate", text=head), title=end.event_title,
                   how=how, **fields, **known)


#: What each kind of account is, in the sentence above the accounts.
KIND_WORDS = {"official": "what the authorities said", "allegation": "allegations", "rival": "rival versions"}


def accounts(versions: pd.DataFrame, said: dict[str, Claim]) -> Caption:
    """Above the rival accounts (`analyses.dossier.accounts`): how many (the claim `accounts`) and of
    which kinds, or that there is none."""
    n = said["accounts"]
    if not n.value:
        return Caption("No event that happened to this person carries an official story or a rival account.")
    present = list(dict.fromkeys(versions.kind))
    kinds = [KIND_WORDS[k] for k in KIND_WORDS if k in present] + [str(k) for k in present if k not in KIND_WORDS]
    listed = in_prose(kinds)
    return Caption("{n} account" + _s(n) + " recorded {where} of what happened to this person, side by side "
                   "({kinds}), each with who gives it and how certain it is.", page=_page(said), n=n,
                   where=claims.scope(n), kinds=listed)


def account_table(versions: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The accounts (`analyses.dossier.accounts`) to read: what it is about, the kind of account and
    what it claims in words ('official account', 'a natural death'), who claims it, what it says, how
    certain, and the source as links."""
    out = versions.assign(kind=versions.kind.map(lambda k: _words(k, ACCOUNT_KIND_WORDS)),
                          claim=versions.claim.map(lambda c: _words(c, CLAIM_WORDS)))
    return with_sources(out.rename(columns={"title": "about", "claimed_by": "claimed by"}), titles)


#: The person's part in what a differing date is about, in words.
PART_WORDS = {"born": "", "held": "their post"}


def _part(part: str, via: str) -> str:
    """'ordered it' or 'ordered it: Zakovsky replaces Agranov ...' (another's post, through an event)."""
    words = PART_WORDS.get(part, ", ".join(ROLE_WORDS.get(r.strip(), r.strip()) for r in str(part).split(",")))
    return f"{words} ({via})" if isinstance(via, str) and via else words


def disagreement_table(other: pd.DataFrame, titles: pd.Series) -> pd.DataFrame:
    """The dates another source gives differently (`analyses.dossier.disagreements`) to read, each
    beside what it is about: about (a title, never an id), the person's part in it, which date
    ('date', 'start', 'end', 'birth'), the data's date and its source, the other date, the note, and
    the other source as links."""
    out = pd.DataFrame({"about": other.about, "their part": [_part(p, v) for p, v in zip(other.part, other.via)],
                        "which date": other.field.map(lambda f: _words(f, FIELD_WORDS)),
                        "recorded": [f"{when(r)} ({_source_words(b)})" if r else "not given"
                                     for r, b in zip(other.recorded, other.recorded_by)],
                        "another source gives": other.other_date.map(when), "note": other.note,
                        "source_id": other.source_id, "locator": other.locator})
    return blank(with_sources(out, titles))


def disagreements(said: dict[str, Claim]) -> Caption:
    """Above the dates other sources give (`analyses.dossier.disagreements`): how many (the claim
    `other_dates`), or that no source differs about anything the page shows."""
    n = said["other_dates"]
    if not n.value:
        return Caption("No other source gives a different date for anything on this page: the person's birth, "
                       "their posts, the events they took any part in, or the posts those events opened or closed.")
    return Caption("{n} date" + _s(n) + " another source gives differ" + ("s" if n.value == 1 else "") + " from the "
                   "one" + _s(n) + " recorded for what this page shows (the person's birth, their posts, the events "
                   "they took any part in and the posts those events opened or closed), {where}; each date of a "
                   "post or an event is also shown beside its row above.", page=_page(said), n=n, where=claims.scope(n))
