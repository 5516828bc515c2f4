"""What the data package covers: row counts, events per year and type, the precision and
certainty of dates, people per side, events per section of the case file, and where the two
sources disagree. Used by `notebooks/00-data-overview.ipynb`; its figures are
`helpers.figures.overview` (and `figures.axes.spans`), its sentences `helpers.captions.overview`.
The functions at the end (`total_rows` ... `conflict_counts`) pick out of these frames the values the
sentences quote."""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core.checks import check
from ..data.attested import agreeing_inside, breaks
from ..data.validate import LOCATOR_JOIN
from ..data.vocabulary import event_groups
from ..evidence import Dataset, claims
from ..evidence.operations import RULE as COUNTING_RULE  # noqa: F401  (the rule report 00's caption states)
from ..evidence.operations import counted, things_claim
from .counting import band, certain_claim, possible_claim

LOCATOR_SECTION = r"^(?P<section>.+) ¶\d+$"


def row_counts(ds: Dataset) -> pd.DataFrame:
    """Rows per table with each table's title, in the package's order."""
    titles = {r["name"]: r.get("title", r["name"]) for r in ds.descriptor["resources"]}
    counts = ds.row_counts()
    return pd.DataFrame({"table": counts.index, "title": [titles[n] for n in counts.index],
                         "rows": counts.values}).set_index("table")


