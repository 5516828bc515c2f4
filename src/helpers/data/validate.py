"""Every rule the data must keep. Each rule is a small function that returns problems, never raises.

`check(raw)` runs them all and returns the full list, so one run shows every mistake. Field rules
(required, type, enum, pattern, length, minimum, maximum, unique, keys) follow the Table Schema in
`datapackage.json`; the rules after them are the project's own: dates that exist, locators that
name a paragraph, start before end, one death per person, nobody acting after their death, aliases
that name one person, tenures of a post that do not overlap, the places of an event numbered without
a gap, a place for every event abroad, and ties between two different people.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from ..core import dates
from ..core.errors import Problem
from ..core.names import normalise
from .attested import differing
from .dataset import FALSE, TRUE, edtf_fields, typed_table
from .package import RawPackage
from .vocabulary import DEATH_EVENT_TYPES, POSTHUMOUS_TYPES

LOCATOR = re.compile(r"^(?P<section>.+) ¶(?P<n>\d+)$")
URL = re.compile(r"^https?://\S+$")
#: A row built from several paragraphs (or pages) cites each, joined by this.
LOCATOR_JOIN = " ; "
#: Columns that name a source, and the column that says where in it.
LOCATOR_PAIRS = (("source_id", "locator"), ("born_source_id", "born_locator"))
#: The locator of a row citing a source of kind `curation` (the project's own renderings): it has no
#: paragraph or page to point to.
CURATION_LOCATOR = "none"


def _file(resource: dict) -> str:
    return resource["path"]


def _short(value: str, width: int = 40) -> str:
    return repr(value if len(value) <= width else value[: width - 1] + "…")


# ---- field rules: one cell at a time -------------------------------------------------------------

def _cell_problem(value: str, f: dict) -> str | None:
    c = f.get("constraints", {})
    if value == "":
        return "is required but empty" if c.get("required") else None
    if value != value.strip():
        return f"{_short(value)} has spaces at its start or end"
    t = f["type"]
    if t == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return f"{_short(value)} is not a whole number"
        if len(value.lstrip("-")) > 18:
            return f"{_short(value)} is too large a number"
    elif t == "boolean":
        if value not in TRUE | FALSE:
            return f"{_short(value)} is not true or false"
    elif t == "number":
        if not re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", value):
            return f"{_short(value)} is not a number"
    if t in ("integer", "number"):
        number = int(value) if t == "integer" else float(value)
        if "minimum" in c and number < c["minimum"]:
            return f"{value} is below the minimum {c['minimum']}"
        if "maximum" in c and number > c["maximum"]:
            return f"{value} is above the maximum {c['maximum']}"
    if "enum" in c and value not in c["enum"]:
        return f"{_short(value)} is not one of: {', '.join(c['enum'])}"
    if "pattern" in c and not re.fullmatch(c["pattern"], value):
        hint = " (lower-case words joined by hyphens)" if c["pattern"].startswith("^[a-z0-9]") else ""
        return f"{_short(value, 60)} does not match the pattern {c['pattern']}{hint}"
    if "maxLength" in c and len(value) > c["maxLength"]:
        return f"is {len(value):,} characters long; at most {c['maxLength']:,} allowed"
    if f.get("edtf"):
        try:
            dates.parse(value)
        except dates.DateError as err:
            return str(err)
    return None


def _plainly_valid(f: dict):
    """For a text field checked only for presence, a pattern and a length: a quick test that a value
    passes (most do: ids, titles, locators), so that `_cell_problem` reads only the rest. None for
    any other field."""
    c = f.get("constraints", {})
    if f["type"] != "string" or f.get("edtf") or set(c) - {"required", "pattern", "maxLength", "unique"}:
        return None
    pattern = re.compile(c["pattern"]) if "pattern" in c else None
    limit = c.get("maxLength")
    return lambda v: (v != "" and v == v.strip() and (pattern is None or pattern.fullmatch(v) is not None)
                      and (limit is None or len(v) <= limit))


def field_rules(raw: RawPackage) -> Iterator[Problem]:
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is None:
            continue
        for f in resource["schema"]["fields"]:
            if f["name"] not in frame:
                continue
            column = frame[f["name"]]
            # Each distinct text is checked once (ids are unique, but dates, vocabularies, sources and
            # locators repeat); then every cell holding a faulty text is reported, in line order.
            valid = _plainly_valid(f)
            messages = {value: None if valid and valid(value) else _cell_problem(value, f) for value in column.unique()}
            faulty = {value: m for value, m in messages.items() if m}
            if faulty:
                for line, value in column.items():
                    if value in faulty:
                        yield Problem(_file(resource), line, f["name"], faulty[value])
            if f.get("constraints", {}).get("unique"):
                yield from _duplicates(resource, frame, [f["name"]])


def _duplicates(resource: dict, frame: pd.DataFrame, keys: list[str]) -> Iterator[Problem]:
    if not all(k in frame for k in keys):
        return
    rows = frame[keys]
    rows = rows[rows.duplicated(keep=False)]  # only repeated keys need naming, first line first
    first: dict[tuple, int] = {}
    for line, value in zip(rows.index, _tuples(rows, keys)):
        if all(v == "" for v in value):
            continue
        if value in first:
            shown = ", ".join(value)
            yield Problem(_file(resource), line, "+".join(keys), f"{shown} is a duplicate of line {first[value]}")
        else:
            first[value] = line


def _tuples(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The cells of `columns`, one tuple per row (zip of plain lists: far faster than DataFrame.apply)."""
    return list(zip(*(frame[c].tolist() for c in columns)))


