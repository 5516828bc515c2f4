"""blackwork: validate the data, build the reports and their site, list the notebooks' parameters,
refresh the notebooks, export the data, run JupyterLab, and record, release and compare citable
versions. `blackwork COMMAND --help` says more of each.

A thin shell: parsing, printing and exit codes; the work is in `helpers.evidence` (loading and
validating) and `helpers.build`, which is given what it shows by `inputs` (the one place the build
meets the analyses)."""
from __future__ import annotations

import argparse
import errno
import math
import sys
import time
from pathlib import Path

from .core import paths
from .core.errors import BuildBusy, DataError, Interrupted, ParameterError
from .evidence import load

#: `blackwork --help`'s description: the docstring's first paragraph, whole (its sentences, not its first line).
DESCRIPTION = " ".join(__doc__.split("\n\n")[0].split())


def _validate(args) -> int:
    root = Path(args.dir) if args.dir else paths.data_dir()
    try:
        ds = load(root)
    except FileNotFoundError as err:
        print(f"blackwork validate: {err}", file=sys.stderr)
        return 1
    print(f"{root}: valid")
    for name, n in ds.row_counts().items():
        print(f"  {name:<22}{n:>6}")
    return 0


def _bar(what: str, total: int | None = None):
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="report", disable=None, leave=True, dynamic_ncols=True)


def _failures(built) -> list[str]:
    return [f"FAILED {b.label or b.name}: {b.error}. Its HTML, with the failing cell, is "
            f"{paths.REPORTS.name}-failed/{b.html}." for b in built if b.error]


def inputs():
    """What the build shows and does not compute, from the analyses: the people who get a dossier and
    their pages' names, the register's rows (`dossier.register_rows`) and the network (`networks.graph`)."""
    from .analyses import dossier, networks
    from .build import Inputs

    return Inputs(dossiers=dossier.people_with_dossiers, file_name=dossier.file_name,
                  register=dossier.register_rows, network=networks.graph)


#: Each option's value that no command accepts: (what it accepts, in words; the check).
LIMITS = {
    "timeout": ("a number of seconds above 0", lambda v: math.isfinite(v) and v > 0),
    "jobs": ("a number of worker processes, 1 or more", lambda v: v >= 1),
    "limit_dossiers": ("a number of dossiers, 1 or more", lambda v: v >= 1),
    "rows": ("a number of rows, 0 (all) or more", lambda v: v >= 0),
    "port": ("a port from 1 to 65535 (leave it out for any free one)", lambda v: 1 <= v <= 65535),
}


def _check_options(args) -> None:
    """Refuse an option's value before anything runs, in one sentence (ParameterError, exit 1)."""
    for name, (accepts, ok) in LIMITS.items():
        value = getattr(args, name, None)
        if value is not None and not ok(value):
            raise ParameterError(f"--{name.replace('_', '-')} got {value:g}; it accepts {accepts}.")


def _trouble(err: OSError) -> str:
    """A file the command could not write or read, in one sentence."""
    where = err.filename or "a file"
    if err.errno == errno.ENOSPC:
        return f"the disk is full (writing {where}); free some space and run again."
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where} cannot be written ({err.strerror}); give a folder you can write to, or change its permissions."
    return f"{where}: {err.strerror or err}."


def _report_one(args, timeout: float, started: float) -> int:
    """`blackwork report NOTEBOOK -p ...`: one notebook with other parameters, into reports/runs/."""
    from . import build

    # Only a catalogued notebook of notebooks/, by name (or by its own path): nothing else is read.
    catalogued = {p.stem: p for p in build.notebooks()} | {build.DOSSIER: paths.NOTEBOOKS / f"{build.DOSSIER}.ipynb"}
    given = Path(args.notebook)
    src = catalogued.get(given.stem if given.suffix == ".ipynb" else args.notebook)
    if src is None or (len(given.parts) > 1 and given.resolve() != src.resolve()):
        names = ", ".join(sorted(catalogued))
        print(f"blackwork report: {args.notebook!r} is not one of the catalogued notebooks; "
              f"choose one of: {names}", file=sys.stderr)
        return 1
    parameters = dict(build.parse_parameter(p, src.stem) for p in args.parameter or [])
    built = build.run_one(src, parameters, with_code=args.with_code, timeout=timeout)
    if built.error:
        print(f"FAILED {built.name}: {built.error}. See {paths.REPORTS / (built.html or '')}", file=sys.stderr)
        return 1
    print(f"built {built.name} in {time.perf_counter() - started:.0f} s: open {paths.REPORTS / built.html}")
    return 0


