"""Read `datapackage.json` and its CSV files into frames of text, one per table.

This is the only module that touches the data files. It reads every cell as text, exactly as
written (nothing is converted, dropped or filled in here); the frame's index is the cell's line in
the file, so that every later problem can say `file:row:field`. Reading problems (a descriptor that
is not JSON or whose schema is malformed, a file that is missing, a folder, unreadable, empty, not
UTF-8, a quote left open, a row with too many cells) are returned, not raised, so that one run lists
them all and none ends in a traceback.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

import pandas as pd
import re2

from ..core.errors import DataError, Problem

DESCRIPTOR = "datapackage.json"
#: The resources the rules, the typed views and the notebooks read: a descriptor must declare each.
REQUIRED = ("sources", "sections", "organisations", "people", "aliases", "positions", "operations", "events",
            "roles", "org_roles", "accounts", "tallies", "attestations", "convictions_by_year", "places",
            "event_places", "relationships")
#: The Table Schema types this package reads and checks (`dataset._cast`, `validate._cell_problem`).
TYPES = ("string", "integer", "number", "boolean")
#: Enum fields whose vocabulary the reports read from the descriptor (`Dataset.vocabulary`).
VOCABULARIES = (("events", "type"), ("events", "certainty"), ("events", "scope"), ("positions", "level"),
                ("people", "side"))
#: Lists of values the reports read from a field's own properties (`vocabulary.violent_methods`).
PROPERTIES = (("events", "method", "violent"),)
#: At most this many event groups (events.type's `groups` property): more colours than a reader can tell apart.
MAX_GROUPS = 8


@dataclass
class RawPackage:
    """What `read_package` found. `descriptor` keeps only the resources whose schema is well formed
    (the others are in `problems`), so every rule may read `schema.fields[*].name/type` safely."""

    root: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # name -> text frame, index = line
    problems: list[Problem] = field(default_factory=list)

    def resource(self, name: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def _descriptor(root: Path) -> tuple[dict | None, list[Problem]]:
    """The descriptor as a dict, or None and the one problem that stops it being read."""
    path = Path(root) / DESCRIPTOR
    if path.is_symlink():
        return None, [Problem(DESCRIPTOR, None, None, "is a link; the descriptor must be a regular file in the package's folder")]
    if not path.exists():
        raise FileNotFoundError(f"{path}: no data package here (datapackage.json is missing)")
    if path.is_dir():
        return None, [Problem(DESCRIPTOR, None, None, "is a folder, not a file; it must be the package's JSON descriptor")]
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, [Problem(DESCRIPTOR, None, None, f"cannot be read ({err.strerror or err})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [Problem(DESCRIPTOR, _line_of(data, err.start), None,
                              f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save the file as UTF-8")]
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as err:
        return None, [Problem(DESCRIPTOR, err.lineno, None,
                              f"is not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})")]
    except RecursionError:
        return None, [Problem(DESCRIPTOR, None, None, "is nested too deeply to be a data package's descriptor")]
    if not isinstance(descriptor, dict):
        return None, [Problem(DESCRIPTOR, None, None, "is not a JSON object; it must be {\"resources\": [...], ...}")]
    return descriptor, []


def read_descriptor(root: Path) -> dict:
    """The descriptor of the package in `root`; FileNotFoundError if there is none, DataError (one
    sentence) if it cannot be read as a JSON object."""
    descriptor, problems = _descriptor(root)
    if problems:
        raise DataError(problems)
    return descriptor


def _is_list_of_str(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


@lru_cache(maxsize=256)
def pattern(text: str):
    """A schema pattern compiled by RE2, which matches in time linear in the cell's length whatever the
    pattern ('(a+)+$' cannot run for minutes on one cell, as it can with Python's `re`); None when RE2
    refuses it (a backreference, a lookaround). RE2's own complaint on stderr is kept out of the
    output: the problem is reported as a sentence."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            try:
                return re2.compile(text)
            except re2.error:
                return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _field_problems(f) -> list[str]:
    """What is wrong with one field of a schema, as messages (empty when it is well formed)."""
    if not isinstance(f, dict):
        return ["is not a JSON object with a name and a type"]
    out = []
    if "type" not in f:
        out.append(f"has no type; give one of {', '.join(TYPES)}")
    elif f["type"] not in TYPES:
        out.append(f"type {f['type']!r} is not one this package reads ({', '.join(TYPES)})")
    c = f.get("constraints", {})
    if not isinstance(c, dict):
        return out + ["constraints must be a JSON object"]
    if "enum" in c and not _is_list_of_str(c["enum"]):
        out.append("constraints.enum must be a list of texts")
    for key in ("minimum", "maximum", "maxLength"):
        if key in c and (not isinstance(c[key], int) or isinstance(c[key], bool)):
            out.append(f"constraints.{key} must be a whole number, not {c[key]!r}")
    if "pattern" in c:
        try:
            re.compile(c["pattern"])
        except (re.error, TypeError) as err:
            out.append(f"constraints.pattern {c['pattern']!r} is not a regular expression ({err})")
        else:
            if pattern(c["pattern"]) is None:
                out.append(f"constraints.pattern {c['pattern']!r} uses what a matcher in linear time cannot run "
                           "(a backreference or a lookaround); write it without")
    return out


def _names(value) -> list[str] | None:
    """A key's fields as a list of names (Table Schema allows one name or a list), or None if malformed."""
    if isinstance(value, str):
        return [value]
    return value if _is_list_of_str(value) and value else None


def _key_problems(name: str, schema: dict, seen: set[str], names_in_package: set[str]) -> list[Problem]:
    """What is wrong with a schema's primary key and foreign keys (`seen`: its field names)."""
    out = []

    def problem(where: str, message: str) -> None:
        out.append(Problem(DESCRIPTOR, None, where, message))

    pk = schema.get("primaryKey", [])
    pk_names = _names(pk) if pk != [] else []
    if pk_names is None:
        problem(f"{name}.primaryKey", "must be a field name or a list of field names")
    elif not pk_names:
        problem(f"{name}.primaryKey", "is missing; name the field (or fields) that identify a row, so that no row "
                                      "is there twice and every claim can name its rows")
    else:
        for k in pk_names:
            if k not in seen:
                problem(f"{name}.primaryKey", f"names {k!r}, which is not a field of {name}")
    fks = schema.get("foreignKeys", [])
    if not isinstance(fks, list):
        problem(f"{name}.foreignKeys", "must be a list")
        fks = []
    for fk in fks:
        ref = fk.get("reference") if isinstance(fk, dict) else None
        own = _names(fk.get("fields")) if isinstance(fk, dict) else None
        theirs = _names(ref.get("fields")) if isinstance(ref, dict) else None
        target = ref.get("resource") if isinstance(ref, dict) else None
        if own is None or theirs is None or not isinstance(target, str) or len(own) != len(theirs):
            problem(f"{name}.foreignKeys", "each must give fields and a reference with a resource and as many fields")
            continue
        for k in own:
            if k not in seen:
                problem(f"{name}.foreignKeys", f"names {k!r}, which is not a field of {name}")
        if target and target not in names_in_package and target not in REQUIRED:  # a missing one is reported once
            problem(f"{name}.foreignKeys", f"refers to resource {target!r}, which is not in the package")
    return out


def _resource_problems(i: int, r, names_in_package: set[str]) -> list[Problem]:
    """What is wrong with one resource of the descriptor; a resource with none of these can be read."""
    if not isinstance(r, dict):
        return [Problem(DESCRIPTOR, None, f"resources[{i}]", "is not a JSON object with a name, a path and a schema")]
    if not isinstance(r.get("name"), str) or not r["name"]:
        return [Problem(DESCRIPTOR, None, f"resources[{i}]", "resource has no name")]
    name = r["name"]
    out = []

    def problem(where: str, message: str) -> None:
        out.append(Problem(DESCRIPTOR, None, where, message))

    path = r.get("path")
    if not isinstance(path, str) or not path:
        problem(name, "resource has no path; give the name of its CSV file")
    elif PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts or "\\" in path:
        problem(name, f"path {path!r} must name a file inside the package's folder")
    schema = r.get("schema")
    if not isinstance(schema, dict):
        problem(name, "resource has no schema; give one with its fields")
        return out
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        problem(name, "schema has no fields; list each column with its name and type")
        return out
    seen: set[str] = set()
    for j, f in enumerate(fields):
        fname = f.get("name") if isinstance(f, dict) else None
        if not isinstance(fname, str) or not fname:
            problem(f"{name}.fields[{j}]", "field has no name")
            continue
        if fname in seen:
            problem(f"{name}.{fname}", "field is named twice in the schema")
        seen.add(fname)
        for message in _field_problems(f):
            problem(f"{name}.{fname}", message)
    out += _key_problems(name, schema, seen, names_in_package)
    return out


def _needs(resources: list[dict]) -> list[Problem]:
    """The descriptor declares every resource the code reads, with the vocabularies it reads."""
    by_name = {r["name"]: r for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)}
    out = [Problem(DESCRIPTOR, None, n, f"resource is missing; the package needs a table {n} ({n}.csv)")
           for n in REQUIRED if n not in by_name]
    for table, column, *prop in [(*v, "constraints.enum") for v in VOCABULARIES] + list(PROPERTIES):
        fields = (by_name.get(table, {}).get("schema") or {}).get("fields")
        if not isinstance(fields, list):
            continue  # already reported, as a missing resource or a malformed schema
        f = next((f for f in fields if isinstance(f, dict) and f.get("name") == column), None)
        if f is None:
            out.append(Problem(DESCRIPTOR, None, f"{table}.{column}", "field is missing; the reports read it"))
            continue
        value = f.get("constraints", {}).get("enum") if prop[0] == "constraints.enum" else f.get(prop[0])
        if not _is_list_of_str(value) or not value:
            out.append(Problem(DESCRIPTOR, None, f"{table}.{column}",
                               f"needs {prop[0]}, a list of texts: the reports read it from here"))
    return out + _group_problems(by_name)


