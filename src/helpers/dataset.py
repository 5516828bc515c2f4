"""`Dataset`: the package's tables as typed frames, with date bounds and derived views.

Types come from the Table Schema: integers become nullable `Int64`, booleans `bool`, every EDTF
field `X` gains `X_earliest`, `X_latest` (Timestamps) and `X_precision`; an event's `date` also
gives `start`, `end` and `precision`, the columns the analyses use. Views such as `fates()` are
derived from events and roles, never stored twice.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from . import dates
from .errors import ParameterError
from .names import NameIndex
from .params import check

TRUE = {"true", "True", "TRUE", "1"}  # Table Schema's default trueValues and falseValues
FALSE = {"false", "False", "FALSE", "0"}

#: What each kind of terminal event means for its subject. `death` is refined by `fates_from`.
DEATH_TYPES = {"execution": "executed", "assassination": "assassinated", "suicide": "suicide", "death": "killed"}
CUSTODY_TYPES = ("arrest", "kidnapping", "trial", "death_sentence")
FATES = ("executed", "assassinated", "killed", "suicide", "died_in_custody", "natural_death", "died",
         "sentenced_to_death", "imprisoned", "disappeared", "survived", "unknown")
#: The fates that are a death.
DEATH_FATES = FATES[:7]
#: Roles that name who did a thing (the killer of a `death`).
DOER_ROLES = ("perpetrator", "organiser", "ordered_by")
#: Countries of the Soviet state: an organisation there is on the Soviet side.
SOVIET_COUNTRIES = ("USSR", "Soviet Russia")
#: Sides of people who act for the Soviet state.
SOVIET_SIDES = ("apparatus", "party")
#: Kinds of organisation that are the organs themselves; `organs` adds what sits under them.
ORGAN_KINDS = ("secret_police", "regional_branch", "laboratory")
#: Event types that may name a person as subject after their death (a posthumous trial, a body found).
POSTHUMOUS_TYPES = ("trial", "discovery")


def violent_methods(descriptor: dict) -> tuple[str, ...]:
    """The methods that kill violently: the `violent` property of events.method in datapackage.json."""
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    return tuple(next(f for f in events["schema"]["fields"] if f["name"] == "method")["violent"])


def event_groups(descriptor: dict) -> dict[str, str]:
    """Each event type's group (type -> group, in the vocabulary's order): the `groups` property of
    events.type in datapackage.json, at most eight, the colours of every figure."""
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    field = next(f for f in events["schema"]["fields"] if f["name"] == "type")
    group = {t: g for g, members in field["groups"].items() for t in members}
    return {t: group[t] for t in field["constraints"]["enum"]}


def edtf_fields(resource: dict) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"] if f.get("edtf")]


def check_person_ids(people: pd.DataFrame, name: str, values, one: bool = False) -> None:
    """Check that `values` (one id when `one`, else a list-like of ids) are person_ids of `people`.

    Raises ParameterError naming the argument, the first unknown id and the closest known one, so an
    id mistyped never gives a silently empty table; a bare string where a list is wanted is refused
    too (it would be read letter by letter)."""
    known = set(people.person_id)
    if one:
        bad = [] if isinstance(values, str) and values in known else [values]
    else:
        if isinstance(values, str) or not pd.api.types.is_list_like(values):
            check(name, values, kind=list)
        bad = [v for v in values if v not in known]
    if not bad:
        return
    near = difflib.get_close_matches(str(bad[0]), sorted(known), n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    if one:
        raise ParameterError(f"Parameter `{name}` got {bad[0]!r}; it accepts a person_id of people.csv{hint}.")
    raise ParameterError(f"Parameter `{name}` got {bad[0]!r} in its list; items may be person_ids of people.csv{hint}.")


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


def soviet_actors(people: pd.DataFrame, organisations: pd.DataFrame) -> set[str]:
    """The ids of the people (sides apparatus and party) and organisations (in the USSR or Soviet
    Russia, not émigré or opposition groups) who act for the Soviet state."""
    orgs = organisations[organisations.country.isin(SOVIET_COUNTRIES)
                         & ~organisations.kind.isin(("emigre_group", "opposition_group"))]
    return set(people.person_id[people.side.isin(SOVIET_SIDES)]) | set(orgs.org_id)


def killers(ds: "Dataset") -> pd.DataFrame:
    """Who killed, by the data's evidence: one row per (event, doer) from the roles (perpetrator,
    organiser, ordered_by: persons), the organisations' roles, and the accounts that claim a killing
    (their named person or organisation, or none). Columns: event_id, doer (id or missing), by
    ('role', 'org_role' or 'account'), method (an account's), certainty."""
    r = ds.roles[ds.roles.role.isin(DOER_ROLES)]
    parts = [pd.DataFrame({"event_id": r.event_id, "doer": r.person_id, "by": "role", "method": None,
                           "certainty": r.certainty})]
    org = ds.tables.get("org_roles")
    if org is not None:
        o = org[org.role.isin(DOER_ROLES)]
        parts.append(pd.DataFrame({"event_id": o.event_id, "doer": o.org_id, "by": "org_role", "method": None,
                                   "certainty": o.certainty}))
    acc = ds.tables.get("accounts")
    if acc is not None:
        a = acc[acc.claim == "killing"]
        parts.append(pd.DataFrame({"event_id": a.event_id, "doer": a.perpetrator_id.fillna(a.perpetrator_org_id),
                                   "by": "account", "method": a.method, "certainty": a.certainty}))
    return pd.concat(parts, ignore_index=True)


def _soviet_hand(event, doers: pd.DataFrame, soviet: set[str]) -> bool:
    """Whether an execution or a custody was the Soviet state's: its organisation is Soviet, or no
    organisation is given and it happened at home; and no foreign doer is named (Sorge was hanged
    by Japan, Plevitskaya held by France)."""
    named = set(doers.doer.dropna())
    if named - soviet:
        return bool(named & soviet)
    if pd.notna(event.org_id):
        return event.org_id in soviet
    return event.scope == "domestic"


def fates_from(ds: "Dataset") -> pd.DataFrame:
    """One row per person whose end the data records, derived from the events they are subject of.

    Rules, in order: a death event decides — execution, assassination, suicide; a `death` after an
    arrest with no release is died_in_custody; else it is killed when its method is violent (the
    `violent` list of datapackage.json), a doer is named (a person's or an organisation's role) or an
    account claims a killing; natural_death when its method is `illness`; plain "died" when the
    sources give no cause. Else a disappearance; else the last arrest, kidnapping or trial
    (imprisoned), a death sentence with no death recorded after it (sentenced_to_death: never made an
    execution), or a release after it (survived).

    certainty is the weaker of the event's and the subject role's, and for a killing known only from
    a named doer or an account, also of that evidence (its strongest piece). by_state: the death came
    at the hands of the Soviet state — an execution or a death in custody by a Soviet organisation
    (or, none given, at home; `_soviet_hand`), or a killing or assassination with a Soviet doer
    (`soviet_actors`) among its evidence.
    """
    from . import evidence  # evidence imports this module

    violent = violent_methods(ds.descriptor)
    subj = evidence.participants(ds, ("subject",))
    doers = killers(ds)
    soviet = soviet_actors(ds.people, ds.organisations)
    official = ds.tables["accounts"] if "accounts" in ds.tables else pd.DataFrame(columns=["event_id", "kind", "summary"])
    official = official[official.kind == "official"].groupby("event_id").summary.agg(" / ".join)
    rows = []
    for pid, own in subj.groupby("person_id", sort=True):
        deaths = own[own.type.isin(list(DEATH_TYPES))]
        custody = own[own.type.isin(CUSTODY_TYPES + ("release",))]
        certainty = None
        if len(deaths):
            ev = deaths.iloc[0]
            fate = DEATH_TYPES[ev.type]
            mine = doers[doers.event_id == ev.event_id]
            if ev.type == "death":
                held = custody[(custody.end <= ev.start) & (custody.type != "kidnapping")]  # state custody only
                if len(held) and held.iloc[-1].type != "release":
                    fate = "died_in_custody"
                elif ev.method in violent:
                    fate = "killed"
                elif len(mine):
                    fate = "killed"
                    best = min(mine.certainty, key=evidence.CERTAINTY.index)
                    certainty = max(ev.certainty, best, key=evidence.CERTAINTY.index)
                elif ev.method == "illness":
                    fate = "natural_death"
                else:
                    fate = "died"
            if fate == "executed":
                by_state = _soviet_hand(ev, mine, soviet)
            elif fate == "died_in_custody":
                by_state = _soviet_hand(held.iloc[-1], doers[doers.event_id == held.iloc[-1].event_id], soviet)
            else:
                by_state = fate in ("killed", "assassinated") and bool(set(mine.doer.dropna()) & soviet)
        elif (own.type == "disappearance").any():
            ev, fate, by_state = own[own.type == "disappearance"].iloc[-1], "disappeared", False
        elif len(custody):
            ev = custody.iloc[-1]
            fate = {"release": "survived", "death_sentence": "sentenced_to_death"}.get(ev.type, "imprisoned")
            by_state = False
        else:
            continue
        rows.append({"person_id": pid, "fate": fate, "by_state": by_state, "date": ev.date, "start": ev.start,
                     "end": ev.end, "official_account": official.get(ev.event_id),
                     "certainty": certainty or ev.certainty, "event_id": ev.event_id})
    columns = ["person_id", "fate", "by_state", "date", "start", "end", "official_account", "certainty", "event_id"]
    fates = pd.DataFrame(rows, columns=columns)
    fates = fates.merge(ds.people[["person_id", "name", "side"]], on="person_id", how="left")
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
        """The allowed values of an enum field, read from datapackage.json (the one source of truth);
        one sentence (ParameterError) for a table or field that has none."""
        resources = {r["name"]: r for r in self.descriptor["resources"]}
        check("resource", resource, choices=list(resources))
        enums = {f["name"]: f["constraints"]["enum"] for f in resources[resource]["schema"]["fields"]
                 if "enum" in f.get("constraints", {})}
        check("field_name", field_name, choices=list(enums))
        return list(enums[field_name])

    def row_counts(self) -> pd.Series:
        return pd.Series({name: len(t) for name, t in self.tables.items()}, name="rows")

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex(self.people, self.aliases)

    def find_person(self, name: str, parameter: str | None = None) -> str:
        """The person_id for any name, spelling or alias (case and diacritics ignored)."""
        return self.names.find(name, parameter)

    def fates(self) -> pd.DataFrame:
        """person_id, name, side, fate, by_state, date (EDTF), start, end, official_account, certainty,
        event_id: one row per person whose end the data records (rules in `fates_from`). Derived once
        per Dataset (the tables are not changed after loading); each call gets its own copy."""
        return self._fates.copy()

    @cached_property
    def _fates(self) -> pd.DataFrame:
        return fates_from(self)

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
        view = Dataset(descriptor=self.descriptor, tables={n: f.reset_index(drop=True) for n, f in t.items()})
        view.__dict__["_stated"] = True
        return view
