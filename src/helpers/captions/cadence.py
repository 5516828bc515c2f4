"""The sentences the cadence report (`notebooks/01-purge-cadence.ipynb`) prints, built from the claims and
frames `helpers.analyses.cadence` computed; they compute nothing themselves. One function per cell that
writes (named after what it says), each returning a `Caption` whose numbers are claims (`claims.Claim`:
the site shows the rows behind each). `fmt`, `gap_label`, `describe_rule`, `coverage_words` and `claimed`
are the wording several sentences share (report 00's captions use them too). The tables the report shows
beside them are the analysis's frames, shown as they are with `style.table`."""
from __future__ import annotations

import re

import pandas as pd

from ..analyses.cadence import COUNTING_RULE, FREQS, MAX_SPAN_DAYS, RATIO_PER, RULES, RUN_DAYS, TALLY
from ..core.checks import check
from ..core.names import in_prose
from ..evidence import claims
from ..evidence.coverage import level_words
from ..figures import labels, style
from .claimed import Caption, Raw, escape

PAGE = "01-purge-cadence"


# --- wording several sentences share -----------------------------------------------------------

def fmt(value) -> str:
    """A count for prose: a whole number as is (1,234), a fraction (from the spread rule) to one decimal."""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


def gap_label(gaps: pd.DataFrame) -> str:
    """The gaps of `source_gaps` in words: '1917 and 1941', '1920–1923'; '' when there is none."""
    parts = [str(g.first) if g.first == g.last else f"{g.first}–{g.last}" for g in gaps.itertuples(index=False)]
    return in_prose(parts)


def code(text) -> Raw:
    """An id in a reader's words, a value from the data as code: a source by its name in prose ('the
    case file'), another id of the data loaded last (`style.use(ds)`) by its words in italics (an event by
    its title); any other value as code (`exclude`, `1937`)."""
    t = str(text)
    if t in claims.SOURCE_WORDS:
        return Raw(escape(claims.SOURCE_WORDS[t]))
    if "-" in t and t in style.WORDS:
        return Raw("*" + escape(style.WORDS[t]) + "*")
    if ":" in t and t.split(":")[0] in style.WORDS:  # an operation's sites as one row (`operations.merged`)
        return Raw("*" + escape(style.WORDS[t.split(":")[0]]) + "*")
    if re.fullmatch(r"\d{4}(-\d{2})?", t):  # a period: a year, a month
        return Raw(labels.date(t))
    if re.fullmatch(r"\d{4}Q\d", t):
        return Raw(f"Q{t[-1]} {t[:4]}")
    return Raw("`" + t.replace("`", "") + "`")


def in_words(text: str) -> str:
    """A text built from the data in a reader's words: the ids inside it by their words (`style.WORDS`)
    and EDTF dates as '21 Aug 1937' (`labels.cell`)."""
    return labels.cell(text, style.WORDS, labels._id_pattern(style.WORDS)) if text else text


def codes(values) -> Raw:
    """Several ids or values as code, joined with commas."""
    return Raw(", ".join(code(v) for v in values))


def claimed(prefix: str, found: dict) -> dict:
    """The claims of `found` as caption fields named `<prefix>_<key>`, each claim named `<prefix>-<key>` (a
    stable slug, unique within the report)."""
    out = {}
    for key, value in found.items():
        if isinstance(value, claims.Claim):
            slug = re.sub(r"[^a-z0-9]+", "-", f"{prefix}-{key}".lower()).strip("-")
            out[re.sub(r"\W", "_", f"{prefix}_{key}")] = value.named(slug)
    return out


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


