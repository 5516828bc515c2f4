"""Where the sources disagree: every date a source gives (`dated_claims`), the dates another source
gives differently (`disagreements`, the one filter every report and dossier uses), and the bounds of
an interval under each source that dates its ends (`date_readings`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..data.attested import breaks, differing

if TYPE_CHECKING:
    from .dataset import Dataset


def dated_claims(ds: Dataset) -> pd.DataFrame:
    """Every date the package or a second source gives for an event's date, a tenure's start or end,
    or a person's birth.

    One row per claim: target ('event', 'position' or 'person'), target_id, field, source_id, date (EDTF),
    earliest, latest, recorded (True for the package's own row, False for an attestation),
    agrees (the attestation's flag; missing for the recorded row and for gap-filling attestations),
    attestation_id, locator, note.
    """
    e = ds.events
    rows = [pd.DataFrame({"target": "event", "target_id": e.event_id, "field": "date", "source_id": e.source_id,
                          "date": e.date, "earliest": e.start, "latest": e.end, "recorded": True,
                          "locator": e.locator})]
    p = ds.positions
    for fld in ("start", "end"):
        given = p[p[fld].notna()]
        rows.append(pd.DataFrame({"target": "position", "target_id": given.position_id, "field": fld,
                                  "source_id": given.source_id, "date": given[fld],
                                  "earliest": given[f"{fld}_earliest"], "latest": given[f"{fld}_latest"],
                                  "recorded": True, "locator": given.locator}))
    people = ds.tables.get("people")
    if people is not None and {"born", "born_source_id", "born_locator", "born_earliest"} <= set(people.columns):
        b = people[people.born.notna()]
        rows.append(pd.DataFrame({"target": "person", "target_id": b.person_id, "field": "born",
                                  "source_id": b.born_source_id, "date": b.born, "earliest": b.born_earliest,
                                  "latest": b.born_latest, "recorded": True, "locator": b.born_locator}))
    a = ds.attestations
    person = a.person_id if "person_id" in a else pd.Series(None, index=a.index, dtype=object)
    target = pd.Series("position", index=a.index).where(a.event_id.isna(), "event").where(person.isna(), "person")
    rows.append(pd.DataFrame({"target": target, "target_id": a.event_id.fillna(a.position_id).fillna(person),
                              "field": a.field,
                              "source_id": a.source_id, "date": a.date, "earliest": a.date_earliest,
                              "latest": a.date_latest, "recorded": False, "agrees": a.agrees,
                              "attestation_id": a.attestation_id, "locator": a.locator, "note": a.note}))
    out = pd.concat(rows, ignore_index=True)
    out["agrees"] = out.agrees.astype("boolean")
    return out.sort_values(["target", "target_id", "field", "recorded", "earliest", "source_id"],
                           ascending=[True, True, True, False, True, True]).reset_index(drop=True)


def disagreements(ds: Dataset) -> pd.DataFrame:
    """Where the sources date a thing differently: the one filter every report and dossier uses.

    One row per attested date that differs from the package's (`agrees` false), and per attested
    date that fills a gap the package leaves but that another attestation of the same field contradicts
    (two reference pages with different dates for an undated start); a break in a tenure and its resumption
    (`breaks`: Dzerzhinsky's interim of 1918) are no rival dates. Columns: target, target_id,
    field, recorded (the package's date, or missing), recorded_by, attested, attested_by, locator,
    note, attestation_id, earliest (of the attested date). Sorted by target, id, field and date.
    """
    claims = dated_claims(ds)
    own = claims[claims.recorded]
    own_key = list(zip(own.target, own.target_id, own.field))
    own_date, own_by = dict(zip(own_key, own.date)), dict(zip(own_key, own.source_id))
    att = claims[~claims.recorded]
    chosen = set(ds.attestations.attestation_id[differing(ds.attestations, breaks(ds.attestations))])
    keep = att[att.attestation_id.isin(chosen)]
    key = list(zip(keep.target, keep.target_id, keep.field))
    out = pd.DataFrame({
        "target": keep.target.values, "target_id": keep.target_id.values, "field": keep.field.values,
        "recorded": [own_date.get(k) for k in key], "recorded_by": [own_by.get(k) for k in key],
        "attested": keep.date.values, "attested_by": keep.source_id.values, "locator": keep.locator.values,
        "note": keep.note.values, "attestation_id": keep.attestation_id.values, "earliest": keep.earliest.values})
    return out.sort_values(["target", "target_id", "field", "earliest", "attestation_id"]).reset_index(drop=True)


def date_readings(ds: Dataset, ends: list[tuple[str, str, str]], claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The bounds of each end of an interval under each source that dates it.

    ends: (target, target_id, field) triples, e.g. [('event', 'artur-artuzov-arrest', 'date'),
    ('event', 'artur-artuzov-execution', 'date')]. One row per source that dates at least one end
    (the package's own reading first, then the others by id): `source` and, per end i, `date_i`,
    `earliest_i`, `latest_i` — the source's own date for that end when it gives one (the hull of
    all its dates for that end when it gives several, agreeing ones included: a page that gives both
    the package's date and another says the end lies somewhere between them), else the package's.
    A source is listed when it differs from the package or fills a gap on at least one end; a source
    that only agrees is left out. `claims`: `dated_claims(ds)`, when a caller asks for many readings.
    """
    claims = dated_claims(ds) if claims is None else claims
    mine = claims[claims.target_id.isin({end[1] for end in ends})]  # plain records: many small lookups
    by_end: dict[tuple, list] = {}
    for claim in mine.itertuples(index=False):
        by_end.setdefault((claim.target, claim.target_id, claim.field), []).append(claim)
    base, others, differing = {}, {}, set()
    for i, end in enumerate(ends):
        found = by_end.get(tuple(end), [])
        rec = [c for c in found if c.recorded]
        base[i] = (rec[0].date, rec[0].earliest, rec[0].latest) if rec else (None, pd.NaT, pd.NaT)
        for src in sorted({c.source_id for c in found if not c.recorded}):
            own = [c for c in found if not c.recorded and c.source_id == src]
            others.setdefault(src, {})[i] = (" or ".join(dict.fromkeys(c.date for c in own)),
                                             min(c.earliest for c in own), max(c.latest for c in own))
            if not all(pd.notna(c.agrees) and bool(c.agrees) for c in own):  # differs, or fills a gap
                differing.add(src)
    sources = [("package", {})] + sorted((s, d) for s, d in others.items() if s in differing)
    rows = []
    for src, mine in sources:
        row = {"source": src}
        for i in range(len(ends)):
            row[f"date_{i}"], row[f"earliest_{i}"], row[f"latest_{i}"] = mine.get(i, base[i])
        rows.append(row)
    return pd.DataFrame(rows)