def key_rules(raw: RawPackage) -> Iterator[Problem]:
    """Composite primary keys are unique; foreign keys name an existing row."""
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is None:
            continue
        schema = resource["schema"]
        pk = schema.get("primaryKey", [])
        if len(pk) > 1:
            yield from _duplicates(resource, frame, pk)
        for fk in schema.get("foreignKeys", []):
            fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
            ref = fk["reference"]
            target = raw.frames.get(ref["resource"] or resource["name"])
            ref_fields = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
            if target is None or not all(f in frame for f in fields) or not all(f in target for f in ref_fields):
                continue
            known = set(_tuples(target, ref_fields))
            rows = frame[fields]
            if len(fields) == 1:  # most keys: find the few rows to name with one vectorised test
                column = rows[fields[0]]
                rows = rows[(column != "") & ~column.isin({k[0] for k in known})]
            for line, value in zip(rows.index, _tuples(rows, fields)):
                if any(v == "" for v in value) or value in known:
                    continue
                yield Problem(_file(resource), line, "+".join(fields),
                              f"{', '.join(value)} is not a {'+'.join(ref_fields)} in {ref['resource']}.csv")


# ---- the project's rules, on typed tables ---------------------------------------------------------

def _paragraph_problem(locator: str, source: str, paragraphs: dict[tuple[str, str], int]) -> str | None:
    m = LOCATOR.match(locator)
    if not m:
        return f"{_short(locator, 60)} is not '<section heading> ¶<n>'"
    if (source, m["section"]) not in paragraphs:
        return f"{_short(m['section'], 60)} is not a section of {source} (see sections.csv)"
    if not 1 <= int(m["n"]) <= paragraphs[(source, m["section"])]:
        return f"{m['section']} has paragraphs 1-{paragraphs[(source, m['section'])]}, not ¶{m['n']}"
    return None


def locator_rules(raw: RawPackage) -> Iterator[Problem]:
    """A case-file locator names an existing paragraph; a reference-table locator is a page address;
    a curation source's locator is CURATION_LOCATOR."""
    sources, sections = raw.frames.get("sources"), raw.frames.get("sections")
    if sources is None or sections is None:
        return
    paragraphs = {(r.source_id, r.section): int(r.paragraphs) for r in sections.itertuples()
                  if r.paragraphs.isdigit()}
    with_sections = {s for s, _ in paragraphs}
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is None:
            continue
        for source_col, locator_col in LOCATOR_PAIRS:
            if source_col in frame and locator_col in frame:
                yield from _locator_problems(resource, frame, source_col, locator_col, sources, paragraphs, with_sections)


