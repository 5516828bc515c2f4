"""The sentences the leadership-turnover report (notebooks/02-leadership-turnover.ipynb) prints, one
function per section, built from the claims `helpers.analyses.turnover_claims` and
`helpers.analyses.falls` and `helpers.analyses.purges` made; they compute nothing themselves. Each returns a Caption: every number in
it is a claim, with the rows it rests on, and the words that name a source beside a number come from
the claim's rows (`claims.scope`)."""
from __future__ import annotations

import re

import pandas as pd

from ..analyses.turnover import PACKAGE
from ..core.names import in_prose
from ..evidence import claims
from ..evidence.claims import CASE_FILE, SOURCE_WORDS, Claim
from ..figures import labels
from .claimed import Caption, Raw, escape

PAGE = "02-leadership-turnover"


def _say(template: str, **fields) -> Caption:
    return Caption(template, page=PAGE, **fields)


def _join(parts: list[Caption], sep: str = "; ") -> Caption:
    """Captions one after the other, `sep` between them."""
    out = parts[0] if parts else _say("")
    for part in parts[1:]:
        out = out + _say(sep) + part
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _readings(finding: Claim, what: str) -> Caption:
    """Whether another reading of the data changes the finding (`readings.sensitivity`), in words: the
    readings that change it, with their values where these are names (a number stays in the table)."""
    if not finding.readings:
        return _say("")
    if not finding.changes:
        return _say(" Every other reading gives the same {what} (the table below).", what=what)
    changed = [(r, text) for r, text, moved in finding.readings if moved]
    words = "; ".join(r if re.search(r"\d", text) else f"{r}: {text}" for r, text in changed)
    return _say(" Another reading changes the {what} ({changed}): see the table below.", what=what, changed=words)


# --- 1. who held each post -----------------------------------------------------------------------

def _doubtful(fates: pd.DataFrame) -> str:
    """'Genrikh Lyushkov (killed: disputed), Vyacheslav Menzhinsky (natural death: stated; killed: alleged)':
    each holder shot or killed on doubt only, with every claim about the manner of his death and its
    certainty, the manner his fate takes first."""
    out = []
    for _, r in fates.iterrows():
        claimed = [m.rstrip(")").split(" (", 1) for m in r.manners.split("; ")]
        claimed.sort(key=lambda m: m[0] != r.fate)
        out.append(f"{r['name']} (" + "; ".join(f"{m.replace('_', ' ')}: {c}" for m, c in claimed) + ")")
    return ", ".join(out)


def _apart(held: dict, lead: str = " Of them, ") -> Caption:
    """The holders counted as shot or killed that a reader of a purge report should see apart
    (`turnover_claims._not_the_purge`): killed by other hands, and shot after the case file's account ends."""
    apart = []
    if "by_others" in held and held["by_others"].value:
        apart.append(_say("{by-others} by other hands ({others})", **{"by-others": held["by_others"]},
                          others=", ".join(held["by_others_names"])))
    if "hand_disputed" in held and held["hand_disputed"].value:
        apart.append(_say("{hand-disputed} by a hand the sources dispute, the state's or another's ({disputed-names})",
                          **{"hand-disputed": held["hand_disputed"]},
                          **{"disputed-names": ", ".join(held["hand_disputed_names"])}))
    if "later" in held and held["later"].value:
        end = held["account_ends"]
        apart.append(_say(f"{{later}} after the case file's account ends ({end.day} {end:%B %Y}), {{where}} "
                          "({later-names})", later=held["later"], where=claims.scope(held["later"]),
                          **{"later-names": ", ".join(held["later_names"])}))
    if not apart:
        return _say("")
    out = _say(lead) + apart[0]
    for i, part in enumerate(apart[1:], 2):
        out = out + _say(", and " if i == len(apart) else ", ") + part
    return out + _say(".")


