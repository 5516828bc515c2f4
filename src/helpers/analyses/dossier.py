"""One person's file: who they were, the posts they held, the events they took part in and the
others in them, a timeline, their fate, and where the sources disagree about them, each row with its
source and locator.

Used by `notebooks/dossier.ipynb` (its sentences and reader tables: `helpers.captions.dossier`; its
timeline: `helpers.figures.dossier`); `people_with_dossiers`, `file_name` and `register_rows` say
whom the report build covers and how. Each function of one person checks its `person_id` first: an
unknown id raises `ParameterError` with one sentence, never a KeyError or an empty table.

Every number the dossier's prose states is a claim (`page_claims`: each a `helpers.evidence.claims.Claim`
on the page `dossiers/<person_id>`), each with the rows it rests on and an SQL query that gives it back on the
SQLite export: the other names, the posts, the events and the part in them, the accounts, the dates
another source gives, the age at the end (an interval from the birth's and the end's first and last
possible days), and the fate with how it is known (`fate_claims`). `life` gives what the sentence of
a life says; the sentence itself is `helpers.captions.dossier.life`.

Every date another source gives differently for anything the page shows (`concerned`: the birth,
the posts, every event of any part, the posts of others those events open or close) is listed
(`disagreements`) and shown beside its row; each part keeps its certainty and the qualifier its
note opens with (`qualifier`); each post's end is told by the event that ended it and its accounts
(`post_ends`); an event cut to a death shows the cut date (`shown_dates`).
"""
from __future__ import annotations

import re

import pandas as pd

from .. import evidence
from ..core.checks import check_person_ids
from ..data.vocabulary import DEATH_EVENT_TYPES, event_groups
from ..evidence import Dataset, claims
from ..evidence.claims import Claim
from ..evidence.fates import DEATH_FATES
from ..evidence.people import ACTOR_ROLES

ROLE_ORDER = ["subject", "perpetrator", "ordered_by", "organiser", "accomplice", "other"]
#: The page a dossier's claims are on: `dossiers/<person_id>`.
PAGE = "dossiers/{}"
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


def life(ds: Dataset, person_id: str) -> pd.Series:
    """What the sentence of a person's life says (`captions.dossier.life`): born (EDTF), born_place,
    born_source_id; born_other, the (date, source_id) of each birth date another source gives
    differently (`evidence.disagreements`); the recorded end (`fate`: fate, date, certainty; None when
    the data records none);
    and `age`, the age then as a claim (`age_claim`, named `age` on the dossier's page; None without a
    birth or an end)."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.people.set_index("person_id").loc[person_id]
    end, age = fate(ds, person_id), age_claim(ds, person_id)
    d = evidence.disagreements(ds)
    d = d[(d.target == "person") & (d.target_id == person_id) & (d.field == "born")]
    return pd.Series({"person_id": person_id, "born": p.born if pd.notna(p.born) else None,
                      "born_other": list(zip(d.attested, d.attested_by)),
                      "born_place": p.born_place if pd.notna(p.born_place) else None,
                      "born_source_id": p.born_source_id if pd.notna(p.born_source_id) else None,
                      "end": end, "age": age.named("age", page(person_id)) if age is not None else None}, dtype=object)


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
    """The person's tenures in date order, with how each ended: position_id, title, org_id and the
    organisation's name (`organisation`), start, end, end_reason, acting, certainty, source_id, locator."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.positions[ds.positions.person_id == person_id].sort_values(["start_earliest", "position_id"])
    p = p.assign(organisation=p.org_id.map(ds.organisations.set_index("org_id").name).fillna(p.org_id))
    cols = ["position_id", "title", "org_id", "organisation", "start", "end", "end_reason", "acting", "certainty",
            "source_id", "locator"]
    return blank(p[cols].reset_index(drop=True))


#: The event types that can end a post their subject holds (`post_ends`).
ENDING_TYPES = ("dismissal", "demotion", "arrest", *DEATH_EVENT_TYPES)


def _overlaps(lo, hi, lo2, hi2) -> pd.Series:
    """Whether the day spans [lo, hi] and [lo2, hi2] share a day (False where either is missing)."""
    return (lo <= hi2) & (lo2 <= hi)


