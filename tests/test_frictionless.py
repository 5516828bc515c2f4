"""The package also passes the standard validator, so any Frictionless tool can read it."""
from frictionless import Package, system

from helpers import paths


def test_frictionless_validates_the_package():
    with system.use_context(trusted=True):
        report = Package(str(paths.ROOT / "data" / "datapackage.json")).validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(errors[:20])