def coverage_words(runs: pd.DataFrame, found: dict, page: str = PAGE) -> Caption:
    """The shaded years of a chart (`coverage.level_runs`) in words, each run with its level and the
    national death sentences of its years (`coverage.runs_claims`, named `sentences-<first>-<last>`)."""
    if not len(runs):
        return Caption("The case file gives an account of every year of the chart. ", page=page)
    parts, fields = [], {}
    for i, r in enumerate(runs.itertuples(index=False)):
        years = str(r.first) if r.first == r.last else f"{r.first}–{r.last}"
        key = f"sentences-{r.first}-{r.last}"
        words = f"{years} ({level_words(r)}"
        if f"events-{r.first}-{r.last}" in found:
            n = found[f"events-{r.first}-{r.last}"]
            fields[f"e{i}"] = n.named(f"events-{r.first}-{r.last}")
            words += f"; {{e{i}}} event{'' if n.value == 1 else 's'} the case file dates within other sections"
        if f"others-{r.first}-{r.last}" in found:  # drawn on the chart: the years are not empty
            n = found[f"others-{r.first}-{r.last}"]
            fields[f"o{i}"] = n.named(f"others-{r.first}-{r.last}")
            words += f"; {{o{i}}} event{'' if n.value == 1 else 's'} {claims.scope(n)}"
        if key in found:
            fields[f"s{i}"] = found[key].named(key)
            words += f"; {{s{i}}} national death sentences in {r.figure_years}"
            words += ", a partial year among them" if r.partial else ""
        parts.append(words + ")")
    tally = TALLY_WORDS.get(TALLY, TALLY) if fields else ""
    template = ("Shaded: the years no section of the case file is about, " + "; ".join(parts) + ". An empty or low "
                "stretch in those years is a gap in the source, not a quiet one"
                + (f" (the national death sentences are the tally of {tally})" if tally else "") + ". ")
    return Caption(template, page=page, **fields)


# --- the report, cell by cell --------------------------------------------------------------------

def selection(found: dict, merged: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp, types,
              scope: str, include_alleged: bool, rule: str, freq: str) -> Caption:
    """What was chosen (`cadence.selection_claims`): the events, the window, the types, the scope, whether
    alleged events count, the rule for dates, and the rows standing for several events (`merged_rows`)."""
    chosen = codes(types) if types else Raw("every type except `context` (background events)")
    once = Raw("; ".join(f"{codes(m.parts.split(', '))} count as the one row {code(m.event_id)}"
                         for m in merged.itertuples()) if len(merged) else "no such events fall in this choice")
    return Caption("**{selection_events}** events from {first} to {last}: {chosen}; scope {scope}; alleged and "
                   "disputed events {alleged}. {rule} Each thing counts once: {counting} (here {once}); totals are "
                   "figures (tallies), never events.", page=PAGE, first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}",
                   chosen=chosen, scope=code(scope), alleged="included" if include_alleged else "left out",
                   rule=Raw(describe_rule(rule, freq)), counting=Raw(COUNTING_RULE), once=once,
                   **claimed("selection", found))


def _busiest(ranked: pd.DataFrame, freq: str, prefix: str, found: dict, where: str = "") -> tuple[str, dict]:
    """The sentence on the period that may be the busiest (`cadence.ranking`), and its fields; `where` qualifies
    the period (' abroad')."""
    if not len(ranked) or "certain" not in found:
        return "", {}
    top = ranked.iloc[0]
    fields = {"top": code(ranked.index[0]), "others": codes(ranked.index[1:6]),
              **claimed(prefix, {k: found[k] for k in ("certain", "possible")})}
    counts = f"at least {{{prefix}_certain}} events{where} certainly in it, up to {{{prefix}_possible}} that may be"
    if top.sure:
        return f"The busiest {freq}{where} is {{top}} in nearly every draw ({counts}). ", fields
    most = "most draws" if top.busiest >= 0.5 else "more draws than any other"
    text = (f"No {freq}{where} is the busiest in every draw: {{top}} is the busiest in {most} ({counts})"
            + (", and {others} may be too" if len(ranked) > 1 else "") + ". ")
    return text, fields


def over_time(found: dict, ranked: pd.DataFrame, mass: pd.DataFrame, runs: pd.DataFrame, freq: str,
              rule: str) -> Caption:
    """What the chart per period shows (`cadence.over_time_claims`): the events placed and those spanning
    several periods, the band and the period that may be busiest (`cadence.ranking`), the mass killings'
    bands, and the years the case file gives no account of (`coverage_words`)."""
    busiest, fields = _busiest(ranked, freq, "over_time", found)
    spans = ("are not placed; they are drawn as spans below" if rule == "exclude"
             else f"are shared among their {freq}s by days (drawn as spans below)")
    text = (f"*What to see:* {{over_time_placed}} events are placed on a {freq}; {{over_time_spanning}} span more "
            f"than one {freq} and {spans}. The grey band is each {freq}'s count under the doubt of the dates, drawn "
            "a thousand times with a fixed seed: each event's day inside its span and, where the sources date it "
            "differently, between their dates; the band holds nine draws in ten, the black line is the expected "
            "(aoristic) count, the dotted line every event that may fall in the period. " + busiest)
    text += ("Hatched bands: the mass killings dated only to a span ({over_time_mass}); a bar counts each as one "
             "event at most, the band shows its span and its toll. " if len(mass) else "")
    fields.update(claimed("over_time", {k: v for k, v in found.items() if k in ("placed", "spanning", "mass")}))
    return Caption(text, page=PAGE, **fields) + coverage_words(runs, found)


