"""Benchmark validation at scale: the real data package, and the same package repeated N times.

Builds, in a temporary folder, a package whose every table is the real one repeated N times (100 by
default: about 30,000 events and 52,000 roles), with every id suffixed per copy (`nikolai-yezhov`
becomes `nikolai-yezhov-x7` in copy 7) so that keys stay unique and foreign keys still resolve, and
the vocabulary tables (sources, sections) kept once. Then times, in one run, the read and validation
(`package.read_package` + `validate.check`, what `helpers.load` does without its cache) of the 1×
package (the baseline) and of the N× package, and prints seconds, the cost per 1,000 rows and the
ratio. The date parser's cache is cleared before each timing so both pay for parsing their dates
once. Times, not a test: the machine is noisy, so read the ratios, and run it twice.

    .venv/bin/python benchmarks/scale.py              # 100x
    .venv/bin/python benchmarks/scale.py --times 10
    .venv/bin/python benchmarks/scale.py --profile    # where the N x validation spends its time
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from helpers import dates, paths
from helpers.data import package, validate

#: Tables kept once: vocabularies that other tables point to by a fixed id, and the national series.
SHARED = ("sources", "sections", "convictions_by_year")
#: Text that must differ per copy for the package to stay valid (names name one person; tenures of
#: one post may not overlap): suffixed like the ids.
PER_COPY = {"people": {"name"}, "aliases": {"alias"}, "positions": {"post"}}


def id_fields(descriptor: dict) -> dict[str, set[str]]:
    """Per table, the fields to suffix per copy: an id of a copied table (its own single-field key, or
    a foreign key to one), and the PER_COPY text."""
    resources = {r["name"]: r for r in descriptor["resources"]}
    out: dict[str, set[str]] = {name: set(PER_COPY.get(name, ())) for name in resources}
    for name, r in resources.items():
        schema = r["schema"]
        pk = schema.get("primaryKey", [])
        if name not in SHARED and (isinstance(pk, str) or len(pk) == 1):
            out[name] |= set([pk] if isinstance(pk, str) else pk)
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            if target not in SHARED:
                fields = fk["fields"]
                out[name] |= set([fields] if isinstance(fields, str) else fields)
    return out


def repeat_package(source: Path, target: Path, times: int) -> int:
    """Write `source` repeated `times` times into `target`; return the number of rows written."""
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    shutil.copy(source / "datapackage.json", target / "datapackage.json")
    ids = id_fields(descriptor)
    rows_written = 0
    for r in descriptor["resources"]:
        text = (source / r["path"]).read_text(encoding="utf-8-sig")
        header, *rows = list(csv.reader(io.StringIO(text, newline="")))
        copies = 1 if r["name"] in SHARED else times
        columns = [i for i, name in enumerate(header) if name in ids[r["name"]]]
        out = [header]
        for k in range(copies):
            for row in rows:
                row = list(row)
                for i in columns:
                    if row[i]:
                        row[i] = f"{row[i]}-x{k}" if copies > 1 else row[i]
                out.append(row)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(out)
        (target / r["path"]).write_text(buf.getvalue(), encoding="utf-8")
        rows_written += len(out) - 1
    return rows_written


def validate_once(root: Path) -> tuple[float, list]:
    """Seconds to read and check the package (date cache cleared first), and its problems."""
    dates.parse.cache_clear()
    started = time.perf_counter()
    problems, _ = validate.check(package.read_package(root))
    return time.perf_counter() - started, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=100, help="how many copies of the data (default 100)")
    parser.add_argument("--profile", action="store_true", help="print the top functions of the big validation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp, "1x"), Path(tmp, f"{args.times}x")
        small.mkdir(), big.mkdir()
        n_small = repeat_package(paths.data_dir(), small, 1)
        n_big = repeat_package(paths.data_dir(), big, args.times)
        events = sum(1 for _ in (big / "events.csv").open(encoding="utf-8")) - 1
        roles = sum(1 for _ in (big / "roles.csv").open(encoding="utf-8")) - 1
        validate_once(small)  # warm up imports and pandas' first calls, not counted
        t_small, p_small = validate_once(small)
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
        t_big, p_big = validate_once(big)
        if args.profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    for name, problems in (("1x", p_small), (f"{args.times}x", p_big)):
        if problems:
            print(f"warning: the {name} package has {len(problems)} problems, e.g. {problems[0]}")
    per_small, per_big = t_small / n_small * 1000, t_big / n_big * 1000
    print(f"{'package':<10}{'rows':>9}{'seconds':>10}{'per 1,000 rows':>16}{'ratio':>8}")
    print(f"{'1x':<10}{n_small:>9,}{t_small:>10.2f}{per_small:>14.3f} s{1:>7.2f}x")
    print(f"{f'{args.times}x':<10}{n_big:>9,}{t_big:>10.2f}{per_big:>14.3f} s{t_big / t_small:>7.2f}x")
    print(f"{args.times}x package: {events:,} events, {roles:,} roles; it has {n_big / n_small:.0f}x the rows "
          f"and takes {t_big / t_small:.1f}x the time (per row: {per_big / per_small:.2f}x the 1x cost); "
          f"target for the 100x validation: <= 3 s.")


if __name__ == "__main__":
    main()
