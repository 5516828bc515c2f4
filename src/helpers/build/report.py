"""Build the reports: run the notebooks in parallel, keep each execution, build the site.

- Every notebook in the catalogue runs in a pool of worker processes (one per core). Each worker
  keeps one kernel warm over IPC sockets (no port races) and runs its reports in it one after the
  other: each is parameterised by papermill's parameteriser and executed by nbclient after a
  namespace reset (`RESET`), which saves a kernel start and the imports for every report. A kernel
  that dies or runs out of time is replaced before the next report; one that fails to start
  (`KernelStartError`) is started again once.
- `notebooks/dossier.ipynb` runs once per person (members of the apparatus and everyone with a
  recorded fate).
- Only what changed runs: each execution is kept (`site_folder`) under a key of what it depends on
  (`job_key`: notebook, parameters, data, code, lock file); the site (`helpers.site`) is built from
  the kept executions by Sphinx and MyST-NB, and only when one of its sources changed.
- Each report may take `REPORT_TIMEOUT` seconds (`build(timeout=...)`, `blackwork report --timeout`);
  past it, or if its kernel dies, that report fails with one sentence and the build goes on. Whatever
  goes wrong in a worker becomes a failed report, never a traceback.
- Parameters are checked before any kernel starts against the notebook's declaration in
  `helpers.params`; no notebook code runs in this process.
- The build writes into a temporary folder beside `reports/` and swaps it in only when everything
  succeeded; a failed build goes to `reports-failed/` (each report it ran, rendered on its own with
  the failing cell) and the last good `reports/` stays readable.
  One build at a time: a lock file beside `reports/` makes a second build refuse (`BuildBusy`).
  SIGINT or SIGTERM stops the build within seconds (`Interrupted`): the workers and their kernels
  are killed, the temporary folders removed, `reports/` left exactly as it was.
"""
from __future__ import annotations

import ast
import contextlib
import copy
import dataclasses
import datetime as dt
import fcntl
import functools
import hashlib
import json
import logging
import math
import multiprocessing
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core import paths
from ..core.errors import BuildBusy, Interrupted, ParameterError
from ..evidence.fates import DEATH_FATES
from ..notebook import params as params_


def _lazy(name: str):
    """A module imported on first use (the standard library's LazyLoader recipe). nbformat's import
    (through jsonschema) costs a second or more, which a build with nothing to run need not pay."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


nbformat = _lazy("nbformat")

#: Run before each report in a warm kernel: a fresh namespace and pandas' display options back to their
#: defaults (a report may set them); modules stay imported, which is the point. Every report sets the
#: figure style itself (`style.use()`).
RESET = ("%reset -f\nimport warnings as _w, pandas as _pd\nwith _w.catch_warnings():\n"
         "    _w.simplefilter('ignore')\n    _pd.reset_option('all')\ndel _w, _pd")
REPORT_TIMEOUT = 600  # seconds a report (a notebook, or one dossier) may take before it fails
DOSSIER = "dossier"  # notebooks/dossier.ipynb: one report per person, not in the main list
KERNEL_DIR = "BLACKWORK_KERNEL_DIR"  # where kernels' connection files and sockets go (one folder per build)
_GRACE = 120  # seconds a worker may take beyond its reports' time limits (kernel starts, rendering)


class KernelStartError(RuntimeError):
    """A kernel did not start or did not answer; raised for any failure while starting one."""


@dataclass
class Job:
    """One report to build: a notebook, its parameters, and where its HTML goes (relative to reports/)."""

    name: str
    src: Path
    html: str
    parameters: dict = field(default_factory=dict)
    label: str = ""


@dataclass
class Built:
    name: str
    title: str
    summary: str
    html: str | None = None
    seconds: float = 0.0
    error: str | None = None
    parameters: dict = field(default_factory=dict)
    label: str = ""
    cached: bool = False  # taken from the last build: nothing it depends on changed


# ---- reading notebooks ------------------------------------------------------------------------

def notebooks(folder: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """The main notebooks of the catalogue (`params.catalogue`), in name order, without the dossier;
    `only` keeps names containing one of its words. Any other .ipynb in the folder (a draft) is no report."""
    folder = folder or paths.NOTEBOOKS
    catalogued = set(params_.catalogue()) - {DOSSIER}
    found = sorted(p for p in folder.glob("*.ipynb") if p.stem in catalogued)
    if only:
        found = [p for p in found if any(word in p.stem for word in only)]
    return found


def title_and_summary(nb: dict) -> tuple[str, str]:
    """The first heading of the first markdown cell and the paragraph after it."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = [line.strip() for line in _source(cell).splitlines()]
        title = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), "")
        paragraph: list[str] = []
        for line in lines:
            if line.startswith("#") or (not line and not paragraph):
                continue
            if not line:
                break
            paragraph.append(line)
        return title, " ".join(paragraph)
    return "", ""