def _report(args) -> int:
    from . import build

    started = time.perf_counter()
    timeout = args.timeout or build.REPORT_TIMEOUT
    if args.notebook:
        return _report_one(args, timeout, started)
    if args.parameter:
        print("blackwork report: -p needs a NOTEBOOK to run (e.g. blackwork report 01-purge-cadence -p freq=year)",
              file=sys.stderr)
        return 2
    bar = _bar("building")

    def planned(total):
        bar.reset(total=total)

    def done(name):
        bar.set_postfix_str(name[:30])
        bar.update()

    def note(line):  # a damaged entry of the cache, found and made again
        bar.write(line, file=sys.stderr)

    from .build.site import SiteError

    try:
        with bar:
            reports, dossiers = build.build(inputs(), only=args.only, with_code=args.with_code,
                                            dossiers=not args.no_dossiers, jobs=args.jobs, limit=args.limit_dossiers,
                                            on_plan=planned, on_done=done, timeout=timeout, on_note=note)
    except SiteError as err:
        print(f"blackwork report: {err}; {paths.REPORTS.name}/ is unchanged.", file=sys.stderr)
        return 1
    if not reports and not dossiers:
        print(f"blackwork report: no notebook matches {args.only}", file=sys.stderr)
        return 1
    problems = _failures(reports + dossiers)
    for line in problems:
        print(line, file=sys.stderr)
    seconds = time.perf_counter() - started
    ok_reports = sum(not b.error for b in reports)
    ok_dossiers = sum(not b.error for b in dossiers)
    cached = sum(b.cached for b in reports + dossiers)
    kept = f" ({cached} unchanged since the last build, not run again)" if cached else ""
    tail = ("; reports/ is unchanged" if problems else f": open {paths.REPORTS / 'index.html'}")
    print(f"{ok_reports} reports and {ok_dossiers} dossiers built, {len(problems)} failed in {seconds:.0f} s{kept}{tail}")
    return 1 if problems else 0


def _params(args) -> int:
    from .notebook import params

    names = [args.notebook] if args.notebook else sorted(params.specs())
    unknown = [n for n in names if params.spec(n) is None]
    if unknown:
        print(f"blackwork params: no notebook {unknown[0]!r} declares parameters; there are: "
              f"{', '.join(sorted(params.specs()))}", file=sys.stderr)
        return 1
    for name in names:
        print(f"{name}:")
        for line in params.describe(name):
            print(f"  {line}")
    return 0


def _notebooks(args) -> int:
    from . import build

    with _bar("executing") as bar:
        def tick(item):
            bar.set_postfix_str(item.name)
            bar.update()
        done = build.execute_in_place(only=args.only, progress=tick)
    print(f"{len(done)} notebooks executed in place; review `git diff notebooks/` and commit them.")
    return 0


def _export(args) -> int:
    from .build import export

    written = export.export(inputs(), Path(args.to) if args.to else None, force=args.force)
    print("wrote " + ", ".join(str(path) for path in written))
    return 0


def _version(args) -> int:
    """`blackwork version [--record]`: the data version and its check (exit 1 naming what is missing)."""
    from .build import versions

    if args.record:
        printed = versions.record()
        print(f"recorded the fingerprint of data version {printed['version']} in {versions.FINGERPRINT}")
        return 0
    problems = versions.status()
    for line in problems:
        print(f"blackwork version: {line}", file=sys.stderr)
    if not problems:
        print(f"data version {versions.descriptor(paths.data_dir())['version']}: its tables are as recorded for it")
    return 1 if problems else 0


def _release(args) -> int:
    from . import build
    from .build import release

    from .build.site import SiteError

    started = time.perf_counter()
    try:
        with _bar("building") as bar:
            folder = release.release(inputs(), out=Path(args.to) if args.to else None, dossiers=not args.no_dossiers,
                                     limit=args.limit_dossiers, jobs=args.jobs,
                                     timeout=args.timeout or build.REPORT_TIMEOUT,
                                     on_plan=lambda total: bar.reset(total=total), on_done=lambda name: bar.update())
    except SiteError as err:
        print(f"blackwork release: {err}; no release was written.", file=sys.stderr)
        return 1
    print(f"released {folder} and {folder.name}.zip in {time.perf_counter() - started:.0f} s")
    return 0


def _diff(args) -> int:
    """`blackwork diff OLD NEW`: exit 0 when the data is the same, 1 when it differs, 2 when OLD or NEW
    is none of what it accepts (as diff(1))."""
    from .build import diff

    try:
        found = diff.compare(args.old, args.new)
    except (ParameterError, DataError) as err:
        print(f"blackwork diff: {err}", file=sys.stderr)
        return 2
    print(diff.text(found, rows=args.rows), end="")
    if args.html:
        try:
            Path(args.html).write_text(diff.page(found), encoding="utf-8")
        except OSError as err:
            print(f"blackwork diff: --html {_trouble(err)}", file=sys.stderr)
            return 2
        print(f"wrote {args.html}")
    return 0 if found.same_data else 1


