"""`Dataset`: the package's tables as typed frames, with date bounds, the name index and the
stated-only view.

Types come from the Table Schema: integers become nullable `Int64`, booleans `bool`, every EDTF
field `X` gains `X_earliest`, `X_latest` (Timestamps) and `X_precision`; an event's `date` also
gives `start`, `end` and `precision`, the columns the analyses use. What the evidence derives from
the tables (each person's fate) is added by `helpers.evidence.Dataset`, the class `helpers.load` returns.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from ..core import dates
from ..core.names import NameIndex
from . import vocabulary

TRUE = {"true", "True", "TRUE", "1"}  # Table Schema's default trueValues and falseValues
FALSE = {"false", "False", "FALSE", "0"}


def edtf_fields(resource: dict) -> list[str]:
    """The fields of a resource that hold EDTF dates (`"edtf": true` in the descriptor)."""
    return [f["name"] for f in resource["schema"]["fields"] if f.get("edtf")]


def _bounds(values: pd.Series) -> pd.DataFrame:
    """Earliest, latest and precision of each EDTF string; unreadable or empty ones give NaT/NA.

    Each distinct string is parsed once and its bounds spread to every row that holds it (dates
    repeat: a large package has few distinct ones)."""
    if not len(values):
        return pd.DataFrame({"earliest": [], "latest": [], "precision": []}, index=values.index)
    codes, distinct = pd.factorize(values)  # a cell that is not text gets code -1: the last, missing entry
    out = {"earliest": [], "latest": [], "precision": []}
    for value in distinct:
        try:
            b = dates.parse(value) if isinstance(value, str) and value else None
        except dates.DateError:
            b = None
        out["earliest"].append(pd.Timestamp(b.earliest) if b else pd.NaT)
        out["latest"].append(pd.Timestamp(b.latest) if b else pd.NaT)
        out["precision"].append(b.precision if b else None)
    spread = {k: pd.Series(v + [pd.NaT if k != "precision" else None], dtype=None if k != "precision" else object)
              .take(codes).to_numpy() for k, v in out.items()}
    return pd.DataFrame(spread, index=values.index)


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
    if pd.api.types.infer_dtype(text, skipna=True) == "string":  # already text (as read): nothing to convert
        return text
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
        """The allowed values of an enum field, read from datapackage.json (the one source of truth);
        one sentence (ParameterError) for a table or field that has none."""
        return vocabulary.values(self.descriptor, resource, field_name)

    def row_counts(self) -> pd.Series:
        return pd.Series({name: len(t) for name, t in self.tables.items()}, name="rows")

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex(self.people, self.aliases)

    def find_person(self, name: str, parameter: str | None = None) -> str:
        """The person_id for any name, spelling or alias (case and diacritics ignored)."""
        return self.names.find(name, parameter)

    @property
    def stated(self) -> bool:
        """True for a view made by `stated_only`."""
        return self.__dict__.get("_stated", False)

    def stated_only(self) -> "Dataset":
        """The same data with only what the sources state plainly: events, roles, positions, accounts,
        organisations' roles and relationships whose certainty is `alleged` or `disputed` are dropped,
        and with them the roles, accounts, places, tallies and attestations of dropped events and
        positions. The one switch behind every `include_alleged` parameter."""
        t = dict(self.tables)
        for name in ("events", "roles", "positions", "accounts", "org_roles", "relationships"):
            if name in t and "certainty" in t[name]:
                t[name] = t[name][t[name].certainty == "stated"]
        kept = set(t["events"].event_id)
        for name in ("roles", "accounts", "org_roles", "event_places"):
            if name in t:
                t[name] = t[name][t[name].event_id.isin(kept)]
        if "tallies" in t:
            t["tallies"] = t["tallies"][t["tallies"].event_id.isna() | t["tallies"].event_id.isin(kept)]
        if "attestations" in t:
            a = t["attestations"]
            t["attestations"] = a[a.event_id.isin(kept) | a.position_id.isin(set(t["positions"].position_id))]
        view = type(self)(descriptor=self.descriptor, tables={n: f.reset_index(drop=True) for n, f in t.items()})
        view.__dict__["_stated"] = True
        return view