def post_ends(ds: Dataset, person_id: str) -> pd.DataFrame:
    """How each source tells the end of the person's posts: for every post, the events the person is
    the subject of that can end it (`ENDING_TYPES`) dated within the post's end, and each account
    of such an event (the official line beside the documented one: Yezhov's dismissal, officially a
    resignation at his own request). One row per account (one with blank account columns for an
    event without any): position_id, event_id, event_type, event_title, kind, claim, claimed_by,
    certainty, summary, source_id, locator; sorted by post, event and kind."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    cols = ["position_id", "event_id", "event_type", "event_title", "kind", "claim", "claimed_by", "certainty",
            "summary", "source_id", "locator"]
    p = ds.positions[(ds.positions.person_id == person_id) & ds.positions.end_earliest.notna()]
    own = evidence.participants(ds, ("subject",), ENDING_TYPES, person_ids=[person_id])
    pairs = p[["position_id", "end_earliest", "end_latest"]].merge(
        own[["event_id", "type", "title", "start", "end"]], how="cross")
    pairs = pairs[_overlaps(pairs.end_earliest, pairs.end_latest, pairs.start, pairs.end)]
    a = pairs.rename(columns={"type": "event_type", "title": "event_title"}).merge(ds.accounts, on="event_id",
                                                                                   how="left")
    return blank(a.sort_values(["position_id", "event_id", "kind", "account_id"])[cols].reset_index(drop=True))


#: What a role's note may open with to qualify the part (data/README.md, "Qualified parts"), and how
#: the page says it: 'Unwitting: brought Mercader into ...' reads 'accomplice, unwitting'.
QUALIFIERS = {"unwitting": "unwitting", "implied": "implied by the source", "official version": "the official version",
              "charged": "as the charges had it", "confessed": "by a confession under interrogation",
              "inferred": "inferred by the curators; no source names them in it"}


def qualifier(note) -> str:
    """The qualifier a role's note opens with ('Unwitting: ...' -> 'unwitting'; `QUALIFIERS`), or ''."""
    head = str(note).split(":", 1)[0].strip().lower() if isinstance(note, str) and ":" in note else ""
    return QUALIFIERS.get(head, "")


def shown_dates(ds: Dataset) -> pd.Series:
    """Each event's date as a page shows it, by event_id: its EDTF date, or for an event cut to a
    death (`dataset.cut_to_lives`: Medved's arrest "after December 1934", cut to his execution in July
    1937) the interval from its first possible day to the date of that death ('1934-12-01/1937-07')."""
    e = ds.events
    shown = e.date.copy()
    if "cut_by" in e:
        death = e.cut_by.map(e.set_index("event_id").date)
        cut = e.cut_by.notna() & death.notna()
        # the death's own date may be an interval (Münzenberg: 1940-06/1940-10-17): the cut runs to its end
        shown[cut] = [f"{str(d).split('/')[0]}/{str(x).split('/')[-1]}" for d, x in zip(e.date[cut], death[cut])]
    return pd.Series(shown.values, index=e.event_id.values)


