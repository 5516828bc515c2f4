"""The execution store, and how a build's folder is kept, swapped in and guarded.

- Each execution is kept (`site_folder`) under a key of what it depends on (`job_key`: notebook,
  parameters, data, code, lock file); equal keys, the stored execution stands (`current`). The data a
  build's kernels read is a copy of the package taken when it starts (`snapshot`), and its key is made
  from that copy: an edit while the build runs is the next build's.
- The cache checks itself: each kept execution carries its SHA-256, and store.json its shape
  (`read_store`, `verify_store`); a file vouched for by a record (`write_record`, `read_record`: the
  site's HTML, the downloads) is compared with it before it is used. Whatever is damaged is told in
  one line and made again. Every write into the cache is whole or not at all (`atomic_write`).
- A build writes into a temporary folder beside `reports/` and swaps it in (`swap_in`) only when
  everything succeeded; `runs/` of the last build is carried over (`carry`). What a build that died
  left behind is removed by the next one (`clear_leftovers`).
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
import re
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import paths
from ..core.errors import BuildBusy, Interrupted
from . import kernels
from .catalogue import Built, Job, text_of

if TYPE_CHECKING:
    from .inputs import Inputs

MANIFEST = "manifest.json"
#: Cell metadata a run writes and no report depends on: run timings (nbclient's, Jupyter's), UI state.
VOLATILE = frozenset({"execution", "ExecuteTime", "collapsed", "scrolled"})
_DIGESTS: dict[str, str] = {}  # a notebook file's SHA-256 -> the digest of what its reports depend on


# ---- writing whole or not at all --------------------------------------------------------------

def atomic_write(path: Path, data: bytes | str) -> None:
    """Write `data` into `path` through a temporary file beside it, renamed into place: a kill or a full
    disk leaves the old file or the new one, never a part. An error names `path`."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError):
            raise OSError(err.errno, err.strerror, str(path)) from None
        raise


def atomic_copy(src: Path, dst: Path) -> str:
    """Copy `src` to `dst` whole or not at all (as `atomic_write`); the SHA-256 of what was copied."""
    data = src.read_bytes()
    atomic_write(dst, data)
    return hashlib.sha256(data).hexdigest()


