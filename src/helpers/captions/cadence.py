"""The sentences the cadence report (`notebooks/01-purge-cadence.ipynb`) prints, built from what
`helpers.analyses.cadence` computed; they compute nothing themselves. One function per cell that writes
(named after what it says), each returning Markdown; `fmt`, `gap_label` and `describe_rule` are the
wording several sentences share (report 00's captions use them too). The tables the report shows beside
them are the analysis's frames, shown as they are with `style.table`."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from ..analyses.cadence import FREQS, MAX_SPAN_DAYS, RATIO_PER, RULES, RUN_DAYS, TALLY
from ..core.checks import check


# --- wording several sentences share -----------------------------------------------------------

def fmt(value) -> str:
    """A count for prose: a whole number as is (1,234), a fraction (from the spread rule) to one decimal."""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


def gap_label(gaps: pd.DataFrame) -> str:
    """The gaps of `source_gaps` in words: '1917 and 1941', '1920–1923'; '' when there is none."""
    parts = [str(g.first) if g.first == g.last else f"{g.first}–{g.last}" for g in gaps.itertuples(index=False)]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""


def describe_rule(rule: str, freq: str) -> str:
    """One sentence saying how the dates were placed in bins, for the notebook's text."""
    check("rule", rule, choices=RULES)
    check("freq", freq, choices=FREQS)
    if rule == "exclude":
        return (f"Dates are placed by the **exclude** rule: an event counts in a {freq} only when the whole "
                f"span of its dates, from earliest to latest possible day, lies in that {freq}; an event "
                f"whose span crosses into another {freq} is listed as unplaceable, never put on the first "
                "day of its span.")
    return (f"Dates are placed by the **spread** rule: an event whose dates span several {freq}s is shared "
            f"among them in proportion to the days of its span in each, so counts can be fractions; "
            "no event is put on the first day of its span.")


def national_note(beside: pd.DataFrame) -> str:
    """Sentences on which figures of people shot (`cadence.national_tallies`) the national series leaves
    out, per year, and which operations' figures fall inside it, with the series' death sentences of
    their years."""
    text = []
    for year, part in beside[~beside.in_series].groupby("first_year"):
        figures = " and ".join(f"{t.subject} ({t.figure}, {t.source_id})" for t in part.itertuples())
        larger = " — each figure alone is larger than the year's total" if part.exceeds.all() else ""
        text.append(f"**What the series leaves out:** {figures} are not among the "
                    f"{part.sentenced_to_death.iloc[0]:,.0f} national death sentences of {year}{larger}.")
    inside = beside[beside.in_series & beside.operation_id.notna()]
    for _, part in inside.groupby("operation_id"):
        figures = "; ".join(f"{t.figure} shot in {t.first_year}–{t.last_year} per {t.source_id}" for t in part.itertuples())
        totals = " and ".join(f"{v:,.0f}" for v in dict.fromkeys(part.sentenced_to_death))
        text.append(f"The {part.operation.iloc[0]} ({figures}) fall inside the series, whose death sentences of "
                    f"those years are {totals}.")
    return " ".join(text)


# --- the report, cell by cell --------------------------------------------------------------------

def selection(events: pd.DataFrame, merged: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp, types,
              scope: str, include_alleged: bool, rule: str, freq: str) -> Markdown:
    """What was chosen: the events (`cadence.select`), the window, the types, the scope, whether alleged
    events count, the rule for dates, and the rows standing for several events (`cadence.merged_rows`)."""
    chosen = ", ".join(f"`{t}`" for t in types) if types else "every type except `context` (background events)"
    once = ("; ".join(f"{m.parts} count as the one row `{m.event_id}`" for m in merged.itertuples())
            if len(merged) else "no such events fall in this choice")
    return Markdown(f"**{len(events)}** events from {first:%Y-%m-%d} to {last:%Y-%m-%d}: {chosen}; scope `{scope}`; "
                    f"alleged and disputed events {'included' if include_alleged else 'left out'}. "
                    f"{describe_rule(rule, freq)} Each thing counts once: the events of one operation that share "
                    f"a type and name no victim are one event ({once}), and totals are figures (tallies), never events.")


def over_time(busy: dict, unplaceable: pd.DataFrame, mass: pd.DataFrame, silent: pd.DataFrame, incidents,
              freq: str, rule: str) -> Markdown:
    """What the chart per period shows: the events placed and the busiest period (`cadence.busiest`), the
    events left out or shared, the mass killings' bands, and the gaps in the source (`source_gaps`) with
    the years of the case file's incidents (`incident_years`)."""
    return Markdown(f"*What to see:* {fmt(busy['placed'])} events placed on a {freq}; the busiest {freq} is "
                    f"**{busy['period']}** with {fmt(busy['events'])}. "
                    + (f"{len(unplaceable)} events whose dates span more than one {freq} are not placed; they are drawn as spans below. "
                       if rule == "exclude" else "Events spanning several periods are shared among them (drawn as spans below). ")
                    + (f"Hatched bands: the mass killings dated only to a span ({len(mass)}); a bar counts each as one event "
                       "at most, the band shows its span and its toll. " if len(mass) else "")
                    + (f"Shaded *gap in the source*: {gap_label(silent)}, outside the case file's accounts of incidents "
                       f"({incidents[0]}–{incidents[1]}) or with no event of its own there (background aside)."
                       if len(silent) else ""))


