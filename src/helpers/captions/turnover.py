"""The sentences and tables the turnover report prints, built from what `helpers.analyses.turnover`
computed; they compute nothing themselves."""
from __future__ import annotations
