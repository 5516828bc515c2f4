"""The evidence layer: the one home of what every analysis needs in order to reason from the data.

- `CERTAINTY` and `weakest` / `strongest`: the order of certainty (stated < alleged < disputed),
  as in `datapackage.json` (a test checks they agree), and the weaker or stronger of several;
- `participants`: people joined to events by role, each row carrying the weaker of the event's and
  the role's certainty;
- `acts` and `act_graph`: who acted on whom (actor → subject of the same event), one table and one
  networkx graph that the kill graph, the purger-purged table and every chain are built from;
- `overlaps`, `span_days`, `midpoint` and `age`: windows of uncertain dates — whether two may
  overlap, the shortest and longest number of days from one to the other, the one point used where
  a point is needed, and a person's age in whole years as bounds; `check_days` checks a window of
  days that a caller passes (one sentence, `ParameterError`, when it is not one);
- `count_once`: an operation's mass killings of one type that name no subject, as one row;
- `figure`, `figures_by_source`, `principal_figures` and `totals`: counts as their source gives them
  (never a bare number that reads as exact), and the tallies that are no part of another;
- `dated_claims`, `disagreements` and `readings`: every date a source gives, where the sources date
  a thing differently (the one filter of the attestations), and an interval under each source.

Keeping only stated evidence is `Dataset.stated_only()`, one switch on the data, not an argument
threaded through every function.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from .params import check

if TYPE_CHECKING:
    from .dataset import Dataset

#: Roles that make a person the one who acted on an event's subject.
ACTOR_ROLES = ("perpetrator", "organiser", "ordered_by")
#: The order of certainty, weakest last, as in datapackage.json (a test checks they agree).
CERTAINTY = ("stated", "alleged", "disputed")


def certainty_order(ds: Dataset) -> list[str]:
    """The certainty vocabulary of the events, in order from plainly stated to disputed."""
    return ds.vocabulary("events", "certainty")


def _rank(values: pd.Series) -> pd.Series:
    rank = {c: i for i, c in enumerate(CERTAINTY)}
    return values.map(rank)


def weakest(*columns: pd.Series) -> pd.Series:
    """Row by row, the weakest of several certainty columns (stated < alleged < disputed)."""
    ranks = pd.concat([_rank(c).rename(i) for i, c in enumerate(columns)], axis=1).max(axis=1)
    return ranks.map(dict(enumerate(CERTAINTY)))


def strongest(values) -> str:
    """The strongest certainty among values (the best evidence for a thing)."""
    return min(values, key=CERTAINTY.index)


# --- people and events ----------------------------------------------------------------------------

def participants(ds: Dataset, roles=("subject",), types=None, person_ids=None) -> pd.DataFrame:
    """People joined to the events they take part in: one row per (person, event, role) of `roles`,
    for events of `types` (all when None) and people of `person_ids` (all when None).

    Columns: person_id, role, role_certainty, then every column of the event, with `certainty` the
    weaker of the event's and the role's. Sorted by person, start and event.
    """
    for name, value in (("roles", roles), ("types", types), ("person_ids", person_ids)):
        _listed(name, value)
    r = ds.roles[ds.roles.role.isin(list(roles))]
    if person_ids is not None:
        r = r[r.person_id.isin(list(person_ids))]
    ev = ds.events if types is None else ds.events[ds.events.type.isin(list(types))]
    x = r.rename(columns={"certainty": "role_certainty", "note": "role_note"}).merge(ev, on="event_id")
    x["certainty"] = weakest(x.certainty, x.role_certainty)
    return x.sort_values(["person_id", "start", "event_id", "role"]).reset_index(drop=True)


def acts(ds: Dataset, types, actor_roles=ACTOR_ROLES) -> pd.DataFrame:
    """Who acted on whom: one row per (actor, subject, event) for events of `types`, where the actor
    holds one of `actor_roles` and the subject is another person. Certainty is the weakest of the
    event's and the two roles'. Columns: actor, victim, role, event_id, type, method, scope, date,
    start, end, certainty. Sorted by start, event, actor and victim."""
    _listed("types", types)
    _listed("actor_roles", actor_roles)
    subj = participants(ds, ("subject",), types)[["event_id", "person_id", "certainty"]]
    doer = ds.roles[ds.roles.role.isin(list(actor_roles))][["event_id", "person_id", "role", "certainty"]]
    ev = ds.events[ds.events.type.isin(list(types))][["event_id", "type", "method", "scope", "date", "start", "end"]]
    x = (ev.merge(subj.rename(columns={"person_id": "victim", "certainty": "c_subject"}), on="event_id")
         .merge(doer.rename(columns={"person_id": "actor", "certainty": "c_actor"}), on="event_id"))
    x = x[x.actor != x.victim].copy()
    x["certainty"] = weakest(x.c_subject, x.c_actor)
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


# --- uncertain dates -------------------------------------------------------------------------------

def check_days(first, last, names: tuple[str, str] = ("first", "last")) -> None:
    """Check a window of days passed to a helper: each bound None (open) or a pd.Timestamp, the last
    not before the first. Raises ParameterError naming the argument (`names`) otherwise, so a year
    typed where a day is wanted never turns into a day of 1970 or an empty result."""
    if first is not None:
        check(names[0], first, kind=pd.Timestamp)
    if last is not None:
        check(names[1], last, kind=pd.Timestamp, minimum=first)


def _listed(name: str, value) -> None:
    """A list-like argument given as one bare string ('subject') would be read letter by letter."""
    if isinstance(value, str):
        check(name, value, kind=list)


def overlaps(a_lo, a_hi, b_lo, b_hi):
    """Whether two windows of possible days may overlap (inclusive bounds; works on scalars and Series)."""
    return (a_lo <= b_hi) & (b_lo <= a_hi)


def span_days(a_lo, a_hi, b_lo, b_hi):
    """The shortest and longest number of days from a date known only as [a_lo, a_hi] to one known
    as [b_lo, b_hi]: (b_lo - a_hi, b_hi - a_lo). Negative when b may come first; equal for two exact
    days. Works on scalars (ints) and on Series (nullable Int64)."""
    shortest, longest = b_lo - a_hi, b_hi - a_lo
    if isinstance(shortest, pd.Series):
        return shortest.dt.days.astype("Int64"), longest.dt.days.astype("Int64")
    return shortest.days, longest.days


def full_years(lo: pd.Timestamp, hi: pd.Timestamp) -> int | None:
    """Whole years from one day to another (an age): 1891-11-19 to 1938-03-15 is 46; None if either is missing."""
    if pd.isna(lo) or pd.isna(hi):
        return None
    return hi.year - lo.year - ((hi.month, hi.day) < (lo.month, lo.day))


def age(born_lo, born_hi, at_lo, at_hi) -> tuple[int | None, int | None]:
    """The youngest and oldest a person born in [born_lo, born_hi] can have been on a day in
    [at_lo, at_hi], in whole years: (born_hi → at_lo, born_lo → at_hi). (None, None) when unknown."""
    return full_years(born_hi, at_lo), full_years(born_lo, at_hi)


def age_text(youngest: int | None, oldest: int | None) -> str:
    """'46', '45 or 46', '44 to 46'; '' when unknown."""
    if youngest is None or oldest is None:
        return ""
    if youngest == oldest:
        return str(youngest)
    return f"{youngest} or {oldest}" if oldest == youngest + 1 else f"{youngest} to {oldest}"


def midpoint(lo, hi):
    """The day halfway between two bounds, rounded down: the one point used where a point is needed."""
    mid = lo + (hi - lo) / 2
    return mid.dt.floor("D") if isinstance(mid, pd.Series) else mid.floor("D")


# --- operations ------------------------------------------------------------------------------------

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
    _listed("types", types)
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
        first = part.sort_values(["start", "event_id"]).iloc[0].copy()
        first["event_id"] = f"{op}:{type_}"
        first["start"], first["end"] = part.start.min(), part.end.max()
        first["date"] = " + ".join(part.sort_values(["start", "event_id"]).date)
        first["certainty"] = max(part.certainty, key=CERTAINTY.index)
        first["parts"] = ", ".join(sorted(part.event_id))
        merged.append(first.to_frame().T)
    if not merged:
        return out
    together = pd.concat([out[~mass], *merged], ignore_index=True)
    return together.astype({c: out[c].dtype for c in ("start", "end")}).sort_values(
        ["start", "event_id"]).reset_index(drop=True)


def figure(low, best, high, qualifier) -> str:
    """A count as the source gives it, never a bare number that reads as exact: '21,857',
    'about 12,000', 'at least 7,000', 'at most 300', 'between 5 and 6' (blank when none is given)."""
    def n(v):
        return f"{int(v):,}"
    if pd.isna(qualifier):
        return ""
    if qualifier == "exactly":
        return n(best)
    if qualifier == "about":
        return f"about {n(best)}"
    if qualifier == "at_least":
        return f"at least {n(low)}"
    if qualifier == "at_most":
        return f"at most {n(high)}"
    return f"between {n(low)} and {n(high)}" + (f" (best {n(best)})" if pd.notna(best) else "")


def principal_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """Each source's principal figures among tally-like rows (source_id, low, best, high): those it
    states as a number (a best figure, exactly or about); its bounds (at least, at most, between)
    only when it gives no such number."""
    has_best = rows.best.notna()
    return rows[has_best | ~rows.source_id.isin(set(rows.source_id[has_best]))]


def figures_by_source(rows: pd.DataFrame) -> str:
    """'about 12,000 (case-file-0121); 21,857 (reference-facts)': each source's principal figures,
    sources by id, a source's several figures joined by 'or'. Columns: source_id, low, best, high,
    qualifier."""
    parts = []
    for src, own in principal_figures(rows).groupby("source_id", sort=True):
        figs = [figure(r.low, r.best, r.high, r.qualifier) for r in own.itertuples(index=False)]
        figs = list(dict.fromkeys(f for f in figs if f))
        if figs:
            parts.append(f"{' or '.join(figs)} ({src})")
    return "; ".join(parts)


def totals(tallies: pd.DataFrame) -> pd.DataFrame:
    """The tallies that are no part of another of the same tallies (a total, not a camp's share)."""
    return tallies[~tallies.part_of.isin(set(tallies.tally_id))]


# --- where the sources disagree ---------------------------------------------------------------------

def dated_claims(ds: Dataset) -> pd.DataFrame:
    """Every date the package or a second source gives for an event's date, a tenure's start or end,
    or a person's birth.

    One row per claim: target ('event', 'position' or 'person'), target_id, field, source_id, date (EDTF),
    earliest, latest, recorded (True for the package's own row, False for an attestation),
    agrees (the attestation's flag; missing for the recorded row and for gap-filling attestations),
    attestation_id, locator, note.
    """
    e = ds.events
    rows = [pd.DataFrame({"target": "event", "target_id": e.event_id, "field": "date", "source_id": e.source_id,
                          "date": e.date, "earliest": e.start, "latest": e.end, "recorded": True,
                          "locator": e.locator})]
    p = ds.positions
    for fld in ("start", "end"):
        given = p[p[fld].notna()]
        rows.append(pd.DataFrame({"target": "position", "target_id": given.position_id, "field": fld,
                                  "source_id": given.source_id, "date": given[fld],
                                  "earliest": given[f"{fld}_earliest"], "latest": given[f"{fld}_latest"],
                                  "recorded": True, "locator": given.locator}))
    people = ds.tables.get("people")
    if people is not None and {"born", "born_source_id", "born_locator", "born_earliest"} <= set(people.columns):
        b = people[people.born.notna()]
        rows.append(pd.DataFrame({"target": "person", "target_id": b.person_id, "field": "born",
                                  "source_id": b.born_source_id, "date": b.born, "earliest": b.born_earliest,
                                  "latest": b.born_latest, "recorded": True, "locator": b.born_locator}))
    a = ds.attestations
    person = a.person_id if "person_id" in a else pd.Series(None, index=a.index, dtype=object)
    target = pd.Series("position", index=a.index).where(a.event_id.isna(), "event").where(person.isna(), "person")
    rows.append(pd.DataFrame({"target": target, "target_id": a.event_id.fillna(a.position_id).fillna(person),
                              "field": a.field,
                              "source_id": a.source_id, "date": a.date, "earliest": a.date_earliest,
                              "latest": a.date_latest, "recorded": False, "agrees": a.agrees,
                              "attestation_id": a.attestation_id, "locator": a.locator, "note": a.note}))
    out = pd.concat(rows, ignore_index=True)
    out["agrees"] = out.agrees.astype("boolean")
    return out.sort_values(["target", "target_id", "field", "recorded", "earliest", "source_id"],
                           ascending=[True, True, True, False, True, True]).reset_index(drop=True)


def disagreements(ds: Dataset) -> pd.DataFrame:
    """Where the sources date a thing differently: the one filter every report and dossier uses.

    One row per attested date that differs from the package's (`agrees` false), and per attested
    date that fills a gap the package leaves but that another attestation of the same field contradicts
    (two reference pages with different dates for an undated start). Columns: target, target_id,
    field, recorded (the package's date, or missing), recorded_by, attested, attested_by, locator,
    note, attestation_id, earliest (of the attested date). Sorted by target, id, field and date.
    """
    claims = dated_claims(ds)
    own = claims[claims.recorded]
    own_key = list(zip(own.target, own.target_id, own.field))
    own_date, own_by = dict(zip(own_key, own.date)), dict(zip(own_key, own.source_id))
    att = claims[~claims.recorded]
    differs = att.agrees == False  # noqa: E712 (nullable)
    gaps = att[att.agrees.isna()]
    rival = gaps.groupby(["target", "target_id", "field"]).date.transform("nunique") > 1
    keep = att[differs.fillna(False) | att.index.isin(rival[rival].index)]
    key = list(zip(keep.target, keep.target_id, keep.field))
    out = pd.DataFrame({
        "target": keep.target.values, "target_id": keep.target_id.values, "field": keep.field.values,
        "recorded": [own_date.get(k) for k in key], "recorded_by": [own_by.get(k) for k in key],
        "attested": keep.date.values, "attested_by": keep.source_id.values, "locator": keep.locator.values,
        "note": keep.note.values, "attestation_id": keep.attestation_id.values, "earliest": keep.earliest.values})
    return out.sort_values(["target", "target_id", "field", "earliest", "attestation_id"]).reset_index(drop=True)


def readings(ds: Dataset, ends: list[tuple[str, str, str]], claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The bounds of each end of an interval under each source that dates it.

    ends: (target, target_id, field) triples, e.g. [('event', 'artur-artuzov-arrest', 'date'),
    ('event', 'artur-artuzov-execution', 'date')]. One row per source that dates at least one end
    (the package's own reading first, then the others by id): `source` and, per end i, `date_i`,
    `earliest_i`, `latest_i` — the source's own date for that end when it gives one (the hull of
    all its dates for that end when it gives several, agreeing ones included: a page that gives both
    the package's date and another says the end lies somewhere between them), else the package's.
    A source is listed when it differs from the package or fills a gap on at least one end; a source
    that only agrees is left out. `claims`: `dated_claims(ds)`, when a caller asks for many readings.
    """
    claims = dated_claims(ds) if claims is None else claims
    mine = claims[claims.target_id.isin({end[1] for end in ends})]  # plain records: many small lookups
    by_end: dict[tuple, list] = {}
    for claim in mine.itertuples(index=False):
        by_end.setdefault((claim.target, claim.target_id, claim.field), []).append(claim)
    base, others, differing = {}, {}, set()
    for i, end in enumerate(ends):
        found = by_end.get(tuple(end), [])
        rec = [c for c in found if c.recorded]
        base[i] = (rec[0].date, rec[0].earliest, rec[0].latest) if rec else (None, pd.NaT, pd.NaT)
        for src in sorted({c.source_id for c in found if not c.recorded}):
            own = [c for c in found if not c.recorded and c.source_id == src]
            others.setdefault(src, {})[i] = (" or ".join(dict.fromkeys(c.date for c in own)),
                                             min(c.earliest for c in own), max(c.latest for c in own))
            if not all(pd.notna(c.agrees) and bool(c.agrees) for c in own):  # differs, or fills a gap
                differing.add(src)
    sources = [("package", {})] + sorted((s, d) for s, d in others.items() if s in differing)
    rows = []
    for src, mine in sources:
        row = {"source": src}
        for i in range(len(ends)):
            row[f"date_{i}"], row[f"earliest_{i}"], row[f"latest_{i}"] = mine.get(i, base[i])
        rows.append(row)
    return pd.DataFrame(rows)
