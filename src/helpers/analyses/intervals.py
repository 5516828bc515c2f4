"""The intervals between killings: how long each stretch without a killing lasted, with its doubt, and
what the data says of it (the part of `helpers.analyses.cadence` that report 01's section 3 uses;
`cadence` re-exports it).

- `dated_killings`, `gaps` and `runs` measure the intervals between the precisely dated killings, each
  standing at the midpoint of its dates (`evidence.midpoint`), with the shortest and longest each gap can
  be (`evidence.span_days`);
- `mass_killings` gives the mass killings dated only to a span, to draw as bands; `quiet_spells` calls a
  stretch quiet only when no mass killing falls in it, the case file gives an account of every year it
  touches, and the national series shows no mass killing in them (`evidence.coverage.stretch`);
- `rival_dates` and `run_breaks` say where another source's date moves an end of a gap or breaks a run;
  `disputed_dates` lists the killings another source dates otherwise;
- `gaps_sql`, `median_claim`, `days_claim` and `runs_claim` make the numbers the sentences quote claims
  whose SQL recomputes them on the export from the killings' first and last days.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core import dates
from ..core.checks import check, check_days
from ..data.vocabulary import violent_methods
from ..evidence import Dataset, claims, coverage
from ..evidence.operations import all_parts, parts_of, thing_sql, things_claim
from .counting import SCOPES, alternatives, in_window, killings

#: A killing enters the gaps only if its dates span at most this many days (a day or a month).
MAX_SPAN_DAYS = 31
#: Killings closer together than this many days form a run.
RUN_DAYS = 30
#: What `mass_killings` says of a mass killing no source puts a number on.
NO_FIGURE = "no figure given"

_EVENT_COLUMNS = ["event_id", "date", "type", "title", "scope", "certainty", "start", "end", "parts"]


# --- gaps between killings ---------------------------------------------------------------------

def dated_killings(kills: pd.DataFrame, max_span_days: int = MAX_SPAN_DAYS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The killings precise enough to measure gaps with, each at the midpoint of its dates; and the rest.

    A killing qualifies when its dates span at most `max_span_days` days (a day, or a month); it then stands at
    `mid`, the midpoint of its earliest and latest day (`evidence.midpoint`: the day halfway, rounded down). Sorted
    by mid, start and id. The mass killings dated only to a longer span are among the rest; `mass_killings` draws
    them as spans.
    """
    check("max_span_days", max_span_days, kind=int, minimum=1)
    span = (kills.end - kills.start).dt.days + 1
    dated = kills[span <= max_span_days].assign(mid=lambda d: evidence.midpoint(d.start, d.end))
    dated = dated.sort_values(["mid", "start", "event_id"]).reset_index(drop=True)
    cols = [c for c in _EVENT_COLUMNS if c in kills]
    too_vague = kills[span > max_span_days][cols].sort_values(["start", "event_id"]).reset_index(drop=True)
    return dated, too_vague


def gaps(dated: pd.DataFrame) -> pd.DataFrame:
    """The intervals between consecutive killings (from `dated_killings`), one row per neighbours.

    `after`/`before` name the earlier and the later killing; `start`/`end` are their midpoints; `days` the interval
    between the midpoints, and `min_days`/`max_days` the shortest and longest it can be given both killings' dates
    (never below 0). Killings on one day give 0 days.
    """
    prev, nxt = dated.iloc[:-1].reset_index(drop=True), dated.iloc[1:].reset_index(drop=True)
    shortest, longest = evidence.span_days(prev.start, prev.end, nxt.start, nxt.end)
    return pd.DataFrame({
        "after": prev.event_id, "after_date": prev.date,
        "before": nxt.event_id, "before_date": nxt.date,
        "start": prev.mid, "end": nxt.mid,
        "days": (nxt.mid - prev.mid) / pd.Timedelta(days=1),
        "min_days": shortest.clip(lower=0),
        "max_days": longest,
    })


