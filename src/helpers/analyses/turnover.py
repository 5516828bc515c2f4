"""Leadership turnover: who held the posts at the top of the secret police, for how long, who
replaced whom, how each tenure ended, and how long from a fall to an arrest to a bullet.

Tenures come from `positions`; a tenure's length is a pair of bounds in days, never one padded
number: shortest = max(0, end_earliest - start_latest), longest = end_latest - start_earliest
(`evidence.span_days`, clipped at 0). A date the case file leaves out but a second source supplies (an
attestation with an empty `agrees`: it fills a gap) is used and marked as coming from that source;
when two such gap-fillers give different dates, the tenure shows their hull and is marked
`contested`. A date two sources give differently is never overwritten: every length, fall lag and the
ranking built on them (the quickest end) is computed under each source that dates an end
(`evidence.readings`), and shown for each where they differ. Fates come from `Dataset.fates()`,
arrests and trials from the events a person is the subject of (`evidence.participants`), removals
from `evidence.acts`. Used by `notebooks/02-leadership-turnover.ipynb`. Every option (posts, a window
of days, a switch, people) is checked where it is taken: a wrong one raises `ParameterError` with one
sentence.
"""
from __future__ import annotations

import difflib

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import evidence
from ..core.checks import check, check_days, check_person_ids
from ..core.errors import ParameterError
from ..evidence import Dataset, eras
from ..evidence.fates import DEATH_FATES, FATES
from ..evidence.people import organs
from ..figures.style import FATE, SMALL, palette

#: "The main ones": the posts at the top of the organs that the notebook shows by default, in this
#: order: the head across its renamings (Cheka, GPU, OGPU, NKVD), the first deputy, the head of the
#: GUGB and of the NKGB, the foreign department, the Kommandatura and the poison laboratory; plus every
#: post of a level in MAIN_LEVELS (the regional chiefs). A fixed list, not a rule on organisation
#: kinds: the NKVD is a `commissariat`, so a kind rule would drop Yagoda, Yezhov and Beria.
MAIN_POSTS = ("secret-police-head", "secret-police-first-deputy", "gugb-head", "nkgb-head",
              "foreign-department-head", "kommandatura-commander", "poison-laboratory-head")
MAIN_LEVELS = ("regional_head",)
#: The harmless posts the fallen were parked in before their arrest.
HARMLESS_POSTS = ("post-and-telegraph-commissar", "water-transport-commissar", "navy-commissar")
#: Fates that count as "shot or killed".
SHOT_OR_KILLED = ("executed", "assassinated", "killed")
#: Events that remove a person, and the roles that make someone the remover.
REMOVALS = ("arrest", "dismissal", "demotion")
PURGER_ROLES = evidence.ACTOR_ROLES
#: The side of the people who work for the organs (with anyone who held a post in them: `officials`).
OFFICIAL_SIDE = "apparatus"
#: How the package's own reading of a date is named when it is set beside another source's.
PACKAGE = "package"
#: The steps of a fall, in their order.
STEPS = ("left", "demoted", "arrested", "tried", "died")
STEP_WORDS = {"left": "left the organs", "demoted": "moved to a harmless post", "arrested": "arrested",
              "tried": "tried", "died": "died"}
ACRONYMS = {"nkvd": "NKVD", "gugb": "GUGB", "nkgb": "NKGB", "ogpu": "OGPU", "gpu": "GPU", "cheka": "Cheka",
            "ino": "INO", "pow": "POW", "sd": "SD", "sis": "SIS", "oun": "OUN", "uvo": "UVO", "rovs": "ROVS",
            "kpd": "KPD"}
NO_FATE = "unknown"  # colour and label of a holder whose end the data does not record (a FATES value)


# --- posts and organisations --------------------------------------------------------------------

