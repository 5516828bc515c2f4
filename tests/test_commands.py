"""The commands say what they do, whole: `make help` lists every target of the Makefile with its
description, and `blackwork --help` gives its description in full sentences (#25)."""
from __future__ import annotations

import re
import subprocess

import pytest

from helpers import cli, paths


def _phony() -> list[str]:
    text = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^\.PHONY:(.*)$", text, re.M)
    assert found, "the Makefile declares no .PHONY targets"
    return found.group(1).split()


def test_make_help_lists_every_phony_target_with_a_description():
    out = subprocess.run(["make", "--no-print-directory", "help"], cwd=paths.ROOT, capture_output=True,
                         text=True, check=True).stdout
    listed = dict(re.findall(r"^  make (\S+) +(.+)$", out, re.M))
    targets = _phony()
    assert {"help", "setup", "report", "test", "browser", "export", "params"} <= set(targets)
    missing = [t for t in targets if not listed.get(t, "").strip()]
    assert not missing, f"make help names no description for: {missing}\n{out}"
    assert set(listed) <= set(targets), "make help lists a target that is not .PHONY"


def test_blackwork_help_s_description_is_whole(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    # argparse prints: usage, a blank line, the description, a blank line, the arguments
    description = " ".join(out.split("\n\n")[1].split())
    assert description == cli.DESCRIPTION
    assert description.endswith(".") and not description.endswith(","), description
    for command in ("validate", "report", "params", "notebooks", "export", "lab", "release", "diff"):
        assert re.search(rf"^    {command} +\S", out, re.M), f"`blackwork --help` does not describe {command}"
