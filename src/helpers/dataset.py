"""`Dataset`: the package's tables as typed frames, with date bounds and derived views.

Types come from the Table Schema: integers become nullable `Int64`, booleans `bool`, every EDTF
field `X` gains `X_earliest`, `X_latest` (Timestamps) and `X_precision`; an event's `date` also
gives `start`, `end` and `precision`, the columns the analyses use. Views such as `fates()` are
derived from events and roles, never stored twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from . import dates
from .names import NameIndex

TRUE = {"true", "True", "TRUE", "1"}  # Table Schema's default trueValues and falseValues
FALSE = {"false", "False", "FALSE", "0"}

#: What each kind of terminal event means for its subject. `death` is refined by `fate_of_death`.
DEATH_TYPES = {"execution": "executed", "assassination": "assassinated", "suicide": "suicide", "death": "killed"}
CUSTODY_TYPES = ("arrest", "kidnapping", "trial")
#: Methods that make a `death` a killing; `illness` makes it natural; none or `unknown` leaves it "died".
VIOLENT_METHODS = ("shooting", "poison", "injection", "bomb", "ice_axe", "stabbing", "hanging",
                   "defenestration", "vehicle", "drugging")
FATES = ("executed", "assassinated", "killed", "suicide", "died_in_custody", "natural_death", "died",
         "imprisoned", "disappeared", "survived", "unknown")
#: The fates that are a death.
DEATH_FATES = FATES[:7]
#: Kinds of organisation that are the organs themselves; `organs` adds what sits under them.
ORGAN_KINDS = ("secret_police", "regional_branch", "laboratory")
#: Event types that may name a person as subject after their death (a posthumous trial, a body found).
POSTHUMOUS_TYPES = ("trial", "discovery")


def edtf_fields(resource: dict) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"] if f.get("edtf")]


def _bounds(values: pd.Series) -> pd.DataFrame:
    """Earliest, latest and precision of each EDTF string; unreadable or empty ones give NaT/NA."""
    out = {"earliest": [], "latest": [], "precision": []}
    for value in values:
        try:
            b = dates.parse(value) if isinstance(value, str) and value else None
        except dates.DateError:
            b = None
        out["earliest"].append(pd.Timestamp(b.earliest) if b else pd.NaT)
        out["latest"].append(pd.Timestamp(b.latest) if b else pd.NaT)
        out["precision"].append(b.precision if b else None)
    return pd.DataFrame(out, index=values.index)


def _cast(series: pd.Series, type_: str) -> pd.Series:
    """Cast text cells by schema type; cells that do not fit become missing (validation reports them)."""
    text = series.where(series != "", None)
    if type_ == "integer":  # only cells that are whole numbers int64 can hold; validation reports the rest
        whole = text.where(text.str.fullmatch(r"-?\d{1,18}", na=False), None)
        return pd.to_numeric(whole, errors="coerce").astype("Int64")
    if type_ == "number":
        return pd.to_numeric(text, errors="coerce")
    if type_ == "boolean":
        return text.map(lambda v: True if v in TRUE else False if v in FALSE else None).astype("boolean")
    return text.astype("str").where(text.notna(), None) if len(text) else text


def typed_table(frame: pd.DataFrame, resource: dict) -> pd.DataFrame:
    """One table with schema types and date bounds; the index stays the line in the file."""
    out = pd.DataFrame(index=frame.index)
    for f in resource["schema"]["fields"]:
        if f["name"] in frame:
            out[f["name"]] = _cast(frame[f["name"]], f["type"])
    for name in edtf_fields(resource):
        if name in frame:
            b = _bounds(frame[name])
            out[f"{name}_earliest"], out[f"{name}_latest"], out[f"{name}_precision"] = b.earliest, b.latest, b.precision
    if resource["name"] == "events" and "date_earliest" in out:
        out["start"], out["end"], out["precision"] = out.date_earliest, out.date_latest, out.date_precision
    return out


def organs(organisations: pd.DataFrame) -> list[str]:
    """The org_ids of the organs, sorted: organisations of ORGAN_KINDS, the commissariats that housed
    the secret police (the NKVD over the GUGB), and everything placed under these by parent_id. The
    commissariats the demoted were moved to, and the Comintern's departments, are not among them."""
    inside = set(organisations.org_id[organisations.kind.isin(ORGAN_KINDS)])
    inside |= set(organisations.parent_id[organisations.kind == "secret_police"].dropna())
    while True:
        below = set(organisations.org_id[organisations.parent_id.isin(inside)]) - inside
        if not below:
            return sorted(inside)
        inside |= below


