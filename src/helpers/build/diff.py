"""`blackwork diff OLD NEW`: what changed between two versions of the data, down to the findings.

Each side is a data folder (holding datapackage.json), a release folder (`blackwork release`: data/
and claims.json) or a git revision of this repository. Per table: the rows added, removed and changed,
keyed by the primary key of the descriptor (a composite key joined as claims join it, ' | '), each
changed cell old -> new, and the row counts before and after. Then the claims whose value changed,
old -> new, with the rows that moved them, and the findings that read differently.

Where a side's claims come from: a release folder's claims.json; at a git revision, and for the
project's own data/, the claims and findings the committed notebooks' outputs carry (nbval proves
they are what the notebooks give on that data); another data folder has none. When only NEW has
claims, the claims resting on a row that moved are listed without an old value. Cells are compared
as the text of the CSV: no types, no validation, so an old version the rules of today refuse still
compares.
"""
from __future__ import annotations

import html
import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core import paths
from ..core.errors import ParameterError
from .cards import MIME
from .catalogue import tagged, text_of
from .versions import descriptor, primary_key, read_table

KEY_JOIN = " | "  # as helpers.evidence.claims joins a composite key


@dataclass
class Side:
    """One version: its label, its data folder, its claims (None: not known) and findings by page."""

    label: str
    data: Path
    claims: list[dict] | None = None
    findings: dict[str, list[str]] = field(default_factory=dict)
    version: str = ""

    def __post_init__(self):
        self.version = str(descriptor(self.data).get("version", ""))


@dataclass
class TableDiff:
    name: str
    before: int
    after: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # id -> [(column, old, new)]
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed
                    or self.before != self.after)


# ---- the sides ------------------------------------------------------------------------------------

def notebook_outputs(nb: dict, page: str) -> tuple[list[dict], list[str]]:
    """The claims a notebook's outputs carry and the text of its findings (cells tagged `finding`)."""
    claims, found = [], []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {})
            claims += (data.get(MIME) or {}).get("claims", [])
            if tagged(cell, "finding") and "text/markdown" in data:
                found.append(text_of(data["text/markdown"]).strip())
    return claims, found


def _from_notebooks(folder: Path) -> tuple[list[dict], dict[str, list[str]]]:
    claims, findings = [], {}
    for path in sorted(folder.glob("*.ipynb")):
        own, found = notebook_outputs(json.loads(path.read_text(encoding="utf-8")), path.stem)
        claims += own
        if found:
            findings[path.stem] = found
    return claims, findings


def _git(*args: str, binary: bool = False):
    done = subprocess.run(["git", "-C", str(paths.ROOT), *args], capture_output=True, check=False)
    return done.returncode, done.stdout if binary else done.stdout.decode("utf-8", "replace").strip()


def _at_revision(rev: str, into: Path) -> Side | None:
    code, commit = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if code != 0:
        return None
    code, archive = _git("archive", "--format=tar", commit, "data", "notebooks", binary=True)
    if code != 0:
        raise ParameterError(f"The git revision {rev} has no data/ folder to compare.")
    folder = into / commit[:12]
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    if not (folder / "data" / "datapackage.json").is_file():
        raise ParameterError(f"The git revision {rev} has no data/datapackage.json to compare.")
    claims, findings = _from_notebooks(folder / "notebooks")
    return Side(f"{rev} ({commit[:7]})", folder / "data", claims or None, findings)


