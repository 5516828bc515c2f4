"""Make the README's pictures of the site as a reader meets it, each at 1,400 px (a laptop's screen)
and at 390 px (a phone), and check each page's first load in Chromium's console. Build the site first
(`make report`).

- landing-*.png: the landing page: the headline findings in words, each number a button; the search box;
- report-02-*.png: report 02: its tenure chart drawn for the column's width (1,400 px); a wide table
  scrolling inside its frame while the page does not (390 px);
- report-04-*.png: report 04: the map of events abroad, its names legible (1,400 px); a table of
  operations in words, in its frame (390 px);
- dossier-*.png: Yezhov's dossier: the title, life dates and the timeline of posts and events;
- search-1400.png: the search for *Ezhov* from the disk (`file://`), every result with an excerpt.

Each picture is the top of a view (one screen), reduced to 256 colours so that it stays small. Each
page is opened in a fresh browser profile (nothing in its local storage, as on a first visit); a
console message of level warning or error is printed, and the script exits 1 if there is one.

    .venv/bin/python docs/reader_pictures.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from helpers.core import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
OUT = paths.ROOT / "docs"
#: height of the screen at each width
HEIGHT = {1400: 900, 390: 844}
#: what stands for "the first table wider than the column": its frame scrolls, the page does not
WIDE = "wide table"
#: (picture, page in reports/, width, what to bring to the top of the screen, or None for the page's top)
VIEWS = [
    ("landing-1400", "index.html", 1400, None),
    ("landing-390", "index.html", 390, None),
    ("report-02-1400", "02-leadership-turnover.html", 1400, "main img"),
    ("report-02-390", "02-leadership-turnover.html", 390, WIDE),
    ("report-04-1400", "04-operations-abroad.html", 1400, "main img"),
    ("report-04-390", "04-operations-abroad.html", 390, WIDE),
    ("dossier-1400", "dossiers/nikolai-yezhov.html", 1400, None),
    ("dossier-390", "dossiers/nikolai-yezhov.html", 390, None),
    ("search-1400", "search.html?q=Ezhov", 1400, "#search-results li"),
]


def small(path: Path) -> None:
    """Rewrite the PNG at `path` with at most 256 colours (text and flat colours survive it)."""
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(path, optimize=True)


def main() -> int:
    pages = {page.split("?")[0] for _, page, _, _ in VIEWS}
    missing = [page for page in sorted(pages) if not (paths.REPORTS / page).exists()]
    if missing:
        print(f"reader_pictures: no {paths.REPORTS / missing[0]}; run `make report` first", file=sys.stderr)
        return 1
    complaints = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, page_name, width, first in VIEWS:
            context = browser.new_context(viewport={"width": width, "height": HEIGHT[width]})
            page = context.new_page()
            page.on("console", lambda msg, name=name: msg.type in ("warning", "error")
                    and complaints.append(f"{name}: {msg.type}: {msg.text}"))
            page.on("pageerror", lambda err, name=name: complaints.append(f"{name}: page error: {err}"))
            path, _, query = page_name.partition("?")
            page.goto((paths.REPORTS / path).as_uri() + (f"?{query}" if query else ""))
            page.wait_for_load_state("load")
            if first == WIDE:
                found = page.evaluate("""() => {
                    const frame = [...document.querySelectorAll('main div.table-frame')]
                        .find(f => f.scrollWidth > f.clientWidth);
                    if (frame) frame.scrollIntoView({block: 'start'});
                    return Boolean(frame) && document.documentElement.scrollWidth <= window.innerWidth;
                }""")
                if not found:
                    complaints.append(f"{name}: no table scrolls in its frame, or the page scrolls sideways")
                page.evaluate("window.scrollBy(0, -200)")
            elif first:
                target = page.locator(first).first
                target.wait_for(timeout=15_000)
                target.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.evaluate("window.scrollBy(0, -120)")
            page.wait_for_timeout(400)
            out = OUT / f"{name}.png"
            page.screenshot(path=str(out))
            small(out)
            context.close()
            print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
        browser.close()
    for line in complaints:
        print(f"console: {line}", file=sys.stderr)
    return 1 if complaints else 0


if __name__ == "__main__":
    sys.exit(main())
