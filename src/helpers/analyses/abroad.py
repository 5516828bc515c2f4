"""Operations abroad: where the events abroad happened (events.scope == 'abroad' joined to their
places in order), how many per country and per decade, the journeys as ordered lines and the points of
the map, and a timeline of each operation abroad (order -> action -> aftermath, with the lags and their
uncertainty), for notebooks/04-operations-abroad.ipynb. The drawings are in `helpers.figures.abroad`.

Rules, stated once:
- an event counts once in each country where it has a place (a journey from France to Spain counts
  in both; the sum over countries can exceed the number of events);
- an event's decade and era are those of its midpoint (`evidence.midpoint`, the one point rule);
- the window keeps the events that may fall in it (their dates overlap it);
- a region is 'world', 'europe' (places inside `EUROPE`) or a country code of places.csv; an
  event is in it when one of its places is;
- who acted abroad (the report's finding, `first_country`): an event abroad in which an organisation of
  the organs or a member of the apparatus is perpetrator, organiser, orderer or accomplice
  (`ACTED_RULE`); background rows (`context`) never; legs in Russia (journeys home) are no country abroad.
Every number the report states is a claim (`helpers.evidence.claims`), made by the `*_claims` functions.
"""
from __future__ import annotations

import pandas as pd

from .. import evidence
from ..core.checks import check, check_days
from ..core.errors import ParameterError
from ..core.names import in_prose
from ..data.vocabulary import event_groups
from ..evidence import Dataset, claims, eras

REGIONS = ("world", "europe")
#: The regions' boxes as (west, east, south, north) in degrees; the base map (`figures.maps`) draws them.
WORLD = (-180.0, 180.0, -58.0, 84.0)
EUROPE = (-12.0, 42.0, 35.0, 65.0)
#: The blows of an operation: its action (an attempt counts: Trotsky's villa in May 1940).
BLOW_TYPES = ("assassination", "kidnapping", "attempt", "execution", "massacre")
#: Steps that follow from an action when their dates allow either order (a body found, an agent
#: gone, an arrest); other steps so dated count as the lead-up.
AFTER_TYPES = ("discovery", "disappearance", "defection", "arrest", "trial", "release", "death", "suicide",
               "exile", "reorganisation", "dismissal")
PHASES = ("order", "lead-up", "action", "aftermath")


# --- choosing --------------------------------------------------------------------------------------

def countries(ds: Dataset) -> pd.DataFrame:
    """The country codes of places.csv with a name (the row of kind 'country', else the code)."""
    p = ds.places
    named = p[p.kind == "country"].drop_duplicates("country").set_index("country").name
    codes = sorted(set(p.country))
    return pd.DataFrame({"country": codes, "country_name": [named.get(c, c) for c in codes]})


def check_region(ds: Dataset, region) -> str:
    """'world', 'europe' or a country code of places.csv; one sentence otherwise."""
    check("region", region, kind=str)
    allowed = (*REGIONS, *countries(ds).country)
    if region not in allowed:
        raise ParameterError(f"Parameter `region` got {region!r}; it accepts 'world', 'europe' or a country code "
                             f"of places.csv ({', '.join(allowed[len(REGIONS):])}).")
    return region


def in_region(table: pd.DataFrame, region: str) -> pd.Series:
    """Row by row, whether a place (columns country, latitude, longitude) lies in `region`."""
    if region == "world":
        return pd.Series(True, index=table.index)
    if region == "europe":
        west, east, south, north = EUROPE
        return table.longitude.between(west, east) & table.latitude.between(south, north)
    return table.country == region


def box_of(table: pd.DataFrame, region: str) -> tuple[float, float, float, float]:
    """The box a map of `region` shows: the world, Europe, or the country's places of `table` with a
    margin (at least 8 degrees wide and tall)."""
    if region == "world":
        return WORLD
    if region == "europe":
        return EUROPE
    inside = table[table.country == region]
    lon, lat = inside.longitude, inside.latitude
    cx, cy = (lon.min() + lon.max()) / 2, (lat.min() + lat.max()) / 2
    half_w, half_h = max(4.0, (lon.max() - lon.min()) / 2 + 2), max(4.0, (lat.max() - lat.min()) / 2 + 2)
    return (max(-180.0, cx - half_w), min(180.0, cx + half_w), max(-90.0, cy - half_h), min(90.0, cy + half_h))


