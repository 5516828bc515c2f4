"""Figure defaults and one fixed palette per vocabulary, so a colour means the same in every report."""
from __future__ import annotations

import html

import matplotlib as mpl
import pandas as pd
from cycler import cycler

from ..data.vocabulary import event_groups
from ..evidence.fates import FATES
from . import labels

#: seaborn's "whitegrid" style at the "notebook" context, written out: set_theme would import seaborn
#: and through it scipy.stats, half a second in every kernel that only wants the look.
THEME = {
    "axes.axisbelow": True, "axes.edgecolor": ".8", "axes.grid": True, "axes.labelcolor": ".15",
    "axes.labelsize": 12.0, "axes.linewidth": 1.25, "axes.titlesize": 12.0, "font.size": 12.0,
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans", "sans-serif"],
    "grid.color": ".8", "grid.linewidth": 1.0, "legend.fontsize": 11.0, "legend.title_fontsize": 12.0,
    "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True, "text.color": ".15",
    "xtick.bottom": False, "xtick.color": ".15", "xtick.labelsize": 11.0, "xtick.major.size": 6.0,
    "xtick.major.width": 1.25, "xtick.minor.size": 4.0, "xtick.minor.width": 1.0,
    "ytick.left": False, "ytick.color": ".15", "ytick.labelsize": 11.0, "ytick.major.size": 6.0,
    "ytick.major.width": 1.25, "ytick.minor.size": 4.0, "ytick.minor.width": 1.0,
    "axes.prop_cycle": cycler(color=["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860",
                                     "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"]),  # seaborn's "deep"
}

#: Okabe and Ito's eight colours, which readers with any common colour-vision deficiency tell apart
#: (yellow swapped for a light grey, which reads better on white). The event groups take them in
#: the order datapackage.json lists the groups.
OKABE_ITO = ("#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7", "#000000", "#009E73", "#BBBBBB")

#: Each fate's colour, the same in every report (dataset.FATES, in its order). Related fates share a
#: hue family and differ in lightness, so that the families stay apart for readers with a common
#: colour-vision deficiency (Okabe-Ito hues and their darker and lighter shades): killings in reds
#: (executed darkest), deaths in custody and by one's own hand in reddish purples, other deaths in
#: blues, sentence and prison in oranges, the disappeared near black, survivors bluish green, and
#: `unknown` (no recorded end) a neutral grey.
FATE = {
    "executed": "#7F1D0E", "assassinated": "#D55E00", "killed": "#F4A582",
    "suicide": "#CC79A7", "died_in_custody": "#882255",
    "natural_death": "#0072B2", "accident": "#9BC4E2", "contested": "#8E6C8A", "died": "#56B4E9",
    "sentenced_to_death": "#E69F00", "imprisoned": "#F5D28A",
    "disappeared": "#333333", "survived": "#009E73", "unknown": "#BBBBBB",
}
assert tuple(FATE) == FATES, "style.FATE must list every fate of dataset.FATES in its order"

#: The smallest type size of any label, tick or annotation (points): readable at 100% zoom.
SMALL = 9
#: Resolution of saved and inline figures: 'retina' inline PNGs are drawn at twice this and shown at
#: this size, so that a figure is crisp on a high-density screen and no larger in a report.
DPI = 100
#: The width a report's figure is shown at (the output column at a 1,400 px screen, 784 px), in
#: inches at DPI: a figure drawn wider is shrunk, and its SMALL type with it.
COLUMN_PX = 784
COLUMN_INCHES = COLUMN_PX / DPI


def shown_scale(fig) -> float:
    """How much a report shrinks `fig` (its tight box, as saved) to fit the column: 1 when it fits."""
    fig.canvas.draw()
    width = fig.get_tightbbox(fig.canvas.get_renderer()).width * DPI
    return min(1.0, COLUMN_PX / width)


#: How a stretch of years the source does not cover is drawn and named (`coverage.source_gaps`).
GAP_COLOUR, GAP_LABEL = "#E8E8E8", "gap in the source"

