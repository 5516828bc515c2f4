"""Figures of the dossier analysis (`helpers.analyses.dossier`): each takes frames the analysis made, an
optional `ax`, and returns what it drew on.

`when` writes an EDTF date as a reader does; it lives here, the lowest layer that shows dates to a
reader, because the timeline labels its marks with it, and `helpers.captions.dossier` writes every
date of the dossier's sentences and tables with it too.
"""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..core import dates
from ..core.checks import check
from ..core.errors import ParameterError
from . import style


def when(text) -> str:
    """An EDTF date as a reader writes it, at its own precision: '4 Feb 1940', 'Sep 1937', '1937',
    'between Dec 1934 and 19 Aug 1936'; 'c. ' for an approximate date, '?' after an uncertain one.
    Blank for a missing date; a string the parser cannot read is returned as written."""
    if not isinstance(text, str) or not text.strip():
        return ""
    try:
        b = dates.parse(text)
    except dates.DateError:
        return text

    def day(d, precision):
        return {"day": f"{d.day} {d:%b %Y}", "month": f"{d:%b %Y}", "year": str(d.year)}.get(precision, "")

    core = text.strip().rstrip("?~%")
    if b.precision in ("day", "month", "year"):
        out = day(b.earliest, b.precision)
    elif "/" in core:
        ends = [dates.parse(part) for part in core.split("/")]
        out = f"between {day(ends[0].earliest, ends[0].precision)} and {day(ends[1].latest, ends[1].precision)}"
    else:  # a season or another span edtf reads as one
        out = f"between {b.earliest.day} {b.earliest:%b %Y} and {b.latest.day} {b.latest:%b %Y}"
    return ("c. " if b.approximate else "") + out + ("?" if b.uncertain else "")


def _num(t) -> float:
    return mdates.date2num(pd.Timestamp(t))


def _pale(ax, y, a, b, colour) -> None:
    """The span a partial date leaves open, from a to b: light and hatched."""
    ax.barh(y, _num(b) - _num(a) + 1, left=_num(a), height=0.55, color=colour, alpha=0.3, hatch="///",
            edgecolor=colour, linewidth=0)


def _posts(ax, posts: pd.DataFrame, y: dict) -> None:
    """Each post a bar: solid where it was surely held, pale where a partial date leaves start or end
    open, ▶/◀ for a post known only by its start/end."""
    for f in posts.itertuples():
        yy, c = y[f.row], f.colour
        if pd.notna(f.s0) and pd.notna(f.e0) and f.s1 < f.e0:
            ax.barh(yy, _num(f.e0) - _num(f.s1), left=_num(f.s1), height=0.55, color=c, linewidth=0)
            if f.s0 < f.s1:
                _pale(ax, yy, f.s0, f.s1, c)
            if f.e0 < f.e1:
                _pale(ax, yy, f.e0, f.e1, c)
        elif pd.notna(f.s0) and pd.notna(f.e0):  # start and end spans meet: nothing is certain
            _pale(ax, yy, f.s0, f.e1, c)
        elif pd.notna(f.s0):
            _pale(ax, yy, f.s0, f.s1, c)
            ax.plot(_num(f.s1), yy, marker=">", color=c, markersize=9, linestyle="none")
        else:
            _pale(ax, yy, f.e0, f.e1, c)
            ax.plot(_num(f.e0), yy, marker="<", color=c, markersize=9, linestyle="none")


def _events(ax, events: pd.DataFrame, y: dict) -> None:
    """Each event a dot on its group's row (a pale bar over the span a partial date allows); the
    person's arrests (▼) and death (✕) large and labelled with their kind and date."""
    for f in events[events.mark == ""].itertuples():
        yy = y[f.row]
        if f.e1 > f.s0:
            ax.plot([_num(f.s0), _num(f.e1)], [yy, yy], color=f.colour, linewidth=5, alpha=0.35,
                    solid_capstyle="butt")
        else:
            ax.plot(_num(f.s0), yy, marker="o", color=f.colour, markersize=7, markeredgecolor="white",
                    markeredgewidth=0.6, linestyle="none")
    for f in events[events.mark != ""].itertuples():
        yy, at = y[f.row], _num(f.s0 + (f.e1 - f.s0) / 2)
        if f.e1 > f.s0:
            ax.plot([_num(f.s0), _num(f.e1)], [yy, yy], color=f.colour, linewidth=5, alpha=0.35, solid_capstyle="butt")
        ax.plot(at, yy, marker="X" if f.mark == "death" else "v", color=f.colour, markersize=13,
                markeredgecolor="black", markeredgewidth=0.8, linestyle="none")
        ax.annotate(f"{f.type.replace('_', ' ')}, {when(f.date)}", (at, yy), xytext=(9, 7),
                    textcoords="offset points", fontsize=10, fontweight="bold", va="bottom")


def timeline(frame: pd.DataFrame, name: str, colours: dict[str, str], ax=None):
    """Draw `analyses.dossier.timeline(...)`: posts as bars in NEUTRAL grey (`_posts`), events as marks
    on one row per group in the colour `colours` gives their type (`style.event_colours`), the
    person's arrests (▼) and death (✕) large and labelled (`_events`). Returns the Axes; the frame
    must not be empty."""
    check("frame", frame, kind=pd.DataFrame)
    if frame.empty:
        raise ParameterError("Parameter `frame` got an empty timeline; it accepts a timeline with at least one "
                             "dated post or event (say the empty case in words instead of drawing it).")
    frame = frame.assign(colour=[style.NEUTRAL if k == "post" else colours[t] for k, t in zip(frame.kind, frame.type)])
    rows = list(dict.fromkeys(frame.row))
    y = {r: i for i, r in enumerate(rows)}
    lo = min(frame.s0.min(), frame.e0.min()) if frame.e0.notna().any() else frame.s0.min()
    hi = max(frame.e1.max(), frame.s1.max()) if frame.e1.notna().any() else frame.s1.max()
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    pad = max(pd.Timedelta(days=120), (hi - lo) * 0.04)
    left, right = lo - pad, hi + pad + max(pd.Timedelta(days=500), (hi - lo) * 0.18)  # room for the labels
    if ax is None:
        ax = plt.subplots(figsize=(11, 1.4 + 0.42 * len(rows)), layout="constrained")[1]
    _posts(ax, frame[frame.kind == "post"], y)
    _events(ax, frame[frame.kind == "event"], y)
    ax.set_yticks(range(len(rows)), [textwrap.fill(r, 34) for r in rows], fontsize=10)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(_num(left), _num(right))
    ax.xaxis.set_major_locator(mdates.YearLocator(max(1, (hi.year - lo.year) // 10 + 1)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="both", labelsize=10)
    ax.set_xlabel("Year")
    ax.set_ylabel("Post, or kind of event")
    ax.set_title(f"{name}: posts and events, {lo.year}–{hi.year}")
    return ax
