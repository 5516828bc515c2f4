"""Purges of the organs: who of the officials removed, arrested or had killed another official, only to
be removed, arrested or killed in his turn (`purger_purged`, the finding `purged_purgers`), and the
chains of such purges (`purge_chains`); each number the report states is a claim
(`helpers.evidence.claims`). Acts are read from `evidence.acts`, with their certainty; a killing another
account denies is disputed (`evidence.denied_killings_disputed`), for the act and for the purger's own
fall alike. Used by `notebooks/02-leadership-turnover.ipynb`; the falls themselves are
`helpers.analyses.falls`. A wrong option raises `ParameterError` with one sentence.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check, check_days, check_person_ids
from ..data.dataset import memoised
from ..evidence import Dataset, claims
from ..evidence.claims import Claim, Interval
from ..evidence.people import organs
from .falls import _tenures
from .turnover import listed
from .turnover_claims import count_of

#: Events that remove a person, and the roles that make someone the remover.
REMOVALS = ("arrest", "dismissal", "demotion")
PURGER_ROLES = evidence.ACTOR_ROLES
#: Events that kill a person: an official who ordered, organised or carried out the killing of another
#: purged him as surely as one who had him arrested (Frinovsky had Zakovsky shot; Zakovsky seized Slutsky).
KILLINGS = ("execution", "assassination", "death")
#: How a purger fell in his turn: removed, arrested, or killed.
FALLS = REMOVALS + ("execution", "assassination")
#: The side of the people who work for the organs (with anyone who held a post in them: `officials`).
OFFICIAL_SIDE = "apparatus"


# --- purgers purged ------------------------------------------------------------------------------

def officials(ds: Dataset) -> set[str]:
    """The officials of the organs: people of the `apparatus` side, and anyone who held a post in an
    organisation of the organs (`organs`) at any time."""
    held = ds.positions.person_id[ds.positions.org_id.isin(organs(ds.organisations))]
    return set(ds.people.person_id[ds.people.side == OFFICIAL_SIDE]) | set(held)


@memoised
def _acts(ds: Dataset, types, among_officials: bool) -> pd.DataFrame:
    """`evidence.acts` on `types` with the PURGER_ROLES, named; among_officials: only acts where both
    the actor and the subject are officials of the organs (`officials`)."""
    x = evidence.acts(ds, types, PURGER_ROLES).rename(columns={"actor": "purger_id", "victim": "purged_id"})
    if among_officials:
        inside = officials(ds)
        x = x[x.purger_id.isin(inside) & x.purged_id.isin(inside)]
    names = ds.people.set_index("person_id").name
    x = x.assign(purger=x.purger_id.map(names), purged=x.purged_id.map(names))
    cols = ["purger_id", "purger", "role", "purged_id", "purged", "event_id", "type", "date", "start", "end", "certainty"]
    return x[cols].sort_values(["start", "purger_id", "event_id"]).reset_index(drop=True)


def removals(ds: Dataset, among_officials: bool = False) -> pd.DataFrame:
    """Who removed or arrested whom (`evidence.acts` on REMOVALS): one row per removal event with a
    subject and each person in a PURGER_ROLES role. among_officials: only acts where both the remover
    and the removed are officials of the organs (`officials`). Columns: purger_id, purger, role,
    purged_id, purged, event_id, type, date, start, end, certainty (the weakest of the event's and the
    two roles')."""
    check("among_officials", among_officials, kind=bool)
    return _acts(ds, REMOVALS, among_officials)


def purges(ds: Dataset) -> pd.DataFrame:
    """The purges of the organs: every removal, arrest or killing (REMOVALS, KILLINGS) of an official
    of the organs that another official ordered, organised or carried out (the columns of `removals`).
    The capture of the organs' enemies is no purge: both must be officials (`officials`)."""
    return _acts(ds, REMOVALS + KILLINGS, among_officials=True)


def _kept(purger: pd.Series, purged: pd.Series, first: pd.Series, last: pd.Series, person_ids, start, end) -> pd.Series:
    """Which purges to keep: with one of `person_ids` on either side, and dated so they may fall in the window."""
    keep = purger.isin(set(person_ids)) | purged.isin(set(person_ids)) if person_ids is not None else \
        pd.Series(True, index=purger.index)
    if start is not None:
        keep &= last >= pd.Timestamp(start)
    if end is not None:
        keep &= first <= pd.Timestamp(end)
    return keep


@memoised
def _purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """`purger_purged` with the ids behind each row: _purger_id, _purged_id, _event (the act), _role,
    _fall (the purger's own fall) and _fall_certainty."""
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    check_days(start, end, names=("start", "end"))
    every = _acts(ds, FALLS, False)
    own = evidence.denied_killings_disputed(ds, evidence.participants(ds, ("subject",), FALLS))  # Slutsky's fall
    by = every.assign(who=every.purger + np.where(every.certainty == "stated", "", " (" + every.certainty + ")"))
    by = by.groupby("event_id").who.agg(lambda s: ", ".join(sorted(set(s))))
    rows = []
    for r in purges(ds).itertuples():
        later = own[(own.person_id == r.purger_id) & (own.end > r.start) & (own.event_id != r.event_id)]
        if not len(later):
            continue
        fall = later.iloc[0]
        lo, hi = evidence.span_days(r.start, r.end, fall.start, fall.end)
        rows.append({"purger": r.purger, "act": f"{r.type} ({r.role.replace('_', ' ')})", "purged": r.purged,
                     "date": r.date, "certainty": r.certainty, "purger_fell": fall.type, "fell_date": fall.date,
                     "fell_by": by.get(fall.event_id, "—"), "lag_min": lo, "lag_max": hi, "_purger_id": r.purger_id,
                     "_purged_id": r.purged_id, "_start": r.start, "_end": r.end, "_event": r.event_id, "_role": r.role,
                     "_fall": fall.event_id, "_fall_certainty": fall.certainty})
    out = pd.DataFrame(rows, columns=PURGED_COLUMNS + ["_purger_id", "_purged_id", "_start", "_end", "_event", "_role",
                                                       "_fall", "_fall_certainty"])
    out = out[_kept(out._purger_id, out._purged_id, out._start, out._end, person_ids, start, end)]
    out = out.sort_values(["_start", "purger", "_event"])
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    return out.reset_index(drop=True)


PURGED_COLUMNS = ["purger", "act", "purged", "date", "certainty", "purger_fell", "fell_date", "fell_by", "lag_min",
                  "lag_max"]


def purger_purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """Purgers purged: each purge (`purges`: a removal, arrest or killing of an official of the organs
    that another official ordered, organised or carried out) whose purger was himself removed, arrested
    or killed later (FALLS), with his own fall, who brought it about (anyone) and the lag in days
    (bounds, `evidence.span_days`).

    person_ids: keep the rows where the purger or the purged is one of them; start/end: keep acts whose
    date may fall in that window. Columns: purger, act (its type and the purger's role), purged, date,
    certainty, purger_fell (type of his own fall), fell_date, fell_by, lag_min, lag_max. In order of the
    act's date."""
    return _purged(ds, person_ids, start, end)[PURGED_COLUMNS]


def purgers(purged: pd.DataFrame) -> pd.DataFrame:
    """The officials behind the purges of `purger_purged`, one row each, in the order of their first."""
    return purged.drop_duplicates("purger")


PURGERS_RULE = ("Officials of the organs who removed, arrested, ordered or carried out the killing of another official "
                "(the actor roles: ordered by, organiser, perpetrator) and were later removed, arrested or killed "
                "themselves; plainly when an act and the fall after it are stated, and no account says either, "
                "if a killing, was none")


def purgers_claim(ds: Dataset, purged: pd.DataFrame, parameters=None) -> Claim:
    """How many officials purged another and fell in their turn (`_purged`'s rows) as an Interval: from
    those with an act and a later fall both stated to all of them. Its text gives the count and the
    names, in the order of their first act, those only on doubt marked. The query checks each act's and
    fall's certainty, and that no unofficial account says a killing, the act or the fall, was none
    (`evidence.denied_killings_disputed`)."""
    sure = purged[(purged.certainty == "stated") & (purged._fall_certainty == "stated")]
    low, high, firm = sure._purger_id.nunique(), purged._purger_id.nunique(), set(sure._purger_id)
    names = ", ".join(dict.fromkeys(n if p in firm else f"{n} (on doubt)" for n, p in zip(purged.purger, purged._purger_id)))
    parts = [f"SELECT '{r.purger_id}' AS purger, (SELECT MIN(certainty = 'stated' AND role_certainty = 'stated') FROM "
             f"event_people WHERE (event_id = '{r.event}' AND ((person_id = '{r.purger_id}' AND role = '{r.role}') OR "
             f"(person_id = '{r.purged_id}' AND role = 'subject'))) OR (event_id = '{r.fall}' AND person_id = "
             f"'{r.purger_id}' AND role = 'subject')) AND NOT EXISTS (SELECT 1 FROM accounts a JOIN events e ON "
             f"e.event_id = a.event_id WHERE a.event_id IN ('{r.event}', '{r.fall}') AND e.type IN "
             f"{evidence.KILLING_TYPES} AND a.kind <> 'official' AND a.claim <> 'killing') AS ok"
             for r in purged.rename(columns=lambda c: c.lstrip("_")).itertuples()]
    sql = ("SELECT COUNT(DISTINCT CASE WHEN ok THEN purger END) AS low, COUNT(DISTINCT purger) AS high FROM ("
           + " UNION ALL ".join(parts) + ")") if parts else "SELECT 0 AS low, 0 AS high"
    roles = [f"{e} | {p} | {role}" for e, p, role in zip(purged._event, purged._purger_id, purged._role)] + [
        f"{e} | {p} | subject" for e, p in [*zip(purged._event, purged._purged_id), *zip(purged._fall, purged._purger_id)]]
    text = (str(high) if low == high else f"between {low} and {high}") + (f" ({names})" if names else "")
    return claims.make(ds, Interval(low, high), PURGERS_RULE, sql, {
        "people": list(dict.fromkeys(purged._purger_id)), "events": [*purged._event, *purged._fall], "roles": roles},
        parameters, text)


def unpurged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """The purges the rule of `purger_purged` leaves out, with the same filters: those whose purger the data
    never shows removed, arrested or killed after them. Columns: purger, act, purged, date, certainty."""
    acts, kept = purges(ds), set(zip(*[_purged(ds, person_ids, start, end)[c] for c in ("_event", "_purger_id")]))
    acts = acts[_kept(acts.purger_id, acts.purged_id, acts.start, acts.end, person_ids, start, end)]
    out = acts[[(e, p) not in kept for e, p in zip(acts.event_id, acts.purger_id)]]
    return out.assign(act=out.type + " (" + out.role.str.replace("_", " ") + ")")[
        ["purger", "act", "purged", "date", "certainty"]].reset_index(drop=True)


def purge_acts(ds: Dataset, person_ids=None, start=None, end=None) -> Claim:
    """How many purges (their events) stand behind the rows of `purger_purged`."""
    return count_of(ds, "events", list(dict.fromkeys(_purged(ds, person_ids, start, end)._event)),
                    "Purges (removals, arrests, killings of an official by officials) whose purger fell in his turn")


@memoised
def purged_purgers(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True) -> Claim:
    """The finding of "Purgers purged": the officials who purged another official (`purges`) and fell in
    their turn, among the acts in the window with a holder of the posts shown on either side
    (`purgers_claim`). Pure: a Dataset in, a Claim out."""
    shown = _tenures(ds, list(posts), start, end, include_acting=include_acting)
    return purgers_claim(ds, _purged(ds, list(dict.fromkeys(shown.person_id)), start, end),
                         {"posts": list(posts), "start": start, "end": end, "include_acting": include_acting})


def _chains(ds: Dataset, person_ids=None) -> list[tuple[str, int, list[str]]]:
    """The maximal chains of `purge_chains` as (text, people, the event of each link)."""
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    acts = purges(ds).rename(columns={"purger_id": "actor", "purged_id": "victim"})
    names = ds.people.set_index("person_id").name
    graph = evidence.act_graph(acts, names)
    first = acts.drop_duplicates(["actor", "victim"]).set_index(["actor", "victim"])
    paths = []

    def walk(path, last_end):
        nxt = [v for v in sorted(graph.successors(path[-1])) if v not in path
               and (last_end is None or first.loc[(path[-1], v), "start"] <= last_end)]
        if not nxt and len(path) >= 3:
            paths.append(tuple(path))
        for v in nxt:
            walk(path + [v], first.loc[(path[-1], v), "end"])

    for head in sorted(graph.nodes):
        walk([head], None)
    out = []
    for path in paths:
        inner = any(path != q and any(q[i:i + len(path)] == path for i in range(len(q) - len(path) + 1)) for q in paths)
        if inner or (person_ids is not None and not set(path) & set(person_ids)):
            continue
        links = [first.loc[(a, b)] for a, b in zip(path, path[1:])]
        text = graph.nodes[path[0]]["name"] + "".join(
            f" —{e.type} {e.date}{'' if e.certainty == 'stated' else f' ({e.certainty})'}→ {graph.nodes[v]['name']}"
            for e, v in zip(links, path[1:]))
        if text not in [t for t, _, _ in out]:
            out.append((text, len(path), [e.event_id for e in links]))
    return sorted(out, key=lambda c: (-c[1], c[0]))


def purge_chains(ds: Dataset, person_ids=None) -> pd.DataFrame:
    """Chains of purges A -> B -> C ...: A purged B after B had purged C, every link a purge among
    officials of the organs (`purges`: a removal, an arrest or a killing), time running backwards along
    the chain (each link's act begins no later than the previous link's ends).

    Built on `evidence.act_graph`; each link is the pair's first act. Only maximal chains of three
    people or more (not part of a longer one), and with person_ids only those that pass through one of
    them. Columns: chain (names with the act and its date on each link, and its certainty where it is
    not stated), people. Longest first, then alphabetical.
    """
    return pd.DataFrame([(t, n) for t, n, _ in _chains(ds, person_ids)], columns=["chain", "people"])


def chains_claim(ds: Dataset, person_ids=None) -> Claim:
    """How many chains `purge_chains` finds, as a claim on the events of their links; its query counts
    the chains whose every link's event is in the data."""
    chains = _chains(ds, person_ids)
    parts = [f"SELECT (SELECT COUNT(*) FROM events WHERE event_id IN {listed(ev)}) = {len(set(ev))} AS whole"
             for _, _, ev in chains]
    sql = f"SELECT COALESCE(SUM(whole), 0) FROM ({' UNION ALL '.join(parts)})" if parts else "SELECT 0"
    return claims.make(ds, len(chains), "Maximal chains of three officials or more, each purging the next, time "
                       "running backwards along the chain", sql, {"events": [e for _, _, ev in chains for e in ev]})