def events(ds: Dataset, person_id: str) -> pd.DataFrame:
    """Every event the person took part in (event_id first), in date order, with their role in it:
    event_id, date (`shown_dates`: cut to a death where the data cuts it), type, title,
    event_certainty (how surely the event itself is known), role,
    certainty (of the role), qualifier (`qualifier` of the role's note), source_id, locator."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    r = ds.roles[ds.roles.person_id == person_id][["event_id", "role", "certainty", "note"]]
    e = r.merge(ds.events[["event_id", "date", "start", "type", "title", "certainty", "source_id", "locator"]],
                on="event_id", suffixes=("", "_of_event")).rename(columns={"certainty_of_event": "event_certainty"})
    e["qualifier"] = e.note.map(qualifier)
    e["date"] = e.event_id.map(shown_dates(ds))
    e["role"] = pd.Categorical(e.role, ROLE_ORDER, ordered=True)
    e = e.sort_values(["start", "event_id", "role"])
    return blank(e[["event_id", "date", "type", "title", "event_certainty", "role", "certainty", "qualifier",
                    "source_id", "locator"]].reset_index(drop=True))


def doers(ds: Dataset, event_id: str) -> list[str]:
    """Everyone the data names as doing an event, or ordering or organising it (`ACTOR_ROLES`): people by
    their roles, organisations by theirs, and the perpetrators the event's accounts name; ids, sorted."""
    r = ds.roles[(ds.roles.event_id == event_id) & ds.roles.role.isin(ACTOR_ROLES)]
    org = ds.tables.get("org_roles", pd.DataFrame(columns=["event_id", "org_id", "role"]))
    o = org[(org.event_id == event_id) & org.role.isin(ACTOR_ROLES)]
    a = ds.accounts[ds.accounts.event_id == event_id]
    named = [*r.person_id, *o.org_id, *a.perpetrator_id.dropna(), *a.perpetrator_org_id.dropna()]
    return sorted(set(map(str, named)))


def fate(ds: Dataset, person_id: str) -> pd.Series | None:
    """The person's fate row from Dataset.fates() with the title of the event it rests on
    (`event_title`), who the data names as doing it (`doers`, ids joined by ', ') and who claims a
    killing only as alleged or disputed (`doubted_killing`: the claimants of such accounts, joined by
    ' and '; '' when none), or None when the data records no end."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    f = ds.fates()
    f = f[f.person_id == person_id]
    if f.empty:
        return None
    f = f.assign(event_title=f.event_id.map(ds.events.set_index("event_id").title))
    a = ds.accounts[(ds.accounts.event_id == f.event_id.iloc[0]) & (ds.accounts.claim == "killing")
                    & (ds.accounts.certainty != "stated")].sort_values("account_id")
    doubted = " and ".join(dict.fromkeys(a.claimed_by))
    return f.assign(doers=", ".join(doers(ds, f.event_id.iloc[0])), doubted_killing=doubted).iloc[0]


def official(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The official accounts of the person's end (only accounts a source calls official, of the event
    the fate rests on): claimed_by, certainty, summary, source_id, locator. Empty without an end."""
    end = fate(ds, person_id)
    cols = ["claimed_by", "certainty", "summary", "source_id", "locator"]
    if end is None:
        return pd.DataFrame(columns=cols)
    a = ds.accounts[(ds.accounts.event_id == end.event_id) & (ds.accounts.kind == "official")]
    return blank(a.sort_values("account_id")[cols].reset_index(drop=True))


