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


def figures_by_source(rows: pd.DataFrame) -> str:
    """'about 12,000 (case-file-0121); 21,857 (reference-facts)': each source's principal figures,
    sources by id, a source's several figures joined by 'or'. Columns: source_id, low, best, high,
    qualifier, and in_words and place when the rows have them (`figure`; a place is said when the
    figures count different places)."""
    parts, rows = [], principal_figures(rows)
    # Sources that count different places are told apart: "about 12,000 at Katyn; 21,857, no place given".
    places = rows.place.fillna("") if "place" in rows else pd.Series("", index=rows.index)
    where = (lambda p: f" at {p}" if p else ", no place given") if places.nunique() > 1 else (lambda p: "")
    for src, own in rows.assign(where_=places.map(where)).groupby("source_id", sort=True):
        figs = [figure(r.low, r.best, r.high, r.qualifier, getattr(r, "in_words", None)) + r.where_
                for r in own.itertuples(index=False)]
        figs = list(dict.fromkeys(f for f in figs if f))
        if figs:
            parts.append(f"{' or '.join(figs)} ({src})")
    return "; ".join(parts)


def totals(tallies: pd.DataFrame) -> pd.DataFrame:
    """The tallies that are no part of another of the same tallies (a total, not a camp's share)."""
    return tallies[~tallies.part_of.isin(set(tallies.tally_id))]


