"""Every rule the data must keep. Each rule is a small function that returns problems, never raises.

`check(raw)` runs them all and returns the full list, so one run shows every mistake. Field rules
(required, type, enum, pattern, length, minimum, unique, keys) follow the Table Schema in
`datapackage.json`; the rules after them are the project's own: dates that exist, locators that
name a paragraph, start before end, one death per person, nobody acting after their death, aliases
that name one person, and tenures of a post that do not overlap.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from . import dates
from .dataset import DEATH_TYPES, FALSE, POSTHUMOUS_TYPES, TRUE, edtf_fields, typed_table
from .errors import Problem
from .names import NameIndex, normalise
from .package import RawPackage

LOCATOR = re.compile(r"^(?P<section>.+) ¶(?P<n>\d+)$")
URL = re.compile(r"^https?://\S+$")


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
        if "minimum" in c and int(value) < c["minimum"]:
            return f"{value} is below the minimum {c['minimum']}"
    elif t == "boolean":
        if value not in TRUE | FALSE:
            return f"{_short(value)} is not true or false"
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


def field_rules(raw: RawPackage) -> Iterator[Problem]:
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is None:
            continue
        for f in resource["schema"]["fields"]:
            if f["name"] not in frame:
                continue
            column = frame[f["name"]]
            for line, value in column.items():
                message = _cell_problem(value, f)
                if message:
                    yield Problem(_file(resource), line, f["name"], message)
            if f.get("constraints", {}).get("unique"):
                yield from _duplicates(resource, frame, [f["name"]])


def _duplicates(resource: dict, frame: pd.DataFrame, keys: list[str]) -> Iterator[Problem]:
    if not all(k in frame for k in keys):
        return
    key = frame[keys].apply(tuple, axis=1)
    first: dict[tuple, int] = {}
    for line, value in key.items():
        if all(v == "" for v in value):
            continue
        if value in first:
            shown = ", ".join(value)
            yield Problem(_file(resource), line, "+".join(keys), f"{shown} is a duplicate of line {first[value]}")
        else:
            first[value] = line


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
            known = set(target[ref_fields].apply(tuple, axis=1))
            for line, value in frame[fields].apply(tuple, axis=1).items():
                if any(v == "" for v in value) or value in known:
                    continue
                yield Problem(_file(resource), line, "+".join(fields),
                              f"{', '.join(value)} is not a {'+'.join(ref_fields)} in {ref['resource']}.csv")


# ---- the project's rules, on typed tables ---------------------------------------------------------

def locator_rules(raw: RawPackage) -> Iterator[Problem]:
    """A case-file locator names an existing paragraph; a reference-table locator is a page address."""
    sources, sections = raw.frames.get("sources"), raw.frames.get("sections")
    if sources is None or sections is None:
        return
    paragraphs = {(r.source_id, r.section): int(r.paragraphs) for r in sections.itertuples()
                  if r.paragraphs.isdigit()}
    with_sections = {s for s, _ in paragraphs}
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is None or "locator" not in frame or "source_id" not in frame:
            continue
        for line, source, locator in zip(frame.index, frame.source_id, frame.locator):
            if not locator or source not in set(sources.source_id):
                continue
            if source in with_sections:
                m = LOCATOR.match(locator)
                if not m:
                    yield Problem(_file(resource), line, "locator",
                                  f"{_short(locator, 60)} is not '<section heading> ¶<n>'")
                elif (source, m["section"]) not in paragraphs:
                    yield Problem(_file(resource), line, "locator",
                                  f"{_short(m['section'], 60)} is not a section of {source} (see sections.csv)")
                elif not 1 <= int(m["n"]) <= paragraphs[(source, m["section"])]:
                    yield Problem(_file(resource), line, "locator",
                                  f"{m['section']} has paragraphs 1-{paragraphs[(source, m['section'])]}, not ¶{m['n']}")
            elif not all(URL.match(part) for part in locator.split(" ; ")):
                yield Problem(_file(resource), line, "locator",
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
    deaths = joined[(joined.role == "subject") & joined.type.isin(list(DEATH_TYPES))].sort_values("start")
    died: dict[str, pd.Series] = {}
    for _, row in deaths.iterrows():
        if row.person_id in died:
            first = died[row.person_id]
            yield Problem("roles.csv", row.line, "person_id",
                          f"{row.person_id} dies twice: in {first.event_id} and in {row.event_id}")
        else:
            died[row.person_id] = row
    acting = joined[joined.role.isin(["subject", "perpetrator"]) & ~joined.type.isin(POSTHUMOUS_TYPES)]
    for _, row in acting.iterrows():
        death = died.get(row.person_id)
        if death is not None and row.event_id != death.event_id and row.start > death.end:
            yield Problem("roles.csv", row.line, "person_id",
                          f"{row.person_id} is {row.role} of {row.event_id} ({row.date}) after their death in {death.event_id} ({death.date})")


def _true(value) -> bool:
    return bool(pd.notna(value) and value)


def tenure_rules(positions: pd.DataFrame, attestations: pd.DataFrame | None) -> Iterator[Problem]:
    """Two tenures of one post may not surely overlap unless one is acting or a source conflict is recorded."""
    disputed = set()
    if attestations is not None and "position_id" in attestations:
        disputed = set(attestations.loc[attestations.agrees == False, "position_id"].dropna())  # noqa: E712
    p = positions.dropna(subset=["start_earliest"]).copy()
    p["end_floor"] = p.end_earliest.fillna(p.start_latest)
    for post, group in p.groupby("post"):
        rows = list(group.sort_values("start_earliest").itertuples())
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if _true(a.acting) or _true(b.acting) or {a.position_id, b.position_id} & disputed:
                    continue
                if b.start_latest < a.end_floor:
                    yield Problem("positions.csv", b.Index, "start",
                                  f"tenure {b.position_id} ({b.start}) overlaps {a.position_id} ({a.start}–{a.end or ''}) "
                                  "of the same post; mark one acting or record the conflict in attestations.csv")


def attestation_rules(attestations: pd.DataFrame) -> Iterator[Problem]:
    for line, ev, pos in zip(attestations.index, attestations.event_id, attestations.position_id):
        if (ev is None or ev != ev) == (pos is None or pos != pos):
            yield Problem("attestations.csv", line, "event_id", "give exactly one of event_id and position_id")


def check(raw: RawPackage) -> tuple[list[Problem], dict[str, pd.DataFrame]]:
    """All problems of a package read by `package.read_package`, and its typed tables."""
    problems = list(raw.problems)
    problems += field_rules(raw)
    problems += key_rules(raw)
    problems += locator_rules(raw)
    tables = {}
    for resource in raw.descriptor["resources"]:
        frame = raw.frames.get(resource["name"])
        if frame is not None:
            tables[resource["name"]] = typed_table(frame, resource)
            problems += order_rules(resource, tables[resource["name"]])
    t = tables.get
    if t("people") is not None and t("aliases") is not None:
        problems += alias_rules(t("people"), t("aliases"))
    if t("events") is not None and t("roles") is not None:
        problems += life_rules(t("events"), t("roles"))
    if t("positions") is not None:
        problems += tenure_rules(t("positions"), t("attestations"))
    if t("attestations") is not None:
        problems += attestation_rules(t("attestations"))
    return problems, tables
