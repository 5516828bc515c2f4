"""The sentences and tables the overview report prints, built from what `helpers.analyses.overview`
computed; they compute nothing themselves."""
from __future__ import annotations
