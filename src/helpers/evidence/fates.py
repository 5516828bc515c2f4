"""The fate rules: how each person ended, derived from the events they are the subject of, the roles
of those who acted, the organisations' roles and the accounts, keeping every account's certainty
(`fates_from`, which `helpers.evidence.Dataset.fates()` returns).

A fate says how it is known. A death's manner comes from the claims the data holds about it, each
with its certainty: the event's own type (an execution, an assassination, a suicide) and method
(`illness` is a natural death; `unknown` says that the source does not know how), the people and
organisations named as its doers (a killing), and the accounts (a killing, a suicide, a natural
death, an accident). An official account is what the authorities said: it is kept and shown, and it
makes a death contested when the best evidence is only alleged, but it never decides the manner by
itself. So:

- the strongest claims that are not official decide: one manner stated plainly gives that manner
  (Menzhinsky: the illness both sources state, beside Yagoda's forced confession of poisoning);
- the manner is `contested` when those claims give two manners, or when they are only alleged or
  disputed and another claim (an official one included) gives another (Krivitsky, ruled a suicide,
  with murder alleged; Münzenberg; Savinkov);
- `died` when no claim gives a manner, or the strongest one says the manner is unknown (Markin,
  Sedov); a killing alleged there stays an account, never the fate.

A death after an arrest is `died_in_custody` only while the custody can have lasted: until a release,
or the end of a term a source gives (`term_years`; Mairanovsky's ten years from 1951 ended before his
death in 1964). Released is not dead: the last release after an arrest gives `survived`.

`by_state` says how surely the death came at the hands of the Soviet state: `yes` when the deciding
evidence states a Soviet hand (an execution or a custody of a Soviet organisation, or at home with
none given; a Soviet doer of a stated killing), `disputed` when a Soviet hand rests only on alleged or
disputed claims (Lyushkov, Sedov, Münzenberg, Menzhinsky's alleged poisoning) or when an unofficial
account says the stated killing was none (Slutsky: poisoned by the case file, heart failure by a
historian the reference cites), else `no`. A count over
it is an interval: from the `yes` to the `yes` and the `disputed`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..data.vocabulary import DEATH_EVENT_TYPES, violent_methods
from .certainty import CERTAINTY, no_killing_accounts, rank  # noqa: F401 (one rule, used here too)
from .people import ACTOR_ROLES, participants, soviet_actors

if TYPE_CHECKING:
    from .dataset import Dataset

#: What each kind of terminal event means for its subject (a `death` is decided by its claims).
DEATH_TYPES = {"execution": "executed", "assassination": "assassinated", "suicide": "suicide", "death": "died"}
assert tuple(DEATH_TYPES) == DEATH_EVENT_TYPES, "the fate rules must know every event type that is a death"
CUSTODY_TYPES = ("arrest", "kidnapping", "trial", "death_sentence")
FATES = ("executed", "assassinated", "killed", "suicide", "died_in_custody", "natural_death", "accident", "contested",
         "died", "sentenced_to_death", "imprisoned", "disappeared", "survived", "unknown")
#: The fates that are a death.
DEATH_FATES = FATES[:9]
#: The fates in which someone killed the person (a killing is stated).
KILLING_FATES = ("executed", "assassinated", "killed")
#: The values of `by_state`, surest first.
BY_STATE = ("yes", "disputed", "no")
#: The manner each claim of an account stands for; `unknown` says the manner is not known.
MANNERS = {"killing": "killed", "suicide": "suicide", "natural_death": "natural_death", "accident": "accident"}
UNKNOWN = "unknown"
#: Manners that are the same death seen more or less precisely (a killing is an execution or an assassination).
FAMILY = {"executed": "killed", "assassinated": "killed", "killed": "killed"}


def _claims(ev, doers: pd.DataFrame, accounts: pd.DataFrame, violent: tuple[str, ...]) -> pd.DataFrame:
    """Every claim the data makes about how one death happened: manner, certainty, official, doer."""
    rows = []
    if ev.type != "death":
        rows.append((DEATH_TYPES[ev.type], ev.certainty, False, None))
    elif ev.method == "illness":
        rows.append(("natural_death", ev.certainty, False, None))
    elif ev.method == UNKNOWN:
        rows.append((UNKNOWN, ev.certainty, False, None))
    for d in doers.itertuples(index=False):
        rows.append(("killed", d.certainty, False, d.doer))
    for a in accounts.itertuples(index=False):
        if a.claim in MANNERS:
            doer = a.perpetrator_id if pd.notna(a.perpetrator_id) else a.perpetrator_org_id
            rows.append((MANNERS[a.claim], a.certainty, a.kind == "official", doer if pd.notna(doer) else None))
    if ev.type == "death" and ev.method in violent and not rows:
        rows.append(("killed", ev.certainty, False, None))  # a violent death no one explains: a killing
    return pd.DataFrame(rows, columns=["manner", "certainty", "official", "doer"])


def manner(claims: pd.DataFrame) -> tuple[str, str]:
    """The manner of one death and how surely it is known (see the module's rules): (fate, certainty)."""
    own = claims[~claims.official]
    if own.empty:
        return "died", "stated"
    best = own.certainty.map(rank).min()
    top = own[own.certainty.map(rank) == best]
    families = set(top.manner.map(lambda m: FAMILY.get(m, m)))
    level = CERTAINTY[best]
    if len(families) > 1:
        return "contested", level
    family = families.pop()
    if family == UNKNOWN:
        return "died", level
    others = set(claims.manner.map(lambda m: FAMILY.get(m, m))) - {family, UNKNOWN}
    if level != "stated" and others:
        return "contested", level
    specific = next((m for m in ("executed", "assassinated") if m in set(top.manner)), family)
    return specific, level


def manner_list(claims: pd.DataFrame) -> str:
    """Every manner the claims give, once each: 'assassinated (alleged); suicide (stated, official)'.
    A killing and an assassination claimed with the same certainty are one claim seen more or less
    precisely, so only the precise word is listed."""
    seen: dict[tuple, str] = {}
    for m, c, o in zip(claims.manner, claims.certainty, claims.official):
        key = (FAMILY.get(m, m), c, bool(o))
        if key not in seen or seen[key] == "killed":
            seen[key] = m
    return "; ".join(sorted(f"{m} ({c}{', official' if o else ''})" for (_, c, o), m in seen.items()))


def _soviet_hand(event, doers: set, soviet: set[str]) -> bool:
    """Whether an execution or a custody was the Soviet state's: its organisation is Soviet, or no
    organisation is given and it happened at home; and no foreign doer is named (Sorge was hanged
    by Japan, Plevitskaya held by France)."""
    if doers - soviet:
        return bool(doers & soviet)
    if pd.notna(event.org_id):
        return event.org_id in soviet
    return event.scope == "domestic"


def soviet_hands(ds: Dataset, event_ids) -> set[str]:
    """Of `event_ids`, the events that were the Soviet state's doing by the rule of `_soviet_hand` (a Soviet
    organisation or doer, or none named at home): a US court's perjury conviction of Zborowski is not."""
    soviet, doers = soviet_actors(ds.people, ds.organisations), _by_event(_doers(ds))
    ev = ds.events.set_index("event_id")
    return {e for e in dict.fromkeys(event_ids) if e in ev.index
            and _soviet_hand(ev.loc[e], set(doers(e).doer), soviet)}


def by_state(fate: str, certainty: str, event, event_doers: set, claims: pd.DataFrame, soviet: set[str]) -> str:
    """How surely a death came at the hands of the Soviet state: 'yes', 'disputed' or 'no'. `event`
    is the execution or the custody for those fates (its doers `event_doers`), else the death."""
    family = claims.manner.map(lambda m: FAMILY.get(m, m))
    killing = claims[family == "killed"]
    hands = killing[killing.doer.isin(soviet)]
    # A killing that an unofficial account says was none (Slutsky's heart failure) is the state's only on doubt.
    denied = fate in KILLING_FATES and bool((~claims.official & ~family.isin(["killed", UNKNOWN])).any())
    if fate in ("executed", "died_in_custody"):
        if not _soviet_hand(event, event_doers, soviet):
            return "no"
        return "yes" if certainty == "stated" and not denied else "disputed"
    if fate in KILLING_FATES and certainty == "stated" and (hands.certainty == "stated").any() and not denied:
        return "yes"
    return "disputed" if len(hands) else "no"


def _custody_until(held) -> pd.Timestamp:
    """The last day a custody (an arrest, trial or sentence) can have lasted: open unless a source
    gives a term (`term_years`), which runs from the custody's latest possible day."""
    term = getattr(held, "term_years", None)
    if term is None or pd.isna(term):
        return pd.Timestamp.max
    return held.end + pd.DateOffset(years=int(term))


def _doers(ds: Dataset) -> pd.DataFrame:
    """Who is named as doing each event: persons in ACTOR_ROLES and organisations' roles."""
    r = ds.roles[ds.roles.role.isin(ACTOR_ROLES)]
    parts = [pd.DataFrame({"event_id": r.event_id, "doer": r.person_id, "certainty": r.certainty})]
    org = ds.tables.get("org_roles")
    if org is not None:
        o = org[org.role.isin(ACTOR_ROLES)]
        parts.append(pd.DataFrame({"event_id": o.event_id, "doer": o.org_id, "certainty": o.certainty}))
    return pd.concat(parts, ignore_index=True)


def _accounts(ds: Dataset) -> pd.DataFrame:
    cols = ["event_id", "kind", "claim", "summary", "certainty", "perpetrator_id", "perpetrator_org_id", "claimed_by"]
    return ds.tables["accounts"] if "accounts" in ds.tables else pd.DataFrame(columns=cols)


def _end(own: pd.DataFrame, subject_deaths: pd.DataFrame, doers, accounts, violent, soviet) -> dict | None:
    """The fate of one person from the events they are the subject of (sorted by start); `doers` and
    `accounts` give an event's doers and accounts by its id (`_by_event`)."""
    custody = own[own.type.isin(CUSTODY_TYPES + ("release",))]
    if len(subject_deaths):
        ev = subject_deaths.iloc[0]
        claims = _claims(ev, doers(ev.event_id), accounts(ev.event_id), violent)
        fate, certainty = manner(claims)
        held = custody[(custody.end <= ev.start) & (custody.type != "kidnapping")]  # state custody only
        hand, hand_doers = ev, set(claims.doer.dropna())
        if ev.type == "death" and len(held) and held.iloc[-1].type != "release" \
                and ev.start <= _custody_until(held.iloc[-1]) and fate in ("died", "natural_death"):
            fate, certainty, hand = "died_in_custody", ev.certainty, held.iloc[-1]
            hand_doers = set(doers(hand.event_id).doer.dropna())
        state = by_state(fate, certainty, hand, hand_doers, claims, soviet)
        return {"fate": fate, "by_state": state, "event": ev, "certainty": certainty,
                "manners": manner_list(claims)}
    if (own.type == "disappearance").any():
        ev = own[own.type == "disappearance"].iloc[-1]
        return {"fate": "disappeared", "by_state": "no", "event": ev, "certainty": ev.certainty, "manners": ""}
    if len(custody):
        ev = custody.iloc[-1]
        fate = {"release": "survived", "death_sentence": "sentenced_to_death"}.get(ev.type, "imprisoned")
        return {"fate": fate, "by_state": "no", "event": ev, "certainty": ev.certainty, "manners": ""}
    return None


def _by_event(frame: pd.DataFrame):
    """A function from an event id to its rows of `frame` (empty when none): one grouping, not a scan
    of the whole frame per person."""
    groups = {k: g for k, g in frame.groupby("event_id", sort=False)}
    empty = frame.iloc[:0]
    return lambda event_id: groups.get(event_id, empty)


def fates_from(ds: Dataset) -> pd.DataFrame:
    """One row per person whose end the data records (the module's rules): person_id, name, side,
    fate, by_state ('yes', 'disputed', 'no'), date (EDTF), start, end, official_account (only an
    account a source calls official), certainty (how surely the fate is known), manners (every claim
    about the manner of the death, with its certainty), event_id."""
    violent = violent_methods(ds.descriptor)
    subj = participants(ds, ("subject",))
    doers, accounts = _doers(ds), _accounts(ds)
    soviet = soviet_actors(ds.people, ds.organisations)
    official = accounts[accounts.kind == "official"].groupby("event_id").summary.agg(" / ".join)
    doers_of, accounts_of = _by_event(doers), _by_event(accounts)
    rows = []
    for pid, own in subj.groupby("person_id", sort=True):
        end = _end(own, own[own.type.isin(list(DEATH_TYPES))], doers_of, accounts_of, violent, soviet)
        if end is None:
            continue
        ev = end["event"]
        rows.append({"person_id": pid, "fate": end["fate"], "by_state": end["by_state"], "date": ev.date,
                     "start": ev.start, "end": ev.end, "official_account": official.get(ev.event_id),
                     "certainty": end["certainty"], "manners": end["manners"], "event_id": ev.event_id})
    columns = ["person_id", "fate", "by_state", "date", "start", "end", "official_account", "certainty", "manners",
               "event_id"]
    fates = pd.DataFrame(rows, columns=columns)
    fates = fates.merge(ds.people[["person_id", "name", "side"]], on="person_id", how="left")
    return fates[["person_id", "name", "side", *columns[1:]]].reset_index(drop=True)


#: The manners of `Dataset.fates()`' `manners` that are a killing: one of them, alleged or disputed,
#: beside another fate puts the holder among those shot or killed on doubt (`killing_doubt`).
KILLING_MANNERS = ("killed", "executed", "assassinated")
#: The manners that say a death was no killing: one of them in an unofficial account beside a stated killing
#: puts the killing on doubt (`killing_doubt`).
NO_KILLING_MANNERS = ("natural_death", "suicide", "accident")


def killing_doubt(fate: pd.Series, certainty: pd.Series, manners: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Of fates (`Dataset.fates()`' fate, certainty, manners): (plain, doubt). plain: the fate is a
    killing (KILLING_FATES) a source states; doubt: not plain, but a killing is among the claims about
    the death, alleged or disputed (Lyushkov's disputed killing; Menzhinsky's alleged poisoning beside
    the illness both sources state). A stated killing that another, unofficial account says was no killing
    is on doubt, not plain (Slutsky: poisoned by the case file, heart failure by a historian the reference
    cites; `no_killing_accounts`); an official account alone (a cover story) doubts nothing."""
    rival = manners.fillna("").str.contains(rf"(?:^|; )(?:{'|'.join(NO_KILLING_MANNERS)}) \((?:stated|alleged|disputed)\)")
    plain = fate.isin(KILLING_FATES) & (certainty == "stated") & ~rival
    pattern = "|".join(rf"\b{m} \(" for m in KILLING_MANNERS)
    return plain, ~plain & manners.fillna("").str.contains(pattern)
