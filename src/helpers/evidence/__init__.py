"""The evidence layer: what every analysis needs to reason from the evidence, each in one home.

- `certainty`: the order stated < alleged < disputed, and the weaker or stronger of several;
- `people`: people joined to events by role (`participants`), who acted on whom (`acts`, one graph
  `act_graph`), who killed by the evidence (`killers`), the Soviet side, the organs;
- `windows`: windows of uncertain dates: overlaps, spans as bounds, the one midpoint rule, ages;
- `operations`: counting an operation's mass killing once (`count_once`);
- `tallies`: counts as their source gives them (`figure`), each source's principal figures, totals;
- `sources`: every dated claim, where the sources disagree, and each end's dates under each source
  (`date_readings`);
- `readings`: the whole data under another reading (case file only, stated only, each source's
  dates) and a finding's `sensitivity` to them;
- `coverage`: what each source covers, and the years it is silent on;
- `eras`: who headed the secret police when;
- `fates`: the fate rules; `Dataset`: the data layer's tables plus each person's fate (`fates()`),
  what `load` returns.

It imports only `helpers.data` and `helpers.core`: no drawing, no wording, no file reading of its own.
"""
from . import certainty, coverage, eras, fates, operations, people, readings, sources, tallies, windows
from .certainty import CERTAINTY, certainty_order, rank, strongest, weaker, weakest
from .dataset import Dataset, load
from .operations import MASS_KILLING_TYPES, count_once
from .people import (ACTOR_ROLES, KILLING_TYPES, act_graph, acts, denied_killings_disputed, killers, organs, participants,
                     soviet_actors)
from .sources import dated_claims, date_readings, disagreements
from .tallies import figure, figures_by_source, principal_figures, totals
from .windows import age, age_text, full_years, may_be_below, midpoint, overlaps, span_days

__all__ = [
    "certainty", "coverage", "eras", "fates", "operations", "people", "readings", "sources", "tallies", "windows",
    "CERTAINTY", "certainty_order", "rank", "strongest", "weaker", "weakest", "Dataset", "load",
    "MASS_KILLING_TYPES", "count_once", "ACTOR_ROLES", "KILLING_TYPES", "act_graph", "acts", "denied_killings_disputed",
    "killers", "organs", "participants", "soviet_actors", "dated_claims", "date_readings", "disagreements", "figure", "figures_by_source",
    "principal_figures", "totals", "age", "age_text", "full_years", "may_be_below", "midpoint", "overlaps", "span_days",
]
