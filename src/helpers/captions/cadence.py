"""The sentences and tables the cadence report prints, built from what `helpers.analyses.cadence`
computed; they compute nothing themselves."""
from __future__ import annotations
