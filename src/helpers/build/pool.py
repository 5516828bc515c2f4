"""The build's worker processes: one per core, each keeping one kernel warm for all its reports.

Workers fork from a server process that has imported the build once (nbclient, nbconvert, helpers):
a new worker starts in milliseconds, not the two seconds a spawned one spends importing. The server
holds no threads or sockets, so forking it is safe (forking the build's process would not be).

A worker that dies, or runs longer than its reports' time limits allow, is killed with its kernels;
its task's reports fail with one sentence and a new worker takes the remaining tasks. Whatever goes
wrong in a worker becomes a failed report, never a traceback. A worker's kernels read the build's copy
of the data (`data_dir`, as BLACKWORK_DATA), and a worker ends with its kernels as soon as the build
is gone (`kernels.die_with`), even a build killed with SIGKILL: none runs on in the background.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import time
from pathlib import Path

from ..core import paths
from . import execute, kernels
from .catalogue import Built, Job

_GRACE = 120  # seconds a worker may take beyond its reports' time limits (kernel starts, rendering)
#: What the fork server imports once, for every worker it forks.
PRELOAD = ["helpers.build.pool", "nbclient", "papermill.parameterize", "jupyter_client.manager"]


class _Progress:
    """What a worker hands its runner as `progress`: each finished report's name goes to the parent."""

    def __init__(self, events):
        self.events = events

    def put(self, name: str) -> None:
        self.events.put(("done", None, name))


def worker(tasks, events, kernel_dir: str, data_dir: str | None = None, parent: tuple | None = None) -> None:
    """A worker process: run tasks until told to stop. Its kernels live in kernel_dir/w<pid>/ and read
    the data in `data_dir`; it ends with them when the process `parent` (pid, `kernels.started`) is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    own = os.path.join(kernel_dir, f"w{os.getpid()}")
    if parent is not None:
        kernels.die_with(*parent, on_death=lambda: kernels.kill_processes_with(own + "/"))
    os.environ[kernels.KERNEL_DIR] = own
    if data_dir:
        os.environ["BLACKWORK_DATA"] = data_dir
    kernels.quiet()
    kernel: dict = {}  # one warm kernel for all the worker's reports: a namespace reset between them
    try:
        while (task := tasks.get()) is not None:
            key, jobs, out_dir, with_code, timeout = task
            events.put(("start", key, os.getpid()))
            try:
                value = execute.run_batch(jobs, out_dir, with_code, _Progress(events), timeout, warm=True,
                                          html=False, kernel=kernel)
            except BaseException as err:  # never a traceback from the pool: each job becomes a failed result
                value = [execute.failed(job, f"the build failed on it ({type(err).__name__}: {err})") for job in jobs]
                kernels.stop(kernel.pop("client", None))
            events.put(("result", key, value))
    finally:
        kernels.stop(kernel.pop("client", None))


class _Pool:
    """The workers of one `run_pool` call, the tasks they took and the results they gave."""

    def __init__(self, tasks_list: list[list[Job]], out_dir: Path, with_code: bool, timeout: float,
                 kernel_dir: str, on_done=None, data_dir: str | None = None):
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)
        self.tasks_list, self.timeout, self.kernel_dir, self.on_done = tasks_list, timeout, kernel_dir, on_done
        # the fork server keeps the environment it started with: the data's folder goes to each worker
        self.data_dir, self.parent = data_dir or str(paths.data_dir()), (os.getpid(), kernels.started(os.getpid()))
        self.tasks, self.events = self.context.Queue(), self.context.Queue()
        for key, jobs in enumerate(tasks_list):
            self.tasks.put((key, jobs, out_dir, with_code, timeout))
        self.procs: dict[int, multiprocessing.Process] = {}
        self.results: dict[int, list[Built]] = {}
        self.running: dict[int, tuple[int, float]] = {}  # worker pid -> (task, started)

    def spawn(self) -> None:
        proc = self.context.Process(target=worker, args=(self.tasks, self.events, self.kernel_dir, self.data_dir,
                                                          self.parent), daemon=True)
        proc.start()
        self.procs[proc.pid] = proc

    def kill(self, pid: int) -> None:
        proc = self.procs.pop(pid)
        with contextlib.suppress(Exception):
            proc.kill()
            proc.join(5)
        kernels.kill_processes_with(os.path.join(self.kernel_dir, f"w{pid}") + "/")

    def receive(self) -> None:
        """Take the next message of a worker, if one comes within 0.2 s."""
        try:
            kind, key, value = self.events.get(timeout=0.2)
        except queue.Empty:
            return
        if kind == "start":
            self.running[value] = (key, time.monotonic())
        elif kind == "result":
            self.results[key] = value
            for pid, (task, _) in list(self.running.items()):
                if task == key:
                    del self.running[pid]
        elif kind == "done" and self.on_done:
            self.on_done(value)

    def reap(self) -> None:
        """Kill each worker that stopped or ran too long, fail its task, and start another in its place."""
        for pid, proc in list(self.procs.items()):
            task, started = self.running.get(pid, (None, 0.0))
            jobs = self.tasks_list[task] if task is not None else []
            overdue = task is not None and time.monotonic() - started > self.timeout * len(jobs) + _GRACE
            if proc.exitcode is None and not overdue:
                continue
            if task is not None and task not in self.results:
                why = "ran too long" if overdue else f"stopped (exit code {proc.exitcode})"
                self.results[task] = [execute.failed(job, f"its worker process {why}") for job in jobs]
                self.running.pop(pid, None)
            self.kill(pid)
            if len(self.results) + len(self.running) < len(self.tasks_list):
                self.spawn()

    def close(self) -> None:
        """Kill every worker left (and its kernels), and close the queues."""
        for pid in list(self.procs):
            self.kill(pid)
        for q in (self.tasks, self.events):
            q.cancel_join_thread()
            q.close()


def run_pool(tasks_list: list[list[Job]], out_dir: Path, with_code: bool, workers: int,
             timeout: float, kernel_dir: str, on_done=None, data_dir: str | None = None) -> dict[int, list[Built]]:
    """Run the tasks (each a list of jobs) in `workers` processes; results by task number. Their
    kernels read the data package in `data_dir` (default: this process's, BLACKWORK_DATA or data/).

    A worker that dies, or runs longer than its reports' time limits allow, is killed with its
    kernels; its task's reports fail with one sentence and a new worker takes the remaining tasks.
    On any exception (an interrupt) every worker and kernel is killed before it propagates.
    """
    pool = _Pool(tasks_list, out_dir, with_code, timeout, kernel_dir, on_done, data_dir)
    try:
        for _ in range(min(workers, len(tasks_list))):
            pool.spawn()
        while len(pool.results) < len(tasks_list):
            pool.receive()
            pool.reap()
        for _ in pool.procs:
            pool.tasks.put(None)
        for proc in pool.procs.values():
            proc.join(10)
    finally:
        pool.close()
    return pool.results
