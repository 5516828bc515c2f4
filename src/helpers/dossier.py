"""One person's file: who they were, the posts they held, the events they took part in, their fate,
and where the sources disagree about them, each line with its source and locator.

Used by `notebooks/dossier.ipynb`; `people_with_dossiers` says whom the report build covers. Each
function of one person checks its `person_id` first: an unknown id raises `ParameterError` with one
sentence, never a KeyError or an empty table.
"""
from __future__ import annotations

import re

import pandas as pd

from . import dates, evidence
from .dataset import Dataset, check_person_ids

ROLE_ORDER = ["subject", "perpetrator", "ordered_by", "organiser", "accomplice", "other"]


def people_with_dossiers(ds: Dataset) -> pd.DataFrame:
    """Every member of the apparatus and every person whose fate the data records, sorted by name."""
    fated = set(ds.fates().person_id)
    chosen = ds.people[(ds.people.side == "apparatus") | ds.people.person_id.isin(fated)]
    return chosen[["person_id", "name", "side"]].sort_values(["name", "person_id"]).reset_index(drop=True)


def file_name(person_id: str) -> str:
    """A safe file name for a person's dossier: letters, digits and hyphens only, never a path."""
    safe = re.sub(r"[^a-z0-9-]+", "-", str(person_id).lower()).strip("-")
    return f"{safe or 'unnamed'}.html"


def profile(ds: Dataset, person_id: str) -> pd.Series:
    """name, side, notes, source and locator of one person."""
    check_person_ids(ds.people, "person_id", person_id, one=True)
    return ds.people.set_index("person_id").loc[person_id, ["name", "side", "notes", "source_id", "locator"]]


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
