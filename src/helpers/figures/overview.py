"""Figures of the overview analysis (`helpers.analyses.overview`): each takes frames the analysis made, an
optional `ax`, and returns what it drew on."""
from __future__ import annotations