def _text(value) -> str:
    """A cell's source or an output's text as one string: nbformat's object holds one, a notebook
    file's plain JSON may hold a list of lines."""
    return "".join(value) if isinstance(value, list) else value


def _source(cell) -> str:
    return _text(cell["source"])


def _tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def parameters_of(nb: nbformat.NotebookNode) -> dict:
    """The values a notebook ran with: its parameters cell, overridden by papermill's injected cell."""
    values: dict = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and (_tagged(cell, "parameters") or _tagged(cell, "injected-parameters")):
            tree = ast.parse(cell.source)
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def parse_parameter(text: str, notebook: str | None = None) -> tuple[str, object]:
    """'key=value' from the command line, the value typed as the notebook's declaration wants it
    (`helpers.params.parse_value`); without one, a Python literal if it reads as one, else text."""
    key, sep, raw = text.partition("=")
    if not sep or not key.isidentifier():
        raise ParameterError(f"{text!r} is not KEY=VALUE (for example freq=year or include_alleged=False).")
    return key, params_.parse_value(notebook, key, raw)


def explicit(src: Path, parameters: dict) -> dict:
    """Every declared parameter of `src` with its value: the declared default unless given. The build
    passes them all, so a value tried in JupyterLab and autosaved in the notebook changes no report."""
    declared = params_.spec(src.stem)
    return {**(declared.defaults if declared else {}), **parameters}


def preflight(src: Path, parameters: dict, dataset=None) -> None:
    """Check parameters before any kernel starts, without running any of the notebook's code.

    Unknown names are refused with the list of known ones; the values (the declared defaults with the
    given ones over them) go through `helpers.params.check_all`, the very check the notebook's own
    check cell makes. `dataset`: the loaded project data, if the caller has it. A notebook with no
    declaration (e.g. a test's) is only checked for names, against its parameters cell.
    """
    declared = params_.spec(src.stem)
    if declared is not None:
        known = declared.names
    else:
        try:
            known = list(parameters_of(nbformat.read(src, as_version=4)))
        except Exception:  # an unreadable notebook: its own run reports it, as a failed report
            known = []
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ParameterError(f"{src.stem} has no parameter `{unknown[0]}`; it accepts: {', '.join(known)}.")
    if declared is not None:
        params_.check_all(src.stem, {**declared.defaults, **parameters}, dataset=dataset)