def open_side(arg: str, into: Path) -> Side:
    """OLD or NEW as a Side: a data folder, a release folder or a git revision (extracted into `into`).
    ParameterError in one sentence when it is none of them."""
    where = Path(arg)
    if (where / "datapackage.json").is_file():
        if (where.parent / "claims.json").is_file():  # the data/ of a release folder
            return open_side(str(where.parent), into)
        if where.resolve() == (paths.ROOT / "data").resolve():
            claims, findings = _from_notebooks(paths.NOTEBOOKS)
            return Side(arg, where, claims, findings)
        return Side(arg, where)
    if (where / "data" / "datapackage.json").is_file() and (where / "claims.json").is_file():
        claims = json.loads((where / "claims.json").read_text(encoding="utf-8"))
        findings = json.loads((where / "findings.json").read_text(encoding="utf-8")) if (where / "findings.json").is_file() else {}
        return Side(arg, where / "data", claims, findings)
    side = None if where.exists() else _at_revision(arg, into)
    if side is None:
        raise ParameterError(f"{arg!r} is neither a folder holding datapackage.json (a data folder), a release folder "
                             "(data/ and claims.json, as `blackwork release` makes) nor a git revision of this "
                             "repository.")
    return side


# ---- the tables -----------------------------------------------------------------------------------

def _keyed(header: list[str], rows: list[list[str]], key: list[str]) -> dict[str, dict[str, str]]:
    at = [header.index(k) for k in key]
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        cells = dict(zip(header, row + [""] * (len(header) - len(row))))
        rid = KEY_JOIN.join(cells[k] for k in key) if at else str(len(out) + 1)
        while rid in out:  # a key given twice (an old version): each row kept
            rid += "'"
        out[rid] = cells
    return out


def _resources(root: Path) -> dict[str, dict]:
    return {r["name"]: r for r in descriptor(root)["resources"]}


def diff_table(name: str, old: tuple[list[str], list[list[str]]] | None, new: tuple[list[str], list[list[str]]] | None,
               key: list[str]) -> TableDiff:
    """One table's diff: rows keyed by `key` (the columns both headers have), each changed cell."""
    (h0, r0), (h1, r1) = old or ([], []), new or ([], [])
    key = [k for k in key if k in h0 and k in h1] or [k for k in key if k in (h1 or h0)]
    a, b = _keyed(h0, r0, key if old else []), _keyed(h1, r1, key if new else [])
    common = [c for c in h1 if c in h0]
    d = TableDiff(name, len(r0), len(r1), added=[k for k in b if k not in a], removed=[k for k in a if k not in b],
                  columns_added=[c for c in h1 if c not in h0] if old else [],
                  columns_removed=[c for c in h0 if c not in h1] if new else [])
    for rid in (k for k in b if k in a):
        cells = [(c, a[rid][c], b[rid][c]) for c in common if a[rid][c] != b[rid][c]]
        if cells:
            d.changed[rid] = cells
    return d


def diff_tables(old: Path, new: Path) -> list[TableDiff]:
    """Every table of either package, in the newer descriptor's order, then those it dropped."""
    r0, r1 = _resources(old), _resources(new)
    out = []
    for name in [*r1, *(n for n in r0 if n not in r1)]:
        res = r1.get(name) or r0[name]
        tables = [read_table(root / side[name]["path"]) if name in side and (root / side[name]["path"]).is_file()
                  else None for root, side in ((old, r0), (new, r1))]
        out.append(diff_table(name, tables[0], tables[1], primary_key(res)))
    return out


def moved_rows(tables: list[TableDiff]) -> dict[tuple[str, str], str]:
    """(table, id) -> how the row moved: 'added', 'removed' or 'changed: ' and its changed columns."""
    out = {}
    for t in tables:
        out |= {(t.name, rid): "added" for rid in t.added}
        out |= {(t.name, rid): "removed" for rid in t.removed}
        out |= {(t.name, rid): "changed: " + ", ".join(c for c, _, _ in cells) for rid, cells in t.changed.items()}
    return out


# ---- the claims and findings ----------------------------------------------------------------------

def _rows_of(claim: dict) -> set[tuple[str, str]]:
    return {(r["table"].split(".")[0], str(r["id"])) for r in claim.get("rows", [])}


