"""The numbers report 04 (`notebooks/04-operations-abroad.ipynb`) states beside its finding, as claims
(`helpers.evidence.claims`): the window's events, places and countries; the busiest point of the map and
the journeys; the busiest decade and era; the lags of the operations. The rules they count by are those
of `helpers.analyses.abroad`, stated there once; the finding itself (`abroad.first_country`) and what it
rests on (`abroad.acted_claims`, `abroad.silent_country`) stay there."""
from __future__ import annotations

import pandas as pd

from ..evidence import Dataset, claims, eras
from .abroad import HOME, _country_places, _keys, _names, _quote, days_text

def window_claims(ds: Dataset, table: pd.DataFrame) -> dict[str, claims.Claim]:
    """What `totals` counts, as claims: events (of `table`), abroad (every event abroad of `ds`),
    places and countries (of the events of `table`, each country by its place of kind country; Russia, where
    a journey abroad began or ended, is no country abroad: HOME)."""
    legs = _keys(ds, "event_places", table)
    shown = "events abroad with a place in the region, whose dates overlap the window, of the chosen types"
    return {"events": claims.count(ds, "events", table.event_id, shown, also={"event_places": legs}),
            "abroad": claims.count(ds, "events", ds.events.event_id[ds.events.scope == "abroad"],
                                   "every event whose scope is abroad"),
            "places": claims.count(ds, "places", table.place_id[~table.country.isin(HOME)], f"the places abroad of the "
                                   f"{shown} (the ends of journeys home left aside)", also={"event_places": legs}),
            "countries": claims.count(ds, "places", _country_places(ds, sorted(set(table.country) - set(HOME))),
                                      f"the present-day countries abroad of the places of the {shown} (the legs of "
                                      "journeys home left aside)", also={"event_places": legs})}


def where_claims(ds: Dataset, table: pd.DataFrame, places: pd.DataFrame, routes: pd.DataFrame) -> dict:
    """The busiest point of `by_point` (its events, each once), those of them placed only in a country drawn
    at its capital (`country_only`, with `country_names`), and the journeys of `journeys`, as claims, with those
    an order planned (`planned`, with `planned_titles`: the OGPU's plan to seize Kutepov)."""
    out = {"journeys": claims.count(ds, "events", routes.event_id, "events that move between places, one of them "
                                    "a from, via or to place (journeys)",
                                    also={"event_places": _keys(ds, "event_places", table[table.event_id.isin(routes.event_id)])})}
    kinds = ds.events.set_index("event_id").type.reindex(routes.event_id)
    planned = routes[(kinds == "order").to_numpy()]
    out["planned"] = claims.count(ds, "events", planned.event_id, "of the journeys, the routes an order planned "
                                  "(event type order): a route set, not one known to be travelled")
    out["planned_titles"] = list(planned.title)
    if len(places):
        top = places.iloc[0]
        there = table[(table.longitude == top.longitude) & (table.latitude == top.latitude)]
        out["busiest"] = claims.count(ds, "events", there.event_id, "events with a place at the busiest point of the map "
                                      f"({top.places})", also={"event_places": _keys(ds, "event_places", there)})
        vague = there[there.kind == "country"]
        vague = vague[~vague.event_id.isin(there.event_id[there.kind != "country"])]
        out["country_only"] = claims.count(ds, "events", vague.event_id, "of the events at the busiest point, those "
                                           "placed only in a country, drawn at its capital",
                                           also={"event_places": _keys(ds, "event_places", vague)})
        out["country_names"] = sorted(set(vague.place))
    return out


def _mid_sql() -> str:
    """SQL: an event's midpoint day, rounded down (`evidence.midpoint`)."""
    return "date(julianday(date_start) + (julianday(date_end) - julianday(date_start)) / 2)"


def _busiest_sql(label: str, event_ids) -> str:
    """SQL: the label (', ' joined on a tie) with the most of `event_ids`, `label` an SQL expression."""
    listed = ", ".join(_quote(e) for e in event_ids) or "NULL"
    return (f"WITH d AS (SELECT event_id, {label} AS label FROM events WHERE event_id IN ({listed})), "
            "n AS (SELECT label, COUNT(*) AS k FROM d WHERE label IS NOT NULL GROUP BY label) "
            "SELECT group_concat(label, ', ') FROM (SELECT label FROM n WHERE k = (SELECT MAX(k) FROM n) ORDER BY label)")


