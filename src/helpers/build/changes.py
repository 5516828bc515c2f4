"""The site's page of changes (`changes`, linked from the landing page by the data version): CHANGELOG.md,
then `blackwork diff` from the previous version, when the CHANGELOG section of that version names the
git commit its data is at and this is the repository that has it."""
from __future__ import annotations

import re
from pathlib import Path

from ..core import paths
from ..core.errors import DataError, ParameterError
from . import diff, pages, versions
from .cards import markdown


#: Where a CHANGELOG section names the commit its version's data is at: '(git commit b95748a)'.
COMMIT = re.compile(r"git commit ([0-9a-f]{7,40})")


def previous(changelog: str, version: str) -> tuple[str, str] | None:
    """The version before `version` in CHANGELOG.md and the git commit its section names, if it names one."""
    found = list(versions.SECTION.finditer(changelog))
    at = next((i for i, m in enumerate(found) if m["version"] == version), None)
    if at is None or at + 1 >= len(found):
        return None
    start, end = found[at + 1].end(), found[at + 2].start() if at + 2 < len(found) else len(changelog)
    commit = COMMIT.search(changelog, start, end)
    return (found[at + 1]["version"], commit[1]) if commit else None


def changes_page(version: str, root: Path | None = None, changelog: Path = versions.CHANGELOG) -> str:
    """The site's page of changes (`changes`, linked from the landing page): CHANGELOG.md, then the
    diff from the previous version, row by row and claim by claim, when its data can be found (the git
    commit its section names, in this repository); a MyST page no toctree lists (orphan)."""
    text = Path(changelog).read_text(encoding="utf-8") if Path(changelog).is_file() else ""
    body = markdown(re.sub(r"^# .*\n", "", text, count=1))
    before = previous(text, version)
    if before:
        try:
            found = diff.compare(before[1], str(root or paths.data_dir()))
            found.old.label, found.new.label = f"{before[0]} (git commit {before[1]})", version
            body += f"<h2>From {before[0]} to {version}, row by row</h2>" + diff.body(found)
        except (ParameterError, DataError, OSError):
            pass  # no git, or not this repository (a release's copy): the changelog alone
    return "---\norphan: true\n---\n" + pages._page("Changes", pages.raw(body))