def post_label(post: str) -> str:
    """A readable name for a post slug: 'gugb-head' -> 'GUGB head'."""
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
    Dates as recorded in organisations (GPU and GUGB from the reference source; the case file's slips
    are in the notes). In order of founding.
    """
    org = ds.organisations[ds.organisations.kind == "secret_police"].copy()
    org["label"] = org.name.str.split(" (", regex=False).str[0]
    cols = ["org_id", "label", "name", "founded", "dissolved", "founded_earliest", "founded_latest",
            "dissolved_earliest", "dissolved_latest", "predecessor_id", "note"]
    return org[cols].sort_values(["founded_earliest", "org_id"]).reset_index(drop=True)


# --- tenures -------------------------------------------------------------------------------------

def length_bounds(start_earliest, start_latest, end_earliest, end_latest) -> tuple[pd.Series, pd.Series]:
    """Shortest and longest possible length of a tenure in days: `evidence.span_days` from its start
    to its end, the shortest clipped at 0 (a tenure cannot be negative when both ends fall in one
    window). Missing dates give missing bounds (nullable Int64)."""
    shortest, longest = evidence.span_days(pd.Series(start_earliest, dtype="datetime64[ns]"),
                                           pd.Series(start_latest, dtype="datetime64[ns]"),
                                           pd.Series(end_earliest, dtype="datetime64[ns]"),
                                           pd.Series(end_latest, dtype="datetime64[ns]"))
    return shortest.clip(lower=0), longest


def _days(lo, hi, unit: str = " days") -> str:
    """'8 days', '81 to 110 days', or '≥ 4,922 days' when there is no upper bound."""
    if pd.isna(hi):
        return f"≥ {lo:,}{unit}"
    if lo == hi:
        return f"{lo:,}{unit}"
    return f"{lo:,} to {hi:,}{unit}"


def source_word(source_id: str) -> str:
    """How a source is named in prose: 'case file' for the primary source, else its id."""
    return "case file" if source_id == "case-file-0121" else source_id


def by_source(readings: list[tuple[str, object, object]], unit: str = " days") -> str:
    """Bounds under several sources as one phrase: [(source, lo, hi), ...] (the package's reading
    first) -> '8 days (case file) or 100 (reference-facts)'; one reading, or all equal, gives no
    source. Readings equal to an earlier one are left out; a source named twice (two of its pages
    disagree) is 'another page' the second time."""
    seen, parts = [], []
    for src, lo, hi in readings:
        key = (None if pd.isna(lo) else int(lo), None if pd.isna(hi) else int(hi))
        if key[0] is None or key in seen:
            continue
        parts.append((src, _days(lo, hi, unit if not seen else "")))
        seen.append(key)
    if len(parts) == 1:
        return parts[0][1]
    named = []
    for src, text in parts:
        word = source_word(src)
        named.append(f"{text} ({word}{', another page' if word in [w for w, _ in named] else ''})")
        named[-1] = (word, named[-1])
    return " or ".join(text for _, text in named)


def _filled(ds: Dataset, fill_gaps: bool) -> pd.DataFrame:
    """Every position with the holder's name, and its missing start or end filled from the
    gap-filling attestations (those with an empty `agrees`). Several gap-fillers give the hull of
    their bounds, their dates joined by ' or ', and, when their dates differ, `<field>_contested`."""
    p = ds.positions.merge(ds.people[["person_id", "name"]], on="person_id", how="left")
    for fld in ("start", "end"):
        p[f"{fld}_by"] = p.source_id.where(p[fld].notna())
        p[f"{fld}_contested"] = False
    if not fill_gaps:
        return p
    att = ds.attestations[ds.attestations.position_id.notna() & ds.attestations.agrees.isna()]
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


def _span(t: pd.DataFrame, coverage: pd.Timestamp) -> tuple[pd.Series, pd.Series]:
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


def tenure_readings(ds: Dataset, tenures: pd.DataFrame) -> pd.DataFrame:
    """Each tenure under each source that dates its start or end (`evidence.readings`): the package's
    reading (its own dates, gaps filled as in `tenures`) first, then every other source's, which
    takes that source's own date for an end where it gives one and the package's elsewhere.

    One row per tenure and reading: position_id, reading ('package' or a source_id), source (the
    package row's source_id for the package's reading, else the reading's), start, end (EDTF),
    start_earliest, start_latest, end_earliest, end_latest, shortest_days, longest_days (an ongoing
    tenure without an end runs to the end of the data: shortest only). In the order of `tenures`.
    """
    coverage = eras.coverage_end(ds)
    claims = evidence.dated_claims(ds)
    claims = claims[(claims.target == "position") & claims.target_id.isin(set(tenures.position_id))]
    rows = []
    for r in tenures.itertuples():
        own = {"start": (r.start, r.start_earliest, r.start_latest), "end": (r.end, r.end_earliest, r.end_latest)}
        rd = evidence.readings(ds, [("position", r.position_id, "start"), ("position", r.position_id, "end")],
                               claims[claims.target_id == r.position_id])
        base = rd.iloc[0]
        for x in rd.itertuples():
            row = {"position_id": r.position_id, "reading": x.source,
                   "source": r.source_id if x.source == PACKAGE else x.source}
            for i, fld in enumerate(("start", "end")):
                date = getattr(x, f"date_{i}")
                given = x.source != PACKAGE and date is not None and date != base[f"date_{i}"]
                row[fld], row[f"{fld}_earliest"], row[f"{fld}_latest"] = (
                    (date, getattr(x, f"earliest_{i}"), getattr(x, f"latest_{i}")) if given else own[fld])
            row["_ongoing"] = r.end_reason == "ongoing"
            rows.append(row)
    cols = ["position_id", "reading", "source", "start", "end", "start_earliest", "start_latest",
            "end_earliest", "end_latest", "shortest_days", "longest_days"]
    out = pd.DataFrame(rows, columns=cols[:9] + ["_ongoing"])
    for c in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
        out[c] = pd.to_datetime(out[c])
    out["shortest_days"], out["longest_days"] = length_bounds(out.start_earliest, out.start_latest,
                                                             out.end_earliest, out.end_latest)
    open_ = out._ongoing & out.end_earliest.isna() & out.start_latest.notna()
    out.loc[open_, "shortest_days"] = (coverage - out.loc[open_, "start_latest"]).dt.days.clip(lower=0).astype("Int64")
    return out[cols].reset_index(drop=True)


def tenures(ds: Dataset, posts=(), start=None, end=None, include_acting: bool = True,
            fill_gaps: bool = True) -> pd.DataFrame:
    """Tenures of the chosen posts (see `select_posts`) with their length as bounds and the holder's fate.

    start/end (Timestamps, optional): keep the tenures whose dated span may overlap that window; a
    window drops the tenures with neither a start nor an end (they cannot be placed). A tenure with
    no end is open: if its end_reason is `ongoing` it ran at least to the end of the data
    (`eras.coverage_end`) and its length is '≥ shortest'; otherwise its end is not given and its
    length has no bounds. shortest_days/longest_days are the package's reading; `length` gives the
    bounds under each source where they differ (`tenure_readings`), e.g. '809 days (case file) or
    809 to 870 (reference-facts)', and `differs` says a second source gives another length.
    Columns: position_id, person_id, name, post, post_label, level, org_id, title, acting, start, end
    (EDTF; gaps filled from a second source are marked in start_by/end_by), their bounds,
    start_contested, end_contested and contested (a gap filled from rival dates: the hull is shown),
    end_reason, certainty, shortest_days, longest_days, open_end, length (text), differs, dated,
    age_at_start (the holder's age when the tenure began, in words, from their birth: `evidence.age`;
    blank when either date is unknown), fate, fate_date, fate_start, fate_end, fate_certainty.
    Ordered by post, then by start.
    """
    chosen = select_posts(ds, posts)
    check_days(start, end, names=("start", "end"))
    check("include_acting", include_acting, kind=bool)
    check("fill_gaps", fill_gaps, kind=bool)
    t = _filled(ds, fill_gaps)
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
    lo, hi = _span(t, coverage)
    t["dated"] = lo.notna()
    if start is not None or end is not None:
        keep = t.dated.copy()
        if start is not None:
            keep &= hi >= pd.Timestamp(start)
        if end is not None:
            keep &= lo <= pd.Timestamp(end)
        t = t[keep].copy()
    every = tenure_readings(ds, t)
    text, differs = [], []
    for row in t.itertuples():
        mine = every[every.position_id == row.position_id]
        first = mine.iloc[0]
        phrase = by_source([(first.source, row.shortest_days, row.longest_days)]
                           + [(r.source, r.shortest_days, r.longest_days) for r in mine.iloc[1:].itertuples()])
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
    t["length"], t["differs"] = text, differs
    fates = ds.fates()[["person_id", "fate", "date", "start", "end", "certainty"]].rename(
        columns={"date": "fate_date", "start": "fate_start", "end": "fate_end", "certainty": "fate_certainty"})
    t = t.merge(fates, on="person_id", how="left")
    t["fate"] = t.fate.fillna(NO_FATE)
    born = ds.people.set_index("person_id")[["born_earliest", "born_latest"]]
    t["age_at_start"] = [evidence.age_text(*evidence.age(born.at[pid, "born_earliest"], born.at[pid, "born_latest"], lo, hi))
                         if pd.notna(lo) else "" for pid, lo, hi in zip(t.person_id, t.start_earliest, t.start_latest)]
    cols = ["position_id", "person_id", "name", "post", "post_label", "level", "org_id", "title", "acting",
            "source_id", "start", "end", "start_by", "end_by", "start_earliest", "start_latest", "end_earliest", "end_latest",
            "start_contested", "end_contested", "contested", "end_reason", "certainty", "shortest_days", "longest_days", "open_end", "length",
            "differs", "dated", "age_at_start", "fate", "fate_date", "fate_start", "fate_end", "fate_certainty"]
    return _sorted(t[cols], chosen)


def longest_tenure(ds: Dataset, tenures: pd.DataFrame) -> pd.DataFrame:
    """The longest tenure bounded on both sides (the greatest shortest length; ties to the greater
    longest, then the position_id) under each reading of `tenure_readings`: for a source, each tenure
    is read from that source's dates where it gives them and from the package's elsewhere.

    One row per reading, the package's first: reading, position_id, name, post_label, shortest_days,
    longest_days. Empty when no tenure is bounded on both sides."""
    every = tenure_readings(ds, tenures)
    every = every[every.longest_days.notna()]
    cols = ["reading", "position_id", "name", "post_label", "shortest_days", "longest_days"]
    if every.empty:
        return pd.DataFrame(columns=cols)
    info = tenures.drop_duplicates("position_id").set_index("position_id")[["name", "post_label"]]
    package = every[every.reading == PACKAGE].set_index("position_id")
    rows = []
    for reading in [PACKAGE] + sorted(set(every.reading) - {PACKAGE}):
        mine = every[every.reading == reading].set_index("position_id")
        view = pd.concat([mine, package.drop(index=mine.index, errors="ignore")]).reset_index()
        best = view.sort_values(["shortest_days", "longest_days", "position_id"],
                                ascending=[False, False, True]).iloc[0]
        rows.append({"reading": reading, "position_id": best.position_id, "name": info.at[best.position_id, "name"],
                     "post_label": info.at[best.position_id, "post_label"], "shortest_days": best.shortest_days,
                     "longest_days": best.longest_days})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("shortest_days", "longest_days"):
        out[c] = out[c].astype("Int64")
    return out


def _whose(word: str) -> str:
    word = "the case file" if word == "case file" else word
    return word + ("'" if word.endswith("s") else "'s")


def longest_sentence(longest: pd.DataFrame, tenures: pd.DataFrame) -> str:
    """The longest tenure in words (`longest_tenure`): one holder with his length under each source
    where they differ, or the holder under each reading when the sources change the ranking."""
    if longest.empty:
        return ""
    length = tenures.drop_duplicates("position_id").set_index("position_id").length
    if longest.position_id.nunique() == 1:
        r = longest.iloc[0]
        return f"the longest tenure the dates bound on both sides is {r['name']}'s as *{r.post_label}*, {length[r.position_id]}."
    source = tenures.drop_duplicates("position_id").set_index("position_id").source_id
    parts = [f"{r.name}'s as *{r.post_label}* under "
             f"{_whose(source_word(source[r.position_id]) if r.reading == PACKAGE else source_word(r.reading))} dates "
             f"({_days(r.shortest_days, r.longest_days)})" for r in longest.itertuples()]
    return "the longest tenure the dates bound on both sides is " + ", ".join(parts[:-1]) + " but " + parts[-1] + "."


def length_table(tenures: pd.DataFrame) -> pd.DataFrame:
    """The tenures as a table to read: post, holder, acting, start, end, how it ended, the length
    bounds (the package's reading in the two columns of days; `length` under each source where they
    differ) and the holder's fate, in the order of `tenures`. A date filled from the reference is
    marked '(ref.)', and '(ref., contested)' when its pages give rival dates (the hull is used)."""
    def mark(fld):
        ref = (tenures[f"{fld}_by"] == "reference-facts").to_numpy()
        rival = tenures[f"{fld}_contested"].to_numpy() & ref
        return tenures[fld].fillna("—") + np.where(rival, " (ref., contested)", np.where(ref, " (ref.)", ""))
    out = tenures.assign(start=mark("start"), end=mark("end"))
    out = out.drop(columns="post").rename(columns={
        "post_label": "post", "name": "holder", "end_reason": "ended",
        "shortest_days": "shortest (days)", "longest_days": "longest (days)"})
    out["fate_date"] = out.fate_date.fillna("—")
    out = out.rename(columns={"age_at_start": "age at start"})
    cols = ["post", "holder", "acting", "start", "end", "ended", "shortest (days)", "longest (days)", "length",
            "age at start", "fate", "fate_date"]
    return out[cols].reset_index(drop=True)


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
        chain = [i for i in own.index if i not in stood_in]
        for i in own.index:
            r = own.loc[i]
            if i in stood_in:
                pred = succ = stood_in[i]
            else:
                k = chain.index(i)
                pred = own.loc[chain[k - 1], "name"] if k > 0 else None
                succ = own.loc[chain[k + 1], "name"] if k + 1 < len(chain) else None
            rows.append({"post": r.post_label, "holder": r["name"], "acting": bool(acting[i]),
                         "start": r.start if pd.notna(r.start) else "—", "end": r.end if pd.notna(r.end) else "—",
                         "predecessor": pred or "—", "successor": succ or "—", "ended": r.end_reason,
                         "fate": r.fate, "fate_date": r.fate_date if pd.notna(r.fate_date) else "—"})
    cols = ["post", "holder", "acting", "start", "end", "predecessor", "successor", "ended", "fate", "fate_date"]
    return pd.DataFrame(rows, columns=cols)


# --- arrests, deaths and falls -------------------------------------------------------------------

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


def fall_sequences(ds: Dataset, person_ids, fill_gaps: bool = True) -> pd.DataFrame:
    """The fall of each person who was moved to a harmless post or arrested: last post in the organs ->
    harmless post (HARMLESS_POSTS) -> arrest -> trial -> death, with the lag from each step to the
    one before it that the data records.

    left: the end of the person's last tenure in the organs (`organs`; the latest by end, an ongoing
    one counting as open); demoted: the start of his first harmless post; arrested: his first arrest
    from the start of that last tenure on; tried: his first trial after that arrest; died: his fate,
    when it is a death. A step the data lacks is left out. lag_min/lag_max bound the days since the
    previous recorded step (`evidence.span_days`; negative when this step came first, e.g. a harmless
    post taken while still in the organs). These are the package's dates; `fall_spans` reads the
    spans under each source. One row per person and step: person_id, name, step, what, date (EDTF),
    earliest, latest, after (the previous step), lag_min, lag_max, and where the date comes from:
    target ('position' or 'event'), target_id, field, source (the source_id that dates it). People in
    order of their first step.
    """
    check_person_ids(ds.people, "person_ids", person_ids)
    check("fill_gaps", fill_gaps, kind=bool)
    people = sorted(set(person_ids))
    pos = _filled(ds, fill_gaps)
    pos = pos[pos.person_id.isin(people)]
    coverage = eras.coverage_end(ds)
    org_in = pos.org_id.isin(organs(ds.organisations)) & ~pos.post.isin(HARMLESS_POSTS)
    inside = pos[org_in].copy()
    lo, hi = _span(inside, coverage)
    inside["last_key"], inside["dated"], inside["open"] = hi, lo.notna(), inside.end_earliest.isna()
    harmless = pos[pos.post.isin(HARMLESS_POSTS) & pos.start_earliest.notna()].sort_values(["person_id", "start_earliest"])
    arrests = evidence.participants(ds, ("subject",), ["arrest"], people)
    trials = evidence.participants(ds, ("subject",), ["trial"], people)
    source_of = ds.events.set_index("event_id").source_id
    f = ds.fates()
    deaths = f[f.person_id.isin(people) & f.fate.isin(DEATH_FATES)].set_index("person_id")
    names = ds.people.set_index("person_id").name
    rows = []
    for pid in people:
        steps = []
        mine = inside[inside.person_id == pid].sort_values(["dated", "last_key", "open", "position_id"])
        last = mine.iloc[-1] if len(mine) else None
        if last is not None and pd.notna(last.end_earliest):
            steps.append(("left", last.title, last.end, last.end_earliest, last.end_latest,
                          ("position", last.position_id, "end", last.end_by)))
        h = harmless[harmless.person_id == pid]
        if len(h):
            first = h.iloc[0]
            steps.append(("demoted", first.title, first.start, first.start_earliest, first.start_latest,
                          ("position", first.position_id, "start", first.start_by)))
        since = None if last is None else last.start_earliest if pd.notna(last.start_earliest) else last.end_earliest
        a = arrests[arrests.person_id == pid]
        if since is not None and pd.notna(since):
            a = a[a.end >= since]
        if len(a):
            arrest = a.iloc[0]
            steps.append(("arrested", arrest.title, arrest.date, arrest.start, arrest.end,
                          ("event", arrest.event_id, "date", arrest.source_id)))
            tr = trials[(trials.person_id == pid) & (trials.end >= arrest.start)]
            if len(tr):
                t0 = tr.iloc[0]
                steps.append(("tried", t0.title, t0.date, t0.start, t0.end, ("event", t0.event_id, "date", t0.source_id)))
        if not any(s[0] in ("demoted", "arrested") for s in steps):
            continue
        if pid in deaths.index:
            d = deaths.loc[pid]
            steps.append(("died", d.fate.replace("_", " "), d.date, d.start, d.end,
                          ("event", d.event_id, "date", source_of[d.event_id])))
        prev = None
        for step, what, date, earliest, latest, (target, target_id, fld, src) in steps:
            lag = evidence.span_days(prev[3], prev[4], earliest, latest) if prev else (None, None)
            rows.append({"person_id": pid, "name": names[pid], "step": step, "what": what, "date": date,
                         "earliest": earliest, "latest": latest, "after": prev[0] if prev else None,
                         "lag_min": lag[0], "lag_max": lag[1], "target": target, "target_id": target_id,
                         "field": fld, "source": src})
            prev = (step, what, date, earliest, latest)
    cols = ["person_id", "name", "step", "what", "date", "earliest", "latest", "after", "lag_min", "lag_max",
            "target", "target_id", "field", "source"]
    out = pd.DataFrame(rows, columns=cols)
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    out["step"] = pd.Categorical(out.step, categories=list(STEPS), ordered=True)
    first = out.groupby("person_id").earliest.min()
    out["_first"] = out.person_id.map(first)
    out = out.sort_values(["_first", "person_id", "step"]).drop(columns="_first")
    return out.reset_index(drop=True)


#: The two spans of a fall: (name, the steps it may start from, earliest first, the step it ends at).
SPANS = (("fall_to_arrest", ("left", "demoted"), "arrested"), ("arrest_to_death", ("arrested",), "died"))


def fall_spans(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """Per person and reading, the two spans of the question: from the fall (leaving the organs or the
    harmless post, whichever came first) to the arrest, and from the arrest to the death, each as
    bounds in days (`evidence.span_days`).

    The spans are computed under each source that dates one of these steps (`evidence.readings`): the
    package's reading first ('package'; `falls`' own dates), then each other source's, which takes its
    own date for a step where it gives one and the package's elsewhere. A reading whose spans are all
    the package's is left out. Columns: person_id, name, reading ('package' or a source_id),
    fall_to_arrest_min/max, fall_to_arrest_by, arrest_to_death_min/max, arrest_to_death_by (`_by`:
    the sources of the two dates, joined by ' + '; missing where a step is not recorded). In the order
    of `falls`, the package's reading first."""
    rows = []
    claims = evidence.dated_claims(ds)
    for pid, own in falls.groupby("person_id", sort=False):
        own = own[own.step.isin(["left", "demoted", "arrested", "died"])].reset_index(drop=True)
        ends = list(zip(own.target, own.target_id, own.field))
        rd = evidence.readings(ds, ends, claims)
        base = rd.iloc[0]
        found = []
        for x in rd.itertuples():
            bounds = {}
            for i, r in own.iterrows():
                date = getattr(x, f"date_{i}")
                given = x.source != PACKAGE and date is not None and date != base[f"date_{i}"]
                bounds[r.step] = ((getattr(x, f"earliest_{i}"), getattr(x, f"latest_{i}"), x.source) if given
                                  else (r.earliest, r.latest, r.source))
            row = {"person_id": pid, "name": own.name.iloc[0], "reading": x.source}
            for key, starts, stop in SPANS:
                begin = sorted((bounds[s] for s in starts if s in bounds), key=lambda b: (b[0], b[1]))
                if begin and stop in bounds:
                    a, b = begin[0], bounds[stop]
                    row[f"{key}_min"], row[f"{key}_max"] = evidence.span_days(a[0], a[1], b[0], b[1])
                    row[f"{key}_by"] = " + ".join(dict.fromkeys(sorted({a[2], b[2]})))
                else:
                    row[f"{key}_min"] = row[f"{key}_max"] = row[f"{key}_by"] = None
            spans = tuple(row[f"{k}_{m}"] for k, _, _ in SPANS for m in ("min", "max"))
            if spans not in found:
                found.append(spans)
                rows.append(row)
    cols = ["person_id", "name", "reading", "fall_to_arrest_min", "fall_to_arrest_max", "fall_to_arrest_by",
            "arrest_to_death_min", "arrest_to_death_max", "arrest_to_death_by"]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("fall_to_arrest_min", "fall_to_arrest_max", "arrest_to_death_min", "arrest_to_death_max"):
        out[c] = out[c].astype("Int64")
    return out


