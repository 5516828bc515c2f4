"""Names: one normal form for comparing spellings, and the index that maps any name to a person.

The case file spells many names several ways (Dzerzinsky/Dzerzhinsky, Lakoba/Lokoba/Loboka,
Münzenberg/Munzenberg). Every spelling is an alias in `aliases.csv`; this module normalises
(case, diacritics, quotes, spacing) and looks up. Surnames alone also resolve when only one person
bears them.

A name that is no alias may still be a usual romanisation of one: Ezhov, Jeschow, Iejov, Ežov and
Ежов all write Yezhov. `skeletons` reduces a name to coarse keys on which such variants meet; a name
that matches no alias resolves through them when exactly one person answers.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import defaultdict

import pandas as pd

from .errors import ParameterError

_QUOTES = re.compile(r"[\"'“”‘’«»]")


def _strip_marks(text: str) -> str:
    """Drop diacritics: 'Münzenberg' -> 'Munzenberg' (and 'й' -> 'и', as NFKD splits it)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)  # the same names come back: every alias check, every lookup
def normalise(name: str) -> str:
    """Fold case and diacritics, drop quotes, collapse spaces: 'Willi  Münzenberg' -> 'willi munzenberg'."""
    text = _QUOTES.sub("", _strip_marks(str(name))).replace("-", " ")
    return " ".join(text.casefold().split())


# ---- romanisation skeletons ------------------------------------------------------------------------
# A skeleton writes each Russian sound class as one token, so that the usual romanisations meet.
# Tokens are capitals, never read again: S = ж/ш/щ, C = ч, H = х, Z = з/с/ц, I = и/й/ы (and j, y).

#: The 33 letters of Russian, in a usual English romanisation (the English reading below reads it).
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
#: Letters with marks that a scholarly or Polish spelling uses for one Russian sound (Ežov, Kaganovič).
_MARKED = {"ž": "S", "ż": "S", "š": "S", "č": "C", "ł": "l"}

_COMMON = {"shch": "SC", "kh": "H", "zh": "S", "sh": "S", "h": "H", "ts": "Z", "tz": "Z", "s": "Z", "z": "Z",
           "x": "kZ", "q": "k", "w": "v", "y": "I", "i": "I"}
#: How each tradition writes the letters that differ: English ch = ч, German ch = х and j = й,
#: French ch = ш and j = ж, scholarly c = ц. A Latin name is read every way; Cyrillic only as English.
READINGS = {
    "english": {**_COMMON, "ch": "C", "tch": "C", "j": "I", "ck": "k", "c": "k"},          # Yezhov
    "german": {**_COMMON, "tsch": "C", "sch": "S", "ch": "H", "j": "I", "ck": "k", "c": "k"},  # Jeschow
    "french": {**_COMMON, "tch": "C", "ch": "S", "j": "S", "ou": "u", "gu": "g", "ck": "k", "c": "k"},  # Iejov
    "scholarly": {**_COMMON, "ch": "H", "j": "I", "c": "Z"},                                 # Trockij
}
_PATTERNS = {reading: re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
             for reading, table in READINGS.items()}
_CYRILLIC_LETTER = re.compile("[а-яё]")


def _latin(name: str) -> tuple[str, tuple[str, ...]]:
    """`name` folded to Latin letters and spaces, with the readings that apply to it.

    'Лаврентий Берия' -> ('lavrentiy beriya', ('english',)); 'Ežov' -> ('eSov', every reading)."""
    text = _QUOTES.sub("", unicodedata.normalize("NFC", str(name)).casefold()).replace("-", " ")
    readings = tuple(READINGS)
    if _CYRILLIC_LETTER.search(text):
        text = re.sub("[ьъ](?=[аеёиоуыэюя])", "й", text)  # Зиновьев -> Zinovyev, as English writes it
        text = "".join(CYRILLIC.get(c, c) for c in text)
        readings = ("english",)
    text = "".join(_MARKED.get(c, c) for c in text)
    return _strip_marks(text), readings


