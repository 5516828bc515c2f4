"""Captions: the sentences (and reader-facing tables) each report prints, one module per report
(`captions.cadence.over_time(...)`), built from what the analyses computed; they compute nothing
themselves. Each returns Markdown to display."""
from . import abroad, cadence, dossier, fates, networks, overview, start_here, turnover

__all__ = ["abroad", "cadence", "dossier", "fates", "networks", "overview", "start_here", "turnover"]