CERTAINTY = {"stated": "#2b6a99", "alleged": "#e39b28", "disputed": "#b23a48"}
#: The mass killings dated only to a span: their hatched bands and their labels.
MASS_COLOUR, MASS_TEXT = "#b23a48", "#7a1f2b"
#: Greys for edges, marks and secondary text, darkest first: outlines and marker edges (INK), notes
#: beside a chart (INK_SOFT), undated or neutral bars (NEUTRAL), reference lines and marks (LINE),
#: a censored mark (CENSORED), pale spans (PALE), the whole cohort behind the others (FAINT).
INK, INK_SOFT, NEUTRAL, CENSORED, LINE, PALE, FAINT = "#333333", "#444444", "#555555", "#606060", "#666666", "#999999", "#b0b0b0"
#: A refused value's sentence (the explorer's form).
ERROR = "#b23a48"
#: A quiet spell between killings (report 01).
QUIET = "#f2e2c4"
#: The national series beside the case file's arrests and killings (report 01).
NATIONAL = {"convicted": "#2b6a99", "sentenced_to_death": "#b23a48", "arrests": "#7fb2d9", "killings": "#e0868f"}
#: A median or other reference line drawn over data (report 01).
REFERENCE = "#2b6a99"
#: The steps of a fall, after leaving the post (report 02).
FALL_STEPS = {"demoted": "#7a4e9c", "arrested": "#e39b28", "tried": "#2b6a99", "died": "#b23a48"}
#: Holders of a post later shot or killed (report 02).
SHOT = "#b23a48"
#: The who-killed-whom graph (report 03): perpetrators later victims, the apparatus, the others, an
#: arrow, and the longest chain of killers killed.
KILL_GRAPH = {"turned": "#c0392b", "apparatus": "#2b6a99", "other": "#7f7f7f", "arrow": "#a0a0a0", "chain": "#8b1e2d"}
#: The network's edge groups (report 05): how the organs ran people, family and friends, betrayal and
#: rivalry, acts.
TIE_GROUPS = {"handling": "#2b6a99", "family and friends": "#5b7d3a", "betrayal and rivalry": "#e39b28",
              "act": "#b23a48"}
#: A plain bar of counts (one series, no groups).
BAR = OKABE_ITO[0]
#: The base map: land, sea and lakes, borders, coastlines.
MAP = {"land": "#e3e3e3", "sea": "#ffffff", "border": "#8a8a8a", "coast": "#b5b5b5"}
SCOPE = {"domestic": "#5b7d3a", "abroad": "#7a4e9c"}


def palette(values) -> dict[str, str]:
    """A stable colour for each value of a vocabulary (given in the order of datapackage.json)."""
    values = list(values)
    colours = [mpl.colors.to_hex(c) for name in ("tab20", "tab20b") for c in mpl.colormaps[name].colors]
    return dict(zip(values, colours))


def group_colours(descriptor: dict) -> dict[str, str]:
    """The colour of each event group (group -> colour), in the order of datapackage.json's groups."""
    groups = list(dict.fromkeys(event_groups(descriptor).values()))
    return dict(zip(groups, OKABE_ITO))


def event_colours(descriptor: dict) -> dict[str, str]:
    """The colour of each event type: its group's, so that at most eight colours ever stand for events."""
    colours = group_colours(descriptor)
    return {t: colours[g] for t, g in event_groups(descriptor).items()}


#: The words tables show for the ids of the data package loaded last (`use(ds)`; `labels.words`).
WORDS: dict[str, str] = {}


def use(ds=None) -> None:
    """Project defaults: readable sizes (nothing under SMALL points), no top/right spines, dates that
    fit, and crisp inline figures: in a notebook, PNGs drawn at twice the resolution ('retina') and
    tagged with their size, so that HTML reports show them at their normal width. Given a dataset,
    tables name its ids in words from then on (`labels.words`)."""
    if ds is not None:
        WORDS.clear()
        WORDS.update(labels.words(ds))
    mpl.rcParams.update(THEME)
    mpl.rcParams.update({
        "figure.figsize": (10, 4.5),
        "figure.dpi": DPI,
        "savefig.dpi": 2 * DPI,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "savefig.bbox": "tight",
        "legend.fontsize": 10.0,
        "legend.title_fontsize": 10.5,
        "xtick.labelsize": 10.5,
        "ytick.labelsize": 10.5,
    })
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every notebook kernel
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("retina")


def at_least(size: float) -> float:
    """A font size raised to SMALL points when smaller (for labels sized from the data)."""
    return max(float(size), SMALL)


def label_end(ax, x, y, text: str, colour: str, dx: float = 4) -> None:
    """Write `text` just right of the point (x, y), in `colour`: a direct label at a line's end."""
    ax.annotate(text, (x, y), xytext=(dx, 0), textcoords="offset points", va="center", ha="left",
                fontsize=SMALL + 0.5, color=colour, annotation_clip=False)


def _places(values: pd.Series, most: int = 2) -> int:
    """The fewest decimal places (1 to `most`) that show every value of `values` as it was rounded."""
    kept = values.dropna()
    return next((p for p in range(1, most) if ((kept.round(p) - kept).abs() < 1e-9).all()), most)


class Table:
    """A table as a reader should see it: named, without pandas' index column (a named index becomes
    the first column), dates as '4 Sep 1937' without a time of day, blanks where a value is missing,
    and a reader's words for ids, code words, headers, truth values and EDTF dates (`labels.frame`,
    with `words` or else `WORDS`). Shown as HTML in notebooks and reports, as aligned text elsewhere;
    `frame` keeps the data.

    Every cell and the name are escaped, so text from the data never becomes markup; `markup` names
    the columns that hold HTML the project built itself, with the data inside already escaped (the
    source links of `dossier.with_sources`)."""

    def __init__(self, frame: pd.DataFrame, name: str = "", markup=(), words: dict | None = None):
        named = [n for n in frame.index.names if n is not None]
        self.frame = (frame.reset_index() if named else frame.reset_index(drop=True))
        self.name = name
        self.markup = [c for c in markup if c in self.frame.columns]
        self.words = WORDS if words is None else words

    def _shown(self) -> pd.DataFrame:
        out = self.frame.copy()
        for col in out.columns:
            values = out[col]
            if pd.api.types.is_datetime64_any_dtype(values):
                out[col] = values.dt.strftime("%-d %b %Y")
            elif pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
                out[col] = values.astype("Int64")  # whole numbers that a blank made floats
            elif pd.api.types.is_float_dtype(values):
                places = _places(values)  # a rate rounded to 0.1 is shown as 4.5, not 4.50
                out[col] = values.map(lambda v: f"{v:,.{places}f}" if pd.notna(v) else v)
        kept = out[self.markup]
        out = labels.frame(out.drop(columns=self.markup), self.words)
        for col in self.markup:  # the project's own markup keeps its place and is not reworded
            out.insert(list(self.frame.columns).index(col), labels.header(col), kept[col])
        return out.astype(object).where(out.notna(), "")

    def _repr_html_(self) -> str:
        # A fixed uuid keeps the HTML byte for byte the same from run to run (nbval compares it).
        styler = self._shown().style.format(precision=2, escape="html")
        if self.markup:
            styler = styler.format(precision=2, subset=[labels.header(c) for c in self.markup])
        styler = styler.hide(axis="index").set_table_attributes('class="dataframe"')
        styler.set_uuid("t")
        if self.name:
            styler = styler.set_caption(html.escape(self.name))
        return styler.to_html()

    def __repr__(self) -> str:
        text = ("\n".join(line.rstrip() for line in self._shown().to_string(index=False).splitlines())
                if len(self.frame) else "(no rows)")
        return f"{self.name}\n{text}" if self.name else text


def table(frame: pd.DataFrame, name: str = "", markup=(), words: dict | None = None) -> Table:
    """`frame` to show: see `Table`."""
    return Table(frame, name, markup, words)


#: The interactive network's SVG (report 05): a person's dot, the dot pointed at, the halo behind a
#: name (short hex as the page has always carried them, so its bytes stay the same).
NETWORK_SVG = {"person": "#4d4d4d", "pointed": "#000", "halo": "#fff"}
