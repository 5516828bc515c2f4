"""Leadership turnover: who held the posts at the top of the secret police, for how long, who
replaced whom, how fast each post changed hands, who of its holders was later shot, and where the
sources date a tenure differently; each number the report states is a claim with its rows and a query
(`helpers.evidence.claims`). How the fallen fell and who purged whom is `helpers.analyses.falls`.

Tenures come from `positions`; a tenure's length is a pair of bounds in days, never one padded
number: shortest = max(0, end_earliest - start_latest), longest = end_latest - start_earliest. A date
the case file leaves out but a second source supplies (an attestation with an empty `agrees`: it fills
a gap) is used, and a length that rests on it says so (`reading_label`: 'case file; start from
reference-facts'); rival gap-fillers give their hull and mark the tenure `contested`. A date two
sources give differently is never overwritten: each length, and the longest tenure, is read under
each source (`tenure_readings`), and the longest also on the case file's own dates alone. Fates come
from `Dataset.fates()`: "shot or killed" is plain where a killing is the fate a source states, and
rests on doubt where a killing is only alleged or disputed (`killing_doubt`: Menzhinsky's alleged
poisoning, Lyushkov's disputed killing), so the count is an interval. Used by
`notebooks/02-leadership-turnover.ipynb`. A wrong option raises `ParameterError` with one sentence.

The tables keep the labels a reader sees (`post_label`, the `length` under each source,
`length_table`); the sentences are `helpers.captions.turnover`.
"""
from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check, check_days
from ..core.errors import ParameterError
from ..data.attested import breaks  # noqa: F401 (a tenure's break and resumption: no rival dates)
from ..data.dataset import memoised
from ..evidence import Dataset, eras
from ..evidence.claims import CASE_FILE
from ..evidence.fates import DEATH_FATES, KILLING_FATES, KILLING_MANNERS, NO_KILLING_MANNERS, killing_doubt

#: "The main ones": the posts at the top of the organs that the notebook shows by default, in this
#: order: the head across its renamings (Cheka, GPU, OGPU, NKVD), the first deputy, the head of the
#: GUGB and of the NKGB, the foreign department, the Kommandatura and the poison laboratory; plus every
#: post of a level in MAIN_LEVELS (the regional chiefs). A fixed list, not a rule on organisation
#: kinds: the NKVD is a `commissariat`, so a kind rule would drop Yagoda, Yezhov and Beria.
MAIN_POSTS = ("secret-police-head", "secret-police-first-deputy", "gugb-head", "nkgb-head",
              "foreign-department-head", "kommandatura-commander", "poison-laboratory-head")
MAIN_LEVELS = ("regional_head",)
#: Fates that count as "shot or killed" (plainly, when their certainty is stated).
SHOT_OR_KILLED = KILLING_FATES
#: How a tenure ends when the holder is pushed out: an arrest, a demotion, a dismissal, his killing.
FORCED_ENDS = ("arrested", "demoted", "killed", "dismissed")
#: How the package's own reading of a date is named when it is set beside another source's.
PACKAGE = "package"
ACRONYMS = {"nkvd": "NKVD", "gugb": "GUGB", "nkgb": "NKGB", "ogpu": "OGPU", "gpu": "GPU", "cheka": "Cheka",
            "ino": "INO", "pow": "POW", "sd": "SD", "sis": "SIS", "oun": "OUN", "uvo": "UVO", "rovs": "ROVS",
            "kpd": "KPD"}
NO_FATE = "unknown"  # colour and label of a holder whose end the data does not record (a FATES value)
#: The key of each table a claim's rows come from.
KEY = {"positions": "position_id", "attestations": "attestation_id", "events": "event_id", "people": "person_id",
       "fates": "person_id"}



# --- posts and organisations --------------------------------------------------------------------

