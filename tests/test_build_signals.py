"""The build survives what happens to long runs: signals, a second build, kernels that die or hang,
workers that die. Builds run as subprocesses where a signal must reach them."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import cli, paths, report
from helpers.build import catalogue, execute, kernels, pool

from conftest import seed_site

KERNEL = {"kernelspec": {"name": "blackwork", "display_name": "blackwork", "language": "python"}}
PREVIOUS = {"index.html": b"previous good build", "00-data-overview.html": b"<p>old</p>",
            "02-leadership-turnover.html": b"<p>old 02</p>",
            "dossiers/nikolai-yezhov.html": b"<p>old dossier</p>", "runs/x.html": b"<p>a run</p>",
            "manifest.json": json.dumps({
                "reports": [{"name": n, "title": t, "summary": "", "html": f"{n}.html"} for n, t in
                            [("00-data-overview", "Old overview"), ("02-leadership-turnover", "Who held the posts")]],
                "dossiers": [{"name": "nikolai-yezhov", "title": "", "summary": "", "label": "Nikolai Yezhov",
                              "html": "dossiers/nikolai-yezhov.html"}]}).encode()}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def previous_build(tmp_path: Path) -> Path:
    target = tmp_path / "reports"
    for name, body in PREVIOUS.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(body)
    return target


def start_build(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "BLACKWORK_REPORTS": str(tmp_path / "reports")}
    return subprocess.Popen([sys.executable, "-m", "helpers.cli", "report", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_a_kernel(build: subprocess.Popen, seconds: float = 120) -> None:
    """Until a kernel of this build runs (its command line names the build's kernel folder)."""
    marker = f"blackwork-{build.pid}-"
    deadline = time.monotonic() + seconds
    while not report.processes_with(marker):
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, "no kernel started"
        time.sleep(0.2)


def nothing_left_of(build: subprocess.Popen, tmp_path: Path, site: bool = False) -> None:
    """No kernel, kernel folder, temporary build folder or failed build is left; the site's store
    (.reports-site) only if the build got as far as keeping an execution."""
    assert report.processes_with(f"blackwork-{build.pid}-") == [], "a kernel outlived the build"
    assert list(Path(tempfile.gettempdir()).glob(f"blackwork-{build.pid}-*")) == [], "kernel folder left"
    assert sorted(p.name for p in tmp_path.iterdir()) == [*([".reports-site"] if site else []), ".reports.lock",
                                                          "reports"]


@pytest.mark.parametrize("how, code", [("SIGINT to the group, as Ctrl-C", 130), ("SIGTERM to the build", 143)])
def test_a_signal_mid_build_stops_it_and_leaves_reports_as_they_were(tmp_path, how, code):
    """One worker (the dead-worker test below runs two): the signal reaches the build, its worker and
    its kernel all the same."""
    target = previous_build(tmp_path)
    before = snapshot(target)
    build = start_build(tmp_path, "--limit-dossiers", "4", "--jobs", "1")
    wait_for_a_kernel(build)
    time.sleep(1)
    if code == 130:
        os.killpg(build.pid, signal.SIGINT)
    else:
        os.kill(build.pid, signal.SIGTERM)
    sent = time.monotonic()
    out, err = build.communicate(timeout=30)
    assert time.monotonic() - sent < 10, "it took more than a few seconds to stop"
    assert build.returncode == code
    assert err == "Interrupted; reports/ is unchanged.\n" and out == ""
    assert snapshot(target) == before
    nothing_left_of(build, tmp_path)


def test_a_second_build_refuses_while_the_first_runs_and_a_partial_build_keeps_the_rest(tmp_path, monkeypatch, capsys):
    """The first build runs 00 and takes 02 and Yezhov's dossier as an earlier build left them; the
    site holds all three. A second build meanwhile refuses without starting a kernel."""
    target = previous_build(tmp_path)
    seed_site(target, {"02-leadership-turnover": "02-leadership-turnover"}, {"nikolai-yezhov": "Nikolai Yezhov"})
    first = start_build(tmp_path, "--only", "00", "--no-dossiers")
    wait_for_a_kernel(first)
    monkeypatch.setattr(paths, "REPORTS", target)
    monkeypatch.setattr(kernels, "start", lambda *a, **k: pytest.fail("the second build started a kernel"))
    assert cli.main(["report", "--only", "03", "--no-dossiers"]) == 1
    assert capsys.readouterr().err == (f"blackwork report: Another build is writing reports/ (it holds "
                                       f"{tmp_path / '.reports.lock'}); wait for it to end, then run again.\n")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "1 reports and 0 dossiers built, 0 failed" in out and err == ""
    after = snapshot(target)
    assert after["00-data-overview.html"] != PREVIOUS["00-data-overview.html"]  # run again, into the site
    assert after["runs/x.html"] == PREVIOUS["runs/x.html"]  # runs of other parameters are always kept
    index, register = after["index.html"].decode(), after["people.html"].decode()
    assert "03-fates-of-officials" not in index  # never the refused build's
    assert 'href="02-leadership-turnover.html"' in index and "Leadership turnover" in index  # kept from before
    assert 'href="dossiers/nikolai-yezhov.html">Nikolai Yezhov' in register and "dossiers/nikolai-yezhov.html" in after
    assert "What the data covers" in index
    nothing_left_of(first, tmp_path, site=True)


def notebook(folder: Path, name: str, *code: str, parameters: str | None = None) -> Path:
    cells = [new_markdown_cell(f"# {name}\n\nA test notebook.")]
    if parameters:
        cells.append(new_code_cell(parameters, metadata={"tags": ["parameters"]}))
    cells += [new_code_cell(c) for c in code]
    path = folder / f"{name}.ipynb"
    nbformat.write(new_notebook(cells=cells, metadata=KERNEL), path)
    return path


def test_a_dead_kernel_a_hang_a_dead_worker_and_a_broken_notebook_each_fail_one_report(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook(folder, "95-kills-its-worker", "import os\nos.kill(os.getppid(), 9)")
    (folder / "96-not-a-notebook.ipynb").write_text("not a notebook", encoding="utf-8")
    notebook(folder, "97-dies", "import os\nos.kill(os.getpid(), 9)")
    notebook(folder, "98-hangs", "import time\ntime.sleep(120)")
    notebook(folder, "99-fine", "x = 1", "print(x)")
    monkeypatch.setattr(catalogue, "notebooks", lambda folder_=None, only=None: sorted(folder.glob("*.ipynb")))
    target = previous_build(tmp_path)
    before = snapshot(target)
    started = time.monotonic()
    reports, _ = report.build(cli.inputs(), target=target, dossiers=False, jobs=2, timeout=3)
    assert time.monotonic() - started < 100
    assert {b.name: b.error for b in reports} == {
        "95-kills-its-worker": "its worker process stopped (exit code -9)",
        "96-not-a-notebook": "NotJSONError: Notebook does not appear to be JSON: 'not a notebook'",
        "97-dies": "cell 2: its kernel died",
        "98-hangs": "cell 2: it ran past the 3 s a report may take",
        "99-fine": None,
    }
    assert snapshot(target) == before
    failed = tmp_path / "reports-failed"
    assert (failed / "99-fine.html").exists() and (failed / "98-hangs.html").exists()
    assert report.processes_with(f"blackwork-{os.getpid()}-") == []


def test_a_warm_kernel_is_replaced_after_a_death_or_a_hang(tmp_path):
    src = notebook(tmp_path, "warm", "import os, time\nif mode == 'die':\n    os.kill(os.getpid(), 9)\n"
                   "if mode == 'hang':\n    time.sleep(120)\nprint(os.getpid())", parameters="mode = 'ok'")
    modes = ["die", "ok", "hang", "ok", "ok"]
    jobs = [report.Job(name=f"run{i}", src=src, html=f"run{i}.html", parameters={"mode": m})
            for i, m in enumerate(modes)]
    results = report.run_warm(jobs, tmp_path / "out", with_code=False, timeout=3)
    assert [b.error for b in results] == ["cell 3: its kernel died", None,
                                          "cell 3: it ran past the 3 s a report may take", None, None]

    def kernel_pid(i):
        nb = nbformat.read(tmp_path / "out" / "notebooks" / "dossiers" / f"run{i}.ipynb", as_version=4)
        return int(nb.cells[-1].outputs[0]["text"])

    assert kernel_pid(1) != kernel_pid(3), "the hung kernel was kept"
    assert kernel_pid(3) == kernel_pid(4), "a healthy kernel was not kept warm"


def test_a_kernel_that_does_not_start_is_recognised_by_its_type_and_tried_twice(tmp_path, monkeypatch):
    from jupyter_client.manager import AsyncKernelManager

    starts = []

    class NoKernel(AsyncKernelManager):
        async def start_kernel(self, **kwargs):
            starts.append(1)
            raise OSError("no such kernel binary")

    monkeypatch.setattr(kernels, "kernel_manager", lambda: NoKernel)
    src = notebook(tmp_path, "any", "x = 1")
    built = report.run_job(report.Job(name="any", src=src, html="any.html"), tmp_path / "out", with_code=False)
    assert built.error == "its kernel did not start (OSError: no such kernel binary)"
    assert len(starts) == 2


def test_an_exception_in_a_worker_becomes_a_failed_result(tmp_path, monkeypatch):
    import queue

    def broken(*args, **kwargs):
        raise MemoryError("out of memory")

    monkeypatch.setattr(execute, "run_batch", broken)
    monkeypatch.setenv(kernels.KERNEL_DIR, str(tmp_path))
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # the worker's own signal set-up, not the test's
    tasks, events = queue.Queue(), queue.Queue()
    job = report.Job(name="a", src=tmp_path / "a.ipynb", html="a.html")
    tasks.put((0, [job], tmp_path, False, 5))
    tasks.put(None)
    pool.worker(tasks, events, str(tmp_path))
    messages = [events.get_nowait() for _ in range(events.qsize())]
    assert messages[0] == ("start", 0, os.getpid())
    kind, key, value = messages[1]
    assert (kind, key, [b.error for b in value]) == ("result", 0, ["the build failed on it (MemoryError: out of memory)"])
