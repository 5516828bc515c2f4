"""Fates of the officials and of their targets: what became of them, how long officials lasted in the
organs, which deaths came with a cover story, who killed whom, and by what means.

Pure functions over the Dataset's frames, used by `notebooks/03-fates-of-officials.ipynb`:

- `members` and `fate_table` say who is in a group and how each person ended (from
  `dataset.fates_from`, so the rules of `Dataset.fates()` apply), with the era in which officials
  entered the organs and the level of post they reached; `fate_counts` groups them;
- `entries` dates each official's entry into the organs as bounds; `survival_table` turns entry and
  death (or arrest) into right-censored durations; `km_medians` and `plot_survival` fit
  Kaplan-Meier curves per cohort with lifelines;
- `cover_stories` lists deaths whose official account differs from the cause the source gives;
- `links`, `kill_graph`, `turned_victims` and `longest_chain` build the who-killed-whom graph with
  networkx; `plot_kill_graph` draws it;
- `death_methods` and `methods_by` count how people died, by era and by scope.

Every function takes `include_alleged`: False keeps only what the source states plainly (events and
roles whose certainty is `alleged` or `disputed` are dropped before anything is derived).

Definitions used throughout (the notebook repeats them):

- **the organs** (`organ_orgs`): organisations of kind secret_police, regional_branch or laboratory,
  the commissariats that housed a secret police (the parent of a secret_police organisation: the
  NKVD of the USSR over the GUGB, the NKVD of the RSFSR over the GPU), and every organisation under
  one of these through `parent_id` (the foreign department, the Kommandatura, the Yasha Group ...).
- **victim events** (`VICTIM_TYPES`): execution, assassination, kidnapping, arrest and trial, and a
  `death` whose method is violent or for which someone is named as perpetrator, organiser or
  orderer. Their subject is a victim; their perpetrators, organisers and orderers (`ACTOR_ROLES`)
  are the ones who "killed or seized" them. Accomplices are left out: some never knew (Ageloff).
- **groups** (`GROUPS`): `apparatus` is every person whose side is apparatus; `targets` is every
  other person who is the subject of a victim event; `all` is both.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from . import dataset
from . import eras as eras_
from .dataset import DEATH_FATES, DEATH_TYPES, VIOLENT_METHODS, Dataset, fates_from
from .style import palette

#: Values of the notebook's parameters.
GROUPS = ("apparatus", "targets", "all")
EVENTS_OF_INTEREST = ("death", "arrest")
COHORTS = ("era", "level")

APPARATUS = "apparatus"
VICTIM_TYPES = ("execution", "assassination", "kidnapping", "arrest", "trial")
ACTOR_ROLES = ("perpetrator", "organiser", "ordered_by")
#: Fates that are deaths at the hands of the state or its agents.
KILLED_FATES = ("executed", "assassinated", "killed", "died_in_custody")
#: Deaths whose method the methods section counts: the killings, and suicides.
VIOLENT_FATES = KILLED_FATES + ("suicide",)
#: A person whose end the data does not record.
NO_END = "unknown"
#: The cohort of people who held no post in the organs.
NOT_IN_ORGANS = "not in the organs"
#: The cohort of officials whose posts in the organs carry no date.
UNDATED = "entry undated"
#: The period of events after the case file's coverage ends.
LATER = "after the coverage"
#: A death whose event gives no method.
NO_METHOD = "not given"
#: Post levels (datapackage.json, positions.level) pooled into tiers, so that each survival cohort
#: holds more than one or two people. Every level of the vocabulary must appear here (a test checks).
LEVEL_TIERS = {
    "head": "leadership", "first_deputy": "leadership", "deputy": "leadership",
    "department_head": "department", "deputy_department_head": "department", "director": "department",
    "commander": "department",
    "regional_head": "regional", "deputy_regional_head": "regional",
    "agent": "agents and officers", "other": "agents and officers",
}
TIERS = ("leadership", "department", "regional", "agents and officers")
YEAR_DAYS = 365.25
_CERTAINTY_ORDER = {"stated": 0, "alleged": 1, "disputed": 2}


# --- evidence and membership ------------------------------------------------------------------

def evidence(ds: Dataset, include_alleged: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events and roles to reason from: all of them, or only those the source states plainly."""
    if include_alleged:
        return ds.events, ds.roles
    return ds.events[ds.events.certainty == "stated"], ds.roles[ds.roles.certainty == "stated"]


def _weaker(*certainties: pd.Series) -> pd.Series:
    """Row by row, the weakest of several certainty columns (stated < alleged < disputed)."""
    ranks = pd.concat([c.map(_CERTAINTY_ORDER) for c in certainties], axis=1).max(axis=1)
    inverse = {v: k for k, v in _CERTAINTY_ORDER.items()}
    return ranks.map(inverse)


