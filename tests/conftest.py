"""Shared fixtures: the real dataset, and small or broken copies of the package to test rules on."""
from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

import matplotlib
import pytest

import helpers
from helpers import paths

matplotlib.use("Agg")  # every test draws off screen (in this process only: kernels keep their inline backend)

FIXTURES = Path(__file__).parent / "fixtures"
#: Tables the mini fixture shares with the real package (vocabulary-like tables).
SHARED = ("datapackage.json", "sources.csv", "sections.csv", "organisations.csv")


@pytest.fixture(scope="session", autouse=True)
def _own_load_cache(tmp_path_factory):
    """Each test session (each xdist worker) keeps helpers.load's cache in a folder of its own, so
    that tests never read or prune the project's .cache/ (tests in test_cache.py use their own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BLACKWORK_CACHE", str(tmp_path_factory.mktemp("load-cache")))
        yield


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """A load cache of the test's own (`BLACKWORK_CACHE`), empty at its start."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BLACKWORK_CACHE", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _close_figures():
    """Every figure a test draws is closed after it, so none piles up over the session."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture(scope="module")
def kernel():
    """One project kernel per test module, working in notebooks/ as JupyterLab's would."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="blackwork", cwd=str(paths.NOTEBOOKS))
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def kernel_output(client, code: str, timeout: float = 120) -> str:
    """Run `code` in the kernel: its stdout, with an error's name and value where one is raised."""
    printed: list[str] = []

    def keep(msg):
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        if msg["msg_type"] == "error":
            printed.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")

    client.execute_interactive(code, timeout=timeout, output_hook=keep)
    return "".join(printed)


@pytest.fixture(scope="session")
def ds() -> helpers.Dataset:
    """The project's real, validated data."""
    return helpers.load()


@pytest.fixture(scope="session")
def database(tmp_path_factory, ds):
    """The real data exported to SQLite (`blackwork export`'s database), where a claim's SQL must give
    its value back."""
    import sqlite3

    from helpers.build import sqlite

    path = tmp_path_factory.mktemp("export") / "blackwork.sqlite"
    sqlite.write(ds, path)
    return sqlite3.connect(path)


