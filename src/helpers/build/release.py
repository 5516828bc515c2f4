"""`blackwork release`: one citable version in `dist/blackwork-X.Y.Z/` and `dist/blackwork-X.Y.Z.zip`.

X.Y.Z is the data version (datapackage.json), which must pass the version check first
(`versions.status`: the tables as recorded for it, a CHANGELOG section). The site comes from the
build (`pipeline.build`, into reports/ as `blackwork report` does: only what changed runs), the
exports from `export.write`. The folder holds:

    data/           datapackage.json and the tables it lists, nothing else
    exports/        blackwork.sqlite, places.geojson, network.gexf, README.md
    site/           the report site (its downloads/ written here again, as below), claims.json in it
    claims.json     every claim of the site, by id (cite one as site/claims.html#claim-...)
    findings.json   each report's findings, as `blackwork diff` compares them
    CHANGELOG.md, CITATION.cff, LICENSE, README.md, SHA256SUMS
    docs/           the pages and pictures README.md links to

The same inputs give the same bytes: files are written in sorted order with no build time in them;
the one date a file holds (the GEXF's `lastmodifieddate`, each zip entry's date) is the version's
date in CHANGELOG.md; zip entries are sorted, with fixed permissions. The Sphinx HTML holds no build
time (the theme shows none, and `.buildinfo` and the build's manifest.json, with run timings, are
left out).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

from ..core import paths
from ..core.errors import ParameterError
from . import diff, export, versions
from .inputs import Inputs
from .publish import CLAIMS
from .store import site_folder

DIST = paths.ROOT / "dist"
#: What the site's copy leaves out: the build's record of its runs (with timings) and runs of one notebook.
LEFT_OUT = ("manifest.json", "runs", "downloads", ".buildinfo")
PROJECT_FILES = ("CHANGELOG.md", "CITATION.cff", "LICENSE", "README.md")
#: What of docs/ a release carries, so that README.md's links resolve in it: the pages and the pictures
#: (the scripts that draw the pictures stay in the repository).
DOC_SUFFIXES = (".md", ".png")


def zip_date(date: str) -> tuple[int, int, int, int, int, int]:
    y, m, d = (int(p) for p in date.split("-"))
    return (max(y, 1980), m, d, 0, 0, 0)


def write_zip(files: list[tuple[str, Path]], dest: Path, date: str) -> None:
    """A zip of (name in the zip, file) sorted by name, each entry dated `date`, mode 0644, deflated."""
    with zipfile.ZipFile(dest, "w") as archive:
        for name, path in sorted(files):
            info = zipfile.ZipInfo(name, zip_date(date))
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _copy_site(site: Path, into: Path) -> None:
    shutil.copytree(site, into, ignore=lambda d, names: [n for n in names if n in LEFT_OUT and Path(d) == site])


def _exports(inputs: Inputs, root: Path, into: Path, date: str) -> None:
    from ..evidence import load

    into.mkdir(parents=True)
    export.write(inputs, load(root), root, into, with_zip=False)
    gexf = into / export.FILES[2]  # networkx dates the file with today's date: the version's instead
    gexf.write_text(re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{date}"', gexf.read_text(encoding="utf-8"),
                           count=1), encoding="utf-8")


def findings_of(executed: Path) -> dict[str, list[str]]:
    """Each report's findings, from the build's executed notebooks (dossiers have none)."""
    out = {}
    for path in sorted(executed.glob("*.ipynb")):
        _, found = diff.notebook_outputs(json.loads(path.read_text(encoding="utf-8")), path.stem)
        if found:
            out[path.stem] = found
    return out


def assemble(inputs: Inputs, site: Path, root: Path, version: str, date: str, into: Path) -> None:
    """Fill the empty folder `into` with the release of the built `site` and the package in `root`."""
    (into / "data").mkdir(parents=True)
    for name in export.package_files(root):
        shutil.copyfile(root / name, into / "data" / name)
    _exports(inputs, root, into / "exports", date)
    _copy_site(site, into / "site")
    loads = into / "site" / "downloads"
    loads.mkdir()
    for path in _files(into / "exports"):
        shutil.copyfile(path, loads / path.name)
    write_zip([(f"blackwork-data/{n}", root / n) for n in export.package_files(root)], loads / "blackwork-data.zip", date)
    for where in (into, loads):
        shutil.copyfile(site / CLAIMS, where / CLAIMS)
    findings = findings_of(site_folder(site) / "executed")
    (into / "findings.json").write_text(json.dumps(findings, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
    for name in PROJECT_FILES:
        shutil.copyfile(paths.ROOT / name, into / name)
    for doc in sorted((paths.ROOT / "docs").glob("*")):  # the pages and pictures README.md links to
        if doc.is_file() and not doc.is_symlink() and doc.suffix in DOC_SUFFIXES:
            (into / "docs").mkdir(exist_ok=True)
            shutil.copyfile(doc, into / "docs" / doc.name)
    sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(into).as_posix()}" for p in _files(into)]
    (into / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for path in _files(into):
        os.chmod(path, 0o644)


def version_and_date(root: Path) -> tuple[str, str]:
    """The data version, after the version check, and its date in CHANGELOG.md."""
    problems = versions.status(root)
    if problems:
        raise ParameterError(f"No release of data that fails the version check: {problems[0]}")
    version = versions.descriptor(root)["version"]
    date = versions.sections(versions.CHANGELOG.read_text(encoding="utf-8")).get(version) or ""
    if not date:
        raise ParameterError(f"CHANGELOG.md's section for {version} gives no date; write it as '## {version} — YYYY-MM-DD'.")
    return version, date


def release(inputs: Inputs, out: Path | None = None, target: Path | None = None, dossiers: bool = True,
            limit: int | None = None, jobs: int | None = None, **build_options) -> Path:
    """Check the version, build the site (into `target`, default reports/), and write the release into
    `out` (default dist/): its folder, swapped in whole, and its zip. ParameterError when the version
    check fails or a report fails (the site is not released then)."""
    from .pipeline import build

    root = paths.data_dir()
    version, date = version_and_date(root)
    target = target or paths.REPORTS
    reports, people = build(inputs, target=target, dossiers=dossiers, limit=limit, jobs=jobs, **build_options)
    failed = [b for b in reports + people if b.error]
    if failed:
        raise ParameterError(f"{failed[0].label or failed[0].name} failed ({failed[0].error}); no release of a site "
                             f"with a failed report: see {target.name}-failed/.")
    out = Path(out or DIST)
    name = f"blackwork-{version}"
    tmp = out / f".{name}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    assemble(inputs, target, root, version, date, tmp)
    write_zip([(f"{name}/{p.relative_to(tmp).as_posix()}", p) for p in _files(tmp)], out / f".{name}.zip.tmp", date)
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    os.replace(out / f".{name}.zip.tmp", out / f"{name}.zip")
    return folder
