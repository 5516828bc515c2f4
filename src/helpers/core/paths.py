"""Where the project's folders are, found from this file and never from the working directory.

papermill, nbval and JupyterLab start kernels in different folders; these paths hold in all of them.
`BLACKWORK_DATA` may point the loader at another copy of the data package, and `BLACKWORK_REPORTS`
the build at another output folder (the tests and the benchmark use both).
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NOTEBOOKS = ROOT / "notebooks"
#: The package's own templates: the report page, the failed build's index, the site's assets.
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
REPORTS = Path(os.environ.get("BLACKWORK_REPORTS") or ROOT / "reports").resolve()


def data_dir() -> Path:
    """The data package folder: $BLACKWORK_DATA if set, else data/ in the project."""
    override = os.environ.get("BLACKWORK_DATA")
    return Path(override).resolve() if override else ROOT / "data"
