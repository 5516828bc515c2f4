"""The sentences the overview report (`notebooks/00-data-overview.ipynb`) prints, built from what
`helpers.analyses.overview` computed; they compute nothing themselves. One function per section,
named after what it says, each returning Markdown. The tables beside them are the analysis's frames,
shown as they are with `style.table`."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from .cadence import gap_label


def row_counts(counts: pd.DataFrame, total: int) -> Markdown:
    """How many rows in how many tables (`overview.row_counts`, `overview.total_rows`)."""
    return Markdown(f"The package holds **{total:,}** rows in **{len(counts)}** tables, "
                    f"and `helpers.load` found no problem in any of them.")


def events_per_year(summary: dict, silent: pd.DataFrame, incidents, spanning: pd.DataFrame, first_year: int,
                    last_year: int) -> Markdown:
    """What the chart per year shows (`overview.year_summary`), the gaps in the source (`source_gaps`,
    with the years of the case file's incidents, `incident_years`) and the events left to the spans chart."""
    return Markdown(
        f"*What to see:* {summary['events']:,} events dated within a single year between {first_year} and "
        f"{last_year}; the busiest year is **{summary['busiest_year']}** "
        f"with {summary['busiest_events']} events, and the largest group is **{summary['largest_group']}** "
        f"({summary['group_events']}). "
        + (f"Shaded and labelled *gap in the source*: {gap_label(silent)}, years outside the case file's "
           f"accounts of incidents ({incidents[0]}–{incidents[1]}) or in which it dates no event of its own "
           "(background aside): what it dates there it mentions in passing, so an empty or low bar says nothing "
           "about what the secret police did. " if len(silent) else
           "The case file dates at least one event of its own in every year of the chart. ")
        + f"{len(spanning)} events whose dates span more than one year are not placed on any year; they are drawn as spans below.")


def spans(inside: pd.DataFrame, outside: pd.DataFrame, wide: pd.Series, first_year: int, last_year: int) -> Markdown:
    """What the spans chart shows: the events in the window and outside it (`overview.in_window`), and the
    widest (`overview.widest`)."""
    return Markdown(f"*What to see:* each of the {len(inside)} events that touch {first_year}–{last_year} runs from the earliest "
                    "to the latest day its dates allow (cut at the chart's edges); "
                    + (f"{len(outside)} more lie wholly outside these years. " if len(outside) else "")
                    + f"the widest is *{wide.title}* ({wide.date}), {wide.days:,} days. All of them, with their ids and types:")


def precision(shares: dict) -> Markdown:
    """How many events are dated to the day, and how many rest on allegation (`overview.precision_shares`)."""
    return Markdown(f"{shares['day_share']:.0%} of events are dated to the day; {shares['hedged']} of {shares['events']} "
                    "rest on an allegation or a disputed account rather than a plain statement.")


def people_per_side(sides: pd.Series, total: int) -> Markdown:
    """The largest side (`overview.people_per_side`, largest first) of all the people (`overview.people_total`)."""
    return Markdown(f"*What to see:* {sides.iloc[0]} of the {total} people belong to the **{sides.index[0]}** side.")


def coverage(table: pd.DataFrame, uncovered: list[str]) -> Markdown:
    """How many sections (`overview.coverage_by_section`), and which no event cites yet (`overview.uncovered`)."""
    return Markdown(f"Rows citing each of the {len(table)} sections of the case file. "
                    + (f"Sections with no event yet: {', '.join(uncovered)}." if uncovered else
                       "Every section has at least one event."))


def operations(ops: pd.DataFrame, tallies: pd.DataFrame, totals: dict) -> Markdown:
    """How many operations group how many events, and how many tallies per source (`overview.operation_totals`)."""
    return Markdown(f"{len(ops)} operations group {totals['grouped']} of the {totals['events']} events; "
                    f"{len(tallies)} tallies give totals ({totals['by_source']} by source), "
                    f"{totals['for_operations']} of them for an operation.")


def conflicts(counts: dict) -> Markdown:
    """How many dates the sources give differently (`overview.conflict_counts`)."""
    return Markdown(f"{counts['differ']} dates given by another source differ from the date the data records, "
                    f"{counts['against_case_file']} of them against the case file; {counts['fill']} more fill a date "
                    "the data lacks but contradict each other. Each is kept as an attestation; neither source "
                    "overwrites the other.")
