"""The sentences and tables the fates report prints, built from what `helpers.analyses.fates`
computed; they compute nothing themselves."""
from __future__ import annotations
