"""Make docs/report-02-1400.png and docs/report-02-390.png: report 02 as a reader meets it on a
1,400 px screen (its tenure chart at the column's width) and on a 390 px phone (a table that scrolls
in its frame, the page itself not). Build the site first (`make report`).

    .venv/bin/python docs/reader_pictures.py
"""
from __future__ import annotations

import shutil
import sys

from playwright.sync_api import sync_playwright

from helpers import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
PAGE = paths.REPORTS / "02-leadership-turnover.html"
#: width of the screen -> what to bring into view first
VIEWS = {1400: "main img", 390: "main table.dataframe"}


def main() -> int:
    if not PAGE.exists():
        print(f"reader_pictures: no {PAGE}; run `make report` first", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, first in VIEWS.items():
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 600 else 844})
            page.goto(PAGE.as_uri())
            page.locator(first).first.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -120)")
            page.wait_for_timeout(300)
            out = paths.ROOT / "docs" / f"report-02-{width}.png"
            page.screenshot(path=str(out))
            page.close()
            print(f"wrote {out}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
