"""People, organisations and the events between them: people joined to the events they take part in
(`participants`), who acted on whom (`acts`, `act_graph`), who killed by the data's evidence
(`killers`), who acts for the Soviet state (`soviet_actors`), and which organisations are the organs
(`organs`). Each row carries the weaker of the certainties it rests on."""
from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from ..core.checks import check_listed
from .certainty import no_killing_accounts, strongest, weakest

if TYPE_CHECKING:
    from .dataset import Dataset

#: Roles that make a person the one who acted on an event's subject (the killer of a `death`).
ACTOR_ROLES = ("perpetrator", "organiser", "ordered_by")
#: Countries of the Soviet state: an organisation there is on the Soviet side.
SOVIET_COUNTRIES = ("USSR", "Soviet Russia")
#: Sides of people who act for the Soviet state.
SOVIET_SIDES = ("apparatus", "party")
#: Kinds of organisation that are the organs themselves; `organs` adds what sits under them.
ORGAN_KINDS = ("secret_police", "regional_branch", "laboratory")


def organs(organisations: pd.DataFrame) -> list[str]:
    """The org_ids of the organs, sorted: organisations of ORGAN_KINDS, the commissariats that housed
    the secret police (the NKVD over the GUGB), and everything placed under these by parent_id. The
    commissariats the demoted were moved to, and the Comintern's departments, are not among them."""
    inside = set(organisations.org_id[organisations.kind.isin(ORGAN_KINDS)])
    inside |= set(organisations.parent_id[organisations.kind == "secret_police"].dropna())
    while True:
        below = set(organisations.org_id[organisations.parent_id.isin(inside)]) - inside
        if not below:
            return sorted(inside)
        inside |= below


def soviet_actors(people: pd.DataFrame, organisations: pd.DataFrame) -> set[str]:
    """The ids of the people (sides apparatus and party) and organisations (in the USSR or Soviet
    Russia, not émigré or opposition groups) who act for the Soviet state."""
    orgs = organisations[organisations.country.isin(SOVIET_COUNTRIES)
                         & ~organisations.kind.isin(("emigre_group", "opposition_group"))]
    return set(people.person_id[people.side.isin(SOVIET_SIDES)]) | set(orgs.org_id)


def killers(ds: Dataset) -> pd.DataFrame:
    """Who killed, by the data's evidence: one row per (event, doer) from the roles (perpetrator,
    organiser, ordered_by: persons), the organisations' roles, and the accounts that claim a killing
    (their named person or organisation, or none). Columns: event_id, doer (id or missing), by
    ('role', 'org_role' or 'account'), method (an account's), certainty."""
    r = ds.roles[ds.roles.role.isin(ACTOR_ROLES)]
    parts = [pd.DataFrame({"event_id": r.event_id, "doer": r.person_id, "by": "role", "method": None,
                           "certainty": r.certainty})]
    org = ds.tables.get("org_roles")
    if org is not None:
        o = org[org.role.isin(ACTOR_ROLES)]
        parts.append(pd.DataFrame({"event_id": o.event_id, "doer": o.org_id, "by": "org_role", "method": None,
                                   "certainty": o.certainty}))
    acc = ds.tables.get("accounts")
    if acc is not None:
        a = acc[acc.claim == "killing"]
        parts.append(pd.DataFrame({"event_id": a.event_id, "doer": a.perpetrator_id.fillna(a.perpetrator_org_id),
                                   "by": "account", "method": a.method, "certainty": a.certainty}))
    return pd.concat(parts, ignore_index=True)




def participants(ds: Dataset, roles=("subject",), types=None, person_ids=None) -> pd.DataFrame:
    """People joined to the events they take part in: one row per (person, event, role) of `roles`,
    for events of `types` (all when None) and people of `person_ids` (all when None).

    Columns: person_id, role, role_certainty, then every column of the event, with `certainty` the
    weaker of the event's and the role's. Sorted by person, start and event.
    """
    for name, value in (("roles", roles), ("types", types), ("person_ids", person_ids)):
        check_listed(name, value)
    r = ds.roles[ds.roles.role.isin(list(roles))]
    if person_ids is not None:
        r = r[r.person_id.isin(list(person_ids))]
    ev = ds.events if types is None else ds.events[ds.events.type.isin(list(types))]
    x = r.rename(columns={"certainty": "role_certainty", "note": "role_note"}).merge(ev, on="event_id")
    x["certainty"] = weakest(x.certainty, x.role_certainty)
    return x.sort_values(["person_id", "start", "event_id", "role"]).reset_index(drop=True)


#: The event types that state a killing (a `death` event states only a death).
KILLING_TYPES = ("execution", "assassination")


def denied_killings_disputed(ds: Dataset, x: pd.DataFrame) -> pd.DataFrame:
    """`x` (rows with an event's event_id, type and a certainty) with the certainty of each execution or
    assassination that an unofficial account says was no killing (`no_killing_accounts`: Slutsky's heart
    failure) at most disputed: whoever did it, or suffered it, the killing itself is in doubt."""
    if "accounts" not in ds.tables:
        return x
    doubted = x.type.isin(KILLING_TYPES) & x.event_id.isin(set(no_killing_accounts(ds.accounts).event_id))
    if not doubted.any():
        return x
    x = x.copy()
    x.loc[doubted, "certainty"] = weakest(x.certainty[doubted], pd.Series("disputed", index=x.index[doubted]))
    return x


def acts(ds: Dataset, types, actor_roles=ACTOR_ROLES) -> pd.DataFrame:
    """Who acted on whom: one row per (actor, subject, event) for events of `types`, where the actor
    holds one of `actor_roles` and the subject is another person. Certainty is the weakest of the
    event's and the two roles', and for an execution or an assassination at most disputed where an
    unofficial account says the death was no killing (`no_killing_accounts`). Columns: actor, victim, role, event_id, type, method, scope, date,
    start, end, certainty. Sorted by start, event, actor and victim."""
    check_listed("types", types)
    check_listed("actor_roles", actor_roles)
    subj = participants(ds, ("subject",), types)[["event_id", "person_id", "certainty"]]
    doer = ds.roles[ds.roles.role.isin(list(actor_roles))][["event_id", "person_id", "role", "certainty"]]
    ev = ds.events[ds.events.type.isin(list(types))][["event_id", "type", "method", "scope", "date", "start", "end"]]
    x = (ev.merge(subj.rename(columns={"person_id": "victim", "certainty": "c_subject"}), on="event_id")
         .merge(doer.rename(columns={"person_id": "actor", "certainty": "c_actor"}), on="event_id"))
    x = x[x.actor != x.victim].copy()
    x["certainty"] = weakest(x.c_subject, x.c_actor)
    x = denied_killings_disputed(ds, x)
    cols = ["actor", "victim", "role", "event_id", "type", "method", "scope", "date", "start", "end", "certainty"]
    return x.sort_values(["start", "event_id", "actor", "victim"])[cols].reset_index(drop=True)


def act_graph(table: pd.DataFrame, names: pd.Series | None = None) -> nx.DiGraph:
    """A DiGraph of `acts`: one edge per actor → victim pair, carrying its events, roles, earliest
    start and strongest certainty; nodes carry `name` when `names` (person_id → name) is given."""
    graph = nx.DiGraph()
    for pid in sorted(set(table.actor) | set(table.victim)):
        graph.add_node(pid, **({"name": names[pid]} if names is not None else {}))
    for (actor, victim), part in table.groupby(["actor", "victim"], sort=True):
        graph.add_edge(actor, victim, events=sorted(set(part.event_id)), roles=sorted(set(part.role)),
                       start=part.start.min(), certainty=strongest(part.certainty))
    return graph


