"""`Dataset`: the package's tables as typed frames, with date bounds, the name index and the
stated-only view.

Types come from the Table Schema: integers become nullable `Int64`, booleans `bool`, every EDTF
field `X` gains `X_earliest`, `X_latest` (Timestamps) and `X_precision`; an event's `date` also
gives `start`, `end` and `precision`, the columns the analyses use. What the evidence derives from
the tables (each person's fate) is added by `helpers.evidence.Dataset`, the class `helpers.load` returns.

Derived values are memoised per process per data checksum (`Dataset.memo`): a Dataset that `load`
made from a package carries the package's load-cache key (a SHA-256 of its files and of the code that
types them), and its views (`stated_only`, `only_sources`, `dated_by`) carry that key with the view's
name. What is derived from such a Dataset (its views, every `cached_property` of it or of a subclass,
such as the fates, and whatever an analysis asks `memo` for) is computed once per process for that key,
however often the package is loaded again: a warm kernel that runs many reports, each loading the data,
derives the fates once. Another package, or a changed file, is another key; a Dataset made otherwise
(`Dataset(descriptor, tables)`, as tests make variants) has no key and derives everything itself.
Tables are never changed after loading (every analysis works on copies), which is what makes this safe.
"""
from __future__ import annotations

import functools
import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from ..core import dates
from ..core.names import NameIndex
from . import vocabulary
from .attested import differing

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
        whole = text.where(text.str.fullmatch(r"-?[0-9]{1,18}", na=False), None)
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


def cut_to_lives(events: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """`events` with each event's latest day cut to the death of the people who have to be alive for it
    (subject, perpetrator, organiser, orderer, accomplice: LIVING_ROLES; a posthumous trial or the
    finding of a body aside): an arrest dated "between December 1934 and June 1941" of a man shot in
    July 1937 falls by July 1937. `end` is the cut bound (the one every analysis uses); `date_latest`
    stays what the source's date allows; `cut_by` names the death that cut it (else missing)."""
    if not {"event_id", "type", "start", "end"} <= set(events.columns) or not {"event_id", "person_id", "role"} <= set(roles):
        return events
    subj = roles[roles.role == "subject"].merge(events[["event_id", "type", "end"]], on="event_id")
    deaths = subj[subj.type.isin(vocabulary.DEATH_EVENT_TYPES)].sort_values("end").drop_duplicates("person_id")
    died = deaths.set_index("person_id")
    living = roles[roles.role.isin(vocabulary.LIVING_ROLES) & roles.person_id.isin(died.index)]
    bound = living.assign(death_end=living.person_id.map(died.end), death=living.person_id.map(died.event_id))
    bound = bound[bound.event_id != bound.death].sort_values(["death_end", "death"]).drop_duplicates("event_id")
    bound = bound.set_index("event_id")
    out = events.copy()
    limit = out.event_id.map(bound.death_end)
    cut = limit.notna() & (out.end > limit) & (out.start <= limit) & ~out.type.isin(vocabulary.POSTHUMOUS_TYPES)
    out["cut_by"] = out.event_id.map(bound.death).where(cut)
    out.loc[cut, "end"] = limit[cut]
    return out


#: Derived values of loaded packages, per process: {checksum: {(class, view, name, args): value}}, for the
#: KEEP_MEMO packages used most recently (a process that loads many variants keeps only the latest).
_MEMO: OrderedDict[str, dict] = OrderedDict()
KEEP_MEMO = 4


def memo_key(value) -> Hashable:
    """`value` as (part of) a memo key, with its type (1917 is not '1917'): a frame or series by the
    SHA-256 of its pickle (only the very same content finds a stored result), a list or tuple item by
    item (the same key for both). TypeError for a value that is none of these and not hashable."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return type(value).__name__, hashlib.sha256(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    if isinstance(value, (list, tuple)):
        return "sequence", tuple(memo_key(v) for v in value)
    hash(value)
    return type(value).__name__, value


def memoised(function: Callable) -> Callable:
    """`function(ds, ...)` computed once per process for the same data and arguments (`Dataset.memo`;
    the arguments as `memo_key`); each caller gets its own copy of a frame. An error is not stored."""
    @functools.wraps(function)
    def shared(ds, *args, **kwargs):
        if not isinstance(ds, Dataset):
            return function(ds, *args, **kwargs)
        value = ds.memo(f"{function.__module__}.{function.__qualname__}", (args, sorted(kwargs.items())),
                        lambda: function(ds, *args, **kwargs))
        return value.copy() if isinstance(value, (pd.DataFrame, pd.Series)) else value
    return shared


def memo_of(checksum: str) -> dict:
    """The memo of the package with load-cache key `checksum` (made, and marked most recent)."""
    store = _MEMO.setdefault(checksum, {})
    _MEMO.move_to_end(checksum)
    while len(_MEMO) > KEEP_MEMO:
        _MEMO.popitem(last=False)
    return store


class _Memoised(cached_property):
    """A `cached_property` whose value is also memoised per process per data checksum (`Dataset.memo`):
    another Dataset loaded from the same package gets the value computed for the first one."""

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        own = instance.__dict__
        if self.attrname not in own:
            own[self.attrname] = instance.memo(f"property:{self.attrname}", (), lambda: self.func(instance))
        return own[self.attrname]


@dataclass
class Dataset:
    """The validated data package. Tables are typed DataFrames with a plain 0..n-1 index."""

    descriptor: dict
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def __init_subclass__(cls, **kwargs):
        """Every `cached_property` of a subclass (the evidence layer's fates) is memoised per data
        checksum like this class's own (`_Memoised`)."""
        super().__init_subclass__(**kwargs)
        for name, attr in list(cls.__dict__.items()):
            if type(attr) is cached_property:
                shared = _Memoised(attr.func)
                shared.__set_name__(cls, name)
                shared.__doc__ = attr.__doc__
                setattr(cls, name, shared)

    @property
    def checksum(self) -> str | None:
        """The load-cache key of the package this data was loaded from (`helpers.data.cache.key`), its
        views' too; None for a Dataset made otherwise (no derived value of it is shared)."""
        return (self.__dict__.get("_memo_key") or (None, ()))[0]

    def memo(self, name: str, args, compute: Callable):
        """`compute()`, once per process for this data, this view of it, `name` and `args` (`memo_key`:
        values, lists, frames): every later call, on this Dataset or on another loaded from the same
        package, gets the same object back, so a frame must be copied before it is handed to a caller
        who may change it. A Dataset without a checksum (made otherwise than by `load`), or arguments
        that make no key, compute every time."""
        tag = self.__dict__.get("_memo_key")
        try:
            key = memo_key(args)
        except TypeError:
            key = None
        if tag is None or key is None:
            return compute()
        kind = f"{type(self).__module__}.{type(self).__qualname__}"
        store, k = memo_of(tag[0]), (kind, tag[1], name, key)
        if k not in store:
            store[k] = compute()
        return store[k]

    def _view(self, name: str, args: Hashable, make: Callable[[], "Dataset"]) -> "Dataset":
        """The view `name(args)` of this data made by `make`, memoised like any derived value and
        carrying this data's checksum with the view's name, so what is derived from it is shared too."""
        def made() -> "Dataset":
            view = make()
            tag = self.__dict__.get("_memo_key")
            if tag is not None:
                view.__dict__["_memo_key"] = (tag[0], tag[1] + ((name, args),))
            return view
        return self.memo(f"view:{name}", args, made)

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

    @_Memoised
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
        return self._view("stated_only", (), self._stated_only)

    def _stated_only(self) -> "Dataset":
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

    #: Tables whose rows come from one source each and are dropped by `only_sources`; the rest (the
    #: people, organisations, places, sections, the national series) are kept whole.
    SOURCED = ("events", "positions", "accounts", "org_roles", "relationships", "tallies", "attestations",
               "event_places", "operations")

    def only_sources(self, sources) -> "Dataset":
        """The same data with only the rows that `sources` give (source_ids): events, posts, accounts,
        organisations' roles, ties, tallies, attestations, places of events and operations of other
        sources are dropped, and with them the roles and places of dropped events. People,
        organisations, places, sections and the national series stay whole: they say who and where,
        not what happened. The reading behind "case file only"."""
        keep = set([sources] if isinstance(sources, str) else sources)
        return self._view("only_sources", tuple(sorted(keep, key=str)), lambda: self._only_sources(keep))

    def _only_sources(self, keep: set) -> "Dataset":
        t = dict(self.tables)
        for name in self.SOURCED:
            if name in t and "source_id" in t[name]:
                t[name] = t[name][t[name].source_id.isin(keep)]
        kept = set(t["events"].event_id)
        for name in ("roles", "accounts", "org_roles", "event_places"):
            if name in t:
                t[name] = t[name][t[name].event_id.isin(kept)]
        if "tallies" in t:
            t["tallies"] = t["tallies"][t["tallies"].event_id.isna() | t["tallies"].event_id.isin(kept)]
        if "positions" in t and "attestations" in t:
            a = t["attestations"]
            t["attestations"] = a[a.event_id.isin(kept) | a.position_id.isin(set(t["positions"].position_id))
                                  | a.person_id.notna()]
        view = type(self)(descriptor=self.descriptor, tables={n: f.reset_index(drop=True) for n, f in t.items()})
        view.__dict__["_stated"] = self.stated
        return view

    def dated_by(self, source: str) -> "Dataset":
        """The same data with the dates `source` gives where it gives another one than the package's
        row (an attestation that differs) or one the row lacks (a gap-filler): events' dates, posts'
        starts and ends, people's births. Where the source gives several dates for one thing (two of
        its pages disagree), the thing spans them all, agreeing ones included (the hull of their bounds). The reading behind
        "each source's date where they disagree"."""
        return self._view("dated_by", source, lambda: self._dated_by(source))

    def _dated_by(self, source: str) -> "Dataset":
        a = self.attestations
        own = a[a.source_id == source]
        moved = own[differing(a)[own.index] | own.agrees.isna()]  # a thing the source dates otherwise, or fills
        thing = lambda f: f.event_id.fillna(f.position_id).fillna(f.person_id) + "|" + f.field  # noqa: E731
        mine = own[thing(own).isin(set(thing(moved)))]  # all its dates for that thing, agreeing ones too
        t = dict(self.tables)
        for table, key, fields in (("events", "event_id", {"date": "date"}),
                                   ("positions", "position_id", {"start": "start", "end": "end"}),
                                   ("people", "person_id", {"born": "born"})):
            if table not in t or mine[key].isna().all():
                continue
            frame = t[table].copy()
            for field_name, column in fields.items():
                given = mine[mine[key].notna() & (mine.field == field_name)]
                if given.empty:
                    continue
                hull = given.groupby(key).agg(text=("date", lambda d: " or ".join(dict.fromkeys(d))),
                                              earliest=("date_earliest", "min"), latest=("date_latest", "max"))
                rows = frame[key].isin(hull.index)
                ids = frame.loc[rows, key]
                frame.loc[rows, column] = ids.map(hull.text).to_numpy()
                frame.loc[rows, f"{column}_earliest"] = ids.map(hull.earliest).to_numpy()
                frame.loc[rows, f"{column}_latest"] = ids.map(hull.latest).to_numpy()
                if table == "events":
                    frame.loc[rows, "start"] = frame.loc[rows, "date_earliest"]
                    frame.loc[rows, "end"] = frame.loc[rows, "date_latest"]
            t[table] = frame
        view = type(self)(descriptor=self.descriptor, tables=t)
        view.__dict__["_stated"] = self.stated
        return view