def spanning(found: claims.Claim, freq: str, rule: str) -> Caption:
    """What the spans chart shows: the events of `cadence.spanning`, which a count per period leaves out or shares."""
    return Caption("*What to see:* {spanning_events} events are dated only to a span longer than a {freq}; each bar "
                   "runs from the earliest to the latest day its dates allow (cut at the window's edges), which a "
                   "count per {freq} {does}. They are:", page=PAGE, freq=freq,
                   does="leaves out" if rule == "exclude" else "shares among its periods",
                   **claimed("spanning", {"events": found}))


def per_era(found: dict, top: pd.Series, acting: pd.DataFrame | None = None,
            held: pd.DataFrame | None = None) -> Caption:
    """The busiest era per year of tenure and what rests on allegation (`cadence.era_claims`); acting: the
    acting heads (`eras.acting_heads`), who open no era; held: the eras that outlast their head's tenure
    (`eras.held_over`), whose days to the next head's start are named."""
    stood_in = ""
    if acting is not None and len(acting):
        names = "; ".join(f"{r.name}, {labels.date(r.start)} – {labels.date(r.end)}" for r in acting.itertuples())
        stood_in = (" An era opens on its head's start, narrowed by another source's agreeing day where the case "
                    f"file gives only the year; an acting head ({escape(names)}) opens none, so his weeks count in "
                    "the era of the head he stood in for.")
    if held is not None and len(held):
        gaps = "; ".join(f"{r.name}'s tenure ended on {_day(r.ended)} ({labels.header(r.end_reason).lower()}), and "
                         f"the days to {r.next_name}'s start on {_day(r.next_start)} count in his era"
                         for r in held.itertuples())
        stood_in += (" An era runs to the next head's start in the data, whoever led in practice between (another "
                     "source may date the handover otherwise): {gaps}.")
    return Caption("*What to see:* counted per year of each head's tenure, the **{era}** era is the busiest, with "
                   "{era_per_year} events a year ({era_events} in {era_years} years); {era_not_stated} of the "
                   "{era_counted} events counted here are alleged or disputed. {era_across} events straddle a "
                   "change of head or fall outside the eras, and are not counted." + stood_in, page=PAGE,
                   era=top.era, **({"gaps": gaps} if held is not None and len(held) else {}), **claimed("era", found))


def _day(when: pd.Timestamp) -> str:
    return f"{when.day} {when:%b %Y}"


def type_peaks(found: dict, peaks: dict, rule: str) -> Caption:
    """The darkest cells of the heat map and the most frequent types (`cadence.peak_claims`)."""
    darkest = Raw(", ".join(f"**{t}** in {code(p)}" for p, t in peaks["cells"].index))
    first, second = peaks["by_type"].index[:2]
    cells = "the darkest cells hold {peaks_darkest} events each" if len(peaks["cells"]) > 1 else \
        "the darkest cell holds {peaks_darkest} events"
    return Caption("*What to see:* under the {rule} rule " + cells + ": "
                   "{darkest}; over the window the most frequent type is **{first}** ({peaks_first} events), then "
                   "{second} ({peaks_second}).", page=PAGE, rule=rule, darkest=darkest, first=first, second=second,
                   **claimed("peaks", found))


