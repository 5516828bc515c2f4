"""Tallies and their figures: a count as its source gives it (never a bare number that reads as
exact), each source's principal figures, and the tallies that are no part of another."""
from __future__ import annotations

import pandas as pd

def figure(low, best, high, qualifier, words=None) -> str:
    """A count as the source gives it, never a bare number that reads as exact: '21,857',
    'about 12,000', 'at least 7,000', 'at most 300', 'between 5 and 6' (blank when none is given); with
    the source's own `words` (a tally's `in_words`), those words and the figure as coded: 'thousands
    (coded as at least 2,000)'."""
    if isinstance(words, str) and words.strip():
        coded = figure(low, best, high, qualifier)
        return f"{words.strip()} (coded as {coded})" if coded else words.strip()

    def n(v):
        return f"{int(v):,}"
    if pd.isna(qualifier):
        return ""
    if qualifier == "exactly":
        return n(best)
    if qualifier == "about":
        return f"about {n(best)}"
    if qualifier == "at_least":
        return f"at least {n(low)}"
    if qualifier == "at_most":
        return f"at most {n(high)}"
    return f"between {n(low)} and {n(high)}" + (f" (best {n(best)})" if pd.notna(best) else "")


def principal_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """Each source's principal figures among tally-like rows (source_id, low, best, high): those it
    states as a number (a best figure, exactly or about); its bounds (at least, at most, between)
    only when it gives no such number."""
    has_best = rows.best.notna()
    return rows[has_best | ~rows.source_id.isin(set(rows.source_id[has_best]))]


def figures_by_source(rows: pd.DataFrame, shares: pd.DataFrame | None = None) -> str:
    """'about 12,000 (case-file-0121); 21,857 (reference-facts)': each source's principal figures,
    sources by id, a source's several figures joined by 'or'. Columns: source_id, low, best, high,
    qualifier, and in_words and place when the rows have them (`figure`). When the figures count
    different places, each says its place; a total with none says 'all sites' when its `shares` (tallies
    `part_of` it) have places, with the share at another figure's place ('21,857, at all sites (4,421 of them
    at Katyn forest, Smolensk region)'), else 'no place given'."""
    out, rows = [], principal_figures(rows)
    places = rows.place.fillna("") if "place" in rows else pd.Series("", index=rows.index)
    named, apart = set(places) - {""}, places.nunique() > 1

    def where(row, place: str) -> str:
        if not apart:
            return ""
        if place:
            return f" at {place}"
        own = (shares[(shares.part_of == row.tally_id) & shares.place.notna()]
               if shares is not None and "tally_id" in rows and "place" in shares else pd.DataFrame())
        if not len(own):
            return ", no place given"
        same = [f"{figure(r.low, r.best, r.high, r.qualifier)} of them at {r.place}" for r in own.itertuples(index=False)
                if any(p.lower() in r.place.lower() for p in named)]
        return ", at all sites" + (f" ({'; '.join(same)})" if same else "")
    for src, own in rows.assign(place_=places).groupby("source_id", sort=True):
        figs = [figure(r.low, r.best, r.high, r.qualifier, getattr(r, "in_words", None)) + where(r, r.place_)
                for r in own.itertuples(index=False)]
        figs = list(dict.fromkeys(f for f in figs if f))
        if figs:
            out.append(f"{' or '.join(figs)} ({src})")
    return "; ".join(out)


def totals(tallies: pd.DataFrame) -> pd.DataFrame:
    """The tallies that are no part of another of the same tallies (a total, not a camp's share)."""
    return tallies[~tallies.part_of.isin(set(tallies.tally_id))]


