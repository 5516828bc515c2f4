"""The sentences and tables the networks report prints, built from what `helpers.analyses.networks`
computed; they compute nothing themselves."""
from __future__ import annotations