def intervals(found: dict, summary: dict, held: list[tuple[pd.Series, dict]], rivals: str,
              doubts: dict | None = None, spans: dict | None = None) -> Caption:
    """The killings dated closely enough to measure (`cadence.dated_claims`), the median interval, the long
    intervals and why none is called quiet unless it is (`quiet_spells` with the coverage), and the rival
    dates of their ends (`cadence.rival_dates`). held: (interval, its claims: `spell_claims`) for the
    intervals to name, the longest first; doubts (`cadence.doubted`): the ends only alleged or disputed,
    said beside their date; spans (`cadence.campaigns`): the ends that are campaigns, with the years of their toll."""
    text = (f"*What to see:* {{intervals_dated}} killings are dated to within a month (`max_span_days={MAX_SPAN_DAYS}`) "
            "and each stands at the midpoint of its dates; the gaps are measured between these only. Dated too "
            "loosely to measure, and listed below: {intervals_vague}; the mass killings among them are the hatched "
            "spans. ")
    fields = claimed("intervals", found)
    if "median" not in found:
        return Caption(text + "Fewer than two killings are dated closely enough to measure an interval.", page=PAGE,
                       **fields)
    text += ("The median interval between consecutive killings is **{intervals_median} days**. A stretch is called "
             "quiet only when no mass killing falls in it, a section of the case file is about every year it touches, "
             "and the national series shows no mass killing in those years. ")
    for i, (s, own) in enumerate(held):
        n = f"spell{i}"
        fields.update(claimed(n, own), **{f"{n}_after": code(s.after), f"{n}_before": code(s.before),
                                         f"{n}_during": s.during, f"{n}_silent": s.silent,
                                         f"{n}_years": s.sentence_years})
        why = ([f"it holds {{{n}_during}}"] if s.during else []) + \
              ([f"no section of the case file is about {{{n}_silent}}"] if s.silent else []) + \
              ([f"the national series records {{{n}_sentences}} death sentences in {{{n}_years}}"]
               if f"{n}_sentences" in fields else [])
        verdict = "was quiet" if s.quiet else "was not quiet: " + "; ".join(why)
        why_a, why_b = ("".join(f"; {notes[e]}" for notes in (doubts or {}, spans or {}) if e in notes)
                        for e in (s.after, s.before))
        text += (f"{'The longest interval' if i == 0 else 'The interval'} of {{{n}_days}} days, from {{{n}_after}} "
                 f"({labels.date(s.after_date)}{why_a}) to {{{n}_before}} ({labels.date(s.before_date)}{why_b}), "
                 f"{verdict}. ")
    if not len(summary["quiet"]):
        text += "No interval between these killings is quiet by that test. "
    if rivals:
        text += "Another source dates an end of these intervals otherwise: {rivals}."
        fields["rivals"] = in_words(rivals)
    return Caption(text, page=PAGE, **fields)


def runs(found: dict, longest: pd.DataFrame, breaks: pd.DataFrame, run_found: dict, bursts: pd.DataFrame | None = None,
         doubts: dict | None = None) -> Caption:
    """How many runs of killings (`cadence.runs_claim`), the longest (`cadence.run_claims`), the runs
    another source's date breaks (`cadence.run_breaks`), and the runs of `bursts` (`cadence.runs`) that
    hold a killing only alleged or disputed (doubts: `cadence.doubted`)."""
    text = f"*What to see:* {{runs_count}} runs of killings each less than a month after the one before (`run_days={RUN_DAYS}`)"
    fields = claimed("runs", {"count": found})
    if len(longest):
        run = longest.iloc[0]
        text += "; the longest holds **{run_killings}** killings ({where}) in {run_days} days, from {first} to {last}"
        fields.update(claimed("run", run_found), first=code(run["first"]), last=code(run["last"]))
        fields["where"] = claims.scope(fields["run_killings"])
    text += ". "
    grouped = breaks.groupby(["first", "last", "event_id", "recorded_by", "source_id"], sort=False).date.agg(" or ".join)
    for i, ((first, last, event, by, source), when) in enumerate(grouped.items()):
        text += (f"The run from {{f{i}}} to {{l{i}}} rests on {{by{i}}}'s date for {{e{i}}}; {{src{i}}} dates it {{d{i}}}, "
                 "which breaks the run. ")
        fields.update({f"f{i}": code(first), f"l{i}": code(last), f"e{i}": code(event), f"by{i}": code(by),
                       f"src{i}": code(source), f"d{i}": labels.date(when)})
    if bursts is not None and doubts:
        held = [(r.first, r.last, [e for e in r.events.split(", ") if e in doubts]) for r in bursts.itertuples()]
        held = [(a, b, es) for a, b, es in held if es]
        for i, (first, last, events) in enumerate(held):
            said = "; ".join(f"{{q{i}_{j}}} ({doubts[e]})" for j, e in enumerate(events))
            text += f"The run from {{g{i}}} to {{h{i}}} rests on doubt: {said}. "
            fields.update({f"g{i}": code(first), f"h{i}": code(last)},
                          **{f"q{i}_{j}": code(e) for j, e in enumerate(events)})
    return Caption(text, page=PAGE, **fields)


