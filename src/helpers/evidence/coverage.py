"""What each source covers: the years of the incidents the case file tells of (its dated section
headings) and the runs of years it is silent on, so that no report reads a stretch the source skips as
a quiet one. `years` is the one record of it (each year told / mentioned / silent, with the national
death sentences); `level_runs` gives the bands the charts of reports 00 and 01 shade, `silent_runs`
and `stretch` what a sentence may say of a stretch, `sentences_claim` its national death sentences as
a claim. (`source_gaps`, the older measure by the source's own events, is kept for its tests.)"""
from __future__ import annotations

import pandas as pd

from ..core.checks import check
from ..data.vocabulary import BACKGROUND
from . import claims

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


#: A year of the national series with at least this many death sentences shows mass killing: no
#: stretch holding such a year is called quiet, whatever the case file says (every year 1921-1953
#: has hundreds or more; 1930-1931 and 1937-1938 tens or hundreds of thousands).
MASS_KILLING_YEAR = 1_000
#: The national tally the coverage reads (convictions_by_year.count).
NATIONAL_TALLY = "mvd"
#: How a year stands in the case file: an account of its own, events mentioned in passing, or nothing.
TOLD, MENTIONED, SILENT = "told", "mentioned", "silent"


def section_years(sections: pd.DataFrame, source_id: str = CASE_FILE) -> list[int]:
    """The years the source's section headings date, sorted: the years it gives an account of
    ('The Capture of Boris Savinkov (1924)' -> 1924)."""
    own = sections[sections.source_id == source_id].section
    years = own.str.extract(r"\((?:[^()]*\D)?(\d{4})\)\s*$", expand=False).dropna().astype(int)
    return sorted(set(int(y) for y in years))


def years(ds, first: int, last: int, source_id: str = CASE_FILE, tally: str = NATIONAL_TALLY) -> pd.DataFrame:
    """What is known of each year from `first` to `last`, once for every report.

    Columns (indexed by year): `case_file` — TOLD when a section of the source is dated in the year,
    MENTIONED when no section is but the source dates events of its own inside it (background
    aside: in passing, within other accounts), SILENT otherwise; `own_events`, the number of those
    events; `background`, the number of its background events dated inside the year; `death_sentences` and `convicted`, the national series (missing outside 1921-1953);
    `partial` (the national figure covers part of the year only: 1953, its first half); and
    `mass_killing` (the national series shows at least MASS_KILLING_YEAR death sentences)."""
    check("first", first, kind=int)
    check("last", last, kind=int, minimum=first)
    told = set(section_years(ds.sections, source_id))
    ev = ds.events
    own = _own_events(ev, source_id)
    per_year = own.start.dt.year.value_counts()
    index = pd.RangeIndex(first, last + 1, name="year")
    out = pd.DataFrame(index=index)
    out["own_events"] = per_year.reindex(index, fill_value=0).astype(int)
    setting = ev[(ev.source_id == source_id) & ev.type.isin(BACKGROUND) & (ev.start.dt.year == ev.end.dt.year)]
    out["background"] = setting.start.dt.year.value_counts().reindex(index, fill_value=0).astype(int)
    out["case_file"] = [TOLD if y in told else MENTIONED if out.own_events[y] else SILENT for y in index]
    conv = ds.convictions_by_year
    nat = conv[conv["count"] == tally].set_index("year").reindex(index)
    out["death_sentences"] = nat.sentenced_to_death.astype("Int64")
    out["convicted"] = nat.convicted.astype("Int64")
    out["partial"] = nat.partial_year.fillna(False).astype(bool)
    out["mass_killing"] = (out.death_sentences >= MASS_KILLING_YEAR).fillna(False).astype(bool)
    return out


