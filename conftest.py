"""Test-session hooks for both test folders: tests/ and the notebooks that nbval runs."""
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling


class NotebookScheduling(LoadScopeScheduling):
    """`make test`'s schedule on every core: a notebook's cells stay together on one worker, in order,
    as nbval needs; every other test goes to whichever worker is free (finer than --dist loadfile,
    which leaves a core idle while another works through the slowest file)."""

    def _split_scope(self, nodeid: str) -> str:
        path = nodeid.split("::", 1)[0]
        return path if path.endswith(".ipynb") else nodeid


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, absent under -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    config.option.loadscopereorder = False  # keep the order below: the longest work first
    return NotebookScheduling(config, log)


#: Tests that each run a whole build or many kernels (8-16 s). They start first, then the notebooks,
#: then the rest, so that no core waits at the end while the other finishes a long one.
LONG = ("tests/test_report.py::test_the_build_writes", "tests/test_build_signals.py::",
        "tests/test_parameter_errors.py::test_run_all", "tests/test_lab.py::", "tests/test_browser.py::",
        "tests/test_release.py::", "tests/test_sensitivity_flags.py::", "tests/test_build_faults.py::TestFaults")


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        return 0 if item.nodeid.startswith(LONG) else 1 if item.nodeid.startswith("notebooks/") else 2

    items.sort(key=rank)  # stable: a notebook's cells keep their order


def pytest_ignore_collect(collection_path: Path, config):
    """nbval checks the catalogued notebooks (`helpers.params.catalogue`) and no other: a draft saved
    anywhere (an `Untitled.ipynb`) is not collected, so it cannot break `make test`."""
    if collection_path.suffix == ".ipynb":
        from helpers import params, paths

        catalogued = {paths.NOTEBOOKS / f"{name}.ipynb" for name in params.catalogue()}
        return collection_path.resolve() not in catalogued
    return None
