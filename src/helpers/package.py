"""Read `datapackage.json` and its CSV files into frames of text, one per table.

This is the only module that touches the data files. It reads every cell as text, exactly as
written (nothing is converted, dropped or filled in here); the frame's index is the cell's line in
the file, so that every later problem can say `file:row:field`. Reading problems (a file that is
missing, empty, not UTF-8, a quote left open, a row with too many cells) are returned, not raised,
so that one run lists them all.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import Problem

DESCRIPTOR = "datapackage.json"


@dataclass
class RawPackage:
    root: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # name -> text frame, index = line
    problems: list[Problem] = field(default_factory=list)

    def resource(self, name: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def read_descriptor(root: Path) -> dict:
    path = Path(root) / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no data package here (datapackage.json is missing)") from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_table(path: Path, names: list[str]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV as text cells; return the frame (index = line number) and any problems."""
    file = path.name
    if not path.exists():
        return None, [Problem(file, None, None, "file is missing")]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as err:
        line = _line_of(data, err.start)
        return None, [Problem(file, line, None, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(file, None, None, "file is empty; it needs a header row and at least one row")]

    problems: list[Problem] = []
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
    if header is None:
        return None, problems or [Problem(file, None, None, "file is empty; it needs a header row")]

    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    for name in missing:
        problems.append(Problem(file, 1, name, "column is missing"))
    for name in extra:
        problems.append(Problem(file, 1, name or "(blank)", "column is not in datapackage.json; remove or rename it"))
    if not missing and not extra and header != names:
        problems.append(Problem(file, 1, None, "columns are out of order; use the order of datapackage.json: " + ",".join(names)))
    if len(set(header)) != len(header):
        problems.append(Problem(file, 1, None, "a column name appears twice"))
    if not rows and not problems:
        problems.append(Problem(file, None, None, "has a header but no rows"))
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=object)
    return frame, problems


def read_package(root: Path) -> RawPackage:
    """Read every resource of the package in `root` as text."""
    root = Path(root)
    package = RawPackage(root=root, descriptor=read_descriptor(root))
    for resource in package.descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        frame, problems = read_table(root / resource["path"], names)
        package.problems.extend(problems)
        if frame is not None:
            package.frames[resource["name"]] = frame
    return package