def who_held(held: dict, finding: Claim, window: tuple) -> Caption:
    """How many tenures, posts and holders the chart shows, the finding (`turnover_claims.shot_or_killed`:
    how many holders were later shot or killed, plainly and on doubt, with the doubtful named), whether
    another reading changes it, how to read the chart, and the tenures with no date it leaves out."""
    text = _say("*What to see:* {held-tenures} tenures of {held-posts} post" + ("s" * (held["posts"].value != 1))
                + " held by {held-holders} people between {first} and {last}; **{shot-or-killed}** were later shot or "
                "killed", first=f"{window[0]:%Y}", last=f"{window[1]:%Y}",
                **{"held-tenures": held["tenures"], "held-posts": held["posts"], "held-holders": held["holders"],
                   "shot-or-killed": finding})
    if held["on_doubt"].value:
        text = text + _say(": {shot-plainly} on a killing a source states and no account disputes, and {shot-on-doubt} "
                           "more on a killing only alleged, or stated but disputed by another account ({doubtful}).",
                           doubtful=_doubtful(held["doubtful"]),
                           **{"shot-plainly": held["plainly"], "shot-on-doubt": held["on_doubt"]})
    else:
        text = text + _say(", each on a killing a source states.")
    text = text + _apart(held)
    if "no_manner" in held and held["no_manner"].value:
        text = text + _say(" The data codes no manner for the deaths of {no-manner} more (a cause a source gives only in "
                           "passing stays in the row's summary or note, uncoded): {names}.",
                           **{"no-manner": held["no_manner"]},
                           names="; ".join(f"{n} ({labels.date(d)})" for n, d in held["no_manner_rows"]))
    open_ = held.get("left_open")
    if open_ and open_["count"].value:
        text = text + _say(" For {left-open} more the sources leave it open: {names}.", **{"left-open": open_["count"]},
                           names="; ".join(f"{n} ({w})" for n, w in open_["rows"]))
    text = text + _readings(finding, "count")
    undated = held["undated_rows"]
    if len(undated):
        text = text + _say(" {held-undated} tenures of these posts have neither a start nor an end date (a source "
                           "shows the holder in post at one date only) and are not drawn: {names}.",
                           names=", ".join(sorted(undated["name"] + " (" + undated.post_label + ")")),
                           **{"held-undated": held["undated"]})
    # how to read the chart comes last: the landing page quotes a finding's first sentences, without the chart
    return text + _say(" Pale ends are the span a partial date allows; ▶ or ◀ marks a tenure known only by its start "
                       "or its end.")


# --- 2. lengths ----------------------------------------------------------------------------------

def _reading_words(reading: str) -> str:
    """How the sentence on the longest tenure names a reading of the dates."""
    if reading == CASE_FILE:
        return "on the case file's own dates"
    if reading == PACKAGE:
        return "with the gaps a second source fills"
    return f"on {SOURCE_WORDS.get(reading, reading)}'s dates"


def _length(claim: Claim, note: str, name: str) -> Caption:
    """'2,698 to 2,801 days in the case file and the reference, with the reference's start'."""
    return _say("{" + name + "} {" + name + "-where}" + (", with {note}" if note else ""),
                **{name: claim, f"{name}-where": claims.scope(claim)}, note=note)


def longest(entries: list[dict]) -> Caption:
    """The longest tenure under each reading (`turnover_claims.longest`): the holder, his post and the
    length under each reading, readings that rank the same tenure named together."""
    groups: list[list[dict]] = []
    for e in entries:
        if groups and groups[-1][0]["position_id"] == e["position_id"]:
            groups[-1].append(e)
        else:
            groups.append([e])
    parts = []
    for g in groups:
        slug = f"longest-{_slug(g[0]['reading'])}"
        same: list[list[dict]] = []  # readings that give this tenure the same length, named together
        for e in g:
            if same and same[-1][0]["length"].text == e["length"].text and same[-1][0]["from_reference"] == e["from_reference"]:
                same[-1].append(e)
            else:
                same.append([e])
        each = [_say(" and ".join(_reading_words(e["reading"]) for e in x) + " (")
                + _length(x[0]["length"], x[0]["from_reference"], f"longest-{_slug(x[0]['reading'])}-length") + _say(")")
                for x in same]
        parts.append(_say("{" + slug + "}'s as *{post}* ", **{slug: g[0]["holder"]}, post=g[0]["post_label"])
                     + _join(each, " and "))
    return _say("the longest tenure the dates bound on both sides is ") + _join(parts) + _say(".")


