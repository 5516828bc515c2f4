"""Benchmark `make test`: the whole suite in one process, then on every core (as `make test` runs
it), in one run, printing both wall times and their ratio. Times, not a test: the machine is noisy.

    .venv/bin/python benchmarks/tests.py
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *args], cwd=ROOT, capture_output=True, text=True)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-200:]
    return time.perf_counter() - started, last


def main() -> int:
    serial, s_out = timed("-p", "no:xdist")
    parallel, p_out = timed("-n", "auto")
    print(f"one process:        {serial:6.1f} s  ({s_out})")
    print(f"every core (-n auto): {parallel:6.1f} s  ({p_out})")
    print(f"ratio: {parallel / serial:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
