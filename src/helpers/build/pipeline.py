"""The build from end to end: `build` (every report, the dossiers, the site), `run_one` (one notebook
with other parameters, into reports/runs/) and `execute_in_place` (`make notebooks`).

- Every notebook in the catalogue runs in a pool of worker processes (`pool`), one per core; the
  dossier notebook runs once per person the caller names (`Inputs.dossiers`).
- Only what changed runs: a report whose key (`store.job_key`) equals the stored one is taken as it
  was, and the site (`helpers.build.site`) is built again only when one of its sources changed. The
  kernels read a copy of the data taken when the build starts, and the keys are made from that copy.
- The cache checks itself: a stored execution or a file of the site that is missing or damaged, or a
  store.json of the wrong shape, is told in one line (`on_note`) and made again (`store.verify_store`,
  `_site_ready`).
- Each report may take `REPORT_TIMEOUT` seconds (`build(timeout=...)`, `blackwork report --timeout`);
  past it, or if its kernel dies, that report fails with one sentence and the build goes on.
- The build writes into a temporary folder beside `reports/` and swaps it in only when everything
  succeeded; a failed build goes to `reports-failed/` (`publish.fail`) and the last good `reports/`
  stays readable. One build at a time (`store.lock`, `BuildBusy`); SIGINT or SIGTERM stop it within
  seconds (`Interrupted`), `reports/` left exactly as it was.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..core import paths
from ..core.errors import ParameterError
from ..notebook import params as params_
from . import catalogue, kernels, pool
from .catalogue import DOSSIER, REPORT_TIMEOUT, Built, Job, explicit, lazy, plan, preflight, title_and_summary
from .execute import executed_path, run_job
from .inputs import Inputs
from .publish import CLAIMS, downloads, fail, publish
from .store import (atomic_copy, atomic_write, carry, clear_leftovers, code_digest, current, data_checksum, docname,
                    job_key, kept, lock, read_record, read_store, remembered, signals_held, site_folder, snapshot,
                    stop_on_signals, stored, swap_in, to_stderr, verify_store, write_manifest, write_record, write_store)

nbformat = lazy("nbformat")
#: The site's record (`store.write_record`): the key its HTML was built for, and each file's SHA-256.
PUBLISHED = "published.json"


def _empty(folder: Path) -> Path:
    """`folder`, made anew and empty (a build's temporary folder, beside its target)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


@dataclasses.dataclass
class _Plan:
    """What one build works from: its copy of the data (`store.snapshot`) with the dataset and checksum
    made from it, the jobs, their keys, and the store as read and verified."""

    data: Path
    dataset: object
    checksum: str
    reports: list[Job]
    dossiers: list[Job]
    site: object
    store: dict
    keys: dict[str, str]


def _prepare(inputs: Inputs, target: Path, folder: Path, only, dossiers: bool, limit, note) -> _Plan | None:
    """Copy the data into the build's folder and load the copy (failing fast, before any kernel starts,
    if it has problems), plan the jobs and check their parameters, read and verify the store. None when
    `only` names no notebook: nothing is built."""
    from ..evidence import load
    from .site import Site

    root = paths.data_dir()
    data = snapshot(root, folder / "data") if (root / "datapackage.json").is_file() else root
    dataset = load(data)
    report_jobs, dossier_jobs = plan(inputs, dataset, only, dossiers, limit)
    if only and not report_jobs:
        return None
    checksum = data_checksum(data)
    site = Site(site_folder(target))
    store = verify_store(site.root, read_store(site.root, note), note)
    keys = {docname(job): job_key(job, checksum) for job in report_jobs + dossier_jobs}
    # Only what will run is checked: a job whose key is current ran with these very parameters, notebook,
    # data and code (all in its key), so its check passed then and would pass again.
    fresh = current(site.root, store, keys)
    to_run = [job for job in dossier_jobs if docname(job) not in fresh]
    for job in [job for job in report_jobs if docname(job) not in fresh] + to_run[:1]:  # dossier people come from the data: one check suffices
        preflight(job.src, job.parameters, dataset)
    return _Plan(data, dataset, checksum, report_jobs, dossier_jobs, site, store, keys)


def _run(run_reports: list[Job], run_dossiers: list[Job], tmp: Path, with_code: bool, workers: int,
         timeout: float, on_done, kernel_dir: str, data: Path) -> dict[str, Built]:
    """Run the jobs in the pool (each report a task, the dossiers in one batch per worker, each batch in
    one warm kernel), their kernels reading the data in `data`; their results by docname."""
    tasks = [[job] for job in run_reports]
    tasks += [batch for batch in (run_dossiers[i::workers] for i in range(workers)) if batch]
    results = pool.run_pool(tasks, tmp, with_code, workers, timeout, kernel_dir, on_done, str(data)) if tasks else {}
    return {docname(job): b for key, batch in enumerate(tasks) for job, b in zip(batch, results[key])}


def _same_key(job: Job, p: _Plan) -> bool:
    try:
        return job_key(job, p.checksum) == p.keys[docname(job)]
    except OSError:  # the notebook went away meanwhile
        return False


def _keep(jobs: list[Job], ran: dict[str, Built], tmp: Path, p: _Plan, note) -> None:
    """Keep every good execution in the store, whole and with its SHA-256, even in a build that fails
    elsewhere. One whose notebook changed while the build ran is kept under no key: the site shows what
    ran, and it runs again at the next build."""
    changed = []
    for job in jobs:
        doc, b = docname(job), ran[docname(job)]
        if b.error:
            continue
        key = p.keys[doc] if _same_key(job, p) else None
        if key is None:
            changed.append(job.src.name)
        sha = atomic_copy(executed_path(job.name, tmp, warm=True), kept(p.site.root, doc))
        p.store[doc] = {"key": key, "sha256": sha, "built": dataclasses.asdict(b)}
    if changed:
        note(f"{', '.join(sorted(set(changed)))} changed while the build ran: the site shows what ran, and it "
             "runs again at the next build.")
    write_store(p.site.root, p.store)


def _outcome(job: Job, ran: dict[str, Built], store: dict) -> Built:
    """A job's result: this build's run, else the stored one (its key was current)."""
    doc = docname(job)
    return ran[doc] if doc in ran else stored(store, doc)


def _listed(inputs: Inputs, dataset, store: dict, now: list[Built]) -> list[Built]:
    """The site's pages, in the store's order: every page stored for a catalogued notebook or a person
    who has a dossier (the whole plan), this build's results in place of the stored ones."""
    whole = {docname(job) for jobs_ in plan(inputs, dataset) for job in jobs_}
    listed = [stored(store, doc) for doc, e in store.items() if doc in whole and not e["built"].get("error")]
    fresh = {docname(b): b for b in now}
    return [fresh.get(docname(b), b) for b in listed]


def _site_key(listed: list[Built], store: dict, checksum: str, with_code: bool) -> str:
    """What the site's HTML depends on: what its pages' stored executions hold (their SHA-256) and the
    names they are listed under, the data, --with-code, the code, the site's assets, CHANGELOG.md (the
    page of changes)."""
    from .site import assets_digest
    from .versions import CHANGELOG

    pages = [[docname(b), store[docname(b)].get("sha256"), b.label] for b in listed]
    log = hashlib.sha256(CHANGELOG.read_bytes()).hexdigest() if CHANGELOG.is_file() else ""
    sources = pages + [checksum, with_code, code_digest(), assets_digest(), log]
    return hashlib.sha256(json.dumps(sources).encode()).hexdigest()


def _site_ready(site, key: str, note) -> bool:
    """Whether the site's HTML (and claims.json) was built for `key`, every file as its record says.
    HTML that is damaged (a file missing or changed since it was built), or that no record vouches for
    (a build stopped while writing it, or an older build), is told in one line and removed, with what
    Sphinx keeps beside it: Sphinx builds it again in full."""
    found, recorded, broken = read_record(site.root / PUBLISHED, site.root)
    if broken or (not found and site.html.exists()):
        more = " and more" if len(broken) > 3 else ""
        note(f"The site's HTML in {site.root} is damaged ({len(broken)} file{'s' if len(broken) > 1 else ''} "
             f"missing or changed since it was built: {', '.join(broken[:3])}{more}); it is built again in full."
             if broken else f"The site's HTML in {site.root} has no record of what it holds (a build stopped while "
             "writing it, or one made before builds kept one); it is built again in full.")
        with signals_held():
            for folder in (site.html, site.doctrees, site.root / "jupyter_execute"):
                shutil.rmtree(folder, ignore_errors=True)
            for file in (site.stamp, site.root / PUBLISHED):
                file.unlink(missing_ok=True)
        return False
    return found and recorded == key


def _publish_and_swap(inputs: Inputs, p: _Plan, now: list[Built], with_code: bool, workers: int, child,
                      tmp: Path, target: Path, note) -> None:
    """Build the site if its sources changed or its HTML is damaged, put it with the downloads into
    `tmp`, and swap it in."""
    from .site import SiteError

    listed = _listed(inputs, p.dataset, p.store, now)
    site_reports = sorted((b for b in listed if not docname(b).startswith("dossiers/")), key=lambda b: b.name)
    site_dossiers = sorted((b for b in listed if docname(b).startswith("dossiers/")), key=lambda b: (b.label, b.name))
    site_key = _site_key(listed, p.store, p.checksum, with_code)
    if not _site_ready(p.site, site_key, note):
        for stale in (PUBLISHED, "published"):  # while the HTML is written nothing vouches for it ('published': older)
            (p.site.root / stale).unlink(missing_ok=True)
        try:
            publish(inputs, p.site, site_reports, site_dossiers, p.dataset, p.checksum, with_code, workers, child)
        except SiteError:  # Sphinx ended, with warnings: its pages are whole, and are built again next time
            write_record(p.site.root / PUBLISHED, None, p.site.root, ["html", CLAIMS])
            raise
        write_record(p.site.root / PUBLISHED, site_key, p.site.root, ["html", CLAIMS])
    shutil.rmtree(tmp)
    shutil.copytree(p.site.html, tmp, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", "_sources"))
    shutil.copytree(downloads(inputs, p.site, p.dataset, p.checksum, p.data, note), tmp / "downloads")
    for where in (tmp, tmp / "downloads"):  # every claim of the site, to cite and to compare across builds
        shutil.copyfile(p.site.root / CLAIMS, where / CLAIMS)
    carry(target, tmp, everything=False)
    write_manifest(tmp, site_reports, site_dossiers)
    swap_in(tmp, target)


def build(inputs: Inputs, target: Path | None = None, only: list[str] | None = None, with_code: bool = False,
          dossiers: bool = True, jobs: int | None = None, limit: int | None = None,
          on_plan=None, on_done=None, timeout: float = REPORT_TIMEOUT, on_note=None) -> tuple[list[Built], list[Built]]:
    """Build every report (and the dossiers) and the site that holds them; swap it in if all succeeded.

    inputs: what the build shows and does not compute (the dossiers' people, the register, the network).
    Only what changed runs (`job_key`, made from the build's copy of the data, which its kernels read);
    the site is rebuilt only when one of its sources changed or its HTML is damaged. A partial build
    (`only`, no dossiers, or a `limit`) runs what it names; the site keeps every other page of the
    earlier builds, and every build keeps `runs/`. `only` naming no notebook builds nothing: ([], []).

    on_plan(total) is called once with the number of reports to run; on_done(name) after each;
    on_note(line) with each damaged entry of the cache it found and made again (default: to stderr).
    timeout: seconds each report may take. A failed report leaves `target` as it was and puts the
    executed reports, rendered, into `<target>-failed/`. Raises BuildBusy if another build holds the
    lock, Interrupted on SIGINT/SIGTERM and OSError for a full disk or a folder it cannot write, leaving
    `target` as it was and nothing behind; what a killed build left, the next one removes.
    """
    from .site import start

    kernels.quiet()
    target = target or paths.REPORTS
    note = on_note or to_stderr
    inputs = remembered(inputs, site_folder(target))
    with stop_on_signals(), lock(target), kernels.kernel_folder() as folder:
        clear_leftovers(target)
        p = _prepare(inputs, target, Path(folder), only, dossiers, limit, note)
        if p is None:
            return [], []
        fresh = current(p.site.root, p.store, p.keys)
        run_reports, run_dossiers = ([job for job in jobs_ if docname(job) not in fresh]
                                     for jobs_ in (p.reports, p.dossiers))
        if on_plan:
            on_plan(len(run_reports) + len(run_dossiers))
        tmp = _empty(target.with_name(f".{target.name}-{os.getpid()}"))
        # Sphinx's child starts now and imports while the reports run (when any do)
        child = start(p.site) if run_reports or run_dossiers else None
        workers = max(1, jobs or os.cpu_count() or 1)
        try:
            ran = _run(run_reports, run_dossiers, tmp, with_code, workers, timeout, on_done, folder, p.data)
            _keep(run_reports + run_dossiers, ran, tmp, p, note)
            built_reports = [_outcome(job, ran, p.store) for job in p.reports]
            built_dossiers = sorted((_outcome(job, ran, p.store) for job in p.dossiers),
                                    key=lambda b: (b.label, b.name))
            if any(b.error for b in built_reports + built_dossiers):
                fail(inputs, tmp, target, built_reports, built_dossiers, p.dataset, p.checksum, with_code)
                return built_reports, built_dossiers
            _publish_and_swap(inputs, p, built_reports + built_dossiers, with_code, workers, child, tmp, target, note)
        finally:
            if child is not None and child.poll() is None:
                child.kill()
                child.communicate()
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    return built_reports, built_dossiers


def run_one(src: Path, parameters: dict, target: Path | None = None, with_code: bool = False,
            timeout: float = REPORT_TIMEOUT) -> Built:
    """Run one notebook with other parameters into reports/runs/<name>.html, leaving the rest alone.
    A dossier's page is titled with the person's name, as in the build."""
    from ..evidence import load

    kernels.quiet()
    target = target or paths.REPORTS
    dataset = load()
    preflight(src, parameters, dataset)  # a wrong parameter is said before the lock: it writes nothing
    label = ""
    if src.stem == DOSSIER:  # a dossier's page is titled with the person's name, as in the build
        person = dataset.find_person(explicit(src, parameters)["person"])
        label = str(dataset.people.set_index("person_id").name[person])
    with stop_on_signals(), lock(target):
        suffix = "--".join(f"{k}-{v}" for k, v in sorted(parameters.items()))
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in suffix)[:80].strip("-")
        name = f"{src.stem}--{safe}" if safe else src.stem
        clear_leftovers(target)
        with (tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}-{os.getpid()}-run-") as tmp,
              kernels.kernel_folder()):
            built = run_job(Job(name=name, src=src, html=f"{name}.html", parameters=explicit(src, parameters),
                                label=label), Path(tmp), with_code, timeout=timeout)
            if built.html:
                (target / "runs").mkdir(parents=True, exist_ok=True)
                os.replace(Path(tmp) / built.html, target / "runs" / built.html)
                built.html = f"runs/{built.html}"
    return built


def execute_in_place(only: list[str] | None = None, progress=None) -> list[Built]:
    """Re-run the notebooks in notebooks/ (the dossier too) and store their outputs (`make notebooks`),
    each written whole or not at all, without run timings: a notebook run again with nothing changed
    differs only in what its cells print, and keeps its key (`store.source_digest`)."""
    from nbclient import NotebookClient

    kernels.quiet()
    sources = catalogue.notebooks(only=only)
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
        NotebookClient(nb, timeout=REPORT_TIMEOUT, kernel_name="blackwork", record_timing=False,
                       kernel_manager_class=kernels.kernel_manager(),
                       resources={"metadata": {"path": str(src.parent)}}).execute()
        text = nbformat.writes(nb)
        atomic_write(src, text if text.endswith("\n") else text + "\n")
        item = Built(name=src.stem, title=title_and_summary(nb)[0], summary="", seconds=time.perf_counter() - started)
        done.append(item)
        if progress:
            progress(item)
    return done
