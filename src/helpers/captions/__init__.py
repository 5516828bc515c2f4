"""Captions: the sentences and tables each report prints, one module per report, built from what the
analyses computed; they compute nothing themselves."""
