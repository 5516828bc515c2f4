"""Caches that check themselves, and what a build leaves when it is killed.

- `TestCache`: the key of a stored execution is made from the bytes its kernel read; a damaged entry of
  the cache (a page of the site, a stored notebook, store.json, Sphinx's .buildinfo) is found, told in
  one line and built again; a full disk or a folder that cannot be written is one sentence.
- `TestFaults`: `kill -9` of a build leaves no process running, and the next build removes its folders.

Most builds here take their reports from the store (`seed_site`) or "run" them by copying the committed
notebook (`runs`), and a stand-in for Sphinx writes the site (`sphinx`): the decisions of the build are
what is tested, in seconds. One test runs a real kernel, and the kill test a real build.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import cli, paths, report
from helpers.build import catalogue, execute, pool
from helpers.build import site as site_

from conftest import seed_site
from test_build_signals import start_build, wait_for_a_kernel

KERNEL = {"kernelspec": {"name": "blackwork", "display_name": "blackwork", "language": "python"}}
START = "start-here"  # the smallest report of the catalogue
BUILDINFO = ("# Sphinx build info version 1\n# This file records the configuration used when building these "
             "files.\nconfig: 0\ntags: 0\n")


@pytest.fixture
def sphinx(monkeypatch) -> list[bool]:
    """Sphinx without its quarter of a minute: one page per source, then its .buildinfo. Like Sphinx 9 it
    reads .buildinfo first, so an empty one fails it (IndexError) as it fails Sphinx. The downloads are
    a line each (test_export tests them). Returns one entry (with_code) per build it made."""
    from sphinx.builders.html._build_info import BuildInfo

    from helpers.build import export

    def downloads(inputs, ds, root, folder, with_zip=False):
        for name in (*export.FILES, *(["blackwork-data.zip"] if with_zip else [])):
            (folder / name).write_text(f"{name} of {report.data_checksum(root)}\n", encoding="utf-8")

    monkeypatch.setattr(export, "write", downloads)
    made: list[bool] = []

    def build(site, people, alts=None, with_code=False, jobs=1, child=None):
        if child is not None:  # the real child, still importing Sphinx: not needed
            child.kill()
            child.communicate()
        info = site.html / ".buildinfo"
        if info.exists():
            BuildInfo.load(info)
        for src in sorted(p for p in site.src.rglob("*") if p.is_file()):
            page = site.html / src.relative_to(site.src).with_suffix(".html")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"<html><body>{src.stem}: {len(src.read_bytes())} bytes, code {with_code}</body></html>",
                            encoding="utf-8")
        info.write_text(BUILDINFO, encoding="utf-8")
        made.append(with_code)
        return True

    monkeypatch.setattr(site_, "build", build)
    return made


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """Reports 'run' without a kernel: each execution is the committed notebook, as `seed_site` stores
    them. Returns the names of the reports run."""
    ran: list[str] = []

    def run_pool(tasks, out_dir, with_code, workers, timeout, kernel_dir, on_done=None, *more, **named):
        results = {}
        for key, jobs in enumerate(tasks):
            results[key] = []
            for job in jobs:
                path = execute.executed_path(job.name, out_dir, warm=True)
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(job.src, path)
                title, summary = report.title_and_summary(nbformat.read(job.src, as_version=4))
                results[key].append(report.Built(name=job.name, title=title, summary=summary, html=job.html,
                                                 parameters=job.parameters, label=job.label))
                ran.append(job.name)
        return results

    monkeypatch.setattr(pool, "run_pool", run_pool)
    return ran


def build(target: Path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """`blackwork report --only start-here --no-dossiers ARGS` into `target`: exit code, stdout, stderr."""
    monkeypatch.setattr(paths, "REPORTS", target)
    code = cli.main(["report", "--only", START, "--no-dossiers", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def notebook(folder: Path, name: str, *code: str) -> Path:
    cells = [new_markdown_cell(f"# {name}\n\nA test notebook.")] + [new_code_cell(c) for c in code]
    path = folder / f"{name}.ipynb"
    nbformat.write(new_notebook(cells=cells, metadata=KERNEL), path)
    return path


class TestCache:
    def test_an_edit_to_the_data_during_a_build_is_not_stored_under_the_old_key(self, tmp_path, data_copy,
                                                                                monkeypatch, capsys, sphinx):
        """The report edits the data folder before it reads it, as a person saving a CSV while the build
        runs: the stored execution's key must be made from the data its kernel read."""
        folder = tmp_path / "notebooks"
        folder.mkdir()
        src = notebook(folder, "99-edits-the-data",
                       f"from pathlib import Path\nPath({str(data_copy / 'README.md')!r}).write_text('edited')",
                       "from helpers import report\nprint(report.data_checksum())")
        monkeypatch.setattr(catalogue, "notebooks", lambda folder_=None, only=None: [src])
        monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
        before = report.data_checksum()
        code, _, err = build(tmp_path / "reports", monkeypatch, capsys, "--jobs", "1")
        assert code == 0, err
        root = report.site_folder(tmp_path / "reports")
        executed = nbformat.read(root / "executed" / f"{src.stem}.ipynb", as_version=4)
        read = executed.cells[-1].outputs[0]["text"].strip()
        assert read == before  # the kernel read the data as the build found it, not the edit
        key = json.loads((root / "store.json").read_text(encoding="utf-8"))[src.stem]["key"]
        assert key == report.job_key(report.Job(name=src.stem, src=src, html=f"{src.stem}.html"), read)
        assert report.data_checksum() != before  # the edit is the next build's: another key, run again

    def test_a_notebook_run_again_in_place_with_nothing_changed_keeps_its_key(self, tmp_path):
        """`make notebooks` stores new outputs, counts and timings: no report depends on them."""
        src = tmp_path / f"{START}.ipynb"
        shutil.copyfile(paths.NOTEBOOKS / f"{START}.ipynb", src)
        job = report.Job(name=START, src=src, html=f"{START}.html")
        before = report.job_key(job, "a checksum")
        nb = nbformat.read(src, as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        for number, cell in enumerate(code, 100):
            cell.execution_count = number
            cell.metadata["execution"] = {"iopub.execute_input": "2031-01-01T00:00:00.000001Z",
                                          "shell.execute_reply": "2031-01-01T00:00:01.000001Z"}
            cell.outputs = [new_output("stream", name="stdout", text=f"run {number}\n")]
        nbformat.write(nb, src)
        assert report.job_key(job, "a checksum") == before
        code[0].source += "\n# a changed line"
        nbformat.write(nb, src)
        assert report.job_key(job, "a checksum") != before

    def test_an_entry_of_the_load_cache_altered_but_still_a_pickle_is_a_miss(self, data_copy, tmp_path,
                                                                             monkeypatch):
        import helpers

        monkeypatch.setenv("BLACKWORK_CACHE", str(tmp_path / "load"))
        assert helpers.load(data_copy).people.name.iloc[0] == "Abram Slutsky"
        [entry] = (tmp_path / "load").glob("*.pickle")
        data = entry.read_bytes()
        assert b"Abram Slutsky" in data
        entry.write_bytes(data.replace(b"Abram Slutsky", b"Abram Slutskx"))  # same length: it still unpickles
        assert helpers.load(data_copy).people.name.iloc[0] == "Abram Slutsky"

    @pytest.mark.parametrize("damage", ["truncated", "deleted"])
    def test_a_page_of_the_site_damaged_in_the_cache_is_built_again_with_one_line(self, tmp_path, monkeypatch,
                                                                               capsys, sphinx, damage):
        target = tmp_path / "reports"
        root = seed_site(target, {START: START})
        assert build(target, monkeypatch, capsys)[0] == 0
        good = (target / f"{START}.html").read_bytes()
        page = root / "html" / f"{START}.html"
        page.write_bytes(good[:20]) if damage == "truncated" else page.unlink()
        code, _, err = build(target, monkeypatch, capsys)
        assert code == 0 and len(err.splitlines()) == 1 and f"{START}.html" in err, err
        assert (target / f"{START}.html").read_bytes() == good and page.read_bytes() == good
        assert len(sphinx) == 2

    def test_a_truncated_stored_notebook_runs_again_with_one_line(self, tmp_path, monkeypatch, capsys, sphinx, runs):
        target = tmp_path / "reports"
        root = seed_site(target, {START: START})
        stored = root / "executed" / f"{START}.ipynb"
        stored.write_bytes(stored.read_bytes()[:200])
        code, out, err = build(target, monkeypatch, capsys)
        assert code == 0 and runs == [START], err
        assert len(err.splitlines()) == 1 and START in err and "Traceback" not in err
        assert json.loads(stored.read_text(encoding="utf-8"))["cells"]  # whole again
        assert "1 reports and 0 dossiers built" in out

    @pytest.mark.parametrize("shape", [[], {START: "a key"}, {START: {"key": 1, "built": []}}, "not JSON {"])
    def test_a_store_json_of_the_wrong_shape_runs_again_with_one_line(self, tmp_path, monkeypatch, capsys,
                                                                      sphinx, runs, shape):
        target = tmp_path / "reports"
        root = seed_site(target, {START: START})
        (root / "store.json").write_text(shape if isinstance(shape, str) else json.dumps(shape), encoding="utf-8")
        code, _, err = build(target, monkeypatch, capsys)
        assert code == 0 and runs == [START], err
        assert len(err.splitlines()) == 1 and "store.json" in err and "Traceback" not in err
        assert list(json.loads((root / "store.json").read_text(encoding="utf-8"))) == [START]
        assert (target / f"{START}.html").exists()

    def test_an_empty_buildinfo_is_found_and_the_site_built_again_with_one_line(self, tmp_path, monkeypatch,
                                                                                capsys, sphinx):
        """A full disk while Sphinx writes leaves .buildinfo empty; the next build that needs Sphinx (here
        with --with-code) met it as a traceback, every time."""
        target = tmp_path / "reports"
        root = seed_site(target, {START: START})
        assert build(target, monkeypatch, capsys)[0] == 0
        (root / "html" / ".buildinfo").write_bytes(b"")
        code, _, err = build(target, monkeypatch, capsys, "--with-code")
        assert code == 0 and len(err.splitlines()) == 1 and ".buildinfo" in err, err
        assert sphinx == [False, True] and (root / "html" / ".buildinfo").read_text(encoding="utf-8") == BUILDINFO

    @pytest.mark.parametrize("error, words", [(errno.ENOSPC, "the disk is full"),
                                              (errno.EROFS, "cannot be written (Read-only file system)")])
    def test_a_full_disk_or_a_read_only_folder_is_one_sentence_and_leaves_the_last_good_state(
            self, tmp_path, monkeypatch, capsys, sphinx, error, words):
        target = tmp_path / "reports"
        target.mkdir()
        (target / "index.html").write_text("previous good build", encoding="utf-8")
        root = seed_site(target, {START: START})
        store = (root / "store.json").read_bytes()

        def refuse(self, *args, **kwargs):
            raise OSError(error, os.strerror(error), str(self))

        monkeypatch.setattr(Path, "write_text", refuse)
        monkeypatch.setattr(Path, "write_bytes", refuse)
        code, _, err = build(target, monkeypatch, capsys)
        assert code == 1 and len(err.splitlines()) == 1 and words in err and "Traceback" not in err, err
        assert [p.name for p in target.iterdir()] == ["index.html"]
        assert (target / "index.html").read_bytes() == b"previous good build"
        assert (root / "store.json").read_bytes() == store
        assert sorted(p.name for p in tmp_path.iterdir()) == [".reports-site", ".reports.lock", "reports"]
        assert not list(root.rglob("*.tmp"))

    def test_an_output_folder_that_cannot_be_made_is_one_sentence(self, monkeypatch, capsys):
        place = Path("/sys/blackwork-cannot-be-made")  # sysfs: no folder can be made there, not even by root
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no sysfs here")
        code, _, err = build(place / "reports", monkeypatch, capsys)
        assert code == 1 and len(err.splitlines()) == 1 and "cannot be written" in err and "Traceback" not in err, err


def _family() -> dict[int, list[int]]:
    """Each process's children, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        children.setdefault(int(text[text.rindex(")") + 2:].split()[1]), []).append(int(stat.parent.name))
    return children


def descendants(pid: int) -> list[int]:
    children, found, todo = _family(), [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    """The process exists and is no zombie."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text[text.rindex(")") + 2:].split()[0] not in ("Z", "X")


class TestFaults:
    def test_kill_9_of_a_build_leaves_no_process_and_the_next_build_removes_its_folders(self, tmp_path):
        build_ = start_build(tmp_path, "--limit-dossiers", "2", "--jobs", "2")
        family: list[int] = []
        try:
            wait_for_a_kernel(build_)
            family = descendants(build_.pid)  # the fork server, the workers, their kernels, Sphinx's child
            assert len(family) >= 3, family
            os.kill(build_.pid, signal.SIGKILL)
            build_.wait(10)
            deadline = time.monotonic() + 5
            while any(running(p) for p in family) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert [p for p in family if running(p)] == [], "a process of the killed build is still running"
        finally:
            for pid in family:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        left = [tmp_path / f".reports-{build_.pid}",
                *Path(tempfile.gettempdir()).glob(f"blackwork-{build_.pid}-*")]
        assert len(left) >= 2 and all(p.exists() for p in left)  # kill -9: nothing could clean up
        reports, dossiers = report.build(cli.inputs(), target=tmp_path / "reports", only=["no-such-report"])
        assert (reports, dossiers) == ([], [])
        assert [p for p in left if p.exists()] == []