def decade_claims(ds: Dataset, table: pd.DataFrame) -> dict[str, claims.Claim]:
    """The decade (of their midpoints) with the most events of `table`, each once: decade (its label,
    '1930s'), events (its events) and total (every event of `table`)."""
    once = table.drop_duplicates("event_id")
    if not len(once):
        return {}
    counts = once.decade.value_counts()
    top = sorted(counts.index[counts == counts.max()])
    rule = "the decade of each event's midpoint (`evidence.midpoint`), each event once"
    label = f"(CAST(strftime('%Y', {_mid_sql()}) AS INTEGER) / 10 * 10) || 's'"
    return {"decade": claims.make(ds, ", ".join(top), rule, _busiest_sql(label, once.event_id), {"events": once.event_id},
                                  text=_names(top)),
            "events": claims.count(ds, "events", once.event_id[once.decade == top[0]], f"{rule}: the events of the {top[0]}"),
            "total": claims.count(ds, "events", once.event_id, "the events abroad shown, each once")}


def era_claims(ds: Dataset, table: pd.DataFrame) -> dict[str, claims.Claim]:
    """The era (head of the secret police at the event's midpoint) with the most events of `table`:
    era (its label), events (its events), outside (the events outside every era of the data) and outside_when
    (words: before the first era, after the coverage's end, or both)."""
    once = table.drop_duplicates("event_id")
    inside = once[once.era.notna()]
    heads = list(eras.heads(ds).position_id)
    rule = "the era of each event's midpoint: the head of the secret police then (`evidence.eras`), each event once"
    out = {"outside": claims.count(ds, "events", once.event_id[once.era.isna()], "events after the eras of the data "
                                   "(which end with the case file's coverage) or before them", also={"positions": heads})}
    bins = eras.eras(ds)
    away = once[once.era.isna()]
    mid = away.start + (away.end - away.start) / 2
    out["outside_when"] = " or ".join(w for w, hit in (("before the first era", (mid < bins.start.iloc[0]).any()),
                                                      (f"after the data's coverage ends ({bins.end.iloc[-1].day} "
                                                       f"{bins.end.iloc[-1]:%B %Y})", (mid > bins.end.iloc[-1]).any()))
                                      if hit)
    if not len(inside):
        return out
    counts = inside.era.astype(str).value_counts()
    top = sorted(counts.index[counts == counts.max()])
    ends = list(bins.start[1:]) + [bins.end.iloc[-1] + pd.Timedelta(days=1)]
    case = " ".join(f"WHEN {_mid_sql()} >= '{a:%Y-%m-%d}' AND {_mid_sql()} < '{b:%Y-%m-%d}' THEN {_quote(e)}"
                    for e, a, b in zip(bins.era, bins.start, ends))
    return {**out, "era": claims.make(ds, ", ".join(top), rule, _busiest_sql(f"CASE {case} END", inside.event_id),
                                      {"events": inside.event_id, "positions": heads}, text=_names(top)),
            "events": claims.count(ds, "events", inside.event_id[inside.era.astype(str) == top[0]],
                                   f"{rule}: the events of {top[0]}'s era", also={"positions": heads})}


def timeline_claims(ds: Dataset, lags_: pd.DataFrame, dated: pd.DataFrame) -> dict[str, claims.Claim]:
    """The operations of `lags`, those with a dated order (`dated_orders`), and the lag of the first of
    these from order to blow (an interval of days: shortest, longest), as claims."""
    out = {"operations": claims.count(ds, "operations", lags_.operation_id, "the operations abroad with an event shown"),
           "dated": claims.count(ds, "operations", dated.operation_id, "the operations abroad with a dated order and a blow",
                                 also={"events": [*dated.order_id, *dated.action_id]})}
    if len(dated):
        top = dated.iloc[0]
        lo, hi = int(top.order_to_action_lo), int(top.order_to_action_hi)
        sql = ("SELECT CAST(julianday(b.date_start) - julianday(a.date_end) AS INTEGER), "
               "CAST(julianday(b.date_end) - julianday(a.date_start) AS INTEGER) FROM events a, events b "
               f"WHERE a.event_id = {_quote(top.order_id)} AND b.event_id = {_quote(top.action_id)}")
        out["lag"] = claims.make(ds, claims.Interval(lo, hi), "days from the order to the first blow, shortest to longest "
                                 "the dates allow (`evidence.span_days`); the operation with the shortest longest lag",
                                 sql, {"events": [top.order_id, top.action_id]}, text=days_text(lo, hi))
    return out
