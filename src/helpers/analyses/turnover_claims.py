"""The numbers the leadership-turnover report (notebooks/02-leadership-turnover.ipynb) states, each
a claim (`helpers.evidence.claims`): the value, the rows it rests on, the rule and a query that gives it
back on the SQLite export. The frames they count are `helpers.analyses.turnover`'s; the falls' and the
purges' claims are `helpers.analyses.falls`'s, which take the span and count helpers from here.

- a span between two dated ends (`span_claim`): each end is (table, ids, field), a position's own
  start or end, an event's date or attestations' dates (their hull), as `turnover.end_bounds` reads it;
- who held the posts (`held`) and the finding of that section, how many of them were later shot or
  killed (`shot_or_killed`: an interval from the plain to the plain and the doubtful, `killing_doubt`);
- each tenure's length under each reading (`length_claims`) and the longest (`longest`): on the case
  file's own dates alone, with the gaps a second source fills, and on each source's dates;
- how the tenures ended, the busiest post-year, the posts whose holders were mostly shot, and where the
  sources date a tenure differently.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core.names import in_prose
from ..evidence import Dataset, claims
from ..evidence.claims import CASE_FILE, Claim, Interval
from .turnover import (FORCED_ENDS, KEY, KILLING_MANNERS, NO_FATE, NO_KILLING_MANNERS, PACKAGE, SHOT_OR_KILLED,
                       dated_span, days_text, end_bounds, killing_doubt, listed, reading_label, tenure_readings)
from .turnover import tenures as tenures_of

LENGTH_RULE = ("A tenure's length in days as bounds: from its latest possible start to its earliest possible end "
               "(at least 0), and from its earliest start to its latest end")
SHOT_RULE = ("Holders of the posts shown, shot or killed: plainly when their fate (Dataset.fates) is an execution, an "
             "assassination or a killing a source states; on doubt when a killing is among the claims about their death "
             "only alleged or disputed (another manner stated, or the killing itself alleged or disputed)")


# --- spans and counts ----------------------------------------------------------------------------

def _end_sql(end: tuple, side: str) -> str:
    """SQL for the first ('start') or last ('end') day a dated end (table, ids, field) allows."""
    table, ids, field = end
    agg = "MIN" if side == "start" else "MAX"
    return f'(SELECT {agg}("{field}_{side}") FROM "{table}" WHERE "{KEY[table]}" IN {listed(ids)})'


def span_sql(first: tuple, last: tuple, clip: bool = False) -> tuple[str, str]:
    """SQL for the shortest and the longest number of days from one dated end to another."""
    low = f"CAST(julianday({_end_sql(last, 'start')}) - julianday({_end_sql(first, 'end')}) AS INTEGER)"
    high = f"CAST(julianday({_end_sql(last, 'end')}) - julianday({_end_sql(first, 'start')}) AS INTEGER)"
    return (f"MAX(0, {low})" if clip else low), high


def rows_of(*ends: tuple) -> dict[str, list[str]]:
    """The rows of several dated ends, per table."""
    rows: dict[str, list[str]] = {}
    for table, ids, _ in ends:
        rows.setdefault(table, []).extend(ids)
    return rows


def span_claim(ds: Dataset, first: tuple, last: tuple, rule: str, clip: bool = False, parameters=None) -> Claim:
    """The days from one dated end to another (`end_bounds`) as an Interval (`evidence.span_days`; the
    shortest at least 0 with `clip`, as a tenure's), resting on the rows of both ends; its text '8 days',
    '81 to 110 days'."""
    a0, a1 = end_bounds(ds, first)
    b0, b1 = end_bounds(ds, last)
    lo, hi = evidence.span_days(a0, a1, b0, b1)
    lo = max(lo, 0) if clip else lo
    low, high = span_sql(first, last, clip)
    return claims.make(ds, Interval(int(lo), int(hi)), rule, f"SELECT {low} AS low, {high} AS high",
                       rows_of(first, last), parameters, text=days_text(int(lo), int(hi)))


def count_of(ds: Dataset, table: str, ids, rule: str, also: dict | None = None) -> Claim:
    """`claims.count`, its `also` rows left out where empty."""
    return claims.count(ds, table, list(ids), rule=rule, also={k: list(v) for k, v in (also or {}).items() if len(v)})


def posts_claim(ds: Dataset, position_ids, rule: str = "The posts of the tenures shown") -> Claim:
    """How many posts the tenures `position_ids` are of."""
    ids = list(position_ids)
    n = ds.positions[ds.positions.position_id.isin(ids)].post.nunique()
    return claims.make(ds, n, rule, f"SELECT COUNT(DISTINCT post) FROM positions WHERE position_id IN {listed(ids)}",
                       {"positions": ids})


# --- who held each post, and who of them was shot or killed ---------------------------------------

def _killing_sql(f: str = "") -> tuple[str, str]:
    """SQL conditions on the `fates` table (alias `f`): plainly shot or killed, and that or on doubt."""
    p = f"{f}." if f else ""
    rival = " OR ".join(f"{p}manners LIKE '%{m} ({c})%'" for m in NO_KILLING_MANNERS
                        for c in ("stated", "alleged", "disputed"))  # '(stated, official)' does not match
    plain = f"({p}fate IN {listed(SHOT_OR_KILLED)} AND {p}certainty = 'stated' AND NOT ({rival}))"
    maybe = " OR ".join(f"{p}manners LIKE '%{m} (%'" for m in KILLING_MANNERS)
    return plain, f"({plain} OR {maybe})"


def shot_or_killed_of(ds: Dataset, t: pd.DataFrame, parameters=None) -> Claim:
    """How many holders of the tenures `t` were later shot or killed, as an Interval: from those who
    plainly were to those and the ones on doubt (`killing_doubt`). Rests on their fates and tenures; its
    text gives the whole too ('between 17 and 19 of 27'), so that a reading with fewer holders shows it."""
    people = list(dict.fromkeys(t.person_id))
    fates = ds.fates()
    fates = fates[fates.person_id.isin(people)]
    plain, doubt = killing_doubt(fates.fate, fates.certainty, fates.manners)
    counted = list(fates.person_id[plain | doubt])
    low, high = int(plain.sum()), int((plain | doubt).sum())
    sql_plain, sql_maybe = _killing_sql()
    sql = (f"SELECT COALESCE(SUM({sql_plain}), 0) AS low, COALESCE(SUM({sql_maybe}), 0) AS high FROM fates "
           f"WHERE person_id IN {listed(people)}")
    text = (str(low) if low == high else f"between {low} and {high}") + f" of {len(people)}"
    return claims.make(ds, Interval(low, high), SHOT_RULE, sql,
                       {"fates": counted, "positions": list(t.position_id[t.person_id.isin(counted)])}, parameters, text)


def shot_or_killed(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True) -> Claim:
    """The finding of "Who held each post": how many of the holders of the posts in the window were
    later shot or killed, plainly and on doubt (`shot_or_killed_of`). Pure: a Dataset in, a Claim out."""
    t = tenures_of(ds, list(posts), start, end, include_acting=include_acting)
    return shot_or_killed_of(ds, t, {"posts": list(posts), "start": start, "end": end, "include_acting": include_acting})


def held(ds: Dataset, tenures: pd.DataFrame, undated: pd.DataFrame) -> dict:
    """What the sentence on who held the posts states, as claims: `tenures`, `posts`, `holders` (people),
    `plainly` and `on_doubt` (fates: shot or killed plainly, and on an alleged or disputed account only,
    `killing_doubt`), `undated` (tenures with no date: not drawn); and `doubtful`, the fates of those on
    doubt (name, fate, manners), `undated_rows`, to name them, and `left_open` (`_left_open`)."""
    ids = list(tenures.position_id)
    fates = ds.fates()
    fates = fates[fates.person_id.isin(set(tenures.person_id))]
    plain, doubt = killing_doubt(fates.fate, fates.certainty, fates.manners)
    chose = lambda who: list(tenures.position_id[tenures.person_id.isin(who)])  # noqa: E731
    return {"tenures": count_of(ds, "positions", ids, "The tenures of the posts shown whose dates may touch the window"),
            "posts": posts_claim(ds, ids),
            "holders": count_of(ds, "people", dict.fromkeys(tenures.person_id), "The people who held the tenures shown",
                                {"positions": ids}),
            "plainly": count_of(ds, "fates", fates.person_id[plain], SHOT_RULE.split(":")[0] + ", plainly",
                                {"positions": chose(fates.person_id[plain])}),
            "on_doubt": count_of(ds, "fates", fates.person_id[doubt], SHOT_RULE.split(":")[0] + ", on doubt only",
                                 {"positions": chose(fates.person_id[doubt])}),
            "undated": count_of(ds, "positions", undated.position_id, "Tenures of these posts with no date at all"),
            "doubtful": fates[doubt].sort_values("name"), "undated_rows": undated,
            "left_open": _left_open(ds, fates[~plain & ~doubt]),
            **_not_the_purge(ds, fates[plain | doubt], set(fates.person_id[plain])),
            **_no_manner(ds, fates[~plain & ~doubt])}


def _no_manner(ds: Dataset, rest: pd.DataFrame) -> dict:
    """Of the holders not shot or killed, those whose death no source gives a manner for (fate `died`), with
    the year: `no_manner` (a claim) and `no_manner_rows` ((name, date) by date), so that a reader weighs Messing's
    death in September 1937 beside Sudoplatov's in 1996 without the report deciding either."""
    rows = rest[rest.fate == "died"].sort_values(["start", "name"])
    return {"no_manner": count_of(ds, "fates", rows.person_id, "Holders not shot or killed whose death no source "
                                  "gives a manner for (fate died)"),
            "no_manner_rows": list(zip(rows.name, rows.date))}


def _not_the_purge(ds: Dataset, killed: pd.DataFrame, plain: set = frozenset()) -> dict:
    """Of the holders shot or killed (plainly or on doubt), those a reader of a purge report should see apart:
    `by_others` (no Soviet hand: by_state 'no', Uritsky by an SR in 1918), `hand_disputed` (of the `plain`
    killings, those whose hand, the state's or another's, the sources dispute: Lyushkov, the Japanese or the
    NKVD) and `later` (the state's, after the case file's account ends: the executions of 1953), each a claim
    with its `*_names` (by date)."""
    killed = killed.sort_values(["start", "name"])
    others = killed[killed.by_state == "no"]
    disputed = killed[(killed.by_state == "disputed") & killed.person_id.isin(plain)]  # the doubtful are named already
    later = killed[(killed.by_state != "no") & (killed.start > evidence.eras.coverage_end(ds))]
    return {"by_others": count_of(ds, "fates", others.person_id, "Holders shot or killed with no Soviet hand "
                                  "(by_state no)"),
            "by_others_names": list(others.name),
            "hand_disputed": count_of(ds, "fates", disputed.person_id, "Holders shot or killed by a hand the sources "
                                      "dispute: the state's only on doubt (by_state disputed)"),
            "hand_disputed_names": list(disputed.name),
            "later": count_of(ds, "fates", later.person_id, "Holders shot or killed by the state, or on doubt, "
                              "after the case file's account ends"),
            "later_names": list(later.name), "account_ends": evidence.eras.coverage_end(ds)}


#: Fates that leave a killing open: a death sentence whose execution no source records. (A death whose
#: manner no source gives is not among them: it may as well be old age, as Sudoplatov's in 1996.)
OPEN_FATES = {"sentenced_to_death": "sentenced to death, no execution recorded"}


def _left_open(ds: Dataset, fates: pd.DataFrame) -> dict:
    """Of the holders not counted as shot or killed, those whose end leaves a killing open (OPEN_FATES):
    `count` (a claim on their fates) and `rows` (name and the words of their fate), so that a gap in the
    sources is said, not read as 'not killed' (Kazakov, sentenced to death in the trial of March 1938)."""
    rows = fates[fates.fate.isin(OPEN_FATES)].sort_values("name")
    return {"count": count_of(ds, "fates", rows.person_id, "Holders not counted as shot or killed whose end leaves "
                              "it open: sentenced to death with no execution recorded"),
            "rows": list(zip(rows.name, rows.fate.map(OPEN_FATES)))}


# --- lengths -------------------------------------------------------------------------------------

def length_claim(ds: Dataset, r, rule: str = LENGTH_RULE) -> tuple[Claim | None, str]:
    """A tenure's length under one reading (a row of `tenure_readings`) as a claim, and what a mixed one
    takes from the reference ('the reference's start'); (None, '') when the reading bounds it on one
    side only."""
    if r.start_rows is None or r.end_rows is None or pd.isna(r.longest_days):
        return None, ""
    claim = span_claim(ds, r.start_rows, r.end_rows, f"{rule}; {reading_label(r)}", clip=True)
    from_reference = [f for f in ("start", "end") if getattr(r, f"{f}_rows")[0] == "attestations"]
    mixed = len(claim.sources) > 1 and from_reference
    return claim, (f"the reference's {' and '.join(from_reference)}" if mixed else "")


def length_claims(ds: Dataset, tenures: pd.DataFrame) -> dict[str, list[tuple[str, Claim | None, str]]]:
    """Each tenure's length under each reading of `tenure_readings`, as claims: position_id -> [(reading,
    claim or None, what a mixed one takes from the reference), ...], the package's reading first."""
    out: dict[str, list] = {}
    for r in tenure_readings(ds, tenures).itertuples():
        out.setdefault(r.position_id, []).append((r.reading, *length_claim(ds, r)))
    return out


def _rank_claim(ds: Dataset, view: pd.DataFrame, name: str, rule: str) -> Claim:
    """The holder of the longest tenure among `view` (rows of `tenure_readings`, both ends bounded) as a
    claim whose query ranks the same rows: the greatest shortest length, then the greatest longest,
    then the position_id."""
    parts = []
    for r in view.itertuples():
        low, high = span_sql(r.start_rows, r.end_rows, clip=True)
        parts.append(f"SELECT '{r.position_id}' AS position_id, {low} AS lo, {high} AS hi")
    sql = (f"SELECT name FROM ({' UNION ALL '.join(parts)}) b JOIN positions USING (position_id) "
           "JOIN people USING (person_id) ORDER BY lo DESC, hi DESC, position_id LIMIT 1")
    return claims.make(ds, name, rule, sql, rows_of(*view.start_rows, *view.end_rows))


def longest(ds: Dataset, tenures: pd.DataFrame) -> list[dict]:
    """The longest tenure bounded on both sides (the greatest shortest length; ties to the greater
    longest, then the position_id), under each reading: `case file` (the case file's own dates alone:
    its tenures with a start and an end it gives), `package` (gaps filled from a second source, as the
    tables show) and each other source (its dates where it gives them, the package's elsewhere). One
    dict per reading with a tenure to rank: reading, position_id, name, post_label, holder (a claim
    whose value is the name), length (a claim), from_reference (what a mixed length takes from it)."""
    every = tenure_readings(ds, tenures)
    every = every[every.longest_days.notna() & every.start_rows.notna() & every.end_rows.notna()]
    package = every[every.reading == PACKAGE]
    own = package[(package.source == CASE_FILE) & package.start_rows.map(lambda e: e[0] == "positions")
                  & package.end_rows.map(lambda e: e[0] == "positions")]
    views = [(CASE_FILE, own), (PACKAGE, package)]
    for src in sorted(set(every.reading) - {PACKAGE}):
        mine = every[every.reading == src]
        views.append((src, pd.concat([mine, package[~package.position_id.isin(set(mine.position_id))]])))
    info = tenures.drop_duplicates("position_id").set_index("position_id")
    out = []
    for reading, view in views:
        if view.empty:
            continue
        best = view.sort_values(["shortest_days", "longest_days", "position_id"], ascending=[False, False, True]).iloc[0]
        rule = f"The longest tenure bounded on both sides among those shown, under the reading '{reading}'"
        length, note = length_claim(ds, best)
        out.append({"reading": reading, "position_id": best.position_id, "name": info.at[best.position_id, "name"],
                    "post_label": info.at[best.position_id, "post_label"], "length": length, "from_reference": note,
                    "holder": _rank_claim(ds, view, info.at[best.position_id, "name"], rule)})
    return out


def length_notes(ds: Dataset, tenures: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, Claim]]:
    """The tenures a reader of the lengths is told of, each (frame in the order of `tenures`, count
    claim): `differs` (a second source's dates give another length), `contested` (a gap filled with
    rival dates: the hull is used), `one_sided` (no upper bound: a start or an end is missing) and
    `running` (no end, still in post at the end of the data: given as ≥ its shortest length); and
    `all`, the count of the tenures."""
    att = ds.attestations[ds.attestations.position_id.isin(set(tenures.position_id))]
    frames = {"differs": tenures[tenures.differs], "contested": tenures[tenures.contested],
              "one_sided": tenures[tenures.longest_days.isna()],
              "running": tenures[tenures.open_end & (tenures.end_reason == "ongoing")]}
    rules = {"differs": "Tenures a second source's dates give another length", "one_sided": "Tenures lacking a start or an end",
             "contested": "Tenures whose missing start or end two pages of a second source fill with rival dates",
             "running": "Tenures with no end, still running at the end of the data"}
    out = {}
    for key, frame in frames.items():
        also = att[att.position_id.isin(frame.position_id) & (att.agrees.isna() if key == "contested" else True)]
        out[key] = (frame, count_of(ds, "positions", frame.position_id, rules[key],
                                    {"attestations": also.attestation_id} if key in ("differs", "contested") else None))
    out["all"] = (tenures, count_of(ds, "positions", tenures.position_id, "The tenures shown"))
    return out


