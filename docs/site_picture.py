"""Make the README's pictures of the report site: docs/site.png and docs/card.png.

Opens the built site (build it first with `make report`) in headless Chromium (the system's, driven by
Playwright) at 1400 px:
- site.png: report 01 as a reader first sees it: sidebar, report, contents;
- card.png: report 03 with the card of its headline finding open (how many deaths came at the hands of
  the state, a range under doubt).

    .venv/bin/python docs/site_picture.py
"""
from __future__ import annotations

import shutil
import sys

from playwright.sync_api import sync_playwright

from helpers.core import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
SITE = paths.REPORTS / "01-purge-cadence.html"
CARD = paths.REPORTS / "03-fates-of-officials.html"
OUT = paths.ROOT / "docs"


def main() -> int:
    missing = [p for p in (SITE, CARD) if not p.exists()]
    if missing:
        print(f"site_picture: no {missing[0]}; run `make report` first", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(SITE.as_uri())
        page.locator("main img").first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -260)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(OUT / "site.png"))
        page.goto(CARD.as_uri())
        button = page.locator("main button[popovertarget]", has_text="between").first
        button.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -120)")
        button.click()
        page.wait_for_timeout(400)
        page.screenshot(path=str(OUT / "card.png"))
        browser.close()
    print(f"wrote {OUT / 'site.png'} and {OUT / 'card.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
