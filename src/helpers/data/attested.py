"""Which attestations date a thing otherwise than the package: the one filter behind every
disagreement (`helpers.evidence.sources.disagreements`) and behind the rule that lets two tenures a
source disputes overlap (`rules.tenure_rules`)."""
from __future__ import annotations

import pandas as pd


def differing(attestations: pd.DataFrame) -> pd.Series:
    """A boolean per attestation: it gives another date than the package's row (`agrees` false), or
    it fills a date the package leaves out (`agrees` empty) and another attestation of the same thing
    and field fills it with a different date (two pages that disagree with each other)."""
    a = attestations
    key = pd.Series("", index=a.index)
    for column in ("person_id", "position_id", "event_id"):  # the thing attested, as `dated_claims` names it
        if column in a:
            key = ("{}:".format(column) + a[column]).where(a[column].notna(), key)
    agrees = a.agrees.astype("boolean")
    gaps = agrees.isna()
    rival = a[gaps].groupby([key[gaps], a.field[gaps]]).date.transform("nunique") > 1
    return (agrees == False).fillna(False) | a.index.isin(rival[rival].index)  # noqa: E712 (nullable)