def fates_from(events: pd.DataFrame, roles: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """One row per person whose end the data records, derived from the events they are subject of.

    Rules, in order: a death event decides (execution, assassination, suicide; a `death` after an
    arrest with no release is died_in_custody, else killed when its method is violent, natural_death
    when it is `illness`, and plain "died" when the source gives no cause); else a disappearance;
    else the last arrest, kidnapping or trial (imprisoned) or a release after it (survived).
    Certainty is the weaker of the event's and the role's.
    """
    order = {"stated": 0, "alleged": 1, "disputed": 2}
    subj = roles[roles.role == "subject"].merge(events, on="event_id", suffixes=("_role", ""))
    subj = subj.sort_values(["person_id", "start", "event_id"])
    rows = []
    for pid, own in subj.groupby("person_id", sort=True):
        deaths = own[own.type.isin(list(DEATH_TYPES))]
        custody = own[own.type.isin(CUSTODY_TYPES + ("release",))]
        if len(deaths):
            ev = deaths.iloc[0]
            fate = DEATH_TYPES[ev.type]
            if ev.type == "death":
                held = custody[(custody.end <= ev.start) & (custody.type != "kidnapping")]  # state custody only
                if len(held) and held.iloc[-1].type != "release":
                    fate = "died_in_custody"
                elif ev.method in VIOLENT_METHODS:
                    fate = "killed"
                elif ev.method == "illness":
                    fate = "natural_death"
                else:
                    fate = "died"
        elif (own.type == "disappearance").any():
            ev, fate = own[own.type == "disappearance"].iloc[-1], "disappeared"
        elif len(custody):
            ev = custody.iloc[-1]
            fate = "survived" if ev.type == "release" else "imprisoned"
        else:
            continue
        certainty = max(ev.certainty, ev.certainty_role, key=order.get)
        rows.append({"person_id": pid, "fate": fate, "date": ev.date, "start": ev.start, "end": ev.end,
                     "official_account": ev.official_account, "certainty": certainty, "event_id": ev.event_id})
    columns = ["person_id", "fate", "date", "start", "end", "official_account", "certainty", "event_id"]
    fates = pd.DataFrame(rows, columns=columns)
    fates = fates.merge(people[["person_id", "name", "side"]], on="person_id", how="left")
    return fates[["person_id", "name", "side", *columns[1:]]].reset_index(drop=True)


@dataclass
class Dataset:
    """The validated data package. Tables are typed DataFrames with a plain 0..n-1 index."""

    descriptor: dict
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    def vocabulary(self, resource: str, field_name: str) -> list[str]:
        """The allowed values of an enum field, read from datapackage.json (the one source of truth)."""
        res = next(r for r in self.descriptor["resources"] if r["name"] == resource)
        fld = next(f for f in res["schema"]["fields"] if f["name"] == field_name)
        return list(fld["constraints"]["enum"])

    def row_counts(self) -> pd.Series:
        return pd.Series({name: len(t) for name, t in self.tables.items()}, name="rows")

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex(self.people, self.aliases)

    def find_person(self, name: str, parameter: str | None = None) -> str:
        """The person_id for any name, spelling or alias (case and diacritics ignored)."""
        return self.names.find(name, parameter)

    def fates(self) -> pd.DataFrame:
        """person_id, name, side, fate, date (EDTF), start, end, official_account, certainty, event_id."""
        return fates_from(self.events, self.roles, self.people)
