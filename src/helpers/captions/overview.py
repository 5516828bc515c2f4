"""The sentences the overview report (`notebooks/00-data-overview.ipynb`) prints, built from the claims and
frames `helpers.analyses.overview` computed; they compute nothing themselves. One function per section,
named after what it says, each returning a `Caption` whose numbers are claims. The tables beside them
are the analysis's frames, shown as they are with `style.table`."""
from __future__ import annotations

import pandas as pd

from ..analyses.overview import COUNTING_RULE
from ..evidence import claims
from ..core.names import in_prose
from ..figures import labels
from .cadence import _busiest, claimed, coverage_words
from .claimed import Caption, Raw, escape

PAGE = "00-data-overview"


def _claimed(prefix: str, found: dict) -> dict:
    return claimed(prefix, found)


def row_counts(found: dict) -> Caption:
    """How many rows in how many tables (`overview.row_claims`)."""
    return Caption("The package holds **{rows_rows}** rows in **{rows_tables}** tables, and `helpers.load` found no "
                   "problem in any of them.", page=PAGE, **_claimed("rows", found))


def events_per_year(found: dict, ranked: pd.DataFrame, runs: pd.DataFrame, group: str, first_year: int,
                    last_year: int) -> Caption:
    """What the chart per year shows (`overview.year_claims`): the events placed and the rule that counts
    them (report 01's, `COUNTING_RULE`), the year that may be busiest under the band (`counting.ranking` of
    `overview.year_band`), the largest group (`group`), the years the case file gives no account of
    (`coverage_words`), and the events left to the spans chart."""
    busiest, fields = _busiest(ranked, "year", "years", found)
    fields.update(_claimed("years", {k: v for k, v in found.items() if k in ("events", "group")}))
    head = Caption("*What to see:* {years_events} events dated within a single year between {first} and {last}; "
                   "each thing is counted once by the rule the cadence report (`01-purge-cadence`) counts by: {rule}. "
                   "The grey band is each year's count "
                   "under the doubt of the dates (a thousand seeded draws of each event's day inside its span and "
                   "between the sources' dates; nine in ten fall in it). " + busiest
                   + "The largest group is **{group}** ({years_group}). ", page=PAGE, first=str(first_year),
                   last=str(last_year), rule=Raw(COUNTING_RULE), group=group, **fields)
    tail = Caption("{years_spanning} events whose dates span more than one year are not placed on any year; they "
                   "are drawn as spans below.", page=PAGE, **_claimed("years", {"spanning": found["spanning"]}))
    return head + coverage_words(runs, found, PAGE) + tail


def spans(found: dict, wide: pd.Series, first_year: int, last_year: int,
          narrower: pd.DataFrame | None = None, titles: dict | None = None) -> Caption:
    """What the spans chart shows (`overview.span_claims`): the events in the window and outside it, and the
    widest; narrower (`overview.narrowed` of the widest, with their `titles` by id): another source's agreeing
    day inside a widest span, said so that a span the case file leaves open is not read as a long event."""
    outside = ("{spans_outside} more " + ("lies" if found["outside"].value == 1 else "lie")
               + " wholly outside these years. ") if found["outside"].value else ""
    tied = list(wide.get("tied", [wide.title]))
    widest = ("The widest is *{title}* ({date}), {spans_days} days. " if len(tied) < 2 else
              "The widest, {spans_days} days ({date}), are a tie: {title}. ")
    title = Raw(" and ".join(f"*{escape(t)}*" for t in tied)) if len(tied) > 1 else wide.title
    said = None
    if narrower is not None and len(narrower):
        said = in_prose(f"*{escape((titles or {}).get(r.event_id, r.event_id))}* on {escape(labels.date(r.date))} "
                        f"({escape(claims.SOURCE_WORDS.get(r.source_id, r.source_id))})" for r in narrower.itertuples())
        widest += "Such a span is the time its source leaves open, not how long the event lasted: another source, " \
                  "agreeing, dates {said}. "
    return Caption("*What to see:* each of the {spans_inside} events that touch {first}–{last} runs from the earliest "
                   "to the latest day its dates allow (cut at the chart's edges). " + outside
                   + widest + "All of them, with their types:",
                   page=PAGE, first=str(first_year), last=str(last_year), title=title, date=labels.date(wide.date),
                   **({"said": Raw(said)} if said else {}), **_claimed("spans", found))


