"""The sentences the leadership-turnover report (notebooks/02-leadership-turnover.ipynb) prints, one
function per section, built from what `helpers.analyses.turnover` and `helpers.analyses.falls`
computed; they compute nothing themselves. Each section's sentence returns Markdown; `longest` and
`quickest` return the phrase (text) that the lengths' and the falls' sentences open with."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from ..analyses.falls import reading_word
from ..analyses.turnover import PACKAGE, days_text, source_word


def _whose(word: str) -> str:
    """'the case file's', 'reference-facts'' (a source's word as a possessive)."""
    word = "the case file" if word == "case file" else word
    return word + ("'" if word.endswith("s") else "'s")


def _holding(tenures: pd.DataFrame) -> str:
    """'Genrikh Yagoda as Secret police head, ...': who held which post, in the order given."""
    return ", ".join(tenures["name"] + " as " + tenures.post_label)


# --- 1. who held each post -----------------------------------------------------------------------

def who_held(tenures: pd.DataFrame, people: dict, window: tuple, undated: pd.DataFrame) -> Markdown:
    """How many tenures, posts and holders the chart shows (`turnover.holders`), how many holders were
    later shot, how to read the chart, and the tenures with no date (`turnover.undated`) it leaves out."""
    posts, holders = len(people["posts"]), len(people["holders"])
    text = (f"*What to see:* {len(tenures)} tenures of {posts} post{'s' * (posts > 1)} held by {holders} people "
            f"between {window[0]:%Y} and {window[1]:%Y}; **{len(people['shot_or_killed'])} of the {holders}** were "
            "later shot or killed. Pale ends are the span a partial date allows; ▶ or ◀ marks a tenure known only by "
            "its start or its end. ")
    if len(undated):
        text += (f"{len(undated)} tenures of these posts carry no date at all and are not drawn: "
                 f"{', '.join(sorted(undated['name'] + ' (' + undated.post_label + ')'))}.")
    return Markdown(text)


# --- 2. lengths ----------------------------------------------------------------------------------

def longest(longest: pd.DataFrame, tenures: pd.DataFrame) -> str:
    """The longest tenure in words (`turnover.longest_tenure`): one holder with his length under each
    source where they differ (his `length` in `tenures`), or the holder under each reading when the
    sources change the ranking. '' when no tenure is bounded on both sides."""
    if longest.empty:
        return ""
    length = tenures.drop_duplicates("position_id").set_index("position_id").length
    if longest.position_id.nunique() == 1:
        r = longest.iloc[0]
        return f"the longest tenure the dates bound on both sides is {r['name']}'s as *{r.post_label}*, {length[r.position_id]}."
    source = tenures.drop_duplicates("position_id").set_index("position_id").source_id
    parts = [f"{r.name}'s as *{r.post_label}* under "
             f"{_whose(source_word(source[r.position_id]) if r.reading == PACKAGE else source_word(r.reading))} dates "
             f"({days_text(r.shortest_days, r.longest_days)})" for r in longest.itertuples()]
    return "the longest tenure the dates bound on both sides is " + ", ".join(parts[:-1]) + " but " + parts[-1] + "."


def lengths(longest_tenure: pd.DataFrame, tenures: pd.DataFrame, notes: dict, coverage: pd.Timestamp) -> Markdown:
    """The longest tenure (`longest`), then the tenures whose length a second source changes, those
    resting on rival dates for a gap, those bounded on one side only, and those still running at the
    end of the data (`turnover.length_notes`)."""
    rival = notes["contested"]
    text = "*What to see:* " + (longest(longest_tenure, tenures) + " " if len(longest_tenure) else "")
    text += (f"{len(notes['differs'])} of the {len(tenures)} tenures last differently under a second source's dates "
             f"({_holding(notes['differs'])})")
    text += (f"; {len(rival)} rest on a gap filled with rival dates ({_holding(rival)}). " if len(rival) else ". ")
    text += (f"{len(notes['one_sided'])} of the {len(tenures)} tenures lack a start or an end, so their "
             f"length is bounded on one side only or not at all. A tenure still running when the case file ends "
             f"({coverage:%Y-%m-%d}) is given as ≥ its shortest length ({len(notes['running'])} here).")
    return Markdown(text)


# --- 3. who replaced whom ------------------------------------------------------------------------

def who_replaced_whom(chain: pd.DataFrame, ends: dict) -> Markdown:
    """How the tenures of `turnover.succession` ended (`turnover.endings`)."""
    return Markdown(
        f"*What to see:* {len(ends['forced'])} of the {len(chain)} tenures ended in an arrest, a demotion, a "
        f"dismissal or the holder's killing; {len(ends['died'])} with the holder's death in office, "
        f"and {len(ends['acting'])} holders were acting.")


# --- 4. from the fall to the bullet --------------------------------------------------------------

def quickest(quickest: pd.DataFrame) -> str:
    """The quickest end in words (`falls.quickest_end`), under each reading: one name when every source
    agrees on who, with the bounds under each where they differ; else the name under each reading.
    '' when no fall runs to a death."""
    if quickest.empty:
        return ""

    def bound(r):
        return (f"at most {r.arrest_to_death_max:,} days" if r.arrest_to_death_min != r.arrest_to_death_max
                else f"{r.arrest_to_death_max:,} days")
    words = [(reading_word(r.reading, r.by), r) for r in quickest.itertuples()]
    if quickest.person_id.nunique() == 1:
        spans = " or ".join(f"{bound(r)} ({w})" for w, r in words) if len(words) > 1 else bound(words[0][1])
        return f"The quickest end: {quickest.name.iloc[0]}, dead {spans} after the arrest."
    parts = [f"{r.name} under {_whose(w)} dates ({bound(r)} from arrest to death)" for w, r in words]
    return "The quickest end: " + ", ".join(parts[:-1]) + " but " + parts[-1] + "."


def from_fall_to_death(outcome: dict) -> Markdown:
    """How many holders fell and died after an arrest, the quickest end (`quickest`), and who took the
    harmless post before leaving the organs (`falls.outcomes`)."""
    early = list(outcome["demoted_first"]["name"])
    text = (f"*What to see:* {len(outcome['fallen'])} holders fell; {len(outcome['dead'])} of them died after an "
            "arrest the data records. ")
    text += quickest(outcome["quickest"]) + " " if len(outcome["quickest"]) else ""
    text += f"{' and '.join(early)} took the harmless post before leaving the organs." if early else ""
    return Markdown(text)


# --- 5. and 6. turnover and the share shot -------------------------------------------------------

def busiest_post(rates: pd.DataFrame) -> Markdown:
    """The busiest post-year of `turnover.turnover` (its first greatest `most_in_a_year`), and how to
    read the table."""
    busiest = rates.loc[rates.most_in_a_year.idxmax()]
    return Markdown(
        f"*What to see:* the busiest post-year is *{busiest.post}* in **{busiest.busiest_year}**, with "
        f"{busiest.most_in_a_year} holders. In the table, *holders_per_year* is the mean number of holders in a "
        "year in which the post had one (1.0 = no change).")


def shot_or_killed(rates: pd.DataFrame, posts: dict, people: dict) -> Markdown:
    """How many posts saw half or more of their holders shot or killed, the posts where all were
    (`turnover.shot_posts`), and the holders counted on an alleged account or with no recorded end
    (`turnover.holders`)."""
    every = list(posts["every"].post)
    alleged, unknown = sorted(people["alleged"]["name"]), sorted(people["no_recorded_end"]["name"])
    text = (f"*What to see:* {len(posts['half_or_more'])} of the {len(rates)} posts saw half or more of their "
            "holders shot or killed" + (f"; every holder of *{'* and of *'.join(every)}* was. " if every else ". "))
    text += f"Resting on an alleged or disputed account only: {', '.join(alleged)}. " if alleged else ""
    text += f"Holders whose end the data does not record count as not shot: {', '.join(unknown)}." if unknown else ""
    return Markdown(text)


# --- 7. purgers purged ---------------------------------------------------------------------------

def purgers_purged(purged: pd.DataFrame, purgers: pd.DataFrame) -> Markdown:
    """How many officials behind how many removals (`falls.purger_purged`) fell in their turn, and who
    (`falls.purgers`)."""
    if not len(purged):
        return Markdown("*What to see:* no removal of an official of the organs in this window involves a holder of "
                        "these posts whose remover, himself an official, fell in his turn.")
    return Markdown(f"*What to see:* {len(purgers)} officials of the organs behind {len(purged)} removals of other "
                    f"officials were removed or arrested in their turn: {', '.join(purgers.purger)}.")


def purge_chains(chains: pd.DataFrame) -> Markdown:
    """How many chains of purges `falls.purge_chains` found, and how to read them."""
    return Markdown(f"{len(chains)} chains of three or more officials, longest first (each link: the act and its "
                    "date; time runs backwards along a chain).")


# --- 8. where the sources disagree ---------------------------------------------------------------

def disagreements(conflicts: pd.DataFrame, counts: dict, differs: pd.DataFrame) -> Markdown:
    """How many dates of how many holders' tenures the sources give differently (`turnover.tenure_conflicts`),
    the most disputed holder (the first of the greatest in `turnover.conflict_counts`' per_holder), the
    rival dates for a gap, and each tenure's length under each source (`turnover.length_notes`' differs)."""
    per_holder, gaps = counts["per_holder"], counts["gaps"]
    text = f"*What to see:* {len(conflicts)} dates of {len(per_holder)} holders' tenures differ between the sources"
    text += f"; the most disputed is {per_holder.idxmax()}'s" if len(conflicts) else ""
    text += (f"; {len(gaps)} of them are rival dates for a gap "
             f"({', '.join(sorted(set(gaps.holder + ' (' + gaps.field + ')')))}). " if len(gaps) else ". ")
    if len(differs):
        text += ("The length of a tenure under each source: "
                 + "; ".join(differs["name"] + " as " + differs.post_label + ", " + differs.length) + ".")
    return Markdown(text)
