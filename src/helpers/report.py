"""Build the reports: run each notebook with papermill, render it to HTML, write an index.

The build writes into a temporary folder beside `reports/` and swaps it in only when every notebook
succeeded, so a failed or interrupted build never leaves a half-written `reports/` and the last
good build stays readable; a failed build is kept in `reports-failed/` to inspect.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import paths

TIMEOUT = 600  # seconds per cell


def _kernel_manager():
    """A kernel manager that talks to its kernel over local IPC sockets, not TCP ports.

    No port can be raced for when kernels start in parallel, and the kernel has no reason to warn
    about unencrypted TCP on the console.
    """
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


@dataclass
class Built:
    name: str
    title: str
    summary: str
    html: str | None = None
    seconds: float = 0.0
    error: str | None = None
    parameters: dict = field(default_factory=dict)


def notebooks(folder: Path = paths.NOTEBOOKS, only: list[str] | None = None) -> list[Path]:
    """The notebooks to build, in name order; `only` keeps those whose name contains one of its words."""
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
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
        body = [line for line in lines if line and not line.startswith("#")]
        return title, (body[0] if body else "")
    return "", ""


def parameters_of(nb: nbformat.NotebookNode) -> dict:
    """The values a notebook ran with: its parameters cell, overridden by papermill's injected cell."""
    values: dict = {}
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and ("parameters" in tags or "injected-parameters" in tags):
            scope: dict = {}
            exec(cell.source, {}, scope)  # plain literals only, by convention
            values.update({k: v for k, v in scope.items() if not k.startswith("_")})
    return values


def data_checksum(root: Path | None = None) -> str:
    """A short SHA-256 of every file of the data package, to tell which data a build used."""
    root = root or paths.data_dir()
    digest = hashlib.sha256()
    for path in sorted(root.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def execute(src: Path, dst: Path, parameters: dict | None = None) -> None:
    """Run one notebook with papermill, with its folder as the kernel's working directory."""
    import papermill

    papermill.execute_notebook(
        str(src), str(dst), parameters=parameters or {}, cwd=str(src.parent), progress_bar=False,
        request_save_on_cell_execute=False, execution_timeout=TIMEOUT, log_output=False,
        kernel_manager_class=_kernel_manager(),
    )


def render(executed: Path, target: Path, with_code: bool = False) -> None:
    """HTML of an executed notebook; code cells hidden unless with_code."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=not with_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    target.write_text(body, encoding="utf-8")


def failure_text(executed: Path) -> str:
    """Which cell failed and with what error, from papermill's record in the executed notebook."""
    nb = nbformat.read(executed, as_version=4)
    added = {"papermill-error-cell-tag", "injected-parameters"}  # cells papermill adds; not the author's
    own = [c for c in nb.cells if not added & set(c.get("metadata", {}).get("tags", []))]
    for number, cell in enumerate(own, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"cell {number}: {out.get('ename')}: {out.get('evalue')}"
    return "it failed before any cell ran (kernel did not start?)"


def index_html(entries: list[Built], counts: dict[str, int], checksum: str, built_at: str) -> str:
    e = html.escape
    items = "\n".join(
        f'<li><a href="{e(b.html or "")}">{e(b.title or b.name)}</a> — {e(b.summary)}'
        f'<br><small>parameters: {e(", ".join(f"{k}={v!r}" for k, v in b.parameters.items()) or "defaults")}'
        f" · {b.seconds:.1f} s</small></li>"
        for b in entries
    )
    rows = "".join(f"<tr><td>{e(name)}</td><td>{n:,}</td></tr>" for name, n in counts.items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>blackwork reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}}
li{{margin:.6rem 0}} td{{padding:0 1rem}} small{{color:#555}}</style></head>
<body><h1>blackwork reports</h1>
<p>Covert operations and purges of the Soviet secret police, 1918–1941, from Case File #0121 and a reference table.</p>
<ul>
{items}
</ul>
<h2>Data</h2><table><tr><th>table</th><th>rows</th></tr>{rows}</table>
<p><small>data checksum {e(checksum)} · built {e(built_at)}</small></p>
</body></html>
"""


def _swap_in(tmp: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build(target: Path = paths.REPORTS, only: list[str] | None = None, with_code: bool = False,
          parameters: dict | None = None, progress=None) -> list[Built]:
    """Execute and render every notebook into a fresh folder, then swap it in if all succeeded."""
    from . import load

    logging.getLogger("papermill").setLevel(logging.ERROR)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    dataset = load()  # fail fast, before any kernel starts, if the data has problems
    tmp = target.with_name(f".{target.name}-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "notebooks").mkdir(parents=True)
    built: list[Built] = []
    try:
        for src in notebooks(only=only):
            nb = nbformat.read(src, as_version=4)
            title, summary = title_and_summary(nb)
            item = Built(name=src.stem, title=title, summary=summary)
            executed = tmp / "notebooks" / src.name
            started = time.perf_counter()
            try:
                execute(src, executed, parameters)
            except Exception as err:  # papermill's execution error or a kernel that died
                item.error = failure_text(executed) if executed.exists() else str(err).splitlines()[0]
            item.seconds = time.perf_counter() - started
            if executed.exists():
                item.parameters = parameters_of(nbformat.read(executed, as_version=4))
                render(executed, tmp / f"{src.stem}.html", with_code)
                item.html = f"{src.stem}.html"
            built.append(item)
            if progress:
                progress(item)
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        (tmp / "index.html").write_text(
            index_html(built, dataset.row_counts().to_dict(), data_checksum(), stamp), encoding="utf-8")
        if any(b.error for b in built):
            failed = target.with_name(target.name + "-failed")
            if failed.exists():
                shutil.rmtree(failed)
            tmp.rename(failed)
        else:
            _swap_in(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return built


def execute_in_place(only: list[str] | None = None, progress=None) -> list[Built]:
    """Re-run the notebooks in notebooks/ and store their outputs (what `make notebooks` does)."""
    from nbclient import NotebookClient

    done = []
    for src in notebooks(only=only):
        nb = nbformat.read(src, as_version=4)
        started = time.perf_counter()
        NotebookClient(nb, timeout=TIMEOUT, kernel_manager_class=_kernel_manager(),
                       resources={"metadata": {"path": str(src.parent)}}).execute()
        nbformat.write(nb, src)
        item = Built(name=src.stem, title=title_and_summary(nb)[0], summary="", seconds=time.perf_counter() - started)
        done.append(item)
        if progress:
            progress(item)
    return done