def _holding(frame: pd.DataFrame) -> str:
    """'Genrikh Yagoda as Secret police head, ...': who held which post, in the order given."""
    return ", ".join(frame["name"] + " as " + frame.post_label)


def lengths(entries: list[dict], notes: dict, coverage: pd.Timestamp) -> Caption:
    """The longest tenure (`longest`), then the tenures whose length a second source changes, those
    resting on rival dates for a gap, those bounded on one side only, and those still running at the
    end of the data (`turnover_claims.length_notes`)."""
    text = _say("*What to see:* ") + (longest(entries) + _say(" ") if entries else _say(""))
    (differs, n_differs), (rival, n_rival) = notes["differs"], notes["contested"]
    text = text + _say("{lengths-differ} of the {lengths-tenures} tenures last differently under a second source's "
                       "dates ({names})", names=_holding(differs), **{"lengths-differ": n_differs,
                                                                       "lengths-tenures": notes["all"][1]})
    if len(rival):
        text = text + _say("; {lengths-rival} " + ("rests" if len(rival) == 1 else "rest") + " on a gap filled with "
                           "rival dates ({names})",
                           names=_holding(rival), **{"lengths-rival": n_rival})
    return text + _say(". {lengths-one-sided} lack a start or an end, so their length is bounded on one side only or "
                       "not at all. A tenure still running at the end of the data ({end}) is given as ≥ its shortest "
                       "length ({lengths-running} here).", end=f"{coverage:%Y-%m-%d}",
                       **{"lengths-one-sided": notes["one_sided"][1], "lengths-running": notes["running"][1]})


# --- 3. who replaced whom ------------------------------------------------------------------------

def who_replaced_whom(ends: dict) -> Caption:
    """How the tenures ended (`turnover_claims.ending_claims`)."""
    return _say("*What to see:* {ended-forced} of the {ended-tenures} tenures ended in an arrest, a demotion, a "
                "dismissal or the holder's killing; {ended-died} with the holder's death in office, and {ended-acting} "
                "holders were acting.", **{"ended-forced": ends["forced"], "ended-tenures": ends["all"],
                                           "ended-died": ends["died"], "ended-acting": ends["acting"]})


# --- 4. from the fall to the bullet --------------------------------------------------------------

def _released(released: pd.DataFrame) -> str:
    """'Pavel Sudoplatov (released 1968-08; died 1996-09-24)': who is left out, and why."""
    return ", ".join(f"{r['name']} (released {r.date}; died {r.died})" if r.by == "release" else
                     f"{r['name']} (the term of {r.date} ran out {r.until:%Y-%m-%d}; died {r.died})"
                     for _, r in released.iterrows())


def _room(quickest: pd.DataFrame | None) -> Caption:
    """' Loosely dated, the ends of A and B may have been quicker still': the `may_be_quicker` of
    `falls.quickest_end` under any reading, so that a ranking by the longest span is not read as certain."""
    names = sorted({n for row in (quickest.may_be_quicker if quickest is not None and "may_be_quicker" in quickest
                                  else []) for n in row})
    if not names:
        return _say("")
    return _say(" That ranks each end by the longest span its dates allow; the dates of {names} are loose enough "
                "that theirs may have been quicker still.", names=in_prose(names))


