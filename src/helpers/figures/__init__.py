"""Figures: one module per analysis, the axes several share (`axes`), the base map (`maps`) and the
style (`style`: every colour, the figure defaults, tables as a reader sees them)."""
