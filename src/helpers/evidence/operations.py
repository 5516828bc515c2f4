"""Counting an operation once: the sites and part-figures of one mass killing are one thing."""
from __future__ import annotations

import pandas as pd

from ..core.checks import check_listed
from .certainty import CERTAINTY

#: The event types whose unnamed rows in one operation are parts of one mass killing.
MASS_KILLING_TYPES = ("massacre", "execution")


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
    out = events.assign(parts=events.event_id)
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


