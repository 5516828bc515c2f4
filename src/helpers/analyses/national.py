"""The case file against the national series (report 01, sections 5 and 6; `cadence` re-exports it):
convictions for counter-revolutionary crimes and death sentences per year beside the arrests and
killings the sources name, **each source's rows counted apart**: the case file's own (`arrests`,
`killings`) and the rows another source adds (`other_arrests`, `other_killings`), so that no sentence
calls "the case file's" a count the reference's rows swell.

- `national`, `tallies_differ`, `tallies_silent`: the series, where its two tallies disagree, and where only
  one gives a figure;
- `align_national`, `concentration`, `difference`: the source's events per year beside it;
- `national_tallies`: which figures of people shot the series leaves out (OUTSIDE_NATIONAL);
- `subject_sides`, `not_stated`: whom the killings struck, what rests on allegation;
- `apparatus_victims`: the finding of report 01 (a function of the data, for `readings.sensitivity`);
- `*_claims`: the numbers the sentences quote, as claims.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core.checks import check
from ..data.vocabulary import violent_methods
from ..evidence import Dataset, claims, coverage
from ..evidence.claims import CASE_FILE, KEY_JOIN
from ..evidence.operations import DOER_ROLES, parts_of, things_claim
from .counting import RULES, counts, killings, placed_claim, select

#: The ratio of a source's events to the national figures is given per this many national cases.
RATIO_PER = 10_000
#: The national tally used unless another is asked for (convictions_by_year.count).
TALLY = "mvd"
#: Operations whose people shot are not in the national series of death sentences. The rule: the series
#: (reference-facts §3, convictions for counter-revolutionary crimes with their death sentences, MVD and KGB
#: data) does not hold the Polish prisoners shot in 1940 on the decisions of the NKVD's special troika
#: (reference-facts §5: 21,857). The reference does not say so in words; the arithmetic does: 21,857 is more
#: than all of 1940's death sentences in the series (1,649 MVD, 1,863 KGB), so they cannot be among them. The
#: Great Purge's 681,692 shot, by contrast, equal the series' 1937 + 1938 death sentences (reference-facts §3
#: notes), so they are inside it.
OUTSIDE_NATIONAL = ("katyn-1940",)
#: The side whose members' killings the finding counts.
APPARATUS = "apparatus"


# --- the national series -----------------------------------------------------------------------

def national(convictions: pd.DataFrame, tally: str = TALLY) -> pd.DataFrame:
    """The national series of one tally, indexed by year: convicted, sentenced_to_death, partial_year."""
    check("tally", tally, choices=sorted(set(convictions["count"])))
    rows = convictions[convictions["count"] == tally].set_index("year").sort_index()
    return pd.DataFrame({"convicted": rows.convicted.astype(float),
                         "sentenced_to_death": rows.sentenced_to_death.astype(float),
                         "partial_year": rows.partial_year.fillna(False).astype(bool)})


def _compared(convictions: pd.DataFrame, tally: str, hit) -> list[int]:
    """The years of `tally`'s series in which `hit(mine, theirs)` holds, column by column, for the
    convictions or the death sentences of another tally."""
    check("tally", tally, choices=sorted(set(convictions["count"])))
    mine = national(convictions, tally)
    years = set()
    for other in sorted(set(convictions["count"]) - {tally}):
        theirs = national(convictions, other).reindex(mine.index)
        for col in ("convicted", "sentenced_to_death"):
            years |= set(mine.index[hit(mine[col], theirs[col])])
    return sorted(int(y) for y in years)


def tallies_differ(convictions: pd.DataFrame, tally: str = TALLY) -> list[int]:
    """The years of `tally`'s series in which another tally gives other convictions or death sentences (both
    give a figure, and they differ); a figure beside none is no disagreement (`tallies_silent`)."""
    return _compared(convictions, tally, lambda a, b: a.notna() & b.notna() & (a != b))


def tallies_silent(convictions: pd.DataFrame, tally: str = TALLY) -> list[int]:
    """The years of `tally`'s series in which only one of it and another tally gives a figure (the KGB's
    gives none for 1953)."""
    return _compared(convictions, tally, lambda a, b: a.notna() != b.notna())


def own_rows(events: pd.DataFrame, source: str = CASE_FILE) -> pd.Series:
    """Whether each row of `events` (from `select`) is the source's: one of the events it stands for is a row
    of `source` (`sources`, else `source_id`)."""
    if "sources" in events:
        return events.sources.fillna("").str.split(", ").map(lambda s: source in s).astype(bool)
    return (events.source_id == source) if "source_id" in events else pd.Series(True, index=events.index)


def kinds(events: pd.DataFrame, violent, source: str = CASE_FILE) -> pd.DataFrame:
    """The arrests and killings (`killings` with the `violent` methods) of `events`, with `kind`: 'arrests' or
    'killings' for the source's rows (`own_rows`), 'other_arrests' or 'other_killings' for the rows only
    other sources give."""
    arrests, kills = events[events.type == "arrest"], killings(events, violent)
    parts = []
    for frame, kind in ((arrests, "arrests"), (kills, "killings")):
        own = own_rows(frame, source)
        parts += [frame[own].assign(kind=kind), frame[~own].assign(kind=f"other_{kind}")]
    return pd.concat(parts, ignore_index=True)


def align_national(events: pd.DataFrame, convictions: pd.DataFrame, violent, tally: str = TALLY,
                   rule: str = "exclude", source: str = CASE_FILE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The national series beside the arrests and killings of `events`, per year of the series, each source's
    rows counted apart.

    events: the events to count (the caller chooses scope and certainty; `select` rows). Arrests are `arrest`
    events, set beside the national convictions; killings are as `killings` defines them with the `violent`
    methods, beside the national death sentences. `arrests` and `killings` count the rows of `source` (the case
    file), `other_arrests` and `other_killings` those only other sources give (`kinds`); all are placed per
    year under `rule`. The ratios are the source's events per RATIO_PER national cases (missing where the
    national figure is). Returns (table, the arrests and killings that no single year can take).
    """
    check("tally", tally, choices=sorted(set(convictions["count"])))
    check("rule", rule, choices=RULES)
    nat = national(convictions, tally)
    first = pd.Timestamp(year=int(nat.index.min()), month=1, day=1)
    last = pd.Timestamp(year=int(nat.index.max()), month=12, day=31)
    columns = ["arrests", "killings", "other_arrests", "other_killings"]
    per_year, unplaceable = counts(kinds(events, violent, source), freq="year", by="kind", rule=rule, first=first,
                                   last=last, order=columns)
    per_year = per_year.reindex(columns=columns, fill_value=0)
    per_year.index = per_year.index.year
    table = nat.join(per_year, how="left")
    table["arrests_ratio"] = table.arrests / table.convicted * RATIO_PER
    table["killings_ratio"] = table.killings / table.sentenced_to_death * RATIO_PER
    table.index.name = "year"
    return table, unplaceable


