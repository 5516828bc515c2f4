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

Measured with --dossiers 8 (7 notebooks + 8 dossiers) on the shared 2-core machine, 7 December 2026,
while other sessions loaded it (load average 1 to 9, changing within a run): the ratios below are not
comparable across runs, and one run's ratio moves with the load of its two phases.

    before (4fbfde9)   naive loop 1151.8 s, blackwork report 230.4 s, ratio 0.20, unchanged 3.7 s
                       (the README's figures on an idle machine: 332.7 s, 81.1 s, 0.24, 3.4 s)
    after  (work-perf) naive loop  762.9 s, blackwork report  79.1 s, ratio 0.10, unchanged 2.4 s

The same two builds back to back at one load (about 3, `blackwork report` alone): from nothing
136 s before and 134 s after (report 02: 55.6 s and 48.4 s; a dossier 3.9 s and 3.5 s on average);
with nothing changed, four runs of each interleaved: 3.7-4.5 s before, 2.8-3.8 s after (medians 4.1
and 3.0 s). So the no-change gain (about 1 s: no fate derived, no parameter checked) is measured;
most of the "after" ratio above came from a lighter load during its build, and the 0.20 target is
not shown met: reports 01 and 02 (about 46 s each under that load) dominate a build from nothing.

On a fresh clone of data 0.3.1 (turnover's tenures memoised too), the machine otherwise idle: naive
loop 288.7 s, blackwork report 60.4 s, ratio 0.21, unchanged 1.7 s (docs/performance.md).

What changed: derived values of loaded data (the fates, the views of every reading, report 02's
tenures, falls, spans and acts) are computed once per process per data checksum (`Dataset.memo`),
so a warm kernel derives the fates once for all its dossiers and report 02 once per reading; a build
with nothing changed reads the dossiers' people from the site folder and checks no parameter of a
report it does not run.
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