def events_per_year(ds: Dataset, first: int, last: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events per calendar year and type, counted by the rule report 01 counts by (`counted`, `COUNTING_RULE`:
    background left out, an operation's mass killing once, a group killing's named victims inside it), for
    events whose whole date span lies in one year: the same counts as report 01's per year under the exclude
    rule.

    Returns (counts: year × type, with every year from first to last), and the events left out because
    their span crosses a year boundary (never pushed onto a year; with their group, start and end, to draw
    as spans with `figures.axes.spans`, and `cut_by`, the death that ends an event of its subject before its
    dates would: Medved's arrest, dated up to 1941, ends at his execution in 1937), by start.
    """
    check("first", first, kind=int)
    check("last", last, kind=int, minimum=first)
    ev = things(ds)
    in_one_year = ev.start.dt.year == ev.end.dt.year
    placed = ev[in_one_year].assign(year=ev.start.dt.year)
    placed = placed[placed.year.between(first, last)]
    counts = pd.crosstab(placed.year, placed.type)
    counts = counts.reindex(range(first, last + 1), fill_value=0)
    order = [t for t in ds.vocabulary("events", "type") if t in counts.columns]
    counts = counts[order]
    counts.index.name, counts.columns.name = "year", "type"
    spanning = ev[~in_one_year].assign(group=ev.type.map(event_groups(ds.descriptor)))
    spanning = spanning[["event_id", "date", "type", "group", "title", "start", "end", "cut_by", "parts"]]
    return counts, spanning.sort_values(["start", "end", "event_id"]).reset_index(drop=True)


def things(ds: Dataset) -> pd.DataFrame:
    """Every event the charts count, each thing once (`evidence.operations.counted`), with its group."""
    ev = counted(ds.events[ds.events.start.notna() & ds.events.end.notna()], ds.roles)
    return ev.assign(group=ev.type.map(event_groups(ds.descriptor)))


def per_group(counts: pd.DataFrame, descriptor: dict) -> pd.DataFrame:
    """A year × type table of `events_per_year` summed into event groups (year × group, in the order
    of datapackage.json's groups; groups with no event left out)."""
    groups = event_groups(descriptor)
    out = counts.T.groupby(counts.columns.map(groups), sort=False).sum().T
    order = [g for g in dict.fromkeys(groups.values()) if g in out.columns]
    out = out[order]
    out.columns.name = "group"
    return out


def precision_mix(ds: Dataset) -> pd.DataFrame:
    """Events by the precision of their date (rows) and their certainty (columns), with totals."""
    table = pd.crosstab(ds.events.precision, ds.events.certainty, margins=True, margins_name="total")
    order = [p for p in ("day", "month", "season", "year", "interval") if p in table.index] + ["total"]
    cert = [c for c in ds.vocabulary("events", "certainty") if c in table.columns] + ["total"]
    return table.loc[order, cert]


def people_per_side(ds: Dataset) -> pd.Series:
    """People per side, largest first."""
    return ds.people.side.value_counts().rename_axis("side").rename("people").sort_values(ascending=False, kind="stable")


def coverage_by_section(ds: Dataset, source_id: str = "case-file-0121") -> pd.DataFrame:
    """For each section of the source, in its order: paragraphs, and the rows of each table citing
    it (a row citing several paragraphs of one section counts once there, and once in each other
    section it cites)."""
    check("source_id", source_id, choices=sorted(set(ds.sections.source_id)))
    sections = ds.sections[ds.sections.source_id == source_id].sort_values("order")
    out = sections[["section", "paragraphs"]].set_index("section")
    for name in ("events", "positions", "people", "aliases", "operations", "tallies", "accounts", "org_roles"):
        table = ds.tables[name]
        mine = table[table.source_id == source_id]
        parts = mine.locator.str.split(LOCATOR_JOIN).explode()
        cited = parts.str.extract(LOCATOR_SECTION)["section"].groupby(level=0).unique().explode()
        out[name] = cited.value_counts().reindex(out.index, fill_value=0)
    return out


def operations(ds: Dataset) -> pd.DataFrame:
    """Each operation with its dates, how many events are its parts, and its tallies per source
    ('shot: 21,857 (reference-facts); about 12,000 (case-file-0121)'). In date order."""
    ops = ds.operations.sort_values(["date_earliest", "operation_id"])
    parts = ds.events.operation_id.value_counts()
    t = tallies(ds)
    text = t.assign(line=t.counted.str.replace("_", " ") + ": " + t.figure + " (" + t.source_id + ")")
    figures = text.groupby("operation_id").line.agg("; ".join)
    return pd.DataFrame({"operation": ops.name.values, "date": ops.date.values, "scope": ops.scope.values,
                         "events": ops.operation_id.map(parts).fillna(0).astype(int).values,
                         "tallies": ops.operation_id.map(figures).fillna("").values},
                        index=pd.Index(ops.operation_id.values, name="operation_id"))


def tallies(ds: Dataset) -> pd.DataFrame:
    """Every tally with its figure as the source gives it (`evidence.figure`), by operation, period
    and what is counted. Columns: tally_id, operation_id, counted, subject, period, figure, part_of,
    source_id."""
    t = ds.tallies.sort_values(["operation_id", "period_earliest", "counted", "part_of", "tally_id"],
                               na_position="last")
    out = t[["tally_id", "operation_id", "counted", "subject", "period", "part_of", "source_id"]].copy()
    out.insert(5, "figure", [evidence.figure(*r) for r in zip(t.low, t.best, t.high, t.qualifier, t.in_words)])
    return out.reset_index(drop=True)


#: What a date of a person (an attestation's field on people.csv) is, in words.
PERSON_FIELDS = {"born": "Date of birth"}


def conflicts(ds: Dataset) -> pd.DataFrame:
    """Where the sources date an event, a tenure or a birth differently (`evidence.disagreements`), by person.

    Columns: person, what, recorded (the package's date; blank where its row gives none),
    recorded_by, reference (the date the other source gives), reference_by, note. Sorted by person,
    what and date.
    """
    d = evidence.disagreements(ds)
    subjects = ds.roles[ds.roles.role == "subject"].drop_duplicates("event_id").set_index("event_id").person_id
    events = ds.events.set_index("event_id")
    posts = ds.positions.set_index("position_id")
    is_event, is_person = d.target == "event", d.target == "person"
    person = d.target_id.map(subjects).where(is_event, d.target_id.map(posts.person_id)).where(~is_person, d.target_id)
    what = (d.target_id.map(events.title).where(is_event, d.target_id.map(posts.title) + " (" + d.field + ")")
            .where(~is_person, d.field.map(PERSON_FIELDS).fillna(d.field)))
    out = pd.DataFrame({"person": person.map(ds.people.set_index("person_id").name).fillna(""), "what": what,
                        "recorded": d.recorded.fillna(""), "recorded_by": d.recorded_by.fillna(""),
                        "reference": d.attested, "reference_by": d.attested_by, "note": d.note.fillna("")})
    return out.sort_values(["person", "what", "reference"]).reset_index(drop=True)


# --- what the sentences quote ------------------------------------------------------------------

def total_rows(counts: pd.DataFrame) -> int:
    """The rows of every table of `row_counts`."""
    return counts.rows.sum()


def year_summary(per_year: pd.DataFrame, grouped: pd.DataFrame) -> dict:
    """Of `events_per_year` and its `per_group`: the `events` placed on a year, the `busiest_year` (the
    first on a tie) with its `busiest_events`, and the `largest_group` (the first in the groups' order
    on a tie) with its `group_events`."""
    per = per_year.sum(axis=1)
    groups = grouped.sum().sort_values(ascending=False, kind="stable")
    return {"events": per_year.values.sum(), "busiest_year": per.idxmax(), "busiest_events": per.max(),
            "largest_group": groups.index[0], "group_events": groups.iloc[0]}


def year_window(first: int, last: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first day of year `first` and the last day of year `last`."""
    return pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last}-12-31")


def in_window(spanning: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events of `spanning` whose span touches first–last, and those wholly outside it."""
    inside = spanning[(spanning.end >= first) & (spanning.start <= last)]
    return inside, spanning[~spanning.event_id.isin(inside.event_id)]


def widest(spanning: pd.DataFrame) -> pd.Series:
    """The event of `spanning` with the widest span, with its `days` (both ends counted; the last id on a tie)
    and `tied`, the titles of every event of that width (itself included), by id: a tie is said, not hidden."""
    days = (spanning.end - spanning.start).dt.days + 1
    ranked = spanning.assign(days=days).sort_values(["days", "event_id"])
    out = ranked.iloc[-1].copy()
    out["tied"] = list(ranked.title[ranked.days == out.days])
    return out


def narrowed(ds: Dataset, event_ids) -> pd.DataFrame:
    """The days another source gives for the events `event_ids` that agree with the data's span and lie
    inside it (attestations of the field `date` with `agrees` true): what narrows a wide span without
    replacing it. One row per attestation: event_id, date, source_id; by event, then date."""
    att = ds.tables.get("attestations")
    cols = ["event_id", "date", "source_id"]
    if att is None or not len(att):
        return pd.DataFrame(columns=cols)
    bounds = ds.events[ds.events.event_id.isin(list(event_ids))].set_index("event_id")
    own = agreeing_inside(att, "event_id", "date", bounds.start, bounds.end)
    inside = own[(own.date_earliest > own.bound_earliest) | (own.date_latest < own.bound_latest)]  # strictly narrower
    return inside.sort_values(["event_id", "date_earliest"])[cols].reset_index(drop=True)


def precision_shares(mix: pd.DataFrame) -> dict:
    """Of `precision_mix`: the share of events dated to the day (`day_share`), all `events`, and those
    that rest on an allegation or a disputed account (`hedged`: all but the stated)."""
    return {"day_share": mix.loc["day", "total"] / mix.loc["total", "total"], "events": mix.loc["total", "total"],
            "hedged": mix.loc["total", "total"] - mix.loc["total", "stated"]}


def people_total(sides: pd.Series) -> int:
    """The people of `people_per_side`, every side together."""
    return sides.sum()


def uncovered(coverage: pd.DataFrame) -> list[str]:
    """The sections of `coverage_by_section` that no event cites yet, in the source's order."""
    return coverage.index[coverage.events == 0].tolist()


def operation_totals(ds: Dataset, ops: pd.DataFrame, tallies: pd.DataFrame) -> dict:
    """Of `operations` and `tallies`: the events that are parts of an operation (`grouped`) of all the
    `events`, the tallies per source (`by_source`, a dict) and those given for an operation."""
    return {"grouped": ops.events.sum(), "events": len(ds.events),
            "by_source": tallies.source_id.value_counts().to_dict(),
            "for_operations": tallies.operation_id.notna().sum()}


def conflict_counts(conflicts: pd.DataFrame) -> dict:
    """Of `conflicts`: the rival dates against a date the data records (`differ`), of them against the case
    file (`against_case_file`), and those that fill a date the data lacks (`fill`: no recorded date)."""
    fill = (conflicts.recorded == "").sum()
    return {"differ": len(conflicts) - fill, "against_case_file": (conflicts.recorded_by == "case-file-0121").sum(),
            "fill": fill}


# --- the numbers as claims ---------------------------------------------------------------------

def row_claims(ds: Dataset, counts: pd.DataFrame) -> dict[str, claims.Claim]:
    """`rows` (every row of every table: too many to list, its SQL sums each table's count) and `tables`."""
    sql = "SELECT " + " + ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in counts.index)
    return {"rows": claims.make(ds, int(counts.rows.sum()), "every row of every table of the package (the table below "
                                "gives them per table)", sql, {}),
            "tables": claims.make(ds, len(counts), "the tables of the package (datapackage.json's resources)",
                                  "SELECT COUNT(*) FROM about WHERE kind = 'data'", {})}


def year_things(ds: Dataset, first: int, last: int) -> pd.DataFrame:
    """The things of `things` whose dates touch the years first–last (what the chart per year counts and its
    band draws)."""
    lo, hi = year_window(first, last)
    ev = things(ds)
    return ev[(ev.end >= lo) & (ev.start <= hi)].reset_index(drop=True)


def year_band(ds: Dataset, first: int, last: int) -> pd.DataFrame:
    """Each year's count under the doubt of the dates (`counting.band`, by the year): certain, possible,
    expected, the Monte-Carlo band, and the share of draws each year is the busiest."""
    return band(ds, year_things(ds, first, last), "year", *year_window(first, last))


def year_claims(ds: Dataset, grouped: pd.DataFrame, spanning: pd.DataFrame, ranked: pd.DataFrame, first: int,
                last: int) -> dict[str, claims.Claim]:
    """The numbers of the chart per year: `events` (placed on one year of the window), `group` (of the largest
    group), `certain` and `possible` (of the year that may be busiest, `counting.ranking`), `spanning`."""
    ev = year_things(ds, first, last)
    one = ev[(ev.start.dt.year == ev.end.dt.year) & ev.start.dt.year.between(first, last)]
    top = grouped.sum().sort_values(ascending=False, kind="stable").index[0]
    out = {"events": things_claim(ds, one, f"events whose whole span of dates lies in one year from {first} to {last}, "
                                  f"each thing once: {COUNTING_RULE}"),
           "group": things_claim(ds, one[one.group == top], f"of these, the events of the group {top}"),
           "spanning": things_claim(ds, spanning, "events whose dates span more than one year")}
    if len(ranked):
        period = ranked.index[0]
        out["certain"] = certain_claim(ds, ev, period, "events")
        out["possible"] = possible_claim(ds, ev, period, "events")
    return out


def span_claims(ds: Dataset, inside: pd.DataFrame, outside: pd.DataFrame, wide: pd.Series) -> dict[str, claims.Claim]:
    """`inside`, `outside` (the spanning events in the window and wholly outside it) and `days` (of the widest)."""
    parts = wide.parts.split(", ") if "parts" in wide and isinstance(wide.parts, str) else [wide.event_id]
    listed = ", ".join(f"'{p}'" for p in parts)
    return {"inside": things_claim(ds, inside, "events dated only to a span of several years that touch the window"),
            "outside": things_claim(ds, outside, "events dated only to a span of several years wholly outside it"),
            "days": claims.make(ds, int(wide.days), "the days from the widest span's first day to its last, both counted",
                                "SELECT CAST(MAX(julianday(date_end)) - MIN(julianday(date_start)) + 1 AS INTEGER) "
                                f"FROM events WHERE event_id IN ({listed})", {"events": parts})}


def dated_to_the_day(ds: Dataset) -> claims.Claim:
    """The finding of report 00 (cell 11): the share of the events dated to a single day (their first and
    last possible day are one), of all the rows of events.csv. Pure: runs under every reading (under the
    reference's dates, an event it dates otherwise takes the hull of its dates)."""
    ev = ds.events[ds.events.start.notna()]
    day = ev[ev.start == ev.end]
    whole = claims.count(ds, "events", ev.event_id, rule="every event of events.csv")
    part = claims.count(ds, "events", day.event_id, rule="events whose first and last possible day are one")
    return claims.share(ds, part, whole, rule="events dated to a single day, out of every event")


def hedged_events(ds: Dataset) -> claims.Claim:
    """The events that rest on an allegation or a disputed account (certainty not `stated`), out of every
    event, as a share whose text reads 'N of M'."""
    ev = ds.events
    part = claims.count(ds, "events", ev.event_id[ev.certainty != "stated"],
                        rule="events whose certainty is alleged or disputed")
    whole = claims.count(ds, "events", ev.event_id, rule="every event of events.csv")
    share = claims.share(ds, part, whole, rule="events resting on an allegation or a disputed account, out of every event")
    return share.named("", "", text=f"{part.value} of {whole.value}")


def hedged_parts(ds: Dataset) -> claims.Claim:
    """The events stated plainly that still carry an alleged or disputed role or account (who did it, or
    how, rests on an allegation although the event itself does not): the doubt `hedged_events` leaves out."""
    ev = ds.events
    doubted = set(ds.roles.event_id[ds.roles.certainty != "stated"]) | set(
        ds.accounts.event_id[ds.accounts.certainty != "stated"])
    ids = ev.event_id[(ev.certainty == "stated") & ev.event_id.isin(doubted)]
    roles = ds.roles[ds.roles.event_id.isin(set(ids)) & (ds.roles.certainty != "stated")]
    accounts = ds.accounts[ds.accounts.event_id.isin(set(ids)) & (ds.accounts.certainty != "stated")]
    return claims.count(ds, "events", ids, rule="events whose own certainty is stated but that have a role or an "
                        "account whose certainty is alleged or disputed",
                        also={"roles": list(roles.event_id + claims.KEY_JOIN + roles.person_id + claims.KEY_JOIN
                                            + roles.role),
                              "accounts": list(accounts.account_id)})


def side_by_side(**tables: pd.DataFrame) -> pd.DataFrame:
    """Sensitivity tables (`readings.sensitivity`) of several findings as one: reading, reads, rule, then each
    finding's value and whether it changed, under its name."""
    out = None
    for name, t in tables.items():
        part = t.rename(columns={"value": name, "changed": f"{name} changed"})
        out = part if out is None else out.merge(part, on=[c for c in ("reading", "reads", "rule") if c in part])
    return out


def people_claims(ds: Dataset, sides: pd.Series) -> dict[str, claims.Claim]:
    """`side` (the people of the largest side) and `people` (every person)."""
    p = ds.people
    return {"side": claims.count(ds, "people", p.person_id[p.side == sides.index[0]],
                                 rule=f"people of the side {sides.index[0]}"),
            "people": claims.count(ds, "people", p.person_id, rule="every person of people.csv")}


def section_claims(ds: Dataset, source_id: str = "case-file-0121") -> dict[str, claims.Claim]:
    """`sections`: the sections of the source; `dated`: those whose heading dates an incident (all but the
    introduction, `coverage.section_years`)."""
    s = ds.sections[ds.sections.source_id == source_id]
    dated = s[s.section.str.contains(r"\((?:[^()]*\D)?\d{4}\)\s*$", regex=True)]
    return {"sections": claims.count(ds, "sections", s.source_id + claims.KEY_JOIN + s.section,
                                     rule=f"the sections of {source_id}"),
            "dated": claims.count(ds, "sections", dated.source_id + claims.KEY_JOIN + dated.section,
                                  rule=f"the sections of {source_id} whose heading ends with a date")}


def operation_claims(ds: Dataset) -> dict[str, claims.Claim]:
    """`operations`, `grouped` (events that are part of one), `events` (every event), `tallies`, the tallies
    of each source (`tallies-<source>`) and those given for an operation (`for_operations`)."""
    ev, t = ds.events, ds.tallies
    out = {"operations": claims.count(ds, "operations", ds.operations.operation_id, rule="every operation"),
           "grouped": claims.count(ds, "events", ev.event_id[ev.operation_id.notna()],
                                   rule="events that are part of an operation"),
           "events": claims.count(ds, "events", ev.event_id, rule="every event of events.csv"),
           "tallies": claims.count(ds, "tallies", t.tally_id, rule="every tally")}
    for source, own in t.groupby("source_id"):
        out[f"tallies-{source}"] = claims.count(ds, "tallies", own.tally_id, rule=f"the tallies {source} gives")
    out["for_operations"] = claims.count(ds, "tallies", t.tally_id[t.operation_id.notna()],
                                         rule="tallies given for an operation")
    return out


def conflict_claims(ds: Dataset) -> dict[str, claims.Claim]:
    """Of `evidence.disagreements`: `differ` (rival dates against a date the data records), `against` (of them
    against the case file's), `within` (against a date of the same source: its pages disagree), `fill` (dates that
    fill one the data lacks and contradict each other), and `breaks` with `breaks_names` (`_break_claims`)."""
    d = evidence.disagreements(ds)
    recorded = d.recorded.notna() & (d.recorded.astype(str) != "")
    return {"differ": claims.count(ds, "attestations", d.attestation_id[recorded],
                                   rule="dates another source gives otherwise than the row the package records"),
            "against": claims.count(ds, "attestations", d.attestation_id[recorded & (d.recorded_by == "case-file-0121")],
                                    rule="of these, those against a date of the case file"),
            "within": claims.count(ds, "attestations", d.attestation_id[recorded & (d.recorded_by == d.attested_by)],
                                   rule="of these, those against a date the data takes from the same source: one of "
                                        "its pages against another"),
            "fill": claims.count(ds, "attestations", d.attestation_id[~recorded],
                                 rule="dates that fill one the package lacks but contradict another such date"),
            **_break_claims(ds)}


def _break_claims(ds: Dataset) -> dict:
    """The dates `evidence.disagreements` sets aside as a break of a tenure told by one source (an interim and
    the return: `data.attested.breaks`) that differ from the package's: `breaks` (a claim) and `breaks_names`
    (the holders), so that the count of rival dates says what it leaves out."""
    a = ds.tables.get("attestations")
    if a is None or not len(a):
        return {}
    rows = a[a.attestation_id.isin(breaks(a)) & (a.agrees.astype("boolean") == False)]  # noqa: E712 (NA is no)
    holders = ds.positions.set_index("position_id").person_id.reindex(rows.position_id)
    names = sorted(set(ds.people.set_index("person_id").name.reindex(holders.dropna())))
    return {"breaks": claims.count(ds, "attestations", rows.attestation_id, rule="dates another source gives "
                                   "otherwise that tell of a break in a tenure (an interim and the return), not a "
                                   "rival date: set apart"), "breaks_names": names}