def _locator_problems(resource, frame, source_col, locator_col, sources, paragraphs, with_sections) -> Iterator[Problem]:
    known = set(sources.source_id)
    curated = set(sources.source_id[sources.kind == "curation"])
    seen: dict[tuple[str, str], list[str]] = {}
    for line, source, locator in zip(frame.index, frame[source_col], frame[locator_col]):
        if not locator or source not in known:
            continue
        if source in curated:
            if locator != CURATION_LOCATOR:
                yield Problem(_file(resource), line, locator_col,
                              f"{_short(locator, 60)} should be {CURATION_LOCATOR!r}: {source} cites no page or paragraph")
        elif source in with_sections:
            if (source, locator) not in seen:  # the same locators come back row after row
                seen[source, locator] = [m for part in locator.split(LOCATOR_JOIN)
                                         if (m := _paragraph_problem(part, source, paragraphs))]
            for message in seen[source, locator]:
                yield Problem(_file(resource), line, locator_col, message)
        elif not all(URL.match(part) for part in locator.split(LOCATOR_JOIN)):
            yield Problem(_file(resource), line, locator_col,
                          f"{_short(locator, 60)} should be the address (http…) of the page the source cites")


def order_rules(resource: dict, table: pd.DataFrame) -> Iterator[Problem]:
    """start <= end and founded <= dissolved, comparing the earliest possible start with the latest end."""
    for a, b in (("start", "end"), ("founded", "dissolved")):
        if f"{a}_earliest" in table and f"{b}_latest" in table:
            bad = table[table[f"{b}_latest"] < table[f"{a}_earliest"]]
            for line, row in bad.iterrows():
                yield Problem(_file(resource), line, b, f"{row[b]} is before {a} {row[a]}")


def alias_rules(people: pd.DataFrame, aliases: pd.DataFrame) -> Iterator[Problem]:
    """No spelling may name two people."""
    owners: dict[str, set[str]] = {}
    for pid, name in zip(people.person_id, people.name):
        owners.setdefault(normalise(name), set()).add(pid)
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
    """Nobody dies twice; nobody is subject or perpetrator of an event after their death."""
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
    acting = joined[joined.role.isin(["subject", "perpetrator"]) & ~joined.type.isin(POSTHUMOUS_TYPES)]
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
        if has_date and pd.isna(a.agrees):
            yield Problem("attestations.csv", line, "agrees",
                          f"is empty, but the package dates this {a.field} ({recorded[key]}); say true or false")
        elif not has_date and pd.notna(a.agrees):
            yield Problem("attestations.csv", line, "agrees",
                          f"must be empty: the package gives no {a.field} to agree with (this date fills the gap)")


#: The day Russia went over to the Gregorian calendar (1 February 1918 Old Style became 14 February).
CALENDAR_SWITCH = pd.Timestamp("1918-02-14")
NAMES_A_MONTH = re.compile(r"\d{4}-\d{2}")


def calendar_rules(resource: dict, table: pd.DataFrame) -> Iterator[Problem]:
    """A row whose date names a month or a day before the calendar switch says which calendar it is in."""
    if "calendar" not in table:
        return
    for name in edtf_fields(resource):
        if name not in table or f"{name}_earliest" not in table:
            continue
        early = (table[f"{name}_earliest"] < CALENDAR_SWITCH) & table[name].fillna("").str.contains(NAMES_A_MONTH)
        for line, value in table.loc[early & table.calendar.isna(), name].items():
            yield Problem(_file(resource), line, "calendar",
                          f"is empty, but {name} {value} falls before the calendar switch of 1918-02-14; say "
                          "new_style, or converted_from_old_style if the source gave an Old Style date")


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


