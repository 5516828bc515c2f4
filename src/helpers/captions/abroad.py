"""The sentences and tables the abroad report prints, built from what `helpers.analyses.abroad`
computed; they compute nothing themselves."""
from __future__ import annotations
