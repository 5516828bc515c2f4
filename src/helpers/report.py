"""Build the reports: run the notebooks in parallel, render them to HTML, write an index.

- Every notebook in notebooks/ runs with papermill in a pool of worker processes (one per core),
  with its folder as the kernel's working directory, per-cell saving off, a timeout per cell, and
  kernels over IPC sockets (no port races). A kernel that fails to start is retried once.
- `notebooks/dossier.ipynb` runs once per person (members of the apparatus and everyone with a
  recorded fate). Dossiers share a warm kernel per worker: each is parameterised by papermill's
  own parameteriser and executed by nbclient after a namespace reset, which saves a kernel start
  and the imports for every person.
- Parameters are checked before any kernel starts: unknown names, and values the notebook's own
  set-up cells (parameters, `helpers.params` checks, loading) refuse.
- The build writes into a temporary folder beside `reports/` and swaps it in only when everything
  succeeded; a failed build goes to `reports-failed/` and the last good `reports/` stays readable.
"""
from __future__ import annotations

import ast
import concurrent.futures as cf
import contextlib
import copy
import datetime as dt
import hashlib
import html
import io
import logging
import multiprocessing
import os
import queue
import shutil
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import paths
from .errors import DataError, ParameterError

TIMEOUT = 600  # seconds per cell
DOSSIER = "dossier"  # notebooks/dossier.ipynb: one report per person, not in the main list


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


# ---- reading notebooks ------------------------------------------------------------------------

def notebooks(folder: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """The main notebooks, in name order (not the dossier); `only` keeps names containing one of its words."""
    folder = folder or paths.NOTEBOOKS
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith(".") and p.stem != DOSSIER)
    if only:
        found = [p for p in found if any(word in p.stem for word in only)]
    return found


def title_and_summary(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """The first heading of the first markdown cell and the paragraph after it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [line.strip() for line in cell.source.splitlines()]
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


def parse_parameter(text: str) -> tuple[str, object]:
    """'key=value' from the command line; the value is a Python literal if it reads as one, else text."""
    key, sep, raw = text.partition("=")
    if not sep or not key.isidentifier():
        raise ParameterError(f"{text!r} is not KEY=VALUE (for example freq=year or include_alleged=False).")
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return key, value


def preflight(src: Path, parameters: dict) -> None:
    """Check parameters before any kernel starts.

    Unknown names are refused with the list of known ones. Then the notebook's set-up cells (every
    code cell before its first section, i.e. imports, parameters, the `helpers.params` checks and
    loading) run in this process with the given values, so a wrong value stops here with the
    notebook's own one-sentence message.
    """
    nb = nbformat.read(src, as_version=4)
    defaults = parameters_of(nb)
    unknown = sorted(set(parameters) - set(defaults))
    if unknown:
        raise ParameterError(f"{src.stem} has no parameter `{unknown[0]}`; it accepts: {', '.join(defaults)}.")
    if not any(c.cell_type == "code" and _tagged(c, "parameters") for c in nb.cells):
        return
    namespace: dict = {"__name__": "__preflight__"}
    cwd = os.getcwd()
    os.chdir(src.parent)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # a set-up cell may display() a caption
            seen_parameters = False
            for cell in nb.cells:
                if cell.cell_type == "markdown" and seen_parameters and cell.source.lstrip().startswith("## "):
                    break
                if cell.cell_type != "code" or cell.source.lstrip().startswith(("%", "!")):
                    continue
                try:
                    exec(compile(cell.source, f"<{src.name}>", "exec"), namespace)  # our own notebooks' set-up
                except (ParameterError, DataError):
                    raise
                except Exception:
                    return  # a fault of the notebook itself: the real run reports it, with its cell
                if _tagged(cell, "parameters"):
                    namespace.update(parameters)
                    seen_parameters = True
    finally:
        os.chdir(cwd)


def data_checksum(root: Path | None = None) -> str:
    """A short SHA-256 of every file of the data package, to tell which data a build used."""
    root = root or paths.data_dir()
    digest = hashlib.sha256()
    for path in sorted(root.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# ---- running and rendering (in worker processes) ----------------------------------------------

def _kernel_manager():
    """A kernel manager that talks to its kernel over IPC sockets with absolute paths, not TCP ports."""
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self):
            return "ipc"

        @default("ip")
        def _default_ip(self):  # an absolute socket path, whatever the kernel's working directory
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True)
            return str(runtime / f"blackwork-{uuid.uuid4().hex[:12]}")

    return IPCKernelManager


def _quiet() -> None:
    for name in ("papermill", "traitlets", "nbclient", "nbconvert"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="nbconvert")  # e.g. missing alt text on figures


def _kernel_failed_to_start(err: Exception) -> bool:
    text = f"{type(err).__name__}: {err}"
    return any(s in text for s in ("Kernel didn't respond", "Kernel died before replying", "DeadKernelError",
                                   "Address already in use", "TimeoutError"))


def execute(src: Path, dst: Path, parameters: dict | None = None) -> None:
    """Run one notebook with papermill into dst; retry once if its kernel failed to start."""
    import papermill

    for attempt in (1, 2):
        try:
            papermill.execute_notebook(
                str(src), str(dst), parameters=parameters or {}, cwd=str(src.parent), progress_bar=False,
                request_save_on_cell_execute=False, execution_timeout=TIMEOUT, log_output=False,
                kernel_name="blackwork", kernel_manager_class=_kernel_manager(),
            )
            return
        except papermill.PapermillExecutionError:
            raise
        except Exception as err:
            if attempt == 2 or not _kernel_failed_to_start(err):
                raise


def escape_markdown_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make text from the data show as text in Markdown outputs: a name such as <script> stays visible.

    Captions are Markdown built from the data, and Markdown lets raw HTML through; our captions use
    no HTML of their own, so every '<' in them is escaped. Tables (pandas escapes them), plain text
    and streams are escaped by nbconvert already.
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = data["text/markdown"].replace("<", "&lt;")
    return nb


def render(executed: Path, target: Path, with_code: bool = False) -> None:
    """HTML of an executed notebook; code cells hidden unless with_code. Text from the data is escaped."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=not with_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(escape_markdown_outputs(nbformat.read(executed, as_version=4)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


