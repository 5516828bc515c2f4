"""A reader's vocabulary, declared once: the words a table or a figure shows for the project's ids,
code words, column names, truth values and EDTF dates. `words(ds)` reads the names from the data
package (sources by short title, people, organisations, posts, operations, events, places, tallies);
`frame(df, words)` renders a frame with them; `date(text)` writes an EDTF date or interval in words."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

#: Column names that the generic rule (underscores to spaces, first letter up) would word badly.
HEADERS = {
    "event_id": "Event", "person_id": "Person", "org_id": "Organisation", "source_id": "Source",
    "operation_id": "Operation", "tally_id": "Tally", "place_id": "Place", "position_id": "Post",
    "other_id": "Other person", "part_of": "Part of", "lag_min": "Lag (days, min)", "lag_max": "Lag (days, max)",
    "min_days": "Days (min)", "max_days": "Days (max)", "country_name": "Country", "end_reason": "How it ended",
    "org_roles": "Organisations' roles", "fate_date": "Date of the fate", "recorded_by": "Recorded by",
    "reference_by": "Reference by", "share_shot_or_killed": "Share shot or killed",
    "share_with_doubt": "Share, with the doubtful", "more_on_doubt": "More on doubt",
    "sentence_years": "Years of sentences", "death_sentences": "Death sentences", "ci_low": "CI low",
    "ci_high": "CI high", "reads": "What it reads",
}
#: An id column is left out when one of these columns already names the same thing in words.
NAMED_BY = {"event_id": ("title",), "person_id": ("name", "person"), "operation_id": ("operation", "name"),
            "tally_id": ("subject",), "org_id": ("organisation",), "place_id": ("place",)}
#: Truth values as a reader says them; in `BLANK_WHEN_FALSE` columns, false is simply not marked.
YES, NO, BLANK_WHEN_FALSE = "yes", "no", ("acting",)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?"
_INTERVAL = re.compile(rf"(?<![\w/.-])({_POINT})?/({_POINT})?(?![\w/.-])")
_LONE = re.compile(rf"(?<![\w/.-])(\d{{4}}-\d{{2}}(?:-\d{{2}})?)([~?%]?)(?![\w/.-])")
_CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")


def header(name) -> str:
    """A column's name in words: `HEADERS`, else underscores as spaces with the first letter up."""
    text = HEADERS.get(str(name), str(name).replace("_", " "))
    return text[:1].upper() + text[1:]


def _point(text: str) -> str:
    """One EDTF point in words: '1937-09-22' -> '22 Sep 1937', '1937-09' -> 'Sep 1937', '1920~' -> 'about 1920'."""
    mark = text[-1] if text[-1] in "~?%" else ""
    parts = text.rstrip("~?%").split("-")
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        return text  # a season or other EDTF code: left as written
    words = " ".join(([str(int(parts[2]))] if len(parts) > 2 else []) + ([_MONTHS[int(parts[1]) - 1]] if len(parts) > 1 else [])
                     + [parts[0]])
    return {"~": f"about {words}", "?": f"{words} (uncertain)", "%": f"about {words} (uncertain)"}.get(mark, words)


def date(text: str) -> str:
    """EDTF dates and intervals inside `text` in words: '1937-09-22/' -> 'from 22 Sep 1937', '/1937' ->
    'until 1937', '1934/1934-12-29' -> '1934 – 29 Dec 1934'; a lone day or month as in `_point`."""
    if "://" in text:
        return text

    def interval(m):
        a, b = m.group(1), m.group(2)
        if a and b:
            return f"{_point(a)} – {_point(b)}"
        return f"from {_point(a)}" if a else f"until {_point(b)}" if b else m.group(0)
    out = _INTERVAL.sub(interval, text)
    return _LONE.sub(lambda m: _point(m.group(1) + m.group(2)), out)


def short_title(title: str) -> str:
    """A source's title up to its dash or colon, in sentence case: 'Case file #0121', 'Reference facts'."""
    head = re.split(r" — | – |: ", str(title))[0].strip()
    return head[:1] + head[1:].lower()