def victim_events(events: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """The events that make their subject a victim (see the module's definitions), one row per event."""
    named = set(roles.loc[roles.role.isin(ACTOR_ROLES), "event_id"])
    deaths = (events.type == "death") & (events.method.isin(VIOLENT_METHODS) | events.event_id.isin(named))
    return events[events.type.isin(VICTIM_TYPES) | deaths]


def victims(events: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """One row per subject of a victim event: person_id, event_id, type, start, end, certainty."""
    ev = victim_events(events, roles)
    subj = roles[roles.role == "subject"].merge(ev, on="event_id", suffixes=("_role", ""))
    subj["certainty"] = _weaker(subj.certainty, subj.certainty_role)
    cols = ["person_id", "event_id", "type", "method", "scope", "start", "end", "certainty"]
    return subj[cols].sort_values(["person_id", "start", "event_id"]).reset_index(drop=True)


def members(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """person_id, name, side and membership ('apparatus' or 'target') of the people in a group."""
    events, roles = evidence(ds, include_alleged)
    people = ds.people[["person_id", "name", "side"]]
    targeted = set(victims(events, roles).person_id)
    member = np.where(people.side == APPARATUS, "apparatus",
                      np.where(people.person_id.isin(targeted), "target", None))
    out = people.assign(member=member).dropna(subset=["member"])
    if group == "apparatus":
        out = out[out.member == "apparatus"]
    elif group == "targets":
        out = out[out.member == "target"]
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


# --- entry into the organs --------------------------------------------------------------------

def _midpoint(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    """The day halfway between two bounds (rounded down): the one point used where a point is needed."""
    return (earliest + (latest - earliest) / 2).dt.floor("D")


def entries(ds: Dataset, include_alleged: bool = True) -> pd.DataFrame:
    """When each official entered the organs, as bounds, with the era and level of post.

    Evidence: each tenure of a post in the organs and each appointment event to one. A tenure's
    start bounds are used; a tenure with no start but an end says only that the person entered
    between its organisation's founding (or, when the data gives none, the Cheka's) and that end; a
    tenure with no date at all says nothing about when, and is not used. The entry lies between the
    earliest of the lower bounds and the earliest of the upper bounds; `entry` is their midpoint,
    and `entry_era` the era of that point. `level` is the highest post level the person reached in
    the organs (vocabulary order), `entry_level` the level of the first dated post, and `tier` /
    `entry_tier` their LEVEL_TIERS. People with posts in the organs but no dated one appear with
    missing entry dates.
    """
    organs = dataset.organs(ds.organisations)
    orgs = ds.organisations.set_index("org_id")
    floor = orgs.loc[eras_.FIRST_AGENCY, "founded_earliest"]
    pos = ds.positions[ds.positions.org_id.isin(organs)]
    if not include_alleged:
        pos = pos[pos.certainty == "stated"]
    low = pos.start_earliest.fillna(pos.org_id.map(orgs.founded_earliest)).fillna(floor)
    high = pos.start_latest.fillna(pos.end_latest)
    items = [pd.DataFrame({"person_id": pos.person_id, "low": low, "high": high, "level": pos.level,
                           "evidence": pos.position_id})]
    events, roles = evidence(ds, include_alleged)
    appointed = events[(events.type == "appointment") & events.org_id.isin(organs)]
    appointed = appointed.merge(roles[roles.role == "subject"][["event_id", "person_id"]], on="event_id")
    items.append(pd.DataFrame({"person_id": appointed.person_id, "low": appointed.start, "high": appointed.end,
                               "level": None, "evidence": appointed.event_id}))
    items = pd.concat(items, ignore_index=True)
    items["low"] = items.low.clip(lower=floor)
    dated = items.dropna(subset=["high"]).sort_values(["person_id", "high", "low", "evidence"])

    order = {lv: i for i, lv in enumerate(ds.vocabulary("positions", "level"))}
    levels = items.dropna(subset=["level"])
    highest = levels.assign(rank=levels.level.map(order)).sort_values(["person_id", "rank"]).groupby("person_id")["level"].first()
    with_level = levels.sort_values(["person_id", "high", "low", "evidence"], na_position="last")
    first_level = with_level.groupby("person_id")["level"].first()

    out = pd.DataFrame({"person_id": sorted(set(items.person_id))})
    bounds = dated.groupby("person_id").agg(entry_earliest=("low", "min"), entry_latest=("high", "min"),
                                            evidence=("evidence", "first"))
    out = out.merge(bounds, on="person_id", how="left")
    out["entry"] = _midpoint(out.entry_earliest, out.entry_latest)
    table = eras_.eras(ds)
    out["entry_era"] = eras_.era_of(table, out.entry).astype(object)
    out["entry_era_exact"] = (eras_.era_of(table, out.entry_earliest).astype(object)
                              == eras_.era_of(table, out.entry_latest).astype(object))
    out["level"] = out.person_id.map(highest)
    out["entry_level"] = out.person_id.map(first_level)
    out["tier"] = out.level.map(LEVEL_TIERS)
    out["entry_tier"] = out.entry_level.map(LEVEL_TIERS)
    out = out.merge(ds.people[["person_id", "name", "side"]], on="person_id", how="left")
    cols = ["person_id", "name", "side", "entry_earliest", "entry_latest", "entry", "entry_era", "entry_era_exact",
            "evidence", "level", "tier", "entry_level", "entry_tier"]
    return out[cols].sort_values(["name", "person_id"]).reset_index(drop=True)


def era_order(ds: Dataset) -> list[str]:
    """The eras in time order (Dzerzhinsky ... Beria)."""
    return list(eras_.eras(ds).era)


# --- what became of them ----------------------------------------------------------------------

def fate_table(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """One row per person of the group: their fate (Dataset.fates' rules on the kept evidence;
    'unknown' when the data records no end), its date and certainty, and for officials the era in
    which they entered the organs ('entry undated' when no post of theirs there is dated) and the
    tier of the highest post they reached ('not in the organs' for the others). Sorted by name."""
    events, roles = evidence(ds, include_alleged)
    people = members(ds, group, include_alleged)
    fates = fates_from(events, roles, ds.people)
    cols = ["person_id", "fate", "date", "start", "end", "official_account", "certainty", "event_id"]
    out = people.merge(fates[cols], on="person_id", how="left")
    out["fate"] = out.fate.fillna(NO_END)
    entry = entries(ds, include_alleged).set_index("person_id")
    official = out.person_id.isin(entry.index)
    out["era"] = out.person_id.map(entry.entry_era).where(official, NOT_IN_ORGANS).fillna(UNDATED)
    out["level"] = out.person_id.map(entry.tier).fillna(NOT_IN_ORGANS)
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def cohort_order(ds: Dataset, by: str) -> list[str]:
    """The order of a grouping's values: sides as in datapackage.json, eras in time, tiers top-down."""
    if by == "side":
        return ds.vocabulary("people", "side")
    return era_order(ds) + [UNDATED, NOT_IN_ORGANS] if by == "era" else list(TIERS) + [NOT_IN_ORGANS]


def fate_counts(ds: Dataset, table: pd.DataFrame, by: str = "side") -> pd.DataFrame:
    """People per fate (rows, most frequent first) and per `by` ('side', 'era' or 'level'; columns
    in their natural order, empty ones left out)."""
    counts = pd.crosstab(table.fate, table[by])
    counts = counts[[c for c in cohort_order(ds, by) if c in counts.columns]]
    fate_rank = {f: i for i, f in enumerate(DEATH_FATES + ("imprisoned", "disappeared", "survived", NO_END))}
    order = sorted(counts.index, key=lambda f: (-counts.loc[f].sum(), fate_rank.get(f, 99), f))
    counts = counts.loc[order]
    counts.index.name, counts.columns.name = "fate", by
    return counts


def plot_fate_counts(counts: pd.DataFrame, colours: dict[str, str], ax=None, title: str = "What became of them"):
    """Horizontal stacked bars, the commonest fate at the top."""
    ax = ax or plt.subplots(figsize=(10, 4.5))[1]
    counts.iloc[::-1].plot.barh(stacked=True, ax=ax, width=0.8, color=[colours[c] for c in counts.columns])
    ax.set(title=title, xlabel="People", ylabel="Fate")
    ax.legend(title=counts.columns.name, fontsize=9, bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


# --- survival in the organs -------------------------------------------------------------------

def survival_table(ds: Dataset, event: str = "death", include_alleged: bool = True,
                   until: pd.Timestamp | None = None) -> pd.DataFrame:
    """Time from entry into the organs to death (or arrest), one row per official with a dated entry.

    event='death': any death (DEATH_FATES). event='arrest': the first arrest, kidnapping or trial
    whose latest day falls after the entry point; an execution or a death in custody with no such
    event counts at its date (the arrest came no later). A person who dies without the event of
    interest is censored at the death. Everyone else is right-censored at `until` (default: the end
    of the case file's coverage, `eras.coverage_end`), and so is an event that falls after it:
    no recorded end means alive and free until then.

    Dates are bounds. `years` runs from the entry midpoint to the end midpoint (the fit the notebook
    draws); `years_shortest` from the latest entry to the earliest end, `years_longest` from the
    earliest entry to the latest end; the three are fitted separately to show what the bounds allow.
    Cohorts: `era` is the era of the entry midpoint, `level` the tier of the first dated post (the
    highest post reached would favour those who lived long enough to rise).
    """
    until = eras_.coverage_end(ds) if until is None else pd.Timestamp(until)
    events, roles = evidence(ds, include_alleged)
    entry = entries(ds, include_alleged).dropna(subset=["entry"])
    fates = fates_from(events, roles, ds.people).set_index("person_id")
    subj = roles[roles.role == "subject"].merge(events, on="event_id", suffixes=("_role", ""))
    seized = subj[subj.type.isin(("arrest", "kidnapping", "trial"))].sort_values(["start", "event_id"])
    rows = []
    for person in entry.itertuples(index=False):
        fate = fates.loc[person.person_id] if person.person_id in fates.index else None
        died = fate is not None and fate.fate in DEATH_FATES
        hit = None  # (event_id, earliest, latest) of the event of interest
        if event == "death" and died:
            hit = (fate.event_id, fate.start, fate.end)
        elif event == "arrest":
            own = seized[(seized.person_id == person.person_id) & (seized.end > person.entry)]
            if len(own):
                first = own.iloc[0]
                hit = (first.event_id, first.start, first.end)
            elif died and fate.fate in ("executed", "died_in_custody"):
                hit = (fate.event_id, fate.start, fate.end)
        if hit is not None and _midpoint(pd.Series([hit[1]]), pd.Series([hit[2]])).iloc[0] <= until:
            event_id, end_earliest, end_latest, observed = *hit, True
        elif died and fate.start <= until:
            event_id, end_earliest, end_latest, observed = fate.event_id, fate.start, min(fate.end, until), False
        else:
            event_id, end_earliest, end_latest, observed = None, until, until, False
        rows.append({"person_id": person.person_id, "name": person.name, "era": person.entry_era,
                     "level": person.entry_tier, "entry_earliest": person.entry_earliest,
                     "entry_latest": person.entry_latest, "entry": person.entry, "end_event": event_id,
                     "observed": observed, "end_earliest": end_earliest, "end_latest": min(end_latest, until)})
    out = pd.DataFrame(rows, columns=["person_id", "name", "era", "level", "entry_earliest", "entry_latest", "entry",
                                      "end_event", "observed", "end_earliest", "end_latest"])
    out["end"] = _midpoint(out.end_earliest, out.end_latest)
    years = lambda a, b: ((out[b] - out[a]).dt.days / YEAR_DAYS).clip(lower=0)  # noqa: E731
    out["years"] = years("entry", "end")
    out["years_shortest"] = years("entry_latest", "end_earliest")
    out["years_longest"] = years("entry_earliest", "end_latest")
    out["observed"] = out.observed.astype(bool)
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def _km(durations: pd.Series, observed: pd.Series, label: str):
    from lifelines import KaplanMeierFitter

    return KaplanMeierFitter().fit(durations, event_observed=observed, label=label)


def km_medians(ds: Dataset, table: pd.DataFrame, cohort: str = "era") -> pd.DataFrame:
    """Per cohort ('era' or 'level'), in order: people, events, censored, and the Kaplan-Meier median
    in years for the midpoint fit (with its 95% confidence interval) and for the shortest and longest
    durations the date bounds allow. inf: the curve never fell to one half (over half outlived
    their observation); NaN in a bound of the interval: lifelines could not bound it."""
    from lifelines.utils import median_survival_times

    rows = []
    for name in [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]:
        part = table[table[cohort] == name]
        mid = _km(part.years, part.observed, name)
        ci = median_survival_times(mid.confidence_interval_)
        rows.append({cohort: name, "people": len(part), "events": int(part.observed.sum()),
                     "censored": int((~part.observed).sum()),
                     "median_years": mid.median_survival_time_,
                     "ci_low": ci.iloc[0, 0], "ci_high": ci.iloc[0, 1],
                     "median_shortest": _km(part.years_shortest, part.observed, name).median_survival_time_,
                     "median_longest": _km(part.years_longest, part.observed, name).median_survival_time_})
    out = pd.DataFrame(rows).set_index(cohort)
    return out.astype({"median_years": float, "ci_low": float, "ci_high": float,
                       "median_shortest": float, "median_longest": float}).round(1)


def plot_survival(ds: Dataset, table: pd.DataFrame, cohort: str = "era", event: str = "death", axes=None):
    """Kaplan-Meier curves, one panel per cohort (midpoint durations): the cohort's curve with its 95%
    band and a tick at each censoring, over the curve of all officials in grey for comparison.
    Returns the axes."""
    names = [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]
    if axes is None:
        _, axes = plt.subplots(1, max(len(names), 1), figsize=(2.7 * max(len(names), 1) + 1, 4.2),
                               sharex=True, sharey=True, squeeze=False)
        axes = axes[0]
    colours = palette(cohort_order(ds, cohort))
    everyone = _km(table.years, table.observed, "all officials") if len(table) else None
    what = "dead" if event == "death" else "arrested"
    for ax, name in zip(axes, names):
        part = table[table[cohort] == name]
        if everyone is not None:
            everyone.plot_survival_function(ax=ax, ci_show=False, color="#b0b0b0", lw=1.2, legend=False)
        fit = _km(part.years, part.observed, name)
        fit.plot_survival_function(ax=ax, ci_show=True, ci_alpha=0.2, show_censors=True, color=colours[name],
                                   lw=2, legend=False, censor_styles={"marker": "|", "ms": 10, "mew": 1.5})
        ax.set_title(f"{name} (n={len(part)})", fontsize=11)
        ax.set(xlabel="Years in the organs", ylabel=f"Share not yet {what}", ylim=(0, 1.05))
        ax.set_xlim(left=0)
    axes[0].figure.suptitle(f"Officials not yet {what}, by entry {cohort} (grey: all officials)",
                            fontsize=13, fontweight="bold")
    axes[0].figure.tight_layout()
    return axes


# --- cover stories ----------------------------------------------------------------------------

def _actors(events: pd.DataFrame, roles: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Per event, 'Surname (role), ...' of its perpetrators, organisers and orderers, by role then name."""
    act = roles[roles.role.isin(ACTOR_ROLES) & roles.event_id.isin(events.event_id)]
    act = act.merge(people[["person_id", "name"]], on="person_id")
    act = act.assign(rank=act.role.map({r: i for i, r in enumerate(ACTOR_ROLES)}),
                     text=act.name + " (" + act.role.str.replace("_", " ") + ")")
    act = act.sort_values(["event_id", "rank", "name"])
    return act.groupby("event_id").text.agg(", ".join)


def cover_stories(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """Deaths of the group's people that came with an official account differing from the cause the
    source gives (a heart attack against poison, a suicide against a murder, a burglary against an
    NKVD killing). Columns: name, date, official_account, cause (event type and method), certainty
    (the weaker of event and subject role), by (who is named as perpetrator, organiser or orderer).
    Sorted by date."""
    events, roles = evidence(ds, include_alleged)
    people = members(ds, group, include_alleged)
    deaths = events[events.type.isin(list(DEATH_TYPES)) & events.official_account.notna()]
    subj = roles[(roles.role == "subject") & roles.person_id.isin(people.person_id)]
    out = subj.merge(deaths, on="event_id", suffixes=("_role", ""))
    out = out.merge(ds.people[["person_id", "name"]], on="person_id")
    out["certainty"] = _weaker(out.certainty, out.certainty_role)
    out["cause"] = out.type + np.where(out.method.notna(), " by " + out.method.fillna("").str.replace("_", " "), "")
    out["by"] = out.event_id.map(_actors(events, roles, ds.people)).fillna("")
    cols = ["name", "date", "official_account", "cause", "certainty", "by"]
    return out.sort_values(["start", "name"])[cols].reset_index(drop=True)


# --- who killed whom --------------------------------------------------------------------------

def links(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """One row per (actor, victim, event): who killed or seized whom. The victim is the subject of a
    victim event and belongs to the group; the actor is named in it as perpetrator, organiser or
    orderer. Certainty is the weakest of the event's, the actor's role and the subject's role.
    Sorted by date, event and actor."""
    events, roles = evidence(ds, include_alleged)
    people = members(ds, group, include_alleged)
    ev = victim_events(events, roles)[["event_id", "type", "date", "start", "end", "certainty"]]
    subj = roles[(roles.role == "subject") & roles.person_id.isin(people.person_id)]
    subj = subj[["event_id", "person_id", "certainty"]].rename(columns={"person_id": "victim", "certainty": "c_subject"})
    act = roles[roles.role.isin(ACTOR_ROLES)][["event_id", "person_id", "role", "certainty"]]
    act = act.rename(columns={"person_id": "actor", "certainty": "c_actor"})
    out = ev.merge(subj, on="event_id").merge(act, on="event_id")
    out = out[out.actor != out.victim]
    out["certainty"] = _weaker(out.certainty, out.c_actor, out.c_subject)
    cols = ["actor", "victim", "role", "event_id", "type", "date", "start", "end", "certainty"]
    return out.sort_values(["start", "event_id", "actor", "victim"])[cols].reset_index(drop=True)


def surname(name: str) -> str:
    """The label of a person on the graph: the last word of the name ('Lavrenty Beria' -> 'Beria'),
    or the whole name when it starts with an article or is one word ('the Turk', 'Borisov')."""
    words = name.split()
    return words[-1] if len(words) > 1 and words[0][:1].isupper() else name


def kill_graph(ds: Dataset, table: pd.DataFrame) -> nx.DiGraph:
    """A DiGraph from `links`: one node per person with at least one link (name, label, side), one
    edge per actor -> victim pair with its events, roles, first date and best certainty."""
    people = ds.people.set_index("person_id")
    graph = nx.DiGraph()
    for pid in sorted(set(table.actor) | set(table.victim)):
        graph.add_node(pid, name=people.loc[pid, "name"], label=surname(people.loc[pid, "name"]),
                       side=people.loc[pid, "side"])
    for (actor, victim), part in table.groupby(["actor", "victim"], sort=True):
        graph.add_edge(actor, victim, events=sorted(set(part.event_id)), roles=sorted(set(part.role)),
                       start=part.start.min(), certainty=min(part.certainty, key=_CERTAINTY_ORDER.get))
    return graph


def turned_victims(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """People of the group who first killed or seized someone (as perpetrator, organiser or orderer,
    of anyone) and later became a victim themselves (subject of a victim event that starts after the
    act certainly ended, whether or not the data names who struck). One row per person (indexed by
    person_id): name, the first act and its date, the first later blow and its date, and their fate.
    Sorted by the date of that blow."""
    events, roles = evidence(ds, include_alleged)
    people = members(ds, group, include_alleged)
    acts = links(ds, "all", include_alleged)
    blows = victims(events, roles)
    fates = fates_from(events, roles, ds.people).set_index("person_id").fate
    rows = []
    for person in people.itertuples(index=False):
        own_acts = acts[acts.actor == person.person_id]
        if own_acts.empty:
            continue
        first = own_acts.iloc[0]
        later = blows[(blows.person_id == person.person_id) & (blows.start > first.end)]
        if later.empty:
            continue
        blow = later.iloc[0]
        rows.append({"person_id": person.person_id, "name": person.name, "first_act": first.event_id,
                     "act_date": first.date, "act_start": first.start, "struck_by": blow.event_id,
                     "struck_start": blow.start, "fate": fates.get(person.person_id, NO_END)})
    out = pd.DataFrame(rows, columns=["person_id", "name", "first_act", "act_date", "act_start", "struck_by",
                                      "struck_start", "fate"])
    out = out.merge(ds.events[["event_id", "date"]].rename(columns={"event_id": "struck_by", "date": "struck_date"}),
                    on="struck_by", how="left")
    out = out.sort_values(["struck_start", "name"]).set_index("person_id")
    return out[["name", "first_act", "act_date", "struck_by", "struck_date", "fate"]]


def longest_chain(table: pd.DataFrame) -> pd.DataFrame:
    """The longest chain of killers killed: A struck B, who had earlier struck C, who had earlier ...

    Built on links, not people: link (A -> B) leads to link (B -> C) when B's act against C ended
    before A's act against B began (certainly earlier, by the date bounds). Time only runs back
    along a chain, so the links form a DAG and no cycle needs breaking, even where two people struck
    each other; networkx's `dag_longest_path` then gives the chain (links are added in date order,
    so a tie between chains of equal length is broken the same way on every run). One row per link:
    step, actor, victim, role, event_id, date.
    """
    table = table.reset_index(drop=True)
    dag = nx.DiGraph()
    dag.add_nodes_from(table.index)
    for i, link in table.iterrows():
        earlier = table[(table.actor == link.victim) & (table.end < link.start)]
        dag.add_edges_from((i, j) for j in earlier.index)
    path = nx.dag_longest_path(dag) if len(table) else []
    out = table.loc[path, ["actor", "victim", "role", "event_id", "date"]].reset_index(drop=True)
    out.insert(0, "step", range(1, len(out) + 1))
    return out


def chain_people(ds: Dataset, chain: pd.DataFrame) -> list[str]:
    """The names along a chain from `longest_chain`: the last to strike first, the first struck last."""
    if chain.empty:
        return []
    names = ds.people.set_index("person_id").name
    return [names[p] for p in chain.actor] + [names[chain.victim.iloc[-1]]]


COHORT_NOTES = {
    "era": "the era (head of the secret police) in which each official entered the organs, placed by the "
           "midpoint of the dates the data allows; 'entry undated': officials none of whose posts there is "
           "dated; 'not in the organs': everyone else",
    "level": "the highest tier of post each official reached in the organs (leadership: the head and his "
             "deputies; department: heads and deputy heads of departments, directors, commanders; regional: "
             "heads and deputy heads of regional branches; agents and officers: the rest); 'not in the "
             "organs': everyone else",
}


def cohort_note(ds: Dataset, by: str, include_alleged: bool = True) -> str:
    """A sentence saying what the columns of `fate_counts(..., by)` are; for eras, with the number of
    officials whose entry bounds span more than one era (their era rests on the midpoint)."""
    note = f"Columns are {COHORT_NOTES[by]}."
    if by == "era":
        entry = entries(ds, include_alleged)
        spanning = int((entry.entry.notna() & ~entry.entry_era_exact).sum())
        note += f" {spanning} officials' entry dates span more than one era, so their era rests on the midpoint."
    return note


def _layers(graph: nx.DiGraph) -> dict[str, int]:
    """Column of each node: 0 for those who strike most links deep; victims who struck no one last.
    Computed on the condensation, so a cycle (people who struck each other) shares a column."""
    cond = nx.condensation(graph)
    height = {}
    for c in reversed(list(nx.topological_sort(cond))):
        height[c] = max((height[s] + 1 for s in cond.successors(c)), default=0)
    top = max(height.values(), default=0)
    return {n: top - height[cond.graph["mapping"][n]] for n in graph.nodes}


_NODE_COLOURS = {"turned": "#c0392b", APPARATUS: "#2b6a99", "other": "#7f7f7f"}
_LABEL_SIZE = 9


def _half_width(label: str) -> float:
    """About half the width, in points, of a node's label box (for where arrows start and stop)."""
    return 0.31 * _LABEL_SIZE * len(label) + 0.3 * _LABEL_SIZE + 1


def graph_layout(graph: nx.DiGraph, sweeps: int = 4) -> dict[str, tuple[float, float]]:
    """Deterministic positions: columns from those who struck most links deep (x=0) to victims who
    struck no one (rightmost), so every arrow points right; within a column, nodes are ordered by the
    mean row of their neighbours in the columns already placed (the barycentre heuristic, sweeping
    left to right and back, ties by label) and centred."""
    layer = _layers(graph)
    columns: dict[int, list[str]] = {}
    for node in sorted(graph.nodes, key=lambda n: (graph.nodes[n]["label"], n)):
        columns.setdefault(layer[node], []).append(node)
    tallest = max((len(v) for v in columns.values()), default=1)

    def place(k: int) -> None:
        offset = (tallest - len(columns[k])) / 2
        row.update({n: offset + i for i, n in enumerate(columns[k])})

    row: dict[str, float] = {}
    for k in columns:
        place(k)
    order = sorted(columns)
    for sweep in range(sweeps + 1):
        forward = sweep % 2 == 0
        for k in order[1:] if forward else order[-2::-1]:
            near = graph.predecessors if forward else graph.successors
            key = {n: np.mean([row[m] for m in near(n)]) if any(True for _ in near(n)) else row[n]
                   for n in columns[k]}
            columns[k].sort(key=lambda n: (key[n], graph.nodes[n]["label"], n))
            place(k)
    return {n: (float(layer[n]), -row[n]) for n in graph.nodes}


def plot_kill_graph(graph: nx.DiGraph, highlight=(), chain: pd.DataFrame | None = None, ax=None,
                    title: str = "Who killed or seized whom"):
    """Each person a box labelled with the surname: red for perpetrators later victims (`highlight`),
    blue for the apparatus, grey for others. An arrow runs from the right edge of each actor's box to
    the left edge of the victim's, so it never crosses its own column; the longest chain (`chain`,
    from `longest_chain`) is drawn thick. Layout from `graph_layout`; a legend explains the colours."""
    pos = graph_layout(graph)
    columns = pd.Series({n: x for n, (x, _) in pos.items()}, dtype=float)
    tallest = int(columns.value_counts().max()) if len(columns) else 1
    ax = ax or plt.subplots(figsize=(14, max(6.0, 0.34 * tallest + 1.5)))[1]
    ax.set_xlim(-0.45, columns.max() + 0.45 if len(columns) else 0.45)
    ax.set_ylim(-tallest - 0.2, 0.8)
    chain_edges = set() if chain is None else set(zip(chain.actor, chain.victim))
    labels = nx.get_node_attributes(graph, "label")
    for u, v in sorted(graph.edges, key=lambda e: (e in chain_edges, e)):
        strong = (u, v) in chain_edges
        start = offset_copy(ax.transData, fig=ax.figure, x=_half_width(labels[u]), y=0, units="points")
        stop = offset_copy(ax.transData, fig=ax.figure, x=-_half_width(labels[v]), y=0, units="points")
        ax.annotate("", xy=pos[v], xycoords=stop, xytext=pos[u], textcoords=start, zorder=3 if strong else 2,
                    arrowprops={"arrowstyle": "-|>,head_length=0.5,head_width=0.25", "shrinkA": 0, "shrinkB": 0,
                                "color": "#8b1e2d" if strong else "#a0a0a0", "lw": 2.8 if strong else 0.9,
                                "alpha": 1.0 if strong else 0.8})
    highlight = set(highlight)
    for n, (x, y) in sorted(pos.items()):
        kind = "turned" if n in highlight else APPARATUS if graph.nodes[n]["side"] == APPARATUS else "other"
        ax.text(x, y, labels[n], fontsize=_LABEL_SIZE, ha="center", va="center", color="white",
                fontweight="bold" if kind == "turned" else "normal", zorder=5,
                bbox={"boxstyle": "round,pad=0.3", "fc": _NODE_COLOURS[kind], "ec": "white", "lw": 0.8})
    handles = [Patch(color=_NODE_COLOURS["turned"], label="struck, then struck down (perpetrator later a victim)"),
               Patch(color=_NODE_COLOURS[APPARATUS], label="apparatus"),
               Patch(color=_NODE_COLOURS["other"], label="other side"),
               Line2D([], [], color="#a0a0a0", label="ordered, organised or carried out (to the victim)"),
               Line2D([], [], color="#8b1e2d", lw=2.8, label="the longest chain of killers killed")]
    ax.legend(handles=handles, loc="upper left", fontsize=9, frameon=True, framealpha=0.9)
    ax.set_title(title)
    ax.set_axis_off()
    return ax


# --- methods ----------------------------------------------------------------------------------

def death_methods(ds: Dataset, group: str = "all", include_alleged: bool = True) -> pd.DataFrame:
    """One row per violent death in the group (VIOLENT_FATES: killed by the state or its agents, or
    by their own hand): name, fate, method of the deciding event ('not given' when it has none),
    scope, the era of the event's midpoint ('after the coverage' past the end of the case file;
    `era_exact` says whether both bounds fall in that era), and `in_kidnapping`: the person was the
    subject of a kidnapping whose dates overlap the death (a kidnapping gone wrong). Sorted by date."""
    table = fate_table(ds, group, include_alleged)
    deaths = table[table.fate.isin(VIOLENT_FATES)]
    ev = ds.events.set_index("event_id")
    out = deaths[["person_id", "name", "fate", "date", "start", "end", "event_id"]].copy()
    out["method"] = out.event_id.map(ev.method).fillna(NO_METHOD)
    out["scope"] = out.event_id.map(ev.scope)
    periods = eras_.eras(ds)
    point = _midpoint(out.start, out.end)
    out["era"] = eras_.era_of(periods, point).astype(object).fillna(LATER)
    out["era_exact"] = (eras_.era_of(periods, out.start).astype(object).fillna(LATER)
                        == eras_.era_of(periods, out.end).astype(object).fillna(LATER))
    events, roles = evidence(ds, include_alleged)
    taken = victims(events, roles)
    taken = taken[taken.type == "kidnapping"].merge(out[["person_id", "start", "end"]], on="person_id",
                                                    suffixes=("", "_death"))
    overlap = taken[(taken.start <= taken.end_death) & (taken.end >= taken.start_death)]
    out["in_kidnapping"] = out.person_id.isin(overlap.person_id)
    return out.sort_values(["start", "name"]).reset_index(drop=True)


def methods_by(ds: Dataset, table: pd.DataFrame, by: str = "era") -> pd.DataFrame:
    """Deaths per `by` ('era', in time order with the later period last, or 'scope') and method
    (columns in the vocabulary's order, 'not given' last); empty columns left out."""
    counts = pd.crosstab(table[by], table.method)
    rows = era_order(ds) + [LATER] if by == "era" else ds.vocabulary("events", "scope")
    counts = counts.reindex([r for r in rows if r in counts.index])
    methods = ds.vocabulary("events", "method") + [NO_METHOD]
    counts = counts[[m for m in methods if m in counts.columns]]
    counts.index.name, counts.columns.name = by, "method"
    return counts


def plot_methods(ds: Dataset, counts: pd.DataFrame, ax=None, title: str = "How they died", legend: bool = True):
    """Stacked bars of deaths per period (or scope), coloured by method."""
    ax = ax or plt.subplots(figsize=(10, 4.5))[1]
    colours = palette(ds.vocabulary("events", "method") + [NO_METHOD])
    counts.plot.bar(stacked=True, ax=ax, width=0.75, color=[colours[m] for m in counts.columns], legend=False)
    ax.set(title=title, xlabel=counts.index.name.capitalize(), ylabel="Deaths")
    ax.tick_params(axis="x", labelrotation=0)
    if legend:
        ax.legend(title="method", fontsize=9, bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax
