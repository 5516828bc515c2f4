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
from . import rules
from .attested import differing
from .dataset import FALSE, TRUE, edtf_fields, typed_table
from .package import RawPackage, pattern

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

#: Characters no cell may hold: control characters (a NUL byte, a line break inside a cell) and the
#: bidirectional controls that reorder what a reader sees (a right-to-left override can make
#: 'gpj.exe' read as 'exe.jpg').
HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: The longest a cell may be unless its field says otherwise (maxLength): the longest summary today is
#: under 1,000 characters.
MAX_TEXT = 2_000
#: Fields that hold a web address: only http(s) pages (never javascript:, data: or file:).
URL_FIELDS = ("url",)
WHOLE, DECIMAL = re.compile(r"-?[0-9]+"), re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _text_problem(value: str, f: dict) -> str | None:
    """What every cell must keep whatever its type: no hidden characters, a bounded length, and a
    web address only of http(s)."""
    hidden = HIDDEN.search(value)
    if hidden:
        return f"holds the invisible character U+{ord(hidden.group()):04X} at position {hidden.start() + 1}; remove it"
    limit = f.get("constraints", {}).get("maxLength", MAX_TEXT)
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,} allowed"
    if (f["name"] in URL_FIELDS or f.get("format") == "uri") and not URL.fullmatch(value):
        return f"{_short(value)} is not a web address (http:// or https://)"
    return None


def _cell_problem(value: str, f: dict) -> str | None:
    c = f.get("constraints", {})
    if value == "":
        return "is required but empty" if c.get("required") else None
    if value != value.strip():
        return f"{_short(value)} has spaces at its start or end"
    text = _text_problem(value, f)
    if text:
        return text
    t = f["type"]
    if t == "integer":
        if not WHOLE.fullmatch(value):  # ASCII digits only: '１９２１' is no year here
            return f"{_short(value)} is not a whole number (digits 0-9)"
        if len(value.lstrip("-")) > 18:
            return f"{_short(value)} is too large a number"
    elif t == "boolean":
        if value not in TRUE | FALSE:
            return f"{_short(value)} is not true or false"
    elif t == "number":
        if not DECIMAL.fullmatch(value):
            return f"{_short(value)} is not a number (digits 0-9)"
    if t in ("integer", "number"):
        number = int(value) if t == "integer" else float(value)
        if "minimum" in c and number < c["minimum"]:
            return f"{value} is below the minimum {c['minimum']}"
        if "maximum" in c and number > c["maximum"]:
            return f"{value} is above the maximum {c['maximum']}"
    if "enum" in c and value not in c["enum"]:
        return f"{_short(value)} is not one of: {', '.join(c['enum'])}"
    if "pattern" in c and not pattern(c["pattern"]).fullmatch(value):
        hint = " (lower-case words joined by hyphens)" if c["pattern"].startswith("^[a-z0-9]") else ""
        return f"{_short(value, 60)} does not match the pattern {c['pattern']}{hint}"
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
    if f["type"] != "string" or f.get("edtf") or set(c) - {"required", "pattern", "maxLength", "unique"} \
            or f["name"] in URL_FIELDS or f.get("format") == "uri":
        return None
    compiled = pattern(c["pattern"]) if "pattern" in c else None
    limit = c.get("maxLength", MAX_TEXT)
    return lambda v: (v != "" and v == v.strip() and (compiled is None or compiled.fullmatch(v) is not None)
                      and len(v) <= limit and not HIDDEN.search(v))


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
        problems += rules.alias_rules(t("people"), t("aliases"))
    if ready(tables, "life"):
        problems += rules.life_rules(t("events"), t("roles"))
    if ready(tables, "tenure") and ready(tables, "disputed"):
        att = t("attestations")
        disputed = set(att.position_id[differing(att) & att.position_id.notna()])
        problems += rules.tenure_rules(t("positions"), disputed)
    if ready(tables, "attestation"):
        problems += rules.attestation_rules(t("attestations"), t("events"), t("positions"), t("people"))
    if ready(tables, "birth"):
        acts = ready(tables, "acts_after_birth")
        problems += rules.birth_rules(t("people"), t("events") if acts else None, t("roles") if acts else None)
    if t("events") is not None:
        problems += rules.count_rules("events.csv", t("events"), "deaths_")
    if t("tallies") is not None:
        problems += rules.count_rules("tallies.csv", t("tallies"))
    if ready(tables, "tally"):
        problems += rules.tally_rules(t("tallies"))
        problems += rules.cycle_rules("tallies.csv", t("tallies"), "tally_id", ("part_of",))
    if t("organisations") is not None and "org_id" in t("organisations"):
        problems += rules.cycle_rules("organisations.csv", t("organisations"), "org_id", ("parent_id", "predecessor_id"))
    if ready(tables, "operation"):
        problems += rules.operation_rules(t("events"), t("operations"))
    if ready(tables, "journey"):
        problems += rules.journey_rules(t("event_places"))
    if ready(tables, "abroad"):
        problems += rules.abroad_rules(t("events"), t("event_places"))
    if ready(tables, "tie"):
        problems += rules.tie_rules(t("relationships"))
    return problems, tables