def quickest(finding: Claim | None, spans: list[tuple[str, str, Claim]], loose: bool = False) -> Caption:
    """The quickest end from arrest to death (`falls.quickest`, with its readings) and its days under
    each source that dates it (`falls.quickest_spans`): one name when every source's dates agree on who,
    else the name under each; and whether another reading of the data changes it. loose: another's loose
    dates leave room for a quicker end (`_room`), so no ranking is said to hold "under every reading"."""
    if finding is None or not spans:
        return _say("")
    days = [_length(c, "", f"quickest-days-{_slug(r)}") for r, _, c in spans]
    if len({name for _, name, _ in spans}) == 1:
        every = "" if finding.changes or not finding.readings or loose else " under every reading"
        return (_say(" The quickest end is **{quickest}**'s" + every + ": from the arrest to the death, ", quickest=finding)
                + _join(days, ", or ") + _say(".") + (_readings(finding, "quickest end") if finding.changes else _say("")))
    parts = [_say("{name}'s (", name=n) + d + _say(")") for (_, n, _), d in zip(spans, days)]
    return (_say(" The quickest end as recorded is **{quickest}**'s; under each source's dates: ", quickest=finding)
            + _join(parts, " but ") + _say(".") + _readings(finding, "quickest end"))


def from_fall_to_death(c: dict, outcome: dict, finding: Claim | None, spans: list) -> Caption:
    """How many holders fell and how many died after an arrest, custody unbroken (`falls.fall_claims`),
    who is left out because a release or a term's end came between (`falls.custody_breaks`), the quickest
    end (`quickest`) and who took the harmless post before leaving the organs (`falls.outcomes`)."""
    text = _say("*What to see:* {fallen} holders fell; {died-after-arrest} of them died after an arrest the data "
                "records, the custody unbroken (no release, and no term a source gives running out, between the "
                "arrest and the death)", fallen=c["fallen"], **{"died-after-arrest": c["dead"]})
    released = outcome["released"]
    text = text + (_say("; left out, their custody over before they died: {names}.", names=_released(released))
                   if len(released) else _say("."))
    room = _room(outcome.get("quickest")) if finding is not None and spans else _say("")
    text = text + quickest(finding, spans, loose=bool(room.text)) + room
    early = list(outcome["demoted_first"]["name"])
    return text + (_say(" {names} took the harmless post before leaving the organs.", names=" and ".join(early))
                   if early else _say(""))


# --- 5. and 6. turnover and the share shot -------------------------------------------------------

def busiest_post(busiest: dict) -> Caption:
    """The busiest post-year (`turnover_claims.busiest`), and how to read the table."""
    return _say("*What to see:* the busiest post-year is *{post}* in **{year}**, when the dates of {busiest-holders} "
                "holders may touch it. In the table, *Holders per year* is the mean number of holders in a year in "
                "which the post had one (one means no change); *Shot or killed* counts the holders plainly shot or "
                "killed, *More on doubt* those on an alleged or disputed account only.", post=busiest["post"],
                year=str(busiest["year"]), **{"busiest-holders": busiest["holders"]})


def shot_or_killed(shares: dict, held: dict) -> Caption:
    """How many posts saw half or more of their holders shot or killed, plainly and counting those on
    doubt (`turnover_claims.share_claims`), the posts where every holder plainly was, the holders on
    doubt (`turnover_claims.held`) and those with no recorded end."""
    every = list(shares["every"].post)
    text = _say("*What to see:* {posts-half-shot} of the {posts-all} posts saw half or more of their holders shot or "
                "killed (from the plain cases alone to those with the alleged or disputed ones)",
                **{"posts-half-shot": shares["half_or_more"], "posts-all": shares["posts"]})
    if "single_holder" in shares and shares["single_holder"].value:
        text = text + _say(", {single-holder} of them posts with a single holder in the data, whose one death makes the "
                           "whole share", **{"single-holder": shares["single_holder"]})
    text = text + (_say("; every holder of {every} plainly was.", every=Raw(" and of ".join(f"*{escape(p)}*" for p in every)))
                   if every else _say("."))
    if len(held["doubtful"]):
        text = text + _say(" On an alleged or disputed account only: {names}.", names=_doubtful(held["doubtful"]))
    text = text + _apart(held, " Among the holders counted as shot or killed, ")
    names = sorted(shares["unknown"].drop_duplicates("person_id")["name"])
    return text + (_say(" Holders whose end the data does not record count as not shot: {names}.",
                        names=", ".join(names)) if names else _say(""))


