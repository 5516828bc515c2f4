"""The sentences and tables the dossier report prints, built from what `helpers.analyses.dossier`
computed; they compute nothing themselves."""
from __future__ import annotations
