"""The project's own rules on the typed tables, beyond the Table Schema's: aliases that name one
person and names that tell people apart, nobody acting after their death, tenures of one post that do
not overlap, attestations with one target and an `agrees` true to their dates, births, counts and
their qualifiers, totals whose parts fit and no cycle in a total's parts or an organisation's lineage,
operations, journeys, places of events abroad, ties between two people. Each returns problems and
never raises; `validate.check` runs them when their tables and columns are there."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..core import dates
from ..core.errors import Problem
from ..core.names import normalise
from .vocabulary import DEATH_EVENT_TYPES, LIVING_ROLES, POSTHUMOUS_TYPES


def alias_rules(people: pd.DataFrame, aliases: pd.DataFrame) -> Iterator[Problem]:
    """No spelling may name two people, and no two people share a name (every link to a dossier would
    go to one of them)."""
    owners: dict[str, set[str]] = {}
    first: dict[str, tuple[str, int]] = {}
    for line, pid, name in zip(people.index, people.person_id, people.name):
        key = normalise(name)
        owners.setdefault(key, set()).add(pid)
        if key in first and first[key][0] != pid:
            yield Problem("people.csv", line, "name", f"{name!r} is also the name of {first[key][0]} (line {first[key][1]}); "
                          "give each a name a reader can tell apart (a patronymic, or a qualifier in brackets)")
        first.setdefault(key, (pid, line))
    for line, pid, alias in zip(aliases.index, aliases.person_id, aliases.alias):
        others = owners.get(normalise(alias), set()) - {pid}
        if others:
            yield Problem("aliases.csv", line, "alias", f"{alias!r} also names {', '.join(sorted(others))}")
    seen: dict[str, tuple[str, int]] = {}
    for line, pid, alias in zip(aliases.index, aliases.person_id, aliases.alias):
        key = normalise(alias)
        if key in seen and seen[key][0] != pid:
            yield Problem("aliases.csv", line, "alias", f"{alias!r} is already an alias of {seen[key][0]} (line {seen[key][1]})")
        seen.setdefault(key, (pid, line))


def life_rules(events: pd.DataFrame, roles: pd.DataFrame) -> Iterator[Problem]:
    """Nobody dies twice; nobody undergoes, carries out, organises or orders an event (LIVING_ROLES)
    that begins after their death (a posthumous trial or the finding of a body aside)."""
    joined = roles.reset_index().merge(events[["event_id", "type", "start", "end", "date"]], on="event_id")
    deaths = joined[(joined.role == "subject") & joined.type.isin(DEATH_EVENT_TYPES)].sort_values("start")
    died: dict[str, tuple] = {}
    for row in deaths[["line", "person_id", "event_id", "end", "date"]].itertuples(index=False):
        if row.person_id in died:
            first = died[row.person_id]
            yield Problem("roles.csv", row.line, "person_id",
                          f"{row.person_id} dies twice: in {first.event_id} and in {row.event_id}")
        else:
            died[row.person_id] = row
    if not died:
        return
    acting = joined[joined.role.isin(LIVING_ROLES) & ~joined.type.isin(POSTHUMOUS_TYPES)]
    # Vectorised: each role beside its person's death; only the roles after it are walked.
    death_event = acting.person_id.map({p: d.event_id for p, d in died.items()})
    death_end = pd.to_datetime(acting.person_id.map({p: d.end for p, d in died.items()}))
    late = acting[death_event.notna() & (acting.event_id != death_event) & (acting.start > death_end)]
    for row in late[["line", "person_id", "role", "event_id", "date"]].itertuples(index=False):
        death = died[row.person_id]
        yield Problem("roles.csv", row.line, "person_id",
                      f"{row.person_id} is {row.role} of {row.event_id} ({row.date}) after their death in {death.event_id} ({death.date})")


def _true(value) -> bool:
    return bool(pd.notna(value) and value)


def tenure_rules(positions: pd.DataFrame, disputed: set[str]) -> Iterator[Problem]:
    """Two tenures of one post may not surely overlap unless one is acting or a source conflict is
    recorded for one of them (`disputed`: position_ids with an attestation that `attested.differing` marks)."""
    p = positions.dropna(subset=["start_earliest"]).copy()
    p["end_floor"] = p.end_earliest.fillna(p.start_latest)
    p = p.sort_values(["post", "start_earliest"], kind="mergesort")
    groups: dict[str, list] = {}
    for row in p.itertuples():  # one pass over plain records, grouped by post in start order
        groups.setdefault(row.post, []).append(row)
    for rows in groups.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if _true(a.acting) or _true(b.acting) or {a.position_id, b.position_id} & disputed:
                    continue
                if b.start_latest < a.end_floor:
                    yield Problem("positions.csv", b.Index, "start",
                                  f"tenure {b.position_id} ({b.start}) overlaps {a.position_id} ({a.start}–{a.end or ''}) "
                                  "of the same post; mark one acting or record the conflict in attestations.csv")


class _Row(dict):
    """A record read by key or by attribute (a plain dict row is much cheaper than a pandas Series)."""

    __getattr__ = dict.__getitem__


#: What an attestation may date: its target column, and the fields of that target.
ATTESTED = {"event_id": ("date",), "position_id": ("start", "end"), "person_id": ("born",)}


def agrees(recorded: str, attested: str) -> bool:
    """Whether two dates agree at the precision of the coarser one: the finer lies inside the coarser
    (1938-03-15 and 1938 agree; 1937-05-21 and 1937-08-21 do not). A date that cannot be read agrees
    with nothing (it is reported as a date problem)."""
    try:
        a, b = dates.parse(recorded), dates.parse(attested)
    except dates.DateError:
        return True
    return (a.earliest <= b.earliest and b.latest <= a.latest) or (b.earliest <= a.earliest and a.latest <= b.latest)


def attestation_rules(attestations: pd.DataFrame, events: pd.DataFrame | None, positions: pd.DataFrame | None,
                      people: pd.DataFrame | None) -> Iterator[Problem]:
    """One target per attestation (an event, a tenure or a person), a field that target has, and
    `agrees` given exactly when the target has a date to agree with."""
    recorded = {}
    for table, key, fields in ((events, "event_id", ("date",)), (positions, "position_id", ("start", "end")),
                               (people, "person_id", ("born",))):
        if table is not None and all(f in table for f in (key, *fields)):
            for fld in fields:
                recorded.update({(key, fld, i): d for i, d in zip(table[key], table[fld])})
    targets = [c for c in ATTESTED if c in attestations]
    for line, a in zip(attestations.index, attestations.to_dict("records")):
        a = _Row(a)
        given = [c for c in targets if pd.notna(a[c])]
        if len(given) != 1:
            yield Problem("attestations.csv", line, "event_id", "give exactly one of event_id, position_id and person_id")
            continue
        target = given[0]
        if a.field not in ATTESTED[target]:
            what = {"event_id": "an event", "position_id": "a tenure", "person_id": "a person"}[target]
            yield Problem("attestations.csv", line, "field",
                          f"{what} has {' or '.join(ATTESTED[target])}, not {a.field}")
            continue
        key = (target, a.field, a[target])
        if key not in recorded:
            continue  # an unknown id is a key problem
        has_date = pd.notna(recorded[key])
        if has_date and pd.notna(a.agrees) and bool(a.agrees) != agrees(recorded[key], a.date):
            yield Problem("attestations.csv", line, "agrees",
                          f"says {str(bool(a.agrees)).lower()}, but {a.date} and the package's {recorded[key]} "
                          f"{'agree' if not a.agrees else 'differ'} (the finer date lies {'inside' if not a.agrees else 'outside'} "
                          "the coarser one)")
        if has_date and pd.isna(a.agrees):
            yield Problem("attestations.csv", line, "agrees",
                          f"is empty, but the package dates this {a.field} ({recorded[key]}); say true or false")
        elif not has_date and pd.notna(a.agrees):
            yield Problem("attestations.csv", line, "agrees",
                          f"must be empty: the package gives no {a.field} to agree with (this date fills the gap)")


def birth_rules(people: pd.DataFrame, events: pd.DataFrame | None, roles: pd.DataFrame | None) -> Iterator[Problem]:
    """A birth date comes with its source and locator (and they with it); nobody acts before birth."""
    if "born" not in people:
        return
    given = people[["born", "born_source_id", "born_locator"]].notna()
    for line in people.index[given.any(axis=1) & ~given.all(axis=1)]:
        for k in (k for k in given.columns if not given.at[line, k]):
            yield Problem("people.csv", line, k, "is required when any of born, born_source_id, born_locator is given")
    if events is None or roles is None:
        return
    born = people.set_index("person_id").born_latest.dropna()
    joined = roles.reset_index().merge(events[["event_id", "end", "date"]], on="event_id")
    joined = joined[joined.person_id.isin(born.index)]
    before = joined[joined.end < joined.person_id.map(born)]
    for _, row in before.iterrows():
        yield Problem("roles.csv", row.line, "person_id",
                      f"{row.person_id} is {row.role} of {row.event_id} ({row.date}) before their birth "
                      f"({people.set_index('person_id').at[row.person_id, 'born']})")


#: What each qualifier of a count needs: the figures it must give, and those it must leave empty.
QUALIFIER_NEEDS = {"exactly": ({"best"}, {"low", "high"}), "about": ({"best"}, set()),
                   "at_least": ({"low"}, {"high"}), "at_most": ({"high"}, {"low"}),
                   "between": ({"low", "high"}, set())}


def count_rules(file: str, table: pd.DataFrame, prefix: str = "") -> Iterator[Problem]:
    """A count (low / best / high with a qualifier) gives what its qualifier needs, in order."""
    cols = {k: f"{prefix}{k}" for k in ("low", "best", "high", "qualifier")}
    if not all(c in table for c in cols.values()):
        return
    counted = table[list(cols.values())]
    counted = counted[counted.notna().any(axis=1)]  # most events give no count at all
    for line, r in zip(counted.index, counted.to_dict("records")):
        given = {k for k in ("low", "best", "high") if pd.notna(r[cols[k]])}
        q = r[cols["qualifier"]]
        if pd.isna(q):
            if given:
                yield Problem(file, line, cols["qualifier"], "is empty; say how the source gives the figure "
                              "(exactly, about, at_least, at_most or between)")
            continue
        need, forbid = QUALIFIER_NEEDS.get(q, (set(), set()))
        for k in sorted(need - given):
            yield Problem(file, line, cols[k], f"is required when {cols['qualifier']} is {q}")
        for k in sorted(forbid & given):
            yield Problem(file, line, cols[k], f"must be empty when {cols['qualifier']} is {q}")
        values = [(k, r[cols[k]]) for k in ("low", "best", "high") if k in given]
        for (a, x), (b, y) in zip(values, values[1:]):
            if y < x:
                yield Problem(file, line, cols[b], f"{y:,} is below {cols[a]} {x:,}")
        if q == "between" and {"low", "high"} <= given and r[cols["low"]] == r[cols["high"]]:
            yield Problem(file, line, cols["high"], f"equals {cols['low']}; a range needs two figures (or say exactly)")


def tally_rules(tallies: pd.DataFrame) -> Iterator[Problem]:
    """The parts of a total stated exactly add up to no more than it."""
    whole = tallies.set_index("tally_id")
    parts = tallies.dropna(subset=["part_of"])
    for total_id, own in parts.groupby("part_of"):
        if total_id not in whole.index or whole.at[total_id, "qualifier"] != "exactly" \
                or pd.isna(whole.at[total_id, "best"]):
            continue  # no exact total to compare with (a missing figure is reported by count_rules)
        exact = own[own.qualifier == "exactly"]
        if exact.best.sum() > whole.at[total_id, "best"]:
            yield Problem("tallies.csv", int(exact.index.max()), "best",
                          f"the parts of {total_id} add up to {int(exact.best.sum()):,}, more than its {int(whole.at[total_id, 'best']):,}")


def _cycles(links: dict[str, str]) -> list[list[str]]:
    """The cycles of a graph where each id points to at most one other (a part to its total, an
    organisation to its parent): each once, as the ids in order, starting from the smallest."""
    found, done = [], set()
    for start in sorted(links):
        path, seen = [], {}
        node = start
        while node in links and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = links[node]
        if node in seen:
            cycle = path[seen[node]:]
            at = cycle.index(min(cycle))
            found.append(cycle[at:] + cycle[:at])
        done |= set(path)
    return found


def cycle_rules(file: str, table: pd.DataFrame, key: str, columns: tuple[str, ...]) -> Iterator[Problem]:
    """No row is, through `column`, its own total or its own ancestor: a tally part of itself (or of
    a part of itself) would vanish from every total; an organisation its own parent or predecessor
    would loop every lineage."""
    for column in columns:
        if column not in table:
            continue
        given = table[table[column].notna()]
        links = dict(zip(given[key], given[column]))
        lines = dict(zip(given[key], given.index))
        for cycle in _cycles(links):
            shown = " → ".join(cycle + [cycle[0]])
            yield Problem(file, int(lines[cycle[0]]), column, f"makes a cycle ({shown}): nothing can be part or "
                          "parent of itself")


def operation_rules(events: pd.DataFrame, operations: pd.DataFrame) -> Iterator[Problem]:
    """An event of an operation falls within the operation's dates (their spans overlap)."""
    ops = {o.operation_id: o for o in operations.itertuples()}
    part = events.dropna(subset=["operation_id"])
    for line, e in zip(part.index, part.itertuples()):
        if e.operation_id not in ops or pd.isna(e.start):
            continue
        op = ops[e.operation_id]
        if pd.notna(op.date_earliest) and (e.end < op.date_earliest or e.start > op.date_latest):
            yield Problem("events.csv", line, "operation_id",
                          f"{e.event_id} ({e.date}) falls outside {e.operation_id} ({op.date})")