def silent_runs(table: pd.DataFrame) -> pd.DataFrame:
    """The runs of consecutive years of `years` that the source gives no account of (not TOLD):
    first, last, years, mentioned (how many of them it mentions events in), death_sentences (the
    national sum over the run, missing when a year has no figure), partial (a partial year is in it)."""
    rows, run = [], []
    for year, level in table.case_file.items():
        if level != TOLD:
            run.append(year)
            continue
        if run:
            rows.append(run)
        run = []
    if run:
        rows.append(run)
    out = []
    for r in rows:
        part = table.loc[r]
        deaths = part.death_sentences
        out.append({"first": r[0], "last": r[-1], "years": len(r), "mentioned": int((part.case_file == MENTIONED).sum()),
                    "death_sentences": int(deaths.sum()) if deaths.notna().all() else pd.NA,
                    "partial": bool(part.partial.any())})
    return pd.DataFrame(out, columns=["first", "last", "years", "mentioned", "death_sentences", "partial"])


#: How the shading of reports 00 and 01 names each level of coverage it shades (a TOLD year is not shaded).
LEVEL_WORDS = {MENTIONED: "no section of its own", SILENT: "silent"}
#: The words for a SILENT run in which the source dates background events only (the revolution of 1917,
#: the German invasion of 1941): silent on the organs, not on the year.
BACKGROUND_WORDS = "silent but for background events"


def level_runs(table: pd.DataFrame) -> pd.DataFrame:
    """The runs of consecutive years of `years` that share one level short of TOLD (MENTIONED or
    SILENT), earliest first: what the charts of reports 00 and 01 shade, one band per run, so that a
    stretch the source does not give an account of is never read as a quiet one. Columns: first, last,
    years, level, figure_years (the years of the run with a national figure, in words: '1921–1923',
    '1941–1947, 1949–1953'; '' for none), partial (a partial year of the series is in the run), background
    (the source dates background events in the run), events (the source's own events dated in the run)."""
    rows: list[dict] = []
    for year, level in table.case_file.items():
        if level == TOLD:
            continue
        if rows and rows[-1]["level"] == level and rows[-1]["last"] == year - 1:
            rows[-1]["last"] = year
        else:
            rows.append({"first": year, "last": year, "level": level})
    out = pd.DataFrame(rows, columns=["first", "last", "level"])
    out.insert(2, "years", (out["last"] - out["first"] + 1).astype(int))
    figured = [[y for y in range(r.first, r.last + 1) if pd.notna(table.at[y, "death_sentences"])]
               for r in out.itertuples(index=False)]
    out["figure_years"] = [label(f) for f in figured]
    out["partial"] = [bool(table.loc[r.first:r.last, "partial"].any()) for r in out.itertuples(index=False)]
    out["background"] = [bool(table.loc[r.first:r.last, "background"].sum()) if "background" in table else False
                         for r in out.itertuples(index=False)]
    out["events"] = [int(table.loc[r.first:r.last, "own_events"].sum()) if "own_events" in table else 0
                     for r in out.itertuples(index=False)]
    return out


def level_words(run) -> str:
    """A `level_runs` row's level in words: LEVEL_WORDS, or BACKGROUND_WORDS for a silent run in which the
    source dates background events; a run the source mentions has no section of its own (the events it
    dates there within other sections are counted by `runs_claims`: the introduction tells of 1918 in some
    detail, which 'mentioned in passing' understated)."""
    if run.level == SILENT:
        return BACKGROUND_WORDS if getattr(run, "background", False) else LEVEL_WORDS[SILENT]
    words = LEVEL_WORDS[run.level]
    return words.replace("of its own", "of their own") if getattr(run, "years", 1) > 1 else words


def stretch(table: pd.DataFrame, first: int, last: int) -> dict:
    """What `years` says of the years `first` to `last` (those of them in the table): `silent`, the
    years the source gives no account of (not TOLD); `figures`, the years with a national figure;
    `death_sentences`, their sum (0 when none has a figure); `partial`, the partial years among them;
    `mass_killing`, whether any shows mass killing; and `quiet`, True only when every year is TOLD and
    none shows mass killing (the one test of a quiet stretch)."""
    part = table.loc[[y for y in range(first, last + 1) if y in table.index]]
    figures = [int(y) for y in part.index[part.death_sentences.notna()]]
    return {"silent": [int(y) for y in part.index[part.case_file != TOLD]], "figures": figures,
            "death_sentences": int(part.death_sentences.fillna(0).sum()),
            "partial": [int(y) for y in part.index[part.partial]], "mass_killing": bool(part.mass_killing.any()),
            "quiet": bool(len(part)) and bool((part.case_file == TOLD).all()) and not bool(part.mass_killing.any())}


