"""Make docs/card.png, the README's picture of a claim card open in report 03.

Opens reports/03-fates-of-officials.html (build it first with `make report`) in headless Chromium (the
system's, driven by Playwright), clicks the number of the headline finding (how many deaths came at the
hands of the state, a range under doubt) and takes a picture of the page with its card open.

    .venv/bin/python docs/card_picture.py
"""
from __future__ import annotations

import shutil
import sys

from playwright.sync_api import sync_playwright

from helpers.core import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
PAGE = paths.REPORTS / "03-fates-of-officials.html"
OUT = paths.ROOT / "docs" / "card.png"


def main() -> int:
    if not PAGE.exists():
        print(f"card_picture: no {PAGE}; run `make report` first", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(PAGE.as_uri())
        button = page.locator("main button[popovertarget]", has_text="between").first
        button.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -120)")
        button.click()
        page.wait_for_timeout(400)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