def national_tallies(ds: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """The figures of people shot (`shot` tallies that are no part of another; per operation or event, each source's
    principal figures, `evidence.principal_figures`) whose period lies in years of the national series, set beside
    its death sentences in those years.

    One row per tally: tally_id, operation_id, operation (its name), subject, source_id, first_year, last_year, shot
    (the best figure, else the low, else the high), figure (in prose), sentenced_to_death (the series' sum over the
    years), in_series (False for the operations of OUTSIDE_NATIONAL: not in the series), exceeds (the figure is
    larger than the series' death sentences of its years), period_given (False when the period is marked
    uncertain or approximate, `?` or `~`: the source gives no years, the data reads them), series_sum (the
    figure is exactly the series' death sentences of its years: the reference's 681,692 for 1937-1938 is the
    MVD series' own sum, so it agrees by construction and corroborates nothing). Sorted by first year,
    operation and source.
    """
    cols = ["tally_id", "operation_id", "operation", "subject", "source_id", "first_year", "last_year", "shot",
            "figure", "sentenced_to_death", "in_series", "exceeds", "period_given", "series_sum"]
    tallies, ops = ds.tables.get("tallies"), ds.tables.get("operations")
    names = ops.set_index("operation_id").name if ops is not None else pd.Series(dtype=object)
    if tallies is None or not len(tallies):
        return pd.DataFrame(columns=cols)
    shot = evidence.totals(tallies[tallies.counted == "shot"])
    shot = shot[shot.period_earliest.notna() & shot.period_latest.notna()]
    shot = pd.concat([evidence.principal_figures(own) for _, own in shot.groupby(shot.operation_id.fillna(shot.event_id))]
                     ) if len(shot) else shot
    rows = []
    for t in shot.itertuples(index=False):
        years = list(range(t.period_earliest.year, t.period_latest.year + 1))
        if not set(years) <= set(table.index):
            continue
        deaths = table.loc[years, "sentenced_to_death"]
        value = next((int(v) for v in (t.best, t.low, t.high) if not pd.isna(v)), None)
        total = float(deaths.sum()) if deaths.notna().all() else float("nan")
        rows.append({"tally_id": t.tally_id, "operation_id": t.operation_id, "operation": names.get(t.operation_id),
                     "subject": t.subject,
                     "source_id": t.source_id, "first_year": years[0], "last_year": years[-1], "shot": value,
                     "figure": evidence.figure(t.low, t.best, t.high, t.qualifier, t.in_words),
                     "sentenced_to_death": total,
                     "in_series": t.operation_id not in OUTSIDE_NATIONAL,
                     "exceeds": value is not None and total == total and value > total,
                     "period_given": not any(mark in str(t.period) for mark in "?~"),
                     "series_sum": value is not None and total == total and value == total})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["first_year", "operation_id", "source_id", "tally_id"]).reset_index(drop=True)