def words(ds) -> dict[str, str]:
    """Each id of the data package a reader may meet, with its words: sources by short title, people,
    organisations, operations, events, places by name, posts and tenures by title, tallies by subject."""
    out: dict[str, str] = {}
    out.update(zip(ds.events.event_id, ds.events.title))
    out.update(zip(ds.tallies.tally_id, ds.tallies.subject)) if "tally_id" in ds.tallies else None
    out.update(zip(ds.places.place_id, ds.places.name))
    out.update(zip(ds.positions.post, ds.positions.title))
    names = dict(zip(ds.people.person_id, ds.people.name))
    out.update((p, f"{names.get(who, who)}, {title}") for p, who, title in
               zip(ds.positions.position_id, ds.positions.person_id, ds.positions.title))
    out.update(zip(ds.operations.operation_id, ds.operations.name))
    out.update(zip(ds.organisations.org_id, ds.organisations.name))
    out.update(names)
    out.update((s, short_title(t)) for s, t in zip(ds.sources.source_id, ds.sources.title))
    SOURCE_IDS.update(ds.sources.source_id)
    return {str(k): str(v) for k, v in out.items() if isinstance(k, str) and k}


def _id_pattern(known: dict) -> re.Pattern | None:
    """Ids to replace inside a longer text: the hyphenated ones only ('nkvd' or 'paris' in a sentence
    is a word, not an id)."""
    ids = sorted((k for k in known if len(k) > 4 and "-" in k), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])") if ids else None


def cell(value, known: dict, pattern: re.Pattern | None = None):
    """One cell in words: an id by its words (`known`), a code word with spaces, dates by `date`; ids
    named inside a longer text are replaced too. Anything not text is returned as it is."""
    if not isinstance(value, str) or not value:
        return value
    if value in known:
        return known[value]
    if _CODE.match(value):
        return value.replace("_", " ")
    if pattern is not None and "://" not in value:
        value = pattern.sub(lambda m: known[m.group(1)], value)
    return date(value)


def frame(df: pd.DataFrame, known: dict | None = None) -> pd.DataFrame:
    """`df` as a reader reads it: cells by `cell`, truth values as yes/no (blank where false in
    `BLANK_WHEN_FALSE`), headers by `header`; an id column that only repeats another column's words
    (event_id beside its title, operation_id beside operation) is left out."""
    known = known or {}
    pattern = _id_pattern(known)
    out = df.copy()
    for col in out.columns:
        values = out[col]
        flags = values.dropna()
        if len(flags) and flags.map(lambda v: isinstance(v, (bool, np.bool_))).all():
            no = "" if col in BLANK_WHEN_FALSE else NO
            out[col] = values.map(lambda v: v if pd.isna(v) else YES if v else no).astype(object)
        elif values.dtype == object:
            out[col] = values.map(lambda v: cell(v, known, pattern))
    repeated = [c for c in out.columns if str(c).endswith("_id") and (
        any(o in out.columns for o in NAMED_BY.get(c, ())) or str(c)[:-3] in out.columns
        or any(o != c and out[c].astype(str).equals(out[o].astype(str)) for o in out.columns))]
    out = out.drop(columns=repeated)
    named: list[str] = []
    for c in out.columns:
        name = header(c)
        named.append(f"{name} (code)" if name in named else name)
    out.columns = named
    return out


def figure_text(text: str, known: dict) -> str:
    """A label inside a figure in words (`cell`), a source named shortly as in a sentence:
    '(case-file-0121)' -> '(case file)', '(reference-facts)' -> '(reference facts)'."""
    both = {**known, **{k: re.sub(r"\s*#\S+$", "", known[k]).lower() for k in SOURCE_IDS & set(known)}}
    return cell(text, both, _id_pattern(both))


#: The ids of the sources of the data package last worded by `words`.
SOURCE_IDS: set[str] = set()
