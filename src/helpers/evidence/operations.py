"""Counting each thing once, one rule for every chart that counts events (reports 00 and 01):

- background events (`context`: the world around the secret police) are left out;
- the sites and part-figures of one operation's mass killing that name no victim are one thing
  (`count_once`: the Katyn massacre and Blokhin's Kalinin shootings within it);
- a group killing that names its victims holds their own killings inside it (`named_victims`:
  Zakovsky's execution is one of Frinovsky's officers shot in August 1938, not a killing beside it).

`counted` applies the three; `RULE` says them in words for the captions; `things_claim` counts the
rows it gives as a claim whose SQL counts each thing once on the export (a merged row rests on all
its parts)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from ..core.checks import check_listed
from ..data.vocabulary import BACKGROUND
from . import claims
from .certainty import CERTAINTY

if TYPE_CHECKING:
    from .dataset import Dataset

#: The event types whose unnamed rows in one operation are parts of one mass killing.
MASS_KILLING_TYPES = ("massacre", "execution")
#: The roles that say who did a killing (or ordered it): a person named in a group killing in any other
#: role (not its subject either) is one of its victims.
DOER_ROLES = ("ordered_by", "organiser", "perpetrator", "accomplice")
#: The events that are a person's own killing, which a group killing naming them holds.
OWN_KILLING_TYPES = ("execution", "assassination", "massacre", "death")
#: The rule of `counted`, in words (the captions of reports 00 and 01 state it).
RULE = ("background events (`context`) are left out; the sites and parts of one operation's mass killing that "
        "name no victim count as one; a group killing that names its victims holds their own killings, "
        "which do not count again")


def count_once(events: pd.DataFrame, roles: pd.DataFrame, types=MASS_KILLING_TYPES) -> pd.DataFrame:
    """The events with each operation's mass killings of one type (`types`) that name no subject
    merged into one row.

    The sites and part-figures of one mass killing (Katyn, and Blokhin's Kalinin shootings within it)
    are one thing: they become a single row with `<operation_id>:<type>` as event_id, the hull of
    their dates, the weakest certainty, and `parts` listing the merged ids. Events naming a subject
    are never merged (one killing per victim), nor are events outside an operation, nor the other
    steps of an operation (its order, its selection, its aftermath: distinct acts).
    """
    check_listed("types", types)
    named = set(roles.event_id[roles.role == "subject"])
    out = events.assign(parts=events.event_id) if "parts" not in events else events.copy()
    if "operation_id" not in events:
        return out
    mass = out.operation_id.notna() & ~out.event_id.isin(named) & out.type.isin(list(types))
    groups = out[mass].groupby(["operation_id", "type"], sort=False)
    merged = []
    for (op, type_), part in groups:
        if len(part) == 1:
            merged.append(part)
            continue
        ordered = part.sort_values(["start", "event_id"])
        first = ordered.iloc[[0]].copy()  # a one-row frame: every column keeps its type
        first["event_id"] = f"{op}:{type_}"
        first["start"], first["end"] = part.start.min(), part.end.max()
        first["date"] = " + ".join(ordered.date)
        first["certainty"] = max(part.certainty, key=CERTAINTY.index)
        first["parts"] = ", ".join(sorted(part.event_id))
        merged.append(first)
    if not merged:
        return out
    together = pd.concat([out[~mass], *merged], ignore_index=True)
    return together.sort_values(["start", "event_id"]).reset_index(drop=True)


def parts_of(parts: str) -> list[str]:
    """The event ids a row of `count_once` or `counted` stands for (its `parts`)."""
    return str(parts).split(", ")


def named_victims(events: pd.DataFrame, roles: pd.DataFrame, types=MASS_KILLING_TYPES) -> pd.DataFrame:
    """The events with each group killing's named victims held inside it.

    A group killing is an event of `types` whose parts name no subject (Frinovsky's officers shot in
    August 1938). A person it names in a role that is neither a doer's (DOER_ROLES) nor a subject's is
    one of its victims (Zakovsky); their own killing (an event of OWN_KILLING_TYPES naming them as
    subject, whose dates lie within the group's) joins the group's row: its id is added to `parts`,
    and it is no row of its own. The group keeps its id, dates and certainty. `events` may come from
    `count_once` (with `parts`) or not."""
    check_listed("types", types)
    out = events.assign(parts=events.event_id) if "parts" not in events else events.copy()
    subjects = roles[roles.role == "subject"]
    subject_of = subjects.groupby("event_id").person_id.agg(set)
    dropped: set[str] = set()
    for i, g in out[out.type.isin(list(types))].iterrows():
        parts = parts_of(g.parts)
        if subject_of.index.isin(parts).any():
            continue  # names a subject: the killing of a person, not a group
        named = roles[roles.event_id.isin(parts) & ~roles.role.isin([*DOER_ROLES, "subject"])]
        own = out[(out.event_id != g.event_id) & out.type.isin(OWN_KILLING_TYPES) & (out.start >= g.start)
                  & (out.end <= g.end) & ~out.event_id.isin(dropped)]
        own = own[[bool(subject_of.get(e, set()) & set(named.person_id)) for e in own.event_id]]
        if len(own):
            out.at[i, "parts"] = ", ".join(sorted(parts + [p for ps in own.parts for p in parts_of(ps)]))
            dropped |= set(own.event_id)
    return out[~out.event_id.isin(dropped)].reset_index(drop=True)


def counted(events: pd.DataFrame, roles: pd.DataFrame, types=()) -> pd.DataFrame:
    """The events a chart counts, each thing once (`RULE`): every event of `types` (empty: every type
    but the background), with an operation's mass killings as one row (`count_once`) and a group
    killing's named victims inside it (`named_victims`). Each row's `parts` lists the event ids it
    stands for (its own id for a row of one event), and `sources` the sources of those events (when the
    events carry `source_id`). Sorted by start and id."""
    check_listed("types", types)
    out = named_victims(count_once(events, roles), roles)
    if "source_id" in events:
        source = dict(zip(events.event_id, events.source_id))
        out["sources"] = [", ".join(sorted({str(source.get(p)) for p in parts_of(x)})) for x in out.parts]
    keep = out.type.isin(list(types)) if len(types) else ~out.type.isin(BACKGROUND)
    return out[keep].sort_values(["start", "event_id"]).reset_index(drop=True)


def merged(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The rows of `counted` that stand for several events: row id -> the event ids it stands for."""
    if "parts" not in frame:
        return {}
    return {r.event_id: parts_of(r.parts) for r in frame.itertuples(index=False) if r.parts != r.event_id}


def all_parts(frame: pd.DataFrame) -> list[str]:
    """Every event id the rows of `frame` stand for (their parts), in the rows' order."""
    if "parts" not in frame:
        return [str(e) for e in frame.event_id]
    return [p for parts in frame.parts for p in parts_of(parts)]


def _quoted(ids: Iterable[str]) -> str:
    return ", ".join("'" + str(i).replace("'", "''") + "'" for i in ids) or "NULL"


def thing_sql(frame: pd.DataFrame) -> str:
    """An SQL expression over the events table that names the thing each event row is part of (a merged
    row's id for its parts, else the event's own id)."""
    groups = merged(frame)
    if not groups:
        return "event_id"
    cases = " ".join(f"WHEN event_id IN ({_quoted(parts)}) THEN {_quoted([thing])}" for thing, parts in groups.items())
    return f"CASE {cases} ELSE event_id END"


def things_claim(ds: Dataset, frame: pd.DataFrame, rule: str, parameters: Mapping | None = None,
                 also: Mapping[str, Iterable[str]] | None = None) -> claims.Claim:
    """How many things the rows of `frame` (from `counted`) are, as a claim resting on every event they
    stand for (and the rows of `also`); its SQL counts each thing once (a merged row's parts are one)."""
    ids = list(dict.fromkeys(all_parts(frame)))
    if not merged(frame):
        return claims.count(ds, "events", ids, rule=rule, parameters=parameters, also=also)
    sql = f"SELECT COUNT(DISTINCT {thing_sql(frame)}) FROM events WHERE event_id IN ({_quoted(ids)})"
    return claims.make(ds, len(frame), rule, sql, {"events": ids, **(also or {})}, parameters)
