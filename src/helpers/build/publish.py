"""What a build publishes from its stored executions: the site's pages, the landing page's findings,
the people register, the downloads, and the index of a failed build.

What these show about people and their ties comes from the caller (`Inputs`): the register's rows
(`Inputs.register`), made into `site.Person` here, and the network of the GEXF download
(`Inputs.network`, through `export.write`).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pandas as pd

from ..core import paths
from .catalogue import Built, tagged, text_of
from .execute import describe_figures, escape_markdown_outputs, executed_path, render
from .inputs import Inputs
from .store import docname, signals_held


def findings(nb: dict, sentences: int = 2) -> list[str]:
    """The headline findings a report computed: the markdown outputs of its cells tagged `finding`,
    each cut to its first `sentences` sentences, without a leading 'What to see:'."""
    out = []
    for cell in nb["cells"]:
        if not tagged(cell, "finding"):
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            if text:
                text = text_of(text)
                text = re.sub(r"^\*What to see:\*\s*", "", text.strip())
                parts = re.split(r"(?<=[\w)*]{2}\.)\s+(?=[A-Z0-9*])", text)  # not after 'e.g.' or an initial
                out.append(" ".join(parts[:sentences]))
    return out


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def people(inputs: Inputs, dataset, dossiers: list[Built]) -> list:
    """The register's rows (`inputs.register`) as the site's `Person`s, one per dossier in its order:
    the name the dossier is listed under, side, last post, years of life, fate in words."""
    from .site import Person, life_years

    rows = inputs.register(dataset, [b.name for b in dossiers])
    return [Person(docname=docname(b), name=b.label or b.name, side=str(row.side), post=str(row.post),
                   years=life_years(_year(row.born), _year(row.died)), fate=str(row.fate).replace("_", " "))
            for b, row in zip(dossiers, rows.itertuples(index=False))]


def publish(inputs: Inputs, site, reports: list[Built], dossiers: list[Built], dataset, checksum: str,
            with_code: bool, jobs: int, child=None) -> None:
    """Write the site's sources from the stored executions and build its HTML (when they changed)."""
    from . import export
    from . import site as site_

    executed = site.root / "executed"
    pages, found = [], []
    for b in reports + dossiers:
        # plain JSON: nbformat's import (jsonschema) would cost this process a second
        nb = json.loads((executed / f"{docname(b)}.ipynb").read_text(encoding="utf-8"))
        nb = describe_figures(escape_markdown_outputs(nb))
        pages.append(site_.Page(docname=docname(b), title=b.label or b.title or b.name, notebook=nb))
        if b in reports:
            found += [(docname(b), b.title or b.name, text) for text in findings(nb)]
    texts = {
        "index": site_.landing([(docname(b), b.title or b.name, b.summary) for b in reports], found, len(dossiers),
                               export.DOWNLOADS, dataset.row_counts().to_dict(), checksum),
        "people": site_.register(people(inputs, dataset, dossiers)),
    }
    site_.write_sources(site, pages, texts)
    links = site_.link_targets([(docname(b), b.label or b.name) for b in dossiers])
    alts = {h: alt for page in pages for h, alt in site_.alt_texts(page.notebook).items()}
    site_.build(site, links, alts, with_code=with_code, jobs=jobs, child=child)


def downloads(inputs: Inputs, site, dataset, checksum: str) -> Path:
    """The downloads of this data (written again only when the data changed)."""
    from . import export

    folder = site.root / "downloads"
    stamp = site.root / "downloads.checksum"
    if not (stamp.exists() and stamp.read_text() == checksum and folder.is_dir()):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        export.write(inputs, dataset, paths.data_dir(), folder, with_zip=True)
        stamp.write_text(checksum)
    return folder


# ---- a failed build ---------------------------------------------------------------------------

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


def fail(inputs: Inputs, tmp: Path, target: Path, reports: list[Built], dossiers: list[Built], dataset,
         checksum: str, with_code: bool) -> None:
    """A build with a failed report: the reports this build ran, rendered one by one with the
    failing cell shown, and an index, go to `<target>-failed/`; `target` stays as it was. Each
    dossier's fate in the index is the register's (`inputs.register`)."""
    for b in reports + dossiers:
        executed = executed_path(b.name, tmp, warm=True)
        if not b.cached and executed.exists():
            render(executed, tmp / b.html, with_code, title=b.label or b.title or None)
    ran = [b for b in dossiers if not b.cached]
    rows = inputs.register(dataset, [b.name for b in ran])
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    (tmp / "index.html").write_text(
        index_html([b for b in reports if not b.cached], ran, dataset.row_counts().to_dict(), checksum, stamp,
                   dict(zip(rows.person_id, rows.fate))),
        encoding="utf-8")
    failed = target.with_name(target.name + "-failed")
    with signals_held():
        if failed.exists():
            shutil.rmtree(failed)
        tmp.rename(failed)