def sentences_claim(ds, years: list[int], tally: str = NATIONAL_TALLY) -> claims.Claim:
    """The national death sentences of `years` (those with a figure) as a claim on the rows of
    convictions_by_year, its SQL the sum of those rows."""
    years = sorted(int(y) for y in years)
    conv = ds.convictions_by_year
    rows = conv[(conv["count"] == tally) & conv.year.isin(years) & conv.sentenced_to_death.notna()]
    value = int(rows.sentenced_to_death.sum())
    listed = ", ".join(str(y) for y in rows.year)
    sql = (f"SELECT SUM(sentenced_to_death) FROM convictions_by_year WHERE count = '{tally}' "
           f"AND year IN ({listed or 'NULL'}) AND sentenced_to_death IS NOT NULL")
    partial = rows.year[rows.partial_year.fillna(False).astype(bool)].tolist()
    rule = (f"the national death sentences (`{tally}` tally of convictions_by_year) summed over {listed or 'no year'}"
            + (f"; {', '.join(map(str, partial))} covers part of the year only" if partial else ""))
    return claims.make(ds, value, rule, sql, {"convictions_by_year": [f"{y}{claims.KEY_JOIN}{tally}" for y in rows.year]},
                       {"tally": tally, "years": listed})


def runs_claims(ds, table: pd.DataFrame, runs: pd.DataFrame, tally: str = NATIONAL_TALLY) -> dict[str, claims.Claim]:
    """For each run of `level_runs` (of the coverage `table`) whose years have national figures: the death
    sentences of those years (`sentences_claim`), named `sentences-<first>-<last>` after the run; for each
    run the case file mentions, its own events dated there (`events-<first>-<last>`); for each run in
    which another source dates events (background aside), those (`others-<first>-<last>`): the chart draws
    them, so a year the case file is silent on is not empty (the reference's 9 events of 1941)."""
    out = {}
    own = _own_events(ds.events, CASE_FILE)
    others = _single_year(ds.events)
    others = others[others.source_id != CASE_FILE]
    for r in runs.itertuples(index=False):
        years = [y for y in range(r.first, r.last + 1) if y in table.index and pd.notna(table.at[y, "death_sentences"])]
        if years:
            out[f"sentences-{r.first}-{r.last}"] = sentences_claim(ds, years, tally)
        mine = own[own.start.dt.year.between(r.first, r.last)]
        if r.level == MENTIONED and len(mine):
            out[f"events-{r.first}-{r.last}"] = claims.count(
                ds, "events", mine.event_id, f"the case file's own events (background aside) dated within one year "
                f"of {r.first}–{r.last}, years no section of it is about")
        theirs = others[others.start.dt.year.between(r.first, r.last)]
        if len(theirs):
            out[f"others-{r.first}-{r.last}"] = claims.count(
                ds, "events", theirs.event_id, f"events another source gives (background aside) dated within one year "
                f"of {r.first}–{r.last}, years no section of the case file is about")
    return out


def _single_year(events: pd.DataFrame) -> pd.DataFrame:
    """Events dated within one year, background aside: what a year of the coverage counts."""
    return events[~events.type.isin(BACKGROUND) & (events.start.dt.year == events.end.dt.year)]


def _own_events(events: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """The source's own events dated within one year, background aside: what makes a year MENTIONED."""
    one = _single_year(events)
    return one[one.source_id == source_id]


def label(years) -> str:
    """Years in words, each run of consecutive years as first–last: '1921–1923', '1941–1947, 1949–1953',
    '1935'; '' for none."""
    years = sorted(int(y) for y in years)
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][-1] == y - 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
