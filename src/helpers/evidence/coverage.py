"""What each source covers: the years of the incidents the case file tells of (its dated section
headings) and the runs of years it is silent on (`source_gaps`), so that no report reads a stretch the
source skips as a quiet one."""
from __future__ import annotations

import pandas as pd

from ..core.checks import check
from ..data.vocabulary import BACKGROUND

#: The source whose coverage `source_gaps` measures.
CASE_FILE = "case-file-0121"


def incident_years(sections: pd.DataFrame, source_id: str = CASE_FILE) -> tuple[int, int] | None:
    """The first and last year of the incidents the source tells of: the years its section headings
    date ('The Capture of Boris Savinkov (1924)' ... '(21 August 1940)'); None if no heading has one."""
    own = sections[sections.source_id == source_id].section
    years = own.str.extract(r"\((?:[^()]*\D)?(\d{4})\)\s*$", expand=False).dropna().astype(int)
    return (int(years.min()), int(years.max())) if len(years) else None


def source_gaps(events: pd.DataFrame, first: int, last: int, source_id: str = CASE_FILE,
                min_events: int = 1, sections: pd.DataFrame | None = None) -> pd.DataFrame:
    """The runs of years from `first` to `last` that the source does not cover, earliest first.

    A year is *covered* when the source (`source_id`) dates at least `min_events` events inside it:
    events whose whole span, earliest to latest possible day, lies in that calendar year, leaving out
    the background (`context`: the world around the secret police, not what the source tells of it).
    An event the source dates only to a span of several years (the Civil War, 1918/1922) covers none
    of them: it says that something happened then, not what. Events of other sources do not count:
    a year that only the reference dates is still a year the case file is silent on.

    With `sections` (the package's sections table), a year is covered only if it also lies within the
    source's incidents (`incident_years`): the case file's accounts run from 1924 to 1940, and what it
    dates before them (the Civil War, the Red Terror) it mentions in passing inside later accounts;
    it does not cover those years. So an empty stretch of a chart there is a gap in the source, not a
    quiet spell.

    events: frame with source_id, type, start, end (all events, not a selection: coverage is the
    source's). Columns: first, last (years, inclusive), years, events (the source's events placed in
    those years).
    """
    check("first", first, kind=int)
    check("last", last, kind=int, minimum=first)
    check("min_events", min_events, kind=int, minimum=1)
    own = events[(events.source_id == source_id) & ~events.type.isin(BACKGROUND)]
    within = own.start.dt.year == own.end.dt.year
    per_year = own[within].start.dt.year.value_counts().reindex(range(first, last + 1), fill_value=0)
    told = incident_years(sections, source_id) if sections is not None else None
    rows, run = [], []
    for year, n in per_year.items():
        outside = told is not None and not told[0] <= year <= told[1]
        if n < min_events or outside:
            run.append((year, n))
            continue
        if run:
            rows.append(run)
        run = []
    if run:
        rows.append(run)
    out = pd.DataFrame([{"first": r[0][0], "last": r[-1][0], "years": len(r), "events": sum(n for _, n in r)}
                        for r in rows], columns=["first", "last", "years", "events"])
    return out.astype(int)