# --- 7. purgers purged ---------------------------------------------------------------------------

def purgers_purged(finding: Claim, acts: Claim, left: pd.DataFrame) -> Caption:
    """The rule of who counts as a purger, the finding (`purges.purged_purgers`: how many officials, and
    who, purged another official and fell in their turn), the purges behind it, whether another reading
    changes it, and the purges the rule leaves out because their purger never fell (`purges.unpurged`)."""
    rule = _say("*What to see:* the rule: a **purger** is one of the officials of the organs who removed, arrested, "
                "ordered or carried out the killing of another official (ordered by, organiser or perpetrator of an arrest, a "
                "dismissal, a demotion, an execution, an assassination or a killing), and who was later removed, "
                "arrested or killed himself. ")
    if not finding.value.high:
        text = rule + _say("No purge in this window involves a holder of these posts whose purger fell in his turn.")
    else:
        doubt = "" if finding.value.exact else (" (the lower figure counts only the purgers whose act and fall a source "
                                                "states plainly, neither of them a killing another account denies)")
        text = rule + _say("By it, the purgers purged are **{purgers}**" + doubt + ", behind {purges} purges (the "
                           "table has a row for each purger of each purge).", purgers=finding, purges=acts) + _readings(finding, "list")
    if len(left):
        text = text + _say(" Left out, their purger never removed, arrested or killed in the data: {names}.",
                           names="; ".join(left.purger + ", " + left.act + " of " + left.purged + " (" + left.date + ")"))
    return text


def purge_chains(chains: Claim) -> Caption:
    """How many chains of purges `purges.purge_chains` found, and how to read them."""
    return _say("{chains} chains of three or more officials, longest first (each link: the act, its date, and its "
                "certainty where a source does not state it plainly; time runs backwards along a chain).",
                chains=chains)


# --- 8. where the sources disagree ---------------------------------------------------------------

def _tenure_lengths(frame: pd.DataFrame, lengths: dict) -> list[Caption]:
    """Each tenure of `frame` with its length under each reading (`turnover_claims.length_claims`)."""
    out = []
    for r in frame.itertuples():
        parts = [_length(c, note, f"length-{r.position_id}-{_slug(reading)}")
                 for reading, c, note in lengths[r.position_id] if c is not None]
        out.append(_say("{holder} as {post}, ", holder=r.name, post=r.post_label) + _join(parts, ", or "))
    return out


def disagreements(c: dict, differs: pd.DataFrame, lengths: dict) -> Caption:
    """How many dates of how many holders' tenures the sources give differently, the holder with the most
    rival dates (a count, not the widest gap), the rival dates for a gap (`turnover_claims.conflict_claims`), and each differing tenure's
    length under each reading (`turnover_claims.length_claims`)."""
    text = _say("*What to see:* {dates-differ} dates of {holders-differ} holders' tenures differ between the sources",
                **{"dates-differ": c["dates"], "holders-differ": c["holders"]})
    if c["most"] is not None:
        text = text + (_say("; the holder with the most rival dates (not the widest gaps: see the lengths below) is "
                            "{most-disputed}", **{"most-disputed": c["most"]})
                       if c.get("most_tied", 1) < 2 else
                       _say("; the holders with the most rival dates, as many each (not the widest gaps: see the lengths "
                            "below), are {most-disputed}", **{"most-disputed": c["most"]}))
    gaps = c["gap_rows"]
    if len(gaps):
        text = text + _say("; {rival-gaps} of them are rival dates for a gap ({names})", **{"rival-gaps": c["gaps"]},
                           names=", ".join(sorted(set(gaps.holder + " (" + gaps.field + ")"))))
    text = text + _say(". ")
    if len(differs):
        text = text + _say("The length of a tenure under each reading: ") + _join(_tenure_lengths(differs, lengths)) + \
            _say(".")
    return text