def post_label(post: str) -> str:
    """A readable name for a post slug: 'gugb-head' -> 'GUGB head' (the `post_label` of `tenures`)."""
    words = [ACRONYMS.get(w, w) for w in post.split("-")]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def select_posts(ds: Dataset, posts=()) -> list[str]:
    """The post names a `posts` parameter stands for, in display order.

    Empty: MAIN_POSTS plus the posts of MAIN_LEVELS. Each item is either a level (every post of that
    level) or a post name from positions. An unknown item raises ParameterError with one sentence.
    """
    if not isinstance(posts, (list, tuple)):
        check("posts", posts, kind=list)
    levels = ds.vocabulary("positions", "level")
    known = sorted(ds.positions.post.unique())
    for item in posts:
        if item not in levels and item not in known:
            near = difflib.get_close_matches(str(item), known + levels, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise ParameterError(
                f"Parameter `posts` got {item!r} in its list; items may be a level "
                f"({', '.join(repr(v) for v in levels)}) or a post of positions.csv such as "
                f"'secret-police-head'{hint}.")
    if posts:
        chosen = {p for p in posts if p in known}
        chosen |= set(ds.positions.post[ds.positions.level.isin([p for p in posts if p in levels])])
    else:
        chosen = set(MAIN_POSTS) & set(known)
        chosen |= set(ds.positions.post[ds.positions.level.isin(MAIN_LEVELS)])
    level_of = ds.positions.drop_duplicates("post").set_index("post").level
    rank = {lv: i for i, lv in enumerate(levels)}
    return sorted(chosen, key=lambda p: (MAIN_POSTS.index(p) if p in MAIN_POSTS else len(MAIN_POSTS),
                                         rank[level_of[p]], p))


def lineage(ds: Dataset) -> pd.DataFrame:
    """The secret police's agencies as periods (Cheka -> GPU -> OGPU -> GUGB of the NKVD -> NKGB).

    Columns: org_id, label (short name), name, founded, dissolved (EDTF) and their bounds, note.
    Dates as recorded in organisations. In order of founding.
    """
    org = ds.organisations[ds.organisations.kind == "secret_police"].copy()
    org["label"] = org.name.str.split(" (", regex=False).str[0]
    cols = ["org_id", "label", "name", "founded", "dissolved", "founded_earliest", "founded_latest",
            "dissolved_earliest", "dissolved_latest", "predecessor_id", "note"]
    return org[cols].sort_values(["founded_earliest", "org_id"]).reset_index(drop=True)


# --- lengths in words (the `length` of `tenures`) ------------------------------------------------

def length_bounds(start_earliest, start_latest, end_earliest, end_latest) -> tuple[pd.Series, pd.Series]:
    """Shortest and longest possible length of a tenure in days: `evidence.span_days` from its start
    to its end, the shortest clipped at 0. Missing dates give missing bounds (nullable Int64)."""
    shortest, longest = evidence.span_days(pd.Series(start_earliest, dtype="datetime64[ns]"),
                                           pd.Series(start_latest, dtype="datetime64[ns]"),
                                           pd.Series(end_earliest, dtype="datetime64[ns]"),
                                           pd.Series(end_latest, dtype="datetime64[ns]"))
    return shortest.clip(lower=0), longest


def days_text(lo, hi, unit: str = " days") -> str:
    """'8 days', '81 to 110 days', or '≥ 4,922 days' when there is no upper bound."""
    if pd.isna(hi):
        return f"≥ {lo:,}{unit}"
    if lo == hi:
        return f"{lo:,}{unit}"
    return f"{lo:,} to {hi:,}{unit}"


def source_word(source_id: str) -> str:
    """How a source is named in a table: 'case file' for the primary source, else its id."""
    return "case file" if source_id == CASE_FILE else source_id


def by_source(readings: list[tuple[str, object, object]], unit: str = " days") -> str:
    """Bounds under several readings as one phrase: [(source or label, lo, hi), ...] (the package's
    reading first) -> '8 days (case file) or 100 (reference-facts)'; one reading, or all equal, names
    none. Readings equal to an earlier one are left out; a source named twice is 'another page' then."""
    seen, parts = [], []
    for src, lo, hi in readings:
        key = (None if pd.isna(lo) else int(lo), None if pd.isna(hi) else int(hi))
        if key[0] is None or key in seen:
            continue
        parts.append((src, days_text(lo, hi, unit if not seen else "")))
        seen.append(key)
    if len(parts) == 1:
        return parts[0][1]
    named = []
    for src, text in parts:
        word = source_word(src)
        named.append((word, f"{text} ({word}{', another page' if word in [w for w, _ in named] else ''})"))
    return " or ".join(text for _, text in named)


# --- dated rows ----------------------------------------------------------------------------------

def listed(ids) -> str:
    """The ids as an SQL list: ('a', 'b'); (NULL) when there is none."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    return "(" + (", ".join("'" + i.replace("'", "''") + "'" for i in ids) or "NULL") + ")"


def end_bounds(ds: Dataset, end: tuple) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a dated end allows. `end` is (table, ids, field): a position's own
    `start` or `end`, an event's `date`, or attestations' `date` (the hull of all of them)."""
    table, ids, field = end
    frame = ds.tables[table]
    rows = frame[frame[KEY[table]].isin(list(ids))]
    lo, hi = ("start", "end") if table == "events" else (f"{field}_earliest", f"{field}_latest")
    return rows[lo].min(), rows[hi].max()



# --- tenures -------------------------------------------------------------------------------------

def filled_positions(ds: Dataset, fill_gaps: bool) -> pd.DataFrame:
    """Every position with the holder's name, and its missing start or end filled from the
    gap-filling attestations (those with an empty `agrees`; not a resumption after a break, `breaks`).
    Several gap-fillers give the hull of their bounds, their dates joined by ' or ', and, when their
    dates differ, `<field>_contested`."""
    p = ds.positions.merge(ds.people[["person_id", "name"]], on="person_id", how="left")
    for fld in ("start", "end"):
        p[f"{fld}_by"] = p.source_id.where(p[fld].notna())
        p[f"{fld}_contested"] = False
    if not fill_gaps:
        return p
    att = ds.attestations[ds.attestations.position_id.notna() & ds.attestations.agrees.isna()]
    att = att[~att.attestation_id.isin(breaks(ds.attestations))]  # a resumption is no rival start
    att = att.sort_values(["date_earliest", "date_latest", "attestation_id"])
    for fld in ("start", "end"):
        a = att[att.field == fld]
        hull = a.groupby("position_id").agg(
            text=("date", lambda d: " or ".join(dict.fromkeys(d))), earliest=("date_earliest", "min"),
            latest=("date_latest", "max"), by=("source_id", lambda s: ", ".join(sorted(set(s)))),
            dates=("date", "nunique"))
        gap = p[fld].isna() & p.position_id.isin(hull.index)
        ids = p.loc[gap, "position_id"]
        p.loc[gap, fld] = ids.map(hull.text).values
        p.loc[gap, f"{fld}_earliest"] = ids.map(hull.earliest).values
        p.loc[gap, f"{fld}_latest"] = ids.map(hull.latest).values
        p.loc[gap, f"{fld}_by"] = ids.map(hull.by).values
        p.loc[gap, f"{fld}_contested"] = ids.map(hull.dates > 1).values.astype(bool)
    return p


def dated_span(t: pd.DataFrame, coverage: pd.Timestamp) -> tuple[pd.Series, pd.Series]:
    """The dated span a tenure may cover: from its earliest start (or earliest end when no start is
    given) to its latest end (the end of the data for an ongoing tenure; its latest start when the end
    is not given)."""
    lo = t.start_earliest.fillna(t.end_earliest)
    reach = t.start_latest.where(t.end_reason != "ongoing", t.start_latest.clip(lower=coverage))
    return lo, t.end_latest.fillna(reach)


def order_key(t: pd.DataFrame) -> pd.DataFrame:
    """Sort keys for tenures of one post: the latest possible start (the latest end when the start is
    not given), ties broken by the earliest end (open ends last) and the position_id."""
    return pd.DataFrame({"k1": t.start_latest.fillna(t.end_latest), "k2": t.end_earliest, "k3": t.position_id},
                        index=t.index)


def _sorted(t: pd.DataFrame, posts: list[str]) -> pd.DataFrame:
    keys = order_key(t).assign(k0=t.post.map({p: i for i, p in enumerate(posts)}))
    idx = keys.sort_values(["k0", "k1", "k2", "k3"], na_position="last").index
    return t.loc[idx].reset_index(drop=True)


def _end_rows(pos, att: pd.DataFrame, fld: str, reading: str, filled: bool) -> tuple | None:
    """What a tenure's start or end rests on under a reading, as (table, ids, field): a source's own
    attestations of that end (all of them: their hull; `att` holds no break's, `breaks`) where it gives any; else the package's: the
    position's own date, or the gap-fillers `filled_positions` used (`filled`)."""
    if reading != PACKAGE:
        own = att[(att.field == fld) & (att.source_id == reading)]
        if len(own):
            return ("attestations", tuple(own.attestation_id), "date")
    if pd.notna(pos[fld]):
        return ("positions", (pos.position_id,), fld)
    fill = att[(att.field == fld) & att.agrees.isna()]
    return ("attestations", tuple(fill.attestation_id), "date") if filled and len(fill) else None


@memoised
def tenure_readings(ds: Dataset, tenures: pd.DataFrame) -> pd.DataFrame:
    """Each tenure under each reading of its dates: the package's (its own dates, gaps filled as in
    `tenures`) first, then each source that dates its start or end (agreeing at a finer precision
    counts: it bounds the length more closely), which takes its own dates for an end where it gives any
    (their hull; a break's end and resumption, `breaks`, left out: the tenure runs from the first
    start to the last end) and the package's elsewhere; a reading with the same bounds as an earlier one is left out. One row per tenure and reading: position_id, reading ('package' or a source_id),
    source (the position's source for the package's reading), start_rows and end_rows (what each end
    rests on: (table, ids, field), or None), their bounds, shortest_days, longest_days (an ongoing
    tenure without an end runs to the end of the data: shortest only). In the order of `tenures`."""
    coverage = eras.coverage_end(ds)
    pos = ds.positions.set_index("position_id", drop=False)
    att = ds.attestations[ds.attestations.position_id.isin(set(tenures.position_id))]
    att = att[~att.attestation_id.isin(breaks(att))]  # a break's end and resumption are no rival dates
    rows = []
    for r in tenures.itertuples():
        p, mine = pos.loc[r.position_id], att[att.position_id == r.position_id]
        seen = []
        # every source that dates an end is a reading (one that agrees at a finer precision bounds the
        # length more closely); a reading with the package's bounds is left out below
        for reading in [PACKAGE, *sorted(set(mine.source_id))]:
            ends = [_end_rows(p, mine, fld, reading, pd.notna(getattr(r, fld))) for fld in ("start", "end")]
            bounds = [end_bounds(ds, e) if e else (pd.NaT, pd.NaT) for e in ends]
            key = [None if pd.isna(b) else b for pair in bounds for b in pair]
            if key in seen:
                continue
            seen.append(key)
            rows.append({"position_id": r.position_id, "reading": reading,
                         "source": p.source_id if reading == PACKAGE else reading, "start_rows": ends[0],
                         "end_rows": ends[1], "start_earliest": bounds[0][0], "start_latest": bounds[0][1],
                         "end_earliest": bounds[1][0], "end_latest": bounds[1][1],
                         "_ongoing": r.end_reason == "ongoing"})
    out = pd.DataFrame(rows, columns=["position_id", "reading", "source", "start_rows", "end_rows", "start_earliest",
                                      "start_latest", "end_earliest", "end_latest", "_ongoing"])
    for c in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
        out[c] = pd.to_datetime(out[c])
    out["shortest_days"], out["longest_days"] = length_bounds(out.start_earliest, out.start_latest,
                                                             out.end_earliest, out.end_latest)
    open_ = out._ongoing & out.end_earliest.isna() & out.start_latest.notna()
    out.loc[open_, "shortest_days"] = (coverage - out.loc[open_, "start_latest"]).dt.days.clip(lower=0).astype("Int64")
    return out.drop(columns="_ongoing").reset_index(drop=True)


def reading_label(r) -> str:
    """How a table names one reading of a tenure (`tenure_readings`' row): its source, and for the
    package's, the ends a second source fills ('case file; start from reference-facts')."""
    if r.reading != PACKAGE:
        return source_word(r.reading)
    filled = [f for f in ("start", "end") if getattr(r, f"{f}_rows") and getattr(r, f"{f}_rows")[0] == "attestations"]
    return source_word(r.source) + (f"; {' and '.join(filled)} from reference-facts" if filled else "")


def _lengths(t: pd.DataFrame, every: pd.DataFrame, coverage: pd.Timestamp) -> tuple[list[str], list[bool]]:
    """The `length` (bounds under each reading, `tenure_readings`) and `differs` of each tenure of `t`."""
    text, differs = [], []
    by_position = dict(tuple(every.groupby("position_id", sort=False)))
    for row in t.itertuples():
        mine = by_position.get(row.position_id, every.iloc[:0])
        phrase = by_source([(reading_label(r), r.shortest_days, r.longest_days) for r in mine.itertuples()])
        differs.append(" or " in phrase)
        if pd.notna(row.longest_days):
            text.append(phrase)
        elif pd.notna(row.start_latest) and row.end_reason == "ongoing":
            text.append(f"{phrase} (in post at the end of the data, {coverage:%Y-%m-%d})" if not differs[-1]
                        else f"{phrase}; in post at the end of the data, {coverage:%Y-%m-%d}")
        elif pd.notna(row.start_latest):
            text.append("end not given")
        elif pd.notna(row.end_latest):
            text.append("start not given")
        else:
            text.append("no dates")
    return text, differs


def _with_fates(ds: Dataset, t: pd.DataFrame) -> pd.DataFrame:
    """`t` with each holder's fate (`Dataset.fates`; NO_FATE when none is recorded) and his age when
    the tenure began (`evidence.age`, in words; blank when either date is unknown)."""
    fates = ds.fates()[["person_id", "fate", "date", "start", "end", "certainty", "manners"]].rename(
        columns={"date": "fate_date", "start": "fate_start", "end": "fate_end", "certainty": "fate_certainty",
                 "manners": "fate_manners"})
    t = t.merge(fates, on="person_id", how="left")
    t["fate"] = t.fate.fillna(NO_FATE)
    born = ds.people.set_index("person_id")[["born_earliest", "born_latest"]]
    t["age_at_start"] = [evidence.age_text(*evidence.age(born.at[pid, "born_earliest"], born.at[pid, "born_latest"], lo, hi))
                         if pd.notna(lo) else "" for pid, lo, hi in zip(t.person_id, t.start_earliest, t.start_latest)]
    return t


@memoised
def tenures(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True,
            fill_gaps: bool = True) -> pd.DataFrame:
    """Tenures of the chosen posts (see `select_posts`) with their length as bounds and the holder's fate.

    start/end (Timestamps, optional): keep the tenures whose dated span may overlap that window; a
    window drops the tenures with neither a start nor an end. A tenure with no end is open: if its
    end_reason is `ongoing` it ran at least to the end of the data (`eras.coverage_end`) and its length
    is '≥ shortest'; otherwise its length has no bounds. shortest_days/longest_days are the package's
    reading; `length` gives the bounds under each reading where they differ (`tenure_readings`), e.g.
    '809 days (case file) or 809 to 870 (reference-facts)', and `differs` says a second source gives
    another length. Columns: position_id, person_id, name, post, post_label, level, org_id, title,
    acting, start, end (EDTF; gaps filled from a second source are marked in start_by/end_by), their
    bounds, start_contested, end_contested, contested, end_reason, certainty, shortest_days,
    longest_days, open_end, length, differs, dated, age_at_start, fate, fate_date, fate_start, fate_end,
    fate_certainty, fate_manners (every claim about the manner of the death). Ordered by post, then by start.
    """
    chosen = select_posts(ds, posts)
    check_days(start, end, names=("start", "end"))
    check("include_acting", include_acting, kind=bool)
    check("fill_gaps", fill_gaps, kind=bool)
    t = filled_positions(ds, fill_gaps)
    t = t[t.post.isin(chosen)]
    if not include_acting:
        t = t[~t.acting.fillna(False).astype(bool)]
    t = t.copy()
    coverage = eras.coverage_end(ds)
    t["post_label"] = t.post.map(post_label)
    t["shortest_days"], t["longest_days"] = length_bounds(t.start_earliest, t.start_latest,
                                                         t.end_earliest, t.end_latest)
    ongoing = t.end.isna() & (t.end_reason == "ongoing") & t.start_latest.notna()
    t["open_end"] = t.end.isna()
    t.loc[ongoing, "shortest_days"] = (coverage - t.loc[ongoing, "start_latest"]).dt.days.clip(lower=0).astype("Int64")
    t["contested"] = t.start_contested | t.end_contested
    lo, hi = dated_span(t, coverage)
    t["dated"] = lo.notna()
    if start is not None or end is not None:
        keep = t.dated.copy()
        if start is not None:
            keep &= hi >= pd.Timestamp(start)
        if end is not None:
            keep &= lo <= pd.Timestamp(end)
        t = t[keep].copy()
    t["length"], t["differs"] = _lengths(t, tenure_readings(ds, t), coverage)
    t = _with_fates(ds, t)
    cols = ["position_id", "person_id", "name", "post", "post_label", "level", "org_id", "title", "acting",
            "source_id", "start", "end", "start_by", "end_by", "start_earliest", "start_latest", "end_earliest", "end_latest",
            "start_contested", "end_contested", "contested", "end_reason", "certainty", "shortest_days", "longest_days", "open_end", "length",
            "differs", "dated", "age_at_start", "fate", "fate_date", "fate_start", "fate_end", "fate_certainty",
            "fate_manners"]
    return _sorted(t[cols], chosen)


def require_tenures(tenures: pd.DataFrame, posts, start, end) -> pd.DataFrame:
    """`tenures` when it holds any; else ParameterError with one sentence naming the posts and the
    window as given (`start`, `end`: the notebook's parameters, e.g. 1917 and 1941)."""
    if tenures.empty:
        raise ParameterError(f"No tenure of the posts {posts} falls between {start} and {end}; choose other posts "
                             "or a wider window.")
    return tenures


def undated(ds: Dataset, posts=(), include_acting: bool = True) -> pd.DataFrame:
    """The tenures of the chosen posts that carry no date at all (`tenures`' `dated` is false): no
    window can place them, so no chart draws them."""
    t = tenures(ds, posts, include_acting=include_acting)
    return t[~t.dated]


def length_table(tenures: pd.DataFrame) -> pd.DataFrame:
    """The tenures as a table to read: post, holder, acting, start, end, how it ended, the length
    bounds (the package's reading in the two columns of days; `length` under each reading where they
    differ) and the holder's fate, in the order of `tenures`. A date filled from the reference is
    marked '(ref.)', and '(ref., contested)' when its pages give rival dates (the hull is used)."""
    def mark(fld):
        ref = (tenures[f"{fld}_by"] == "reference-facts").to_numpy()
        rival = tenures[f"{fld}_contested"].to_numpy() & ref
        return tenures[fld].fillna("—") + np.where(rival, " (ref., contested)", np.where(ref, " (ref.)", ""))
    # A tenure the case file leaves open but the reference ends is not "ongoing" beside a dated end (Beria, 1945).
    open_here = (tenures.end_reason == "ongoing") & (tenures.end_by == "reference-facts")
    out = tenures.assign(start=mark("start"), end=mark("end"),
                         end_reason=tenures.end_reason.where(~open_here, "ongoing in the case file"))
    out = out.drop(columns="post").rename(columns={
        "post_label": "post", "name": "holder", "end_reason": "ended",
        "shortest_days": "shortest (days)", "longest_days": "longest (days)"})
    out["fate_date"] = out.fate_date.fillna("—")
    out = out.rename(columns={"age_at_start": "age at start"})
    cols = ["post", "holder", "acting", "start", "end", "ended", "shortest (days)", "longest (days)", "length",
            "age at start", "fate", "fate_date"]
    return out[cols].reset_index(drop=True)


# --- succession ----------------------------------------------------------------------------------

def _stood_in(own: pd.DataFrame, acting: pd.Series) -> dict:
    """Of one post's tenures (in order), the acting holders whose dates lie within another holder's
    tenure, each with the name of the holder he stood in for."""
    stood_in = {}
    for i in own.index[acting]:
        a = own.loc[i]
        for j in own.index[~acting]:
            s = own.loc[j]
            after = pd.isna(s.start_earliest) or (pd.notna(a.start_earliest) and a.start_earliest >= s.start_earliest)
            before = (pd.notna(a.end_latest) and (pd.isna(s.end_latest) and s.end_reason == "ongoing"
                                                  or pd.notna(s.end_latest) and a.end_latest <= s.end_latest))
            if after and before:
                stood_in[i] = s["name"]
                break
    return stood_in


def succession(tenures: pd.DataFrame) -> pd.DataFrame:
    """Who replaced whom, per post: holder, predecessor, successor, how the tenure ended, the holder's
    fate and its date.

    Tenures follow `order_key`. An acting holder whose dates lie within another holder's tenure stood in
    for him: he is no link of the chain, and his predecessor and successor are that holder. Other
    acting holders are links like any other.
    """
    rows = []
    for post, own in tenures.groupby("post", sort=False):
        own = own.reset_index(drop=True)
        acting = own.acting.fillna(False).astype(bool)
        stood_in = _stood_in(own, acting)
        chain = [i for i in own.index if i not in stood_in]
        for i in own.index:
            r = own.loc[i]
            if i in stood_in:
                pred = succ = stood_in[i]
            else:
                k = chain.index(i)
                pred = own.loc[chain[k - 1], "name"] if k > 0 else None
                succ = own.loc[chain[k + 1], "name"] if k + 1 < len(chain) else None
            nxt = own.loc[chain[chain.index(i) + 1]] if i not in stood_in and chain.index(i) + 1 < len(chain) else None
            rows.append({"post": r.post_label, "holder": r["name"], "acting": bool(acting[i]),
                         "start": r.start if pd.notna(r.start) else "—", "end": r.end if pd.notna(r.end) else "—",
                         "predecessor": pred or "—", "successor": succ or "—", "ended": r.end_reason,
                         "fate": r.fate, "fate_date": r.fate_date if pd.notna(r.fate_date) else "—",
                         "handover": handover(r, nxt)})
    cols = ["post", "holder", "acting", "start", "end", "predecessor", "successor", "ended", "fate", "fate_date",
            "handover"]
    return pd.DataFrame(rows, columns=cols)


#: Days between a holder's end and the successor's start that a handover may take before the table
#: says the post stood empty (or the two overlapped): a month, the precision of most dates here.
HANDOVER_DAYS = 31


def handover(tenure: pd.Series, successor: pd.Series | None) -> str:
    """What lies between a tenure and its successor's, as the dates allow: '' when they may meet within
    HANDOVER_DAYS; 'no holder of this post in the data for 120 days' when the next start surely comes later
    (Zakovsky, August 1938, to Merkulov, December 1938); 'overlaps the successor by ...' when the successor
    surely started that much before the tenure ended, and when the two rows come from different sources it
    says they disagree on the holder rather than that one followed the other (Artuzov and Messing from
    October 1929; the reference's first deputy Frinovsky and the case file's Zakovsky, 1937-1938)."""
    ends, starts = (tenure.get("end_earliest"), tenure.get("end_latest")), (
        None, None) if successor is None else (successor.get("start_earliest"), successor.get("start_latest"))
    if any(v is None or pd.isna(v) for v in (*ends, *starts)):
        return ""
    lo = (starts[0] - ends[1]).days
    hi = (starts[1] - ends[0]).days
    if lo > HANDOVER_DAYS:
        return f"no holder of this post in the data for {days_text(lo, hi)}"
    if hi < -HANDOVER_DAYS:
        mine, theirs = tenure.get("source_id"), None if successor is None else successor.get("source_id")
        rival = isinstance(mine, str) and isinstance(theirs, str) and mine != theirs
        return f"overlaps the successor by {days_text(-hi, -lo)}" + (
            f" ({mine} and {theirs} give the post to different holders over those days)" if rival else "")
    return ""


def endings(chain: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """How the tenures of `succession` ended, as frames a sentence counts: `forced` (FORCED_ENDS: an
    arrest, a demotion, a dismissal, the holder's killing), `died` (the holder died in office) and
    `acting` (the tenures of acting holders)."""
    return {"forced": chain[chain.ended.isin(FORCED_ENDS)], "died": chain[chain.ended == "died"],
            "acting": chain[chain.acting.astype(bool)]}


# --- arrests and deaths on the chart ---------------------------------------------------------------

def marks(ds: Dataset, tenures: pd.DataFrame) -> pd.DataFrame:
    """The arrests and deaths of the holders in `tenures`, to mark on the chart: person_id, kind
    ('arrest' or 'death'), date (EDTF), start, end. Deaths are the fates that are deaths."""
    people = sorted(tenures.person_id.unique())
    arrests = evidence.participants(ds, ("subject",), ["arrest"], people).assign(kind="arrest")
    f = ds.fates()
    deaths = f[f.person_id.isin(people) & f.fate.isin(DEATH_FATES)].assign(kind="death")
    cols = ["person_id", "kind", "date", "start", "end"]
    out = pd.concat([arrests[cols], deaths[cols]], ignore_index=True)
    return out.sort_values(["person_id", "start", "kind"]).reset_index(drop=True)


# --- turnover ------------------------------------------------------------------------------------

def holders_per_year(tenures: pd.DataFrame, first: int, last: int, coverage: pd.Timestamp) -> pd.DataFrame:
    """Distinct holders of each post whose dated span may overlap each calendar year (post label x year).

    The span is the one `tenures` filters on: a tenure with only a start counts in its start year, one
    with only an end in its end year, an ongoing one up to the end of the data. Undated tenures are
    not counted.
    """
    check("first", first, kind=int)
    check("last", last, kind=int, minimum=first)
    t = tenures[tenures.dated]
    lo, hi = dated_span(t, coverage)
    rows = [(r.post_label, r.person_id, y) for r, a, b in zip(t.itertuples(), lo.dt.year, hi.dt.year)
            for y in range(max(a, first), min(b, last) + 1)]
    x = pd.DataFrame(rows, columns=["post", "person_id", "year"]).drop_duplicates()
    table = pd.crosstab(x.post, x.year) if len(x) else pd.DataFrame()
    labels = list(dict.fromkeys(tenures.post_label))
    table = table.reindex(index=labels, columns=range(first, last + 1), fill_value=0)
    table.index.name, table.columns.name = "post", "year"
    return table


def turnover(tenures: pd.DataFrame, per_year: pd.DataFrame) -> pd.DataFrame:
    """Per post: tenures, distinct holders, years with a holder, mean holders in such a year, the busiest
    years (every year with the most holders, a tie named in full: '1918, 1926, 1934, 1936, 1938'), how many holders were later shot or killed plainly (`killing_doubt`), how many more on an
    alleged or disputed account only, and the two shares (plainly; with those on doubt)."""
    plain, doubt = killing_doubt(tenures.fate, tenures.fate_certainty, tenures.fate_manners)
    rows = []
    for label, own in tenures.groupby("post_label", sort=False):
        people = set(own.person_id)
        years = per_year.loc[label] if label in per_year.index else pd.Series(dtype=int)
        active = years[years > 0]
        shot, more = own.person_id[plain].nunique(), own.person_id[doubt].nunique()
        rows.append({"post": label, "tenures": len(own), "holders": len(people), "years": len(active),
                     "holders_per_year": round(active.mean(), 2) if len(active) else np.nan,
                     "busiest_years": ", ".join(str(y) for y in active.index[active == active.max()]) if len(active) else "",
                     "most_in_a_year": int(active.max()) if len(active) else 0,
                     "shot_or_killed": shot, "more_on_doubt": more, "share_shot_or_killed": round(shot / len(people), 2),
                     "share_with_doubt": round((shot + more) / len(people), 2)})
    return pd.DataFrame(rows)


# --- where the sources disagree ------------------------------------------------------------------

def tenure_conflicts(ds: Dataset, tenures: pd.DataFrame) -> pd.DataFrame:
    """Where the sources date a shown tenure differently (`evidence.disagreements`, the one filter): a
    second source's date against the package's, and rival gap-fillers (two pages giving different
    dates for a start or end the package leaves out; recorded is then '—'). Columns: post, holder,
    field, recorded, recorded_by, reference, reference_by, note. In the order of `tenures`, then field
    and reference date."""
    d = evidence.disagreements(ds)
    d = d[(d.target == "position") & d.target_id.isin(tenures.position_id)]
    rank = {pid: i for i, pid in enumerate(dict.fromkeys(tenures.position_id))}
    t = tenures.drop_duplicates("position_id").set_index("position_id")
    out = pd.DataFrame({
        "post": d.target_id.map(t.post_label), "holder": d.target_id.map(t["name"]), "field": d.field,
        "recorded": d.recorded.fillna("—"), "recorded_by": d.recorded_by.fillna("—"), "reference": d.attested,
        "reference_by": d.attested_by, "note": d.note, "_rank": d.target_id.map(rank), "_ref": d.earliest})
    return out.sort_values(["_rank", "field", "_ref", "reference"]).drop(columns=["_rank", "_ref"]).reset_index(drop=True)
