"""Figure defaults and one fixed palette per vocabulary, so a colour means the same in every report."""
from __future__ import annotations

import matplotlib as mpl
import seaborn as sns

CERTAINTY = {"stated": "#2b6a99", "alleged": "#e39b28", "disputed": "#b23a48"}
SCOPE = {"domestic": "#5b7d3a", "abroad": "#7a4e9c"}


def palette(values) -> dict[str, str]:
    """A stable colour for each value of a vocabulary (given in the order of datapackage.json)."""
    values = list(values)
    colours = sns.color_palette("tab20", 20).as_hex() + sns.color_palette("tab20b", 20).as_hex()
    return dict(zip(values, colours))


def use() -> None:
    """Project defaults: readable sizes, no top/right spines, dates that fit."""
    sns.set_theme(context="notebook", style="whitegrid")
    mpl.rcParams.update({
        "figure.figsize": (10, 4.5),
        "figure.dpi": 100,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "savefig.bbox": "tight",
    })
