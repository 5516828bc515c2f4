"""Fates of the officials and of their targets: what became of them, which deaths came with a cover
story, who killed whom, and by what means. How long officials lasted in the organs, and how old they
were, is `helpers.analyses.survival`.

Pure functions over a Dataset, used by `notebooks/03-fates-of-officials.ipynb` (figures: `helpers.figures.fates`,
sentences: `helpers.captions.fates`); shared evidence logic from `helpers.evidence`, each end from `Dataset.fates()`:

- `members` and `fate_table` say who is in a group and how each person ended (`Dataset.fates()`,
  with its `by_state`: the death came at the hands of the Soviet state), with the era in which
  officials entered the organs and the level of post they reached; `fate_counts` groups them and
  `fate_summary` counts what the report says of them;
- `service` lists the evidence that someone served in the organs and `entries` dates each official's
  entry from it, as bounds; `unplaced` lists the members of the apparatus it cannot date;
  `spanning_entries` counts the entries whose bounds span two eras;
- `cover_stories` lists deaths that came with an official account, beside the rival accounts;
  `cover_summary` counts what the official accounts did;
- `links`, `kill_graph`, `turned_victims`, `longest_chain` and `chain_people` build the who-killed-whom
  graph with networkx (on `evidence.acts` and `evidence.act_graph`);
- `death_methods` and `methods_by` count how people died, by era and by scope (`method_order`: the
  methods in their order); `method_summary` counts what the report says of them.

Keeping only what the sources state plainly is `Dataset.stated_only()`: pass that view to any
function here; none takes an `include_alleged` argument. Every option (group, event, cohort, by) is
checked where it is taken: a wrong one raises `ParameterError` with one sentence.

Definitions used throughout (the notebook repeats them):

- **the organs** (`evidence.organs`): organisations of kind secret_police, regional_branch or
  laboratory, the commissariats that housed a secret police, and every organisation under these.
- **evidence of service** (`service`): a tenure of a post in the organs (dated by its start, or where
  a source gives none by the day it shows them in the post, `positions.attested`); being the subject
  of an appointment to them; or, for a member of the apparatus, an act for them — a role of perpetrator,
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

import networkx as nx
import numpy as np
import pandas as pd

from .. import evidence
from ..core.checks import check
from ..data.vocabulary import violent_methods
from ..evidence import Dataset
from ..evidence import eras as eras_
from ..evidence.fates import DEATH_FATES, DEATH_TYPES, FATES

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
NOT_IN_ORGANS = "no service shown"
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

def _post_days(ds: Dataset, pos: pd.DataFrame) -> pd.DataFrame:
    """The bounds of the day each post shows its holder serving (`service`): low, high, and `dated_by`
    ('start', 'attested' or 'end'; missing for a post with none of these)."""
    orgs = ds.organisations.set_index("org_id")
    founded = pos.org_id.map(orgs.founded_earliest).fillna(orgs.loc[eras_.FIRST_AGENCY, "founded_earliest"])
    none = pd.Series(pd.NaT, index=pos.index, dtype="datetime64[ns]")
    att_low, att_high = (pos[f"attested_{b}"] if "attested" in pos else none for b in ("earliest", "latest"))
    by_end = pos.end_latest.notna() & ~(att_high <= pos.end_latest)  # the end comes first, or alone
    by_att = att_high.notna() & ~by_end
    by_start = pos.start_latest.notna()
    by = np.where(by_start, "start", np.where(by_att, "attested", np.where(by_end, "end", None)))
    low = pos.start_earliest.where(by_start, att_low.where(by_att, founded.where(by_end)))
    high = pos.start_latest.where(by_start, att_high.where(by_att, pos.end_latest.where(by_end)))
    return pd.DataFrame({"low": low, "high": high, "dated_by": by}, index=pos.index)


def service(ds: Dataset) -> pd.DataFrame:
    """Every piece of evidence that someone served in the organs (the module's definition), one row
    each: person_id, kind ('post', 'appointment' or 'act'), evidence (the position or event id),
    low and high (the bounds of the day it shows them serving), dated_by (what dates it: a post's
    'start', 'attested' or 'end'; 'event' for the others), level (of a post) and role (of an act).

    A post's day is its start; with no start, the day a source shows them in it (`attested`: e.g.
    Spiegelglas as the OGPU's chief undercover agent in 1930); with neither, or an end that comes
    before that day, the post shows only that they served between the founding of its organisation
    (or of the Cheka, when the data gives none) and its end; a post with none of these has missing
    bounds. An appointment or act is dated by its event. No bound falls before the founding of the
    Cheka. Sorted by person, high, low and evidence.
    """
    organs = evidence.organs(ds.organisations)
    floor = ds.organisations.set_index("org_id").loc[eras_.FIRST_AGENCY, "founded_earliest"]
    pos = ds.positions[ds.positions.org_id.isin(organs)]
    days = _post_days(ds, pos)
    items = [pd.DataFrame({"person_id": pos.person_id, "kind": "post", "evidence": pos.position_id, "low": days.low,
                           "high": days.high, "dated_by": days.dated_by, "level": pos.level, "role": None})]
    appointed = evidence.participants(ds, ("subject",), ("appointment",))
    appointed = appointed[appointed.org_id.isin(organs)]
    items.append(pd.DataFrame({"person_id": appointed.person_id, "kind": "appointment",
                               "evidence": appointed.event_id, "low": appointed.start, "high": appointed.end,
                               "dated_by": "event", "level": None, "role": None}))
    acted = evidence.participants(ds, SERVICE_ROLES,
                                  person_ids=ds.people.person_id[ds.people.side == APPARATUS])
    acted = acted[acted.org_id.isin(organs)]
    items.append(pd.DataFrame({"person_id": acted.person_id, "kind": "act", "evidence": acted.event_id,
                               "low": acted.start, "high": acted.end, "dated_by": "event", "level": None,
                               "role": acted.role}))
    out = pd.concat(items, ignore_index=True)
    out["low"] = out.low.clip(lower=floor)
    out["high"] = out.high.clip(lower=floor)
    return out.sort_values(["person_id", "high", "low", "evidence"], na_position="last").reset_index(drop=True)


def entries(ds: Dataset) -> pd.DataFrame:
    """When each official entered the organs: the first evidence of service (`service`), as bounds,
    with the era and level of post. One row per person with any evidence of service.

    The entry lies between the earliest of the lower bounds and the earliest of the upper bounds;
    `evidence`, `evidence_kind` and `dated_by` name the item with the earliest upper bound and what
    dates it (`service`: a post's start, the day a source attests, its end, or an event); `entry` is the
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
                                            evidence=("evidence", "first"), evidence_kind=("kind", "first"),
                                            dated_by=("dated_by", "first"))
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
            "evidence", "evidence_kind", "dated_by", "level", "tier", "entry_level", "entry_tier"]
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
    no end), how surely the death came at the hands of the state (`by_state`: yes, disputed or no;
    'no' for the living and the unknown), its date and certainty, and for officials the era in which they entered the organs
    ('entry undated' when their evidence of service carries no date) and the tier of the highest post
    they reached ('no service shown' for those with no evidence of service in the organs: the targets, and
    members of the apparatus whom no post, appointment or act places in them). Sorted by name."""
    check("group", group, choices=GROUPS)
    people = members(ds, group)
    cols = ["person_id", "fate", "by_state", "date", "start", "end", "official_account", "certainty", "event_id"]
    out = people.merge(ds.fates()[cols], on="person_id", how="left")
    out["fate"] = out.fate.fillna(NO_END)
    out["by_state"] = out.by_state.fillna("no")  # missing: no recorded end
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


def fate_summary(table: pd.DataFrame, by_side: pd.DataFrame) -> pd.Series:
    """What the report says of a `fate_table` and its `fate_counts` by side: people, apparatus and
    targets (members); the commonest recorded end (`unknown` left out; ties go to the first row of
    `by_side`) and its people; deaths (DEATH_FATES), by_state (stated: 'yes') and by_state_disputed,
    of which executed_by_state, died_in_custody and killed_by_state (assassinated or killed with a
    Soviet doer named plainly); killed_by_others, the names of the killings whose Soviet hand is not stated
    plainly (no doer of the state named plainly, or the killing itself disputed), by date, then name; and unknown, the people whose end the data does not record."""
    recorded = by_side.drop(index=NO_END, errors="ignore").sum(axis=1)
    dead = table[table.fate.isin(DEATH_FATES)]
    killing = dead.fate.isin(["assassinated", "killed"])
    state = dead.by_state == "yes"
    others = dead[killing & ~state].sort_values(["start", "name"])
    return pd.Series({
        "people": len(table), "apparatus": (table.member == "apparatus").sum(),
        "targets": (table.member == "target").sum(), "commonest": recorded.idxmax(),
        "commonest_people": recorded.max(), "deaths": len(dead), "by_state": state.sum(),
        "by_state_disputed": (dead.by_state == "disputed").sum(),
        "executed_by_state": (state & (dead.fate == "executed")).sum(),
        "died_in_custody": (dead.fate == "died_in_custody").sum(), "killed_by_state": (state & killing).sum(),
        "killed_by_others": list(others.name), "unknown": (table.fate == NO_END).sum()}, dtype=object)


def spanning_entries(ds: Dataset) -> int:
    """How many officials' entry dates (`entries`) span more than one era, so that their era rests on
    the midpoint of the bounds."""
    entry = entries(ds)
    return int((entry.entry.notna() & ~entry.entry_era_exact).sum())


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
DENIED, SHIFTED, CONTESTED = "denied a killing", "hid the state's hand", "is contested by other accounts"


def cover_stories(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """Deaths of the group's people that came with an official account (accounts of kind official),
    beside the cause the source gives and the other accounts.

    Columns: name, date, official_account (its summary), official_claim ('suicide (hanging)'), cause
    (event type and method), certainty (the weaker of event and subject role), by (who is named as
    perpetrator, organiser or orderer), cover, other_accounts (`rival_accounts`, '; '-joined), and
    the person_id and event_id of the death.
    `cover` says what the official account did: DENIED when it claims no killing although the
    person's fate (`Dataset.fates()`) is one (executed, assassinated, killed, died in custody);
    CONTESTED when the fate is contested (the official account is one of several the sources leave
    open: Krivitsky, ruled a suicide, murder alleged); SHIFTED when it owns a killing but names none of
    the Soviet doers (`evidence.soviet_actors`) that another account or the roles name; '' otherwise.
    Sorted by date."""
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
    out["cover"] = np.where(killing & ~owns, DENIED, np.where(fate == "contested", CONTESTED,
                                                              np.where(owns & out.event_id.isin(hidden), SHIFTED, "")))
    out["other_accounts"] = out.event_id.map(rival_accounts(ds).groupby("event_id").text.agg("; ".join)).fillna("")
    cols = ["name", "date", "official_account", "official_claim", "cause", "certainty", "by", "cover", "other_accounts",
            "person_id", "event_id"]
    return out.sort_values(["start", "name"])[cols].reset_index(drop=True)


def cover_summary(covers: pd.DataFrame, table: pd.DataFrame) -> pd.Series:
    """What the report says of `cover_stories` beside the group's `fate_table`: covers (deaths with an
    official account), deaths (all the group's deaths), denied, shifted and contested (the `cover`
    values DENIED, SHIFTED and CONTESTED), stated (of the covered deaths, those the source states plainly) and with_rivals
    (those for which the data also holds rival accounts)."""
    return pd.Series({
        "covers": len(covers), "deaths": table.fate.isin(DEATH_FATES).sum(),
        "denied": (covers.cover == DENIED).sum(), "shifted": (covers.cover == SHIFTED).sum(),
        "contested": (covers.cover == CONTESTED).sum(),
        "stated": (covers.certainty == "stated").sum(), "with_rivals": (covers.other_accounts != "").sum()},
        dtype=object)


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
    person_id): name, the first act and its date, the first later blow and its date, their fate, and
    `stated`: whether a plainly stated act came before a plainly stated blow (`_stated_blows`), not so for
    Menzhinsky (a natural death, poisoning only alleged), with `first_stated_act` where the first act is only
    alleged or disputed but a later one is stated (Zborowski: Sedov's death alleged, Trotsky's killing
    stated). Sorted by the date of that blow."""
    check("group", group, choices=GROUPS)
    people, acts, blows = members(ds, group), links(ds, "all"), _victims(ds)
    firm_blows, fates, rows = _stated_blows(ds, blows), ds.fates().set_index("person_id").fate, []
    for person in people.itertuples(index=False):
        own_acts = acts[acts.actor == person.person_id]
        if own_acts.empty:
            continue
        first = own_acts.iloc[0]
        own_blows = blows[blows.person_id == person.person_id]
        later = own_blows[own_blows.start > first.end]
        if later.empty:
            continue
        blow = later.iloc[0]
        stated_acts = own_acts[own_acts.certainty == "stated"]
        stated = bool(len(stated_acts)) and bool(
            (own_blows.event_id.isin(firm_blows) & (own_blows.start > stated_acts.end.min())).any())
        plain_act = stated_acts.event_id.iloc[0] if stated and first.certainty != "stated" else None
        rows.append({"person_id": person.person_id, "name": person.name, "first_act": first.event_id,
                     "act_date": first.date, "act_start": first.start, "first_stated_act": plain_act, "struck_by":
                     blow.event_id, "struck_start": blow.start, "fate": fates.get(person.person_id, NO_END), "stated": stated})
    out = pd.DataFrame(rows, columns=["person_id", "name", "first_act", "act_date", "act_start", "first_stated_act",
                                      "struck_by", "struck_start", "fate", "stated"])
    out = out.merge(ds.events[["event_id", "date"]].rename(columns={"event_id": "struck_by", "date": "struck_date"}),
                    on="struck_by", how="left")
    out = out.sort_values(["struck_start", "name"]).set_index("person_id")
    return out[["name", "first_act", "act_date", "first_stated_act", "struck_by", "struck_date", "fate", "stated"]]


