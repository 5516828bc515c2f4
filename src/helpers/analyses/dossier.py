"""One person's file: who they were, the posts they held, the events they took part in, their fate,
and where the sources disagree about them, each line with its source and locator.

Used by `notebooks/dossier.ipynb`; `people_with_dossiers` says whom the report build covers. Each
function of one person checks its `person_id` first: an unknown id raises `ParameterError` with one
sentence, never a KeyError or an empty table.
"""
from __future__ import annotations

import html
import re
import textwrap
from urllib.parse import unquote, urlsplit

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .. import evidence
from ..core import dates
from ..core.checks import check, check_person_ids
from ..core.errors import ParameterError
from ..data.vocabulary import DEATH_EVENT_TYPES, event_groups
from ..evidence import Dataset
from ..evidence.fates import DEATH_FATES

ROLE_ORDER = ["subject", "perpetrator", "ordered_by", "organiser", "accomplice", "other"]


def people_with_dossiers(ds: Dataset) -> pd.DataFrame:
    """Every member of the apparatus and every person whose fate the data records, sorted by name."""
    fated = set(ds.fates().person_id)
    chosen = ds.people[(ds.people.side == "apparatus") | ds.people.person_id.isin(fated)]
    return chosen[["person_id", "name", "side"]].sort_values(["name", "person_id"]).reset_index(drop=True)


def register_rows(ds: Dataset, person_ids=None) -> pd.DataFrame:
    """The people register's rows (the build's `people.html`): for each person of `person_ids` (default:
    `people_with_dossiers`), their side, last post (the title of the post with the latest start, posts
    with no start first), the year of birth (earliest possible) and of death (the earliest possible
    day of a fate that is a death; missing otherwise) as integers, and the fate ('' when the data
    records no end). Columns: person_id, name, side, post, born, died, fate; in the given order."""
    ids = list(people_with_dossiers(ds).person_id if person_ids is None else person_ids)
    check_person_ids(ds.people, "person_ids", ids)
    people = ds.people.set_index("person_id")
    fates = ds.fates().set_index("person_id")
    posts = ds.positions.sort_values(["start_earliest", "end_earliest"], na_position="first")
    last_post = posts.groupby("person_id").title.last()
    fate = fates.fate.reindex(ids)
    died = fates.start.reindex(ids).where(fate.isin(DEATH_FATES))
    columns = {"name": people.name.reindex(ids), "side": people.side.reindex(ids),
               "post": last_post.reindex(ids).fillna(""),
               "born": people.born_earliest.reindex(ids).dt.year.astype("Int64"),
               "died": died.dt.year.astype("Int64"), "fate": fate.fillna("")}
    out = pd.DataFrame({name: col.reset_index(drop=True) for name, col in columns.items()})
    return out.assign(person_id=ids)[["person_id", *columns]]


def file_name(person_id: str) -> str:
    """A safe file name for a person's dossier: letters, digits and hyphens only, never a path."""
    safe = re.sub(r"[^a-z0-9-]+", "-", str(person_id).lower()).strip("-")
    return f"{safe or 'unnamed'}.html"


def profile(ds: Dataset, person_id: str) -> pd.Series:
    """name, side, born (EDTF), notes, source and locator of one person."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    return ds.people.set_index("person_id").loc[person_id, ["name", "side", "born", "notes", "source_id", "locator"]]


def _when(text: str) -> str:
    """An EDTF date in words at its own precision: '19 November 1891', 'November 1891', '1891', else as written."""
    b = dates.parse(text)
    if b.precision == "day":
        return f"{b.earliest.day} {b.earliest:%B %Y}"
    if b.precision == "month":
        return f"{b.earliest:%B %Y}"
    if b.precision == "year":
        return str(b.earliest.year)
    return text


def life(ds: Dataset, person_id: str) -> str:
    """The person's life dates in one sentence: birth (place, source) and recorded end with the age
    then (`evidence.age`); what the data lacks is said in words."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.people.set_index("person_id").loc[person_id]
    end = fate(ds, person_id)
    if pd.notna(p.born):
        where = f" in {p.born_place}" if pd.notna(p.born_place) else ""
        text = f"Born {_when(p.born)}{where} ({p.born_source_id})"
    else:
        text = "Birth date not in the data"
    if end is None:
        return text + "; the data records no end."
    what = end.fate.replace("_", " ")
    age = evidence.age(p.born_earliest, p.born_latest, end.start, end.end) if pd.notna(p.born) else (None, None)
    aged = f", aged {evidence.age_text(*age)}" if age[0] is not None else ""
    verb = "last recorded as" if end.fate in ("imprisoned", "survived", "sentenced_to_death", "disappeared") else ""
    return f"{text}; {verb + ' ' if verb else ''}{what} {_when(end.date)}{aged} ({end.certainty})."