# --- how the tenures ended, turnover, the share shot ----------------------------------------------

def ending_claims(ds: Dataset, tenures: pd.DataFrame) -> dict[str, Claim]:
    """How the tenures shown ended (`end_reason`), as claims: `forced` (FORCED_ENDS: an arrest, a
    demotion, a dismissal, the holder's killing), `died` (in office), `acting` (tenures of acting
    holders) and `all`."""
    t = tenures
    acting = t.acting.fillna(False).astype(bool)
    return {"forced": count_of(ds, "positions", t.position_id[t.end_reason.isin(FORCED_ENDS)],
                               "Tenures that ended in an arrest, a demotion, a dismissal or the holder's killing"),
            "died": count_of(ds, "positions", t.position_id[t.end_reason == "died"],
                             "Tenures that ended with the holder's death in office"),
            "acting": count_of(ds, "positions", t.position_id[acting], "Tenures of acting holders"),
            "all": count_of(ds, "positions", t.position_id, "The tenures shown")}


def busiest(ds: Dataset, tenures: pd.DataFrame, per_year: pd.DataFrame, coverage: pd.Timestamp) -> dict:
    """The busiest post-year of `turnover.holders_per_year` (the first greatest, posts in their order):
    `post` (its label), `year`, and `holders`, a claim over the people whose tenure of that post has a
    dated span (`turnover.dated_span`) that may touch that year."""
    label, year = per_year.stack().idxmax()
    t = tenures[tenures.dated & (tenures.post_label == label)]
    lo, hi = dated_span(t, coverage)
    t = t[(lo.dt.year <= year) & (hi.dt.year >= year)]
    rule = f"Distinct holders of the post whose tenure's dates may touch {year} (the busiest post-year)"
    return {"post": label, "year": int(year),
            "holders": count_of(ds, "people", dict.fromkeys(t.person_id), rule, {"positions": t.position_id})}


