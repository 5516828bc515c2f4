"""Which attestations date a thing otherwise than the package: the one filter behind every
disagreement (`helpers.evidence.sources.disagreements`) and behind the rule that lets two tenures a
source disputes overlap (`rules.tenure_rules`)."""
from __future__ import annotations

import pandas as pd


def differing(attestations: pd.DataFrame, ignore=()) -> pd.Series:
    """A boolean per attestation: it gives another date than the package's row (`agrees` false), or
    it fills a date the package leaves out (`agrees` empty) and another attestation of the same thing
    and field fills it with a different date (two pages that disagree with each other). `ignore`: ids
    of attestations that are no rival dates (`breaks`: Dzerzhinsky's interim end and his resumption),
    false themselves and left out of the comparison."""
    a = attestations[~attestations.attestation_id.isin(set(ignore))] if len(ignore) else attestations
    key = pd.Series("", index=a.index)
    for column in ("person_id", "position_id", "event_id"):  # the thing attested, as `dated_claims` names it
        if column in a:
            key = ("{}:".format(column) + a[column]).where(a[column].notna(), key)
    agrees = a.agrees.astype("boolean")
    gaps = agrees.isna()
    rival = a[gaps].groupby([key[gaps], a.field[gaps]]).date.transform("nunique") > 1
    out = (agrees == False).fillna(False) | a.index.isin(rival[rival].index)  # noqa: E712 (nullable)
    return out.reindex(attestations.index, fill_value=False)


def breaks(attestations: pd.DataFrame) -> set[str]:
    """The attestations that tell of a break in a tenure, not of a rival date: a source's end of a tenure
    that falls after its first start and before another start it gives (Dzerzhinsky left the Cheka to
    Peters on 7 July 1918 and came back on 22 August), and that later start, the resumption."""
    out: set[str] = set()
    a = attestations[attestations.position_id.notna()]
    for _, g in a.groupby(["position_id", "source_id"]):
        starts, ends = g[g.field == "start"], g[g.field == "end"]
        if len(starts) < 2 or not len(ends):
            continue
        first = starts.date_latest.min()
        for e in ends.itertuples():
            later = starts[starts.date_earliest > e.date_latest]
            if first < e.date_earliest and len(later):
                out |= {e.attestation_id, *later.attestation_id}
    return out


def agreeing_inside(attestations: pd.DataFrame, key: str, field: str, earliest: pd.Series,
                    latest: pd.Series) -> pd.DataFrame:
    """The attestations of `field` that agree with the package (`agrees` true) and whose dates lie inside the
    package's bounds for the thing they attest: `earliest` and `latest` are indexed by its id in column `key`
    (position_id, event_id). What narrows a date another source gives in agreement (`eras._refined_starts`,
    `overview.narrowed`); the bounds are returned too, as `bound_earliest` and `bound_latest`."""
    a = attestations
    a = a[(a.field == field) & a.agrees.fillna(False).astype(bool) & a[key].isin(set(earliest.index))]
    a = a.assign(bound_earliest=a[key].map(earliest), bound_latest=a[key].map(latest))
    return a[(a.date_earliest >= a.bound_earliest) & (a.date_latest <= a.bound_latest)]