def mass_killings(found: claims.Claim) -> Caption:
    """The lead-in to the table of `cadence.mass_killings`."""
    return Caption("Mass killings dated only to a span ({mass_count}), with the number shot as each source gives it "
                   "(the hatched bands of the charts):", page=PAGE, **claimed("mass", {"count": found}))


def disputed_dates(found: dict, moved: list[str]) -> Caption:
    """How many killings another source dates otherwise (`cadence.disputed_claims`), and which of them a
    rival date moves into another year (`cadence.moved_killings`)."""
    tail = ("For {disputed_moved} of them ({moved}) a rival date falls in another year, so a count per year would "
            "change under that source:" if moved else "None of the rival dates falls in another year:")
    return Caption("Another source dates {disputed_killings} of the {disputed_of} killings above otherwise "
                   "({disputed_dates} rival dates); the points and gaps above use the package's dates. " + tail,
                   page=PAGE, moved=codes(moved), **claimed("disputed", found))


def abroad(found: dict, ranked: pd.DataFrame, freq: str) -> Caption:
    """How much happened abroad (`cadence.abroad_claims`) and the period abroad that may be busiest."""
    busiest, fields = _busiest(ranked, freq, "abroad", found, " abroad")
    fields.update(claimed("abroad", {k: v for k, v in found.items() if k in ("abroad", "placed", "share")}))
    share = " ({abroad_share})" if "abroad_share" in fields else ""
    return Caption(f"*What to see:* {{abroad_abroad}} of the {{abroad_placed}} placed events{share} happened abroad. "
                   + busiest, page=PAGE, **fields)


#: Whose national tally (`convictions_by_year.count`, datapackage.json), in words.
TALLY_WORDS = {"mvd": "the MVD's First Special Department (December 1953)", "kgb": "the KGB"}


def national(found: dict, series: pd.DataFrame, merged_kills: pd.DataFrame, note: Caption) -> Caption:
    """What the national series is (`cadence.series_claims`), how each source's events are set beside it,
    the killings that count once (`merged_rows`), and what the series leaves out (`national_note`)."""
    once = Raw("; ".join(f"{codes(m.parts.split(', '))} are the one killing {code(m.event_id)}"
                         for m in merged_kills.itertuples()))
    return Caption(
        "National convictions for counter-revolutionary crimes and death sentences per year, {first}–{last} (the "
        "tally of {tally}; the other tally differs in {series_differ} of these {series_years} years"
        + (", and only one of the two gives a figure in {series_silent} ({silent_years})" if found["silent"].value else "")
        + "), beside the "
        "domestic arrests and killings the sources name in the same years, **each source's rows apart**: the case "
        "file's own, and those only the reference gives (the national figures are Soviet ones, "
        "so events abroad are left out, and the `event_types`, `scope`, `start`, `end` and `freq` parameters do not "
        "apply here). Each thing counts once here too" + (" ({once})" if len(merged_kills) else "") + ", and no "
        "total (a tally) is counted as an event. The ratio is the case file's events per ten thousand national "
        f"cases (`ratio_per={RATIO_PER}`).\n\n", page=PAGE, first=str(series.index.min()), last=str(series.index.max()),
        tally=TALLY_WORDS.get(TALLY, TALLY), once=once, silent_years=found["silent_years"], **claimed("series", found)) + note


