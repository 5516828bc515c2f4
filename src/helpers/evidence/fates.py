"""The fate rules: how each person ended, derived from the events they are the subject of, the roles
of those who acted, the organisations' roles and the accounts (`fates_from`, which
`helpers.evidence.Dataset.fates()` returns).

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
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..data.vocabulary import violent_methods
from .certainty import strongest, weaker
from .people import killers, participants, soviet_actors

if TYPE_CHECKING:
    from .dataset import Dataset

#: What each kind of terminal event means for its subject. `death` is refined by `fates_from`.
DEATH_TYPES = {"execution": "executed", "assassination": "assassinated", "suicide": "suicide", "death": "killed"}
CUSTODY_TYPES = ("arrest", "kidnapping", "trial", "death_sentence")
FATES = ("executed", "assassinated", "killed", "suicide", "died_in_custody", "natural_death", "died",
         "sentenced_to_death", "imprisoned", "disappeared", "survived", "unknown")
#: The fates that are a death.
DEATH_FATES = FATES[:7]


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


def _official(ds: Dataset) -> pd.Series:
    """The official accounts of each event, joined (event_id -> text)."""
    official = ds.tables["accounts"] if "accounts" in ds.tables else pd.DataFrame(columns=["event_id", "kind", "summary"])
    return official[official.kind == "official"].groupby("event_id").summary.agg(" / ".join)


def fates_from(ds: Dataset) -> pd.DataFrame:
    """One row per person whose end the data records (the rules in the module's docstring)."""
    violent = violent_methods(ds.descriptor)
    subj = participants(ds, ("subject",))
    doers = killers(ds)
    soviet = soviet_actors(ds.people, ds.organisations)
    official = _official(ds)
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
                    certainty = weaker(ev.certainty, strongest(mine.certainty))
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
    fates = pd.DataFrame(rows, columns=columns).merge(ds.people[["person_id", "name", "side"]], on="person_id", how="left")
    return fates[["person_id", "name", "side", *columns[1:]]].reset_index(drop=True)