def events(ds: Dataset, region: str = "world", first: pd.Timestamp | None = None,
           last: pd.Timestamp | None = None, types=()) -> pd.DataFrame:
    """The events abroad at their places: one row per (event, place), in the order of the journey.

    Columns: event_id, title, date, start, end, mid (the midpoint), decade, era, type, group,
    certainty, operation_id, seq, role, place_id, place, kind, country, country_name, latitude,
    longitude, precision. Keeps the events with a place in `region` (all their places are kept),
    whose dates overlap [first, last] (either open when None), of `types` (all when empty).
    """
    check_region(ds, region)
    check_days(first, last)
    check("types", list(types) if isinstance(types, tuple) else types, kind=list,
          items=ds.vocabulary("events", "type"))
    ev = ds.events[ds.events.scope == "abroad"]
    if types:
        ev = ev[ev.type.isin(list(types))]
    if first is not None or last is not None:
        lo = first if first is not None else ev.start.min()
        hi = last if last is not None else ev.end.max()
        ev = ev[evidence.overlaps(ev.start, ev.end, lo, hi)]
    places = ds.places.rename(columns={"name": "place"})[
        ["place_id", "place", "kind", "country", "latitude", "longitude", "precision"]]
    x = (ev[["event_id", "title", "date", "start", "end", "type", "certainty", "operation_id"]]
         .merge(ds.event_places[["event_id", "seq", "role", "place_id"]], on="event_id")
         .merge(places, on="place_id").merge(countries(ds), on="country"))
    x["mid"] = evidence.midpoint(x.start, x.end)
    x["decade"] = (x.mid.dt.year // 10 * 10).astype(str) + "s"
    x["era"] = eras.era_of(eras.eras(ds), x.mid).astype(object)
    x["group"] = x.type.map(event_groups(ds.descriptor))
    keep = x.event_id.isin(set(x.event_id[in_region(x, region)]))
    cols = ["event_id", "title", "date", "start", "end", "mid", "decade", "era", "type", "group", "certainty",
            "operation_id", "seq", "role", "place_id", "place", "kind", "country", "country_name", "latitude",
            "longitude", "precision"]
    return x[keep][cols].sort_values(["start", "event_id", "seq"]).reset_index(drop=True)


# --- counting ---------------------------------------------------------------------------------------

def totals(ds: Dataset, table: pd.DataFrame) -> dict[str, int]:
    """What `table` (of `events`) holds against all of `ds`: events (each once), abroad (every event
    abroad in `ds`, whatever the region and window), places and countries (distinct, among the places
    of the events kept)."""
    return {"events": table.event_id.nunique(), "abroad": int((ds.events.scope == "abroad").sum()),
            "places": table.place_id.nunique(), "countries": table.country.nunique()}


def by_group(table: pd.DataFrame) -> pd.Series:
    """Events per event group, each event once (a journey is one event): group -> events."""
    return table.drop_duplicates("event_id").group.value_counts()


def by_country(table: pd.DataFrame) -> pd.DataFrame:
    """Events per country (each event once in each country where it has a place) and per event
    group: country, country_name, one column per group, events; most events first, then by name."""
    once = table.drop_duplicates(["event_id", "country"])
    wide = pd.crosstab([once.country, once.country_name], once.group)
    wide["events"] = wide.sum(axis=1)
    wide = wide.reset_index().rename_axis(columns=None)
    return wide.sort_values(["events", "country_name"], ascending=[False, True]).reset_index(drop=True)


def by_decade(table: pd.DataFrame) -> pd.DataFrame:
    """Events per country and decade of their midpoint (each event once per country): country_name,
    country, one column per decade, total; sorted as `by_country`, with a last row of all events
    (each once, so it can be less than the sum of the rows above)."""
    once = table.drop_duplicates(["event_id", "country"])
    wide = pd.crosstab([once.country_name, once.country], once.decade)
    wide["total"] = wide.sum(axis=1)
    wide = wide.reset_index().rename_axis(columns=None)
    wide = wide.sort_values(["total", "country_name"], ascending=[False, True])
    events_once = table.drop_duplicates("event_id")
    total = {"country_name": "all events abroad", "country": "",
             **events_once.decade.value_counts().to_dict(), "total": len(events_once)}
    return pd.concat([wide, pd.DataFrame([total])], ignore_index=True).fillna(0).astype(
        {c: int for c in wide.columns if c not in ("country_name", "country")})


#: The era of an event under no head of the secret police the data knows (`by_era`).
NO_ERA = "outside the eras of the data"


def by_era(table: pd.DataFrame, groups) -> pd.DataFrame:
    """Events abroad per era (the head of the secret police at the event's midpoint) and event group,
    each event once: era, one column per group in the order of `groups` (those with events), total;
    eras in time order, no row for an era without events. Events outside every era of `eras.eras`
    (which end with the data's coverage, 22 June 1941) make the row NO_ERA, so the rows add up to
    every event."""
    once = table.drop_duplicates("event_id").assign(era=lambda t: t.era.fillna(NO_ERA))
    wide = pd.crosstab(once.era, once.group)
    wide = wide[[g for g in groups if g in wide.columns]]
    wide["total"] = wide.sum(axis=1)
    first = once.groupby("era").mid.min()
    return wide.loc[first.sort_values().index].reset_index().rename_axis(columns=None)


#: The roles of an event's place that make it a movement (event_places.role); places all `at` are not.
LEG_ROLES = ("from", "via", "to")
#: The roles of a place a journey reaches: without one, places are no route.
REACHED = ("via", "to")


def journeys(table: pd.DataFrame) -> pd.DataFrame:
    """The events that move between several places to a place they reach (a `via` or a `to` place of
    `LEG_ROLES`), as ordered lines: event_id, title, date, group, route (the places' names joined by
    ' → '), stops, longitudes, latitudes (lists in the journey's order). Several places all `at` are no
    journey (Reiss's arrest in Lviv and escape at Cracow are places of his recruitment, not a route), nor
    is a departure the data gives no destination for (Ovakimian's release in the United States, to leave
    from San Francisco: the line would run from the country to its port)."""
    rows = []
    for event_id, part in table.sort_values(["event_id", "seq"]).groupby("event_id", sort=False):
        if len(part) < 2 or not part.role.isin(REACHED).any():
            continue
        first = part.iloc[0]
        rows.append({"event_id": event_id, "title": first.title, "date": first.date, "start": first.start,
                     "group": first.group, "route": " → ".join(part.place), "stops": len(part),
                     "longitudes": list(part.longitude), "latitudes": list(part.latitude)})
    cols = ["event_id", "title", "date", "start", "group", "route", "stops", "longitudes", "latitudes"]
    return pd.DataFrame(rows, columns=cols).sort_values(["start", "event_id"]).reset_index(drop=True)


def points(table: pd.DataFrame) -> pd.DataFrame:
    """The markers of the map: one per point and event group, with the number of events there
    (an event counts once per point), the place names and the event ids; most events first."""
    once = table.drop_duplicates(["event_id", "longitude", "latitude"])
    out = (once.groupby(["longitude", "latitude", "group"])
           .agg(events=("event_id", "nunique"), places=("place", lambda s: ", ".join(sorted(set(s)))),
                event_ids=("event_id", lambda s: sorted(set(s))))
           .reset_index())
    return out.sort_values(["events", "places", "group"], ascending=[False, True, True]).reset_index(drop=True)


def by_point(table: pd.DataFrame) -> pd.DataFrame:
    """Events per point of the map (places that share a point, such as a country and its capital,
    count together, each event once): longitude, latitude, label (the name of the place there with
    the most events, a city before its country on a tie), places, events; most events first."""
    once = table.drop_duplicates(["event_id", "longitude", "latitude"])
    named = (table.drop_duplicates(["event_id", "place"])
             .assign(country_kind=lambda t: t.kind == "country")
             .groupby(["longitude", "latitude", "place", "country_kind"]).event_id.nunique().reset_index()
             .sort_values(["event_id", "country_kind", "place"], ascending=[False, True, True])
             .drop_duplicates(["longitude", "latitude"]).set_index(["longitude", "latitude"]).place)
    out = (once.groupby(["longitude", "latitude"])
           .agg(events=("event_id", "nunique"), places=("place", lambda s: ", ".join(sorted(set(s)))))
           .reset_index())
    out["label"] = [named[(x, y)] for x, y in zip(out.longitude, out.latitude)]
    out = out[["longitude", "latitude", "label", "places", "events"]]
    return out.sort_values(["events", "label"], ascending=[False, True]).reset_index(drop=True)


# --- operations ---------------------------------------------------------------------------------------

def _phase(ev: pd.DataFrame) -> pd.Series:
    """Order, lead-up, action or aftermath of each event of one operation, against its first blow."""
    phase = pd.Series("lead-up", index=ev.index)
    blows = ev[ev.type.isin(BLOW_TYPES)].sort_values(["start", "end", "event_id"])
    if len(blows):
        anchor = blows.iloc[0]
        after = (ev.start >= anchor.start) | ((ev.end >= anchor.start) & ev.type.isin(AFTER_TYPES))
        phase[after] = "aftermath"
        phase[ev.type.isin(BLOW_TYPES)] = "action"
    phase[ev.type == "order"] = "order"
    return phase


def operation_ids(table: pd.DataFrame) -> list[str]:
    """The operations (ids of operations.csv) that the events of `table` belong to, sorted."""
    return sorted(set(table.operation_id.dropna()))


def timeline(ds: Dataset, first: pd.Timestamp | None = None, last: pd.Timestamp | None = None,
             operations=None) -> pd.DataFrame:
    """Every event of the operations abroad (operations.csv, scope 'abroad'), one row each, with its
    phase: 'order' (an order), 'action' (a blow: killing, abduction, attempt), 'aftermath' (what may
    only come after the first blow, or, when the dates allow either order, a step that follows from
    it: a body found, an arrest, a flight), 'lead-up' (the rest). from_action_lo/hi: the shortest and
    longest number of days from the first blow to the event (`evidence.span_days`; negative before).

    Keeps the operations with an event in [first, last], and of `operations` (a list of ids of
    operations.csv; those at home among them are left out; all abroad when None).
    Columns: operation_id, operation, phase, event_id, title, type, group, date, start, end,
    certainty, scope, from_action_lo, from_action_hi; by operation start, then phase (in the order of
    PHASES), then event start.
    """
    check_days(first, last)
    ops = ds.operations[ds.operations.scope == "abroad"]
    if operations is not None:
        check("operations", operations, kind=list, items=sorted(ds.operations.operation_id))
        ops = ops[ops.operation_id.isin(list(operations))]
    ev = ds.events[ds.events.operation_id.isin(set(ops.operation_id))]
    lo = first if first is not None else pd.Timestamp.min
    hi = last if last is not None else pd.Timestamp.max
    hit = set(ev.operation_id[evidence.overlaps(ev.start, ev.end, lo, hi)])
    ev = ev[ev.operation_id.isin(hit)]
    parts = []
    for op, own in ev.groupby("operation_id", sort=False):
        own = own.assign(phase=_phase(own))
        blows = own[own.phase == "action"].sort_values(["start", "end", "event_id"])
        if len(blows):
            a = blows.iloc[0]
            own["from_action_lo"], own["from_action_hi"] = evidence.span_days(a.start, a.end, own.start, own.end)
        else:
            own["from_action_lo"] = own["from_action_hi"] = pd.NA
        parts.append(own)
    cols = ["operation_id", "operation", "phase", "event_id", "title", "type", "group", "date", "start", "end",
            "certainty", "scope", "from_action_lo", "from_action_hi"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts).merge(ops[["operation_id", "name"]].rename(columns={"name": "operation"}),
                                 on="operation_id")
    out["group"] = out.type.map(event_groups(ds.descriptor))
    out["op_start"] = out.groupby("operation_id").start.transform("min")
    out["rank"] = out.phase.map({p: i for i, p in enumerate(PHASES)})
    out = out.sort_values(["op_start", "operation_id", "rank", "start", "end", "event_id"])
    return out[cols].astype({"from_action_lo": "Int64", "from_action_hi": "Int64"}).reset_index(drop=True)


def _first(part: pd.DataFrame, phase: str):
    rows = part[part.phase == phase].sort_values(["start", "end", "event_id"])
    return rows.iloc[0] if len(rows) else None


def _nearest_blow(blows: pd.DataFrame, after: pd.Series) -> pd.Series:
    """The blow (of `blows`, in date order) an aftermath step answers: the nearest to it by midpoints, a tie
    to the earlier. Mercader was arrested on 20 August 1940, the day he struck Trotsky (who died on the 21st),
    three months after the raid of May; Plevitskaya's arrest of September 1937 answers Miller's kidnapping,
    not his execution of 1939."""
    mid = blows.start + (blows.end - blows.start) / 2
    return blows.iloc[int((mid - (after.start + (after.end - after.start) / 2)).abs().argmin())]


def lags(steps: pd.DataFrame) -> pd.DataFrame:
    """Per operation of `timeline`, the lag from its first order to its first blow, and to the first step
    of its aftermath from the blow it answers (`_nearest_blow`), each as the shortest and longest number
    of days the dates allow (`evidence.span_days`): operation_id,
    operation, order (its date), action, aftermath, order_to_action_lo/hi, action_to_aftermath_lo/hi
    (missing when a phase is missing), the event_ids of the steps (order_id, action_id, aftermath_id,
    and aftermath_from_id, the blow the aftermath is counted from; '' when missing), and `blows` with the
    last of them (`last_action_id`: Trotsky's killing of August 1940 after the raid of May)."""
    rows = []
    for op, part in steps.groupby("operation_id", sort=False):
        order, action, after = (_first(part, p) for p in ("order", "action", "aftermath"))
        blows = part[part.phase == "action"].sort_values(["start", "end", "event_id"])
        struck = _nearest_blow(blows, after) if after is not None and len(blows) else action
        row = {"operation_id": op, "operation": part.operation.iloc[0],
               "order": order.date if order is not None else "", "action": action.date if action is not None else "",
               "aftermath": after.date if after is not None else "",
               **{f"{p}_id": e.event_id if e is not None else "" for p, e in (("order", order), ("action", action),
                                                                           ("aftermath", after), ("aftermath_from", struck))}}
        for name, a, b in (("order_to_action", order, action), ("action_to_aftermath", struck, after)):
            lo, hi = (evidence.span_days(a.start, a.end, b.start, b.end) if a is not None and b is not None
                      else (pd.NA, pd.NA))
            row[f"{name}_lo"], row[f"{name}_hi"] = lo, hi
        row["blows"], row["last_action_id"] = len(blows), blows.event_id.iloc[-1] if len(blows) else ""
        rows.append(row)
    cols = ["operation_id", "operation", "order", "action", "aftermath", "order_to_action_lo", "order_to_action_hi",
            "action_to_aftermath_lo", "action_to_aftermath_hi", "order_id", "action_id", "aftermath_id",
            "aftermath_from_id", "blows", "last_action_id"]
    return pd.DataFrame(rows, columns=cols).astype({c: "Int64" for c in cols[5:9]})


def dated_orders(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of `lags` whose order and blow are both dated, the shortest road from order to blow
    (by its longest possible lag) first."""
    return table.dropna(subset=["order_to_action_hi"]).sort_values("order_to_action_hi")


def may_be_shorter(dated: pd.DataFrame) -> list[str]:
    """The operations of `dated_orders` (after its first, the shortest by its longest lag) whose own dates
    allow a road shorter than the first's (`evidence.may_be_below`): then the dates rank nothing. By name."""
    if len(dated) < 2:
        return []
    rest = dated.iloc[1:]
    return sorted(rest.operation[evidence.may_be_below(rest.order_to_action_lo, dated.order_to_action_hi.iloc[0])])


def days_text(lo, hi) -> str:
    """'0 days', '26 to 390 days', '' when unknown."""
    if pd.isna(lo) or pd.isna(hi):
        return ""
    return f"{lo:,} day{'s' if abs(lo) != 1 else ''}" if lo == hi else f"{lo:,} to {hi:,} days"


def lag_table(table: pd.DataFrame, titles: dict | None = None) -> pd.DataFrame:
    """`lags` as a reader sees it: the lags as text ('26 to 390 days'), and each step as its date and, given
    the events' `titles` by id, what it was ('24 May 1940: NKVD raid on Trotsky's villa'), so that the
    first blow is not taken for the operation's end (Trotsky's killing came three months after the raid);
    an aftermath counted from a later blow than the first names it ('-1 day (from Assassination of Leon
    Trotsky)')."""
    def step(dates: pd.Series, ids: pd.Series) -> list[str]:
        if titles is None:
            return list(dates)
        return [f"{d}: {titles[i]}" if i and i in titles else d for d, i in zip(dates, ids)]
    return pd.DataFrame({
        "operation": table.operation, "order": step(table.order, table.order_id),
        "action": [a + (f" (first of {n} blows; the last: {titles.get(last, last)})" if titles and n > 1 else "")
                   for a, n, last in zip(step(table.action, table.action_id), table.get("blows", [1] * len(table)),
                                         table.get("last_action_id", [""] * len(table)))],
        "order → action": [days_text(a, b) for a, b in zip(table.order_to_action_lo, table.order_to_action_hi)],
        "aftermath": step(table.aftermath, table.aftermath_id),
        "action → aftermath": [days_text(a, b) + (f" (from {titles.get(f, f)})" if titles and f and f != first else "")
                               for a, b, f, first in zip(table.action_to_aftermath_lo, table.action_to_aftermath_hi,
                                                         table.get("aftermath_from_id", table.action_id), table.action_id)]})


# --- who acted abroad: the finding, and the claims the report states ---------------------------------

#: The roles by which a member of the apparatus or an organisation of the organs acts in an event.
ACTING_ROLES = (*evidence.ACTOR_ROLES, "accomplice")
#: Present-day countries of the home of the organs: the events abroad have places there only where a
#: journey abroad began or ended (Moscow, 'Russia'); such a leg is no country abroad.
HOME = ("RU",)
ACTED_RULE = ("Who acted abroad: an event abroad counts when an organisation of the organs (`evidence.organs`) or a "
              "member of the apparatus (people.side) is its perpetrator, organiser, orderer or accomplice; background "
              "rows (type `context`) never count; an event counts once in each country where it has a place, "
              "legs in Russia (journeys home) aside.")


def _keys(ds: Dataset, name: str, frame: pd.DataFrame) -> list[str]:
    """The row ids (claims' keys) of the rows of `frame`, a part of table `name`."""
    key = claims.keys(ds.descriptor)[name]
    return list(frame[key].astype(str).agg(claims.KEY_JOIN.join, axis=1)) if len(frame) else []


def acting(ds: Dataset, table: pd.DataFrame) -> dict[str, list[str]]:
    """Who acted abroad (ACTED_RULE) among the events of `table` (of `events`): events (in which the
    organs or their people acted), roles and org_roles (the rows that say so), legs (their places
    outside HOME), left (the other events, background aside) and context (the background rows)."""
    order = list(dict.fromkeys(table.event_id))
    context = list(dict.fromkeys(table.event_id[table.type == "context"]))
    r, o = ds.roles, ds.org_roles
    r = r[r.event_id.isin(order) & ~r.event_id.isin(context) & r.role.isin(ACTING_ROLES)
          & r.person_id.isin(set(ds.people.person_id[ds.people.side == "apparatus"]))]
    o = o[o.event_id.isin(order) & ~o.event_id.isin(context) & o.role.isin(ACTING_ROLES)
          & o.org_id.isin(evidence.organs(ds.organisations))]
    acted = set(r.event_id) | set(o.event_id)
    legs = table[table.event_id.isin(acted) & ~table.country.isin(HOME)]
    return {"events": [e for e in order if e in acted], "roles": _keys(ds, "roles", r), "org_roles": _keys(ds, "org_roles", o),
            "legs": _keys(ds, "event_places", legs), "context": context,
            "left": [e for e in order if e not in acted and e not in context]}


def acted_on_doubt(ds: Dataset, event_ids) -> list[str]:
    """Of `event_ids` (events in which the organs acted, `acting`), those whose every act by the organs or
    their people is only alleged or disputed, or whose event is (Sedov's death: Zborowski's part only
    believed): counted by the rule of who acted, and said to rest on doubt."""
    ids = list(dict.fromkeys(event_ids))
    r, o = ds.roles, ds.org_roles
    r = r[r.event_id.isin(ids) & r.role.isin(ACTING_ROLES) & r.person_id.isin(set(ds.people.person_id[ds.people.side == "apparatus"]))]
    o = o[o.event_id.isin(ids) & o.role.isin(ACTING_ROLES) & o.org_id.isin(evidence.organs(ds.organisations))]
    firm = set(r.event_id[r.certainty == "stated"]) | set(o.event_id[o.certainty == "stated"])
    plain = set(ds.events.event_id[ds.events.certainty == "stated"])
    return [e for e in ids if e not in firm or e not in plain]


def alleged_killings(ds: Dataset, event_ids) -> list[str]:
    """Of `event_ids`, the deaths that an unofficial account alleges were killings (Krivitsky's, Markin's):
    no act of the organs is recorded, but a reader should know a killing is alleged."""
    acc = ds.accounts[(ds.accounts.kind != "official") & (ds.accounts.claim == "killing")]
    ev = ds.events[ds.events.event_id.isin(list(event_ids)) & (ds.events.type == "death")]
    return [e for e in dict.fromkeys(event_ids) if e in set(ev.event_id) & set(acc.event_id)]


def _titles(ds: Dataset, event_ids) -> list[str]:
    titles = ds.events.set_index("event_id").title
    return [titles[e] for e in event_ids]


def acted_places(table: pd.DataFrame, who: dict) -> pd.DataFrame:
    """The rows of `table` of the events in which the organs acted (`acting`), legs in HOME aside."""
    return table[table.event_id.isin(who["events"]) & ~table.country.isin(HOME)]


def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


_names = in_prose  # 'France', 'Spain and France', 'A, B and C'


def _rank_sql(event_ids: list[str], rank: int, what: str = "names") -> str:
    """SQL over the countries of `event_ids` (legs in HOME aside), by their number of events: the
    names (', ' joined) of the countries at the `rank`-th highest number (0: the most), or that number."""
    listed = ", ".join(_quote(e) for e in event_ids) or "NULL"
    home = ", ".join(_quote(c) for c in HOME)
    ranked = ("WITH n AS (SELECT c.name AS country, COUNT(DISTINCT ep.event_id) AS k FROM event_places ep "
              "JOIN places p ON p.place_id = ep.place_id JOIN places c ON c.kind = 'country' AND c.country = p.country "
              f"WHERE ep.event_id IN ({listed}) AND p.country NOT IN ({home}) GROUP BY c.name), "
              f"r AS (SELECT DISTINCT k FROM n ORDER BY k DESC LIMIT 1 OFFSET {rank}) ")
    if what == "count":
        return ranked + "SELECT k FROM r"
    return ranked + ("SELECT group_concat(country, ', ') FROM "
                     "(SELECT country FROM n WHERE k = (SELECT k FROM r) ORDER BY country)")


def _acted_rows(who: dict) -> dict:
    return {"events": who["events"], "roles": who["roles"], "org_roles": who["org_roles"], "event_places": who["legs"]}


def first_country(ds: Dataset, region: str = "world", first: pd.Timestamp | None = None,
                  last: pd.Timestamp | None = None, types=()) -> claims.Claim:
    """The finding of the report: the country (or countries, tied) with the most events abroad in
    which the organs acted (ACTED_RULE), among the events of `events(ds, region, first, last, types)`.
    None (text 'no country') when no such event is left."""
    table = events(ds, region, first, last, types)
    who = acting(ds, table)
    ranked = by_country(acted_places(table, who))
    top = sorted(ranked.country_name[ranked.events == ranked.events.max()]) if len(ranked) else []
    return claims.make(ds, ", ".join(top) or None, ACTED_RULE, _rank_sql(who["events"], 0), _acted_rows(who),
                       {"region": region, "first": first, "last": last, "types": list(types)},
                       text=_names(top) or "no country")


def acted_claims(ds: Dataset, table: pd.DataFrame, who: dict) -> dict[str, claims.Claim]:
    """What the finding's sentence states beside `first_country`: acted (the events in which the organs
    acted), countries (theirs), leader (the first country's events), second and second_events (the
    country or countries next, and their number each), left (the other events, background aside) and
    context (the background rows). Missing keys when there is nothing to say."""
    places = acted_places(table, who)
    ranked = by_country(places)
    out = {"acted": claims.count(ds, "events", who["events"], ACTED_RULE, also=_acted_rows(who)),
           "left": claims.count(ds, "events", who["left"], "events abroad in which no organisation of the organs "
                                "and no member of the apparatus acted (ACTED_RULE), background aside"),
           "context": claims.count(ds, "events", who["context"], "background rows abroad (type `context`)")}
    if not len(ranked):
        return out
    out["countries"] = claims.count(ds, "places", _country_places(ds, ranked.country), "the countries where the "
                                    "organs acted abroad (ACTED_RULE), each by its place of kind country",
                                    also={"event_places": who["legs"]})
    doubtful = set(acted_on_doubt(ds, places.event_id))
    only_doubt = sorted(set(places.country) - set(places.country[~places.event_id.isin(doubtful)]))
    out["countries_on_doubt"] = claims.count(ds, "places", _country_places(ds, only_doubt), "of those countries, the "
                                             "ones where every act of the organs is only alleged or disputed "
                                             "(`acted_on_doubt`)", also={"event_places": who["legs"]})
    out["countries_on_doubt_names"] = sorted(ranked.country_name[ranked.country.isin(only_doubt)])
    top = places[places.country == ranked.country.iloc[0]]
    out["leader"] = claims.count(ds, "events", list(dict.fromkeys(top.event_id)), "events abroad in which the organs "
                                 "acted (ACTED_RULE) in the first country", also={"event_places": _keys(ds, "event_places", top)})
    doubt = acted_on_doubt(ds, top.event_id)
    out["leader_on_doubt"] = claims.count(ds, "events", doubt, "of the first country's events, those in which the "
                                          "organs' act, or the event, is only alleged or disputed (`acted_on_doubt`)")
    out["leader_on_doubt_titles"] = _titles(ds, doubt)
    lower = ranked[ranked.events < ranked.events.iloc[0]]
    if len(lower):
        names = sorted(lower.country_name[lower.events == lower.events.iloc[0]])
        out["second"] = claims.make(ds, ", ".join(names), ACTED_RULE + " The countries next after the first.",
                                    _rank_sql(who["events"], 1), _acted_rows(who), text=_names(names))
        out["second_events"] = claims.make(ds, int(lower.events.iloc[0]), ACTED_RULE + " The events of each country next.",
                                           _rank_sql(who["events"], 1, "count"), _acted_rows(who))
    return out


def _country_places(ds: Dataset, codes) -> list[str]:
    """The place_ids of kind country of the country codes `codes`."""
    p = ds.places[ds.places.kind == "country"].drop_duplicates("country").set_index("country").place_id
    return [p[c] for c in codes]


def silent_country(ds: Dataset, table: pd.DataFrame, who: dict) -> tuple[str, claims.Claim, list, tuple] | None:
    """The country with the most events abroad of which none counts as an act of the organs
    (ACTED_RULE): its name, the count of its events, (type, count) per event type, and its deaths that an
    account alleges were killings (`alleged_killings`: Krivitsky, Markin) as (count, titles). None if none."""
    acted = set(acted_places(table, who).country)
    counts = by_country(table)
    counts = counts[~counts.country.isin(acted) & ~counts.country.isin(HOME)]
    if not len(counts):
        return None
    row = counts.iloc[0]
    own = table[table.country == row.country].drop_duplicates("event_id")
    rule = f"events abroad with a place in {row.country_name}, none an act of the organs (ACTED_RULE)"
    kinds = [(kind, claims.count(ds, "events", list(part.event_id), f"{rule}, of type {kind}"))
             for kind, part in sorted(own.groupby("type"), key=lambda kv: (-len(kv[1]), kv[0]))]
    killed = alleged_killings(ds, own.event_id)
    alleged = claims.count(ds, "events", killed, f"{rule}: deaths an unofficial account alleges were killings "
                           "(`alleged_killings`)")
    return row.country_name, claims.count(ds, "events", list(own.event_id), rule), kinds, (alleged, _titles(ds, killed))
