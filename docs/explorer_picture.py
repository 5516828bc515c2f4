"""Make docs/explorer.png, the README's picture of the parameter explorer in JupyterLab.

Starts JupyterLab as `make lab` does, opens a notebook in scratch/ that calls
`helpers.explore("01-purge-cadence", freq="year")`, runs it in headless Chromium (the system's, driven
by Playwright) and takes a picture of the form and the first figure. Run it after a change to the
explorer or to the report's look:

    .venv/bin/python docs/explorer_picture.py
"""
from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

from helpers import paths
from helpers.notebook import lab

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
OUT = paths.ROOT / "docs" / "explorer.png"
DEMO = lab.SCRATCH / "explorer-picture.ipynb"


def main() -> int:
    lab.SCRATCH.mkdir(exist_ok=True)
    lab.write_settings()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'import helpers\nhelpers.explore("01-purge-cadence", freq="year")')],
        metadata={"kernelspec": {"name": "blackwork", "display_name": "blackwork (.venv)", "language": "python"}})
    nbformat.write(nb, DEMO)
    token, port = secrets.token_hex(8), lab.free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as sockets:
        server = subprocess.Popen(lab.command(port, token, Path(sockets)), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, cwd=paths.ROOT, start_new_session=True)
        try:
            while not lab.answers(url, token):
                time.sleep(0.3)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport={"width": 1400, "height": 1100}, device_scale_factor=1)
                page.goto(f"{url}/lab/tree/scratch/{DEMO.name}?token={token}&reset")
                page.wait_for_selector(".jp-Notebook .jp-Cell .cm-content", timeout=60_000)
                page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
                page.click(".jp-Notebook .jp-Cell .cm-content")
                page.locator("[data-command='notebook:run-cell-and-select-next']").first.click()
                try:
                    page.wait_for_selector(".jp-OutputArea .widget-vbox img, .jp-OutputArea .widget-vbox canvas",
                                           timeout=60_000)
                except Exception:
                    page.screenshot(path="/tmp/explorer-fail.png")
                    raise
                page.wait_for_timeout(2000)
                page.locator(".jp-NotebookPanel").screenshot(path=str(OUT))
                browser.close()
        finally:
            lab._stop(server)
            DEMO.unlink(missing_ok=True)
    print(f"wrote {OUT.relative_to(paths.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
