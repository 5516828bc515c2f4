"""Figures of the turnover analysis (`helpers.analyses.turnover` and `helpers.analyses.falls`): who
held each post as a Gantt chart over the agencies, the lags of each fall, the share of each post's
holders later shot, and the holders per post and year. Each takes frames the analysis made and plain
values, an optional `ax`, and returns what it drew on."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analyses.falls import STEP_WORDS, STEPS
from ..analyses.turnover import NO_FATE
from ..core.checks import check_days
from ..evidence.fates import FATES
from .style import FALL_STEPS, FATE, INK, INK_SOFT, LINE, PALE, SHOT, SMALL, palette

DEATH_MARK = "$\u2020$"  # † as a marker


def _num(ts) -> float:
    return mdates.date2num(pd.Timestamp(ts).to_pydatetime())


# --- who held each post --------------------------------------------------------------------------

def _rows(t: pd.DataFrame):
    """The rows of the chart: row 0 is the agencies' band, then per post a bold title row and one row
    per tenure. Returns [(tenure index, y)], the y ticks, their labels, which are bold, and the next y."""
    rows, ticks, labels, bold = [], [0], ["Agency"], [True]
    y = 1
    for label, own in t.groupby("post_label", sort=False):
        ticks.append(y), labels.append(label), bold.append(True)
        y += 1
        for i in own.index:
            rows.append((i, y))
            ticks.append(y), labels.append(own.at[i, "name"] + (" (acting)" if own.at[i, "acting"] else ""))
            bold.append(False)
            y += 1
    return rows, ticks, labels, bold, y


def _agencies(ax, agencies: pd.DataFrame, w0, w1, coverage):
    """The agencies of `turnover.lineage` as a band of coloured periods in row 0, named inside the window."""
    band = palette(agencies.org_id)
    for a in agencies.itertuples():
        a0, a1 = a.founded_earliest, a.dissolved_latest if pd.notna(a.dissolved_latest) else coverage
        ax.barh(0, _num(a1) - _num(a0), left=_num(a0), height=0.8, color=band[a.org_id], alpha=0.55, edgecolor="white")
        mid = max(a0, w0) + (min(a1, w1) - max(a0, w0)) / 2
        if a1 > w0 and a0 < w1:
            ax.text(_num(mid), 0, a.label, ha="center", va="center", fontsize=SMALL, fontweight="bold", clip_on=True)


def _tenure(ax, r, yy, coverage):
    """One tenure's bar in row yy: solid where certainly held, pale where only possible, hatched when
    acting, a triangle for a tenure known by one end only. Returns where the bar ends."""
    c = FATE[r.fate]
    hatch = "////" if r.acting else None
    s0, s1, e0, e1 = r.start_earliest, r.start_latest, r.end_earliest, r.end_latest
    if pd.isna(e0) and r.end_reason == "ongoing":
        e0 = e1 = max(coverage, s1)
    if pd.notna(s0) and pd.notna(e0):
        if s1 < e0:
            ax.barh(yy, _num(e0) - _num(s1), left=_num(s1), height=0.6, color=c, hatch=hatch, edgecolor=INK, linewidth=0.4)
        ax.barh(yy, _num(e1) - _num(s0), left=_num(s0), height=0.6, color=c, alpha=0.35, hatch=hatch, linewidth=0)
        if r.end_reason == "ongoing" and pd.isna(r.end_latest):
            ax.plot(_num(e1), yy, marker=">", color=c, markersize=6)
        return e1
    if pd.notna(s0):
        ax.barh(yy, _num(s1) - _num(s0), left=_num(s0), height=0.6, color=c, alpha=0.35, linewidth=0)
        ax.plot(_num(s1), yy, marker=">", color=c, markersize=7, markeredgecolor=INK, markeredgewidth=0.4)
        return s1
    ax.barh(yy, _num(e1) - _num(e0), left=_num(e0), height=0.6, color=c, alpha=0.35, linewidth=0)
    ax.plot(_num(e0), yy, marker="<", color=c, markersize=7, markeredgecolor=INK, markeredgewidth=0.4)
    return e1


def _marks(ax, marks: pd.DataFrame, last_row: dict, w1):
    """× an arrest and † a death after each holder's latest-ending bar (`last_row`: person -> (y, end));
    those after the window are written at the right edge."""
    late = {}
    for m in marks.itertuples():
        if m.person_id not in last_row:
            continue
        yy, _ = last_row[m.person_id]
        if m.start > w1:
            late.setdefault(yy, []).append(("× " if m.kind == "arrest" else "† ") + m.start.strftime("%Y"))
            continue
        x0, x1 = _num(m.start), _num(m.end)
        if x1 > x0:
            ax.plot([x0, x1], [yy, yy], color="black", linewidth=1)
        marker = "x" if m.kind == "arrest" else DEATH_MARK
        ax.plot((x0 + x1) / 2, yy, marker=marker, color="black", markersize=7 if m.kind == "arrest" else 10)
    for yy, words in late.items():
        ax.text(1.0, yy, " " + ", ".join(words), transform=ax.get_yaxis_transform(), va="center", fontsize=SMALL,
                color=INK_SOFT)


def _gantt_axes(ax, ticks, labels, bold, y, w0, w1):
    """Post titles in bold and holders smaller on the y axis; years along the top and bottom."""
    ax.set_yticks(ticks, labels)
    for tick, is_bold in zip(ax.get_yticklabels(), bold):
        if is_bold:
            tick.set_fontweight("bold")
        else:
            tick.set_fontsize(SMALL + 0.5)
    ax.set_ylim(y, -0.7)
    ax.set_xlim(_num(w0), _num(w1))
    span_years = (w1 - w0).days / 365.25
    ax.xaxis.set_major_locator(mdates.YearLocator(1 if span_years <= 12 else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelrotation=0, labeltop=True)
    ax.grid(axis="y", visible=False)
    ax.set(title="Who held each post, and how they ended", xlabel="Year", ylabel="")


def _gantt_legend(ax, fates: set):
    """The fates drawn, in the order of FATES, and what the hatching, pale spans and marks mean."""
    present = [f for f in FATES if f in fates]
    handles = [Patch(color=FATE[f], label=f.replace("_", " ") if f != NO_FATE else "no recorded end")
               for f in present]
    handles += [Patch(facecolor="white", edgecolor=INK, hatch="////", label="acting"),
                Patch(facecolor=PALE, alpha=0.35, label="possible span (partial date)"),
                Line2D([], [], marker="x", color="black", linestyle="", label="arrest"),
                Line2D([], [], marker=DEATH_MARK, color="black", linestyle="", markersize=10, label="death"),
                Line2D([], [], marker=">", color=LINE, linestyle="", label="start only / still in post"),
                Line2D([], [], marker="<", color=LINE, linestyle="", label="end only")]
    ax.legend(handles=handles, title="holder's fate and marks", fontsize=SMALL + 0.5, title_fontsize=SMALL + 1,
              bbox_to_anchor=(0.5, -0.4 / ax.figure.get_figheight() - 0.02), loc="upper center", ncol=3,
              frameon=False)


def gantt(tenures: pd.DataFrame, agencies: pd.DataFrame, marks: pd.DataFrame, start, end,
          coverage: pd.Timestamp, ax=None):
    """Tenures (`turnover.tenures`) as bars, one row per tenure grouped under its post, over a band of
    the agencies (`turnover.lineage`).

    Solid: the span the holder certainly held the post; pale: the span only possible given partial
    dates; hatched: acting; colour: the holder's fate. Triangles mark a tenure known only by its start
    (▶) or its end (◀). After each holder's last bar, × marks an arrest and † a death (`turnover.marks`);
    those after the window are written at the right edge. Tenures without any date are not drawn.
    """
    check_days(start, end, names=("start", "end"))
    t = tenures[tenures.dated].reset_index(drop=True)
    rows, ticks, labels, bold, y = _rows(t)
    height = max(4.0, 0.27 * (y + 1) + 1.2)
    ax = ax or plt.subplots(figsize=(7.5, height))[1]  # with the names, shown at 3/4 size: names of 9.5 px or more
    w0, w1 = pd.Timestamp(start), pd.Timestamp(end)
    _agencies(ax, agencies, w0, w1, coverage)
    last_row = {}
    for i, yy in rows:
        r = t.loc[i]
        end_at = _tenure(ax, r, yy, coverage)
        if r.person_id not in last_row or end_at >= last_row[r.person_id][1]:
            last_row[r.person_id] = (yy, end_at)  # marks go after the holder's latest-ending bar
    _marks(ax, marks, last_row, w1)
    _gantt_axes(ax, ticks, labels, bold, y, w0, w1)
    _gantt_legend(ax, set(t.fate))
    return ax


# --- falls, shares, holders per year -------------------------------------------------------------

def fall_lags(falls: pd.DataFrame, ax=None):
    """The lags of each fall (`falls.fall_sequences`) as a dot plot: one row per person, one colour per
    step, days since the previous recorded step on a symmetric-log axis; a line spans the bounds when
    the dates are partial."""
    f = falls[falls.lag_min.notna()]
    people = list(dict.fromkeys(falls.name))
    ax = ax or plt.subplots(figsize=(7.5, max(3.0, 0.45 * len(people) + 1.5)))[1]  # legend beside: the column's width
    offset = {s: (k - 1.5) * 0.14 for k, s in enumerate(STEPS[1:])}
    ypos = {p: i for i, p in enumerate(people)}
    for r in f.itertuples():
        yy = ypos[r.name] + offset[r.step]
        c = FALL_STEPS[r.step]
        if r.lag_min != r.lag_max:
            ax.plot([r.lag_min, r.lag_max], [yy, yy], color=c, linewidth=2.2, solid_capstyle="butt")
            ax.plot([r.lag_min, r.lag_max], [yy, yy], "|", color=c, markersize=7)
        else:
            ax.plot(r.lag_min, yy, "o", color=c, markersize=6)
    ax.set_xscale("symlog", linthresh=30)
    ticks = [-3652, -365, -30, 0, 30, 365, 3652, 14610]
    words = ["−10 yr", "−1 yr", "−1 mo", "0", "1 mo", "1 yr", "10 yr", "40 yr"]
    lo = min(f.lag_min.min(), 0) if len(f) else 0
    hi = max(f.lag_max.max(), 30) if len(f) else 30
    keep = [(t, w) for t, w in zip(ticks, words) if lo * 1.2 - 1 <= t <= hi * 1.2 + 1]
    ax.set_xticks([t for t, _ in keep], [w for _, w in keep])
    ax.set_yticks(range(len(people)), people)
    ax.set_ylim(len(people) - 0.5, -0.5)
    ax.axvline(0, color=LINE, linewidth=0.8)
    ax.set(title="From the fall to the bullet: time since the previous step",
           xlabel="Time since the previous recorded step (symmetric log scale)", ylabel="")
    handles = [Line2D([], [], marker="o", color=FALL_STEPS[s], linestyle="", label=STEP_WORDS[s]) for s in STEPS[1:]]
    ax.legend(handles=handles, title="step reached", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    return ax


def share_shot(rates: pd.DataFrame, ax=None):
    """Share of each post's holders later shot or killed plainly (`turnover.turnover`), those only on an
    alleged or disputed account a pale hatched extension (where the table counts them), and 'n of N'
    ('n–m of N' with the doubtful) beside each bar."""
    r = rates.iloc[::-1]
    ax = ax or plt.subplots(figsize=(9, max(3.0, 0.38 * len(r) + 1.2)))[1]
    more = r.more_on_doubt if "more_on_doubt" in r else pd.Series(0, index=r.index)
    with_doubt = (r.shot_or_killed + more) / r.holders
    ax.barh(r.post, r.share_shot_or_killed, color=SHOT, label="shot or killed, plainly")
    if more.any():
        ax.barh(r.post, with_doubt - r.share_shot_or_killed, left=r.share_shot_or_killed, color=SHOT, alpha=0.35,
                hatch="//", label="on an alleged or disputed account only")
        ax.legend(loc="lower right", frameon=False, fontsize=SMALL + 0.5)
    for yy, (share, n, m, total) in enumerate(zip(with_doubt, r.shot_or_killed, more, r.holders)):
        ax.text(share + 0.01, yy, f"{n} of {total}" if not m else f"{n}–{n + m} of {total}", va="center", fontsize=9)
    ax.set_xlim(0, 1.15)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set(title="Holders later shot or killed, per post", xlabel="Share of the post's holders", ylabel="")
    return ax


def holders_per_year(per_year: pd.DataFrame, ax=None):
    """Holders of each post per calendar year (`turnover.holders_per_year`) as a heat map (blank: none);
    2 or more means it changed hands."""
    ax = ax or plt.subplots(figsize=(8, max(3.0, 0.36 * len(per_year) + 1.5)))[1]  # with the post names: ~the column
    shown = per_year.astype(str).where(per_year > 0, "")  # zeros left blank
    import seaborn as sns  # imported here: it brings scipy.stats, which only this figure needs

    sns.heatmap(per_year, annot=shown, fmt="", cmap="Reds", cbar=False, linewidths=0.5, linecolor="white",
                ax=ax, annot_kws={"fontsize": SMALL}, vmin=0, vmax=max(3, int(per_year.values.max()) if per_year.size else 3))
    ax.set(title="Holders per post per year", xlabel="Year", ylabel="")
    ax.tick_params(axis="x", labelrotation=90)
    return ax
