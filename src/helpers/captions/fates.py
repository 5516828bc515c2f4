"""The sentences the fates report (`notebooks/03-fates-of-officials.ipynb`) prints, one function per
cell, built from what `helpers.analyses.fates` and `helpers.analyses.survival` computed; they compute
nothing themselves."""
from __future__ import annotations

import networkx as nx
import pandas as pd
from IPython.display import Markdown

from ..analyses.fates import COHORTS, DENIED, SHIFTED
from ..core.checks import check

#: What the columns of `fate_counts` by a cohort are (`cohort_note`).
COHORT_NOTES = {
    "era": "the era (head of the secret police) in which each official entered the organs, placed by the "
           "midpoint of the dates of the first evidence of service (a post, an appointment or an act for the "
           "organs); 'entry undated': officials none of whose evidence of service is dated; 'not in the "
           "organs': everyone else",
    "level": "the highest tier of post each official reached in the organs (leadership: the head and his "
             "deputies; department: heads and deputy heads of departments, directors, commanders; regional: "
             "heads and deputy heads of regional branches; agents and officers: the rest); 'not in the "
             "organs': everyone else",
}


def what_became(s: pd.Series) -> Markdown:
    """Section 1: the people, their commonest end, and the deaths at the hands of the state
    (`fates.fate_summary`)."""
    others = s["killed_by_others"]
    return Markdown(
        f"*What to see:* {s['people']} people, {s['apparatus']} of the apparatus and "
        f"{s['targets']} targets outside it. The commonest recorded end is **{s['commonest']}** "
        f"({s['commonest_people']}). Of the {s['deaths']} deaths, **{s['by_state']} came at the hands of the state** "
        f"({s['executed_by_state']} executed, {s['died_in_custody']} dead in "
        f"custody, {s['killed_by_state']} killed with a Soviet doer named); "
        f"killings that name no doer of the state: {len(others)}"
        + (f" ({', '.join(others)})" if len(others) else "")
        + f". For {s['unknown']} the data records no end.")


def disputed_ends(rival: pd.DataFrame) -> Markdown:
    """Whose end another source dates otherwise (`fates.disputed_ends`)."""
    return Markdown(
        "Every date here is the package's: the case file's where it gives one, else the reference's. "
        + (f"Another source dates {rival.name.nunique()} of these ends otherwise; the rival dates are not used:"
           if len(rival) else "No other source dates any of these ends otherwise."))


def cohort_note(by: str, spanning: int) -> str:
    """A sentence saying what the columns of `fates.fate_counts(..., by)` are; for eras, with the
    number of officials whose entry bounds span more than one era (`fates.spanning_entries`: their
    era rests on the midpoint)."""
    check("by", by, choices=COHORTS)
    note = f"Columns are {COHORT_NOTES[by]}."
    if by == "era":
        note += f" {spanning} officials' entry dates span more than one era, so their era rests on the midpoint."
    return note


def by_cohort(by: str, spanning: int) -> Markdown:
    """Section 1, by era or level: what the columns are (`cohort_note`)."""
    return Markdown(f"*What to see:* the same fates, in the same colours, by {by}. {cohort_note(by, spanning)}")


def survival(counts: pd.Series, medians: pd.DataFrame, end: pd.Timestamp, event: str) -> Markdown:
    """Section 2: who is in the survival table and who is left out (`survival.survival_counts`), the
    cohorts drawn as bars and the one that lasted least (`survival.km_medians`), up to `end` (the end
    of the coverage)."""
    bars = medians[~medians.curve]
    curves = medians[medians.curve]
    least = curves.median_years.idxmin() if len(curves) else None
    return Markdown(
        f"*What to see:* {counts['officials']} officials with a dated entry; {counts['events']} {event}s fall before "
        f"the data's coverage ends on {end.day} {end:%B %Y}, the other {counts['censored']} are censored there (or at "
        f"an earlier death). **{counts['left_out']} members of the apparatus have no dated evidence of service and are "
        f"left out**: {counts['undated']} whose posts in the organs carry no date, {counts['no_evidence']} with no "
        f"post, appointment or act in the organs at all. "
        + (f"Drawn as bars rather than curves: {'; '.join(f'**{c}** ({r.no_curve})' for c, r in bars.iterrows())}. "
           if len(bars) else "Every cohort is large enough for a curve. ")
        + (f"Of the cohorts with a curve, **{least}** lasted least: half of it by {curves.loc[least, 'median_years']} "
           f"years (for the shortest durations the date bounds allow: {curves.loc[least, 'median_shortest']}; for the "
           f"longest: {curves.loc[least, 'median_longest']}). "
           if least is not None else "No cohort is large enough for a curve. ")
        + "A level cohort is the tier of the first dated post; `inf`: the curve never fell to one half.")


def ages(s: pd.Series) -> Markdown:
    """Section 2, ages: how many have a birth date, and the median ages at entry and at death
    (`survival.age_summary`)."""
    return Markdown(
        f"*What to see:* {s['with_birth']} of the {s['members']} members of the apparatus have a birth date in the data. "
        + (f"Half had entered the organs by the age of **{s['entry_median']:g}** "
           f"(n={s['entry_n']}); of those who died, half were dead by **{s['death_median']:g}** "
           f"(n={s['death_n']}), the youngest at {s['youngest_death']}."
           if s["death_n"] else ""))


def cover_stories(s: pd.Series) -> Markdown:
    """Section 3: how many deaths came with an official account, and what it did (`fates.cover_summary`)."""
    return Markdown(
        f"*What to see:* {s['covers']} of the {s['deaths']} deaths in the group came with an "
        f"official account. It **{DENIED}** in {s['denied']} and **{SHIFTED}** in "
        f"{s['shifted']}; the source states {s['stated']} of these deaths "
        f"plainly, the others rest on an allegation or a disputed account. For {s['with_rivals']} the data "
        "also holds rival accounts (last column).")


def kill_graph(graph: nx.DiGraph, turned: pd.DataFrame, chain: list[str]) -> Markdown:
    """Section 4: the graph's size (`fates.kill_graph`), who struck and was struck later
    (`fates.turned_victims`), and the people along the longest chain (`fates.chain_people`)."""
    return Markdown(
        f"*What to see:* {graph.number_of_nodes()} people joined by {graph.number_of_edges()} arrows. {len(turned)} "
        f"people of the group struck first and were struck later (red; listed below). The longest chain of killers "
        f"killed (each struck by the one before after striking the next) runs through {len(chain)} people: "
        f"{' → '.join(chain)}.")


def how_they_died(s: pd.Series) -> Markdown:
    """Section 5: the violent deaths, their commonest method, and those abroad (`fates.method_summary`)."""
    return Markdown(
        f"*What to see:* {s['deaths']} violent deaths"
        + (f"; **{s['commonest']}** accounts for {s['commonest_deaths']} of them" if s["commonest"] is not None else "")
        + f", {s['from_account']} methods come from an account rather than the event, and "
        f"{s['not_given']} deaths have no violent method given. {s['abroad']} happened abroad"
        + (f", by {', '.join(sorted({m.replace('_', ' ') for m in s['abroad_methods']}))}" if s["abroad"] else "")
        + f"; {s['in_kidnapping']} came during a kidnapping.")
