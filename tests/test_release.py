"""`blackwork release`: a citable folder and zip of one data version, the same bytes from the same inputs;
CITATION.cff valid under cffconvert; a release refused for data whose version was not bumped."""
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import cli, paths
from helpers.build import export, kernels, pipeline, release

from conftest import read_rows, seed_site, write_rows

#: The data's version (data/datapackage.json): the release's number.
VERSION = json.loads((paths.ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["version"]

#: Two reports keep the test short (each Sphinx build of the site is most of its time).
REPORTS = ("00-data-overview", "start-here")
UV = Path(sys.executable).parent / "uv"  # make setup installs it into .venv


def _release(target: Path, out: Path) -> Path:
    return release.release(cli.inputs(), out=out, target=target, dossiers=False, jobs=1, only=list(REPORTS))


def test_two_releases_of_the_same_inputs(tmp_path, capsys):
    """Two releases of the same inputs, the site's HTML made anew by Sphinx for the second: the same
    bytes, and what a release holds. One test (not a fixture shared by several), so that under xdist no
    second worker builds them again. The reports' executions are stored as an earlier build left them
    (`seed_site`), so no kernel runs."""
    first, second = _two_releases(tmp_path)
    _same_bytes_and_zip(first, second)
    _holds_the_package_exports_site_and_claims(first)
    assert cli.main(["diff", str(first), str(second)]) == 0  # a release folder is a side of diff
    assert "Claims whose value changed: 0" in capsys.readouterr().out


def _two_releases(root: Path) -> tuple[Path, Path]:
    target = root / "reports"
    seed_site(target, {name: name for name in REPORTS})
    first = _release(target, root / "dist1")
    site = pipeline.site_folder(target)
    for stale in ("html", "doctrees", "jupyter_execute", "published.json"):
        shutil.rmtree(site / stale, ignore_errors=True) if (site / stale).is_dir() else (site / stale).unlink(missing_ok=True)
    second = _release(target, root / "dist2")
    return first, second


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_bytes_and_zip(first: Path, second: Path) -> None:
    assert first.name == second.name == f"blackwork-{VERSION}"
    a, b = _files(first), _files(second)
    assert sorted(a) == sorted(b) and [n for n in a if a[n] != b[n]] == []
    zips = [folder.parent / f"{folder.name}.zip" for folder in (first, second)]
    assert zips[0].read_bytes() == zips[1].read_bytes()
    with zipfile.ZipFile(zips[0]) as archive:
        names = archive.namelist()
        assert names == sorted(names) and len(names) == len(a)
        assert {i.date_time for i in archive.infolist()} == {(2026, 12, 8, 0, 0, 0)}  # the CHANGELOG's date of the version
        assert {i.external_attr >> 16 for i in archive.infolist()} == {0o100644}


def _holds_the_package_exports_site_and_claims(folder: Path) -> None:
    descriptor = json.loads((paths.ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in (folder / "data").iterdir()) == sorted(
        ["datapackage.json", *(r["path"] for r in descriptor["resources"])])  # 17 tables and the descriptor
    assert len(list((folder / "data").iterdir())) == 18
    assert sorted(p.name for p in (folder / "exports").iterdir()) == sorted(export.FILES)
    assert 'lastmodifieddate="2026-12-08"' in (folder / "exports" / "network.gexf").read_text(encoding="utf-8")
    claims = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    assert claims and (folder / "site" / "claims.json").read_bytes() == (folder / "claims.json").read_bytes()
    assert {c["page"] for c in claims} == set(REPORTS)  # the two reports built, no dossier
    first = claims[0]["id"]
    anchor = "claim-" + "".join(ch if ch.isalnum() else "-" for ch in first)
    assert f'id="{anchor.rstrip("-")}"' in (folder / "site" / "claims.html").read_text(encoding="utf-8")
    index = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert f"Data version <code>{VERSION}</code>" in index and 'href="changes.html"' in index
    changes = (folder / "site" / "changes.html").read_text(encoding="utf-8")
    assert f"## {VERSION}" not in changes and f"{VERSION} — 2026-12-08" in changes  # the changelog, as HTML
    # the row diff from the version before needs its git commit (CHANGELOG's 0.4.0 section names 7db0ee9):
    # a clone that has it shows Markin's post added in 0.5.0; one without it, the changelog alone
    if subprocess.run(["git", "cat-file", "-e", "7db0ee9^{commit}"], cwd=paths.ROOT, capture_output=True).returncode == 0:
        assert f"From 0.4.0 to {VERSION}, row by row" in changes
        assert "valentin-markin--secret-police-agent" in changes
    else:
        assert "row by row" not in changes
    assert not (folder / "site" / "manifest.json").exists() and not (folder / "site" / "runs").exists()
    for name in ("CHANGELOG.md", "CITATION.cff", "LICENSE", "README.md", "findings.json", "SHA256SUMS"):
        assert (folder / name).is_file(), name
    assert set(json.loads((folder / "findings.json").read_text())) <= set(REPORTS)
    # Every page or picture of docs/ that README.md links to is in the release beside it; no script is.
    linked = set(re.findall(r"\]\((docs/[^)#\s]+)", (folder / "README.md").read_text(encoding="utf-8")))
    assert linked and all((folder / link).is_file() for link in linked), sorted(
        link for link in linked if not (folder / link).is_file())
    assert not list((folder / "docs").glob("*.py"))


def test_no_release_of_data_whose_version_was_not_bumped(data_copy, tmp_path, monkeypatch, capsys):
    write_rows(data_copy / "tallies.csv", read_rows(data_copy / "tallies.csv")[:-1])  # 39 tallies, now 38
    monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("a kernel was started"))
    assert cli.main(["release", "--to", str(tmp_path / "dist"), "--no-dossiers"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("blackwork release: No release of data that fails the version check: The data changed "
                          f"(tallies: 39 rows, now 38) but its version is still {VERSION}")
    assert "Traceback" not in err and not (tmp_path / "dist").exists()


def test_citation_cff_is_valid_under_cffconvert(tmp_path):
    """cffconvert 2.0.0 pins jsonschema<4 (the project's lock has 4), so it runs in an environment of its
    own, pinned by tests/cffconvert.lock; a CITATION.cff without authors is refused, so the check bites."""
    def validate(path):
        return subprocess.run([str(UV), "tool", "run", "--quiet", "--with-requirements",
                               str(paths.ROOT / "tests" / "cffconvert.lock"), "--from", "cffconvert==2.0.0",
                               "cffconvert", "--validate", "-i", str(path)], capture_output=True, text=True)

    done = validate(paths.ROOT / "CITATION.cff")
    assert done.returncode == 0, done.stderr
    assert "valid according to schema version 1.2.0" in done.stdout
    text = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = json.loads((paths.ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"version: {version}\n" in text and 'date-released: "2026-12-08"' in text  # the data's version
    broken = tmp_path / "CITATION.cff"
    broken.write_text(text.replace("authors:\n  - name: The blackwork maintainers\n", ""), encoding="utf-8")
    assert validate(broken).returncode != 0


def test_a_changed_changelog_alone_has_the_site_built_again(tmp_path, monkeypatch):
    from helpers.build import versions

    log = tmp_path / "CHANGELOG.md"
    monkeypatch.setattr(versions, "CHANGELOG", log)
    log.write_text("## 0.2.0 — 2026-12-07\n\n- One change.\n", encoding="utf-8")
    before = pipeline._site_key([], {}, "abc", False)
    log.write_text("## 0.2.0 — 2026-12-07\n\n- One change, in better words.\n", encoding="utf-8")
    assert pipeline._site_key([], {}, "abc", False) != before
