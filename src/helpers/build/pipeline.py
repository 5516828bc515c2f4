"""The build from end to end: `build` (every report, the dossiers, the site), `run_one` (one notebook
with other parameters, into reports/runs/) and `execute_in_place` (`make notebooks`).

- Every notebook in the catalogue runs in a pool of worker processes (`pool`), one per core; the
  dossier notebook runs once per person the caller names (`Inputs.dossiers`).
- Only what changed runs: a report whose key (`store.job_key`) equals the stored one is taken as it
  was, and the site (`helpers.build.site`) is built again only when one of its sources changed.
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
from .publish import downloads, fail, publish
from .store import (carry, code_digest, current, data_checksum, docname, job_key, kept, lock, read_store,
                    site_folder, stop_on_signals, stored, swap_in, write_manifest, write_store)

nbformat = lazy("nbformat")


def _empty(folder: Path) -> Path:
    """`folder`, made anew and empty (a build's temporary folder, beside its target)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _run(run_reports: list[Job], run_dossiers: list[Job], tmp: Path, with_code: bool, workers: int,
         timeout: float, on_done) -> dict[str, Built]:
    """Run the jobs in the pool (each report a task, the dossiers in one batch per worker, each batch in
    one warm kernel); their results by docname."""
    tasks = [[job] for job in run_reports]
    tasks += [batch for batch in (run_dossiers[i::workers] for i in range(workers)) if batch]
    with kernels.kernel_folder() as kernel_dir:
        results = pool.run_pool(tasks, tmp, with_code, workers, timeout, kernel_dir, on_done) if tasks else {}
    return {docname(job): b for key, batch in enumerate(tasks) for job, b in zip(batch, results[key])}


def _keep(jobs: list[Job], ran: dict[str, Built], tmp: Path, root: Path, store: dict, keys: dict[str, str]) -> None:
    """Keep every good execution in the store, even in a build that fails elsewhere."""
    for job in jobs:
        doc, b = docname(job), ran[docname(job)]
        if not b.error:
            kept(root, doc).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(executed_path(job.name, tmp, warm=True), kept(root, doc))
            store[doc] = {"key": keys[doc], "built": dataclasses.asdict(b)}
    write_store(root, store)


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
    """What the site's HTML depends on: its pages' keys, the data, --with-code, the code, the site's assets."""
    from .site import assets_digest

    return hashlib.sha256(json.dumps([[docname(b), store[docname(b)]["key"]] for b in listed]
                                     + [checksum, with_code, code_digest(), assets_digest()]).encode()).hexdigest()


def _publish_and_swap(inputs: Inputs, site, store: dict, now: list[Built], dataset, checksum: str, with_code: bool,
                      workers: int, child, tmp: Path, target: Path) -> None:
    """Build the site if its sources changed, put it with the downloads into `tmp`, and swap it in."""
    listed = _listed(inputs, dataset, store, now)
    site_reports = sorted((b for b in listed if not docname(b).startswith("dossiers/")), key=lambda b: b.name)
    site_dossiers = sorted((b for b in listed if docname(b).startswith("dossiers/")), key=lambda b: (b.label, b.name))
    site_key = _site_key(listed, store, checksum, with_code)
    published = site.root / "published"
    if not (published.exists() and published.read_text() == site_key and (site.html / "index.html").exists()):
        publish(inputs, site, site_reports, site_dossiers, dataset, checksum, with_code, workers, child)
        published.write_text(site_key)
    shutil.rmtree(tmp)
    shutil.copytree(site.html, tmp, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", "_sources"))
    shutil.copytree(downloads(inputs, site, dataset, checksum), tmp / "downloads")
    carry(target, tmp, everything=False)
    write_manifest(tmp, site_reports, site_dossiers)
    swap_in(tmp, target)


def build(inputs: Inputs, target: Path | None = None, only: list[str] | None = None, with_code: bool = False,
          dossiers: bool = True, jobs: int | None = None, limit: int | None = None,
          on_plan=None, on_done=None, timeout: float = REPORT_TIMEOUT) -> tuple[list[Built], list[Built]]:
    """Build every report (and the dossiers) and the site that holds them; swap it in if all succeeded.

    inputs: what the build shows and does not compute (the dossiers' people, the register, the network).
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
    from .site import Site, start

    kernels.quiet()
    target = target or paths.REPORTS
    with stop_on_signals(), lock(target):
        dataset = load()  # fail fast, before any kernel starts, if the data has problems
        report_jobs, dossier_jobs = plan(inputs, dataset, only, dossiers, limit)
        for job in report_jobs + dossier_jobs[:1]:  # dossier people come from the data: one check suffices
            preflight(job.src, job.parameters, dataset)
        checksum = data_checksum()
        site = Site(site_folder(target))
        store = read_store(site.root)
        keys = {docname(job): job_key(job, checksum) for job in report_jobs + dossier_jobs}
        fresh = current(site.root, store, keys)
        run_reports, run_dossiers = ([job for job in jobs_ if docname(job) not in fresh]
                                     for jobs_ in (report_jobs, dossier_jobs))
        if on_plan:
            on_plan(len(run_reports) + len(run_dossiers))
        tmp = _empty(target.with_name(f".{target.name}-{os.getpid()}"))
        # Sphinx's child starts now and imports while the reports run (when any do)
        child = start(site) if run_reports or run_dossiers else None
        workers = max(1, jobs or os.cpu_count() or 1)
        try:
            ran = _run(run_reports, run_dossiers, tmp, with_code, workers, timeout, on_done)
            _keep(run_reports + run_dossiers, ran, tmp, site.root, store, keys)
            built_reports = [_outcome(job, ran, store) for job in report_jobs]
            built_dossiers = sorted((_outcome(job, ran, store) for job in dossier_jobs),
                                    key=lambda b: (b.label, b.name))
            if any(b.error for b in built_reports + built_dossiers):
                fail(inputs, tmp, target, built_reports, built_dossiers, dataset, checksum, with_code)
                return built_reports, built_dossiers
            _publish_and_swap(inputs, site, store, built_reports + built_dossiers, dataset, checksum, with_code,
                              workers, child, tmp, target)
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
    with stop_on_signals(), lock(target):
        dataset = load()
        preflight(src, parameters, dataset)
        label = ""
        if src.stem == DOSSIER:  # a dossier's page is titled with the person's name, as in the build
            person = dataset.find_person(explicit(src, parameters)["person"])
            label = str(dataset.people.set_index("person_id").name[person])
        suffix = "--".join(f"{k}-{v}" for k, v in sorted(parameters.items()))
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in suffix)[:80].strip("-")
        name = f"{src.stem}--{safe}" if safe else src.stem
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp, kernels.kernel_folder():
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
        NotebookClient(nb, timeout=REPORT_TIMEOUT, kernel_name="blackwork",
                       kernel_manager_class=kernels.kernel_manager(),
                       resources={"metadata": {"path": str(src.parent)}}).execute()
        nbformat.write(nb, src)
        item = Built(name=src.stem, title=title_and_summary(nb)[0], summary="", seconds=time.perf_counter() - started)
        done.append(item)
        if progress:
            progress(item)
    return done