def quiet_spells(gap_table: pd.DataFrame, n: int = 5, mass: pd.DataFrame | None = None,
                 years: pd.DataFrame | None = None) -> pd.DataFrame:
    """The n longest intervals between precisely dated killings, longest first (ties: the earlier first).

    mass: the spans of `mass_killings`. `during` names the mass killings whose span may overlap the interval
    (`evidence.overlaps`, from the earlier killing's point to the later's, bounds included), leaving out a mass
    killing that is itself one of the two killings. years: the coverage of `evidence.coverage.years`; with it,
    `silent` lists the years the interval touches that the case file gives no account of ('1926–1928'), and
    `death_sentences` the national death sentences of those years (of every year it touches when none is silent;
    `sentence_years` says which years have a figure). `quiet` is True only when no mass killing falls in the
    interval and, given `years`, every year it touches is told by the case file and none shows mass killing in
    the national series (`coverage.stretch`): a stretch the source skips is never called quiet.
    """
    check("n", n, kind=int, minimum=0)
    out = gap_table.copy()
    during, silent, sentences, sentence_years, calm = [], [], [], [], []
    for g in out.itertuples(index=False):
        names = []
        if mass is not None and len(mass):
            hit = evidence.overlaps(g.start, g.end, mass.start, mass.end)
            for m in mass[hit].itertuples(index=False):
                if not {g.after, g.before} & set(m.events.split(", ")):
                    names.append(m.name)
        during.append("; ".join(names))
        known = coverage.stretch(years, g.start.year, g.end.year) if years is not None else None
        silent.append(coverage.label(known["silent"]) if known else "")
        figured = [y for y in (known["silent"] or range(g.start.year, g.end.year + 1)) if y in known["figures"]] \
            if known else []
        sentence_years.append(coverage.label(figured))
        sentences.append(int(years.loc[figured, "death_sentences"].sum()) if figured else pd.NA)
        calm.append(known["quiet"] if known else True)
    out["during"] = pd.Series(during, index=out.index, dtype=object)
    out["silent"] = pd.Series(silent, index=out.index, dtype=object)
    out["death_sentences"] = pd.array(sentences, dtype="Int64")
    out["sentence_years"] = pd.Series(sentence_years, index=out.index, dtype=object)
    out["quiet"] = (out.during == "") & pd.Series(calm, index=out.index, dtype=bool)
    return out.sort_values(["days", "start"], ascending=[False, True]).head(n).reset_index(drop=True)


def runs(gap_table: pd.DataFrame, within_days: float = RUN_DAYS) -> pd.DataFrame:
    """Runs of killings each less than `within_days` after the one before (midpoint to midpoint).

    One row per run of two or more killings: first and last killing, their points, how many
    killings, how many days the run lasts, and the killings' ids in order. Sorted by start.
    """
    check("within_days", within_days, kind=int, minimum=1)
    rows, current = [], None
    for g in gap_table.itertuples(index=False):
        if g.days < within_days:
            if current is None:
                current = {"first": g.after, "start": g.start, "ids": [g.after]}
            current.update(last=g.before, end=g.end)
            current["ids"].append(g.before)
        elif current is not None:
            rows.append(current)
            current = None
    if current is not None:
        rows.append(current)
    out = pd.DataFrame([{
        "first": r["first"], "last": r["last"], "start": r["start"], "end": r["end"],
        "killings": len(r["ids"]), "days": (r["end"] - r["start"]) / pd.Timedelta(days=1),
        "events": ", ".join(r["ids"]),
    } for r in rows], columns=["first", "last", "start", "end", "killings", "days", "events"])
    return out.sort_values(["start", "first"]).reset_index(drop=True)


# --- mass killings dated to a span -------------------------------------------------------------

def mass_killings(ds: Dataset, first: pd.Timestamp | None = None, last: pd.Timestamp | None = None,
                  scope: str = "all") -> pd.DataFrame:
    """The mass killings, each as a span with its figures per source: one row per operation with a `shot` tally or a
    massacre event, and per massacre event outside any operation.

    Span: the hull of the killing events' dates (`killings` of the operation's events); when it has none, the period
    of its narrowest `shot` tally that is no part of another (a year's share of a two-year total would be narrower
    but is not the whole); `dated_by` says which. figures: the `shot` tallies that are not part of another (the
    operation's, or the event's), per source, as text — '681,692 (reference-facts); about 680,000 (case-file-0121)';
    for a massacre outside an operation also its own death toll. Kept when the span overlaps first–last and the
    scope matches. Columns: id, name, scope, start, end, dated_by, figures, figures_cover (the years the
    figures' tallies count over, '1918/1922', which may run past the span: the Red Terror's toll is that of
    1918-1922, its killings are dated September 1918), events (the killings' ids, with the parts of merged
    rows). Sorted by start and id.
    """
    check_days(first, last)
    check("scope", scope, choices=SCOPES)
    violent, ev, tallies, ops = (violent_methods(ds.descriptor), ds.events, ds.tables.get("tallies"),
                                 ds.tables.get("operations"))
    shot = tallies[tallies.counted == "shot"] if tallies is not None else None
    rows = []
    for op in ([] if ops is None else ops.itertuples(index=False)):
        own = ev[ev.operation_id == op.operation_id]
        kills = killings(own, violent)
        mine = (shot[(shot.operation_id == op.operation_id) | shot.event_id.isin(set(own.event_id))]
                if shot is not None else pd.DataFrame())
        if not len(mine) and not (own.type == "massacre").any():
            continue
        if len(kills):
            start, end, dated_by = kills.start.min(), kills.end.max(), "killings"
        else:
            tops = evidence.totals(mine)
            width = tops.period_latest - tops.period_earliest
            narrow = tops.assign(width=width).dropna(subset=["width"]).sort_values(["width", "tally_id"])
            if not len(narrow):
                continue
            start, end, dated_by = narrow.period_earliest.iloc[0], narrow.period_latest.iloc[0], "tally"
        rows.append({"id": op.operation_id, "name": op.name, "scope": op.scope, "start": start, "end": end,
                     "dated_by": dated_by, "figures": (evidence.figures_by_source(evidence.totals(mine), mine) if len(mine) else "") or NO_FIGURE,
                     "figures_cover": _years_of(mine), "events": ", ".join(sorted(kills.event_id))})
    alone = ev[(ev.type == "massacre") & ev.operation_id.isna() & ev.start.notna()]
    figure_cols = ["source_id", "low", "best", "high", "qualifier", "in_words"]
    for m in alone.itertuples(index=False):
        mine = evidence.totals(shot[shot.event_id == m.event_id]) if shot is not None else pd.DataFrame()
        told = [{"source_id": m.source_id, "low": m.deaths_low, "best": m.deaths_best, "high": m.deaths_high,
                 "qualifier": m.deaths_qualifier, "in_words": m.deaths_in_words}]
        told += [dict(zip(figure_cols, r)) for r in (mine[figure_cols].itertuples(index=False) if len(mine) else [])]
        told = pd.DataFrame(told, columns=figure_cols).astype({"low": "Int64", "best": "Int64", "high": "Int64"})
        rows.append({"id": m.event_id, "name": m.title, "scope": m.scope, "start": m.start, "end": m.end,
                     "dated_by": "killings", "figures": evidence.figures_by_source(told) or NO_FIGURE,
                     "figures_cover": _years_of(shot[shot.event_id == m.event_id] if shot is not None else None),
                     "events": m.event_id})
    out = pd.DataFrame(rows, columns=["id", "name", "scope", "start", "end", "dated_by", "figures", "figures_cover",
                                      "events"])
    out["start"], out["end"] = pd.to_datetime(out.start), pd.to_datetime(out.end)
    return out[in_window(out, scope, first, last)].sort_values(["start", "id"]).reset_index(drop=True)


def _years_of(tallies: pd.DataFrame | None) -> str:
    """The years the `tallies` count over, as an EDTF interval of years ('1936/1938'), '' when none is dated."""
    if tallies is None or not len(tallies):
        return ""
    lo, hi = tallies.period_earliest.min(), tallies.period_latest.max()
    if pd.isna(lo) or pd.isna(hi):
        return ""
    return str(lo.year) if lo.year == hi.year else f"{lo.year}/{hi.year}"


def disputed_dates(ds: Dataset, kills: pd.DataFrame) -> pd.DataFrame:
    """The killings among `kills` (with the parts of merged rows) whose date another source gives otherwise
    (`evidence.disagreements`): one row per rival date.

    Columns: event_id, recorded (the package's date), recorded_by, attested, attested_by, other_year (True when the
    rival date may fall in a year the recorded one cannot: it would move the killing in a count per year),
    attestation_id. Sorted by event and rival date.
    """
    cols = ["event_id", "recorded", "recorded_by", "attested", "attested_by", "other_year", "attestation_id"]
    ids = set(kills.event_id)
    if "parts" in kills:
        ids |= {p for parts in kills.parts.dropna() for p in str(parts).split(", ")}
    d = evidence.disagreements(ds)
    d = d[(d.target == "event") & (d.field == "date") & d.target_id.isin(ids)]
    bounds = ds.events.set_index("event_id")[["start", "end"]]
    other = []
    for r in d.itertuples(index=False):
        b = dates.parse(r.attested)
        lo, hi = bounds.loc[r.target_id, "start"].year, bounds.loc[r.target_id, "end"].year
        other.append(b.earliest.year < lo or b.latest.year > hi)
    out = d.rename(columns={"target_id": "event_id"}).assign(other_year=other)
    return out[cols].reset_index(drop=True)


# --- what the sentences quote ------------------------------------------------------------------

def interval_summary(gap_table: pd.DataFrame, spells: pd.DataFrame, mass: pd.DataFrame | None = None,
                     years: pd.DataFrame | None = None) -> dict:
    """What the intervals between killings come to: the `median` of `gaps` (days; NaN for none), the `held` spells
    of `spells` (a mass killing falls in them: not quiet), every `quiet` interval, longest first, and the
    `longest` interval whatever it holds (a one-row frame, with what `quiet_spells` says of it under `years`)."""
    every = quiet_spells(gap_table, n=len(gap_table), mass=mass, years=years)
    return {"median": gap_table.days.median(), "held": spells[spells.during != ""], "quiet": every[every.quiet],
            "longest": every.head(1)}


def longest_run(bursts: pd.DataFrame) -> pd.DataFrame:
    """The run of `runs` with the most killings (the earliest on a tie), as a one-row frame (empty for none)."""
    return bursts.sort_values(["killings", "start"], ascending=[False, True]).head(1)


def moved_killings(disputed: pd.DataFrame) -> list[str]:
    """The killings of `disputed_dates` that a rival date puts in another year, sorted by id."""
    return sorted(set(disputed.event_id[disputed.other_year]))


# --- where another source's date changes an interval or a run ----------------------------------

def doubted(ds: Dataset, ids) -> dict[str, str]:
    """Of the killings `ids`, those a measure between killings should not rest on silently, with why: a
    killing only alleged or disputed ('only alleged'), or stated but with an unofficial account that says
    it was none ('another account says no killing': Slutsky's heart failure). The others are left out."""
    ev = ds.events.set_index("event_id")
    denied = set(evidence.fates.no_killing_accounts(ds.accounts).event_id) if "accounts" in ds.tables else set()
    out = {}
    for i in dict.fromkeys(ids):
        if i not in ev.index:
            continue
        if ev.at[i, "certainty"] != "stated":
            out[i] = f"a killing only {ev.at[i, 'certainty']}"
        elif i in denied:
            out[i] = "another account says it was no killing"
    return out


def campaigns(ds: Dataset, ids) -> dict[str, str]:
    """Of the killings `ids`, the campaigns a gap should not read as a single day: a killing whose own `shot`
    tallies (those no part of another) count over years past its date, with why ('its toll is counted over
    1918–1922': the Red Terror stands at September 1918, its killings ran on through the Civil War)."""
    tallies = ds.tables.get("tallies")
    if tallies is None:
        return {}
    ev = ds.events.set_index("event_id")
    out = {}
    for i in dict.fromkeys(ids):
        mine = evidence.totals(tallies[(tallies.event_id == i) & (tallies.counted == "shot")])
        if i not in ev.index or not len(mine) or not (mine.period_latest.max() > ev.at[i, "end"]):
            continue
        out[i] = "its toll is counted over " + _years_of(mine).replace("/", "–")
    return out


def rival_dates(ds: Dataset, kills: pd.DataFrame, ids) -> str:
    """The dates other sources give the killings `ids` (rows of `kills`) otherwise, in words:
    'artur-artuzov-execution: 1937-08-21 (reference-facts)'; '' when none."""
    alt = alternatives(ds, kills)
    alt = alt[alt.event_id.isin(list(ids))]
    return "; ".join(f"{a.part}: {a.date} ({a.source_id})" for a in alt.itertuples(index=False))


