"""What a build publishes from its stored executions: the site's pages, the landing page's findings,
the people register, the downloads, and the index of a failed build.

What these show about people and their ties comes from the caller (`Inputs`): the register's rows
(`Inputs.register`), made into `pages.Person` here, and the network of the GEXF download
(`Inputs.network`, through `export.write`).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from ..core import paths
from . import cards, changes, pages
from .catalogue import Built, tagged, text_of
from .execute import describe_figures, escape_markdown_outputs, executed_path, render
from .inputs import Inputs
from .store import atomic_write, docname, read_record, signals_held, write_record

#: Every claim of the site, in the site's folder and in the downloads.
CLAIMS = "claims.json"
#: claims.json among the downloads the landing page lists: every build copies it into downloads/ (it
#: depends on the code as well as the data, so it is not one of the exports, which are keyed on the data).
CLAIMS_DOWNLOAD = "every claim of the site: its value, rule, parameters, the rows it rests on and its SQL"


def html_outputs(nb: dict, docname_: str) -> tuple[dict, list[dict]]:
    """The notebook as the site shows it: every Markdown output made HTML by the build itself
    (`cards`: no raw HTML, no MyST role or directive from a caption or the data), each claim a card,
    and the page's claims (their dicts, with the page)."""
    root = "../" * docname_.count("/")
    found = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" not in data:
                continue
            bundle = data.pop(cards.MIME, None)
            text = text_of(data.pop("text/markdown"))
            data["text/html"] = cards.claimed_html(bundle, root) if bundle else cards.markdown(text)
            found += (bundle or {}).get("claims", [])
    return nb, found


def findings(docname_: str, title: str, nb: dict, sentences: int = 2) -> list:
    """The headline findings a report computed: the outputs of its cells tagged `finding`, each cut to
    its first `sentences` sentences, with the cards of its claims (`pages.finding`)."""
    out = []
    for cell in nb["cells"]:
        if not tagged(cell, "finding"):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                out.append(pages.finding(docname_, title, data.get(cards.MIME), text_of(data["text/markdown"]), sentences))
    return out


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def people(inputs: Inputs, dataset, dossiers: list[Built]) -> list:
    """The register's rows (`inputs.register`) as the site's `Person`s, one per dossier in its order:
    the name the dossier is listed under, side, last post, years of life, fate in words, and the
    other names the filter also matches (aliases.csv)."""
    rows = inputs.register(dataset, [b.name for b in dossiers])
    aliases = getattr(dataset, "aliases", None)
    also = {} if aliases is None else aliases.groupby("person_id")["alias"].agg(" ; ".join).to_dict()
    return [pages.Person(docname=docname(b), name=b.label or b.name, side=str(row.side), post=str(row.post),
                         years=pages.life_years(_year(row.born), _year(row.died)), fate=str(row.fate).replace("_", " "),
                         aliases=also.get(row.person_id, ""))
            for b, row in zip(dossiers, rows.itertuples(index=False))]


def publish(inputs: Inputs, site, reports: list[Built], dossiers: list[Built], dataset, checksum: str,
            with_code: bool, jobs: int, child=None) -> None:
    """Write the site's sources from the stored executions (every output made HTML, every claim a card),
    the landing page, the register, the claims and sources pages and claims.json, and build the HTML
    (when a source changed)."""
    from . import export
    from . import site as site_

    executed = site.root / "executed"
    built_pages, found, claims = [], [], []
    for b in reports + dossiers:
        # plain JSON: nbformat's import (jsonschema) would cost this process a second
        nb = json.loads((executed / f"{docname(b)}.ipynb").read_text(encoding="utf-8"))
        nb = describe_figures(escape_markdown_outputs(nb))
        if b in reports:
            found += findings(docname(b), b.title or b.name, nb)
        nb, own = html_outputs(nb, docname(b))
        claims += own
        built_pages.append(site_.Page(docname=docname(b), title=b.label or b.title or b.name, notebook=nb))
    titles = {docname(b): b.label or b.title or b.name for b in reports + dossiers}
    version = str(dataset.descriptor.get("version", ""))
    texts = {
        "index": pages.landing([(docname(b), b.title or b.name, b.summary) for b in reports], found, len(dossiers),
                               {**export.DOWNLOADS, CLAIMS: CLAIMS_DOWNLOAD}, dataset.row_counts().to_dict(), checksum,
                               version),
        "people": pages.register(people(inputs, dataset, dossiers)),
        "claims": pages.claims_page(claims, titles),
        "sources": pages.sources_page(dataset),
        "changes": changes.changes_page(version),
    }
    site_.write_sources(site, built_pages, texts)
    atomic_write(site.root / CLAIMS, json.dumps(sorted(claims, key=lambda c: c["id"]), ensure_ascii=False, indent=1,
                                                sort_keys=True) + "\n")
    links = site_.link_targets([(docname(b), b.label or b.name) for b in dossiers])
    alts = {h: alt for page in built_pages for h, alt in site_.alt_texts(page.notebook).items()}
    site_.build(site, links, alts, with_code=with_code, jobs=jobs, child=child)


def downloads(inputs: Inputs, site, dataset, checksum: str, root: Path | None = None, note=None) -> Path:
    """The downloads of the data package in `root` (default: the project's), written again only when the
    data changed or a file of them is missing or changed (told in one line, `note`): written into a
    folder beside and swapped in whole, with a record of each file's SHA-256 (`store.write_record`)."""
    from . import export

    folder, stamp = site.root / "downloads", site.root / "downloads.json"
    found, key, broken = read_record(stamp, site.root)
    if found and key == checksum and not broken and folder.is_dir():
        return folder
    if found and broken and note:
        note(f"The downloads in {folder} are damaged ({', '.join(broken[:3])} missing or changed); they are "
             "written again.")
    fresh = site.root / f".downloads.{os.getpid()}.tmp"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    export.write(inputs, dataset, root or paths.data_dir(), fresh, with_zip=True)
    old = site.root / f".downloads-old.{os.getpid()}.tmp"
    with signals_held():
        if folder.exists():
            folder.rename(old)
        fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    (site.root / "downloads.checksum").unlink(missing_ok=True)  # an older build's stamp
    write_record(stamp, checksum, site.root, ["downloads"])
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