def blank(table: pd.DataFrame) -> pd.DataFrame:
    """The table as a reader should see it: a blank where a value is missing (never None, NaN, NaT
    or <NA>). For display: the columns become plain objects."""
    return table.astype(object).where(table.notna(), "")


def aliases(ds: Dataset, person_id: str) -> pd.DataFrame:
    check_person_ids(ds.people, "person_id", person_id, one=True)
    a = ds.aliases[ds.aliases.person_id == person_id]
    return blank(a[["alias", "kind", "source_id", "locator"]].sort_values("alias").reset_index(drop=True))


def posts(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The person's tenures in date order, with how each ended."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.positions[ds.positions.person_id == person_id].sort_values(["start_earliest", "position_id"])
    cols = ["title", "org_id", "start", "end", "end_reason", "acting", "certainty", "source_id", "locator"]
    return blank(p[cols].reset_index(drop=True))


def events(ds: Dataset, person_id: str) -> pd.DataFrame:
    """Every event the person took part in, in date order, with their role in it."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    r = ds.roles[ds.roles.person_id == person_id][["event_id", "role", "certainty"]]
    e = r.merge(ds.events[["event_id", "date", "start", "type", "title", "source_id", "locator"]],
                on="event_id", suffixes=("_of_role", ""))
    e["role"] = pd.Categorical(e.role, ROLE_ORDER, ordered=True)
    e = e.sort_values(["start", "event_id", "role"])
    return blank(e[["date", "type", "title", "role", "certainty", "source_id", "locator"]].reset_index(drop=True))


def fate(ds: Dataset, person_id: str) -> pd.Series | None:
    """The person's fate row from Dataset.fates(), or None when the data records no end."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    f = ds.fates()
    f = f[f.person_id == person_id]
    return None if f.empty else f.iloc[0]


def accounts(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The rival accounts (official story, allegations, rival theories) of the events the person is the
    subject of, in date order: what it is about, kind, claim, who claims it, certainty, source."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    own = evidence.participants(ds, ("subject",), person_ids=[person_id])[["event_id", "title", "start"]]
    a = ds.accounts.merge(own, on="event_id")
    a = a.sort_values(["start", "event_id", "kind", "account_id"])
    return blank(a[["title", "kind", "claim", "claimed_by", "summary", "certainty", "source_id", "locator"]]
                 .reset_index(drop=True))


def disagreements(ds: Dataset, person_id: str) -> pd.DataFrame:
    """Dates another source gives for this person's events or tenures that differ from the data's
    (`evidence.disagreements`, the one filter)."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    own_events = set(ds.roles.loc[(ds.roles.person_id == person_id) & (ds.roles.role == "subject"), "event_id"])
    own_posts = set(ds.positions.loc[ds.positions.person_id == person_id, "position_id"])
    d = evidence.disagreements(ds)
    d = d[d.target_id.isin(own_events | own_posts)]
    out = pd.DataFrame({"about": d.target_id, "field": d.field, "recorded": d.recorded, "other_date": d.attested,
                        "source_id": d.attested_by, "locator": d.locator, "note": d.note})
    return blank(out.sort_values(["about", "field", "other_date"]).reset_index(drop=True))


# --- The page as a researcher reads it: life dates, co-participants, sources as links, a timeline ---

ROLE_WORDS = {"subject": "subject", "perpetrator": "perpetrator", "ordered_by": "ordered it",
              "organiser": "organiser", "accomplice": "accomplice", "other": "also named"}
ARREST_TYPES = ("arrest",)  # the marks a timeline calls an arrest (the person the subject)
DEATH_TYPES = DEATH_EVENT_TYPES  # execution, assassination, suicide, death (the person the subject)


def when(text) -> str:
    """An EDTF date as a reader writes it, at its own precision: '4 Feb 1940', 'Sep 1937', '1937',
    'between Dec 1934 and 19 Aug 1936'; 'c. ' for an approximate date, '?' after an uncertain one.
    Blank for a missing date; a string the parser cannot read is returned as written."""
    if not isinstance(text, str) or not text.strip():
        return ""
    try:
        b = dates.parse(text)
    except dates.DateError:
        return text

    def day(d, precision):
        return {"day": f"{d.day} {d:%b %Y}", "month": f"{d:%b %Y}", "year": str(d.year)}.get(precision, "")

    core = text.strip().rstrip("?~%")
    if b.precision in ("day", "month", "year"):
        out = day(b.earliest, b.precision)
    elif "/" in core:
        ends = [dates.parse(part) for part in core.split("/")]
        out = f"between {day(ends[0].earliest, ends[0].precision)} and {day(ends[1].latest, ends[1].precision)}"
    else:  # a season or another span edtf reads as one
        out = f"between {b.earliest.day} {b.earliest:%b %Y} and {b.latest.day} {b.latest:%b %Y}"
    return ("c. " if b.approximate else "") + out + ("?" if b.uncertain else "")


def life_dates(ds: Dataset, person_id: str) -> str:
    """Birth and death in one line, each at its own precision ('1 May 1895 – 4 Feb 1940'); an end
    the data does not know is said in words ('birth date unknown', 'no death recorded')."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    born = ds.people.set_index("person_id").at[person_id, "born"]
    end = fate(ds, person_id)
    died = when(end.date) if end is not None and end.fate in DEATH_FATES else ""
    if not isinstance(born, str) and not died:
        return "Life dates unknown: the data gives neither birth nor death."
    return f"{when(born) or 'birth date unknown'} – {died or 'no death recorded'}"


def _short_title(title: str) -> str:
    """A source's title without a trailing gloss in brackets: 'Case File #0121 — NKVD Black Work'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", str(title)).strip()


def _link_text(url: str, width: int = 48) -> str:
    """A URL as short readable text: host and path, decoded, cut at `width` characters."""
    parts = urlsplit(url)
    text = (parts.netloc.removeprefix("www.") + unquote(parts.path)).rstrip("/")
    return text if len(text) <= width else text[: width - 1] + "…"


def cite(ds: Dataset, source_id: str, locator, as_html: bool = False) -> str:
    """Where a fact comes from, for a reader: each URL of the locator (several are joined by ' ; ')
    as a link, each case-file paragraph as text after the source's title. Markdown links by
    default (for prose), HTML `<a>` with `as_html` (for table cells), text from the data escaped."""
    titles = ds.sources.set_index("source_id").title
    title = _short_title(titles.get(source_id, source_id)) if isinstance(source_id, str) else ""
    parts = [p.strip() for p in str(locator).split(" ; ")] if isinstance(locator, str) and locator.strip() else []
    shown = []
    for p in parts:
        if re.match(r"https?://", p):
            if as_html:
                shown.append(f'<a href="{html.escape(p, quote=True)}">{html.escape(_link_text(p))}</a>')
            else:
                target = p.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                label = _link_text(p).replace("[", "(").replace("]", ")")
                shown.append(f"[{label}]({target})")
        elif p and p != "none":
            shown.append(html.escape(p) if as_html else p)
    urls_only = parts and all(re.match(r"https?://", p) for p in parts)
    head = [] if urls_only or not title else [html.escape(title) if as_html else title]
    return ", ".join(head + ["; ".join(shown)] if shown else head)


def with_sources(ds: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """The table with its source_id and locator columns made one `source` column of links (HTML)."""
    out = table.drop(columns=["source_id", "locator"])
    out["source"] = [cite(ds, s, loc, as_html=True) for s, loc in zip(table.source_id, table.locator)]
    return out


def co_participants(ds: Dataset, person_id: str) -> pd.DataFrame:
    """For each event the person took part in, every other person in it: event_id, name (people.csv's
    canonical name, exactly), role, certainty of that role. In event date order, then by role and name."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    own = ds.roles.loc[ds.roles.person_id == person_id, "event_id"].unique()
    r = ds.roles[ds.roles.event_id.isin(own) & (ds.roles.person_id != person_id)]
    r = r.merge(ds.people[["person_id", "name"]], on="person_id").merge(ds.events[["event_id", "start"]], on="event_id")
    r["role"] = pd.Categorical(r.role, ROLE_ORDER, ordered=True)
    r = r.sort_values(["start", "event_id", "role", "name"])
    return r[["event_id", "person_id", "name", "role", "certainty"]].astype({"role": str}).reset_index(drop=True)


def _role_text(role: str, certainty: str) -> str:
    return ROLE_WORDS.get(role, role) + ("" if certainty == "stated" else f", {certainty}")


def event_table(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The person's events to read: date (as a reader writes it), what happened, their role, the others
    in it with theirs ('Joseph Stalin (ordered it); ...', canonical names) and the source as links."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    r = ds.roles[ds.roles.person_id == person_id][["event_id", "role", "certainty"]]
    e = r.merge(ds.events[["event_id", "date", "start", "type", "title", "source_id", "locator"]], on="event_id")
    e["role_rank"] = e.role.map(ROLE_ORDER.index)
    e = e.sort_values(["start", "event_id", "role_rank"]).reset_index(drop=True)
    others = co_participants(ds, person_id)
    listed = (others.assign(text=[f"{n} ({_role_text(r_, c)})" for n, r_, c in zip(others.name, others.role, others.certainty)])
              .groupby("event_id", sort=False).text.agg("; ".join))
    out = pd.DataFrame({"date": e.date.map(when), "type": e.type.str.replace("_", " "), "event": e.title,
                        "role": [_role_text(r_, c) for r_, c in zip(e.role, e.certainty)],
                        "others in it": e.event_id.map(listed).fillna(""),
                        "source_id": e.source_id, "locator": e.locator})
    return with_sources(ds, out)


def post_table(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The person's posts to read: title, organisation, start and end as a reader writes them, how
    it ended, acting or not, certainty and the source as links; in date order."""
    p = posts(ds, person_id).replace("", None)
    out = pd.DataFrame({"post": p.title, "organisation": p.org_id, "start": p.start.map(when), "end": p.end.map(when),
                        "how it ended": p.end_reason.fillna("").str.replace("_", " "),
                        "acting": p.acting.map({True: "acting", False: ""}).fillna(""),
                        "certainty": p.certainty, "source_id": p.source_id, "locator": p.locator})
    return blank(with_sources(ds, out))


# --- The timeline: the frame the analysis gives, and a drawing of it ---

TIMELINE_COLUMNS = ["kind", "row", "label", "type", "group", "colour", "mark", "s0", "s1", "e0", "e1", "date"]


def timeline(ds: Dataset, person_id: str) -> pd.DataFrame:
    """What a person's timeline draws, one row per dated post or event.

    kind 'post': a bar from start to end; s0..s1 is the span the start may fall in, e0..e1 the end's
    (equal for a day); a missing start or end is NaT (drawn as ◀ or ▶). kind 'event': a mark over
    s0..e1 (the day, or the span a partial date allows). row: the line it is drawn on (the post's
    title, or the event's group); group and colour: `style.event_colours`; mark: 'arrest' or 'death'
    for an event of that kind the person is the subject of, else ''. date: the EDTF text. Posts with
    no date at all are left out (say so in words: `undated_posts`)."""
    from ..figures.style import event_colours, group_colours

    check_person_ids(ds.people, "person_id", person_id, one=True)
    groups = event_groups(ds.descriptor)
    colours = event_colours(ds.descriptor)
    p = ds.positions[(ds.positions.person_id == person_id)
                     & (ds.positions.start_earliest.notna() | ds.positions.end_earliest.notna())]
    p = p.sort_values(["start_earliest", "end_earliest", "position_id"])
    rows = [{"kind": "post", "row": t + (" (acting)" if a is True else ""), "label": t, "type": "", "group": "", "colour": "#555555",
             "mark": "", "s0": s0, "s1": s1, "e0": e0, "e1": e1, "date": f"{s or ''}/{e or ''}"}
            for t, a, s0, s1, e0, e1, s, e in zip(p.title, p.acting, p.start_earliest, p.start_latest, p.end_earliest,
                                                  p.end_latest, p.start, p.end)]
    r = ds.roles[ds.roles.person_id == person_id]
    subject = set(r.event_id[r.role == "subject"])
    ev = ds.events[ds.events.event_id.isin(set(r.event_id)) & ds.events.start.notna()].sort_values(["start", "event_id"])
    for e in ev.itertuples():
        mark = ("death" if e.type in DEATH_TYPES else "arrest" if e.type in ARREST_TYPES else "") \
            if e.event_id in subject else ""
        rows.append({"kind": "event", "row": f"{groups[e.type]} (events)", "label": e.title, "type": e.type, "group": groups[e.type],
                     "colour": colours[e.type], "mark": mark, "s0": e.start, "s1": e.start, "e0": e.end, "e1": e.end,
                     "date": e.date})
    out = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    for col in ("s0", "s1", "e0", "e1"):
        out[col] = pd.to_datetime(out[col])
    order = {g: i for i, g in enumerate(group_colours(ds.descriptor))}
    out["order"] = [i if k == "post" else len(out) + order[g] for i, (k, g) in enumerate(zip(out.kind, out.group))]
    return out.sort_values(["order", "s0"], kind="stable").drop(columns="order").reset_index(drop=True)


def undated_posts(ds: Dataset, person_id: str) -> list[str]:
    """Titles of the person's posts with neither a start nor an end date: not on the timeline."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.positions[(ds.positions.person_id == person_id) & ds.positions.start_earliest.isna()
                     & ds.positions.end_earliest.isna()]
    return sorted(p.title)


def _num(t) -> float:
    return mdates.date2num(pd.Timestamp(t))


def plot_timeline(frame: pd.DataFrame, name: str, ax=None):
    """Draw `timeline(...)`: posts as bars (solid where the post was surely held, pale where a partial
    date leaves start or end open, ▶/◀ for a post known only by its start/end), events as marks on one
    row per group in the group's colour (a span for a partial date), the person's arrests (▼) and death
    (✕) large and labelled. Returns the Axes; the frame must not be empty."""
    check("frame", frame, kind=pd.DataFrame)
    if frame.empty:
        raise ParameterError("Parameter `frame` got an empty timeline; it accepts a timeline with at least one "
                             "dated post or event (say the empty case in words instead of drawing it).")
    rows = list(dict.fromkeys(frame.row))
    y = {r: i for i, r in enumerate(rows)}
    lo = min(frame.s0.min(), frame.e0.min()) if frame.e0.notna().any() else frame.s0.min()
    hi = max(frame.e1.max(), frame.s1.max()) if frame.e1.notna().any() else frame.s1.max()
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    pad = max(pd.Timedelta(days=120), (hi - lo) * 0.04)
    left, right = lo - pad, hi + pad + max(pd.Timedelta(days=500), (hi - lo) * 0.18)  # room for the labels
    if ax is None:
        ax = plt.subplots(figsize=(11, 1.4 + 0.42 * len(rows)), layout="constrained")[1]
    def pale(yy, a, b, c):  # the span a partial date leaves open: light and hatched
        ax.barh(yy, _num(b) - _num(a) + 1, left=_num(a), height=0.55, color=c, alpha=0.3, hatch="///",
                edgecolor=c, linewidth=0)

    for f in frame[frame.kind == "post"].itertuples():
        yy, c = y[f.row], f.colour
        if pd.notna(f.s0) and pd.notna(f.e0) and f.s1 < f.e0:
            ax.barh(yy, _num(f.e0) - _num(f.s1), left=_num(f.s1), height=0.55, color=c, linewidth=0)
            if f.s0 < f.s1:
                pale(yy, f.s0, f.s1, c)
            if f.e0 < f.e1:
                pale(yy, f.e0, f.e1, c)
        elif pd.notna(f.s0) and pd.notna(f.e0):  # start and end spans meet: nothing is certain
            pale(yy, f.s0, f.e1, c)
        elif pd.notna(f.s0):
            pale(yy, f.s0, f.s1, c)
            ax.plot(_num(f.s1), yy, marker=">", color=c, markersize=9, linestyle="none")
        else:
            pale(yy, f.e0, f.e1, c)
            ax.plot(_num(f.e0), yy, marker="<", color=c, markersize=9, linestyle="none")
    plain = frame[(frame.kind == "event") & (frame.mark == "")]
    for f in plain.itertuples():
        yy = y[f.row]
        if f.e1 > f.s0:
            ax.plot([_num(f.s0), _num(f.e1)], [yy, yy], color=f.colour, linewidth=5, alpha=0.35,
                    solid_capstyle="butt")
        else:
            ax.plot(_num(f.s0), yy, marker="o", color=f.colour, markersize=7, markeredgecolor="white",
                    markeredgewidth=0.6, linestyle="none")
    for f in frame[frame.mark != ""].itertuples():
        yy, at = y[f.row], _num(f.s0 + (f.e1 - f.s0) / 2)
        if f.e1 > f.s0:
            ax.plot([_num(f.s0), _num(f.e1)], [yy, yy], color=f.colour, linewidth=5, alpha=0.35, solid_capstyle="butt")
        ax.plot(at, yy, marker="X" if f.mark == "death" else "v", color=f.colour, markersize=13,
                markeredgecolor="black", markeredgewidth=0.8, linestyle="none")
        ax.annotate(f"{f.type.replace('_', ' ')}, {when(f.date)}", (at, yy), xytext=(9, 7),
                    textcoords="offset points", fontsize=10, fontweight="bold", va="bottom")
    ax.set_yticks(range(len(rows)), [textwrap.fill(r, 34) for r in rows], fontsize=10)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(_num(left), _num(right))
    years = max(1, (hi.year - lo.year) // 10 + 1)
    ax.xaxis.set_major_locator(mdates.YearLocator(years))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="both", labelsize=10)
    ax.set_xlabel("Year")
    ax.set_ylabel("Post, or kind of event")
    ax.set_title(f"{name}: posts and events, {lo.year}–{hi.year}")
    return ax


def timeline_caption(frame: pd.DataFrame, name: str) -> str:
    """The figure's '*What to see:*' line, counted from the frame it draws."""
    n_posts, ev = int((frame.kind == "post").sum()), frame[frame.kind == "event"]
    parts = []
    if n_posts:
        parts.append(f"{n_posts} dated post{'s' * (n_posts != 1)} as grey bars (solid where the sources fix the "
                     "dates; pale and hatched over the span a month, a year or an interval leaves open; ▶ or ◀ where "
                     "only the start or the end is known)")
    if len(ev):
        by_group = ev.group.value_counts()
        parts.append(f"{len(ev)} event{'s' * (len(ev) != 1)} of {len(by_group)} kind{'s' * (len(by_group) != 1)} as "
                     "marks, one row per kind in its colour (a dot for a day, a pale bar for the span a partial date "
                     "allows)")
    text = f"*What to see:* {name}'s " + " and ".join(parts) + "."
    for kind, word in (("arrest", "arrest"), ("death", "death")):
        m = frame[frame.mark == kind]
        if len(m):
            text += f" ▼ marks the {word}" if kind == "arrest" else f" ✕ marks the {word}"
            text += " (" + ", ".join(f"{when(d)}: {t}" for d, t in zip(m.date, m.label)) + ")."
    return text