def sha256_of(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None if it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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


def snapshot(root: Path, into: Path) -> Path:
    """A copy of the data package in `root` (its files), made in `into`: what a build's kernels read
    (BLACKWORK_DATA) and its checksum, dataset and downloads are made from, so that the key of every
    execution is made from the bytes its kernel read."""
    into.mkdir(parents=True)
    for path in sorted(root.glob("*")):
        if path.is_file():
            shutil.copyfile(path, into / path.name)
    return into


def source_digest(src: Path) -> str:
    """What a notebook's reports depend on: its cells' kinds, sources and metadata, and its own metadata.
    Not the outputs, execution counts and run timings that running it again in place (`make notebooks`)
    changes: a notebook run again with nothing changed keeps its key. A file that is no notebook: its bytes."""
    data = src.read_bytes()
    raw = hashlib.sha256(data).hexdigest()
    if raw not in _DIGESTS:
        try:
            nb = json.loads(data)
            kept_ = {"cells": [[c["cell_type"], text_of(c["source"]),
                                {k: v for k, v in c.get("metadata", {}).items() if k not in VOLATILE}]
                               for c in nb["cells"]],
                     "metadata": {k: v for k, v in nb.get("metadata", {}).items() if k not in ("widgets", "papermill")}}
            _DIGESTS[raw] = hashlib.sha256(json.dumps(kept_, sort_keys=True).encode()).hexdigest()
        except (ValueError, KeyError, TypeError, AttributeError):
            _DIGESTS[raw] = raw
    return _DIGESTS[raw]


def job_key(job: Job, checksum: str) -> str:
    """What a report's execution depends on, as one digest: its notebook's content (`source_digest`), its
    parameters, the data's checksum, the helpers' code and the lock file. Equal keys: the stored
    execution stands. (Showing the code or not is the site's business: `--with-code` runs nothing again.)"""
    h = hashlib.sha256(source_digest(job.src).encode())
    h.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    h.update(f"{checksum}|{code_digest()}|{job.label}".encode())
    return h.hexdigest()


#: Where a build keeps the dossiers' people it last planned (in its site folder), with their key.
DOSSIERS_PLANNED = "dossiers.json"


def remembered(inputs: Inputs, root: Path) -> Inputs:
    """`inputs` whose `dossiers` is remembered in `root`/DOSSIERS_PLANNED between builds: the people
    (person_id, name) and the key they were computed for, the data's load-cache key (`Dataset.checksum`)
    with the code's digest (`store.code_digest`: every module of helpers and the lock file) and the
    function's name. A build with nothing changed reads them instead of deriving every fate again. The
    file checks itself (the SHA-256 of the people it lists); one that does not match, or a different
    key, is computed again and rewritten. Only a function of the helpers package is remembered (its
    code is in the key); any other (a test's) runs every time, as does one given data with no checksum."""
    given = inputs.dossiers
    name = f"{getattr(given, '__module__', '')}.{getattr(given, '__qualname__', '')}"
    if not name.startswith("helpers.") or "<" in name:
        return inputs

    def dossiers(dataset):
        import pandas as pd

        checksum = getattr(dataset, "checksum", None)
        if not checksum:
            return given(dataset)
        key = hashlib.sha256(f"{checksum}|{code_digest()}|{name}".encode()).hexdigest()
        file = root / DOSSIERS_PLANNED
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            people = record["people"]
            if (record["key"] == key and isinstance(people, list)
                    and hashlib.sha256(json.dumps(people).encode()).hexdigest() == record["sha256"]):
                return pd.DataFrame([tuple(p) for p in people], columns=["person_id", "name"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        chosen = given(dataset)
        people = [[str(pid), str(n)] for pid, n in zip(chosen.person_id, chosen.name)]
        if not root.is_dir():  # no store yet: a build stopped before it keeps one leaves nothing behind
            return chosen
        try:
            atomic_write(file, json.dumps({"key": key, "sha256": hashlib.sha256(json.dumps(people).encode()).hexdigest(),
                                           "people": people}))
        except OSError:  # only a shortcut: the next build computes them again
            pass
        return chosen

    return dataclasses.replace(inputs, dossiers=dossiers)


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


def _listing(names: list[str], most: int = 3) -> str:
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _whole_entry(entry) -> bool:
    """An entry of store.json as a build writes it: a key (None: run again), the SHA-256 of its kept
    notebook (older builds kept none) and the fields of its result."""
    fields = {f.name for f in dataclasses.fields(Built)}
    if not (isinstance(entry, dict) and isinstance(entry.get("key"), (str, type(None)))
            and isinstance(entry.get("sha256", ""), str) and isinstance(entry.get("built"), dict)):
        return False
    built = entry["built"]
    return (set(built) <= fields and all(isinstance(built.get(k), str) for k in ("name", "title", "summary"))
            and isinstance(built.get("parameters", {}), dict) and isinstance(built.get("html") or "", str))


def read_store(root: Path, note=None) -> dict[str, dict]:
    """The executions kept from earlier builds: docname -> {"key", "sha256", "built"} (store.json).
    A store.json that is not JSON or not of that shape, or an entry that is not, is told in one line
    (`note`) and left out: what it held runs again."""
    path = root / "store.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        raw = err
    note = note or to_stderr
    if not isinstance(raw, dict):
        what = "not JSON" if isinstance(raw, Exception) else "not a table of executions"
        note(f"{path} is damaged ({what}): every report it held runs again.")
        return {}
    store = {doc: entry for doc, entry in raw.items() if _whole_entry(entry)}
    if len(store) < len(raw):
        bad = sorted(set(raw) - set(store))
        note(f"{path} is damaged ({_listing(bad)}: not an execution as a build stores it): "
             f"{'it runs' if len(bad) == 1 else 'they run'} again.")
    return store


def _whole_notebook(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data)["cells"], list)
    except (ValueError, KeyError, TypeError):
        return False


def verify_store(root: Path, store: dict[str, dict], note=None) -> dict[str, dict]:
    """The entries of `store` whose kept notebook is there and whole: as its recorded SHA-256 says, or
    (an entry of an older build, without one) a notebook that reads as JSON, its SHA-256 then recorded.
    The others are told in one line and left out (their files removed): they run again."""
    damaged = []
    for doc, entry in list(store.items()):
        try:
            data = kept(root, doc).read_bytes()
        except OSError:
            data = None
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
        if data is not None and (digest == entry["sha256"] if "sha256" in entry else _whole_notebook(data)):
            entry["sha256"] = digest
            continue
        damaged.append(doc)
        del store[doc]
        with contextlib.suppress(OSError):
            kept(root, doc).unlink()
    if damaged:
        (note or to_stderr)(f"{len(damaged)} stored execution{'s' if len(damaged) > 1 else ''} in {root} "
                            f"{'are' if len(damaged) > 1 else 'is'} missing or damaged ({_listing(damaged)}): "
                            "run again by any build that includes them.")
    return store


def write_store(root: Path, store: dict[str, dict]) -> None:
    atomic_write(root / "store.json", json.dumps(store, indent=1, default=str))


def current(root: Path, store: dict[str, dict], keys: dict[str, str]) -> set[str]:
    """The docnames of `keys` whose stored execution was made under the same key and is still there."""
    return {doc for doc, key in keys.items() if store.get(doc, {}).get("key") == key and kept(root, doc).exists()}


def to_stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr)


# ---- records: what a folder of the cache held when it was made ------------------------------

def write_record(path: Path, key: str | None, base: Path, under: list[str]) -> None:
    """Record in `path` the key something was made for and the SHA-256 of every file under `base`/each
    of `under` (a file or a folder), by its path from `base`."""
    files = {}
    for name in under:
        top = base / name
        for file in ([top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())):
            files[str(file.relative_to(base))] = sha256_of(file)
    atomic_write(path, json.dumps({"key": key, "files": files}, indent=0, sort_keys=True))


def read_record(path: Path, base: Path) -> tuple[bool, str | None, list[str]]:
    """What the record in `path` vouches for: (whether there is one, the key, the files under `base` that
    are missing or differ from it). A record that cannot be read is none."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        files = dict(record["files"])
        key = record["key"]
    except (OSError, ValueError, KeyError, TypeError):
        return False, None, []
    return True, key, sorted(rel for rel, digest in files.items() if sha256_of(base / rel) != digest)


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


def alive(pid: int) -> bool:
    """Whether process `pid` exists (a zombie counts: it is not gone until reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _dead(name: str, pattern: str) -> bool:
    """Whether `name` matches `pattern` (its first group a pid) and that process is gone."""
    match = re.fullmatch(pattern, name)
    return bool(match) and int(match[1]) != os.getpid() and not alive(int(match[1]))


def clear_leftovers(target: Path) -> None:
    """Remove what builds that died (kill -9, a power cut) left, once their process is gone: the folder
    a build writes beside `target` (.reports-<pid>, .reports-<pid>-run-...), the kernel folder in the
    temporary folder (blackwork-<pid>-..., with any kernel still running from it), the temporary files
    of writes into the cache; and a `target`.old whose swap was cut short goes back in place."""
    for path in target.parent.glob(f".{target.name}-*"):
        if _dead(path.name, rf"\.{re.escape(target.name)}-(\d+)(-.*)?"):
            shutil.rmtree(path, ignore_errors=True)
    for path in Path(tempfile.gettempdir()).glob("blackwork-*-*"):
        if path.is_dir() and _dead(path.name, r"blackwork-(\d+)-.*"):
            kernels.kill_processes_with(f"{path}/")
            shutil.rmtree(path, ignore_errors=True)
    root = site_folder(target)
    for path in (root.rglob(".*.tmp") if root.is_dir() else []):
        if _dead(path.name, r"\..*\.(\d+)\.tmp"):
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    old = target.with_name(target.name + ".old")
    if old.is_dir():
        with signals_held():
            if target.exists():
                shutil.rmtree(old)
            else:
                old.rename(target)


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
