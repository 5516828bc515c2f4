"""`blackwork`: validate the data, build the reports, refresh the notebooks. A thin shell: parsing,
printing and exit codes; the work is in `helpers.package`, `helpers.validate` and `helpers.report`."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import DataError, load, paths


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


def _bar(total: int, what: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="notebook", disable=None, leave=True)


def _report(args) -> int:
    from . import report

    names = report.notebooks(only=args.only)
    if not names:
        print(f"blackwork report: no notebook matches {args.only}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with _bar(len(names), "building") as bar:
        def tick(item):
            bar.set_postfix_str(item.name)
            bar.update()
        built = report.build(only=args.only, with_code=args.with_code, progress=tick)
    failed = [b for b in built if b.error]
    for b in failed:
        print(f"FAILED {b.name}: {b.error}. Its HTML, showing the failing cell, is in "
              f"{paths.REPORTS.name}-failed/{b.name}.html; the previous reports/ is untouched.", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"{len(built) - len(failed)} built, {len(failed)} failed in {seconds:.0f} s"
          + ("" if failed else f": open {paths.REPORTS / 'index.html'}"))
    return 1 if failed else 0


def _notebooks(args) -> int:
    from . import report

    names = report.notebooks(only=args.only)
    with _bar(len(names), "executing") as bar:
        def tick(item):
            bar.set_postfix_str(item.name)
            bar.update()
        report.execute_in_place(only=args.only, progress=tick)
    print(f"{len(names)} notebooks executed in place; review `git diff notebooks/` and commit them.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="blackwork", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the data package and print its row counts")
    p.add_argument("dir", nargs="?", help="folder holding datapackage.json (default: data/)")
    p.set_defaults(run=_validate)
    p = sub.add_parser("report", help="run every notebook and render reports/ with an index")
    p.add_argument("--only", nargs="+", metavar="NAME", help="build only notebooks whose name contains NAME")
    p.add_argument("--with-code", action="store_true", help="keep code cells in the HTML")
    p.set_defaults(run=_report)
    p = sub.add_parser("notebooks", help="re-execute the notebooks in place so stored outputs match the data")
    p.add_argument("--only", nargs="+", metavar="NAME")
    p.set_defaults(run=_notebooks)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DataError as err:
        print(f"blackwork {args.command}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; reports/ is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
