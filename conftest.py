"""Test-session hooks for both test folders: tests/ and the notebooks that nbval runs."""
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
    return NotebookScheduling(config, log)


#: Tests that each run a build or several kernels (10–25 s); started first, so that no core sits idle
#: at the end while the other finishes one of them.
LONG = ("tests/test_report.py::test_the_build", "tests/test_build_signals.py", "tests/test_robustness.py::test_every")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not item.nodeid.startswith(LONG))  # stable: the rest keep their order