def share_claims(ds: Dataset, tenures: pd.DataFrame, rates: pd.DataFrame) -> dict:
    """What the sentence on the share shot states: `half_or_more`, an Interval from the posts half or
    more of whose holders were shot or killed plainly to those where half or more were, counting those
    on doubt (`turnover.turnover`' columns); `posts` (all of them); `single_holder` (of the posts half shot, counting
    the doubtful, those with one holder in the data); and the frames `every` (the posts every
    holder of which plainly was, more than one holder) and `unknown` (the tenures of holders whose end the
    data does not record: they count as not shot)."""
    ids = list(tenures.position_id)
    low = int((2 * rates.shot_or_killed >= rates.holders).sum())
    high = int((2 * (rates.shot_or_killed + rates.more_on_doubt) >= rates.holders).sum())
    plain, maybe = _killing_sql("f")
    sql = ("SELECT COALESCE(SUM(2 * plain >= holders), 0) AS low, COALESCE(SUM(2 * maybe >= holders), 0) AS high FROM ("
           f"SELECT p.post, COUNT(DISTINCT p.person_id) AS holders, COUNT(DISTINCT CASE WHEN {plain} THEN p.person_id END) "
           f"AS plain, COUNT(DISTINCT CASE WHEN {maybe} THEN p.person_id END) AS maybe FROM positions p LEFT JOIN fates f "
           f"ON f.person_id = p.person_id WHERE p.position_id IN {listed(ids)} GROUP BY p.post)")
    fates = ds.fates()
    fates = fates[fates.person_id.isin(set(tenures.person_id))]
    shot = fates.person_id[pd.concat(killing_doubt(fates.fate, fates.certainty, fates.manners), axis=1).any(axis=1)]
    rule = ("Posts half or more of whose holders were shot or killed: plainly, and counting those on an alleged "
            "or disputed account")
    half = claims.make(ds, Interval(low, high), rule, sql, {"positions": ids, "fates": list(shot)},
                       text=str(low) if low == high else f"between {low} and {high}")
    single = rates.post[(rates.holders == 1) & (2 * (rates.shot_or_killed + rates.more_on_doubt) >= rates.holders)]
    lone = list(tenures.position_id[tenures.post_label.isin(set(single))])
    return {"half_or_more": half, "posts": posts_claim(ds, ids),
            "single_holder": posts_claim(ds, lone, "Of those posts, the ones with a single holder in the data (one "
                                         "death makes the whole share)"),
            "every": rates[(rates.shot_or_killed == rates.holders) & (rates.holders > 1)],
            "unknown": tenures[tenures.fate == NO_FATE]}