def spanning(across: pd.DataFrame, freq: str, rule: str) -> Markdown:
    """What the spans chart shows: the events of `cadence.spanning`, which a count per period leaves out or shares."""
    return Markdown(f"*What to see:* {len(across)} events are dated only to a span longer than a {freq}; each bar runs from "
                    "the earliest to the latest day its dates allow (cut at the window's edges), which a count per "
                    f"{freq} {'leaves out' if rule == 'exclude' else 'shares among its periods'}. They are:")


def per_era(totals: dict, across_eras: pd.DataFrame) -> Markdown:
    """The busiest era per year of tenure and what rests on allegation (`cadence.era_totals`), and the
    events `cadence.per_era` could not give an era."""
    top = totals["busiest"]
    return Markdown(f"*What to see:* counted per year of each head's tenure, the **{top.era}** era is the busiest, "
                    f"with {top.per_year:g} events a year ({top.events} in {top.years:g} years); "
                    f"{totals['not_stated']} of the {totals['events']} events counted here are alleged or disputed. "
                    f"{len(across_eras)} events straddle a change of head or fall outside the eras, and are not counted.")


def type_peaks(peaks: dict) -> Markdown:
    """The darkest cells of the heat map and the most frequent types (`cadence.type_peaks`)."""
    darkest = ", ".join(f"**{t}** in **{p}**" for p, t in peaks["cells"].index)
    by_type = peaks["by_type"]
    return Markdown(f"*What to see:* the darkest cells hold {fmt(peaks['most'])} events: {darkest}; "
                    f"over the window the most frequent type is **{by_type.index[0]}** ({fmt(by_type.iloc[0])} events), "
                    f"then {by_type.index[1]} ({fmt(by_type.iloc[1])}).")


def intervals(dated: pd.DataFrame, too_vague: pd.DataFrame, gap_table: pd.DataFrame, summary: dict) -> Markdown:
    """The killings dated closely enough to measure (`cadence.dated_killings`), the median interval, the
    long intervals a mass killing falls in, and the longest quiet one (`cadence.interval_summary`)."""
    held, quiet = summary["held"], summary["quiet"]
    return Markdown(
        f"*What to see:* {len(dated)} killings are dated to within {MAX_SPAN_DAYS} days and each stands at the "
        f"midpoint of its dates; the gaps are measured between these only. Dated too loosely to measure, and listed "
        f"below: {len(too_vague)}; the mass killings among them are the hatched spans. "
        + (f"The median interval between consecutive killings is **{summary['median']:g} days**. "
           + "".join(f"The interval of {h.days:,.0f} days from {h.after} ({h.after_date}) to {h.before} ({h.before_date}) "
                     f"was not quiet: it holds {h.during}. " for h in held.itertuples())
           if len(gap_table) else "Fewer than two killings are dated closely enough to measure an interval. ")
        + (f"The longest stretch with no killing known at all lasts **{quiet.days.iloc[0]:,.0f} days**, from "
           f"{quiet.after.iloc[0]} ({quiet.after_date.iloc[0]}) to {quiet.before.iloc[0]} ({quiet.before_date.iloc[0]})."
           if len(quiet) else ""))


def runs(bursts: pd.DataFrame, longest: pd.DataFrame) -> Markdown:
    """How many runs of killings (`cadence.runs`) and the longest (`cadence.longest_run`)."""
    return Markdown(f"*What to see:* {len(bursts)} runs of killings each less than {RUN_DAYS} days after the one before"
                    + (f"; the longest holds **{longest.killings.iloc[0]}** killings in {longest.days.iloc[0]:g} days, "
                       f"from {longest['first'].iloc[0]} to {longest['last'].iloc[0]}." if len(bursts) else "."))


def mass_killings(mass: pd.DataFrame) -> Markdown:
    """The lead-in to the table of `cadence.mass_killings`."""
    return Markdown(f"Mass killings dated only to a span ({len(mass)}), with the number shot as each source gives it "
                    "(the hatched bands of the charts):")


def disputed_dates(disputed: pd.DataFrame, kills: pd.DataFrame, moved: list[str]) -> Markdown:
    """How many killings another source dates otherwise (`cadence.disputed_dates`), and which of them a
    rival date moves into another year (`cadence.moved_killings`)."""
    return Markdown(
        f"Another source dates {disputed.event_id.nunique()} of the {len(kills)} killings above otherwise "
        f"({len(disputed)} rival dates); the points and gaps above use the package's dates. "
        + (f"For {len(moved)} of them ({', '.join(moved)}) a rival date falls in "
           "another year, so a count per year would change under that source:" if len(moved) else
           "None of the rival dates falls in another year:"))


