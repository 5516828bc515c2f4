"""Make docs/site.png, the README's picture of the report site.

Opens reports/01-purge-cadence.html (build it first with `make report`) in headless Chromium (the
system's, driven by Playwright) and takes a picture of the page as a reader first sees it: sidebar,
report, contents.

    .venv/bin/python docs/site_picture.py
"""
from __future__ import annotations

import shutil
import sys

from playwright.sync_api import sync_playwright

from helpers import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
PAGE = paths.REPORTS / "01-purge-cadence.html"
OUT = paths.ROOT / "docs" / "site.png"


def main() -> int:
    if not PAGE.exists():
        print(f"site_picture: no {PAGE}; run `make report` first", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(PAGE.as_uri())
        page.locator("main img").first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -260)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