def _stated_blows(ds: Dataset, blows: pd.DataFrame) -> set:
    """The victim events (`_victims` rows) stated plainly as blows: event and subject role stated, and a
    death only by its own violent method or a stated doer."""
    stated = blows[(blows.certainty == "stated") & (blows.role_certainty == "stated")]
    doers = evidence.killers(ds)
    by_stated_doer = set(doers.event_id[doers.certainty == "stated"])
    violent = stated.method.isin(violent_methods(ds.descriptor))
    keep = (stated.type != "death") | violent | stated.event_id.isin(by_stated_doer)
    return set(stated.event_id[keep])


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


# --- methods ----------------------------------------------------------------------------------

def death_methods(ds: Dataset, group: str = "all") -> pd.DataFrame:
    """One row per violent death in the group (VIOLENT_FATES: executed, assassinated, killed, dead in
    custody, or by their own hand; and a contested end whose event gives a violent method: Krivitsky
    shot, Muenzenberg hanged, whoever's the hand): name, fate, by_state, the method — the deciding event's when it is
    violent (`vocabulary.violent_methods`), else that of the best-attested account claiming a killing
    with a violent method, else 'not given' (a lure or an illness is no method of violent death) —
    and where it comes from (`method_from`: 'event', 'account' or missing; `method_account` names the
    account), scope, the era of the
    event's midpoint ('after the coverage' past the end of the case file; `era_exact` says whether
    both bounds fall in that era), and `in_kidnapping`: the person was the subject of a kidnapping
    whose dates may overlap the death (a kidnapping gone wrong). Sorted by date."""
    check("group", group, choices=GROUPS)
    table = fate_table(ds, group)
    violent = violent_methods(ds.descriptor)
    ev = ds.events.set_index("event_id")
    violent_end = table.fate.isin(VIOLENT_FATES) | ((table.fate == "contested") & table.event_id.map(ev.method).isin(violent))
    out = table[violent_end][["person_id", "name", "fate", "by_state", "date", "start", "end", "event_id"]].copy()
    own = out.event_id.map(ev.method).where(lambda m: m.isin(violent))
    acc = ds.accounts[(ds.accounts.claim == "killing") & ds.accounts.method.isin(violent)]
    acc = acc.assign(rank=acc.certainty.map(evidence.CERTAINTY.index)).sort_values(["event_id", "rank", "account_id"])
    told = out.event_id.map(acc.groupby("event_id").method.first())
    out["method"] = own.fillna(told).fillna(NO_METHOD)
    out["method_account"] = out.event_id.map(acc.groupby("event_id").account_id.first()).where(own.isna() & told.notna())
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


def method_order(ds: Dataset) -> list[str]:
    """The methods of violent death in the vocabulary's order, then NO_METHOD ('not given')."""
    return list(violent_methods(ds.descriptor)) + [NO_METHOD]


def methods_by(ds: Dataset, table: pd.DataFrame, by: str = "era") -> pd.DataFrame:
    """Deaths per `by` ('era', in time order with the later period last, or 'scope') and method
    (columns: the violent methods in the vocabulary's order, 'not given' last); empty columns left out."""
    check("by", by, choices=METHODS_BY)
    counts = pd.crosstab(table[by], table.method)
    rows = era_order(ds) + [LATER] if by == "era" else ds.vocabulary("events", "scope")
    counts = counts.reindex([r for r in rows if r in counts.index])
    counts = counts[[m for m in method_order(ds) if m in counts.columns]]
    counts.index.name, counts.columns.name = by, "method"
    return counts


def method_summary(deaths: pd.DataFrame) -> pd.Series:
    """What the report says of `death_methods`: deaths; the commonest method given (NO_METHOD left out;
    None when no death has one) and its deaths; from_account (methods taken from an account rather
    than the event); not_given; abroad (deaths abroad) and abroad_methods (their methods, sorted);
    in_kidnapping (deaths during a kidnapping)."""
    named = deaths[deaths.method != NO_METHOD].method.value_counts()
    abroad = deaths[deaths.scope == "abroad"]
    return pd.Series({
        "deaths": len(deaths), "commonest": named.idxmax() if len(named) else None,
        "commonest_deaths": named.max() if len(named) else 0,
        "from_account": (deaths.method_from == "account").sum(), "not_given": (deaths.method == NO_METHOD).sum(),
        "abroad": len(abroad), "abroad_methods": sorted(set(abroad.method)),
        "in_kidnapping": deaths.in_kidnapping.sum()}, dtype=object)