def _group_problems(by_name: dict) -> list[Problem]:
    """events.type's `groups` property puts each type of the vocabulary in exactly one of at most
    MAX_GROUPS groups, the colours of every figure (`style.event_colours`)."""
    fields = (by_name.get("events", {}).get("schema") or {}).get("fields")
    f = next((f for f in fields if isinstance(f, dict) and f.get("name") == "type"), None) if isinstance(fields, list) else None
    types = (f or {}).get("constraints", {}).get("enum")
    if f is None or not _is_list_of_str(types):
        return []  # reported by _needs
    groups = f.get("groups")

    def problem(message: str) -> list[Problem]:
        return [Problem(DESCRIPTOR, None, "events.type", message)]

    if not isinstance(groups, dict) or not groups or not all(_is_list_of_str(v) and v for v in groups.values()):
        return problem("needs groups, an object of group names each with a list of event types: the figures colour by it")
    if len(groups) > MAX_GROUPS:
        return problem(f"has {len(groups)} groups; at most {MAX_GROUPS}, the colours a reader can tell apart")
    listed = [t for members in groups.values() for t in members]
    unknown = sorted(set(listed) - set(types))
    twice = sorted({t for t in listed if listed.count(t) > 1})
    missing = [t for t in types if t not in listed]
    out = []
    if unknown:
        out += problem(f"groups name {', '.join(map(repr, unknown))}, not in the type vocabulary")
    if twice:
        out += problem(f"groups list {', '.join(map(repr, twice))} more than once; each type belongs to one group")
    if missing:
        out += problem(f"groups leave out {', '.join(map(repr, missing))}; put every type in a group")
    return out


def check_descriptor(descriptor: dict) -> tuple[list[dict], list[Problem]]:
    """The resources that are well formed, and the problems of the descriptor (the others included)."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return [], [Problem(DESCRIPTOR, None, "resources", "is missing or empty; list the package's tables")]
    names = [r.get("name") for r in resources if isinstance(r, dict)]
    problems, usable = [], []
    for i, r in enumerate(resources):
        own = _resource_problems(i, r, set(n for n in names if isinstance(n, str)))
        if not own and names.count(r["name"]) > 1:
            own = [Problem(DESCRIPTOR, None, r["name"], "two resources have this name")]
        problems += own
        if not own:
            usable.append(r)
    return usable, problems + _needs(resources)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _outside(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a file of the package in `root`, or None: the package is a closed
    box of regular files inside its folder, so a link (which may point anywhere: /etc/passwd,
    /proc/self/environ) or a file outside the folder is never opened."""
    if path.is_symlink():
        return "is a link; a table must be a regular file inside the package's folder (copy the file there)"
    try:
        inside = path.resolve().parent == Path(root).resolve()
    except OSError:
        inside = False
    return None if inside else "is not inside the package's folder"


def _read_bytes(path: Path, root: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    file = path.name
    why = _outside(path, root if root is not None else path.parent)
    if why:
        return None, [Problem(file, None, None, why)]
    if not path.exists():
        return None, [Problem(file, None, None, "file is missing")]
    if path.is_dir():
        return None, [Problem(file, None, None, "is a folder, not a CSV file")]
    if not path.is_file():  # reading a pipe or a device would wait, or never end
        return None, [Problem(file, None, None, "is not a regular file (a pipe or a device?); save the table as a CSV file")]
    try:
        return path.read_bytes(), []
    except OSError as err:
        return None, [Problem(file, None, None, f"cannot be read ({err.strerror or type(err).__name__})")]


def _rows(text: str, file: str, problems: list[Problem]) -> tuple[list[str] | None, list[list[str]], list[int]]:
    """The header and the rows of a CSV text with the line each starts on; what cannot be read is
    added to `problems` (a blank line, a row of the wrong width, a quote never closed)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            reason = str(err)
            if "field larger" in reason:
                reason = f"a cell is longer than {csv.field_size_limit():,} characters"
            elif "end of data" in reason or "EOF" in reason:
                reason = "a quote opened here is never closed"
            problems.append(Problem(file, start, None, f"cannot be read as CSV: {reason}"))
            break
        if header is None:
            header = cells
            continue
        if not cells:
            problems.append(Problem(file, start, None, "blank line; delete it"))
            continue
        if len(cells) != len(header):
            problems.append(Problem(
                file, start, None,
                f"has {len(cells)} cells but the header has {len(header)} (a stray or missing comma, or an unquoted comma in a cell?)",
            ))
            continue
        rows.append(cells)
        lines.append(start)
    return header, rows, lines


def _header_problems(file: str, header: list[str], names: list[str]) -> list[Problem]:
    """What is wrong with a CSV's header against the schema's field names."""
    problems: list[Problem] = []
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    for name in missing:
        problems.append(Problem(file, 1, name, "column is missing"))
    for name in extra:
        problems.append(Problem(file, 1, name or "(blank)", "column is not in datapackage.json; remove or rename it"))
    twice = sorted({h for h in header if header.count(h) > 1})
    if not missing and not extra and not twice and header != names:
        problems.append(Problem(file, 1, None, "columns are out of order; use the order of datapackage.json: " + ",".join(names)))
    for name in twice:
        problems.append(Problem(file, 1, name or "(blank)", "a column name appears twice"))
    return problems


def read_table(path: Path, names: list[str], root: Path | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV as text cells; return the frame (index = line number) and any problems."""
    file = path.name
    data, problems = _read_bytes(path, root)
    if data is None:
        return None, problems
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as err:
        line = _line_of(data, err.start)
        return None, [Problem(file, line, None, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(file, None, None, "file is empty; it needs a header row and at least one row")]

    header, rows, lines = _rows(text, file, problems)
    if header is None:
        return None, problems or [Problem(file, None, None, "file is empty; it needs a header row")]

    problems += _header_problems(file, header, names)
    if not rows and not problems:
        problems.append(Problem(file, None, None, "has a header but no rows"))
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=object)
    if frame.columns.duplicated().any():  # keep each name's first column, so a cell is one value; the repeat is reported
        frame = frame.loc[:, ~frame.columns.duplicated()]
    return frame, problems


def read_package(root: Path) -> RawPackage:
    """Read every well-formed resource of the package in `root` as text; list every problem found.

    FileNotFoundError if `root` holds no datapackage.json (there is no package to list problems of)."""
    root = Path(root)
    descriptor, problems = _descriptor(root)
    if descriptor is None:
        return RawPackage(root=root, descriptor={"resources": []}, problems=problems)
    usable, problems = check_descriptor(descriptor)
    package = RawPackage(root=root, descriptor={**descriptor, "resources": usable}, problems=problems)
    for resource in usable:
        names = [f["name"] for f in resource["schema"]["fields"]]
        frame, problems = read_table(root / resource["path"], names, root)
        package.problems.extend(problems)
        if frame is not None and len(frame):  # a table without rows is reported; no rule can check it
            package.frames[resource["name"]] = frame
    return package
