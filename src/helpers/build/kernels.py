"""The build's kernels: started over IPC sockets (no port races) in a folder of the build's own, so
that a stopped build finds and kills every kernel it left (`kernel_folder`, `processes_with`).

A kernel that fails to start (`KernelStartError`) is started again once (`start`); `stop` kills
one whatever state it is in. A process the build starts (a worker, Sphinx's child) watches the build
(`die_with`) and ends, with its kernels, when the build is gone, even one killed with SIGKILL; a kernel
ends when its worker is gone (ipykernel's own watch of its parent).
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import warnings
from pathlib import Path

from .catalogue import REPORT_TIMEOUT, lazy

nbformat = lazy("nbformat")

KERNEL_DIR = "BLACKWORK_KERNEL_DIR"  # where kernels' connection files and sockets go (one folder per build)


class KernelStartError(RuntimeError):
    """A kernel did not start or did not answer; raised for any failure while starting one."""


def kernel_manager():
    """A kernel manager that talks to its kernel over IPC sockets with absolute paths, not TCP ports.

    Its connection file and sockets go into $BLACKWORK_KERNEL_DIR when set (the build's own folder,
    so that the kernel's command line names it and a stopped build can find and kill its kernels),
    else into Jupyter's runtime folder.
    """
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    def folder() -> Path:
        where = Path(os.environ.get(KERNEL_DIR) or jupyter_runtime_dir())
        where.mkdir(parents=True, exist_ok=True)
        return where

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self):
            return "ipc"

        @default("ip")
        def _default_ip(self):  # an absolute socket path, whatever the kernel's working directory
            return str(folder() / f"blackwork-{uuid.uuid4().hex[:12]}")

        @default("connection_file")
        def _default_connection_file(self):
            return str(folder() / f"kernel-{uuid.uuid4().hex[:12]}.json")

    return IPCKernelManager


def processes_with(marker: str) -> list[int]:
    """Ids of the processes whose command line contains `marker` (read from /proc; [] without it)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline and int(entry.name) != os.getpid():
            found.append(int(entry.name))
    return found


def kill_processes_with(marker: str) -> None:
    for pid in processes_with(marker):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def started(pid: int) -> str | None:
    """When process `pid` started (clock ticks after boot, from /proc/<pid>/stat): with its pid, what
    tells it from a later process given the same pid. None when it is gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return None if fields[0] in ("Z", "X") else fields[19]


def die_with(pid: int, start: str | None, on_death=None, every: float = 0.3) -> None:
    """End this process (os._exit) soon after process `pid`, started at `start` (`started`), is gone,
    first calling `on_death` (e.g. to kill its kernels). A thread watches; without /proc it does nothing."""
    if start is None or not Path("/proc/self/stat").exists():
        return

    def gone() -> bool:
        try:
            return started(pid) != start
        except OSError:  # /proc unreadable for a moment (e.g. no file handle left): no sign of a death
            return False

    def watch():
        while not gone():
            time.sleep(every)
        with contextlib.suppress(BaseException):
            if on_death is not None:
                on_death()
        os._exit(1)

    threading.Thread(target=watch, name=f"die-with-{pid}", daemon=True).start()


@contextlib.contextmanager
def kernel_folder():
    """A fresh folder for this build's kernels, named blackwork-<pid>-...; on the way out every process
    whose command line names it (a kernel left behind by a killed worker) is killed and it is removed."""
    folder = tempfile.mkdtemp(prefix=f"blackwork-{os.getpid()}-")
    before = os.environ.get(KERNEL_DIR)
    os.environ[KERNEL_DIR] = folder
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop(KERNEL_DIR, None)
        else:
            os.environ[KERNEL_DIR] = before
        kill_processes_with(folder + "/")
        shutil.rmtree(folder, ignore_errors=True)


def quiet() -> None:
    """Silence the logs and warnings of papermill, nbclient, nbconvert and Jupyter's client."""
    for name in ("papermill", "traitlets", "nbclient", "nbconvert", "jupyter_client"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="nbconvert")  # e.g. missing alt text on figures


def new_client(template: nbformat.NotebookNode, folder: Path):
    """A notebook client for `template` whose kernel (not started yet) works in `folder`."""
    from nbclient import NotebookClient

    client = NotebookClient(template, timeout=REPORT_TIMEOUT, kernel_name="blackwork",
                            kernel_manager_class=kernel_manager(), resources={"metadata": {"path": str(folder)}})
    client.shutdown_kernel = "immediate"  # nothing to save; a hung kernel must not hold the build
    return client


def start(client) -> None:
    """Start the client's kernel; any failure while doing so is a KernelStartError. Tried twice."""
    for attempt in (1, 2):
        try:
            client.km = client.create_kernel_manager()
            client.start_new_kernel(stderr=subprocess.DEVNULL)  # the kernel's own log, not cell output
            client.start_new_kernel_client()
            return
        except Exception as err:
            stop(client)
            if attempt == 2:
                raise KernelStartError(f"its kernel did not start ({type(err).__name__}: {err})") from err


def stop(client) -> None:
    """Shut the client's kernel down (killing it), whatever state it is in."""
    if client is None or client.km is None:
        return
    with contextlib.suppress(Exception):
        client._cleanup_kernel()
    with contextlib.suppress(Exception):
        if client.km is not None and client.km.has_kernel:
            client.km.provisioner.process.kill()
    client.km = client.kc = None
