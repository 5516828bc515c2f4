"""Eras of the secret police: who headed it on any date, from the tenures of `secret-police-head`.

An era runs from its head's earliest possible start to the next head's earliest possible start (a start
another source dates more narrowly, and in agreement, is taken at that date: `_refined_starts`); the
first begins at the founding of the Cheka when its head's start is not given, the last runs to the
end of the case file's coverage. Acting heads (Peters in 1918) do not open an era. Used to colour
and group by era in cadence, turnover and fates.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..core.checks import check
from ..data.attested import agreeing_inside

if TYPE_CHECKING:
    from .dataset import Dataset

POST = "secret-police-head"
FIRST_AGENCY = "cheka"


def coverage_end(ds: Dataset, source_id: str = "case-file-0121") -> pd.Timestamp:
    """The last day the case file's events reach (or those of `source_id`, a source that dates events)."""
    check("source_id", source_id, choices=sorted(set(ds.events.source_id)))
    return ds.events.loc[ds.events.source_id == source_id, "end"].max()


def heads(ds: Dataset, include_acting: bool = False) -> pd.DataFrame:
    """Tenures of the head of the secret police (Cheka, GPU, OGPU, NKVD), in order of start."""
    check("include_acting", include_acting, kind=bool)
    p = ds.positions[ds.positions.post == POST]
    if not include_acting:
        p = p[~p.acting.fillna(False).astype(bool)]
    out = p.merge(ds.people[["person_id", "name"]], on="person_id")
    cols = ["position_id", "person_id", "name", "org_id", "title", "start", "end",
            "start_earliest", "start_latest", "end_earliest", "end_latest", "end_reason", "acting"]
    return out[cols].sort_values(["start_earliest", "position_id"], na_position="first").reset_index(drop=True)


def eras(ds: Dataset, until: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per era: era (the head's surname), person_id, name, start, end (contiguous, no gaps).
    until: the end of the last era, a pd.Timestamp (default: the end of the case file's coverage)."""
    if until is not None:
        check("until", until, kind=pd.Timestamp)
    h = heads(ds)
    founded = ds.organisations.set_index("org_id").loc[FIRST_AGENCY, "founded_earliest"]
    starts = _refined_starts(ds, h).fillna(founded).tolist()
    ends = starts[1:] + [until if until is not None else coverage_end(ds)]
    return pd.DataFrame({
        "era": h.name.str.split().str[-1],
        "person_id": h.person_id,
        "name": h.name,
        "start": pd.to_datetime(starts),
        "end": pd.to_datetime(ends),
    })


def acting_heads(ds: Dataset) -> pd.DataFrame:
    """The acting heads (Peters, July–August 1918), who open no era: the `heads` rows with acting true."""
    h = heads(ds, include_acting=True)
    return h[h.acting.fillna(False).astype(bool)].reset_index(drop=True)


def held_over(ds: Dataset) -> pd.DataFrame:
    """The eras that outlast their head's own tenure: a head whose tenure ended (`ended`, the latest day its
    end allows, and `end_reason`) before the next head's start (`next_start`, of `next_name`); `days` between.
    An era runs to the next head's start, so those days count in it: Menzhinsky died on 10 May 1934, and
    the case file starts Yagoda on 10 July. Said in the caption, not hidden."""
    h, table = heads(ds), eras(ds)
    out = table.assign(ended=h.end_latest.values, end_reason=h.end_reason.values,
                       next_name=table.name.shift(-1), next_start=table.start.shift(-1))
    out = out[out.ended.notna() & out.next_start.notna() & (out.ended < out.next_start)]
    return out.assign(days=(out.next_start - out.ended).dt.days)[
        ["era", "name", "ended", "end_reason", "next_name", "next_start", "days"]].reset_index(drop=True)


def _refined_starts(ds: Dataset, h: pd.DataFrame) -> pd.Series:
    """Each head's earliest possible start, narrowed by a date another source gives for it that agrees
    (an attestation of the start with `agrees` true, inside the tenure's bounds): the case file dates
    Menzhinsky's start to 1926 only, the reference to 30 July 1926, so his era opens then, not on 1 January,
    while Dzerzhinsky still led the OGPU."""
    out = h.start_earliest.copy()
    att = ds.tables.get("attestations")
    if att is None or not len(att) or "date_earliest" not in att:
        return out
    bounds = h.set_index("position_id")
    inside = agreeing_inside(att, "position_id", "start", bounds.start_earliest, bounds.start_latest)
    narrowed = h.position_id.map(inside.groupby("position_id").date_earliest.min())
    return narrowed.where(narrowed.notna(), out)


def era_of(table: pd.DataFrame, dates: pd.Series) -> pd.Series:
    """The era label of each date (missing before the first era or after the last)."""
    bins = list(table.start) + [table.end.iloc[-1] + pd.Timedelta(days=1)]
    return pd.cut(pd.to_datetime(dates), bins=bins, labels=list(table.era), right=False, ordered=False)
