"""The sentences `notebooks/start-here.ipynb` prints: one line of each step of a first hour with the
data, built from the claims `helpers.analyses.start_here` made of what the analyses it calls computed
(`overview`, `dossier`, `cadence`, `turnover`, `fates`). Every number is a claim
(`helpers.captions.claimed.Caption`); the words that name its sources come from its rows."""
from __future__ import annotations

import pandas as pd

from ..analyses import start_here as _analysis
from ..evidence import claims
from ..evidence.claims import Claim
from . import dossier
from .claimed import Caption, Raw

#: The page the claims of start-here are on.
PAGE = _analysis.PAGE


def tables(said: dict[str, Claim]) -> Caption:
    """The rows loaded and in how many tables (the claims `rows` and `tables` of
    `analyses.start_here.tables`); the rows of each table are the table below it (`per_table`)."""
    return Caption("**{rows}** rows in **{tables}** tables; the rows of each, largest first:", page=PAGE,
                   rows=said["rows"], tables=said["tables"])


def per_table(counts: pd.DataFrame) -> pd.DataFrame:
    """The rows of each table (`overview.row_counts`) to read: the table's file and its rows, largest first."""
    out = counts.sort_values("rows", ascending=False, kind="stable").reset_index()
    return out.assign(table=out.table + ".csv")[["table", "rows"]]


def _code(text) -> Raw:
    """Text shown as code, as written (a code span cannot hold a backtick)."""
    return Raw("`" + str(text).replace("`", "'") + "`")


def found(person: str, person_id: str, profile: pd.Series, life: pd.Series) -> Caption:
    """Whom the name given resolves to (`dossier.profile`), and their life in one sentence
    (`captions.dossier.life` of `analyses.dossier.life`, its age a claim of this page)."""
    return (Caption("{given} is **{name}** ({pid}). ", page=PAGE, given=_code(person), name=profile["name"],
                    pid=_code(person_id))
            + dossier.life(life, page=PAGE))


def cadence(said: dict[str, Claim]) -> Caption:
    """How many killings the data holds, and the year with most and how many then (the claims of
    `analyses.start_here.killings`)."""
    n = said["killings"]
    return Caption("**Cadence** (`cadence`): {n} killings {where}; the year with most is **{year}** ({most}).",
                   page=PAGE, n=n, where=claims.scope(n), year=said["busiest_year"], most=said["in_busiest"])


def turnover(said: dict[str, Claim]) -> Caption:
    """How many tenures at the head of the secret police, held by how many people (the claims of
    `analyses.start_here.heads`)."""
    return Caption("**Turnover** (`turnover`): {tenures} tenures at the head of the secret police; {people} people "
                   "held it.", page=PAGE, tenures=said["tenures"], people=said["people"])


def fates() -> Caption:
    """The line above the table of the apparatus per fate (`fates.fate_table`)."""
    return Caption("**Fates** (`fates`): what became of the members of the apparatus in the data, by the fate rules "
                   "(a death whose manner the sources do not give or do not know is `died`; one with two versions is "
                   "`contested`):", page=PAGE)