def concentration(table: pd.DataFrame) -> dict:
    """How the source's killings (`killings` of `align_national`) and the national death sentences spread
    over the years.

    Over the whole years with a national figure (a partial year, 1953, is never set beside a whole one): the
    national peak year and its share of all death sentences, the source's peak year and the share of its
    killings that fall in the national peak year, and the years of the highest and lowest ratio among the years
    with a killing (with the national death sentences per killing there). Over all whole years (a count of
    killings needs no national figure): every year with the most killings (`case_peaks`, a tie gives several)
    and that most (`case_peak_killings`); `partial`, the partial years left out.
    """
    whole = table[~table.partial_year]
    t = whole.dropna(subset=["sentenced_to_death"])  # whole years with a national figure
    nat_peak = int(t.sentenced_to_death.idxmax())
    cf_peak = int(t.killings.idxmax())
    with_kills = t[t.killings > 0]
    hi, lo = int(with_kills.killings_ratio.idxmax()), int(with_kills.killings_ratio.idxmin())
    return {
        "national_peak": nat_peak,
        "national_peak_share": t.loc[nat_peak, "sentenced_to_death"] / t.sentenced_to_death.sum(),
        "case_peak": cf_peak,
        "case_share_in_national_peak": t.loc[nat_peak, "killings"] / t.killings.sum() if t.killings.sum() else 0.0,
        "highest_ratio_year": hi,
        "sentences_per_killing_high": t.loc[hi, "sentenced_to_death"] / t.loc[hi, "killings"],
        "lowest_ratio_year": lo,
        "sentences_per_killing_low": t.loc[lo, "sentenced_to_death"] / t.loc[lo, "killings"],
        "case_peaks": [int(y) for y in whole.index[whole.killings == whole.killings.max()]],
        "case_peak_killings": whole.killings.max(),
        "partial": [int(y) for y in table.index[table.partial_year]],
        "years": [int(y) for y in t.index],
    }


def subject_sides(ds: Dataset, events: pd.DataFrame) -> pd.Series:
    """Events per side of their victims (`victims`); an event naming none (a mass event, or the one row of
    an operation's mass events) is 'none named'. A row whose victims are of several sides counts for the
    side of the first named."""
    who = victims(ds, events).drop_duplicates("event_id").merge(ds.people[["person_id", "side"]], on="person_id")
    side = events[["event_id"]].merge(who[["event_id", "side"]], on="event_id", how="left").side.fillna("none named")
    return side.value_counts().rename_axis("side").rename("events").sort_index().sort_values(
        ascending=False, kind="stable")


def victims(ds: Dataset, events: pd.DataFrame) -> pd.DataFrame:
    """Whom each row of `events` struck: the subjects of the events it stands for (`parts`), and the people a
    group killing names in a role that is no doer's (`evidence.operations.DOER_ROLES`). One row per row and
    person: event_id (the row), part (the event naming them), person_id, role (the roles table's key for the
    claim: event | person | role)."""
    rows = []
    roles = ds.roles
    for r in events.itertuples(index=False):
        parts = parts_of(getattr(r, "parts", r.event_id))
        mine = roles[roles.event_id.isin(parts) & ~roles.role.isin(DOER_ROLES)]
        subjects = mine[mine.role == "subject"]
        for m in (subjects if len(subjects) else mine).itertuples(index=False):
            rows.append({"event_id": r.event_id, "part": m.event_id, "person_id": m.person_id,
                         "role": KEY_JOIN.join([m.event_id, m.person_id, m.role])})
    return pd.DataFrame(rows, columns=["event_id", "part", "person_id", "role"])


