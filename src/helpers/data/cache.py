"""A cache of validated data packages, so that `helpers.load()` costs a file read, not a validation.

Validating parses every date and checks every rule (about half a second on this data), and every
notebook, dossier, test and CLI call loads the package again. This module keeps the typed tables of a
package that passed validation, pickled, under a key that is the SHA-256 of everything the result
depends on: the bytes of datapackage.json and of every file it names, the source of the helpers
package's data and core layers (src/helpers/data and src/helpers/core, so a changed rule is a miss) and the Python and pandas versions (pickles do
not travel between them). Any change to any of these is another key, so a stale entry is never read.

Only a package that passed is stored: a broken one is read and validated every time and raises the
same DataError. Entries live in $BLACKWORK_CACHE, else `.cache/load/` in the project (git-ignored),
never in the data folder; `BLACKWORK_CACHE=off` turns the cache off. An entry is written to a
temporary file and renamed into place, so parallel test workers and notebooks can share the folder;
a folder that cannot be written (a full disk), or an entry that cannot be read, only means no cache.
Each entry checks itself: it carries the SHA-256 of its pickle, and one that does not match (a
truncated or altered file) is a miss and is removed. The temporary file of a writer that died is
removed by the next writer. The folder keeps the KEEP most recently written entries. Entries are
pickles: the folder is the user's own, as trusted as the code beside it.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core import paths

#: How many entries the folder keeps (the real data, and a few copies tests or users load).
KEEP = 16
#: The first line of an entry; the second is the SHA-256 of the pickle that follows.
MAGIC = b"blackwork load cache 1\n"


def folder() -> Path | None:
    """Where entries live, or None when the cache is off."""
    setting = os.environ.get("BLACKWORK_CACHE", "")
    if setting.lower() == "off":
        return None
    return Path(setting) if setting else paths.ROOT / ".cache" / "load"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that reads, validates and types a package (the data and core layers) and
    of the versions that shape a pickle (once per process)."""
    digest = hashlib.sha256(f"{sys.version}|{pd.__version__}".encode())
    package = Path(__file__).resolve().parents[1]
    for layer in ("core", "data"):
        for path in sorted((package / layer).glob("*.py")):
            digest.update(f"{layer}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(root: Path) -> str | None:
    """The key of the package in `root`: a digest of its descriptor, the files it names, and the code.

    None when the package cannot even be read this far (no descriptor, not JSON, a file that is a
    folder or unreadable): such a package is never cached, and loading it reports what is wrong."""
    try:
        descriptor_bytes = (root / "datapackage.json").read_bytes()
        descriptor = json.loads(descriptor_bytes.decode("utf-8-sig"))
        digest = hashlib.sha256(code_version().encode() + b"\0" + descriptor_bytes)
        inside = root.resolve()
        for resource in descriptor["resources"]:
            path = str(resource["path"])
            file = (root / path).resolve()
            if inside not in file.parents or not file.is_file():
                return None  # outside the folder, a pipe, a device or a folder: never read it here
            digest.update(b"\0" + path.encode() + b"\0" + file.read_bytes())
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return digest.hexdigest()


def get(k: str) -> tuple[dict, dict[str, pd.DataFrame]] | None:
    """The descriptor and typed tables stored under key `k`, or None (no entry, cache off, or an entry
    that cannot be read)."""
    where = folder()
    if where is None:
        return None
    path = where / f"{k}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, digest, payload = data[:len(MAGIC)], data[len(MAGIC):len(MAGIC) + 64], data[len(MAGIC) + 65:]
    try:
        if head != MAGIC or hashlib.sha256(payload).hexdigest().encode() != digest:
            raise ValueError("a damaged entry")
        stored = pickle.loads(payload)
        return stored["descriptor"], stored["tables"]
    except Exception:  # truncated, altered or otherwise unreadable: a miss, never an error
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def put(k: str, descriptor: dict, tables: dict[str, pd.DataFrame]) -> None:
    """Store a validated package's descriptor and typed tables under key `k` (atomically), then drop the oldest entries beyond KEEP. Never raises
    for a folder that cannot be written: the cache is only a shortcut."""
    where = folder()
    if where is None:
        return
    try:
        payload = pickle.dumps({"descriptor": descriptor, "tables": tables}, protocol=pickle.HIGHEST_PROTOCOL)
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".writing-{os.getpid()}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(tmp, where / f"{k}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        entries = sorted(where.glob("*.pickle"), key=_mtime, reverse=True)
        for old in entries[KEEP:] + _left_by_the_dead(where):
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return


def _left_by_the_dead(where: Path) -> list[Path]:
    """Temporary files of writers whose process is gone (killed while writing)."""
    left = []
    for path in where.glob(".writing-*.tmp"):
        pid = path.name.split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid():
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                left.append(path)
            except OSError:
                pass
    return left


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0