def run_breaks(ds: Dataset, kills: pd.DataFrame, bursts: pd.DataFrame, max_span_days: int = MAX_SPAN_DAYS,
               within_days: int = RUN_DAYS) -> pd.DataFrame:
    """The other sources' dates that break a run of `runs`: for each killing of a run that another source
    dates otherwise (`counting.alternatives`), the runs are measured again with that date in place of the
    package's; the run is broken when no run then holds all its killings. One row per such date: first,
    last (the run), event_id, date, source_id (the rival date and its source), recorded_by (the source of
    the package's date)."""
    cols = ["first", "last", "event_id", "date", "source_id", "recorded_by"]
    alt = alternatives(ds, kills)
    own = ds.events.set_index("event_id").source_id
    rows = []
    for run in bursts.itertuples(index=False):
        members = set(run.events.split(", "))
        for a in alt[alt.event_id.isin(members)].itertuples(index=False):
            moved = kills.copy()
            moved.loc[moved.event_id == a.event_id, ["start", "end"]] = [a.start, a.end]
            dated, _ = dated_killings(moved, max_span_days)
            again = runs(gaps(dated), within_days)
            if not any(members <= set(r.split(", ")) for r in again.events):
                rows.append({"first": run.first, "last": run.last, "event_id": a.part, "date": a.date,
                             "source_id": a.source_id, "recorded_by": own.get(a.part, "")})
    return pd.DataFrame(rows, columns=cols)


# --- the numbers as claims ---------------------------------------------------------------------

def gaps_sql(dated: pd.DataFrame) -> str:
    """The SQL that rebuilds the killings of `dated_killings` on the export: `t` each killing's first and
    last day (a merged row: the hull of its parts), `m` its midpoint (rounded down to a day), `g` the days
    since the killing before (in the order of midpoint, start and id)."""
    listed = ", ".join("'" + i.replace("'", "''") + "'" for i in dict.fromkeys(all_parts(dated))) or "NULL"
    return (f"WITH t AS (SELECT {thing_sql(dated)} AS thing, MIN(julianday(date_start)) AS s, "
            f"MAX(julianday(date_end)) AS e FROM events WHERE event_id IN ({listed}) GROUP BY thing), "
            "m AS (SELECT thing, s, s + CAST((e - s) / 2 AS INTEGER) AS mid FROM t), "
            "g AS (SELECT thing, s, mid, mid - LAG(mid) OVER (ORDER BY mid, s, thing) AS days FROM m) ")


def _rule(dated: pd.DataFrame) -> str:
    return (f"the {len(dated)} killings dated to within a month, each at the midpoint of its first and last day "
            "(rounded down); the interval is the days from one midpoint to the next")


def median_claim(ds: Dataset, dated: pd.DataFrame, gap_table: pd.DataFrame) -> claims.Claim:
    """The median of the intervals between the killings of `dated` (their `gaps`), in days."""
    n = "(SELECT COUNT(days) FROM g)"
    sql = (gaps_sql(dated) + f"SELECT AVG(days) FROM (SELECT days FROM g WHERE days IS NOT NULL ORDER BY days "
           f"LIMIT 2 - {n} % 2 OFFSET ({n} - 1) / 2)")
    return claims.make(ds, float(gap_table.days.median()), "the median of " + _rule(dated), sql,
                       {"events": all_parts(dated)})


def days_claim(ds: Dataset, dated: pd.DataFrame, after: str, before: str) -> claims.Claim:
    """The days between the midpoints of two killings of `dated` (their ids), as `gaps` measures them."""
    two = dated[dated.event_id.isin([after, before])]
    mids = two.set_index("event_id").mid
    value = float((mids[before] - mids[after]) / pd.Timedelta(days=1))
    sql = (gaps_sql(dated) + "SELECT b.mid - a.mid FROM m a, m b WHERE a.thing = "
           f"'{after}' AND b.thing = '{before}'")
    return claims.make(ds, value, f"the days from {after} to {before}, " + _rule(dated), sql,
                       {"events": all_parts(two)}, {"after": after, "before": before})


def runs_claim(ds: Dataset, dated: pd.DataFrame, bursts: pd.DataFrame, within_days: int = RUN_DAYS) -> claims.Claim:
    """How many runs of `runs` the killings of `dated` form: stretches of killings each less than
    `within_days` after the one before."""
    sql = (gaps_sql(dated) + "SELECT COUNT(*) FROM (SELECT days, LAG(days) OVER (ORDER BY mid, s, thing) AS prev "
           f"FROM g) WHERE days < {within_days} AND (prev IS NULL OR prev >= {within_days})")
    in_runs = [p for ids in bursts.events for thing in ids.split(", ")
               for p in parts_of(dated.set_index("event_id").at[thing, "parts"] if "parts" in dated else thing)]
    return claims.make(ds, len(bursts), f"runs of killings each less than {within_days} days after the one before, "
                       "among " + _rule(dated), sql, {"events": in_runs}, {"within_days": within_days})


