"""One person's file: who they were, the posts they held, the events they took part in and the
others in them, a timeline, their fate, and where the sources disagree about them, each row with its
source and locator.

Used by `notebooks/dossier.ipynb` (its sentences and reader tables: `helpers.captions.dossier`; its
timeline: `helpers.figures.dossier`); `people_with_dossiers`, `file_name` and `register_rows` say
whom the report build covers and how. Each function of one person checks its `person_id` first: an
unknown id raises `ParameterError` with one sentence, never a KeyError or an empty table.

`life` is the one sentence still made here: `tests/test_lives.py` calls it as `helpers.dossier.life`,
and captions sit above this layer.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import evidence
from ..core import dates
from ..core.checks import check_person_ids
from ..data.vocabulary import DEATH_EVENT_TYPES, event_groups
from ..evidence import Dataset
from ..evidence.fates import DEATH_FATES

ROLE_ORDER = ["subject", "perpetrator", "ordered_by", "organiser", "accomplice", "other"]
ARREST_TYPES = ("arrest",)  # the marks a timeline calls an arrest (the person the subject)
DEATH_TYPES = DEATH_EVENT_TYPES  # execution, assassination, suicide, death (the person the subject)


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


def source_titles(ds: Dataset) -> pd.Series:
    """Each source's title by source_id: what a row's source is called when it is cited."""
    return ds.sources.set_index("source_id").title


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
    then (`evidence.age`); what the data lacks is said in words. (Kept here: see the module's docstring.)"""
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


def life_span(ds: Dataset, person_id: str) -> pd.Series:
    """born and died: the EDTF dates of the person's birth and death (the date of their fate when
    that fate is a death, DEATH_FATES); None where the data gives none."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    born = ds.people.set_index("person_id").at[person_id, "born"]
    end = fate(ds, person_id)
    died = end.date if end is not None and end.fate in DEATH_FATES else None
    return pd.Series({"born": born if isinstance(born, str) else None, "died": died}, dtype=object)


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
    """Every event the person took part in (event_id first), in date order, with their role in it."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    r = ds.roles[ds.roles.person_id == person_id][["event_id", "role", "certainty"]]
    e = r.merge(ds.events[["event_id", "date", "start", "type", "title", "source_id", "locator"]],
                on="event_id", suffixes=("_of_role", ""))
    e["role"] = pd.Categorical(e.role, ROLE_ORDER, ordered=True)
    e = e.sort_values(["start", "event_id", "role"])
    return blank(e[["event_id", "date", "type", "title", "role", "certainty", "source_id", "locator"]]
                 .reset_index(drop=True))


def role_counts(events: pd.DataFrame) -> pd.Series:
    """Of the person's `events`: in how many they had each role, in ROLE_ORDER; roles they never had
    left out."""
    return events.role.value_counts().reindex(ROLE_ORDER).dropna().astype(int)


def fate(ds: Dataset, person_id: str) -> pd.Series | None:
    """The person's fate row from Dataset.fates() with the title of the event it rests on
    (`event_title`), or None when the data records no end."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    f = ds.fates()
    f = f[f.person_id == person_id]
    if f.empty:
        return None
    return f.assign(event_title=f.event_id.map(ds.events.set_index("event_id").title)).iloc[0]


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


# --- The timeline: what `figures.dossier.timeline` draws ---

TIMELINE_COLUMNS = ["kind", "row", "label", "type", "group", "mark", "s0", "s1", "e0", "e1", "date"]


def timeline(ds: Dataset, person_id: str) -> pd.DataFrame:
    """What a person's timeline draws, one row per dated post or event.

    kind 'post': a bar from start to end; s0..s1 is the span the start may fall in, e0..e1 the end's
    (equal for a day); a missing start or end is NaT (drawn as ◀ or ▶). kind 'event': a mark over
    s0..e1 (the day, or the span a partial date allows). row: the line it is drawn on (the post's
    title, or the event's group); group: the event type's group (`vocabulary.event_groups`), the
    groups' rows in the order datapackage.json lists them, after the posts; mark: 'arrest' or 'death'
    for an event of that kind the person is the subject of, else ''. date: the EDTF text. Posts with
    no date at all are left out (say so in words: `undated_posts`)."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    groups = event_groups(ds.descriptor)
    p = ds.positions[(ds.positions.person_id == person_id)
                     & (ds.positions.start_earliest.notna() | ds.positions.end_earliest.notna())]
    p = p.sort_values(["start_earliest", "end_earliest", "position_id"])
    rows = [{"kind": "post", "row": t + (" (acting)" if a is True else ""), "label": t, "type": "", "group": "",
             "mark": "", "s0": s0, "s1": s1, "e0": e0, "e1": e1, "date": f"{s or ''}/{e or ''}"}
            for t, a, s0, s1, e0, e1, s, e in zip(p.title, p.acting, p.start_earliest, p.start_latest, p.end_earliest,
                                                  p.end_latest, p.start, p.end)]
    r = ds.roles[ds.roles.person_id == person_id]
    subject = set(r.event_id[r.role == "subject"])
    ev = ds.events[ds.events.event_id.isin(set(r.event_id)) & ds.events.start.notna()]
    ev = ev.sort_values(["start", "event_id"])
    for e in ev.itertuples():
        mark = ("death" if e.type in DEATH_TYPES else "arrest" if e.type in ARREST_TYPES else "") \
            if e.event_id in subject else ""
        rows.append({"kind": "event", "row": f"{groups[e.type]} (events)", "label": e.title, "type": e.type,
                     "group": groups[e.type], "mark": mark, "s0": e.start, "s1": e.start, "e0": e.end, "e1": e.end,
                     "date": e.date})
    out = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    for col in ("s0", "s1", "e0", "e1"):
        out[col] = pd.to_datetime(out[col])
    order = {g: i for i, g in enumerate(dict.fromkeys(groups.values()))}
    out["order"] = [i if k == "post" else len(out) + order[g] for i, (k, g) in enumerate(zip(out.kind, out.group))]
    return out.sort_values(["order", "s0"], kind="stable").drop(columns="order").reset_index(drop=True)


def timeline_counts(frame: pd.DataFrame) -> pd.Series:
    """Of a `timeline` frame: its dated posts (`posts`), its events (`events`) and the kinds (groups)
    of those events (`kinds`)."""
    ev = frame[frame.kind == "event"]
    return pd.Series({"posts": int((frame.kind == "post").sum()), "events": len(ev), "kinds": ev.group.nunique()})


def undated_posts(ds: Dataset, person_id: str) -> list[str]:
    """Titles of the person's posts with neither a start nor an end date: not on the timeline."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.positions[(ds.positions.person_id == person_id) & ds.positions.start_earliest.isna()
                     & ds.positions.end_earliest.isna()]
    return sorted(p.title)
