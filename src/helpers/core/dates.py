"""EDTF date strings to the earliest and latest day they allow, and their precision.

Parsing is done by the `edtf` library (Library of Congress Extended Date/Time Format); this module
only adds what the analyses need: real calendar days as bounds, a precision word, and messages a
historian can act on. A partial date is never padded to a single day: `1937-03` is the span
1937-03-01 … 1937-03-31, and analysis works with both ends.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import edtf
from edtf.parser import grammar

PRECISIONS = ("day", "month", "year", "season", "interval")


class DateError(ValueError):
    """An EDTF string that cannot be read or names no real day."""


@dataclass(frozen=True)
class DateBounds:
    text: str
    earliest: dt.date
    latest: dt.date
    precision: str  # one of PRECISIONS
    uncertain: bool = False  # '?'
    approximate: bool = False  # '~'


def _day(struct, text: str) -> dt.date:
    try:
        return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    except (ValueError, OverflowError, AttributeError):
        raise DateError(
            f"{text!r} is not a real calendar date"
        ) from None


def _precision(obj, earliest: dt.date, latest: dt.date) -> str:
    """The precision the bounds express: a day, a whole month, a whole year, a season, or else an interval."""
    if isinstance(obj, edtf.Season):
        return "season"
    if earliest == latest:
        return "day"
    next_day = latest + dt.timedelta(days=1)
    if earliest.day == 1 and next_day.day == 1:
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return "month"
        if earliest.month == 1 and next_day.month == 1 and earliest.year == latest.year:
            return "year"
    return "interval"


def _read(text: str):
    """The edtf object for text, trying the library's level 0, then level 1, then its full grammar.

    The full grammar tries every level on every string (about 10 ms each); almost all our dates are
    level 0 or 1, which parse an order of magnitude faster and give the same objects.
    """
    for level in (grammar.level0Expression, grammar.level1Expression):
        try:
            return level.parse_string(text, parse_all=True)[0]
        except Exception:  # pyparsing's ParseException, or the library's own on odd input
            continue
    return edtf.parse_edtf(text)


#: The EDTF this package reads: a year, a month or a day, each with an optional ? (uncertain),
#: ~ (approximate) or % (both), and an interval of two of them. Nothing else: no time of day, no
#: season, no set of dates, no unspecified digit, no open end.
POINT = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?[?~%]?"
GRAMMAR = re.compile(rf"{POINT}(?:/{POINT})?")
USE = "use 1937-09-04, 1937-09, 1937, 1938-07-12?, 1936-12~ or 1940-04/1940-05"


@lru_cache(maxsize=4096)
def parse(text: str) -> DateBounds:
    """Parse one EDTF string into its bounds; raise DateError with a plain message. Results are cached."""
    text = text.strip()
    if ".." in text or text.startswith("/") or text.endswith("/"):
        raise DateError(f"{text!r} has an open or unknown end; give both ends")
    if not GRAMMAR.fullmatch(text):
        kind = ("a time of day" if "T" in text or ":" in text else "a set of dates" if text[:1] in "[{" else
                "an unspecified digit" if "X" in text.upper() else
                "a season" if re.match(r"[0-9]{4}-(?:2[1-9]|3[0-9]|4[01])\b", text) else "")
        raise DateError(f"{text!r} is not an EDTF date ({kind + ' is not read here; ' if kind else ''}{USE})")
    try:
        obj = _read(text)
    except Exception:  # the library raises its own parse errors and, for odd input, others
        raise DateError(
            f"{text!r} is not an EDTF date ({USE})"
        ) from None
    try:
        lower, upper = obj.lower_strict(), obj.upper_strict()
    except Exception:
        raise DateError(f"{text!r} has an open or unknown end; give both ends") from None
    earliest, latest = _day(lower, text), _day(upper, text)
    if earliest.year < 1000:
        raise DateError(f"{text!r} lies before the year 1000; no date here can")
    if latest > dt.date.today():
        raise DateError(f"{text!r} lies in the future")
    if earliest > latest:
        raise DateError(f"{text!r} ends before it starts")
    precision = _precision(obj, earliest, latest)
    return DateBounds(
        text=text,
        earliest=earliest,
        latest=latest,
        precision=precision,
        uncertain="?" in text or "%" in text,
        approximate="~" in text or "%" in text,
    )
