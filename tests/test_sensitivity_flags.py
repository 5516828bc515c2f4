"""Would another reading change this finding? One attestation changed in a copy of the data moves
exactly the finding that depends on it: the sensitivity of every headline finding (the cells tagged
`finding`), computed before and after, differs in that one finding and under the one reading that
takes the reference's dates (the table's `changed` compares exactly these texts with the value as
recorded: `readings.sensitivity`)."""
from __future__ import annotations

import nbformat
import pytest

import helpers
from conftest import read_rows, write_rows
from helpers import params, paths
from helpers.analyses import abroad, falls, fates_claims, purges, national, networks, overview, turnover_claims
from helpers.evidence.readings import READINGS


def _checked(name: str) -> dict:
    """The notebook's parameters as its check cell makes them (the committed parameters cell)."""
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    values: dict = {}
    exec(cell.source, {}, values)
    return params.check_all(name, values)


def _findings(ds) -> dict:
    """Every headline finding of the reports, called as its notebook calls it (default parameters)."""
    c01, c02, c03 = _checked("01-purge-cadence"), _checked("02-leadership-turnover"), _checked("03-fates-of-officials")
    c04, c05 = _checked("04-operations-abroad"), _checked("05-networks")
    tenures = dict(posts=c02["posts"], start=c02["start"], end=c02["end"], include_acting=c02["include_acting"])
    return {
        "dated to the day": (overview.dated_to_the_day, {}),
        "hedged events": (overview.hedged_events, {}),
        "apparatus victims": (national.apparatus_victims, dict(first=c01["start"], last=c01["end"])),
        "shot or killed": (turnover_claims.shot_or_killed, tenures),
        "quickest end": (falls.quickest, tenures),
        "purgers purged": (purges.purged_purgers, tenures),
        "by the state": (fates_claims.by_state_finding, dict(group=c03["group"])),
        "cover stories": (fates_claims.cover_finding, dict(group=c03["group"])),
        "first country": (abroad.first_country, dict(region=c04["region"], first=c04["start"], last=c04["end"],
                                                     types=c04["event_types"])),
        "shortest chain": (networks.chain_finding, dict(source=ds.find_person(c05["source"]),
                                                        target=ds.find_person(c05["target"]), as_of=c05["as_of"])),
    }


def _values(ds) -> dict:
    """(finding, reading) -> the finding's text, as recorded and under the reference's dates (the two
    readings an attestation's date can move)."""
    out = {}
    for name, (finding, kwargs) in _findings(ds).items():
        for reading in ("as recorded", "the reference's dates"):
            out[name, reading] = finding(READINGS[reading](ds), **kwargs).text
    return out


def test_one_attestation_moves_the_one_finding_that_rests_on_it(data_copy):
    # The case file has Artuzov arrested 13 May 1937 and shot 21 May (8 days: the quickest end); the
    # reference dates his arrest 12-13 May and his execution 21 Aug 1937 (100 to 101 days), still the
    # quickest under its dates; next comes Merkulov, arrested in September 1953 and shot 23 Dec 1953 by
    # the reference (84 to 113 days; reference-facts, post-1941 fates). A reference date of 21 Dec 1937
    # for Artuzov's execution (222 days) makes Merkulov's end the quickest under the reference's dates,
    # and moves no other finding under any reading.
    before = _values(helpers.load(data_copy))
    rows = read_rows(data_copy / "attestations.csv")
    head = rows[0]
    (row,) = [r for r in rows if r[0] == "artur-artuzov-execution--date--ref"]
    assert (row[head.index("date")], row[head.index("agrees")]) == ("1937-08-21", "false")
    row[head.index("date")] = "1937-12-21"
    write_rows(data_copy / "attestations.csv", rows)
    after = _values(helpers.load(data_copy))
    moved = {key: (before[key], after[key]) for key in before if before[key] != after[key]}
    assert list(moved) == [("quickest end", "the reference's dates")], moved
    assert moved["quickest end", "the reference's dates"] == ("Artur Artuzov", "Vsevolod Merkulov")
    assert before["quickest end", "as recorded"] == after["quickest end", "as recorded"] == "Artur Artuzov"


@pytest.mark.parametrize("name", ["quickest end", "first country"])
def test_every_finding_reads_the_notebooks_own_parameters(name, ds):
    """The findings above are those of the notebooks: each notebook's stored outputs carry the same
    finding text (a change to a notebook's call is a change here)."""
    finding, kwargs = _findings(ds)[name]
    text = finding(ds, **kwargs).text
    page = {"quickest end": "02-leadership-turnover", "first country": "04-operations-abroad"}[name]
    outputs = (paths.NOTEBOOKS / f"{page}.ipynb").read_text(encoding="utf-8")
    assert text in outputs
