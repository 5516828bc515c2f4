"""Would another reading change this finding? Each headline finding is a function of the data (a
Dataset in, a Claim out); `sensitivity` computes it again under every reading the data allows and
says where its value or its leader changes:

- as recorded: every source, the package's dates (what the reports show);
- case file only: the case file's rows alone (`Dataset.only_sources`);
- stated only: what the sources state plainly (`Dataset.stated_only`);
- the reference's dates: where reference-facts dates a thing otherwise, its date (`Dataset.dated_by`);
- and, for a finding that places partial dates in periods, the exclude and the spread rules.

A finding that cannot be computed under a reading (no row is left to count) says so in words.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from ..core.errors import ParameterError
from .claims import CASE_FILE, REFERENCE, Claim

if TYPE_CHECKING:
    from .dataset import Dataset

AS_RECORDED = "as recorded"
#: The readings of the data, in the order a table lists them.
READINGS: dict[str, Callable] = {
    AS_RECORDED: lambda ds: ds,
    "case file only": lambda ds: ds.only_sources(CASE_FILE),
    "stated only": lambda ds: ds.stated_only(),
    "the reference's dates": lambda ds: ds.dated_by(REFERENCE),
}
#: What each reading keeps, in words, for the tables (a stricter reading may count more: dropping the alleged
#: and disputed rows drops the accounts that doubt a stated killing too, so that killing counts plainly).
READS = {
    AS_RECORDED: "every row of both sources, with the package's dates",
    "case file only": "the case file's rows alone",
    "stated only": "the rows a source states plainly (alleged and disputed rows drop out, doubting accounts too)",
    "the reference's dates": "every row, with the reference's date wherever it gives another",
}
#: The rules for partial dates a counting finding is also read under.
RULES = ("exclude", "spread")
NONE_LEFT = "nothing left to count"


def sensitivity(ds: Dataset, finding: Callable[..., Claim], rules: bool = False, **parameters) -> pd.DataFrame:
    """The finding under every reading (and rule, with `rules`): reading, reads (what it keeps: `READS`), rule
    (only with `rules`), value (its text), changed (True where it differs from the finding as recorded, under the
    rule of `parameters`).
    `finding(ds, **parameters)` returns the Claim the report states."""
    base_rule = parameters.get("rule", "exclude")
    rows = []
    for name, view in READINGS.items():
        for rule in (RULES if rules else (None,)):
            kwargs = dict(parameters, rule=rule) if rule else dict(parameters)
            try:
                text = finding(view(ds), **kwargs).text
            except (ParameterError, ValueError, KeyError, IndexError, ZeroDivisionError):
                text = NONE_LEFT
            rows.append({"reading": name, "reads": READS.get(name, ""), "rule": rule or "", "value": text})
    out = pd.DataFrame(rows, columns=["reading", "reads", "rule", "value"])
    base = out[(out.reading == AS_RECORDED) & (out.rule == (base_rule if rules else ""))].value.iloc[0]
    out["changed"] = out.value != base
    return out if rules else out.drop(columns="rule")


def with_readings(claim: Claim, table: pd.DataFrame) -> Claim:
    """The claim with the finding's values under the other readings (`sensitivity`), for its card and
    for the landing page, which marks a finding that another reading changes."""
    readings = tuple((f"{r.reading}{', ' + r.rule + ' rule' if getattr(r, 'rule', '') else ''}", r.value,
                      bool(r.changed)) for r in table.itertuples(index=False))
    return Claim(claim.value, claim.evidence, claim.rule, claim.sql, claim.parameters, claim.name, claim.page,
                 claim.text, readings, claim.scope)