def failure_text(nb: nbformat.NotebookNode) -> str:
    """Which of the author's cells failed and with what error (papermill's added cells not counted)."""
    added = {"papermill-error-cell-tag", "injected-parameters"}
    own = [c for c in nb.cells if not added & set(c.get("metadata", {}).get("tags", []))]
    for number, cell in enumerate(own, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"cell {number}: {out.get('ename')}: {out.get('evalue')}"
    return "it stopped before any cell ran (the kernel did not start)"


def _finish(job: Job, executed: Path, out_dir: Path, with_code: bool, started: float, error: str | None) -> Built:
    nb = nbformat.read(executed, as_version=4) if executed.exists() else None
    title, summary = title_and_summary(nb) if nb else ("", "")
    built = Built(name=job.name, title=title, summary=summary, parameters=job.parameters, label=job.label)
    if nb is not None:
        if error is not None:
            error = failure_text(nb)
        built.parameters = {**parameters_of(nb)}
        render(executed, out_dir / job.html, with_code)
        built.html = job.html
    built.error = error
    built.seconds = time.perf_counter() - started
    return built


def run_job(job: Job, out_dir: Path, with_code: bool, progress=None) -> Built:
    """Execute and render one notebook (a worker task)."""
    _quiet()
    started = time.perf_counter()
    executed = out_dir / "notebooks" / f"{job.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    error = None
    try:
        execute(job.src, executed, job.parameters)
    except Exception as err:
        error = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
    built = _finish(job, executed, out_dir, with_code, started, error)
    if progress is not None:
        progress.put(job.label or job.name)
    return built


def run_warm(jobs: list[Job], out_dir: Path, with_code: bool, progress=None) -> list[Built]:
    """Execute several parameterisations of one notebook in a single kernel (a worker task).

    Each run gets papermill's injected-parameters cell and a fresh namespace (`%reset -f`), so runs
    do not see each other's variables; modules stay imported, which is the point.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbformat.v4 import new_code_cell
    from papermill.parameterize import parameterize_notebook

    _quiet()
    if not jobs:
        return []
    template = nbformat.read(jobs[0].src, as_version=4)
    for cell in template.cells:  # papermill's parameteriser expects the metadata papermill itself adds
        cell.metadata.setdefault("tags", [])
    template.metadata.setdefault("papermill", {})
    client = NotebookClient(template, timeout=TIMEOUT, kernel_name="blackwork", kernel_manager_class=_kernel_manager(),
                            resources={"metadata": {"path": str(jobs[0].src.parent)}})
    results = []
    cwd = os.getcwd()
    os.chdir(jobs[0].src.parent)
    try:
        with client.setup_kernel(stderr=subprocess.DEVNULL):  # the kernel's own log, not cell output
            for job in jobs:
                started = time.perf_counter()
                nb = parameterize_notebook(copy.deepcopy(template), job.parameters, kernel_name="blackwork",
                                           language="python")
                reset = new_code_cell("%reset -f")
                nb.cells.append(reset)
                client.nb = nb
                client.reset_execution_trackers()
                error = None
                try:
                    client.execute_cell(reset, len(nb.cells) - 1)
                    nb.cells.pop()
                    for index, cell in enumerate(nb.cells):
                        client.execute_cell(cell, index)
                except CellExecutionError as err:
                    error = str(err)
                if nb.cells and nb.cells[-1] is reset:
                    nb.cells.pop()
                executed = out_dir / "notebooks" / "dossiers" / f"{job.name}.ipynb"
                executed.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, executed)
                results.append(_finish(job, executed, out_dir, with_code, started, error))
                if progress is not None:
                    progress.put(job.label or job.name)
    finally:
        os.chdir(cwd)
    return results


# ---- the index --------------------------------------------------------------------------------

def index_html(reports: list[Built], dossiers: list[Built], counts: dict[str, int], checksum: str,
               built_at: str, fates: dict[str, str] | None = None) -> str:
    """The index page; every text that comes from the data or a notebook is escaped."""
    e = html.escape
    fates = fates or {}
    items = "\n".join(
        f'<li><a href="{e(b.html or "")}">{e(b.title or b.name)}</a> — {e(b.summary)}'
        f'<br><small>parameters: {e(", ".join(f"{k}={v!r}" for k, v in b.parameters.items()) or "defaults")}'
        f" · {b.seconds:.1f} s{' · FAILED: ' + e(b.error) if b.error else ''}</small></li>"
        for b in reports
    )
    people = "\n".join(
        f'<tr><td><a href="{e(b.html or "")}">{e(b.label or b.name)}</a></td>'
        f"<td>{e(fates.get(b.name, '').replace('_', ' '))}</td></tr>"
        for b in dossiers
    )
    rows = "".join(f"<tr><td>{e(name)}</td><td>{n:,}</td></tr>" for name, n in counts.items())
    dossier_part = (f"<h2>Dossiers</h2><p>{len(dossiers)} people: the apparatus and everyone whose end the data "
                    f"records.</p><table><tr><th>person</th><th>fate</th></tr>{people}</table>") if dossiers else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>blackwork reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;line-height:1.5;padding:0 1rem}}
li{{margin:.6rem 0}} td,th{{padding:0 1rem 0 0;text-align:left}} small{{color:#555}}</style></head>
<body><h1>blackwork reports</h1>
<p>Covert operations and purges of the Soviet secret police, 1918–1941, from Case File #0121 and a reference table.</p>
<h2>Reports</h2>
<ul>
{items}
</ul>
{dossier_part}
<h2>Data</h2><table><tr><th>table</th><th>rows</th></tr>{rows}</table>
<p><small>data checksum {e(checksum)} · built {e(built_at)}</small></p>
</body></html>
"""


# ---- the build --------------------------------------------------------------------------------

def plan(dataset, only: list[str] | None = None, dossiers: bool = True,
         limit: int | None = None) -> tuple[list[Job], list[Job]]:
    """The main reports and the dossiers a build makes, for a loaded Dataset."""
    from .dossier import file_name, people_with_dossiers

    reports = [Job(name=p.stem, src=p, html=f"{p.stem}.html") for p in notebooks(only=only)]
    people: list[Job] = []
    src = paths.NOTEBOOKS / f"{DOSSIER}.ipynb"
    if dossiers and src.exists() and not only:
        chosen = people_with_dossiers(dataset)
        if limit is not None:
            chosen = chosen.head(limit)
        people = [Job(name=pid, src=src, html=f"dossiers/{file_name(pid)}", parameters={"person": pid}, label=name)
                  for pid, name in zip(chosen.person_id, chosen.name)]
    return reports, people


def _swap_in(tmp: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build(target: Path | None = None, only: list[str] | None = None, with_code: bool = False,
          dossiers: bool = True, jobs: int | None = None, limit: int | None = None,
          on_plan=None, on_done=None) -> tuple[list[Built], list[Built]]:
    """Build every report (and the dossiers) into a fresh folder; swap it in if all succeeded.

    on_plan(total) is called once with the number of reports to build; on_done(name) after each.
    """
    from . import load

    _quiet()
    target = target or paths.REPORTS
    dataset = load()  # fail fast, before any kernel starts, if the data has problems
    report_jobs, dossier_jobs = plan(dataset, only, dossiers, limit)
    for job in report_jobs + dossier_jobs[:1]:  # dossier people come from the data: one check suffices
        preflight(job.src, job.parameters)
    if on_plan:
        on_plan(len(report_jobs) + len(dossier_jobs))
    tmp = target.with_name(f".{target.name}-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    workers = max(1, jobs or os.cpu_count() or 1)
    context = multiprocessing.get_context("spawn")
    try:
        with context.Manager() as manager, cf.ProcessPoolExecutor(workers, mp_context=context) as pool:
            progress = manager.Queue()
            futures = [pool.submit(run_job, job, tmp, with_code, progress) for job in report_jobs]
            batches = [dossier_jobs[i::workers] for i in range(workers)]
            futures += [pool.submit(run_warm, batch, tmp, with_code, progress) for batch in batches if batch]
            pending = set(futures)
            while pending:
                done, pending = cf.wait(pending, timeout=0.2)
                while True:
                    try:
                        name = progress.get_nowait()
                    except queue.Empty:
                        break
                    if on_done:
                        on_done(name)
            results = [f.result() for f in futures]
        built_reports = [r for r in results if isinstance(r, Built)]
        built_dossiers = sorted((b for r in results if isinstance(r, list) for b in r), key=lambda b: (b.label, b.name))
        fate_rows = dataset.fates()
        fates = dict(zip(fate_rows.person_id, fate_rows.fate))
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        (tmp / "index.html").write_text(
            index_html(built_reports, built_dossiers, dataset.row_counts().to_dict(), data_checksum(), stamp, fates),
            encoding="utf-8")
        if any(b.error for b in built_reports + built_dossiers):
            failed = target.with_name(target.name + "-failed")
            if failed.exists():
                shutil.rmtree(failed)
            tmp.rename(failed)
        else:
            _swap_in(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return built_reports, built_dossiers


def run_one(src: Path, parameters: dict, target: Path | None = None, with_code: bool = False) -> Built:
    """Run one notebook with other parameters into reports/runs/<name>.html, leaving the rest alone."""
    import tempfile

    from . import load

    _quiet()
    load()
    preflight(src, parameters)
    suffix = "--".join(f"{k}-{v}" for k, v in sorted(parameters.items()))
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in suffix)[:80].strip("-")
    name = f"{src.stem}--{safe}" if safe else src.stem
    target = target or paths.REPORTS
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        built = run_job(Job(name=name, src=src, html=f"{name}.html", parameters=parameters), Path(tmp), with_code)
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
    done = []
    for src in sources:
        nb = nbformat.read(src, as_version=4)
        started = time.perf_counter()
        NotebookClient(nb, timeout=TIMEOUT, kernel_name="blackwork", kernel_manager_class=_kernel_manager(),
                       resources={"metadata": {"path": str(src.parent)}}).execute()
        nbformat.write(nb, src)
        item = Built(name=src.stem, title=title_and_summary(nb)[0], summary="", seconds=time.perf_counter() - started)
        done.append(item)
        if progress:
            progress(item)
    return done