def diff_claims(old: list[dict] | None, new: list[dict] | None, moved: dict) -> list[dict]:
    """The claims whose value changed (id, old, new, the rows that moved them), and with only one side's
    claims known, that side's claims that rest on a row that moved (old or new value None)."""
    if old is None and new is None:
        return []
    before = {c["id"]: c for c in old or []}
    after = {c["id"]: c for c in new or []}
    out = []
    for cid in sorted(set(before) | set(after)):
        a, b = before.get(cid), after.get(cid)
        rows = (_rows_of(a) if a else set()) | (_rows_of(b) if b else set())
        by = sorted(r for r in rows if r in moved)
        if old is not None and new is not None:
            if a and b and a["value"] == b["value"]:
                continue
            if not (a and b):
                continue  # a claim a page gained or lost: not a value that moved
        elif not by:
            continue
        out.append({"id": cid, "old": _shown(a), "new": _shown(b), "rows": [f"{t} {i} ({moved[(t, i)]})" for t, i in by]})
    return out


def _shown(claim: dict | None) -> str | None:
    if claim is None:
        return None
    value = claim["value"]
    if isinstance(value, dict):
        return claim.get("text") or f"{value['low']:g}–{value['high']:g}"
    return claim.get("text") or str(value)


def diff_findings(old: dict[str, list[str]], new: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(page, old text, new text) for each finding that reads differently, paired in order per page."""
    out = []
    for page in sorted(set(old) & set(new)):
        a, b = old[page], new[page]
        for i in range(max(len(a), len(b))):
            x, y = (a[i] if i < len(a) else ""), (b[i] if i < len(b) else "")
            if x != y:
                out.append((page, x, y))
    return out


@dataclass
class Diff:
    old: Side
    new: Side
    tables: list[TableDiff]
    claims: list[dict]
    findings: list[tuple[str, str, str]]

    @property
    def same_data(self) -> bool:
        return all(t.same for t in self.tables)


def compare(old_arg: str, new_arg: str, into: Path | None = None) -> Diff:
    """The diff of two versions (each a data folder, a release folder or a git revision); a revision is
    extracted into `into` (default: a temporary folder, removed after)."""
    if into is None:
        with tempfile.TemporaryDirectory(prefix="blackwork-diff-") as tmp:
            return compare(old_arg, new_arg, Path(tmp))
    old, new = open_side(old_arg, into / "old"), open_side(new_arg, into / "new")
    tables = diff_tables(old.data, new.data)
    moved = moved_rows(tables)
    return Diff(old, new, tables, diff_claims(old.claims, new.claims, moved), diff_findings(old.findings, new.findings))


# ---- as text and as HTML --------------------------------------------------------------------------

def _cut(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text(d: Diff, rows: int = 10) -> str:
    """The diff for the terminal; at most `rows` rows listed per table and kind (0: all)."""
    def some(items):
        return items if not rows else items[:rows]

    out = [f"{d.old.label} (data {d.old.version}) -> {d.new.label} (data {d.new.version})", "",
           f"{'table':<22}{'before':>7}{'after':>7}{'added':>7}{'removed':>8}{'changed':>8}"]
    for t in d.tables:
        out.append(f"{t.name:<22}{t.before:>7}{t.after:>7}{len(t.added):>7}{len(t.removed):>8}{len(t.changed):>8}")
    for t in (t for t in d.tables if not t.same):
        out += ["", f"{t.name}:"]
        out += [f"  column added: {c}" for c in t.columns_added] + [f"  column removed: {c}" for c in t.columns_removed]
        out += [f"  + {rid}" for rid in some(t.added)] + [f"  - {rid}" for rid in some(t.removed)]
        for rid in some(list(t.changed)):
            out.append(f"  ~ {rid}: " + "; ".join(f"{c} {_cut(o, 60)!r} -> {_cut(n, 60)!r}" for c, o, n in t.changed[rid]))
        hidden = sum(max(0, len(x) - rows) for x in (t.added, t.removed, t.changed)) if rows else 0
        if hidden:
            out.append(f"  … and {hidden} more rows (--rows 0 lists all)")
    out += ["", _claims_heading(d)]
    for c in d.claims:
        out.append(f"  {c['id']}: {c['old'] if c['old'] is not None else '?'} -> {c['new'] if c['new'] is not None else '?'}")
        out += [f"      moved by {r}" for r in some(c["rows"])]
    out += ["", f"Findings that read differently: {len(d.findings)}" if d.findings or d.old.findings else
            "Findings: the old side records none to compare."]
    for page, a, b in d.findings:
        out += [f"  {page}:", f"    was: {_cut(a, 300)}", f"    now: {_cut(b, 300)}"]
    out += ["", "The same data." if d.same_data else "The data differs."]
    return "\n".join(out) + "\n"


def _claims_heading(d: Diff) -> str:
    if d.old.claims is not None and d.new.claims is not None:
        return f"Claims whose value changed: {len(d.claims)}"
    if d.new.claims is not None or d.old.claims is not None:
        known = "NEW" if d.new.claims is not None else "OLD"
        return (f"Claims of {known} that rest on a row that moved: {len(d.claims)} (only {known}'s claims are known: "
                "a release folder or a git revision has them)")
    return "Claims: neither side's are known (compare release folders or git revisions to see them)."


def body(d: Diff) -> str:
    """The diff as HTML to put in a page (headings from h2 down), every text escaped, backticks too (so no
    text can end the MyST block the site's page of changes holds it in)."""
    def e(text) -> str:
        return html.escape(str(text)).replace("`", "&#96;")

    parts = [f"<p>{e(d.old.label)} → {e(d.new.label)}: data version {e(d.old.version)} → {e(d.new.version)}. "
             f"{'The same data.' if d.same_data else 'The data differs.'}</p>",
             "<h2>Row counts</h2><table><tr><th>table</th><th>before</th><th>after</th><th>added</th><th>removed</th>"
             "<th>changed</th></tr>" + "".join(
                 f"<tr><td>{e(t.name)}</td><td>{t.before}</td><td>{t.after}</td><td>{len(t.added)}</td>"
                 f"<td>{len(t.removed)}</td><td>{len(t.changed)}</td></tr>" for t in d.tables) + "</table>"]
    for t in (t for t in d.tables if not t.same):
        items = ([f"<li>column added: <code>{e(c)}</code></li>" for c in t.columns_added]
                 + [f"<li>column removed: <code>{e(c)}</code></li>" for c in t.columns_removed]
                 + [f'<li class="added">+ <code>{e(r)}</code></li>' for r in t.added]
                 + [f'<li class="removed">− <code>{e(r)}</code></li>' for r in t.removed]
                 + [f'<li class="changed">~ <code>{e(r)}</code>: ' + "; ".join(
                     f"<code>{e(c)}</code> <del>{e(o)}</del> → <ins>{e(n)}</ins>" for c, o, n in cells) + "</li>"
                    for r, cells in t.changed.items()])
        parts.append(f"<h2>{e(t.name)}</h2><ul>{''.join(items)}</ul>")
    parts.append(f"<h2>{e(_claims_heading(d))}</h2><ul>" + "".join(
        f"<li><code>{e(c['id'])}</code>: {e(c['old'] or '?')} → {e(c['new'] or '?')}<ul>"
        + "".join(f"<li>moved by {e(r)}</li>" for r in c["rows"]) + "</ul></li>" for c in d.claims) + "</ul>")
    parts.append(f"<h2>Findings that read differently: {len(d.findings)}</h2>" + "".join(
        f"<h3>{e(p)}</h3><p><del>{e(a)}</del></p><p><ins>{e(b)}</ins></p>" for p, a, b in d.findings))
    return "".join(parts)


def page(d: Diff) -> str:
    """The diff as one HTML page."""
    title = html.escape(f"{d.old.label} → {d.new.label}")
    style = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}del{background:#fdd}"
             "ins{background:#dfd;text-decoration:none}td,th{padding:0 .6em;text-align:right}td:first-child{text-align:left}")
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blackwork diff</title>"
            f"<style>{style}</style></head><body><h1>{title}</h1>{body(d)}</body></html>\n")