def difference(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """The years whose case-file arrests or killings differ between two `align_national` tables."""
    both = table[["arrests", "killings"]].join(other[["arrests", "killings"]], rsuffix="_other")
    changed = (both.arrests != both.arrests_other) | (both.killings != both.killings_other)
    return both[changed]


def not_stated(events: pd.DataFrame, violent=()) -> pd.DataFrame:
    """The arrests and killings (`killings` with the `violent` methods) among `events` that the source
    does not state plainly, by date (with their `parts` when `events` has them)."""
    kinds = pd.concat([events[events.type == "arrest"], killings(events, violent)]).drop_duplicates("event_id")
    out = kinds[kinds.certainty != "stated"].sort_values(["start", "event_id"])
    cols = [c for c in ("event_id", "date", "type", "certainty", "title", "parts") if c in out]
    return out[cols].reset_index(drop=True)


def hedged_claim(ds: Dataset, rows: pd.DataFrame) -> claims.Claim:
    """How many arrests and killings `not_stated` gives."""
    return things_claim(ds, rows, "domestic arrests and killings whose certainty is alleged or disputed")


def rivalled(ds: Dataset, events: pd.DataFrame, violent=()) -> pd.DataFrame:
    """The killings among `events` stated plainly as events that another, unofficial account says were no
    killing (Slutsky's: a historian's natural death, disputed): their doubt lives in the accounts, so
    `not_stated` does not list them. event_id, title, by date."""
    kills = killings(events, violent)
    other = evidence.fates.no_killing_accounts(ds.accounts)
    out = kills[(kills.certainty == "stated") & kills.event_id.isin(set(other.event_id))]
    return out.sort_values(["start", "event_id"])[["event_id", "title"]].reset_index(drop=True)


def unplaced_claim(ds: Dataset, rows: pd.DataFrame) -> claims.Claim:
    """How many arrests and killings `align_national` could not place on one year."""
    return things_claim(ds, rows, "arrests and killings whose dates span more than one year")




# --- the finding of report 01: whom the source's killings struck -------------------------------

def _domestic_killings(ds: Dataset, first: pd.Timestamp | None, last: pd.Timestamp | None) -> pd.DataFrame:
    return killings(select(ds.events, ds.roles, scope="domestic", first=first, last=last), violent_methods(ds.descriptor))


def _apparatus(ds: Dataset, kills: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of `kills` that struck a member of the apparatus at the state's hands (by_state yes or
    disputed), and the victims that chose them (`victims` rows)."""
    who = victims(ds, kills).merge(ds.people[["person_id", "side"]], on="person_id")
    state = ds.fates().set_index("person_id").by_state
    who = who[(who.side == APPARATUS) & who.person_id.map(state).isin(["yes", "disputed"])]
    return kills[kills.event_id.isin(set(who.event_id))], who


def apparatus_victims(ds: Dataset, first: pd.Timestamp | None = None, last: pd.Timestamp | None = None,
                      source: str | None = CASE_FILE) -> claims.Claim:
    """The finding of report 01: of the domestic killings from `first` to `last` (each thing once, `select`)
    that `source` gives (a row of its own, `own_rows`; None: every source's), how many struck a member of
    the secret-police apparatus at the Soviet state's hands (the victim's side is `apparatus` and their
    fate's `by_state` is yes or disputed: Uritsky, shot by an anti-Bolshevik, is not among them). A share
    whose text reads 'N of M'. Pure: computed from `ds` alone, so it runs under every reading."""
    kills = _domestic_killings(ds, first, last)
    if source is not None:
        kills = kills[own_rows(kills, source)]
    struck, who = _apparatus(ds, kills)
    where = f"that {claims.SOURCE_WORDS.get(source, source)} gives" if source else "that any source gives"
    window = f"{first:%Y-%m-%d} to {last:%Y-%m-%d}" if first is not None and last is not None else "any date"
    whole = things_claim(ds, kills, f"domestic killings ({window}) {where}, each thing once",
                         {"source": source or "all", "first": str(first), "last": str(last)})
    part = things_claim(ds, struck, "of these, the killings of members of the apparatus at the state's hands "
                        "(side apparatus; fate by_state yes or disputed)", dict(whole.parameters),
                        also={"roles": list(who.role), "people": list(who.person_id), "fates": list(who.person_id)})
    share = claims.share(ds, part, whole, rule=f"{part.rule}, out of the {whole.rule}")
    return share.named("", "", text=f"{part.value} of {whole.value}")


def victim_claims(ds: Dataset, first: pd.Timestamp | None, last: pd.Timestamp | None) -> dict:
    """What the finding's sentence names beside it: `mixed` (the finding over every source's rows), `added`
    (the killings only other sources give), `many` and `many_ids` (the case file's killings of many people,
    each one row: the Red Terror, Katyn, Frinovsky's shootings of officers), `on_doubt` (the names of the case
    file's apparatus victims whose death is the state's only on doubt, by_state disputed: Slutsky),
    `not_by_state` (apparatus victims killed by
    other hands, a frame: event_id, person_id, name) and `outside` (domestic killings after `last`, by id)."""
    kills = _domestic_killings(ds, first, last)
    added = kills[~own_rows(kills)]
    who = victims(ds, kills).merge(ds.people[["person_id", "side", "name"]], on="person_id")
    state = ds.fates().set_index("person_id").by_state
    others = who[(who.side == APPARATUS) & (who.person_id.map(state) == "no")]
    later = _domestic_killings(ds, last, None) if last is not None else kills.iloc[:0]
    own = kills[own_rows(kills, CASE_FILE)]
    _, mine = _apparatus(ds, own)
    doubt = mine[mine.person_id.map(state) == "disputed"].drop_duplicates("person_id")
    subjects = set(ds.roles.event_id[ds.roles.role == "subject"])
    many = own[(own.type == "massacre") | ~own.event_id.isin(subjects)]
    return {"mixed": apparatus_victims(ds, first, last, source=None),
            "many": things_claim(ds, many, "of the case file's domestic killings, those of many people, each counted "
                                 "as one: a massacre, or a killing that names no one subject (its named victims among "
                                 "others)"),
            "many_ids": list(many.event_id),
            "on_doubt": sorted(ds.people.set_index("person_id").name[doubt.person_id]),
            "added": things_claim(ds, added, "domestic killings in the window that only another source gives"),
            "not_by_state": others[["event_id", "person_id", "name"]].reset_index(drop=True),
            "outside": sorted(set(later.event_id[later.start > last]))}


# --- the national numbers as claims ------------------------------------------------------------

def _row_ids(ds: Dataset, years, tally: str) -> list[str]:
    conv = ds.convictions_by_year
    return [f"{y}{KEY_JOIN}{tally}" for y in conv.year[(conv["count"] == tally) & conv.year.isin(list(years))]]


def series_claims(ds: Dataset, differ: list[int], tally: str = TALLY) -> dict[str, claims.Claim]:
    """`years` (the years of the series, a count of its rows), `differ` (the years another tally gives other
    convictions or death sentences in, both giving a figure: its SQL compares the tallies row by row) and
    `silent` (the years only one of the two gives a figure in, `tallies_silent`), with
    `silent_years` (words)."""
    conv = ds.convictions_by_year
    others = sorted(set(conv["count"]) - {tally})
    listed = ", ".join(f"'{o}'" for o in others) or "NULL"
    joined = (f"FROM convictions_by_year a LEFT JOIN convictions_by_year b ON b.year = a.year AND b.count IN ({listed}) "
              f"WHERE a.count = '{tally}' AND ")
    sql = (f"SELECT COUNT(DISTINCT a.year) {joined}(a.convicted <> b.convicted OR a.sentenced_to_death <> "
           "b.sentenced_to_death)")
    silent = tallies_silent(conv, tally)
    silent_sql = (f"SELECT COUNT(DISTINCT a.year) {joined}(b.year IS NULL OR (a.convicted IS NULL) <> (b.convicted IS "
                  "NULL) OR (a.sentenced_to_death IS NULL) <> (b.sentenced_to_death IS NULL))")
    rows = [i for o in [tally, *others] for i in _row_ids(ds, differ, o)]
    return {"years": claims.count(ds, "convictions_by_year", _row_ids(ds, conv.year, tally),
                                  rule=f"the years of the national series (`{tally}` tally)"),
            "differ": claims.make(ds, len(differ), f"years in which another tally ({', '.join(others)}) gives other "
                                  f"convictions or death sentences than `{tally}`, both giving a figure", sql,
                                  {"convictions_by_year": rows}, {"tally": tally}),
            "silent": claims.make(ds, len(silent), f"years in which only one of `{tally}` and another tally "
                                  f"({', '.join(others)}) gives a figure", silent_sql,
                                  {"convictions_by_year": [i for o in [tally, *others] for i in _row_ids(ds, silent, o)]},
                                  {"tally": tally}),
            "silent_years": ", ".join(str(y) for y in silent)}


def note_claims(ds: Dataset, beside: pd.DataFrame) -> dict[str, claims.Claim]:
    """For each figure of `national_tallies`: `shot-<tally_id>` (the figure as its source gives it) and
    `sentences-<first>-<last>` (the series' death sentences of its years)."""
    out = {}
    for t in beside.itertuples(index=False):
        out[f"shot-{t.tally_id}"] = claims.make(
            ds, t.shot, "the figure of people shot as its source gives it (its best figure, else its bounds)",
            f"SELECT COALESCE(best, low, high) FROM tallies WHERE tally_id = '{t.tally_id}'",
            {"tallies": [t.tally_id]}, text=t.figure)
        out[f"sentences-{t.first_year}-{t.last_year}"] = coverage.sentences_claim(
            ds, list(range(t.first_year, t.last_year + 1)))
    return out


def _years_claim(ds: Dataset, things: pd.DataFrame, years: list[int], rule: str, what: str) -> claims.Claim:
    """`placed_claim` summed over `years` (not necessarily consecutive): the rows placed in any of them."""
    if rule == "exclude":
        inside = things[(things.start.dt.year == things.end.dt.year) & things.start.dt.year.isin(years)]
        return things_claim(ds, inside, f"{what} whose whole span of dates lies in one of the years "
                            f"{', '.join(map(str, years))} (the exclude rule)", {"rule": rule})
    each = [placed_claim(ds, things, pd.Timestamp(f"{y}-01-01"), pd.Timestamp(f"{y}-12-31"), rule, what) for y in years]
    each = [c for c in each if c.value]
    sql = "SELECT " + (" + ".join(f"({c.sql})" for c in each) or "0")
    ids = list(dict.fromkeys(r.id for c in each for r in c.evidence))
    return claims.make(ds, float(sum(c.value for c in each)), f"{what}, each shared over the years by its days "
                       "(the spread rule)", sql, {"events": ids}, {"rule": rule})


def concentration_claims(ds: Dataset, things: pd.DataFrame, c: dict, rule: str = "exclude",
                         tally: str = TALLY) -> dict[str, claims.Claim]:
    """The numbers of `concentration` as claims. things: the `kinds` rows `align_national` counted; c: its
    `concentration`. `peak_share` (the national peak's share of the death sentences of the whole years with a
    figure), `peak_killings` (the source's killings in its first peak year), `in_peak` (the share of the
    source's killings in the national peak year), `low` and `high` (national death sentences per killing in
    the years of the lowest and highest ratio)."""
    kills = things[things.kind == "killings"]
    years = c["years"]
    listed = ", ".join(map(str, years))
    peak = c["national_peak"]
    one = f"(SELECT sentenced_to_death FROM convictions_by_year WHERE count = '{tally}' AND year = {{}})"
    share_sql = (f"SELECT CAST({one.format(peak)} AS REAL) / (SELECT SUM(sentenced_to_death) FROM convictions_by_year "
                 f"WHERE count = '{tally}' AND year IN ({listed}))")
    out = {"peak_share": claims.make(ds, float(c["national_peak_share"]), f"the national death sentences of {peak} "
                                     "out of those of every whole year with a figure", share_sql,
                                     {"convictions_by_year": _row_ids(ds, years, tally)}, {"tally": tally},
                                     text=f"{c['national_peak_share']:.0%}")}
    what = "the source's domestic killings"
    year = lambda y: placed_claim(ds, kills, pd.Timestamp(f"{y}-01-01"), pd.Timestamp(f"{y}-12-31"), rule, what)  # noqa: E731
    out["peak_killings"] = year(c["case_peaks"][0])
    out["in_peak"] = claims.share(ds, year(peak), _years_claim(ds, kills, years, rule, what),
                                  rule=f"{what} placed in {peak}, out of those placed in the whole years with a figure")
    out["in_peak"] = out["in_peak"].named("", "", text=f"{c['case_share_in_national_peak']:.0%}")
    for key, y in (("low", c["lowest_ratio_year"]), ("high", c["highest_ratio_year"])):
        n = year(y)
        value = float(ds.convictions_by_year.set_index(["year", "count"]).at[(y, tally), "sentenced_to_death"]) / n.value
        out[key] = claims.make(ds, value, f"the national death sentences of {y} per killing the source names in it",
                               f"SELECT CAST({one.format(y)} AS REAL) / ({n.sql})",
                               {"convictions_by_year": _row_ids(ds, [y], tally), "events": n.ids("events")},
                               {"tally": tally, "year": y, "rule": rule}, text=f"{value:,.0f}")
    return out
