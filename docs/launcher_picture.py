"""Make docs/launcher.png: JupyterLab's launcher as `make lab` opens it, the project's kernel
(*blackwork (.venv)*) first, before the native *Python 3 (ipykernel)*; fails if it is not first.

Starts `blackwork lab`, opens the address it prints in headless Chromium (the system's, driven by
Playwright) at 1,200 px, and stops the server.

    .venv/bin/python docs/launcher_picture.py
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys

from PIL import Image
from playwright.sync_api import sync_playwright

from helpers.core import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
OUT = paths.ROOT / "docs" / "launcher.png"


def main() -> int:
    lab = subprocess.Popen([str(paths.ROOT / ".venv" / "bin" / "blackwork"), "lab"], stdout=subprocess.PIPE,
                           text=True, cwd=paths.ROOT, start_new_session=True)
    try:
        found = re.search(r"(http://\S+)/lab\?token=(\w+)", lab.stdout.readline())
        if not found:
            print("launcher_picture: blackwork lab did not start", file=sys.stderr)
            return 1
        base, token = found.groups()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.goto(f"{base}/lab/tree/scratch?token={token}")
            page.wait_for_selector(".jp-LauncherCard", timeout=90_000)
            first = page.locator(".jp-LauncherCard").first.inner_text()
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        os.killpg(lab.pid, signal.SIGINT)
        lab.wait(timeout=30)
    with Image.open(OUT) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(OUT, optimize=True)
    print(f"wrote {OUT}; the launcher's first card: {' '.join(first.split())}")
    return 0 if "blackwork" in first else 1


if __name__ == "__main__":
    sys.exit(main())
