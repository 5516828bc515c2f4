"""Benchmark the report build against the loop a user would otherwise write.

Builds the same collection (the main notebooks plus N dossiers) two ways in one run, into temporary
folders, and prints wall times and their ratio:

1. the naive loop: for each report, the `papermill` command line, then `jupyter nbconvert --to html
   --no-input`, one after another;
2. `blackwork report` (parallel workers, warm kernels for the dossiers, and the Sphinx site that
   holds every page, search included), into an empty folder: nothing is taken from a cache;
3. `blackwork report` again with nothing changed: the cache's side (every key current, the site
   not rebuilt).

It also times an "imports only" notebook (the overview's import cell and nothing else) through the
same naive loop, the floor any one report pays, and prints each way's cost per report against it.
Times, not a test: the machine is noisy, so read the ratios, and run it twice.

    .venv/bin/python benchmarks/build.py                # all dossiers (slow: the naive loop is long)
    .venv/bin/python benchmarks/build.py --dossiers 10  # a sample
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import helpers
from helpers import paths, report
from helpers.analyses.dossier import people_with_dossiers

BIN = Path(sys.executable).parent


def naive(jobs: list[tuple[Path, dict]], out: Path) -> float:
    """papermill CLI then nbconvert CLI, one report after another; returns seconds."""
    started = time.perf_counter()
    for i, (src, parameters) in enumerate(jobs):
        executed = out / f"{i:03d}-{src.stem}.ipynb"
        args = [str(BIN / "papermill"), str(src), str(executed), "--cwd", str(src.parent), "--no-progress-bar",
                "-k", "blackwork"]
        for key, value in parameters.items():
            args += ["-p", key, str(value)]
        subprocess.run(args, check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
                       check=True, capture_output=True)
    return time.perf_counter() - started


def imports_only(folder: Path) -> Path:
    overview = nbformat.read(paths.NOTEBOOKS / "00-data-overview.ipynb", as_version=4)
    imports = next(c for c in overview.cells if c.cell_type == "code")
    nb = new_notebook(cells=[new_markdown_cell("# Imports only"), new_code_cell(imports.source)],
                      metadata=overview.metadata)
    path = folder / "imports-only.ipynb"
    nbformat.write(nb, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossiers", type=int, help="number of dossiers (default: all)")
    args = parser.parse_args()

    ds = helpers.load()
    people = people_with_dossiers(ds)
    if args.dossiers is not None:
        people = people.head(args.dossiers)
    mains = report.notebooks()
    jobs = [(p, {}) for p in mains] + [(paths.NOTEBOOKS / "dossier.ipynb", {"person": pid}) for pid in people.person_id]
    print(f"{len(mains)} notebooks + {len(people)} dossiers = {len(jobs)} reports on {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "naive").mkdir()
        floor_nb = imports_only(tmp)
        floor = min(naive([(floor_nb, {})], tmp / "naive") for _ in range(2))
        naive_s = naive(jobs, tmp / "naive")
        env = {**os.environ, "BLACKWORK_REPORTS": str(tmp / "reports")}
        started = time.perf_counter()
        subprocess.run([str(BIN / "blackwork"), "report", "--limit-dossiers", str(len(people))],
                       check=True, capture_output=True, env=env)
        ours = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([str(BIN / "blackwork"), "report", "--limit-dossiers", str(len(people))],
                       check=True, capture_output=True, env=env)
        again = time.perf_counter() - started

    n = len(jobs)
    print(f"imports-only notebook (naive loop):  {floor:7.1f} s")
    print(f"naive loop:                          {naive_s:7.1f} s  ({naive_s / n:5.1f} s per report, "
          f"{naive_s / n / floor:4.2f}x imports-only)")
    print(f"blackwork report:                    {ours:7.1f} s  ({ours / n:5.1f} s per report, "
          f"{ours / n / floor:4.2f}x imports-only)")
    print(f"ratio blackwork report / naive loop: {ours / naive_s:7.2f}   (target <= 0.20, the site included)")
    print(f"blackwork report again, unchanged:   {again:7.1f} s  (target <= 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