#: The columns each of the project's rules reads, per table. A rule runs only when every table it
#: names has them all: a missing column (or file) is reported once by `package.read_table`, and a
#: rule run without it would crash or report false problems.
NEEDS = {
    "locator": {"sources": ["source_id", "kind"], "sections": ["source_id", "section", "paragraphs"]},
    "alias": {"people": ["person_id", "name"], "aliases": ["person_id", "alias"]},
    "life": {"events": ["event_id", "type", "date"], "roles": ["event_id", "person_id", "role"]},
    "tenure": {"positions": ["position_id", "post", "start", "end", "acting"]},
    # attested.differing: tenures that a source disputes may overlap, so tenure_rules needs it too
    "disputed": {"attestations": ["event_id", "position_id", "person_id", "field", "date", "agrees"]},
    "attestation": {"attestations": ["event_id", "position_id", "person_id", "field", "agrees"]},
    "birth": {"people": ["person_id", "born", "born_source_id", "born_locator"]},
    "acts_after_birth": {"events": ["event_id", "date"], "roles": ["event_id", "person_id", "role"]},
    "tally": {"tallies": ["tally_id", "part_of", "qualifier", "best"]},
    "operation": {"events": ["event_id", "operation_id", "date"], "operations": ["operation_id", "date"]},
    "journey": {"event_places": ["event_id", "seq"]},
    "abroad": {"events": ["event_id", "scope"], "event_places": ["event_id"]},
    "tie": {"relationships": ["person_id", "other_id"]},
}


def ready(tables: dict[str, pd.DataFrame], rule: str) -> bool:
    """Whether every table `rule` reads is there with every column it reads (see NEEDS)."""
    return all(tables.get(name) is not None and set(cols) <= set(tables[name].columns)
               for name, cols in NEEDS[rule].items())


def check(raw: RawPackage) -> tuple[list[Problem], dict[str, pd.DataFrame]]:
    """All problems of a package read by `package.read_package`, and its typed tables.

    Never raises on a broken package: the descriptor's resources are well formed (`read_package`
    keeps only those), and each rule below runs only when its tables and columns are there."""
    problems = list(raw.problems)
    problems += field_rules(raw)
    problems += key_rules(raw)
    if ready(raw.frames, "locator"):
        problems += locator_rules(raw)
    tables = {}
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is not None and len(frame):  # a table with no rows is reported, and has nothing to check
            tables[resource["name"]] = typed_table(frame, resource)
            problems += order_rules(resource, tables[resource["name"]])
            problems += calendar_rules(resource, tables[resource["name"]])
    t = tables.get
    if ready(tables, "alias"):
        problems += alias_rules(t("people"), t("aliases"))
    if ready(tables, "life"):
        problems += life_rules(t("events"), t("roles"))
    if ready(tables, "tenure") and ready(tables, "disputed"):
        att = t("attestations")
        disputed = set(att.position_id[differing(att) & att.position_id.notna()])
        problems += tenure_rules(t("positions"), disputed)
    if ready(tables, "attestation"):
        problems += attestation_rules(t("attestations"), t("events"), t("positions"), t("people"))
    if ready(tables, "birth"):
        acts = ready(tables, "acts_after_birth")
        problems += birth_rules(t("people"), t("events") if acts else None, t("roles") if acts else None)
    if t("events") is not None:
        problems += count_rules("events.csv", t("events"), "deaths_")
    if t("tallies") is not None:
        problems += count_rules("tallies.csv", t("tallies"))
    if ready(tables, "tally"):
        problems += tally_rules(t("tallies"))
    if ready(tables, "operation"):
        problems += operation_rules(t("events"), t("operations"))
    if ready(tables, "journey"):
        problems += journey_rules(t("event_places"))
    if ready(tables, "abroad"):
        problems += abroad_rules(t("events"), t("event_places"))
    if ready(tables, "tie"):
        problems += tie_rules(t("relationships"))
    return problems, tables
