"""What the data package covers: row counts, events per year and type, the precision and
certainty of dates, people per side, events per section of the case file, and where the two
sources disagree. Used by `notebooks/00-data-overview.ipynb`."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .dataset import Dataset
from .style import palette

LOCATOR_SECTION = r"^(?P<section>.+) ¶\d+$"


def row_counts(ds: Dataset) -> pd.DataFrame:
    """Rows per table with each table's title, in the package's order."""
    titles = {r["name"]: r.get("title", r["name"]) for r in ds.descriptor["resources"]}
    counts = ds.row_counts()
    return pd.DataFrame({"table": counts.index, "title": [titles[n] for n in counts.index],
                         "rows": counts.values}).set_index("table")


def events_per_year(ds: Dataset, first: int, last: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events per calendar year and type, for events whose whole date span lies in one year.

    Returns (counts: year × type, with every year from first to last), and the events left out
    because their span crosses a year boundary (listed, never pushed onto a year).
    """
    ev = ds.events
    in_one_year = ev.start.dt.year == ev.end.dt.year
    placed = ev[in_one_year].assign(year=ev.start.dt.year)
    placed = placed[placed.year.between(first, last)]
    counts = pd.crosstab(placed.year, placed.type)
    counts = counts.reindex(range(first, last + 1), fill_value=0)
    order = [t for t in ds.vocabulary("events", "type") if t in counts.columns]
    counts = counts[order]
    counts.index.name, counts.columns.name = "year", "type"
    spanning = ev[~in_one_year][["event_id", "date", "type", "title"]].sort_values(["date", "event_id"])
    return counts, spanning.reset_index(drop=True)


def plot_events_per_year(counts: pd.DataFrame, ds: Dataset, ax=None):
    ax = ax or plt.subplots(figsize=(11, 5))[1]
    colours = palette(ds.vocabulary("events", "type"))
    counts.plot.bar(stacked=True, ax=ax, width=0.85, color=[colours[t] for t in counts.columns])
    ax.set(title="Events per year, by type", xlabel="Year", ylabel="Events")
    ax.legend(title="type", ncol=2, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.tick_params(axis="x", labelrotation=90)
    return ax


def precision_mix(ds: Dataset) -> pd.DataFrame:
    """Events by the precision of their date (rows) and their certainty (columns), with totals."""
    table = pd.crosstab(ds.events.precision, ds.events.certainty, margins=True, margins_name="total")
    order = [p for p in ("day", "month", "season", "year", "interval") if p in table.index] + ["total"]
    cert = [c for c in ds.vocabulary("events", "certainty") if c in table.columns] + ["total"]
    return table.loc[order, cert]


def people_per_side(ds: Dataset) -> pd.Series:
    """People per side, largest first."""
    return ds.people.side.value_counts().rename_axis("side").rename("people").sort_values(ascending=False, kind="stable")


def coverage_by_section(ds: Dataset, source_id: str = "case-file-0121") -> pd.DataFrame:
    """For each section of the source, in its order: paragraphs, events, positions and aliases citing it."""
    sections = ds.sections[ds.sections.source_id == source_id].sort_values("order")
    out = sections[["section", "paragraphs"]].set_index("section")
    for name in ("events", "positions", "people", "aliases"):
        table = ds.tables[name]
        cited = table[table.source_id == source_id].locator.str.extract(LOCATOR_SECTION)["section"]
        out[name] = cited.value_counts().reindex(out.index, fill_value=0)
    return out


def conflicts(ds: Dataset) -> pd.DataFrame:
    """Where a second source dates an event or a tenure differently from the package's row.

    Columns: person, what, recorded (the row's date), recorded_by (the row's source), reference
    (the date the attestation gives), note. Sorted by person and what.
    """
    att = ds.attestations[ds.attestations.agrees == False]  # noqa: E712
    subjects = ds.roles[ds.roles.role == "subject"].drop_duplicates("event_id")[["event_id", "person_id"]]
    ev = (att.dropna(subset=["event_id"])
          .merge(ds.events[["event_id", "title", "date", "source_id"]]
                 .rename(columns={"date": "recorded", "source_id": "recorded_by"}), on="event_id")
          .merge(subjects, on="event_id", how="left")
          .rename(columns={"title": "what"}))
    pos = (att.dropna(subset=["position_id"])
           .merge(ds.positions[["position_id", "person_id", "title", "start", "end", "source_id"]]
                  .rename(columns={"source_id": "recorded_by"}), on="position_id")
           .assign(what=lambda d: d.title + " (" + d.field + ")",
                   recorded=lambda d: d.start.where(d.field == "start", d.end)))
    columns = ["person", "what", "recorded", "recorded_by", "reference", "note"]
    both = pd.concat([ev, pos], ignore_index=True)
    if both.empty:
        return pd.DataFrame(columns=columns)
    both["person"] = both.person_id.map(ds.people.set_index("person_id").name).fillna("")
    both = both.rename(columns={"date": "reference"})
    return both[columns].sort_values(["person", "what", "reference"]).reset_index(drop=True)
