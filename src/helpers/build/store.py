"""The execution store, and how a build's folder is kept, swapped in and guarded.

- Each execution is kept (`site_folder`) under a key of what it depends on (`job_key`: notebook,
  parameters, data, code, lock file); equal keys, the stored execution stands (`current`).
- A build writes into a temporary folder beside `reports/` and swaps it in (`swap_in`) only when
  everything succeeded; `runs/` of the last build is carried over (`carry`).
- One build at a time: a lock file beside `reports/` makes a second build refuse (`lock`, `BuildBusy`).
  SIGINT or SIGTERM raise `Interrupted` within the build (`stop_on_signals`); renames that must
  happen all or not at all hold them back (`signals_held`).
"""
from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import json
import os
import shutil
import signal
import threading
from pathlib import Path

from ..core import paths
from ..core.errors import BuildBusy, Interrupted
from .catalogue import Built, Job

MANIFEST = "manifest.json"


# ---- keys -------------------------------------------------------------------------------------

def data_checksum(root: Path | None = None) -> str:
    """A short SHA-256 of every file of the data package, to tell which data a build used."""
    root = root or paths.data_dir()
    digest = hashlib.sha256()
    for path in sorted(root.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code every report runs: the helpers package and the lock file."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parents[1].rglob("*.py")) + [paths.ROOT / "requirements.lock"]:
        if path.exists():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def job_key(job: Job, checksum: str) -> str:
    """What a report's execution depends on, as one digest: its notebook's content, its parameters,
    the data's checksum, the helpers' code and the lock file. Equal keys: the stored execution
    stands. (Showing the code or not is the site's business: `--with-code` runs nothing again.)"""
    h = hashlib.sha256(job.src.read_bytes())
    h.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    h.update(f"{checksum}|{code_digest()}|{job.label}".encode())
    return h.hexdigest()


# ---- the store --------------------------------------------------------------------------------

def site_folder(target: Path) -> Path:
    """Where the build keeps what it reuses between builds (beside `target`, e.g. .reports-site/):
    each report's executed notebook with the key it was run under, and the site's sources and HTML."""
    return target.with_name(f".{target.name}-site")


def docname(job_or_built) -> str:
    """A report's name in the site and the store: its HTML path without '.html' ('dossiers/nikolai-yezhov')."""
    return (job_or_built.html or "")[:-len(".html")]


def kept(root: Path, doc: str) -> Path:
    """Where the store keeps the executed notebook of `doc`."""
    return root / "executed" / f"{doc}.ipynb"


def read_store(root: Path) -> dict[str, dict]:
    """The executions kept from earlier builds: docname -> {"key", "built"} (store.json)."""
    try:
        return json.loads((root / "store.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_store(root: Path, store: dict[str, dict]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "store.json").write_text(json.dumps(store, indent=1, default=str), encoding="utf-8")


def current(root: Path, store: dict[str, dict], keys: dict[str, str]) -> set[str]:
    """The docnames of `keys` whose stored execution was made under the same key and is still there."""
    return {doc for doc, key in keys.items() if store.get(doc, {}).get("key") == key and kept(root, doc).exists()}


def stored(store: dict[str, dict], doc: str) -> Built:
    """The result stored for `doc`, as taken from an earlier build (`Built.cached`)."""
    return Built(**{**store[doc]["built"], "cached": True})


# ---- the folder of a build --------------------------------------------------------------------

def write_manifest(folder: Path, reports: list[Built], dossiers: list[Built]) -> None:
    """What the folder holds, for the next partial build to list beside what it rebuilds."""
    entries = {"reports": [dataclasses.asdict(b) for b in reports], "dossiers": [dataclasses.asdict(b) for b in dossiers]}
    (folder / MANIFEST).write_text(json.dumps(entries, indent=1, default=str), encoding="utf-8")


def carry(target: Path, tmp: Path, everything: bool) -> None:
    """Copy into `tmp` what the last build left in `target` and this one did not write: `runs/`
    always (runs of one notebook with other parameters), and with `everything` (a partial build) the
    other reports and dossiers too. Hard links where the file system allows: nothing is copied twice."""
    if not target.is_dir():
        return
    for path in sorted(target.rglob("*")):
        rel = path.relative_to(target)
        if not path.is_file() or rel.name in ("index.html", MANIFEST) and len(rel.parts) == 1:
            continue
        if not (everything or rel.parts[0] == "runs") or (tmp / rel).exists():
            continue
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, tmp / rel)
        except OSError:
            shutil.copy2(path, tmp / rel)


def swap_in(tmp: Path, target: Path) -> None:
    """Put `tmp` in the place of `target` (renames only, all or nothing); the old one is removed."""
    old = target.with_name(target.name + ".old")
    with signals_held():
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)


# ---- one build at a time, and signals ---------------------------------------------------------

@contextlib.contextmanager
def stop_on_signals():
    """Within this block SIGINT and SIGTERM raise `Interrupted` (once; a second signal while the build
    cleans up is ignored). Only in the main thread; elsewhere it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    hit: list[int] = []

    def handler(signum, frame):
        if hit:
            return
        hit.append(signum)
        raise Interrupted(signum)

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


@contextlib.contextmanager
def signals_held():
    """Hold SIGINT and SIGTERM back for a few renames, so they happen all or not at all."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


@contextlib.contextmanager
def lock(target: Path):
    """Hold the lock file beside `target` (.reports.lock) for one build; a second build refuses."""
    path = target.with_name(f".{target.name}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BuildBusy(f"Another build is writing {target.name}/ (it holds {path}); wait for it to end, "
                        f"then run again.") from None
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
