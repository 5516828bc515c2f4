"""Running reports in a kernel and rendering them (in worker processes, or for one run of `run_one`).

- Several jobs run one after the other in one kernel kept warm (`run_warm`, the build's way): each
  is parameterised by papermill's parameteriser and executed by nbclient after a namespace reset
  (`RESET`), which saves a kernel start and the imports for every report. A kernel that dies or runs
  out of time is replaced before the next report; `run_job` runs one job in a fresh kernel.
- Whatever goes wrong with a job becomes its failed result (`Built.error`, one sentence), never a
  traceback.
- `render` makes the HTML of a run of its own (runs/) or of a failed build's report with nbconvert;
  text from the data is escaped (`escape_markdown_outputs`) and each figure gets its alt text
  (`describe_figures`). The site renders the executed notebooks itself (`helpers.build.site`).
"""
from __future__ import annotations

import copy
import functools
import math
import re
import time
from pathlib import Path

from ..core import paths
from . import kernels
from .catalogue import REPORT_TIMEOUT, Built, Job, lazy, parameters_of, source_of, text_of, title_and_summary

nbformat = lazy("nbformat")

#: Run before each report in a warm kernel: a fresh namespace and pandas' display options back to their
#: defaults (a report may set them); modules stay imported, which is the point. Every report sets the
#: figure style itself (`style.use()`).
RESET = ("%reset -f\nimport warnings as _w, pandas as _pd\nwith _w.catch_warnings():\n"
         "    _w.simplefilter('ignore')\n    _pd.reset_option('all')\ndel _w, _pd")


# ---- rendering --------------------------------------------------------------------------------

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
                data["text/markdown"] = text_of(data["text/markdown"]).replace("<", "&lt;")
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
            heading = next((_plain(line) for line in source_of(cell).splitlines() if line.startswith("#")), heading)
            continue
        outputs = cell.get("outputs", [])
        captions = [_plain(text_of(o["data"]["text/markdown"])) for o in outputs
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


# ---- running ----------------------------------------------------------------------------------

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


def failed(job: Job, error: str, started: float | None = None) -> Built:
    """The result of a job that failed with `error` (one sentence), `started` at perf_counter time."""
    seconds = time.perf_counter() - started if started else 0.0
    return Built(name=job.name, title="", summary="", error=error, parameters=job.parameters, label=job.label,
                 seconds=seconds)


def executed_path(name: str, out_dir: Path, warm: bool) -> Path:
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
    executed = executed_path(job.name, out_dir, warm)
    executed.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, executed)
    title, summary = title_and_summary(nb)
    if html:  # a run of its own (runs/); the build's site renders the executed notebooks itself
        render(executed, out_dir / job.html, with_code, title=job.label or title)
    built = Built(name=job.name, title=title, summary=summary, html=job.html, error=error,
                  parameters=parameters_of(nb), label=job.label, seconds=time.perf_counter() - started)
    return built, healthy


def _template(src: Path) -> nbformat.NotebookNode:
    """A notebook read once per batch, with the metadata papermill's parameteriser expects (papermill adds it)."""
    template = nbformat.read(src, as_version=4)
    for cell in template.cells:
        cell.metadata.setdefault("tags", [])
    template.metadata.setdefault("papermill", {})
    return template


def run_batch(jobs: list[Job], out_dir: Path, with_code: bool, progress, timeout: float, warm: bool,
              html: bool = True, kernel: dict | None = None) -> list[Built]:
    """Run jobs one after the other: in one kernel kept warm (restarted after a death or a time-out),
    or each in a fresh kernel. Whatever goes wrong with one job is its failed result.

    kernel: where a worker keeps its warm kernel between batches ({"client", "cwd"}); without it the
    kernel is stopped at the end. A kernel started in another folder than a job's is not reused."""
    kernels.quiet()
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
                    templates[job.src] = _template(job.src)
                if client is not None and cwd != job.src.parent:
                    kernels.stop(client)
                    client = None
                if client is None:
                    client, cwd = kernels.new_client(templates[job.src], job.src.parent), job.src.parent
                    kernels.start(client)
                built, healthy = _run_in(client, job, templates[job.src], out_dir, with_code, timeout, warm, html)
            except kernels.KernelStartError as err:
                built, client = failed(job, str(err), started), None
            except Exception as err:  # a fault of the build itself, e.g. an unreadable notebook
                built, healthy = failed(job, f"{type(err).__name__}: {err}".strip().splitlines()[0], started), False
            results.append(built)
            if not (warm and healthy):
                kernels.stop(client)
                client = None
            if progress is not None:
                progress.put(job.label or job.name)
        if kernel is not None and warm and client is not None:
            kernel.update(client=client, cwd=cwd)  # the worker's, for its next batch
            client = None
    finally:
        kernels.stop(client)
    return results


def run_job(job: Job, out_dir: Path, with_code: bool, progress=None, timeout: float = REPORT_TIMEOUT) -> Built:
    """Execute and render one notebook in a fresh kernel (a worker task)."""
    return run_batch([job], out_dir, with_code, progress, timeout, warm=False)[0]


def run_warm(jobs: list[Job], out_dir: Path, with_code: bool, progress=None,
             timeout: float = REPORT_TIMEOUT) -> list[Built]:
    """Execute several parameterisations of one notebook in one warm kernel (a worker task).

    Each run gets papermill's injected-parameters cell and a fresh namespace (`%reset -f`), so runs
    do not see each other's variables; modules stay imported, which is the point. A kernel that dies
    or runs past the time limit is replaced by a fresh one for the next run.
    """
    return run_batch(jobs, out_dir, with_code, progress, timeout, warm=True)