def copy_package(target: Path, source: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*"):
        if path.is_file():
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def mini(tmp_path) -> Path:
    """A small hand-made package (tests/fixtures/mini) with the real schema, sources and sections."""
    root = copy_package(tmp_path / "mini", FIXTURES / "mini")
    for name in SHARED:
        shutil.copy(paths.ROOT / "data" / name, root / name)
    return root


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the real data package."""
    return copy_package(tmp_path / "data", paths.ROOT / "data")


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def set_cell(root: Path, file: str, line: int, field: str, value: str) -> None:
    """Change one cell; `line` is the line in the file (the header is line 1)."""
    rows = read_rows(root / file)
    rows[line - 1][rows[0].index(field)] = value
    write_rows(root / file, rows)


def add_row(root: Path, file: str, **cells: str) -> int:
    """Append a row (missing cells empty); return its line number."""
    rows = read_rows(root / file)
    rows.append([cells.get(name, "") for name in rows[0]])
    write_rows(root / file, rows)
    return len(rows)


MILLER_5 = "The Kidnapping of Yevgeny Miller (22 September 1937) ¶5"


def add_plevitskaya_event(root: Path, kind: str, type_: str, date: str, **cells: str) -> int:
    """Add an event abroad of `type_` with Nadezhda Plevitskaya (mini fixture) as its stated subject,
    id `nadezhda-plevitskaya-<kind>`; other event cells may be given. Return the event's line."""
    event_id = f"nadezhda-plevitskaya-{kind}"
    base = dict(event_id=event_id, date=date, type=type_, title=kind.capitalize(), country="France",
                scope="abroad", certainty="stated", summary=f"{kind.capitalize()}.", source_id="case-file-0121",
                locator=MILLER_5)
    line = add_row(root, "events.csv", **{**base, **cells})
    add_row(root, "roles.csv", event_id=event_id, person_id="nadezhda-plevitskaya", role="subject", certainty="stated")
    add_row(root, "event_places.csv", event_id=event_id, place_id="france", seq="1", role="at",
            source_id="case-file-0121", locator=MILLER_5)  # every event abroad has a place
    return line


def problems_in(root: Path) -> list[str]:
    """The problems of the package in `root`, as text; [] when it is valid."""
    try:
        helpers.load(root)
    except helpers.DataError as err:
        return [str(p) for p in err.problems]
    return []


def problems_of(root: Path) -> list[str]:
    with pytest.raises(helpers.DataError) as caught:
        helpers.load(root)
    return [str(p) for p in caught.value.problems]


def event_row(ds, event_id: str):
    """One event of the real data as a row (fact tests)."""
    return ds.events.set_index("event_id").loc[event_id]


def people_in(ds, event_id: str, role: str) -> set[str]:
    """The person_ids with `role` in an event (fact tests)."""
    return set(ds.roles.person_id[(ds.roles.event_id == event_id) & (ds.roles.role == role)])


def accounts_of(ds, event_id: str, kind: str | None = None):
    """The accounts of an event (fact tests), optionally of one kind."""
    a = ds.accounts[ds.accounts.event_id == event_id]
    return a if kind is None else a[a.kind == kind]


def tally(ds, tally_id: str):
    """One tally of the real data as a row (fact tests)."""
    return ds.tallies.set_index("tally_id").loc[tally_id]


def seed_site(target: Path, notebooks: dict[str, str] | None = None, dossiers: dict[str, str] | None = None) -> Path:
    """Store executions as an earlier build would have left them beside `target`, from the committed
    notebooks (executed with their defaults), so that a build finds them current and runs no kernel.

    notebooks: docname -> notebook name, stored under the key the build computes (current);
    dossiers: person_id -> name, stored from notebooks/dossier.ipynb (its outputs are Yezhov's)."""
    import dataclasses
    import json

    import nbformat

    from helpers import report

    root = report.site_folder(target)
    (root / "executed" / "dossiers").mkdir(parents=True, exist_ok=True)
    checksum, store = report.data_checksum(), {}
    for doc, name in (notebooks or {}).items():
        src = paths.NOTEBOOKS / f"{name}.ipynb"
        job = report.Job(name=name, src=src, html=f"{doc}.html", parameters=report.explicit(src, {}))
        shutil.copyfile(src, root / "executed" / f"{doc}.ipynb")
        title, summary = report.title_and_summary(nbformat.read(src, as_version=4))
        store[doc] = {"key": report.job_key(job, checksum), "built": dataclasses.asdict(
            report.Built(name=name, title=title, summary=summary, html=job.html, parameters=job.parameters))}
    for pid, name in (dossiers or {}).items():
        shutil.copyfile(paths.NOTEBOOKS / "dossier.ipynb", root / "executed" / "dossiers" / f"{pid}.ipynb")
        store[f"dossiers/{pid}"] = {"key": "an earlier build's", "built": dataclasses.asdict(
            report.Built(name=pid, title="", summary="", html=f"dossiers/{pid}.html", label=name))}
    (root / "store.json").write_text(json.dumps(store), encoding="utf-8")
    return root


def run_notebook(tmp_path: Path, name: str, **parameters):
    """Run catalogued notebook `name` with `parameters` through papermill (as a user would) and return
    the executed notebook."""
    import nbformat
    import papermill as pm

    src, out = paths.NOTEBOOKS / f"{name}.ipynb", tmp_path / f"{name}.out.ipynb"
    pm.execute_notebook(str(src), str(out), parameters=parameters, cwd=str(src.parent), kernel_name="blackwork",
                        progress_bar=False)
    return nbformat.read(out, as_version=4)


def markdown_of(nb) -> str:
    """Every Markdown output of a notebook's code cells, one after the other (what a reader reads)."""
    return "\n".join(o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "text/markdown" in o.get("data", {}))