def accounts(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The rival accounts (official story, allegations, rival theories) of the events the person is the
    subject of, in date order: what it is about, kind, claim, who claims it, certainty, source."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    own = evidence.participants(ds, ("subject",), person_ids=[person_id])[["event_id", "title", "start"]]
    a = ds.accounts.merge(own, on="event_id")
    a = a.sort_values(["start", "event_id", "kind", "account_id"])
    return blank(a[["title", "kind", "claim", "claimed_by", "summary", "certainty", "source_id", "locator"]]
                 .reset_index(drop=True))


#: Events that open or close a post of their subject: a disagreement about that post shows on the
#: page of everyone in the event (Yezhov ordered Zakovsky's appointment: Zakovsky's start).
POST_EVENT_TYPES = ("appointment", "dismissal", "demotion", "arrest")


def concerned(ds: Dataset, person_id: str) -> pd.DataFrame:
    """Every dated thing the person's page shows: their birth, their posts, every event they have any
    part in, and the posts of others those events open or close (`POST_EVENT_TYPES`, the post's start
    or end within the event's dates). One row per thing: target ('person', 'position', 'event'),
    target_id, about (what the page calls it: 'birth', a post's title, an event's title, 'Leonid
    Zakovsky: First deputy ...'), part (the person's part: 'born', 'held', or their roles' codes
    joined by ', '), via (for another's post: the title of the event the person had that part in),
    field (for another's post: the end of it, 'start' or 'end', the event falls on; else missing:
    every date of the thing)."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    names = ds.people.set_index("person_id").name
    rows = [pd.DataFrame({"target": ["person"], "target_id": [person_id], "about": ["birth"], "part": ["born"]})]
    own = ds.positions[ds.positions.person_id == person_id]
    rows.append(pd.DataFrame({"target": "position", "target_id": own.position_id, "about": own.title,
                              "part": "held"}))
    r = ds.roles[ds.roles.person_id == person_id].copy()
    r["role"] = pd.Categorical(r.role, ROLE_ORDER, ordered=True)
    parts = r.sort_values("role").groupby("event_id", observed=True).role.agg(lambda x: ", ".join(map(str, x)))
    parts = parts.astype(str)
    ev = ds.events[ds.events.event_id.isin(parts.index)]
    rows.append(pd.DataFrame({"target": "event", "target_id": ev.event_id, "about": ev.title,
                              "part": ev.event_id.map(parts)}))
    opening = ev[ev.type.isin(POST_EVENT_TYPES)][["event_id", "title", "start", "end"]]
    opening = opening.rename(columns={"title": "event_title", "start": "lo", "end": "hi"})
    subj = ds.roles[(ds.roles.role == "subject") & (ds.roles.person_id != person_id)][["event_id", "person_id"]]
    pairs = opening.merge(subj, on="event_id").merge(ds.positions, on="person_id")
    for fld in ("start", "end"):
        hit = pairs[_overlaps(pairs.lo, pairs.hi, pairs[f"{fld}_earliest"], pairs[f"{fld}_latest"])]
        rows.append(pd.DataFrame({"target": "position", "target_id": hit.position_id, "field": fld,
                                  "about": hit.person_id.map(names) + ": " + hit.title,
                                  "part": hit.event_id.map(parts).astype(str), "via": hit.event_title,
                                  "via_id": hit.event_id}))
    out = pd.concat(rows, ignore_index=True).reindex(columns=["target", "target_id", "about", "part", "via", "via_id",
                                                                      "field"])
    return out.drop_duplicates(["target", "target_id", "field"]).reset_index(drop=True)


def _differing(ds: Dataset, person_id: str) -> pd.DataFrame:
    """The rows of `evidence.disagreements` about anything the person's page shows (`concerned`),
    with `about` and `part`."""
    d = evidence.disagreements(ds).merge(concerned(ds, person_id), on=["target", "target_id"],
                                         suffixes=("", "_concerned"))
    d = d[d.field_concerned.isna() | (d.field_concerned == d.field)].drop(columns="field_concerned")
    d = d.drop_duplicates("attestation_id")
    return d.sort_values(["earliest", "target_id", "field", "attested", "attestation_id"])


def disagreements(ds: Dataset, person_id: str) -> pd.DataFrame:
    """Every date another source gives differently (`evidence.disagreements`, the one filter) for
    anything the person's page shows (`concerned`): their birth, their posts, every event they took
    any part in, the posts of others those events open or close. One row per differing date: target,
    target_id, about, part, via, via_id (`concerned`), field, recorded (the data's date, blank when it gives none),
    recorded_by, other_date, source_id (the source that gives it), locator, note. Sorted by what it
    is about, then by the other date."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    d = _differing(ds, person_id)
    out = pd.DataFrame({"target": d.target, "target_id": d.target_id, "about": d.about, "part": d.part,
                        "via": d.via, "via_id": d.via_id, "field": d.field, "recorded": d.recorded,
                        "recorded_by": d.recorded_by,
                        "other_date": d.attested, "source_id": d.attested_by, "locator": d.locator, "note": d.note})
    return blank(out.reset_index(drop=True))


def co_participants(ds: Dataset, person_id: str) -> pd.DataFrame:
    """For each event the person took part in, every other person in it: event_id, name (people.csv's
    canonical name, exactly), role, certainty of that role and its qualifier (`qualifier`). In event
    date order, then by role and name."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    own = ds.roles.loc[ds.roles.person_id == person_id, "event_id"].unique()
    r = ds.roles[ds.roles.event_id.isin(own) & (ds.roles.person_id != person_id)]
    r = r.merge(ds.people[["person_id", "name"]], on="person_id").merge(ds.events[["event_id", "start"]], on="event_id")
    r["role"] = pd.Categorical(r.role, ROLE_ORDER, ordered=True)
    r = r.sort_values(["start", "event_id", "role", "name"]).assign(qualifier=lambda x: x.note.map(qualifier))
    return r[["event_id", "person_id", "name", "role", "certainty", "qualifier"]].astype({"role": str}) \
        .reset_index(drop=True)


# --- The timeline: what `figures.dossier.timeline` draws ---

TIMELINE_COLUMNS = ["kind", "row", "label", "type", "group", "mark", "s0", "s1", "e0", "e1", "date"]


def timeline(ds: Dataset, person_id: str) -> pd.DataFrame:
    """What a person's timeline draws, one row per dated post or event.

    kind 'post': a bar from start to end; s0..s1 is the span the start may fall in, e0..e1 the end's
    (equal for a day); a missing start or end is NaT (drawn as ◀ or ▶). kind 'event': a mark over
    s0..e1 (the day, or the span a partial date allows). row: the line it is drawn on (the post's
    title, or the event's group); group: the event type's group (`vocabulary.event_groups`), the
    groups' rows in the order datapackage.json lists them, after the posts; mark: 'arrest' or 'death'
    for an event of that kind the person is the subject of, else ''. date: the EDTF text (an event's
    cut to a death: `shown_dates`); e1 is the cut end (`dataset.cut_to_lives`). Posts with
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
    ev = ev.sort_values(["start", "event_id"]).assign(date=lambda x: x.event_id.map(shown_dates(ds)))
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


def undated_posts(ds: Dataset, person_id: str) -> list[str]:
    """Titles of the person's posts with neither a start nor an end date: not on the timeline."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.positions[(ds.positions.person_id == person_id) & ds.positions.start_earliest.isna()
                     & ds.positions.end_earliest.isna()]
    return sorted(p.title)


# --- The claims: every number the dossier's prose states, and the fate with how it is known ---

def page(person_id: str) -> str:
    """The page a person's dossier claims are on: 'dossiers/nikolai-yezhov'."""
    return PAGE.format(person_id)


def _q(text) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _ids(ds: Dataset, table: str, rows: pd.DataFrame) -> list[str]:
    """The row ids (`claims.row_id`) of some rows of one table."""
    key = claims.keys(ds.descriptor)[table]
    return [claims.row_id(key, r) for _, r in rows.iterrows()]


def _full_years(lo: str, hi: str) -> str:
    """SQL: the whole years from the ISO day `lo` to the ISO day `hi` (`evidence.full_years`: a year
    is complete on the birthday itself)."""
    return (f"(CAST(substr({hi}, 1, 4) AS INTEGER) - CAST(substr({lo}, 1, 4) AS INTEGER) "
            f"- (substr({hi}, 6) < substr({lo}, 6)))")


def age_claim(ds: Dataset, person_id: str) -> Claim | None:
    """The person's age at their recorded end (`fate`) in whole years, an interval from the youngest
    (born on the last day the birth date allows, the end on its first) to the oldest (`evidence.age`),
    resting on the person's row and the end's event. None without a birth date or a dated end."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    p = ds.people.set_index("person_id").loc[person_id]
    end = fate(ds, person_id)
    if end is None or pd.isna(p.born_earliest):
        return None
    low, high = evidence.age(p.born_earliest, p.born_latest, end.start, end.end)
    if low is None:
        return None
    sql = (f"SELECT {_full_years('p.born_end', 'e.date_start')} AS low, {_full_years('p.born_start', 'e.date_end')} "
           f"AS high FROM people p, events e WHERE p.person_id = {_q(person_id)} AND e.event_id = {_q(end.event_id)}")
    rule = ("Age at the recorded end in whole years (a year is complete on the birthday): at least the years from "
            "the last day the birth date allows to the first day of the end's date, at most from the first day of "
            "the birth to the last day of the end.")
    return claims.make(ds, claims.Interval(low, high), rule, sql,
                       rows={"people.born": [person_id], "events": [end.event_id]}, parameters={"person_id": person_id},
                       text=evidence.age_text(low, high))


def _post_claims(ds: Dataset, person_id: str) -> dict[str, Claim]:
    p = ds.positions[ds.positions.person_id == person_id].sort_values(["start_earliest", "position_id"])
    dated = p.start_earliest.notna() | p.end_earliest.notna()
    given = {"person_id": person_id}
    return {
        "posts": claims.count(ds, "positions", p.position_id, parameters=given,
                              rule="The person's posts: their rows of positions.csv, dated or not."),
        "dated_posts": claims.count(ds, "positions", p.position_id[dated], parameters=given,
                                    rule="The person's posts with a start or an end date: the bars of the timeline."),
        "undated_posts": claims.count(ds, "positions", p.position_id[~dated], parameters=given,
                                      rule="The person's posts with neither a start nor an end date: not drawn."),
    }


def _kinds_sql(groups: dict[str, str], ids: list[str]) -> str:
    """SQL: how many event groups (`vocabulary.event_groups`) the events `ids` fall in."""
    cases = " ".join(f"WHEN {_q(t)} THEN {_q(g)}" for t, g in groups.items())
    listed = ", ".join(_q(i) for i in ids) or "NULL"
    return f'SELECT COUNT(DISTINCT CASE "type" {cases} END) FROM events WHERE event_id IN ({listed})'


def _event_claims(ds: Dataset, person_id: str) -> dict[str, Claim]:
    given = {"person_id": person_id}
    r = ds.roles[ds.roles.person_id == person_id]
    ev = ds.events[ds.events.event_id.isin(set(r.event_id))].sort_values(["start", "event_id"])
    made = {"events": claims.count(ds, "events", ev.event_id, also={"roles": _ids(ds, "roles", r)}, parameters=given,
                                   rule="The events the person took part in, each counted once whatever their part "
                                        "(two parts in one event are one event): the events of their roles.")}
    for role in ROLE_ORDER:
        mine = r[r.role == role]
        if len(mine):
            made[f"as_{role}"] = claims.count(ds, "roles", _ids(ds, "roles", mine), also={"events": mine.event_id},
                                              parameters={**given, "role": role},
                                              rule=f"The person's roles as `{role}` (roles.csv), one per event.")
    drawn = ev[ev.start.notna()]
    groups = event_groups(ds.descriptor)
    made["events_drawn"] = claims.count(ds, "events", drawn.event_id, parameters=given,
                                        also={"roles": _ids(ds, "roles", r[r.event_id.isin(set(drawn.event_id))])},
                                        rule="The events the person took part in that have a date: the marks.")
    made["kinds"] = claims.make(ds, int(drawn.type.map(groups).nunique()),
                                "The kinds (event groups of datapackage.json) of the events on the timeline.",
                                _kinds_sql(groups, list(drawn.event_id)), rows={"events": drawn.event_id},
                                parameters=given)
    return made


def _source_claims(ds: Dataset, person_id: str) -> dict[str, Claim]:
    given = {"person_id": person_id}
    names = ds.aliases[ds.aliases.person_id == person_id].sort_values("alias")
    own = evidence.participants(ds, ("subject",), person_ids=[person_id])
    told = ds.accounts[ds.accounts.event_id.isin(set(own.event_id))].sort_values(["event_id", "account_id"])
    d = _differing(ds, person_id)
    about = {"events": d.target_id[d.target == "event"], "positions": d.target_id[d.target == "position"],
             "people": d.target_id[d.target == "person"]}
    return {
        "other_names": claims.count(ds, "aliases", _ids(ds, "aliases", names), parameters=given,
                                    rule="The other names the sources use for the person: their rows of aliases.csv."),
        "accounts": claims.count(ds, "accounts", told.account_id, also={"events": told.event_id}, parameters=given,
                                 rule="The accounts (official, allegations, rival versions) of the events the person "
                                      "is the subject of."),
        "other_dates": claims.count(ds, "attestations", d.attestation_id, parameters=given,
                                    also={t: ids for t, ids in about.items() if len(ids)},
                                    rule="The dates another source gives (attestations.csv) that differ from the "
                                         "data's for anything the page shows: the person's birth, their posts, every "
                                         "event they took any part in, and the posts of others those events open or "
                                         "close (`evidence.disagreements`, `dossier.concerned`)."),
    }


def fate_claims(ds: Dataset, person_id: str) -> dict[str, Claim]:
    """The person's fate as claims, each resting on the fate's row, the event it rests on, that event's
    accounts and the roles of those named as doing it: `fate` (the fate rules' value), `by_state`
    (for a death: yes, disputed or no), and `fate_date` (the event's date with the sources that give
    it) and `fate_date_2`, ... (each other date a source gives for it). Empty when the data records no end."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    end = fate(ds, person_id)
    if end is None:
        return {}
    ev, given = end.event_id, {"person_id": person_id}
    org = ds.tables.get("org_roles", pd.DataFrame(columns=["event_id", "org_id", "role"]))
    rows = {"fates": [person_id], "events": [ev],
            "accounts": ds.accounts.account_id[ds.accounts.event_id == ev],
            "roles": _ids(ds, "roles", ds.roles[(ds.roles.event_id == ev) & ds.roles.role.isin(ACTOR_ROLES)]),
            "org_roles": _ids(ds, "org_roles", org[(org.event_id == ev) & org.role.isin(ACTOR_ROLES)])}
    rule = ("The fate rules (`helpers.evidence.fates`, data/README.md 'Fates are derived'): the manner from every "
            "claim about it with its certainty, the strongest claims that are not official deciding; two manners "
            "among them: contested; none, or unknown: died.")
    made = {"fate": claims.make(ds, end.fate, rule, f"SELECT fate FROM fates WHERE person_id = {_q(person_id)}",
                                rows=rows, parameters=given)}
    if end.fate in DEATH_FATES:
        made["by_state"] = claims.make(
            ds, end.by_state, "How surely the death came at the hands of the Soviet state: yes when the deciding "
            "evidence states a Soviet hand, disputed when it rests only on alleged or disputed claims, else no.",
            f"SELECT by_state FROM fates WHERE person_id = {_q(person_id)}", rows=rows, parameters=given)
    return {**made, **_date_claims(ds, end, given)}


def _date_claims(ds: Dataset, end: pd.Series, given: dict) -> dict[str, Claim]:
    att = ds.tables["attestations"]
    att = att[(att.event_id == end.event_id) & (att.field == "date")].sort_values(["date_earliest", "attestation_id"])
    same = att[att.date == end.date]
    made = {"fate_date": claims.make(
        ds, end.date, "The date of the event the fate rests on, as the data records it, with the sources that give "
        "the same date (attestations.csv).", f'SELECT "date" FROM events WHERE event_id = {_q(end.event_id)}',
        rows={"events": [end.event_id], "attestations": same.attestation_id}, parameters=given)}
    others = att[att.date != end.date]
    for i, date in enumerate(dict.fromkeys(others.date), 2):
        ids = list(others.attestation_id[others.date == date])
        listed = ", ".join(_q(a) for a in ids)
        made[f"fate_date_{i}"] = claims.make(
            ds, date, "Another date a source gives for the event the fate rests on (attestations.csv).",
            f'SELECT DISTINCT "date" FROM attestations WHERE attestation_id IN ({listed})',
            rows={"attestations": ids}, parameters=given)
    return made


def page_claims(ds: Dataset, person_id: str) -> dict[str, Claim]:
    """Every claim the dossier's sentences state, by name, on the page `dossiers/<person_id>`: posts,
    dated_posts, undated_posts; events, as_<role> for each part the person had, events_drawn, kinds;
    other_names, accounts, other_dates; age (when the data knows a birth and an end); and the fate
    (`fate_claims`)."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    made = {**_post_claims(ds, person_id), **_event_claims(ds, person_id), **_source_claims(ds, person_id),
            **fate_claims(ds, person_id)}
    age = age_claim(ds, person_id)
    if age is not None:
        made["age"] = age
    return {name: c.named(name, page(person_id)) for name, c in made.items()}