def run_claims(ds: Dataset, dated: pd.DataFrame, run: pd.Series) -> dict[str, claims.Claim]:
    """Of one run of `runs`: `killings` (how many, as a count of its things) and `days` (from its first
    killing's midpoint to its last's)."""
    members = dated[dated.event_id.isin(run["events"].split(", "))]
    return {"killings": things_claim(ds, members, f"the killings of the run from {run['first']} to {run['last']}, "
                                     "each less than a run's days after the one before"),
            "days": days_claim(ds, dated, run["first"], run["last"])}


def dated_claims(ds: Dataset, dated: pd.DataFrame, too_vague: pd.DataFrame) -> dict[str, claims.Claim]:
    """`dated` (the killings dated to within MAX_SPAN_DAYS days) and `vague` (the rest) as counts."""
    return {"dated": things_claim(ds, dated, f"killings whose dates span at most {MAX_SPAN_DAYS} days",
                                  {"max_span_days": MAX_SPAN_DAYS}),
            "vague": things_claim(ds, too_vague, f"killings whose dates span more than {MAX_SPAN_DAYS} days",
                                  {"max_span_days": MAX_SPAN_DAYS})}


def disputed_claims(ds: Dataset, kills: pd.DataFrame, disputed: pd.DataFrame, moved: list[str]) -> dict[str, claims.Claim]:
    """The killings another source dates otherwise (`killings`, resting on their attestations), the rival
    dates (`dates`), the killings of `kills` (`of`), and those a rival date moves into another year (`moved`)."""
    att = list(dict.fromkeys(disputed.attestation_id)) if "attestation_id" in disputed else []
    ids = sorted(set(disputed.event_id))
    return {"killings": claims.count(ds, "events", ids, rule="killings another source dates otherwise",
                                     also={"attestations": att}),
            "dates": claims.count(ds, "attestations", att, rule="the dates another source gives these killings "
                                  "otherwise than the package"),
            "of": things_claim(ds, kills, "the killings chosen, each thing once"),
            "moved": claims.count(ds, "events", moved, rule="killings a rival date may put in another year",
                                  also={"attestations": list(disputed.attestation_id[disputed.event_id.isin(moved)])}
                                  if "attestation_id" in disputed else None)}


def spell_claims(ds: Dataset, dated: pd.DataFrame, spell: pd.Series, years: pd.DataFrame | None = None,
                 name: str = "") -> dict[str, claims.Claim]:
    """Of one interval of `quiet_spells`: `days` (its length) and, given the coverage `years`, `sentences`
    (the national death sentences of its `sentence_years`)."""
    out = {"days": days_claim(ds, dated, spell["after"], spell["before"])}
    if years is not None and spell["sentence_years"]:
        years_ = [y for y in range(spell["start"].year, spell["end"].year + 1) if _in_label(y, spell["sentence_years"])]
        out["sentences"] = coverage.sentences_claim(ds, years_)
    return out


def _in_label(year: int, label: str) -> bool:
    for part in label.split(", "):
        lo, _, hi = part.partition("–")
        if int(lo) <= year <= int(hi or lo):
            return True
    return False


def with_breaks(bursts: pd.DataFrame, breaks: pd.DataFrame) -> pd.DataFrame:
    """The runs of `runs` with `broken_by`: the rival dates of `run_breaks` that break each ('' for none)."""
    said = breaks.assign(words=breaks.event_id + " " + breaks.date + " (" + breaks.source_id + ")")
    by_run = said.groupby(["first", "last"]).words.agg("; ".join)
    return bursts.assign(broken_by=[by_run.get((r["first"], r["last"]), "") for _, r in bursts.iterrows()])


def interval_claims(ds: Dataset, dated: pd.DataFrame, too_vague: pd.DataFrame, gap_table: pd.DataFrame,
                    spells: pd.DataFrame, years: pd.DataFrame | None = None, named: int = 3) -> dict:
    """The numbers of the sentence on intervals: `dated`, `vague` (`dated_claims`), `median` (with two or
    more killings), and `held`: the first `named` intervals of `spells` (longest first), each with its
    `spell_claims`, as (row, claims) pairs."""
    out: dict = dated_claims(ds, dated, too_vague)
    if len(gap_table):
        out["median"] = median_claim(ds, dated, gap_table)
    out["held"] = [(s, spell_claims(ds, dated, s, years)) for _, s in spells.head(named).iterrows()]
    return out
