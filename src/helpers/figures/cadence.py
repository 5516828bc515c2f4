"""Figures of the cadence analysis (`helpers.analyses.cadence`): each takes frames the analysis made, an
optional `ax`, and returns what it drew on."""
from __future__ import annotations