def precision(day: claims.Claim, hedged: claims.Claim, parts: claims.Claim | None = None) -> Caption:
    """How many events are dated to the day, and how many rest on allegation (`overview.dated_to_the_day`,
    `overview.hedged_events`, each with its readings): the sentence says which readings change them; parts
    (`overview.hedged_parts`): the stated events whose roles or accounts are still hedged."""
    day, hedged = day.named("day-share"), hedged.named("hedged")

    def changes(c: claims.Claim) -> str:
        changed = [r for r, _, ch in c.readings if ch]
        return ("another reading changes it: " + "; ".join(changed)) if changed else "no other reading changes it"

    more = ("; and {parts} events stated plainly still have a role or an account that is only alleged or "
            "disputed (who did it, or how)") if parts is not None and parts.value else ""
    fields = {"parts": parts.named("hedged-parts")} if parts is not None and parts.value else {}
    return Caption("{day} of the events are dated to a single day ({day_changes}); {hedged} events rest as a whole on "
                   "an allegation or a disputed account rather than a plain statement ({hedged_changes})" + more
                   + ". The table below gives each value under each reading.", page=PAGE, day=day, hedged=hedged,
                   day_changes=changes(day), hedged_changes=changes(hedged), **fields)


def people_per_side(found: dict, sides: pd.Series) -> Caption:
    """The largest side (`overview.people_per_side`, largest first) of all the people (`overview.people_claims`)."""
    return Caption("*What to see:* {people_side} of the {people_people} people belong to the **{side}** side.",
                   page=PAGE, side=sides.index[0], **_claimed("people", found))


def coverage(found: dict, uncovered: list[str]) -> Caption:
    """How many sections (`overview.section_claims`), and which no event cites yet (`overview.uncovered`)."""
    rest = ("Sections with no event yet: {uncovered}." if uncovered else "Every section has at least one event.")
    fields = _claimed("sections", found)
    dated = (" (the introduction and {sections_dated} accounts of dated incidents)"
             if "sections_dated" in fields and fields["sections_dated"].value < fields["sections_sections"].value else "")
    return Caption("Rows citing each of the {sections_sections} sections {where}" + dated + ". " + rest, page=PAGE,
                   uncovered="; ".join(uncovered), where=claims.scope(fields["sections_sections"]), **fields)


def operations(found: dict) -> Caption:
    """How many operations group how many events, and how many tallies per source (`overview.operation_claims`)."""
    fields = _claimed("ops", found)
    per_source = [k for k in fields if k.startswith("ops_tallies_")]
    by_source = "; ".join(f"{{{k}}} {{w_{k}}}" for k in per_source)
    words = {f"w_{k}": claims.scope(fields[k]) for k in per_source}
    return Caption("{ops_operations} operations group {ops_grouped} of the {ops_events} events; {ops_tallies} tallies "
                   "give totals (" + by_source + "), {ops_for_operations} of them for an operation.", page=PAGE,
                   **fields, **words)


def conflicts(found: dict) -> Caption:
    """How many dates the sources give differently (`overview.conflict_claims`)."""
    within = (", and {conflicts_within} against a date the data takes from that same source (one of its pages against "
              "another)" if "within" in found and found["within"].value else "")
    one = "breaks" in found and found["breaks"].value == 1
    apart = (f"; {{conflicts_breaks}} more, on the tenure of {{breaks_names}}, tell{'s' if one else ''} of a break in it "
             f"(an interim and the return), not a rival date, and {'is' if one else 'are'} set apart"
             if "breaks" in found and found["breaks"].value else "")
    return Caption("{conflicts_differ} dates given by another source differ from the date the data records, "
                   "{conflicts_against} of them against a date of the case file" + within + "; {conflicts_fill} more "
                   "fill a date the data lacks but contradict each other" + apart + ". Each is kept as an attestation; "
                   "neither source overwrites the other.", page=PAGE, **_claimed("conflicts", found),
                   **({"breaks_names": in_prose(found["breaks_names"])} if apart else {}))
