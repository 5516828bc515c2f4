"""The sentences the abroad report (notebooks/04-operations-abroad.ipynb) prints, built from the claims
`helpers.analyses.abroad` made; they compute nothing themselves. Each returns a Caption: every number
in it is a claim, with the rows it rests on."""
from __future__ import annotations

import pandas as pd

from ..analyses.abroad import may_be_shorter
from ..evidence import claims
from ..core.names import in_prose
from ..figures import labels
from .claimed import Caption

PAGE = "04-operations-abroad"


def _plural(n, one: str, many: str) -> str:
    return one if n.value == 1 else many


def window(c: dict, region: str, first: pd.Timestamp, last: pd.Timestamp, include_alleged: bool) -> Caption:
    """What the report shows: the window, the region, and the events, places and countries of
    `abroad_claims.window_claims` (out of every event abroad of the data as loaded)."""
    plainly = "" if include_alleged else " that the sources state plainly"
    return Caption(f"From **{first:%d %B %Y}** to **{last:%d %B %Y}**, region **{{region}}**: {{shown}} of the "
                   f"{{abroad}} events abroad{plainly}, at {{places}} places in {{countries}} "
                   f"countr{_plural(c['countries'], 'y', 'ies')} abroad (by today's borders), besides the places in "
                   "Russia where journeys home ended.", page=PAGE, region=region, shown=c["events"],
                   abroad=c["abroad"], places=c["places"], countries=c["countries"])


def where(places: pd.DataFrame, c: dict) -> Caption:
    """How to read the map, the busiest point (the first row of `abroad.by_point`) and how many events
    are journeys (`abroad_claims.where_claims`)."""
    if not len(places):
        return Caption("*What to see:* no event abroad matches these parameters.", page=PAGE)
    top = places.iloc[0]
    vague = c.get("country_only")
    only = (", {country_only} of them placed only in {countries} and drawn at its capital"
            if vague is not None and vague.value else "")
    fields = {"country_only": vague, "countries": " or ".join(c.get("country_names", []))} if only else {}
    plan = c.get("planned")
    planned = (", {planned} of them routes an order set, not known to be travelled ({planned_titles})"
               if plan is not None and plan.value else "")
    if planned:
        fields.update(planned=plan, planned_titles=in_prose(c["planned_titles"]))
    return Caption("*What to see:* each disc is a point with its events of one group (the larger, the more events); "
                   "lines with arrows are journeys, stop by stop. The busiest point is **{label}** ({busiest_point} events "
                   "there" + only + "; counting {places}); {journeys} events are journeys" + planned + ".", page=PAGE,
                   label=top.label, places=top.places, busiest_point=c["busiest"], journeys=c["journeys"], **fields)


def _readings(finding: claims.Claim) -> Caption:
    """Whether another reading of the data changes the first country (`readings.sensitivity`)."""
    if not finding.readings:
        return Caption("")
    if not finding.changes:
        return Caption(" **{leader_words}** comes first under every reading (the table below).", page=PAGE,
                       leader_words=finding.text)
    changed = "; ".join(f"{reading}: {text}" for reading, text, moved in finding.readings if moved)
    return Caption(" Another reading changes the first country ({changed}): see the table below.", page=PAGE,
                   changed=changed)


def countries(finding: claims.Claim, c: dict, silent: tuple | None) -> Caption:
    """The finding: the first country by the rule of who acted abroad (`abroad.first_country`, with
    its readings), the countries next (`abroad.acted_claims`), and what the rule leaves out: the
    events in which no organ acted, the background rows, and the country with the most events abroad
    of which none counts (`abroad.silent_country`), with its kinds of event."""
    rule = Caption("*What to see:* the bars count the events abroad in which the Soviet organs or their people acted "
                   "(**who acted abroad**): an organisation of the organs, or a member of the apparatus, is the "
                   "perpetrator, organiser, orderer or accomplice. Background rows (`context`) never count, and a "
                   "journey's leg home to Russia is no country abroad; an event counts once in each other country "
                   "where it has a place. ", page=PAGE)
    if "leader" not in c:
        return rule + Caption("No event shown is an act of the organs.", page=PAGE) + _left(c, silent)
    doubt = c.get("leader_on_doubt")
    hedged = (f" ({{leader_on_doubt}} of them only on an alleged or disputed act: {{doubt_names}})"
              if doubt is not None and doubt.value else "")
    head = Caption("By that rule **{first_country}** comes first, with {first_country_events} of the {acted} events "
                   f"in which the organs acted ({{where}}){hedged}, in {{acted_countries}} "
                   f"countr{_plural(c['countries'], 'y', 'ies')}" + (" ({countries_on_doubt} of them only on an alleged "
                   "or disputed act: {countries_on_doubt_names})" if c.get("countries_on_doubt_names") else ""), page=PAGE,
                   first_country=finding, where=claims.scope(c["acted"]), first_country_events=c["leader"],
                   acted=c["acted"], acted_countries=c["countries"],
                   **({"leader_on_doubt": doubt, "doubt_names": in_prose(c["leader_on_doubt_titles"])} if hedged else {}),
                   **({"countries_on_doubt": c["countries_on_doubt"],
                       "countries_on_doubt_names": in_prose(c["countries_on_doubt_names"])}
                      if c.get("countries_on_doubt_names") else {}))
    if "second" in c:
        head = head + Caption("; then {next_countries} ({next_country_events} each)" if "," in c["second"].value
                              else "; then {next_countries} ({next_country_events})", page=PAGE,
                              next_countries=c["second"], next_country_events=c["second_events"])
    return rule + head + Caption(".", page=PAGE) + _readings(finding) + _left(c, silent)