# --- where the sources disagree ------------------------------------------------------------------

def conflict_claims(ds: Dataset, tenures: pd.DataFrame) -> dict:
    """What the sentence on where the sources disagree states (the rows of `turnover.tenure_conflicts`:
    `evidence.disagreements` on the tenures shown): `dates` (the attestations), `holders` (their people),
    `most` (the holders with the most of them, every one of a tie: a label; `most_tied`, their number), `gaps`
    (rival dates for a start or end the package leaves out) and the frame `gap_rows` (holder, field)."""
    d = evidence.disagreements(ds)
    d = d[(d.target == "position") & d.target_id.isin(set(tenures.position_id))]
    info = tenures.drop_duplicates("position_id").set_index("position_id")
    d = d.assign(person_id=d.target_id.map(info.person_id), holder=d.target_id.map(info["name"]))
    ids, gaps = list(d.attestation_id), d[d.recorded.isna()]
    counts = d.holder.value_counts().sort_index()
    sql = ("WITH c AS (SELECT pe.name AS name, COUNT(*) AS k FROM attestations a JOIN positions p ON p.position_id = "
           f"a.position_id JOIN people pe ON pe.person_id = p.person_id WHERE a.attestation_id IN {listed(ids)} GROUP BY "
           "pe.person_id) SELECT group_concat(name, ', ') FROM (SELECT name FROM c WHERE k = (SELECT MAX(k) FROM c) "
           "ORDER BY name)")
    tied = sorted(counts.index[counts == counts.max()]) if len(d) else []
    most = (claims.make(ds, ", ".join(tied), "The holders with the most tenure dates the sources give differently "
                        "(every one of a tie, by name)", sql, {"attestations": ids},
                        text=in_prose(tied))
            if len(d) else None)
    return {"dates": count_of(ds, "attestations", ids, "Tenure dates a second source gives differently, or rival dates "
                              "for a gap"),
            "holders": count_of(ds, "people", dict.fromkeys(d.person_id), "Holders with a tenure date the sources give "
                                "differently", {"attestations": ids}),
            "most": most, "most_tied": len(tied), "gaps": count_of(ds, "attestations", gaps.attestation_id, "Rival dates for a gap the package "
                                           "leaves open"), "gap_rows": gaps[["holder", "field"]]}
