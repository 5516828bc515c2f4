"""Names: one normal form for comparing spellings, and the index that maps any name to a person.

The case file spells many names several ways (Dzerzinsky/Dzerzhinsky, Lakoba/Lokoba/Loboka,
Münzenberg/Munzenberg). Every spelling is an alias in `aliases.csv`; this module only normalises
(case, diacritics, quotes, spacing) and looks up. Surnames alone also resolve when only one person
bears them.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict

import pandas as pd

from .errors import ParameterError

_QUOTES = re.compile(r"[\"'“”‘’«»]")


def normalise(name: str) -> str:
    """Fold case and diacritics, drop quotes, collapse spaces: 'Willi  Münzenberg' -> 'willi munzenberg'."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTES.sub("", text).replace("-", " ")
    return " ".join(text.casefold().split())


class NameIndex:
    """Every name and alias of every person, normalised, with surnames that point to one person."""

    def __init__(self, people: pd.DataFrame, aliases: pd.DataFrame):
        self.display: dict[str, str] = dict(zip(people.person_id, people.name))
        full: dict[str, set[str]] = defaultdict(set)
        for pid, name in zip(people.person_id, people.name):
            full[normalise(name)].add(pid)
        for pid, alias in zip(aliases.person_id, aliases.alias):
            full[normalise(alias)].add(pid)
        surnames: dict[str, set[str]] = defaultdict(set)
        for key, pids in list(full.items()):
            parts = key.split()
            if len(parts) > 1:
                surnames[parts[-1]].update(pids)
        self.keys: dict[str, set[str]] = dict(full)
        for key, pids in surnames.items():
            if key not in self.keys and len(pids) == 1:
                self.keys[key] = pids
        for pid in self.display:  # the id itself resolves too: 'nikolai-yezhov'
            self.keys.setdefault(normalise(pid), {pid})

    def clashes(self) -> dict[str, set[str]]:
        """Normalised names shared by more than one person."""
        return {key: pids for key, pids in self.keys.items() if len(pids) > 1}

    def suggest(self, name: str, n: int = 3) -> list[str]:
        close = difflib.get_close_matches(normalise(name), list(self.keys), n=n * 3, cutoff=0.6)
        names: list[str] = []
        for key in close:
            for pid in sorted(self.keys[key]):
                label = self.display.get(pid, pid)
                if label not in names:
                    names.append(label)
        return names[:n]

    def find(self, name: str, parameter: str | None = None) -> str:
        """Return the person_id that `name` names; raise ParameterError with suggestions if none or several."""
        what = f"Parameter `{parameter}` got" if parameter else "No person is called"
        key = normalise(name)
        pids = self.keys.get(key, set())
        if len(pids) == 1:
            return next(iter(pids))
        if len(pids) > 1:
            options = ", ".join(sorted(self.display[p] for p in pids))
            raise ParameterError(f"{what} {name!r}, which could be any of: {options}; give a fuller name.")
        hint = self.suggest(name)
        tail = f"; did you mean {', '.join(hint)}?" if hint else "; no similar name is known."
        if parameter:
            raise ParameterError(f"{what} {name!r}, which names no person in the data{tail}")
        raise ParameterError(f"{what} {name!r}{tail}")