def _left(c: dict, silent: tuple | None) -> Caption:
    """What the rule of who acted abroad leaves out."""
    out = Caption(f" The rule leaves out {{left_out}} event{_plural(c['left'], '', 's')} abroad in which no organ and no "
                  f"member of the apparatus acted, and {{background}} background row{_plural(c['context'], '', 's')}",
                  page=PAGE, left_out=c["left"], background=c["context"])
    if silent is None:
        return out + Caption(".", page=PAGE)
    name, n, kinds, (alleged, alleged_titles) = silent
    parts = [Caption(f"{labels.header(kind).lower()} {{silent_{kind}}}", page=PAGE, **{f"silent_{kind}": claim})
             for kind, claim in kinds]
    listed = parts[0]
    for part in parts[1:]:
        listed = listed + Caption(", ", page=PAGE) + part
    hedge = (Caption("; among them {silent_alleged} death" + _plural(alleged, "", "s") + " that an account alleges "
                     "w" + _plural(alleged, "as a killing", "ere killings") + ", by no hand the data names: {alleged_names}",
                     page=PAGE, silent_alleged=alleged, alleged_names=in_prose(alleged_titles))
             if alleged.value else Caption("", page=PAGE))
    return out + Caption("; the country with the most events abroad and no act of the organs among them is "
                         f"**{{silent_country}}**: {{silent_events}} event{_plural(n, '', 's')} (", page=PAGE, silent_events=n,
                         silent_country=name) + listed + hedge + Caption(").", page=PAGE)


def decades(c: dict) -> Caption:
    """The busiest decade of `abroad_claims.decade_claims`."""
    if not c:
        return Caption("No event abroad matches these parameters.", page=PAGE)
    return Caption("Most events abroad fall in the **{decade}** (by each event's midpoint): {decade_events} of the "
                   "{decade_total}, each counted once.", page=PAGE, decade=c["decade"], decade_events=c["events"],
                   decade_total=c["total"])


def eras(c: dict) -> Caption:
    """The era with the most events of `abroad_claims.era_claims`, and the events outside every era."""
    when = c.get("outside_when") or "after the last or before the first"
    outside = Caption("{outside_eras} events fall outside the eras of the data, {when}.", page=PAGE,
                      outside_eras=c["outside"], when=when) if c["outside"].value else Caption(
                      "No event falls outside the eras of the data.", page=PAGE)
    if "era" not in c:
        return outside
    return Caption("Most events abroad fall in **{era}**'s era (by each event's midpoint): {era_events} events. ",
                   page=PAGE, era=c["era"], era_events=c["events"]) + outside


def timelines(c: dict, dated: pd.DataFrame) -> Caption:
    """How to read the timelines, how many operations (`abroad_claims.timeline_claims`) have a dated order,
    and the shortest road from order to blow (the first row of `abroad.dated_orders`)."""
    road = Caption(".", page=PAGE)
    if "lag" in c:
        first = dated.iloc[0]
        room = may_be_shorter(dated)
        touches = c["lag"].value.low <= 0  # the order's latest day reaches the blow's: only the longest lag is measured
        road = Caption("; by the longest lag its dates allow, the shortest road from order to blow is **{operation}**: "
                       "{shortest_lag}", page=PAGE, operation=first.operation, shortest_lag=c["lag"]) + (Caption(
            " (its order's dates run up to the day of the blow, so only the longest lag is measured)", page=PAGE)
            if touches else Caption("", page=PAGE)) + (Caption(
            "; but the dates of {others} allow a shorter lag, so the dates do not rank the operations.", page=PAGE,
            others=" and ".join(room)) if room else Caption(".", page=PAGE))
    return Caption("*What to see:* each bar runs from an event's earliest to its latest possible day; the star marks "
                   "the blow (a killing, an abduction, an attempt). Of {operations} "
                   f"operation{_plural(c['operations'], '', 's')}, {{dated_orders}} {_plural(c['dated'], 'has', 'have')} "
                   "a dated order", page=PAGE, operations=c["operations"], dated_orders=c["dated"]) + road