def _reduce(text: str, reading: str) -> str:
    """One reading of a Latin name as a skeleton.

    'jeschow' (German) -> 'eSev'; 'iejov' (French) -> 'eSev'; 'dzerzhinskiy' (English) -> 'dZerSInZkI'."""
    text = re.sub(r"ff\b", "v", text)  # Markoff -> Markov (-ow -> -ov follows from w -> v)
    table = READINGS[reading]
    text = _PATTERNS[reading].sub(lambda m: table[m[0]], text)
    text = re.sub(r"[^a-zA-Z ]", "", text)
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters; also -iy, -ij, -ii -> one I
    text = re.sub(r"(?<![^ aeou])I(?=e)", "", text)  # ye/je/ie at a word start or after a vowel: Yezhov ~ Ezhov
    text = re.sub(r"(?<=[SC])I?o", "e", text)  # ё after ж/ш/щ/ч, written e, o or yo: Khrushchev ~ Chruschtschow
    return " ".join(re.sub(r"(.)\1+", r"\1", text).split())


def skeletons(name: str) -> set[str]:
    """The coarse keys of `name`, one per reading: the usual romanisations of one Russian name share one.

    skeletons('Yezhov') & skeletons('Jeschow') & skeletons('Ежов') == {'eSev'};
    'Berija', 'Beria' and 'Берия' all give 'berIa'; 'Jagoda' gives 'Iagoda' (German) and 'Sagoda' (French)."""
    text, readings = _latin(name)
    return {key for reading in readings if (key := _reduce(text, reading))}


def _forms(name: str) -> list[str]:
    """`name`, and without its middle words when it has three or more (a patronymic):
    'Nikolai Ivanovich Yezhov' -> [that, 'Nikolai Yezhov']."""
    words = str(name).split()
    return [str(name)] + ([f"{words[0]} {words[-1]}"] if len(words) > 2 else [])


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


class NameIndex:
    """Every name and alias of every person, normalised, with surnames that point to one person;
    and the skeletons of each name and of its last word, for spellings that are no alias."""

    #: How similar (0-1) a word must be to a surname, or a name to a whole name, to be suggested.
    CUTOFF = 0.6

    def __init__(self, people: pd.DataFrame, aliases: pd.DataFrame):
        self.display: dict[str, str] = dict(zip(people.person_id, people.name))
        named = [*zip(people.person_id, people.name), *zip(aliases.person_id, aliases.alias)]
        full: dict[str, set[str]] = defaultdict(set)
        for pid, name in named:
            full[normalise(name)].add(pid)
        self.names: dict[str, set[str]] = dict(full)
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
        loose: dict[str, set[str]] = defaultdict(set)
        for pid, name in named:
            for key in skeletons(name):
                loose[key].add(pid)
                loose[key.split()[-1]].add(pid)
        self.loose: dict[str, set[str]] = dict(loose)

    def clashes(self) -> dict[str, set[str]]:
        """Normalised names shared by more than one person."""
        return {key: pids for key, pids in self.keys.items() if len(pids) > 1}

    def matches(self, name: str) -> set[str]:
        """Who `name` names: its exact normalised key if known, else everyone one of its skeletons
        (or those of `name` without a patronymic) names."""
        exact = self.keys.get(normalise(name))
        if exact:
            return exact
        return {pid for form in _forms(name) for key in skeletons(form) for pid in self.loose.get(key, ())}

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to `n` people whose names are near `name`, nearest first: ranked by how close any word
        of `name` comes to a name's surname (its last word), then by the whole name."""
        words = normalise(name).split() or [""]
        whole = " ".join(words)
        ranked = []
        for key, pids in self.names.items():
            by_surname = max(_similarity(word, key.rsplit(" ", 1)[-1]) for word in words)
            overall = _similarity(whole, key)
            if max(by_surname, overall) >= self.CUTOFF:
                ranked += [(-by_surname, -overall, self.display.get(pid, pid)) for pid in pids]
        labels: list[str] = []
        for _, _, label in sorted(ranked):
            if label not in labels:
                labels.append(label)
        return labels[:n]

    def find(self, name: str, parameter: str | None = None) -> str:
        """Return the person_id that `name` names; raise ParameterError with suggestions if none or several."""
        what = f"Parameter `{parameter}` got" if parameter else "No person is called"
        pids = self.matches(name)
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


def in_prose(items) -> str:
    """Items as a sentence lists them: 'A', 'A and B', 'A, B and C'; '' for none."""
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