def national_note(beside: pd.DataFrame, found: dict) -> Caption:
    """Sentences on which figures of people shot (`cadence.national_tallies`) the national series leaves
    out, per year, and which operations' figures fall inside it, with the series' death sentences of
    their years (`cadence.note_claims`: `shot-<tally_id>`, `sentences-<first>-<last>`); each figure names
    its source by its claim's own rows (`claims.scope`)."""
    text, fields = [], {}

    def field(key: str) -> str:
        name = re.sub(r"\W", "_", key)
        fields[name] = found[key].named(key)
        return "{" + name + "}"

    def shot(t) -> str:
        name = field(f"shot-{t.tally_id}")
        fields[f"w{len(fields)}"] = claims.scope(fields[name[1:-1]])
        return f"{name} {{w{len(fields) - 1}}}"

    def words(value: str) -> str:
        fields[f"w{len(fields)}"] = value
        return f"{{w{len(fields) - 1}}}"

    for year, part in beside[~beside.in_series].groupby("first_year"):
        figures = " and ".join(f"{words(t.subject)} ({shot(t)})" for t in part.itertuples())
        total = field(f"sentences-{year}-{part.last_year.iloc[0]}")
        if part.exceeds.all():
            text.append(f"**What the series leaves out:** {figures} cannot all be among the {total} national death "
                        f"sentences of {year}: each figure alone is larger than the year's total.")
        else:
            text.append(f"**What the series leaves out:** {figures} are read as outside the {total} national death "
                        f"sentences of {year}: the data's reading, which no source states.")
    inside = beside[beside.in_series & beside.operation_id.notna()]
    for _, part in inside.groupby("operation_id"):
        figures = "; ".join(f"{shot(t)}: shot in {t.first_year}–{t.last_year}" if t.period_given else
                            f"{shot(t)}: shot in years the source leaves open, read as {t.first_year}–{t.last_year}"
                            for t in part.itertuples())
        totals = " and ".join(dict.fromkeys(field(f"sentences-{t.first_year}-{t.last_year}") for t in part.itertuples()))
        same = [t for t in part.itertuples() if t.series_sum]
        echo = (" " + " ".join(f"{words(claims.SOURCE_WORDS.get(t.source_id, t.source_id).capitalize())}'s "
                               f"{field(f'shot-{t.tally_id}')} is "
                               "the series' own sum for those years: it agrees by construction, not as a second count."
                               for t in same)) if same else ""
        text.append(f"The {words(part.operation.iloc[0])} ({figures}) fall inside the series, whose death sentences of "
                    f"those years are {totals}.{echo}")
    return Caption(" ".join(text), page=PAGE, **fields)


def _counted_as_one(c: dict, beside: pd.DataFrame | None) -> Raw:
    """The words saying that a mass killing the series leaves out (`national_tallies`, not in_series) counts as
    one killing in the ratio of its year: the ratio counts killings, not the dead."""
    if beside is None or not len(beside):
        return Raw("")
    out = beside[~beside.in_series.astype(bool)]
    years = {c["lowest_ratio_year"], c["highest_ratio_year"]}
    part = out[out.first_year.isin(years)]
    named = list(dict.fromkeys(part.operation.dropna()))
    if not named:
        return Raw("")
    why = ("its dead alone outnumber the year's death sentences" if part.exceeds.astype(bool).all()
           else "the data reads its dead as outside the series")
    return Raw(f" (a killing is one event, however many died: {escape(' and '.join(named))} counts as one, though "
               f"{why})")


def concentration(found: dict, c: dict, beside: pd.DataFrame | None = None) -> Caption:
    """Where the national death sentences and the case file's killings peak, and the ratio's range
    (`cadence.concentration_claims`); a partial year is named, never set beside a whole one. beside: the
    `national_tallies`, to say when a mass killing the series leaves out counts as one killing in a ratio."""
    fields = claimed("conc", found)
    partial = (f" ({', '.join(map(str, c['partial']))}: part of the year only, left out)" if c["partial"] else "")
    return Caption(
        "*What to see:* over the whole years with a national figure" + partial + ", national death sentences peak "
        "in **{peak}**, which alone holds {conc_peak_share} of them; the killings {where} peak in **{case_peaks}** "
        "({conc_peak_killings} each), and only {conc_in_peak} of them fall in {peak}. In {low} there is one killing "
        "{where} per {conc_low} national death sentences, in {high} one per {conc_high}{one}.", page=PAGE,
        peak=str(c["national_peak"]), case_peaks=" and ".join(map(str, c["case_peaks"])), low=str(c["lowest_ratio_year"]),
        high=str(c["highest_ratio_year"]), where=claims.scope(fields["conc_peak_killings"]),
        one=_counted_as_one(c, beside), **fields)


