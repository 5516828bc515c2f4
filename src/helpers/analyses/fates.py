"""Fates of the officials and of their targets: what became of them, how long officials lasted in the
organs, which deaths came with a cover story, who killed whom, and by what means.

Pure functions over a Dataset, used by `notebooks/03-fates-of-officials.ipynb`. The shared evidence
logic (certainty order, people joined to events, who acted on whom, midpoints and overlaps of
uncertain dates) comes from `helpers.evidence`, and each person's end from `Dataset.fates()`:

- `members` and `fate_table` say who is in a group and how each person ended (`Dataset.fates()`,
  with its `by_state`: the death came at the hands of the Soviet state), with the era in which
  officials entered the organs and the level of post they reached; `fate_counts` groups them;
- `service` lists the evidence that someone served in the organs and `entries` dates each official's
  entry from it, as bounds; `unplaced` lists the members of the apparatus it cannot date;
  `survival_table` turns entry and death (or arrest) into right-censored durations; `km_medians`
  and `plot_survival` fit Kaplan-Meier curves per cohort with lifelines, or draw one bar per
  official where a cohort is too small for a curve (`MIN_CURVE` people) or has no event;
- `cover_stories` lists deaths that came with an official account, beside the rival accounts;
- `links`, `kill_graph`, `turned_victims` and `longest_chain` build the who-killed-whom graph with
  networkx (on `evidence.acts` and `evidence.act_graph`); `plot_kill_graph` draws it;
- `death_methods` and `methods_by` count how people died, by era and by scope.

Keeping only what the sources state plainly is `Dataset.stated_only()`: pass that view to any
function here; none takes an `include_alleged` argument. Every option (group, event, cohort, by) is
checked where it is taken: a wrong one raises `ParameterError` with one sentence.

Definitions used throughout (the notebook repeats them):

- **the organs** (`evidence.organs`): organisations of kind secret_police, regional_branch or
  laboratory, the commissariats that housed a secret police, and every organisation under these.
- **evidence of service** (`service`): a tenure of a post in the organs; being the subject of an
  appointment to them; or, for a member of the apparatus, an act for them — a role of perpetrator,
  organiser, orderer or accomplice (`SERVICE_ROLES`) in an event whose `org_id` is one of the organs.
  The role `other` is no evidence (it names the replaced, bystanders and victims), nor is being the
  subject of any other event; a party leader's order to the organs is no service in them.
- **victim events** (`victim_events`): execution, assassination, kidnapping, arrest and trial, and a
  `death` whose method is violent (`vocabulary.violent_methods`) or with a named doer (a person's or an
  organisation's role, or an account claiming a killing: `evidence.killers`). Their subject is a
  victim; their perpetrators, organisers and orderers (`ACTOR_ROLES`) are the ones who "killed or
  seized" them. Accomplices are left out: some never knew (Ageloff).
- **groups** (`GROUPS`): `apparatus` is every person whose side is apparatus; `targets` is every
  other person who is the subject of a victim event; `all` is both.
"""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from .. import evidence
from ..core.checks import check
from ..data.vocabulary import violent_methods
from ..evidence import Dataset
from ..evidence import eras as eras_
from ..evidence.fates import DEATH_FATES, DEATH_TYPES, FATES
from ..figures.style import FATE, SMALL, palette

#: Values of the notebook's parameters.
GROUPS = ("apparatus", "targets", "all")
EVENTS_OF_INTEREST = ("death", "arrest")
COHORTS = ("era", "level")
#: What `fate_counts` and `cohort_order` can group by: the people's side, or a cohort.
GROUP_BY = ("side",) + COHORTS
#: What `methods_by` can group the deaths by.
METHODS_BY = ("era", "scope")

APPARATUS = "apparatus"
VICTIM_TYPES = ("execution", "assassination", "kidnapping", "arrest", "trial")
ACTOR_ROLES = evidence.ACTOR_ROLES
#: Roles in an event of the organs that show a member of the apparatus serving in them.
SERVICE_ROLES = ACTOR_ROLES + ("accomplice",)
#: Deaths whose method the methods section counts: executions, killings, deaths in custody, suicides.
VIOLENT_FATES = ("executed", "assassinated", "killed", "died_in_custody", "suicide")
#: The fewest people a cohort needs for a Kaplan-Meier curve; smaller cohorts are drawn as bars.
MIN_CURVE = 5
#: A person whose end the data does not record.
NO_END = "unknown"
#: The cohort of people with no evidence of service in the organs.
NOT_IN_ORGANS = "not in the organs"
#: The cohort of officials whose evidence of service carries no date.
UNDATED = "entry undated"
#: The period of events after the case file's coverage ends.
LATER = "after the coverage"
#: A violent death whose evidence gives no violent method.
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
#: The tier of an official known only from appointments and acts, with no post recorded.
NO_POST = "no post recorded"
YEAR_DAYS = 365.25


# --- victims and membership -------------------------------------------------------------------

