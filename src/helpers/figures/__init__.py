"""Figures: one module per analysis (`figures.cadence.over_time(...)`), the axes several share
(`axes`), the offline base map (`maps`) and the style (`style`: every colour, the figure defaults,
tables as a reader sees them). A figure function takes frames an analysis made and plain values,
never the whole Dataset, computes nothing an analysis should, and returns the axes (or figure) it
drew on, so that notebooks compose them and tests inspect them."""
from . import abroad, axes, cadence, dossier, fates, maps, networks, overview, style, turnover

__all__ = ["abroad", "axes", "cadence", "dossier", "fates", "maps", "networks", "overview", "style", "turnover"]