def journey_rules(event_places: pd.DataFrame) -> Iterator[Problem]:
    """The places of an event are numbered 1..n with no gap, so that a journey keeps its legs in order.
    A number given twice is a duplicate of the key (event_id, seq), which `key_rules` reports."""
    legs = event_places.dropna(subset=["event_id", "seq"])
    seq = legs.groupby("event_id", sort=False).seq
    gapped = (seq.transform("min") != 1) | (seq.transform("max") != seq.transform("nunique"))
    legs = legs[gapped]  # the few events to name; the check per event below is the rule's own words
    for event_id, own in legs.groupby("event_id", sort=False):
        numbers = sorted(set(own.seq))
        if numbers == list(range(1, len(numbers) + 1)):
            continue
        first_wrong = next(n for i, n in enumerate(numbers, 1) if n != i)
        yield Problem("event_places.csv", int(own.index[own.seq == first_wrong].min()), "seq",
                      f"{event_id} numbers its places {', '.join(map(str, numbers))}; number them 1 to "
                      f"{len(numbers)} with no gap")


def abroad_rules(events: pd.DataFrame, event_places: pd.DataFrame) -> Iterator[Problem]:
    """Every event abroad has at least one place (its country at least), so that no count by country
    or map leaves it out."""
    placed = set(event_places.event_id.dropna())
    unplaced = events[(events.scope == "abroad") & events.event_id.notna() & ~events.event_id.isin(placed)]
    for line, event_id in unplaced.event_id.items():
        yield Problem("events.csv", line, "scope",
                      f"is abroad, but event_places.csv gives no place for {event_id}; give at least its country")


def tie_rules(relationships: pd.DataFrame) -> Iterator[Problem]:
    """A tie joins two different people."""
    same = relationships[relationships.person_id.notna() & (relationships.person_id == relationships.other_id)]
    for line, person_id in same.person_id.items():
        yield Problem("relationships.csv", line, "other_id",
                      f"is {person_id}, the same as person_id; a tie joins two different people")