def abroad(share: dict, freq: str) -> Markdown:
    """How much happened abroad and the busiest period abroad (`cadence.busiest` of the column 'abroad')."""
    return Markdown(f"*What to see:* {fmt(share['placed'])} of the {fmt(share['of'])} placed events "
                    f"({share['share']:.0%}) happened abroad; the busiest {freq} abroad is "
                    f"**{share['period']}** with {fmt(share['events'])}.")


def national(series: pd.DataFrame, differ: list, merged_kills: pd.DataFrame, beside: pd.DataFrame) -> Markdown:
    """What the national series is (`cadence.national`, the years the other tally differs in,
    `cadence.tallies_differ`), how the case file is set beside it, the killings that count once
    (`cadence.merged_rows`), and what the series leaves out (`national_note` of `cadence.national_tallies`)."""
    once = "; ".join(f"{m.parts} are the one killing {m.event_id}" for m in merged_kills.itertuples())
    return Markdown(
        f"National convictions for counter-revolutionary crimes and death sentences per year, "
        f"{series.index.min()}–{series.index.max()} (the `{TALLY}` tally of `convictions_by_year`; the other "
        f"tally differs in {len(differ)} of these {len(series)} years), beside the case file's domestic arrests "
        "and killings in the same years (the national figures are Soviet ones, so events abroad are left out, and the "
        "`event_types`, `scope`, `start`, `end` and `freq` parameters do not apply here). Each thing counts once here "
        f"too{f' ({once})' if once else ''}, and no total (a tally) is counted as an event. "
        f"The ratio is case-file events per {RATIO_PER:,} national cases.\n\n"
        + national_note(beside))


def concentration(c: dict) -> Markdown:
    """Where the national death sentences and the case file's killings peak, and the ratio's range
    (`cadence.concentration`)."""
    return Markdown(
        f"*What to see:* national death sentences peak in **{c['national_peak']}**, which alone holds "
        f"{c['national_peak_share']:.0%} of the death sentences of all the series' whole years; the case file's killings peak in "
        f"**{' and '.join(str(y) for y in c['case_peaks'])}** ({fmt(c['case_peak_killings'])} each), and only "
        f"{c['case_share_in_national_peak']:.0%} of them fall in {c['national_peak']}. "
        f"In {c['lowest_ratio_year']} it records one killing per {c['sentences_per_killing_low']:,.0f} death sentences, "
        f"in {c['highest_ratio_year']} one per {c['sentences_per_killing_high']:,.0f}.")


def victims(sides: pd.Series, kills: pd.DataFrame, disputed: pd.DataFrame, moved: list[str]) -> Markdown:
    """Whom the domestic killings struck (`cadence.subject_sides`), and which of them another source dates
    otherwise (`cadence.disputed_dates`), into another year (`cadence.moved_killings`)."""
    return Markdown(
        f"The case file follows prominent victims: {sides.get('apparatus', 0)} of its {len(kills)} domestic killings are of "
        "members of the secret-police apparatus. So it shrinks the mass terror to a handful of names and magnifies the "
        "years in which the secret police's own officers were shot. "
        f"Another source dates {disputed.event_id.nunique()} of these killings otherwise"
        + (f"; for {', '.join(moved)} a rival date falls in another year, "
           "so the count per year would change under that source" if moved else
           ", none in another year") + " (see the table in section 3). The counts per year:")


def unplaced_years(not_in_a_year: pd.DataFrame) -> Markdown:
    """The lead-in to the arrests and killings `cadence.align_national` could not place on one year."""
    return Markdown(f"{len(not_in_a_year)} arrests and killings span more than one year and are not counted above"
                    + (":" if len(not_in_a_year) else "."))


def stated_only(include_alleged: bool, changed: pd.DataFrame, c: dict) -> Markdown:
    """What leaving out the alleged and disputed events changes (`cadence.difference`,
    `cadence.concentration` of the stated events)."""
    return Markdown("*What to see:* " + (
        "`include_alleged` is False, so section 5 already leaves them out and the two figures agree." if not include_alleged
        else f"leaving them out changes the case file's counts in {len(changed)} years "
             f"({', '.join(str(y) for y in changed.index) or 'none'}); its killings peak in {c['case_peak']}, and the ratio runs "
             f"from one killing per {c['sentences_per_killing_low']:,.0f} death sentences ({c['lowest_ratio_year']}) to one per "
             f"{c['sentences_per_killing_high']:,.0f} ({c['highest_ratio_year']})."))


def hedged(rows: pd.DataFrame) -> Markdown:
    """The lead-in to the table of `cadence.not_stated`."""
    return Markdown(f"The {len(rows)} domestic arrests and killings that rest on an allegation or a disputed account:")