def victims(finding: claims.Claim, found: dict, disputed: dict, moved: list[str]) -> Caption:
    """The finding (`cadence.apparatus_victims`, with its readings), the same over every source's rows and
    what they add (`cadence.victim_claims`), the apparatus victims killed by other hands, the killings after
    the window, and the rival dates (`cadence.disputed_claims`)."""
    f = finding.named("victims-case-file")
    mixed = found["mixed"].named("victims-all-sources")
    changed = [r for r, _, c in f.readings if c]
    others = found["not_by_state"]
    fields = {"f": f, "where": claims.scope(f), "mixed": mixed, "where_all": claims.scope(mixed),
              "victims_added": found["added"].named("victims-added"), "late": codes(found["outside"]),
              "spared": Raw(", ".join(f"{n} ({code(e)})" for e, n in zip(others.event_id, others.name))),
              "changed": "; ".join(changed), **claimed("home", {"killings": disputed["killings"]}),
              "moved": codes(moved)}
    text = ("Prominent victims: {f} domestic killings {where} struck members of the secret-police apparatus at "
            "the state's hands ({mixed} {where_all}, counting the {victims_added} killings only the reference "
            "gives). ")
    text += ("Another reading changes the case file's count ({changed}; see the table below). " if changed
             else "No other reading changes it (see the table below). ")
    if "many" in found and found["many"].value:
        text += ("Each thing counts once, so {many} of the case file's killings are killings of many people, each "
                 "counted as one ({many_ids}). ")
        fields.update(many=found["many"].named("victims-many"), many_ids=codes(found["many_ids"]))
    if found.get("on_doubt"):
        text += ("Among the case file's, the state's hand rests only on alleged evidence, or on a killing another account "
                 "disputes, for {doubtful}. ")
        fields["doubtful"] = in_prose(found["on_doubt"])
    text += ("The rule: a killing counts when its victim's side is the apparatus and their fate says the Soviet "
             "state killed them (by_state yes or disputed); each thing counts once, in the report's window. "
             + ("Left out: {spared}, an apparatus member killed by other hands. " if len(others) else "")
             + ("Outside the window, and not counted: {late}. " if found["outside"] else ""))
    text += ("Set beside the national death sentences (above), the case file's own killings shrink the mass terror to a "
             "handful of names. Another source dates "
             "{home_killings} of the window's domestic killings (of any victim, not only the apparatus) otherwise" + ("; for {moved} a rival date falls in another year, so "
                                                               "the count per year would change under that source"
                                                               if moved else ", none in another year")
             + " (see the table in section 3). The counts per year, each source apart:")
    return Caption(text, page=PAGE, **fields)


def unplaced_years(found: claims.Claim, count: int) -> Caption:
    """The lead-in to the arrests and killings `cadence.align_national` could not place on one year."""
    return Caption("{unplaced_count} arrests and killings span more than one year and are not counted above"
                   + (":" if count else "."), page=PAGE, **claimed("unplaced", {"count": found}))


def stated_only(include_alleged: bool, changed: pd.DataFrame, found: dict, c: dict,
                beside: pd.DataFrame | None = None) -> Caption:
    """What leaving out the alleged and disputed events changes (`cadence.difference`, and the
    `concentration_claims` of the stated events)."""
    if not include_alleged:
        return Caption("*What to see:* `include_alleged` is False, so section 5 already leaves them out and the two "
                       "figures agree.", page=PAGE)
    years = ", ".join(str(y) for y in changed.index) or "none"
    return Caption("*What to see:* leaving them out changes the case file's counts in {years}; its killings peak in "
                   "{peak} ({stated_peak_killings} each), and the ratio runs from one killing per {stated_low} death sentences ({low}) to one per "
                   "{stated_high} ({high}){one}.", page=PAGE, years=years, peak=" and ".join(map(str, c["case_peaks"])),
                   one=_counted_as_one(c, beside),
                   low=str(c["lowest_ratio_year"]), high=str(c["highest_ratio_year"]),
                   **claimed("stated", {k: found[k] for k in ("low", "high", "peak_killings")}))


def hedged(found: claims.Claim, rivalled: pd.DataFrame | None = None) -> Caption:
    """The lead-in to the table of `cadence.not_stated`; rivalled (`cadence.rivalled`): the killings stated
    plainly that another account says were none, named so that their doubt is not lost."""
    more = ""
    if rivalled is not None and len(rivalled):
        more = Raw(" (not among them, though stated plainly as events, and counted as killings above: "
                   + escape("; ".join(rivalled.title)) + ", which another account says was no killing)")
    return Caption("The {hedged_count} domestic arrests and killings that rest on an allegation or a disputed account"
                   "{more}:", page=PAGE, more=more, **claimed("hedged", {"count": found}))