def victim_events(ds: Dataset) -> pd.DataFrame:
    """The events that make their subject a victim (see the module's definitions), one row per event."""
    doers = set(evidence.killers(ds).event_id)
    ev = ds.events
    deaths = (ev.type == "death") & (ev.method.isin(violent_methods(ds.descriptor)) | ev.event_id.isin(doers))
    return ev[ev.type.isin(VICTIM_TYPES) | deaths]


def _victims(ds: Dataset) -> pd.DataFrame:
    """The subjects of victim events (`evidence.participants`), by person and date."""
    subj = evidence.participants(ds, ("subject",), VICTIM_TYPES + ("death",))
    return subj[subj.event_id.isin(victim_events(ds).event_id)].reset_index(drop=True)


def members(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """person_id, name, side and membership ('apparatus' or 'target') of the people in a group."""
    check("group", group, choices=GROUPS)
    people = ds.people[["person_id", "name", "side"]]
    targeted = set(_victims(ds).person_id)
    member = np.where(people.side == APPARATUS, "apparatus",
                      np.where(people.person_id.isin(targeted), "target", None))
    out = people.assign(member=member).dropna(subset=["member"])
    if group == "apparatus":
        out = out[out.member == "apparatus"]
    elif group == "targets":
        out = out[out.member == "target"]
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


# --- entry into the organs --------------------------------------------------------------------

def service(ds: Dataset) -> pd.DataFrame:
    """Every piece of evidence that someone served in the organs (the module's definition), one row
    each: person_id, kind ('post', 'appointment' or 'act'), evidence (the position or event id),
    low and high (the bounds of the day it shows them serving), level (of a post) and role (of an act).

    A post's day is its start; a post with no start but an end shows only that they served between
    the founding of its organisation (or of the Cheka, when the data gives none) and that end; a post
    with neither has missing bounds. An appointment or act is dated by its event. No bound falls
    before the founding of the Cheka. Sorted by person, high, low and evidence.
    """
    organs = evidence.organs(ds.organisations)
    orgs = ds.organisations.set_index("org_id")
    floor = orgs.loc[eras_.FIRST_AGENCY, "founded_earliest"]
    pos = ds.positions[ds.positions.org_id.isin(organs)]
    items = [pd.DataFrame({
        "person_id": pos.person_id, "kind": "post", "evidence": pos.position_id,
        "low": pos.start_earliest.fillna(pos.org_id.map(orgs.founded_earliest)).fillna(floor).where(
            pos.start_earliest.notna() | pos.end_latest.notna()),
        "high": pos.start_latest.fillna(pos.end_latest), "level": pos.level, "role": None})]
    appointed = evidence.participants(ds, ("subject",), ("appointment",))
    appointed = appointed[appointed.org_id.isin(organs)]
    items.append(pd.DataFrame({"person_id": appointed.person_id, "kind": "appointment",
                               "evidence": appointed.event_id, "low": appointed.start, "high": appointed.end,
                               "level": None, "role": None}))
    acted = evidence.participants(ds, SERVICE_ROLES,
                                  person_ids=ds.people.person_id[ds.people.side == APPARATUS])
    acted = acted[acted.org_id.isin(organs)]
    items.append(pd.DataFrame({"person_id": acted.person_id, "kind": "act", "evidence": acted.event_id,
                               "low": acted.start, "high": acted.end, "level": None, "role": acted.role}))
    out = pd.concat(items, ignore_index=True)
    out["low"] = out.low.clip(lower=floor)
    out["high"] = out.high.clip(lower=floor)
    return out.sort_values(["person_id", "high", "low", "evidence"], na_position="last").reset_index(drop=True)


def entries(ds: Dataset) -> pd.DataFrame:
    """When each official entered the organs: the first evidence of service (`service`), as bounds,
    with the era and level of post. One row per person with any evidence of service.

    The entry lies between the earliest of the lower bounds and the earliest of the upper bounds;
    `evidence` and `evidence_kind` name the item with the earliest upper bound; `entry` is the
    midpoint of the bounds (`evidence.midpoint`), `entry_era` the era of that point, and
    `entry_era_exact` whether both bounds fall in that era. People whose evidence carries no date
    have missing entry dates. `level` is the highest post level the person reached in the organs
    (vocabulary order); `entry_level` the level of the first dated post, or, when no post of theirs
    is dated, the lowest of their undated ones (the highest would favour those who lived to rise);
    `tier` / `entry_tier` their LEVEL_TIERS, NO_POST for those who held no post there.
    """
    items = service(ds)
    dated = items.dropna(subset=["high"])
    order = {lv: i for i, lv in enumerate(ds.vocabulary("positions", "level"))}
    posts = items[items.kind == "post"].assign(rank=lambda p: p.level.map(order))
    highest = posts.sort_values(["person_id", "rank"]).groupby("person_id")["level"].first()
    first_dated = posts.dropna(subset=["high"]).groupby("person_id")["level"].first()  # items are sorted by high
    lowest = posts.sort_values(["person_id", "rank"]).groupby("person_id")["level"].last()

    out = pd.DataFrame({"person_id": sorted(set(items.person_id))})
    bounds = dated.groupby("person_id").agg(entry_earliest=("low", "min"), entry_latest=("high", "min"),
                                            evidence=("evidence", "first"), evidence_kind=("kind", "first"))
    out = out.merge(bounds, on="person_id", how="left")
    out["entry"] = evidence.midpoint(out.entry_earliest, out.entry_latest)
    table = eras_.eras(ds)
    out["entry_era"] = eras_.era_of(table, out.entry).astype(object)
    out["entry_era_exact"] = (eras_.era_of(table, out.entry_earliest).astype(object)
                              == eras_.era_of(table, out.entry_latest).astype(object))
    out["level"] = out.person_id.map(highest)
    out["entry_level"] = out.person_id.map(first_dated).fillna(out.person_id.map(lowest))
    out["tier"] = out.level.map(LEVEL_TIERS).fillna(NO_POST)
    out["entry_tier"] = out.entry_level.map(LEVEL_TIERS).fillna(NO_POST)
    out = out.merge(ds.people[["person_id", "name", "side"]], on="person_id", how="left")
    cols = ["person_id", "name", "side", "entry_earliest", "entry_latest", "entry", "entry_era", "entry_era_exact",
            "evidence", "evidence_kind", "level", "tier", "entry_level", "entry_tier"]
    return out[cols].sort_values(["name", "person_id"]).reset_index(drop=True)


def unplaced(ds: Dataset) -> pd.DataFrame:
    """The members of the apparatus whose entry into the organs the data cannot date, left out of the
    survival table: person_id, name, and why ('undated': their posts in the organs carry no date
    and no act of theirs for the organs is dated; 'no evidence': no post, appointment or act in the
    organs at all). Sorted by name."""
    entry = entries(ds).set_index("person_id").entry
    people = ds.people[ds.people.side == APPARATUS][["person_id", "name"]]
    why = people.person_id.map(lambda p: "no evidence" if p not in entry.index else
                               "undated" if pd.isna(entry[p]) else None)
    out = people.assign(why=why).dropna(subset=["why"])
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def era_order(ds: Dataset) -> list[str]:
    """The eras in time order (Dzerzhinsky ... Beria)."""
    return list(eras_.eras(ds).era)


# --- what became of them ----------------------------------------------------------------------

def fate_table(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """One row per person of the group: their fate (`Dataset.fates()`; 'unknown' when the data records
    no end), whether the death came at the hands of the state (`by_state`, False for the living and
    the unknown), its date and certainty, and for officials the era in which they entered the organs
    ('entry undated' when their evidence of service carries no date) and the tier of the highest post
    they reached ('not in the organs' for those with no evidence of service). Sorted by name."""
    check("group", group, choices=GROUPS)
    people = members(ds, group)
    cols = ["person_id", "fate", "by_state", "date", "start", "end", "official_account", "certainty", "event_id"]
    out = people.merge(ds.fates()[cols], on="person_id", how="left")
    out["fate"] = out.fate.fillna(NO_END)
    out["by_state"] = out.by_state.eq(True)  # missing: no recorded end
    entry = entries(ds).set_index("person_id")
    official = out.person_id.isin(entry.index)
    out["era"] = out.person_id.map(entry.entry_era).where(official, NOT_IN_ORGANS).fillna(UNDATED)
    out["level"] = out.person_id.map(entry.tier).fillna(NOT_IN_ORGANS)
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def cohort_order(ds: Dataset, by: str) -> list[str]:
    """The order of a grouping's values: sides as in datapackage.json, eras in time, tiers top-down."""
    check("by", by, choices=GROUP_BY)
    if by == "side":
        return ds.vocabulary("people", "side")
    return era_order(ds) + [UNDATED, NOT_IN_ORGANS] if by == "era" else list(TIERS) + [NO_POST, NOT_IN_ORGANS]


def fate_counts(ds: Dataset, table: pd.DataFrame, by: str = "side") -> pd.DataFrame:
    """People per fate (rows, most frequent first) and per `by` ('side', 'era' or 'level'; columns
    in their natural order, empty ones left out)."""
    check("by", by, choices=GROUP_BY)
    counts = pd.crosstab(table.fate, table[by])
    counts = counts[[c for c in cohort_order(ds, by) if c in counts.columns]]
    fate_rank = {f: i for i, f in enumerate(FATES)}
    order = sorted(counts.index, key=lambda f: (-counts.loc[f].sum(), fate_rank.get(f, 99), f))
    counts = counts.loc[order]
    counts.index.name, counts.columns.name = "fate", by
    return counts


def plot_fate_counts(counts: pd.DataFrame, ax=None, title: str = "What became of them",
                     colours: dict[str, str] | None = None):
    """One horizontal bar per column of `counts` (a side, era or level), split into its people's fates
    as shares of the whole bar, in the fates' colours (`style.FATE`, the same in every report). Each
    bar's n is in its label; a segment wide enough holds its count of people, so no share stands
    without the number behind it."""
    colours = colours or FATE
    fate_rank = {f: i for i, f in enumerate(FATES)}
    fates_ = sorted(counts.index, key=lambda f: fate_rank.get(f, 99))
    cohorts = [c for c in counts.columns if counts[c].sum() > 0]
    ax = ax or plt.subplots(figsize=(11, max(2.6, 0.55 * len(cohorts) + 1.8)))[1]
    totals = counts[cohorts].sum()
    left = pd.Series(0.0, index=cohorts)
    for f in fates_:
        n = counts.loc[f, cohorts]
        share = n / totals
        ax.barh(range(len(cohorts)), share, left=left, height=0.7, color=colours.get(f, "0.5"),
                label=f.replace("_", " "), edgecolor="white", linewidth=0.6)
        for y, (c, k) in enumerate(n.items()):
            if k and share[c] >= 0.045:
                dark = sum(mpl.colors.to_rgb(colours.get(f, "0.5"))) < 1.5
                ax.text(left[c] + share[c] / 2, y, f"{k}", ha="center", va="center", fontsize=SMALL,
                        color="white" if dark else "0.1")
        left = left + share
    ax.set_yticks(range(len(cohorts)), [f"{c} (n={totals[c]})" for c in cohorts])
    ax.set_ylim(len(cohorts) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.grid(axis="y", visible=False)
    ax.set(title=title, xlabel="Share of the people in each bar (numbers: people)",
           ylabel=(counts.columns.name or "").capitalize())
    ax.legend(title="fate", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False, reverse=False)
    return ax


# --- survival in the organs -------------------------------------------------------------------


# --- survival in the organs -------------------------------------------------------------------

def survival_table(ds: Dataset, event: str = "death", until: pd.Timestamp | None = None) -> pd.DataFrame:
    """Time from entry into the organs to death (or arrest), one row per official with a dated entry
    (`entries`; `unplaced` lists the others).

    event='death': any death (DEATH_FATES). event='arrest': the first arrest, kidnapping or trial
    whose latest day falls after the entry point; an execution or a death in custody with no such
    event counts at its date (the arrest came no later). A person who dies without the event of
    interest is censored at the death. Everyone else is right-censored at `until` (default: the end
    of the case file's coverage, `eras.coverage_end`), and so is an event whose midpoint falls after
    it: no recorded end means alive and free until then.

    Dates are bounds. `years` runs from the entry midpoint to the end midpoint (the fit the notebook
    draws); `years_shortest` from the latest entry to the earliest end, `years_longest` from the
    earliest entry to the latest end; the three are fitted separately to show what the bounds allow.
    Cohorts: `era` is the era of the entry midpoint, `level` the tier of the first dated post (the
    highest post reached would favour those who lived long enough to rise).
    """
    check("event", event, choices=EVENTS_OF_INTEREST)
    if until is not None:
        check("until", until, kind=pd.Timestamp)
    until = eras_.coverage_end(ds) if until is None else pd.Timestamp(until)
    entry = entries(ds).dropna(subset=["entry"])
    fates = ds.fates().set_index("person_id")
    seized = evidence.participants(ds, ("subject",), ("arrest", "kidnapping", "trial"))
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
        if hit is not None and evidence.midpoint(hit[1], hit[2]) <= until:
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
    out["end"] = evidence.midpoint(out.end_earliest, out.end_latest)
    years = lambda a, b: ((out[b] - out[a]).dt.days / YEAR_DAYS).clip(lower=0)  # noqa: E731
    out["years"] = years("entry", "end")
    out["years_shortest"] = years("entry_latest", "end_earliest")
    out["years_longest"] = years("entry_earliest", "end_latest")
    out["observed"] = out.observed.astype(bool)
    return out.sort_values(["name", "person_id"]).reset_index(drop=True)


def disputed_ends(ds: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """The ends in `table` (from `fate_table`) whose date another source gives otherwise
    (`evidence.disagreements`): name, fate, the package's date (the one every figure here uses), the
    rival date and who gives it. One row per rival date, by date."""
    d = evidence.disagreements(ds)
    d = d[(d.target == "event") & d.target_id.isin(set(table.event_id.dropna()))]
    own = table.dropna(subset=["event_id"]).set_index("event_id")
    out = pd.DataFrame({"name": d.target_id.map(own["name"]), "fate": d.target_id.map(own.fate),
                        "used": d.recorded, "used_by": d.recorded_by, "other": d.attested, "other_by": d.attested_by,
                        "_start": d.target_id.map(own.start)})
    return out.sort_values(["_start", "name", "other"]).drop(columns="_start").reset_index(drop=True)


def ages(ds: Dataset) -> pd.DataFrame:
    """How old the officials were when they entered the organs and when they died: one row per member
    of the apparatus with a birth date. Ages are whole years, as the youngest and oldest the date
    bounds allow (`evidence.age`), and in words ('43 or 44'); `age_at_entry_mid` and
    `age_at_death_mid` are the ages between the midpoints (for medians). Columns: person_id, name,
    born, entry (earliest–latest), age_at_entry, fate, fate_date, age_at_death, and the numbers.
    Sorted by birth."""
    people = ds.people[(ds.people.side == APPARATUS) & ds.people.born.notna()]
    entry = entries(ds).set_index("person_id")
    fate = ds.fates().set_index("person_id")
    rows = []
    for p in people.itertuples(index=False):
        e = entry.loc[p.person_id] if p.person_id in entry.index else None
        f = fate.loc[p.person_id] if p.person_id in fate.index else None
        at_entry = evidence.age(p.born_earliest, p.born_latest, e.entry_earliest, e.entry_latest) \
            if e is not None and pd.notna(e.entry) else (None, None)
        dead = f is not None and f.fate in DEATH_FATES
        at_death = evidence.age(p.born_earliest, p.born_latest, f.start, f.end) if dead else (None, None)
        born_mid = evidence.midpoint(p.born_earliest, p.born_latest)
        rows.append({"person_id": p.person_id, "name": p.name, "born": p.born, "_born": p.born_earliest,
                     "entry": "" if e is None or pd.isna(e.entry) else
                     f"{e.entry_earliest:%Y-%m-%d} – {e.entry_latest:%Y-%m-%d}",
                     "age_at_entry": evidence.age_text(*at_entry), "fate": f.fate if f is not None else NO_END,
                     "fate_date": f.date if f is not None else "", "age_at_death": evidence.age_text(*at_death),
                     "age_at_entry_mid": evidence.full_years(born_mid, e.entry) if e is not None and pd.notna(e.entry)
                     else None,
                     "age_at_death_mid": evidence.full_years(born_mid, evidence.midpoint(f.start, f.end)) if dead
                     else None})
    cols = ["person_id", "name", "born", "entry", "age_at_entry", "fate", "fate_date", "age_at_death",
            "age_at_entry_mid", "age_at_death_mid"]
    out = pd.DataFrame(rows, columns=cols + ["_born"])
    for c in ("age_at_entry_mid", "age_at_death_mid"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["_born", "name"])[cols].reset_index(drop=True)


def no_curve(part: pd.DataFrame) -> str:
    """Why a cohort of the survival table gets no Kaplan-Meier curve ('' when it does): fewer than
    MIN_CURVE people, or not a single event observed (the curve would be a flat line at one)."""
    why = []
    if len(part) < MIN_CURVE:
        why.append(f"fewer than {MIN_CURVE} people")
    if not part.observed.any():
        why.append("no event observed")
    return "; ".join(why)


def _km(durations: pd.Series, observed: pd.Series, label: str):
    from lifelines import KaplanMeierFitter

    return KaplanMeierFitter().fit(durations, event_observed=observed, label=label)


def km_medians(ds: Dataset, table: pd.DataFrame, cohort: str = "era") -> pd.DataFrame:
    """Per cohort ('era' or 'level'), in order: people, events, censored, `curve` (whether the cohort
    gets a Kaplan-Meier curve), `no_curve` (why not: `no_curve`, '' when it does), and for curves the
    Kaplan-Meier median in years for the midpoint fit (with its 95% confidence interval) and for the
    shortest and longest durations the date bounds allow. No median (NaN) for a cohort drawn as bars;
    inf: the curve never fell to one half (over half outlived their observation); NaN in a bound of
    the interval: lifelines could not bound it."""
    check("cohort", cohort, choices=COHORTS)
    from lifelines.utils import median_survival_times

    rows = []
    for name in [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]:
        part = table[table[cohort] == name]
        why = no_curve(part)
        row = {cohort: name, "people": len(part), "events": int(part.observed.sum()),
               "censored": int((~part.observed).sum()), "curve": not why, "no_curve": why,
               "median_years": np.nan, "ci_low": np.nan, "ci_high": np.nan,
               "median_shortest": np.nan, "median_longest": np.nan}
        if not why:
            mid = _km(part.years, part.observed, name)
            ci = median_survival_times(mid.confidence_interval_)
            row.update({"median_years": mid.median_survival_time_, "ci_low": ci.iloc[0, 0], "ci_high": ci.iloc[0, 1],
                        "median_shortest": _km(part.years_shortest, part.observed, name).median_survival_time_,
                        "median_longest": _km(part.years_longest, part.observed, name).median_survival_time_})
        rows.append(row)
    columns = [cohort, "people", "events", "censored", "curve", "no_curve", "median_years", "ci_low", "ci_high",
               "median_shortest", "median_longest"]
    out = pd.DataFrame(rows, columns=columns).set_index(cohort)
    return out.astype({"people": int, "events": int, "censored": int, "curve": bool, "median_years": float,
                       "ci_low": float, "ci_high": float, "median_shortest": float, "median_longest": float}).round(1)


def _bars(ax, part: pd.DataFrame, colour: str) -> None:
    """One bar per official, from entry (0) to the event or the censoring: filled and ending in a
    cross when the event was observed, hollow and ending in an arrowhead when censored."""
    part = part.sort_values(["years", "name"], ascending=[False, True]).reset_index(drop=True)
    y = np.arange(len(part))
    done = part.observed.to_numpy()
    ax.barh(y[done], part.years[done], height=0.55, color=colour, edgecolor=colour)
    ax.barh(y[~done], part.years[~done], height=0.55, color="white", edgecolor=colour, hatch="///")
    ax.plot(part.years[done], y[done], "X", color="black", ms=7, ls="none")
    ax.plot(part.years[~done], y[~done], ">", color="#606060", ms=7, ls="none")
    ax.set_yticks(y, [surname(n) for n in part.name], fontsize=SMALL)
    ax.set_ylim(len(part) - 0.4, -0.6)
    ax.set_ylabel("Official")


def plot_survival(ds: Dataset, table: pd.DataFrame, cohort: str = "era", event: str = "death", axes=None):
    """One panel per cohort (midpoint durations). A cohort of MIN_CURVE people or more with at least
    one event gets its Kaplan-Meier curve with its 95% band and a tick at each censoring, over the
    curve of all officials in grey; a smaller cohort, or one without a single event, gets one bar per
    official instead (filled, ending in a cross: the event; hatched, ending in an arrowhead:
    censored). Returns the axes."""
    check("cohort", cohort, choices=COHORTS)
    check("event", event, choices=EVENTS_OF_INTEREST)
    names = [c for c in cohort_order(ds, cohort) if c in set(table[cohort])]
    if axes is None:
        _, axes = plt.subplots(1, max(len(names), 1), figsize=(2.9 * max(len(names), 1) + 1, 4.4),
                               sharex=True, squeeze=False)
        axes = axes[0]
    colours = palette(cohort_order(ds, cohort))
    everyone = _km(table.years, table.observed, "all officials") if len(table) else None
    what = "dead" if event == "death" else "arrested"
    for ax, name in zip(axes, names):
        part = table[table[cohort] == name]
        why = no_curve(part)
        if why:
            _bars(ax, part, colours[name])
            ax.set_title(f"{name} (n={len(part)}): bars,\n{why}", fontsize=10)
        else:
            everyone.plot_survival_function(ax=ax, ci_show=False, color="#b0b0b0", lw=1.2, legend=False)
            fit = _km(part.years, part.observed, name)
            fit.plot_survival_function(ax=ax, ci_show=True, ci_alpha=0.2, show_censors=True, color=colours[name],
                                       lw=2, legend=False, censor_styles={"marker": "|", "ms": 10, "mew": 1.5})
            ax.set_title(f"{name} (n={len(part)})", fontsize=11)
            ax.set(ylabel=f"Share not yet {what}", ylim=(0, 1.05))
        ax.set_xlabel("Years in the organs")
        ax.set_xlim(left=0)
    if any(no_curve(table[table[cohort] == n]) for n in names):
        handles = [Line2D([], [], marker="X", color="black", ls="none", label=f"bar: {what} (event observed)"),
                   Line2D([], [], marker=">", color="#606060", ls="none", label="bar: censored")]
        axes[0].figure.legend(handles=handles, loc="lower center", ncol=2, fontsize=9, frameon=False)
    axes[0].figure.suptitle(f"Officials not yet {what}, by entry {cohort} (grey: all officials)",
                            fontsize=13, fontweight="bold")
    axes[0].figure.tight_layout(rect=(0, 0.06, 1, 1))
    return axes


# --- cover stories ----------------------------------------------------------------------------

def _actors(ds: Dataset) -> pd.Series:
    """Per event, 'Name (role), ...' of its perpetrators, organisers and orderers, by role then name."""
    act = evidence.participants(ds, ACTOR_ROLES).merge(ds.people[["person_id", "name"]], on="person_id")
    act = act.assign(rank=act.role.map({r: i for i, r in enumerate(ACTOR_ROLES)}),
                     text=act.name + " (" + act.role.str.replace("_", " ") + ")")
    act = act.sort_values(["event_id", "rank", "name"])
    return act.groupby("event_id").text.agg(", ".join)


def _doers(ds: Dataset, acc: pd.DataFrame) -> pd.Series:
    """Per account, who it says did it: the person's name and the organisation's short name (before
    any bracket), ' / '-joined; missing when it names neither."""
    people = ds.people.set_index("person_id").name
    orgs = ds.organisations.set_index("org_id").name.str.split(" (", regex=False).str[0]
    who = pd.concat([acc.perpetrator_id.map(people), acc.perpetrator_org_id.map(orgs)], axis=1)
    return who.apply(lambda r: " / ".join(r.dropna()) or None, axis=1) if len(acc) else pd.Series(dtype=object)


def _claim(ds: Dataset, acc: pd.DataFrame) -> pd.Series:
    """Per account, its claim in words: '<claim> by <who> (<method>)', the method left out when unknown."""
    doer = _doers(ds, acc)
    method = acc.method.where(acc.method != "unknown")
    return (acc.claim.str.replace("_", " ") + np.where(doer.notna(), " by " + doer.fillna(""), "")
            + np.where(method.notna(), " (" + method.fillna("").str.replace("_", " ") + ")", ""))


def rival_accounts(ds: Dataset) -> pd.DataFrame:
    """The accounts of each event other than the official one (kinds allegation and rival), one line
    each: '<claim> by <who> (<method>), per <claimed_by> [<certainty>]'. Columns: event_id, account_id,
    kind, text. Sorted by event, kind and account."""
    acc = ds.accounts[ds.accounts.kind != "official"]
    text = (_claim(ds, acc) + np.where(acc.claimed_by.notna(), ", per " + acc.claimed_by.fillna(""), "")
            + " [" + acc.certainty + "]")
    out = pd.DataFrame({"event_id": acc.event_id, "account_id": acc.account_id, "kind": acc.kind, "text": text})
    return out.sort_values(["event_id", "kind", "account_id"]).reset_index(drop=True)


#: What an official account did to a killing (the `cover` column of `cover_stories`).
DENIED, SHIFTED = "denied a killing", "hid the state's hand"


def cover_stories(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """Deaths of the group's people that came with an official account (accounts of kind official),
    beside the cause the source gives and the other accounts.

    Columns: name, date, official_account (its summary), official_claim ('suicide (hanging)'), cause
    (event type and method), certainty (the weaker of event and subject role), by (who is named as
    perpetrator, organiser or orderer), cover, other_accounts (`rival_accounts`, '; '-joined).
    `cover` says what the official account did: DENIED when it claims no killing although the
    person's fate (`Dataset.fates()`) is one (executed, assassinated, killed, died in custody);
    SHIFTED when it owns a killing but names none of the Soviet doers (`evidence.soviet_actors`) that
    another account or the roles name; '' otherwise. Sorted by date."""
    check("group", group, choices=GROUPS)
    acc = ds.accounts
    official = acc[acc.kind == "official"].sort_values("account_id")
    words = official.assign(text=_claim(ds, official)).groupby("event_id")
    out = evidence.participants(ds, ("subject",), tuple(DEATH_TYPES), members(ds, group).person_id)
    out = out[out.event_id.isin(official.event_id)].merge(ds.people[["person_id", "name"]], on="person_id")
    out["official_account"] = out.event_id.map(words.summary.agg(" / ".join))
    out["official_claim"] = out.event_id.map(words.text.agg(" / ".join))
    out["cause"] = out.type + np.where(out.method.notna(), " by " + out.method.fillna("").str.replace("_", " "), "")
    out["by"] = out.event_id.map(_actors(ds)).fillna("")
    soviet = evidence.soviet_actors(ds.people, ds.organisations)
    doers = evidence.killers(ds)
    owned = official[official.claim == "killing"]
    owned_doers = set(zip(owned.event_id, owned.perpetrator_id)) | set(zip(owned.event_id, owned.perpetrator_org_id))
    hidden = {e for e, d in zip(doers.event_id, doers.doer) if d in soviet and (e, d) not in owned_doers}
    fate = out.person_id.map(ds.fates().set_index("person_id").fate)
    killing = fate.isin(["executed", "assassinated", "killed", "died_in_custody"])
    owns = out.event_id.isin(owned.event_id)
    out["cover"] = np.where(killing & ~owns, DENIED, np.where(owns & out.event_id.isin(hidden), SHIFTED, ""))
    out["other_accounts"] = out.event_id.map(rival_accounts(ds).groupby("event_id").text.agg("; ".join)).fillna("")
    cols = ["name", "date", "official_account", "official_claim", "cause", "certainty", "by", "cover", "other_accounts"]
    return out.sort_values(["start", "name"])[cols].reset_index(drop=True)


# --- who killed whom --------------------------------------------------------------------------

def links(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """Who killed or seized whom (`evidence.acts` over the victim events), keeping the victims who
    belong to the group: one row per (actor, victim, event), actors being perpetrators, organisers
    and orderers; certainty the weakest of the event's and the two roles'. Sorted by date."""
    check("group", group, choices=GROUPS)
    table = evidence.acts(ds, VICTIM_TYPES + ("death",))
    keep = table.event_id.isin(victim_events(ds).event_id) & table.victim.isin(members(ds, group).person_id)
    return table[keep].reset_index(drop=True)


def surname(name: str) -> str:
    """The label of a person on the graph: the last word of the name ('Lavrenty Beria' -> 'Beria'),
    or the whole name when it starts with an article or is one word ('the Turk', 'Borisov')."""
    words = name.split()
    return words[-1] if len(words) > 1 and words[0][:1].isupper() else name


def kill_graph(ds: Dataset, table: pd.DataFrame) -> nx.DiGraph:
    """`evidence.act_graph` of `links`, its nodes labelled with the surname and carrying the side."""
    people = ds.people.set_index("person_id")
    graph = evidence.act_graph(table, people.name)
    for pid, attrs in graph.nodes(data=True):
        attrs.update(label=surname(attrs["name"]), side=people.loc[pid, "side"])
    return graph


def turned_victims(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """People of the group who first killed or seized someone (as perpetrator, organiser or orderer,
    of anyone) and later became a victim themselves (subject of a victim event that starts after the
    act certainly ended, whether or not the data names who struck). One row per person (indexed by
    person_id): name, the first act and its date, the first later blow and its date, and their fate.
    Sorted by the date of that blow."""
    check("group", group, choices=GROUPS)
    people = members(ds, group)
    acts = links(ds, "all")
    blows = _victims(ds)
    fates = ds.fates().set_index("person_id").fate
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
           "midpoint of the dates of the first evidence of service (a post, an appointment or an act for the "
           "organs); 'entry undated': officials none of whose evidence of service is dated; 'not in the "
           "organs': everyone else",
    "level": "the highest tier of post each official reached in the organs (leadership: the head and his "
             "deputies; department: heads and deputy heads of departments, directors, commanders; regional: "
             "heads and deputy heads of regional branches; agents and officers: the rest); 'not in the "
             "organs': everyone else",
}


def cohort_note(ds: Dataset, by: str) -> str:
    """A sentence saying what the columns of `fate_counts(..., by)` are; for eras, with the number of
    officials whose entry bounds span more than one era (their era rests on the midpoint)."""
    check("by", by, choices=COHORTS)
    note = f"Columns are {COHORT_NOTES[by]}."
    if by == "era":
        entry = entries(ds)
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
    check("sweeps", sweeps, kind=int, minimum=0)
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

def death_methods(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """One row per violent death in the group (VIOLENT_FATES: executed, assassinated, killed, dead in
    custody, or by their own hand): name, fate, by_state, the method — the deciding event's when it is
    violent (`vocabulary.violent_methods`), else that of the best-attested account claiming a killing
    with a violent method, else 'not given' (a lure or an illness is no method of violent death) —
    and where it comes from (`method_from`: 'event', 'account' or missing), scope, the era of the
    event's midpoint ('after the coverage' past the end of the case file; `era_exact` says whether
    both bounds fall in that era), and `in_kidnapping`: the person was the subject of a kidnapping
    whose dates may overlap the death (a kidnapping gone wrong). Sorted by date."""
    check("group", group, choices=GROUPS)
    table = fate_table(ds, group)
    violent = violent_methods(ds.descriptor)
    out = table[table.fate.isin(VIOLENT_FATES)][["person_id", "name", "fate", "by_state", "date", "start", "end",
                                                  "event_id"]].copy()
    ev = ds.events.set_index("event_id")
    own = out.event_id.map(ev.method).where(lambda m: m.isin(violent))
    acc = ds.accounts[(ds.accounts.claim == "killing") & ds.accounts.method.isin(violent)]
    acc = acc.assign(rank=acc.certainty.map(evidence.CERTAINTY.index)).sort_values(["event_id", "rank", "account_id"])
    told = out.event_id.map(acc.groupby("event_id").method.first())
    out["method"] = own.fillna(told).fillna(NO_METHOD)
    out["method_from"] = np.where(own.notna(), "event", np.where(told.notna(), "account", None))
    out["scope"] = out.event_id.map(ev.scope)
    periods = eras_.eras(ds)
    era = lambda when: eras_.era_of(periods, when).astype(object).fillna(LATER)  # noqa: E731
    out["era"] = era(evidence.midpoint(out.start, out.end))
    out["era_exact"] = era(out.start) == era(out.end)
    taken = evidence.participants(ds, ("subject",), ("kidnapping",), out.person_id)
    taken = taken.merge(out[["person_id", "start", "end"]], on="person_id", suffixes=("", "_death"))
    overlap = taken[evidence.overlaps(taken.start, taken.end, taken.start_death, taken.end_death)]
    out["in_kidnapping"] = out.person_id.isin(overlap.person_id)
    return out.sort_values(["start", "name"]).reset_index(drop=True)


def methods_by(ds: Dataset, table: pd.DataFrame, by: str = "era") -> pd.DataFrame:
    """Deaths per `by` ('era', in time order with the later period last, or 'scope') and method
    (columns: the violent methods in the vocabulary's order, 'not given' last); empty columns left out."""
    check("by", by, choices=METHODS_BY)
    counts = pd.crosstab(table[by], table.method)
    rows = era_order(ds) + [LATER] if by == "era" else ds.vocabulary("events", "scope")
    counts = counts.reindex([r for r in rows if r in counts.index])
    methods = list(violent_methods(ds.descriptor)) + [NO_METHOD]
    counts = counts[[m for m in methods if m in counts.columns]]
    counts.index.name, counts.columns.name = by, "method"
    return counts


def plot_methods(ds: Dataset, counts: pd.DataFrame, ax=None, title: str = "How they died", legend: bool = True):
    """Stacked bars of deaths per period (or scope), coloured by method."""
    ax = ax or plt.subplots(figsize=(10, 4.5))[1]
    colours = palette(list(violent_methods(ds.descriptor)) + [NO_METHOD])
    counts.plot.bar(stacked=True, ax=ax, width=0.75, color=[colours[m] for m in counts.columns], legend=False)
    ax.set(title=title, xlabel=counts.index.name.capitalize(), ylabel="Deaths")
    ax.tick_params(axis="x", labelrotation=0)
    if legend:
        ax.legend(title="method", fontsize=9, bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax
