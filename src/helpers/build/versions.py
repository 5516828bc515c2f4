"""Data versions and their rules: each table's fingerprint (its columns, its number of rows, a digest of
its keys and one of its rows), committed in `FINGERPRINT` for the version in datapackage.json, and the
check that a change to the tables came with a new version and a CHANGELOG section.

The rules (README, "Versions and changes"): a table or column removed or renamed is a major change;
a new table, column or row a minor one; any other change to the rows (a corrected cell, a wrong row
taken out) a patch. `check` names what is missing; `record` refreshes the fingerprint once the
version and the changelog say what changed (`blackwork version --record`).

Tables are read as text with the standard library (no validation, no types): a fingerprint is of the
bytes of each cell, so any edit shows.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

from ..core import paths
from ..core.errors import ParameterError

FINGERPRINT = paths.ROOT / "tests" / "data_fingerprint.json"
CHANGELOG = paths.ROOT / "CHANGELOG.md"
KINDS = ("patch", "minor", "major")
#: A version's section in CHANGELOG.md: '## 0.2.0 — 2026-12-07' (the date optional).
SECTION = re.compile(r"^## \[?(?P<version>\d+\.\d+\.\d+)\]?(?:\s+[—–-]\s+(?P<date>\d{4}-\d{2}-\d{2}))?", re.M)
RECORD = "blackwork version --record"
#: How the one problem `record` mends begins: the fingerprint is of an older version.
STALE = "The data version is"


def descriptor(root: Path) -> dict:
    """datapackage.json of the package in `root`."""
    return json.loads((Path(root) / "datapackage.json").read_text(encoding="utf-8"))


def primary_key(resource: dict) -> list[str]:
    pk = resource.get("schema", {}).get("primaryKey", [])
    return [pk] if isinstance(pk, str) else list(pk)


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """A CSV's header and rows, every cell as the text it holds."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return (rows[0], rows[1:]) if rows else ([], [])


def _digest(items) -> str:
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()[:16]


def table_print(header: list[str], rows: list[list[str]], key: list[str]) -> dict:
    """One table's fingerprint: columns, rows (a count), keys and content (digests, in key order)."""
    at = [header.index(k) for k in key if k in header] or list(range(len(header)))
    keyed = sorted(([r[i] if i < len(r) else "" for i in at], r) for r in rows)
    return {"columns": header, "rows": len(rows), "keys": _digest([k for k, _ in keyed]),
            "content": _digest([r for _, r in keyed])}


def fingerprint(root: Path) -> dict:
    """The version and each table's fingerprint of the package in `root`."""
    desc = descriptor(root)
    tables = {}
    for r in desc["resources"]:
        header, rows = read_table(Path(root) / r["path"])
        tables[r["name"]] = table_print(header, rows, primary_key(r))
    return {"version": str(desc.get("version", "")), "tables": dict(sorted(tables.items()))}


def change_kind(old: dict, new: dict) -> tuple[str | None, list[str]]:
    """The least version change the rules ask for between two fingerprints' tables, and why in words
    (one phrase per table that changed); None when no table changed."""
    kind, why = -1, []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if b is None or a is None:
            level, words = (2, f"table {name} removed") if b is None else (1, f"table {name} added")
        elif set(a["columns"]) - set(b["columns"]):
            gone = sorted(set(a["columns"]) - set(b["columns"]))
            level, words = 2, f"{name}: column {', '.join(gone)} removed or renamed"
        elif set(b["columns"]) - set(a["columns"]):
            level, words = 1, f"{name}: column {', '.join(sorted(set(b['columns']) - set(a['columns'])))} added"
        elif b["rows"] > a["rows"]:
            level, words = 1, f"{name}: {a['rows']} rows, now {b['rows']}"
        else:
            level = 0
            words = (f"{name}: {a['rows']} rows, now {b['rows']}" if b["rows"] != a["rows"]
                     else f"{name}: rows changed, {b['rows']} as before")
        kind = max(kind, level)
        why.append(words)
    return (KINDS[kind] if kind >= 0 else None), why


def parse(version: str) -> tuple[int, int, int]:
    if not re.fullmatch(r"\d+\.\d+\.\d+", version or ""):
        raise ParameterError(f"The data version {version!r} is not MAJOR.MINOR.PATCH (e.g. 0.2.0); set "
                             "`version` in data/datapackage.json so.")
    return tuple(int(p) for p in version.split("."))  # type: ignore[return-value]


def bump(old: str, new: str) -> str | None:
    """What kind of change `old` -> `new` is ('major', 'minor', 'patch'), None when the same or lower."""
    a, b = parse(old), parse(new)
    if b <= a:
        return None
    return "major" if b[0] > a[0] else "minor" if b[1] > a[1] else "patch"


def sections(changelog: str) -> dict[str, str]:
    """CHANGELOG.md's versions and their dates ('' when a heading gives none)."""
    return {m["version"]: m["date"] or "" for m in SECTION.finditer(changelog)}


def check(current: dict, recorded: dict, changelog: str) -> list[str]:
    """What is missing for the data in `current` (a `fingerprint`) to be the version it says, against
    the committed fingerprint `recorded` and CHANGELOG.md's text; [] when nothing is."""
    version, was = current["version"], recorded.get("version", "")
    needed, why = change_kind(recorded.get("tables", {}), current["tables"])
    problems = []
    steps = (f"bump `version` in data/datapackage.json (a {needed or 'patch'} change by the rules in the README, "
             f"'Versions and changes'), add a section for it to CHANGELOG.md, then run `{RECORD}` to refresh "
             f"{FINGERPRINT.relative_to(paths.ROOT)}")
    if version == was:
        if needed:
            problems.append(f"The data changed ({'; '.join(why)}) but its version is still {version}: {steps}.")
    else:
        made = bump(was, version) if was else "major"
        if made is None:
            problems.append(f"The data version {version} is not above the recorded {was}: {steps}.")
        elif needed and KINDS.index(made) < KINDS.index(needed):
            problems.append(f"{was} -> {version} is a {made} change but the data's is {needed} ({'; '.join(why)}): "
                            f"{steps}.")
        else:
            problems.append(f"{STALE} {version} but {FINGERPRINT.relative_to(paths.ROOT)} records {was or 'none'}: "
                            f"run `{RECORD}` to refresh it.")
    if version not in sections(changelog):
        problems.append(f"CHANGELOG.md has no section for the data version {version}: add '## {version} — YYYY-MM-DD' "
                        "saying in plain words what changed.")
    return problems


def load_recorded(path: Path = FINGERPRINT) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def status(root: Path | None = None, path: Path = FINGERPRINT, changelog: Path = CHANGELOG) -> list[str]:
    """`check` of the package in `root` (default: data/) against the committed fingerprint."""
    text = Path(changelog).read_text(encoding="utf-8") if Path(changelog).exists() else ""
    return check(fingerprint(root or paths.data_dir()), load_recorded(path), text)


def record(root: Path | None = None, path: Path = FINGERPRINT, changelog: Path = CHANGELOG) -> dict:
    """Write the fingerprint of the package in `root` for its version, when the only thing missing is the
    fingerprint itself; else ParameterError naming what is (a version not bumped, no CHANGELOG section)."""
    current = fingerprint(root or paths.data_dir())
    text = Path(changelog).read_text(encoding="utf-8") if Path(changelog).exists() else ""
    problems = [p for p in check(current, load_recorded(path), text) if not p.startswith(STALE)]
    if problems:
        raise ParameterError(problems[0])
    Path(path).write_text(dumps(current), encoding="utf-8")
    return current


def dumps(printed: dict) -> str:
    """A fingerprint as committed: one line per table, so that a review shows which tables changed."""
    lines = [f' {json.dumps(name)}: {json.dumps(t, ensure_ascii=False)}' for name, t in printed["tables"].items()]
    return '{"version": ' + json.dumps(printed["version"]) + ', "tables": {\n' + ",\n".join(lines) + "\n}}\n"