def quickest_end(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """The quickest end (the shortest longest-possible span from arrest to death) under each reading of
    `fall_spans`: for a source, each person's span is read from that source's dates where it gives
    them and from the package's elsewhere. Ties go to the shorter shortest span, then to the name.

    One row per reading, the package's first: reading, person_id, name, arrest_to_death_min,
    arrest_to_death_max, by (the sources of the two dates). Empty when no fall runs to a death."""
    spans = fall_spans(ds, falls).dropna(subset=["arrest_to_death_min"])
    cols = ["reading", "person_id", "name", "arrest_to_death_min", "arrest_to_death_max", "by"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    package = spans[spans.reading == PACKAGE].set_index("person_id")
    rows = []
    for reading in [PACKAGE] + sorted(set(spans.reading) - {PACKAGE}):
        mine = spans[spans.reading == reading].set_index("person_id")
        view = pd.concat([mine, package.drop(index=mine.index, errors="ignore")]).reset_index()
        best = view.sort_values(["arrest_to_death_max", "arrest_to_death_min", "name"]).iloc[0]
        rows.append({"reading": reading, "person_id": best.person_id, "name": best["name"],
                     "arrest_to_death_min": best.arrest_to_death_min, "arrest_to_death_max": best.arrest_to_death_max,
                     "by": best.arrest_to_death_by})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("arrest_to_death_min", "arrest_to_death_max"):
        out[c] = out[c].astype("Int64")
    return out


def _reading_word(reading: str, by: str) -> str:
    return " + ".join(source_word(s) for s in by.split(" + ")) if reading == PACKAGE else source_word(reading)


def quickest_sentence(quickest: pd.DataFrame) -> str:
    """The quickest end in words, under each reading: one name when every source agrees on who, with
    the bounds under each where they differ; else the name under each reading."""
    if quickest.empty:
        return ""
    def bound(r):
        return (f"at most {r.arrest_to_death_max:,} days" if r.arrest_to_death_min != r.arrest_to_death_max
                else f"{r.arrest_to_death_max:,} days")
    words = [(_reading_word(r.reading, r.by), r) for r in quickest.itertuples()]
    if quickest.person_id.nunique() == 1:
        spans = " or ".join(f"{bound(r)} ({w})" for w, r in words) if len(words) > 1 else bound(words[0][1])
        return f"The quickest end: {quickest.name.iloc[0]}, dead {spans} after the arrest."
    parts = [f"{r.name} under {_whose(w)} dates ({bound(r)} from arrest to death)" for w, r in words]
    return "The quickest end: " + ", ".join(parts[:-1]) + " but " + parts[-1] + "."


def fall_table(ds: Dataset, falls: pd.DataFrame) -> pd.DataFrame:
    """One row per person: the date of each step of the fall, with the lag since the previous step,
    e.g. '1939-04-10 (+369 days)', then the spans fall -> arrest and arrest -> death under each source
    where they differ (`fall_spans`), e.g. '8 days (case file) or 100 (reference-facts)'; '—' where
    the data records no such step. In the order of `falls`."""
    def cell(r):
        if pd.isna(r.lag_min):
            return r.date
        lag = f"{r.lag_min:+,}" if r.lag_min == r.lag_max else f"{r.lag_min:+,} to {r.lag_max:+,}"
        return f"{r.date} ({lag} days)"
    f = falls.assign(cell=[cell(r) for r in falls.itertuples()])
    wide = f.pivot(index="name", columns="step", values="cell")
    wide = wide.reindex(index=list(dict.fromkeys(falls.name)), columns=list(STEPS))
    wide.columns = [STEP_WORDS[s] for s in STEPS]
    wide.columns.name = None
    last_post = falls[falls.step == "left"].set_index("name").what
    wide.insert(0, "last post in the organs", last_post.reindex(wide.index))
    spans = fall_spans(ds, falls)
    for key, words in (("fall_to_arrest", "fall to arrest"), ("arrest_to_death", "arrest to death")):
        texts = {}
        for name, own in spans.groupby("name", sort=False):
            readings = [(_reading_word(r.reading, getattr(r, f"{key}_by")), getattr(r, f"{key}_min"),
                         getattr(r, f"{key}_max")) for r in own.itertuples() if pd.notna(getattr(r, f"{key}_min"))]
            texts[name] = by_source(readings) if readings else None
        wide[words] = [texts.get(n) for n in wide.index]
    return wide.fillna("—")


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
    lo, hi = _span(t, coverage)
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
    year, and how many holders were later shot or killed (SHOT_OR_KILLED; of which on an alleged or
    disputed account) and their share."""
    rows = []
    for label, own in tenures.groupby("post_label", sort=False):
        holders = own.drop_duplicates("person_id")
        years = per_year.loc[label] if label in per_year.index else pd.Series(dtype=int)
        active = years[years > 0]
        shot = int(holders.fate.isin(SHOT_OR_KILLED).sum())
        alleged = int((holders.fate.isin(SHOT_OR_KILLED) & (holders.fate_certainty != "stated")).sum())
        rows.append({"post": label, "tenures": len(own), "holders": len(holders), "years": len(active),
                     "holders_per_year": round(active.mean(), 2) if len(active) else np.nan,
                     "busiest_year": int(active.idxmax()) if len(active) else pd.NA,
                     "most_in_a_year": int(active.max()) if len(active) else 0,
                     "shot_or_killed": shot, "of_which_alleged": alleged,
                     "share_shot_or_killed": round(shot / len(holders), 2)})
    out = pd.DataFrame(rows)
    out["busiest_year"] = out.busiest_year.astype("Int64")
    return out


# --- purgers purged ------------------------------------------------------------------------------

def officials(ds: Dataset) -> set[str]:
    """The officials of the organs: people of the `apparatus` side, and anyone who held a post in an
    organisation of the organs (`organs`) at any time."""
    held = ds.positions.person_id[ds.positions.org_id.isin(organs(ds.organisations))]
    return set(ds.people.person_id[ds.people.side == OFFICIAL_SIDE]) | set(held)


def removals(ds: Dataset, among_officials: bool = False) -> pd.DataFrame:
    """Who removed or arrested whom (`evidence.acts` on REMOVALS): one row per removal event with a
    subject and each person in a PURGER_ROLES role. among_officials: only acts where both the remover
    and the removed are officials of the organs (`officials`), i.e. a purge of the organs, not the
    capture of their enemies. Columns: purger_id, purger, role, purged_id, purged, event_id, type, date,
    start, end, certainty (the weakest of the event's and the two roles')."""
    check("among_officials", among_officials, kind=bool)
    x = evidence.acts(ds, REMOVALS, PURGER_ROLES).rename(columns={"actor": "purger_id", "victim": "purged_id"})
    if among_officials:
        inside = officials(ds)
        x = x[x.purger_id.isin(inside) & x.purged_id.isin(inside)]
    names = ds.people.set_index("person_id").name
    x = x.assign(purger=x.purger_id.map(names), purged=x.purged_id.map(names))
    cols = ["purger_id", "purger", "role", "purged_id", "purged", "event_id", "type", "date", "start", "end", "certainty"]
    return x[cols].sort_values(["start", "purger_id", "event_id"]).reset_index(drop=True)


def purger_purged(ds: Dataset, person_ids=None, start=None, end=None) -> pd.DataFrame:
    """Purgers purged: each removal (arrest, dismissal, demotion) of an official of the organs by an
    official of the organs (`officials`: side `apparatus`, or a post in the organs) whose remover was
    himself removed or arrested later, with his own fall, who brought it about (anyone) and the lag in
    days (bounds, `evidence.span_days`).

    person_ids: keep the rows where the purger or the purged is one of them; start/end: keep acts whose
    date may fall in that window. Columns: purger, act, purged, date, certainty, purger_fell (type of
    his own removal), fell_date, fell_by, lag_min, lag_max. In order of the act's date.
    """
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    check_days(start, end, names=("start", "end"))
    rem = removals(ds, among_officials=True)
    every = removals(ds)
    own = evidence.participants(ds, ("subject",), REMOVALS)
    by = every.assign(who=every.purger + np.where(every.certainty == "stated", "", " (" + every.certainty + ")"))
    by = by.groupby("event_id").who.agg(lambda s: ", ".join(sorted(set(s))))
    rows = []
    for r in rem.itertuples():
        later = own[(own.person_id == r.purger_id) & (own.end > r.start) & (own.event_id != r.event_id)]
        if not len(later):
            continue
        fall = later.iloc[0]
        lo, hi = evidence.span_days(r.start, r.end, fall.start, fall.end)
        rows.append({"purger": r.purger, "act": f"{r.type} ({r.role.replace('_', ' ')})", "purged": r.purged,
                     "date": r.date, "certainty": r.certainty, "purger_fell": fall.type, "fell_date": fall.date,
                     "fell_by": by.get(fall.event_id, "—"), "lag_min": lo, "lag_max": hi,
                     "_purger_id": r.purger_id, "_purged_id": r.purged_id, "_start": r.start, "_end": r.end,
                     "_event": r.event_id})
    cols = ["purger", "act", "purged", "date", "certainty", "purger_fell", "fell_date", "fell_by", "lag_min", "lag_max"]
    out = pd.DataFrame(rows, columns=cols + ["_purger_id", "_purged_id", "_start", "_end", "_event"])
    keep = pd.Series(True, index=out.index)
    if person_ids is not None:
        ids = set(person_ids)
        keep &= out._purger_id.isin(ids) | out._purged_id.isin(ids)
    if start is not None:
        keep &= out._end >= pd.Timestamp(start)
    if end is not None:
        keep &= out._start <= pd.Timestamp(end)
    out = out[keep].sort_values(["_start", "purger", "_event"])
    out["lag_min"], out["lag_max"] = out.lag_min.astype("Int64"), out.lag_max.astype("Int64")
    return out[cols].reset_index(drop=True)


def purge_chains(ds: Dataset, person_ids=None) -> pd.DataFrame:
    """Chains of purges A -> B -> C ...: A removed or arrested B after B had removed or arrested C, every
    link an act among officials of the organs (`removals(among_officials=True)`), time running
    backwards along the chain (each link's act begins no later than the previous link's ends).

    Built on `evidence.act_graph`; each link is the pair's first act. Only maximal chains of three
    people or more (not part of a longer one), and with person_ids only those that pass through one of
    them. Columns: chain (names with the act and its date on each link), people. Longest first, then
    alphabetical.
    """
    if person_ids is not None:
        check_person_ids(ds.people, "person_ids", person_ids)
    acts = removals(ds, among_officials=True).rename(columns={"purger_id": "actor", "purged_id": "victim"})
    names = ds.people.set_index("person_id").name
    graph = evidence.act_graph(acts, names)
    first = acts.drop_duplicates(["actor", "victim"]).set_index(["actor", "victim"])
    paths = []

    def walk(path, last_end):
        nxt = [v for v in sorted(graph.successors(path[-1])) if v not in path
               and (last_end is None or first.loc[(path[-1], v), "start"] <= last_end)]
        if not nxt and len(path) >= 3:
            paths.append(tuple(path))
        for v in nxt:
            walk(path + [v], first.loc[(path[-1], v), "end"])

    for head in sorted(graph.nodes):
        walk([head], None)
    rows = []
    for path in paths:
        inner = any(path != q and any(q[i:i + len(path)] == path for i in range(len(q) - len(path) + 1)) for q in paths)
        if inner or (person_ids is not None and not set(path) & set(person_ids)):
            continue
        links = [first.loc[(a, b)] for a, b in zip(path, path[1:])]
        text = graph.nodes[path[0]]["name"] + "".join(
            f" —{e.type} {e.date}→ {graph.nodes[v]['name']}" for e, v in zip(links, path[1:]))
        rows.append({"chain": text, "people": len(path)})
    out = pd.DataFrame(rows, columns=["chain", "people"]).drop_duplicates()
    return out.sort_values(["people", "chain"], ascending=[False, True]).reset_index(drop=True)


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


# --- figures -------------------------------------------------------------------------------------

def _num(ts) -> float:
    return mdates.date2num(pd.Timestamp(ts).to_pydatetime())


def plot_gantt(tenures: pd.DataFrame, agencies: pd.DataFrame, marks: pd.DataFrame, start, end,
               coverage: pd.Timestamp, ax=None):
    """Tenures as bars, one row per tenure grouped under its post, over a band of the agencies.

    Solid: the span the holder certainly held the post; pale: the span only possible given partial
    dates; hatched: acting; colour: the holder's fate. Triangles mark a tenure known only by its start
    (▶) or its end (◀). After each holder's last bar, × marks an arrest and † a death; those after
    the window are written at the right edge.
    """
    check_days(start, end, names=("start", "end"))
    t = tenures[tenures.dated].reset_index(drop=True)
    colours = FATE
    rows, ticks, labels, bold = [], [0], ["Agency"], [True]  # row 0 is the agencies' band
    y = 1
    for label, own in t.groupby("post_label", sort=False):
        ticks.append(y), labels.append(label), bold.append(True)
        y += 1
        for i in own.index:
            rows.append((i, y))
            ticks.append(y), labels.append(own.at[i, "name"] + (" (acting)" if own.at[i, "acting"] else ""))
            bold.append(False)
            y += 1
    height = max(4.0, 0.27 * (y + 1) + 1.2)
    ax = ax or plt.subplots(figsize=(13, height))[1]
    w0, w1 = pd.Timestamp(start), pd.Timestamp(end)
    # the agencies' band, row 0
    band = palette(agencies.org_id)
    for a in agencies.itertuples():
        a0, a1 = a.founded_earliest, a.dissolved_latest if pd.notna(a.dissolved_latest) else coverage
        ax.barh(0, _num(a1) - _num(a0), left=_num(a0), height=0.8, color=band[a.org_id], alpha=0.55, edgecolor="white")
        mid = max(a0, w0) + (min(a1, w1) - max(a0, w0)) / 2
        if a1 > w0 and a0 < w1:
            ax.text(_num(mid), 0, a.label, ha="center", va="center", fontsize=SMALL, fontweight="bold", clip_on=True)
    last_row = {}
    for i, yy in rows:
        r = t.loc[i]
        c = colours[r.fate]
        hatch = "////" if r.acting else None
        s0, s1, e0, e1 = r.start_earliest, r.start_latest, r.end_earliest, r.end_latest
        if pd.isna(e0) and r.end_reason == "ongoing":
            e0 = e1 = max(coverage, s1)
        if pd.notna(s0) and pd.notna(e0):
            if s1 < e0:
                ax.barh(yy, _num(e0) - _num(s1), left=_num(s1), height=0.6, color=c, hatch=hatch, edgecolor="#333333", linewidth=0.4)
            ax.barh(yy, _num(e1) - _num(s0), left=_num(s0), height=0.6, color=c, alpha=0.35, hatch=hatch, linewidth=0)
            if r.end_reason == "ongoing" and pd.isna(r.end_latest):
                ax.plot(_num(e1), yy, marker=">", color=c, markersize=6)
            end_at = e1
        elif pd.notna(s0):
            ax.barh(yy, _num(s1) - _num(s0), left=_num(s0), height=0.6, color=c, alpha=0.35, linewidth=0)
            ax.plot(_num(s1), yy, marker=">", color=c, markersize=7, markeredgecolor="#333333", markeredgewidth=0.4)
            end_at = s1
        else:
            ax.barh(yy, _num(e1) - _num(e0), left=_num(e0), height=0.6, color=c, alpha=0.35, linewidth=0)
            ax.plot(_num(e0), yy, marker="<", color=c, markersize=7, markeredgecolor="#333333", markeredgewidth=0.4)
            end_at = e1
        if r.person_id not in last_row or end_at >= last_row[r.person_id][1]:
            last_row[r.person_id] = (yy, end_at)  # marks go after the holder's latest-ending bar
    late = {}
    for m in marks.itertuples():
        if m.person_id not in last_row:
            continue
        yy, _ = last_row[m.person_id]
        if m.start > w1:
            late.setdefault(yy, []).append(("× " if m.kind == "arrest" else "† ") + m.start.strftime("%Y"))
            continue
        x0, x1 = _num(m.start), _num(m.end)
        if x1 > x0:
            ax.plot([x0, x1], [yy, yy], color="black", linewidth=1)
        marker = "x" if m.kind == "arrest" else "$\u2020$"
        ax.plot((x0 + x1) / 2, yy, marker=marker, color="black", markersize=7 if m.kind == "arrest" else 10)
    for yy, words in late.items():
        ax.text(1.0, yy, " " + ", ".join(words), transform=ax.get_yaxis_transform(), va="center", fontsize=SMALL,
                color="#444444")
    ax.set_yticks(ticks, labels)
    for tick, is_bold in zip(ax.get_yticklabels(), bold):
        if is_bold:
            tick.set_fontweight("bold")
        else:
            tick.set_fontsize(SMALL + 0.5)
    ax.set_ylim(y, -0.7)
    ax.set_xlim(_num(w0), _num(w1))
    span_years = (w1 - w0).days / 365.25
    ax.xaxis.set_major_locator(mdates.YearLocator(1 if span_years <= 12 else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelrotation=0, labeltop=True)
    ax.grid(axis="y", visible=False)
    ax.set(title="Who held each post, and how they ended", xlabel="Year", ylabel="")
    present = [f for f in FATES if f in set(t.fate)]
    handles = [Patch(color=colours[f], label=f.replace("_", " ") if f != NO_FATE else "no recorded end")
               for f in present]
    handles += [Patch(facecolor="white", edgecolor="#333333", hatch="////", label="acting"),
                Patch(facecolor="#999999", alpha=0.35, label="possible span (partial date)"),
                Line2D([], [], marker="x", color="black", linestyle="", label="arrest"),
                Line2D([], [], marker="$\u2020$", color="black", linestyle="", markersize=10, label="death"),
                Line2D([], [], marker=">", color="#666666", linestyle="", label="start only / still in post"),
                Line2D([], [], marker="<", color="#666666", linestyle="", label="end only")]
    ax.legend(handles=handles, title="holder's fate and marks", fontsize=SMALL + 0.5, title_fontsize=SMALL + 1,
              bbox_to_anchor=(1.1, 1), loc="upper left", frameon=False)
    return ax


def plot_falls(falls: pd.DataFrame, ax=None):
    """The lags of each fall as a dot plot: one row per person, one colour per step, days since the
    previous recorded step on a symmetric-log axis; a line spans the bounds when the dates are partial."""
    f = falls[falls.lag_min.notna()]
    people = list(dict.fromkeys(falls.name))
    ax = ax or plt.subplots(figsize=(11, max(3.0, 0.45 * len(people) + 1.5)))[1]
    colours = dict(zip(STEPS[1:], ["#7a4e9c", "#e39b28", "#2b6a99", "#b23a48"]))
    offset = {s: (k - 1.5) * 0.14 for k, s in enumerate(STEPS[1:])}
    ypos = {p: i for i, p in enumerate(people)}
    for r in f.itertuples():
        yy = ypos[r.name] + offset[r.step]
        c = colours[r.step]
        if r.lag_min != r.lag_max:
            ax.plot([r.lag_min, r.lag_max], [yy, yy], color=c, linewidth=2.2, solid_capstyle="butt")
            ax.plot([r.lag_min, r.lag_max], [yy, yy], "|", color=c, markersize=7)
        else:
            ax.plot(r.lag_min, yy, "o", color=c, markersize=6)
    ax.set_xscale("symlog", linthresh=30)
    ticks = [-3652, -365, -30, 0, 30, 365, 3652, 14610]
    words = ["−10 yr", "−1 yr", "−1 mo", "0", "1 mo", "1 yr", "10 yr", "40 yr"]
    lo = min(f.lag_min.min(), 0) if len(f) else 0
    hi = max(f.lag_max.max(), 30) if len(f) else 30
    keep = [(t, w) for t, w in zip(ticks, words) if lo * 1.2 - 1 <= t <= hi * 1.2 + 1]
    ax.set_xticks([t for t, _ in keep], [w for _, w in keep])
    ax.set_yticks(range(len(people)), people)
    ax.set_ylim(len(people) - 0.5, -0.5)
    ax.axvline(0, color="#666666", linewidth=0.8)
    ax.set(title="From the fall to the bullet: time since the previous step",
           xlabel="Time since the previous recorded step (symmetric log scale)", ylabel="")
    handles = [Line2D([], [], marker="o", color=colours[s], linestyle="", label=STEP_WORDS[s]) for s in STEPS[1:]]
    ax.legend(handles=handles, title="step reached", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    return ax


def plot_share_shot(rates: pd.DataFrame, ax=None):
    """Share of each post's holders later shot or killed, with 'n of N' beside each bar."""
    r = rates.iloc[::-1]
    ax = ax or plt.subplots(figsize=(9, max(3.0, 0.38 * len(r) + 1.2)))[1]
    ax.barh(r.post, r.share_shot_or_killed, color="#b23a48")
    for yy, (share, n, total) in enumerate(zip(r.share_shot_or_killed, r.shot_or_killed, r.holders)):
        ax.text(share + 0.01, yy, f"{n} of {total}", va="center", fontsize=9)
    ax.set_xlim(0, 1.15)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set(title="Holders later shot or killed, per post", xlabel="Share of the post's holders", ylabel="")
    return ax


def plot_holders_per_year(per_year: pd.DataFrame, ax=None):
    """Holders of each post per calendar year as a heat map (blank: none); 2 or more means it changed hands."""
    ax = ax or plt.subplots(figsize=(13, max(3.0, 0.36 * len(per_year) + 1.5)))[1]
    shown = per_year.astype(str).where(per_year > 0, "")  # zeros left blank
    import seaborn as sns  # imported here: it brings scipy.stats, which only this figure needs

    sns.heatmap(per_year, annot=shown, fmt="", cmap="Reds", cbar=False, linewidths=0.5, linecolor="white",
                ax=ax, annot_kws={"fontsize": SMALL}, vmin=0, vmax=max(3, int(per_year.values.max()) if per_year.size else 3))
    ax.set(title="Holders per post per year", xlabel="Year", ylabel="")
    ax.tick_params(axis="x", labelrotation=90)
    return ax