def _lab(args) -> int:
    from .notebook import lab

    return lab.main(port=args.port)


def _versions_parsers(sub) -> None:
    """`version`, `release` and `diff`: the commands of citable versions."""
    p = sub.add_parser("version", help="check that the data version, CHANGELOG.md and the recorded tables agree")
    p.add_argument("--record", action="store_true", help="record the tables' fingerprint for the data version "
                   "(after bumping it and adding a CHANGELOG section)")
    p.set_defaults(run=_version)
    p = sub.add_parser("release", help="build dist/blackwork-X.Y.Z/ (data, exports, site, claims.json) and its zip")
    p.add_argument("--to", metavar="DIR", help="folder to write the release into (default: dist/)")
    p.add_argument("--no-dossiers", action="store_true", help="skip the per-person dossiers")
    p.add_argument("--limit-dossiers", type=int, metavar="N", help="only the first N dossiers (tests)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="seconds each report may take (default: 600)")
    p.set_defaults(run=_release)
    p = sub.add_parser("diff", help="what changed between two versions: rows, cells, counts, claims, findings")
    p.add_argument("old", help="a data folder, a release folder (dist/blackwork-X.Y.Z) or a git revision")
    p.add_argument("new", help="the same kinds as OLD")
    p.add_argument("--html", metavar="FILE", help="also write the diff as an HTML page")
    p.add_argument("--rows", type=int, default=10, metavar="N", help="rows listed per table and kind (0: all; default 10)")
    p.set_defaults(run=_diff)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="blackwork", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the data package and print its row counts")
    p.add_argument("dir", nargs="?", help="folder holding datapackage.json (default: data/)")
    p.set_defaults(run=_validate)
    p = sub.add_parser("report", help="run the notebooks and render reports/ with an index and dossiers")
    p.add_argument("notebook", nargs="?", help="run only this notebook, with -p parameters, into reports/runs/")
    p.add_argument("-p", "--parameter", action="append", metavar="KEY=VALUE", help="a parameter for NOTEBOOK")
    p.add_argument("--only", nargs="+", metavar="NAME", help="build only notebooks whose name contains NAME")
    p.add_argument("--with-code", action="store_true", help="keep code cells in the HTML")
    p.add_argument("--no-dossiers", action="store_true", help="skip the per-person dossiers")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument("--limit-dossiers", type=int, metavar="N", help="build only the first N dossiers (tests, benchmarks)")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="seconds each report may take before it fails (default: 600)")
    p.set_defaults(run=_report)
    p = sub.add_parser("params", help="list each notebook's parameters: default, what it accepts, help")
    p.add_argument("notebook", nargs="?", help="only this notebook (e.g. 01-purge-cadence)")
    p.set_defaults(run=_params)
    p = sub.add_parser("notebooks", help="re-execute the notebooks in place so stored outputs match the data")
    p.add_argument("--only", nargs="+", metavar="NAME")
    p.set_defaults(run=_notebooks)
    p = sub.add_parser("export", help="write the data as SQLite, GeoJSON (places, events abroad) and GEXF (the network)")
    p.add_argument("--to", metavar="DIR", help="folder to write into (default: exports/); never the data folder, "
                   "nor a folder holding files it did not write")
    p.add_argument("--force", action="store_true", help="write into a folder holding other files, overwriting "
                   "only the export's own file names there")
    p.set_defaults(run=_export)
    _versions_parsers(sub)
    p = sub.add_parser("lab", help="run JupyterLab on the project (scratch/ for new notebooks) until Ctrl-C")
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (default: any free one)")
    p.set_defaults(run=_lab)
    args = parser.parse_args(argv)
    try:
        _check_options(args)
        return args.run(args)
    except (DataError, ParameterError) as err:
        print(f"blackwork {args.command}: {err}", file=sys.stderr)
        return 2 if args.command == "diff" else 1  # diff: 1 means the data differs
    except BuildBusy as err:
        print(f"blackwork {args.command}: {err}", file=sys.stderr)
        return 1
    except Interrupted as err:
        print(f"Interrupted; {paths.REPORTS.name}/ is unchanged.", file=sys.stderr)
        return err.code
    except KeyboardInterrupt:  # before the build took over the signals
        print(f"Interrupted; {paths.REPORTS.name}/ is unchanged.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except OSError as err:  # a full disk, a folder that cannot be written: what was there is left as it was
        tail = f" {paths.REPORTS.name}/ is unchanged." if args.command == "report" else ""
        print(f"blackwork {args.command}: {_trouble(err)}{tail}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
