"""The two errors a user can meet, each printable without a traceback."""
from __future__ import annotations

import signal
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located as file:row:field (row is the line in the file)."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        return f"{self.file}:{row}:{self.field or ''}: {self.message}"


class _Plain(ValueError):
    """A ValueError that IPython shows as its message alone (no traceback)."""

    def _render_traceback_(self):  # IPython hook: what a notebook shows instead of a traceback
        return [f"{type(self).__name__}: {self}"]


class DataError(_Plain):
    """The data package has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.field or "", p.message))
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"the data package has {count} problem{'s' if count != 1 else ''}:\n{lines}")


class ParameterError(_Plain):
    """A notebook parameter with a value it does not accept."""


class BuildBusy(RuntimeError):
    """Another build holds the lock beside the reports folder."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM stopped the build; `code` is the exit status a shell expects (130, 143)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.code = 128 + signum
