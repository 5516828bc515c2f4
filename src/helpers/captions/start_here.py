"""The sentences `notebooks/start-here.ipynb` prints: one line of each step of a first hour with the
data, built from what the analyses it calls computed (`overview`, `dossier`, `cadence`, `turnover`,
`fates`)."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown


def tables(counts: pd.DataFrame) -> Markdown:
    """The rows loaded, in how many tables, and the four largest (`overview.row_counts`)."""
    largest = counts.sort_values("rows", ascending=False).head(4)
    return Markdown(f"**{counts.rows.sum():,}** rows in **{len(counts)}** tables; the largest: "
                    + ", ".join(f"{r.title.lower()} ({r.rows})" for r in largest.itertuples()) + ".")


def found(person: str, person_id: str, profile: pd.Series, life: str) -> Markdown:
    """Whom the name given resolves to (`dossier.profile`), and their life in one sentence (`dossier.life`)."""
    return Markdown(f"`{person}` is **{profile['name']}** (`{person_id}`). {life}")


def cadence(kills: pd.DataFrame, per_year: pd.Series) -> Markdown:
    """How many killings the data holds (`cadence.killings`), and the year with most (of killings per
    year, `cadence.counts` summed over types)."""
    return Markdown(f"**Cadence** (`cadence`): {len(kills)} killings in the data; the year with most is "
                    f"**{per_year.idxmax()}** ({per_year.max():g}).")


def turnover(heads: pd.DataFrame) -> Markdown:
    """How many tenures at the head of the secret police (`turnover.tenures`), held by how many people."""
    return Markdown(f"**Turnover** (`turnover`): {len(heads)} tenures at the head of the secret police; "
                    f"{heads.person_id.nunique()} people held it.")


def fates() -> Markdown:
    """The line above the table of the apparatus per fate (`fates.fate_table`)."""
    return Markdown("**Fates** (`fates`): what became of the members of the apparatus in the data:")
