"""Benchmark `helpers.load()`: a full read and validation (cold) against a read from the cache (warm).

In one run, with an empty cache folder of its own (a temporary $BLACKWORK_CACHE), it times:

1. cold: `load(use_cache=False)` with the date parser's cache cleared, what every load cost before
   the cache (the baseline);
2. first: `load()` on the empty cache: a miss, a validation, and writing the entry;
3. warm: `load()` again: checksumming the files and the code, and unpickling the tables.

Each is repeated (default 5) and the median printed, with its ratio to cold. Times, not a test: the
machine is noisy, so read the ratios, and run it twice. Target: warm <= 0.3 s.

    .venv/bin/python benchmarks/load.py
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

import helpers
from helpers import dates
from helpers.data import cache


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timings per way (median printed; default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BLACKWORK_CACHE"] = tmp
        helpers.load(use_cache=False)  # imports and pandas' first calls, not counted

        def cold():
            dates.parse.cache_clear()
            helpers.load(use_cache=False)

        def first():
            for entry in os.listdir(tmp):
                os.remove(os.path.join(tmp, entry))
            dates.parse.cache_clear()
            helpers.load()

        times = {"cold (validate)": [timed(cold) for _ in range(args.repeat)],
                 "first (miss + store)": [timed(first) for _ in range(args.repeat)],
                 "warm (from cache)": [timed(helpers.load) for _ in range(args.repeat)]}
        size = sum(os.path.getsize(os.path.join(tmp, e)) for e in os.listdir(tmp))
        cache.code_version.cache_clear()
        key_time = timed(lambda: cache.key(helpers.paths.data_dir()))
    base = statistics.median(times["cold (validate)"])
    print(f"{'helpers.load()':<22}{'median s':>10}{'min s':>8}{'ratio':>8}")
    for name, values in times.items():
        print(f"{name:<22}{statistics.median(values):>10.3f}{min(values):>8.3f}{statistics.median(values) / base:>7.2f}x")
    print(f"warm load is {base / statistics.median(times['warm (from cache)']):.0f}x faster than validating; "
          f"the entry is {size / 1e6:.1f} MB; the key (checksum of data and code) takes {key_time * 1000:.0f} ms. "
          "Target: warm <= 0.3 s.")


if __name__ == "__main__":
    main()