def data_checksum(root: Path | None = None) -> str:
    """A short SHA-256 of every file of the data package, to tell which data a build used."""
    root = root or paths.data_dir()
    digest = hashlib.sha256()
    for path in sorted(root.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# ---- kernels ----------------------------------------------------------------------------------

def _kernel_manager():
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


def _kill_processes_with(marker: str) -> None:
    for pid in processes_with(marker):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def _kernel_folder():
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
        _kill_processes_with(folder + "/")
        shutil.rmtree(folder, ignore_errors=True)


def _quiet() -> None:
    for name in ("papermill", "traitlets", "nbclient", "nbconvert", "jupyter_client"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="nbconvert")  # e.g. missing alt text on figures


def _client(template: nbformat.NotebookNode, folder: Path):
    from nbclient import NotebookClient

    client = NotebookClient(template, timeout=REPORT_TIMEOUT, kernel_name="blackwork",
                            kernel_manager_class=_kernel_manager(), resources={"metadata": {"path": str(folder)}})
    client.shutdown_kernel = "immediate"  # nothing to save; a hung kernel must not hold the build
    return client


def _start(client) -> None:
    """Start the client's kernel; any failure while doing so is a KernelStartError. Tried twice."""
    for attempt in (1, 2):
        try:
            client.km = client.create_kernel_manager()
            client.start_new_kernel(stderr=subprocess.DEVNULL)  # the kernel's own log, not cell output
            client.start_new_kernel_client()
            return
        except Exception as err:
            _stop(client)
            if attempt == 2:
                raise KernelStartError(f"its kernel did not start ({type(err).__name__}: {err})") from err


def _stop(client) -> None:
    """Shut the client's kernel down (killing it), whatever state it is in."""
    if client is None or client.km is None:
        return
    with contextlib.suppress(Exception):
        client._cleanup_kernel()
    with contextlib.suppress(Exception):
        if client.km is not None and client.km.has_kernel:
            client.km.provisioner.process.kill()
    client.km = client.kc = None


# ---- running and rendering (in worker processes) ----------------------------------------------

def escape_markdown_outputs(nb: dict) -> dict:
    """Make text from the data show as text in Markdown outputs: a name such as <script> stays visible.

    Captions are Markdown built from the data, and Markdown lets raw HTML through; our captions use
    no HTML of their own, so every '<' in them is escaped. Tables (pandas escapes them), plain text
    and streams are escaped by nbconvert already.
    """
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = _text(data["text/markdown"]).replace("<", "&lt;")
    return nb


def _plain(markdown: str) -> str:
    return " ".join(re.sub(r"[*`#]", "", markdown).split())


def describe_figures(nb: dict) -> dict:
    """Give every figure its alt text: the heading of its section and the caption its cell prints
    (the one that starts 'What to see' when there is one), as plain text. A reader who cannot see the
    figure reads what it shows and what to see in it."""
    heading = title_and_summary(nb)[0]
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            heading = next((_plain(line) for line in _source(cell).splitlines() if line.startswith("#")), heading)
            continue
        outputs = cell.get("outputs", [])
        captions = [_plain(_text(o["data"]["text/markdown"])) for o in outputs
                    if "text/markdown" in o.get("data", {})]
        caption = next((c for c in captions if c.startswith("What to see")), captions[0] if captions else "")
        for out in outputs:
            if "image/png" in out.get("data", {}):
                alt = ". ".join(part.rstrip(".") for part in (heading, caption) if part) + "."
                out.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = alt[:1000]
    return nb


@functools.lru_cache(maxsize=2)
def _exporter(with_code: bool):
    """One HTML exporter per process and setting (building one costs more than rendering a report),
    with the project's template (templates/report.html.j2): nothing loaded from another host, and
    each figure's alt text."""
    from nbconvert import HTMLExporter

    return HTMLExporter(extra_template_paths=[str(paths.TEMPLATES)],
                        template_file="report.html.j2", exclude_input=not with_code, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def render(executed: Path, target: Path, with_code: bool = False, title: str | None = None) -> None:
    """HTML of an executed notebook; code cells hidden unless with_code. Text from the data is escaped.
    The page's title is `title` (a dossier's: the person's name), else the notebook's first heading."""
    from .site import retitle

    nb = describe_figures(escape_markdown_outputs(nbformat.read(executed, as_version=4)))
    if title:  # the heading too: a dossier's notebook says 'Dossier' there
        nb = nbformat.from_dict(retitle(nb, title))
    nb.metadata["title"] = title or title_and_summary(nb)[0] or executed.stem
    body, _ = _exporter(with_code).from_notebook_node(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


_ADDED = {"papermill-error-cell-tag", "injected-parameters"}


def _own_number(nb: nbformat.NotebookNode, index: int) -> int:
    """The number of cell `index` among the author's cells (papermill's added cells not counted)."""
    return sum(1 for c in nb.cells[: index + 1] if not _ADDED & set(c.get("metadata", {}).get("tags", [])))


def failure_text(nb: nbformat.NotebookNode) -> str:
    """Which of the author's cells failed and with what error (papermill's added cells not counted)."""
    own = [c for c in nb.cells if not _ADDED & set(c.get("metadata", {}).get("tags", []))]
    for number, cell in enumerate(own, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"cell {number}: {out.get('ename')}: {out.get('evalue')}"
    return "it stopped before any cell ran"


def _failed(job: Job, error: str, started: float | None = None) -> Built:
    seconds = time.perf_counter() - started if started else 0.0
    return Built(name=job.name, title="", summary="", error=error, parameters=job.parameters, label=job.label,
                 seconds=seconds)


def _executed_path(name: str, out_dir: Path, warm: bool) -> Path:
    """Where a run writes the executed notebook of the job `name` (a build's runs are all warm)."""
    return out_dir / "notebooks" / ("dossiers" if warm else "") / f"{name}.ipynb"


def _run_in(client, job: Job, template, out_dir: Path, with_code: bool, timeout: float,
            warm: bool, html: bool = True) -> tuple[Built, bool]:
    """Run one job in the client's live kernel; (its result, whether the kernel can run another)."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbformat.v4 import new_code_cell
    from papermill.parameterize import parameterize_notebook

    started = time.perf_counter()
    deadline = started + timeout
    nb = parameterize_notebook(copy.deepcopy(template), job.parameters, kernel_name="blackwork", language="python")
    reset = new_code_cell(RESET)  # a fresh namespace; modules stay imported, which is the point
    client.nb = nb
    client.reset_execution_trackers()
    error, healthy, index = None, True, -1
    try:
        if warm:
            nb.cells.append(reset)
            client.timeout = max(1, math.ceil(deadline - time.perf_counter()))
            client.execute_cell(reset, len(nb.cells) - 1)
            nb.cells.pop()
        for index, cell in enumerate(nb.cells):
            client.timeout = max(1, math.ceil(deadline - time.perf_counter()))
            client.execute_cell(cell, index)
    except CellExecutionError:
        error = failure_text(nb)
    except CellTimeoutError:
        error, healthy = f"cell {_own_number(nb, index)}: it ran past the {timeout:g} s a report may take", False
    except DeadKernelError:
        error, healthy = f"cell {_own_number(nb, index)}: its kernel died", False
    if nb.cells and nb.cells[-1] is reset:
        nb.cells.pop()
    executed = _executed_path(job.name, out_dir, warm)
    executed.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, executed)
    title, summary = title_and_summary(nb)
    if html:  # a run of its own (runs/); the build's site renders the executed notebooks itself
        render(executed, out_dir / job.html, with_code, title=job.label or title)
    built = Built(name=job.name, title=title, summary=summary, html=job.html, error=error,
                  parameters=parameters_of(nb), label=job.label, seconds=time.perf_counter() - started)
    return built, healthy


def _run_batch(jobs: list[Job], out_dir: Path, with_code: bool, progress, timeout: float, warm: bool,
               html: bool = True, kernel: dict | None = None) -> list[Built]:
    """Run jobs one after the other: in one kernel kept warm (restarted after a death or a time-out),
    or each in a fresh kernel. Whatever goes wrong with one job is its failed result.

    kernel: where a worker keeps its warm kernel between batches ({"client", "cwd"}); without it the
    kernel is stopped at the end. A kernel started in another folder than a job's is not reused."""
    _quiet()
    results: list[Built] = []
    kept = kernel if kernel is not None else {}
    client = kept.pop("client", None) if warm else None
    cwd = kept.pop("cwd", None)
    templates: dict[Path, nbformat.NotebookNode] = {}
    try:
        for job in jobs:
            started = time.perf_counter()
            healthy = True
            try:
                if job.src not in templates:
                    template = nbformat.read(job.src, as_version=4)
                    for cell in template.cells:  # papermill's parameteriser expects the metadata papermill adds
                        cell.metadata.setdefault("tags", [])
                    template.metadata.setdefault("papermill", {})
                    templates[job.src] = template
                if client is not None and cwd != job.src.parent:
                    _stop(client)
                    client = None
                if client is None:
                    client, cwd = _client(templates[job.src], job.src.parent), job.src.parent
                    _start(client)
                built, healthy = _run_in(client, job, templates[job.src], out_dir, with_code, timeout, warm, html)
            except KernelStartError as err:
                built, client = _failed(job, str(err), started), None
            except Exception as err:  # a fault of the build itself, e.g. an unreadable notebook
                built, healthy = _failed(job, f"{type(err).__name__}: {err}".strip().splitlines()[0], started), False
            results.append(built)
            if not (warm and healthy):
                _stop(client)
                client = None
            if progress is not None:
                progress.put(job.label or job.name)
        if kernel is not None and warm and client is not None:
            kernel.update(client=client, cwd=cwd)  # the worker's, for its next batch
            client = None
    finally:
        _stop(client)
    return results


def run_job(job: Job, out_dir: Path, with_code: bool, progress=None, timeout: float = REPORT_TIMEOUT) -> Built:
    """Execute and render one notebook in a fresh kernel (a worker task)."""
    return _run_batch([job], out_dir, with_code, progress, timeout, warm=False)[0]


def run_warm(jobs: list[Job], out_dir: Path, with_code: bool, progress=None,
             timeout: float = REPORT_TIMEOUT) -> list[Built]:
    """Execute several parameterisations of one notebook in one warm kernel (a worker task).

    Each run gets papermill's injected-parameters cell and a fresh namespace (`%reset -f`), so runs
    do not see each other's variables; modules stay imported, which is the point. A kernel that dies
    or runs past the time limit is replaced by a fresh one for the next run.
    """
    return _run_batch(jobs, out_dir, with_code, progress, timeout, warm=True)


# ---- the index --------------------------------------------------------------------------------

def index_html(reports: list[Built], dossiers: list[Built], counts: dict[str, int], checksum: str,
               built_at: str, fates: dict[str, str] | None = None, downloads: dict[str, str] | None = None) -> str:
    """The index page, from templates/index.html.j2 with autoescaping: every text that comes from the
    data or a notebook is escaped."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(paths.TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    fates = fates or {}
    return env.get_template("index.html.j2").render(
        reports=[{"href": b.html or "", "title": b.title or b.name, "summary": b.summary, "error": b.error,
                  "parameters": ", ".join(f"{k}={v!r}" for k, v in b.parameters.items()) or "defaults",
                  "seconds": f"{b.seconds:.1f}"} for b in reports],
        dossiers=[{"href": b.html or "", "name": b.label or b.name, "fate": fates.get(b.name, "").replace("_", " ")}
                  for b in dossiers],
        counts=[(name, f"{n:,}") for name, n in counts.items()], checksum=checksum, built_at=built_at,
        downloads=[{"href": f"downloads/{name}", "name": name, "what": what} for name, what in (downloads or {}).items()])


# ---- the build --------------------------------------------------------------------------------

def plan(dataset, only: list[str] | None = None, dossiers: bool = True,
         limit: int | None = None) -> tuple[list[Job], list[Job]]:
    """The main reports and the dossiers a build makes, for a loaded Dataset."""
    from ..analyses.dossier import file_name, people_with_dossiers

    reports = [Job(name=p.stem, src=p, html=f"{p.stem}.html", parameters=explicit(p, {})) for p in notebooks(only=only)]
    people: list[Job] = []
    src = paths.NOTEBOOKS / f"{DOSSIER}.ipynb"
    if dossiers and src.exists() and not only:
        chosen = people_with_dossiers(dataset)
        if limit is not None:
            chosen = chosen.head(limit)
        people = [Job(name=pid, src=src, html=f"dossiers/{file_name(pid)}", parameters=explicit(src, {"person": pid}),
                      label=name)
                  for pid, name in zip(chosen.person_id, chosen.name)]
    return reports, people


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
def _signals_held():
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


MANIFEST = "manifest.json"


def _write_manifest(folder: Path, reports: list[Built], dossiers: list[Built]) -> None:
    """What the folder holds, for the next partial build to list beside what it rebuilds."""
    entries = {"reports": [dataclasses.asdict(b) for b in reports], "dossiers": [dataclasses.asdict(b) for b in dossiers]}
    (folder / MANIFEST).write_text(json.dumps(entries, indent=1, default=str), encoding="utf-8")


def _previous(target: Path) -> tuple[list[Built], list[Built]]:
    """The reports and dossiers listed by the manifest of the last build in `target` ([] if none)."""
    try:
        entries = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        return ([Built(**e) for e in entries["reports"]], [Built(**e) for e in entries["dossiers"]])
    except (OSError, ValueError, KeyError, TypeError):
        return [], []


def _merged(old: list[Built], new: list[Built]) -> list[Built]:
    """The old entries with the new ones in their place (by name), the new ones added."""
    fresh = {b.name: b for b in new}
    return [fresh.pop(b.name, b) for b in old] + list(fresh.values())


def _carry(target: Path, tmp: Path, everything: bool) -> None:
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


def _swap_in(tmp: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    with _signals_held():
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)


class _Progress:
    """What a worker hands its runner as `progress`: each finished report's name goes to the parent."""

    def __init__(self, events):
        self.events = events

    def put(self, name: str) -> None:
        self.events.put(("done", None, name))


def _worker(tasks, events, kernel_dir: str) -> None:
    """A worker process: run tasks until told to stop. Its kernels live in kernel_dir/w<pid>/."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    os.environ[KERNEL_DIR] = os.path.join(kernel_dir, f"w{os.getpid()}")
    _quiet()
    kernel: dict = {}  # one warm kernel for all the worker's reports: a namespace reset between them
    try:
        while (task := tasks.get()) is not None:
            key, jobs, out_dir, with_code, timeout = task
            events.put(("start", key, os.getpid()))
            try:
                value = _run_batch(jobs, out_dir, with_code, _Progress(events), timeout, warm=True, html=False,
                                   kernel=kernel)
            except BaseException as err:  # never a traceback from the pool: each job becomes a failed result
                value = [_failed(job, f"the build failed on it ({type(err).__name__}: {err})") for job in jobs]
                _stop(kernel.pop("client", None))
            events.put(("result", key, value))
    finally:
        _stop(kernel.pop("client", None))


def _run_pool(tasks_list: list[list[Job]], out_dir: Path, with_code: bool, workers: int,
              timeout: float, kernel_dir: str, on_done=None) -> dict[int, list[Built]]:
    """Run the tasks (each a list of jobs) in `workers` processes; results by task number.

    A worker that dies, or runs longer than its reports' time limits allow, is killed with its
    kernels; its task's reports fail with one sentence and a new worker takes the remaining tasks.
    On any exception (an interrupt) every worker and kernel is killed before it propagates.
    """
    # Workers fork from a server process that has imported the build once (nbclient, nbconvert,
    # helpers): a new worker starts in milliseconds, not the two seconds a spawned one spends importing.
    # The server holds no threads or sockets, so forking it is safe (forking this process would not be).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["helpers.build.report", "nbclient", "papermill.parameterize", "jupyter_client.manager"])
    tasks, events = context.Queue(), context.Queue()
    for key, jobs in enumerate(tasks_list):
        tasks.put((key, jobs, out_dir, with_code, timeout))
    procs: dict[int, multiprocessing.Process] = {}

    def spawn():
        proc = context.Process(target=_worker, args=(tasks, events, kernel_dir), daemon=True)
        proc.start()
        procs[proc.pid] = proc

    def kill(pid):
        proc = procs.pop(pid)
        with contextlib.suppress(Exception):
            proc.kill()
            proc.join(5)
        _kill_processes_with(os.path.join(kernel_dir, f"w{pid}") + "/")

    results: dict[int, list[Built]] = {}
    running: dict[int, tuple[int, float]] = {}  # worker pid -> (task, started)
    try:
        for _ in range(min(workers, len(tasks_list))):
            spawn()
        while len(results) < len(tasks_list):
            try:
                kind, key, value = events.get(timeout=0.2)
            except queue.Empty:
                kind = None
            if kind == "start":
                running[value] = (key, time.monotonic())
            elif kind == "result":
                results[key] = value
                for pid, (task, _) in list(running.items()):
                    if task == key:
                        del running[pid]
            elif kind == "done" and on_done:
                on_done(value)
            for pid, proc in list(procs.items()):
                task, started = running.get(pid, (None, 0.0))
                jobs = tasks_list[task] if task is not None else []
                overdue = task is not None and time.monotonic() - started > timeout * len(jobs) + _GRACE
                if proc.exitcode is None and not overdue:
                    continue
                if task is not None and task not in results:
                    why = "ran too long" if overdue else f"stopped (exit code {proc.exitcode})"
                    results[task] = [_failed(job, f"its worker process {why}") for job in jobs]
                    running.pop(pid, None)
                kill(pid)
                if len(results) + len(running) < len(tasks_list):
                    spawn()
        for _ in procs:
            tasks.put(None)
        for proc in procs.values():
            proc.join(10)
    finally:
        for pid in list(procs):
            kill(pid)
        for q in (tasks, events):
            q.cancel_join_thread()
            q.close()
    return results


def site_folder(target: Path) -> Path:
    """Where the build keeps what it reuses between builds (beside `target`, e.g. .reports-site/):
    each report's executed notebook with the key it was run under, and the site's sources and HTML."""
    return target.with_name(f".{target.name}-site")


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
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
    h.update(f"{checksum}|{_code_digest()}|{job.label}".encode())
    return h.hexdigest()


def _docname(job_or_built) -> str:
    return (job_or_built.html or "")[:-len(".html")]


def _store(root: Path) -> dict[str, dict]:
    """The executions kept from earlier builds: docname -> {"key", "built"} (store.json)."""
    try:
        return json.loads((root / "store.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _findings(nb: dict, sentences: int = 2) -> list[str]:
    """The headline findings a report computed: the markdown outputs of its cells tagged `finding`,
    each cut to its first `sentences` sentences, without a leading 'What to see:'."""
    out = []
    for cell in nb["cells"]:
        if not _tagged(cell, "finding"):
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            if text:
                text = _text(text)
                text = re.sub(r"^\*What to see:\*\s*", "", text.strip())
                parts = re.split(r"(?<=[\w)*]{2}\.)\s+(?=[A-Z0-9*])", text)  # not after 'e.g.' or an initial
                out.append(" ".join(parts[:sentences]))
    return out


def _register(dataset, dossiers: list[Built]) -> list:
    """The register's rows: each dossier's person with side, last post, years of birth and death, fate."""
    from .site import Person, life_years

    people = dataset.people.set_index("person_id")
    fates = dataset.fates().set_index("person_id")
    posts = dataset.positions.sort_values(["start_earliest", "end_earliest"], na_position="first")
    last_post = posts.groupby("person_id").title.last()
    rows = []
    for b in dossiers:
        pid = b.name
        fate = fates.fate.get(pid, "")
        born = people.born_earliest.get(pid)
        died = fates.start.get(pid) if fate in DEATH_FATES else None
        born, died = (None if d is None or pd.isna(d) else d.year for d in (born, died))
        rows.append(Person(docname=_docname(b), name=b.label or b.name, side=str(people.side.get(pid, "")),
                           post=str(last_post.get(pid, "")), years=life_years(born, died),
                           fate=str(fate).replace("_", " ")))
    return rows


def _publish(site, reports: list[Built], dossiers: list[Built], dataset, checksum: str, with_code: bool,
             jobs: int, child=None) -> None:
    """Write the site's sources from the stored executions and build its HTML (when they changed)."""
    from . import export
    from . import site as site_

    executed = site.root / "executed"
    pages, findings = [], []
    for b in reports + dossiers:
        # plain JSON: nbformat's import (jsonschema) would cost this process a second
        nb = json.loads((executed / f"{_docname(b)}.ipynb").read_text(encoding="utf-8"))
        nb = describe_figures(escape_markdown_outputs(nb))
        pages.append(site_.Page(docname=_docname(b), title=b.label or b.title or b.name, notebook=nb))
        if b in reports:
            findings += [(_docname(b), b.title or b.name, text) for text in _findings(nb)]
    texts = {
        "index": site_.landing([(_docname(b), b.title or b.name, b.summary) for b in reports], findings, len(dossiers),
                               export.DOWNLOADS, dataset.row_counts().to_dict(), checksum),
        "people": site_.register(_register(dataset, dossiers)),
    }
    site_.write_sources(site, pages, texts)
    links = site_.link_targets([(_docname(b), b.label or b.name) for b in dossiers])
    alts = {h: alt for page in pages for h, alt in site_.alt_texts(page.notebook).items()}
    site_.build(site, links, alts, with_code=with_code, jobs=jobs, child=child)


def _downloads(site, dataset, checksum: str) -> Path:
    """The downloads of this data (written again only when the data changed)."""
    from . import export

    folder = site.root / "downloads"
    stamp = site.root / "downloads.checksum"
    if not (stamp.exists() and stamp.read_text() == checksum and folder.is_dir()):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        export.write(dataset, paths.data_dir(), folder, with_zip=True)
        stamp.write_text(checksum)
    return folder


def build(target: Path | None = None, only: list[str] | None = None, with_code: bool = False,
          dossiers: bool = True, jobs: int | None = None, limit: int | None = None,
          on_plan=None, on_done=None, timeout: float = REPORT_TIMEOUT) -> tuple[list[Built], list[Built]]:
    """Build every report (and the dossiers) and the site that holds them; swap it in if all succeeded.

    Only what changed runs: a report whose key (`job_key`: notebook, parameters, data, code, lock)
    equals the stored one is taken as it was (`Built.cached`), and the site is rebuilt only when one
    of its sources changed. A partial build (`only`, no dossiers, or a `limit`) runs what it names;
    the site keeps every other page of the earlier builds. Every build keeps `runs/` (one notebook run
    with other parameters, by `run_one`).

    on_plan(total) is called once with the number of reports to run; on_done(name) after each.
    timeout: seconds each report may take. A failed report leaves `target` as it was and puts the
    executed reports, rendered, into `<target>-failed/`. Raises BuildBusy if another build holds the
    lock, and Interrupted on SIGINT/SIGTERM, leaving `target` as it was and nothing behind.
    """
    from ..evidence import load
    from .site import Site, assets_digest, start

    _quiet()
    target = target or paths.REPORTS
    with stop_on_signals(), lock(target):
        dataset = load()  # fail fast, before any kernel starts, if the data has problems
        report_jobs, dossier_jobs = plan(dataset, only, dossiers, limit)
        for job in report_jobs + dossier_jobs[:1]:  # dossier people come from the data: one check suffices
            preflight(job.src, job.parameters, dataset)
        checksum = data_checksum()
        site = Site(site_folder(target))
        store = _store(site.root)
        keys = {_docname(job): job_key(job, checksum) for job in report_jobs + dossier_jobs}
        fresh = {doc for doc, key in keys.items()
                 if store.get(doc, {}).get("key") == key and (site.root / "executed" / f"{doc}.ipynb").exists()}
        run_reports = [job for job in report_jobs if _docname(job) not in fresh]
        run_dossiers = [job for job in dossier_jobs if _docname(job) not in fresh]
        if on_plan:
            on_plan(len(run_reports) + len(run_dossiers))
        tmp = target.with_name(f".{target.name}-{os.getpid()}")
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        # Sphinx's child starts now and imports while the reports run (when any do)
        child = start(site) if run_reports or run_dossiers else None
        workers = max(1, jobs or os.cpu_count() or 1)
        tasks = [[job] for job in run_reports]  # each worker runs its tasks in one warm kernel
        tasks += [batch for batch in (run_dossiers[i::workers] for i in range(workers)) if batch]
        try:
            with _kernel_folder() as kernel_dir:
                results = _run_pool(tasks, tmp, with_code, workers, timeout, kernel_dir, on_done) if tasks else {}
            ran = {_docname(job): b for key, batch in enumerate(tasks) for job, b in zip(batch, results[key])}
            for job in run_reports + run_dossiers:  # keep every good execution, even in a build that fails elsewhere
                doc, b = _docname(job), ran[_docname(job)]
                if not b.error:
                    kept = site.root / "executed" / f"{doc}.ipynb"
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(_executed_path(job.name, tmp, warm=True), kept)
                    store[doc] = {"key": keys[doc], "built": dataclasses.asdict(b)}
            site.root.mkdir(parents=True, exist_ok=True)
            (site.root / "store.json").write_text(json.dumps(store, indent=1, default=str), encoding="utf-8")

            def outcome(job: Job) -> Built:
                doc = _docname(job)
                return ran[doc] if doc in ran else Built(**{**store[doc]["built"], "cached": True})

            built_reports = [outcome(job) for job in report_jobs]
            built_dossiers = sorted((outcome(job) for job in dossier_jobs), key=lambda b: (b.label, b.name))
            if any(b.error for b in built_reports + built_dossiers):
                _fail(tmp, target, built_reports, built_dossiers, dataset, checksum, with_code)
                return built_reports, built_dossiers
            # The site holds every page stored for a catalogued notebook or a person who has a dossier.
            whole = {_docname(job) for jobs_ in plan(dataset) for job in jobs_}
            listed = [Built(**{**e["built"], "cached": True}) for doc, e in store.items()
                      if doc in whole and not e["built"].get("error")]
            now = {_docname(b): b for b in built_reports + built_dossiers}
            listed = [now.get(_docname(b), b) for b in listed]
            site_reports = sorted((b for b in listed if not _docname(b).startswith("dossiers/")), key=lambda b: b.name)
            site_dossiers = sorted((b for b in listed if _docname(b).startswith("dossiers/")),
                                   key=lambda b: (b.label, b.name))
            site_key = hashlib.sha256(json.dumps([[_docname(b), store[_docname(b)]["key"]] for b in listed]
                                                 + [checksum, with_code, _code_digest(), assets_digest()]
                                                 ).encode()).hexdigest()
            published = site.root / "published"
            if not (published.exists() and published.read_text() == site_key and (site.html / "index.html").exists()):
                _publish(site, site_reports, site_dossiers, dataset, checksum, with_code, workers, child)
                published.write_text(site_key)
            shutil.rmtree(tmp)
            shutil.copytree(site.html, tmp, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", "_sources"))
            shutil.copytree(_downloads(site, dataset, checksum), tmp / "downloads")
            _carry(target, tmp, everything=False)
            _write_manifest(tmp, site_reports, site_dossiers)
            _swap_in(tmp, target)
        finally:
            if child is not None and child.poll() is None:
                child.kill()
                child.communicate()
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    return built_reports, built_dossiers


def _fail(tmp: Path, target: Path, reports: list[Built], dossiers: list[Built], dataset, checksum: str,
          with_code: bool) -> None:
    """A build with a failed report: the reports this build ran, rendered one by one with the
    failing cell shown, and an index, go to `<target>-failed/`; `target` stays as it was."""
    for b in reports + dossiers:
        executed = _executed_path(b.name, tmp, warm=True)
        if not b.cached and executed.exists():
            render(executed, tmp / b.html, with_code, title=b.label or b.title or None)
    fate_rows = dataset.fates()
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    (tmp / "index.html").write_text(
        index_html([b for b in reports if not b.cached], [b for b in dossiers if not b.cached],
                   dataset.row_counts().to_dict(), checksum, stamp, dict(zip(fate_rows.person_id, fate_rows.fate))),
        encoding="utf-8")
    failed = target.with_name(target.name + "-failed")
    with _signals_held():
        if failed.exists():
            shutil.rmtree(failed)
        tmp.rename(failed)


def run_one(src: Path, parameters: dict, target: Path | None = None, with_code: bool = False,
            timeout: float = REPORT_TIMEOUT) -> Built:
    """Run one notebook with other parameters into reports/runs/<name>.html, leaving the rest alone."""
    from ..evidence import load

    _quiet()
    target = target or paths.REPORTS
    with stop_on_signals(), lock(target):
        dataset = load()
        preflight(src, parameters, dataset)
        label = ""
        if src.stem == DOSSIER:  # a dossier's page is titled with the person's name, as in the build
            person = dataset.find_person(explicit(src, parameters)["person"])
            label = dataset.people.set_index("person_id").name.get(person, "")
        suffix = "--".join(f"{k}-{v}" for k, v in sorted(parameters.items()))
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in suffix)[:80].strip("-")
        name = f"{src.stem}--{safe}" if safe else src.stem
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp, _kernel_folder():
            built = run_job(Job(name=name, src=src, html=f"{name}.html", parameters=explicit(src, parameters),
                                label=label), Path(tmp), with_code, timeout=timeout)
            if built.html:
                (target / "runs").mkdir(parents=True, exist_ok=True)
                os.replace(Path(tmp) / built.html, target / "runs" / built.html)
                built.html = f"runs/{built.html}"
    return built


def execute_in_place(only: list[str] | None = None, progress=None) -> list[Built]:
    """Re-run the notebooks in notebooks/ (the dossier too) and store their outputs (`make notebooks`)."""
    from nbclient import NotebookClient

    _quiet()
    sources = notebooks(only=only)
    dossier = paths.NOTEBOOKS / f"{DOSSIER}.ipynb"
    if dossier.exists() and (not only or any(word in DOSSIER for word in only)):
        sources.append(dossier)
    drifted = [line for src in sources for line in params_.drift(src.stem, nbformat.read(src, as_version=4))]
    if drifted:  # stored outputs must come from the declared defaults, as the reports do
        raise ParameterError(" ".join(drifted) + " Put the declared value back (or change helpers.params) "
                             "and run again.")
    done = []
    for src in sources:
        nb = nbformat.read(src, as_version=4)
        started = time.perf_counter()
        NotebookClient(nb, timeout=REPORT_TIMEOUT, kernel_name="blackwork", kernel_manager_class=_kernel_manager(),
                       resources={"metadata": {"path": str(src.parent)}}).execute()
        nbformat.write(nb, src)
        item = Built(name=src.stem, title=title_and_summary(nb)[0], summary="", seconds=time.perf_counter() - started)
        done.append(item)
        if progress:
            progress(item)
    return done
