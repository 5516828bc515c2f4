"""The sentences the abroad report (notebooks/04-operations-abroad.ipynb) prints, built from what
`helpers.analyses.abroad` computed; they compute nothing themselves. Each returns Markdown."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from ..analyses.abroad import days_text


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def window(totals: dict, region: str, first: pd.Timestamp, last: pd.Timestamp, include_alleged: bool) -> Markdown:
    """What the report shows: the window, the region, and the events, places and countries of
    `abroad.totals` (out of every event abroad of the data as loaded)."""
    plainly = "" if include_alleged else " that the sources state plainly"
    return Markdown(f"From **{first:%d %B %Y}** to **{last:%d %B %Y}**, region **{region}**: {totals['events']} of "
                    f"the {totals['abroad']} events abroad{plainly}, at {totals['places']} places in "
                    f"{totals['countries']} countr{_plural(totals['countries'], 'y', 'ies')}.")


def where(places: pd.DataFrame, routes: pd.DataFrame) -> Markdown:
    """How to read the map, the busiest point (the first row of `abroad.by_point`) and how many events
    are journeys (`abroad.journeys`)."""
    if not len(places):
        return Markdown("*What to see:* no event abroad matches these parameters.")
    top = places.iloc[0]
    return Markdown(f"*What to see:* each disc is a point with its events of one group (the larger, the more "
                    f"events); lines with arrows are journeys, stop by stop. The busiest point is **{top.label}** "
                    f"({top.events} events there, counting {top.places}); {len(routes)} events are journeys.")


def countries(counts: pd.DataFrame) -> Markdown:
    """The two countries with the most events (the first rows of `abroad.by_country`)."""
    if len(counts) <= 1:
        return Markdown("*What to see:* the events of one country only, by group.")
    first, second = counts.iloc[0], counts.iloc[1]
    return Markdown(f"*What to see:* **{first.country_name}** has the most events abroad ({first.events}), then "
                    f"**{second.country_name}** ({second.events}); an event counts once in each country where it "
                    "has a place, so a journey counts in every country it crosses.")


def timelines(lags: pd.DataFrame, dated: pd.DataFrame) -> Markdown:
    """How to read the timelines, how many operations (`abroad.lags`) have a dated order, and the
    shortest road from order to blow (the first row of `abroad.dated_orders`)."""
    road = "."
    if len(dated):
        top = dated.iloc[0]
        road = (f"; the shortest road from order to blow is **{top.operation}**: "
                f"{days_text(top.order_to_action_lo, top.order_to_action_hi)}.")
    return Markdown(f"*What to see:* each bar runs from an event's earliest to its latest possible day; the star "
                    f"marks the blow (a killing, an abduction, an attempt). Of {len(lags)} "
                    f"operation{_plural(len(lags), '', 's')}, {len(dated)} {_plural(len(dated), 'has', 'have')} "
                    f"a dated order{road}")
