"""The sentences the fates report (`notebooks/03-fates-of-officials.ipynb`) prints, one function per
cell, built from the claims `helpers.analyses.fates_claims` made of what `helpers.analyses.fates` and
`helpers.analyses.survival` computed; they compute nothing themselves. Each returns a Caption: every
number in it is a claim, with the rows it rests on."""
from __future__ import annotations

import pandas as pd

from ..analyses.fates import COHORTS, DENIED, SHIFTED
from ..core.checks import check
from ..core.names import in_prose
from ..evidence import claims
from ..evidence.claims import Claim
from ..analyses.fates_claims import bar_field
from ..figures import labels
from .claimed import Caption, Raw, escape

PAGE = "03-fates-of-officials"

#: What the columns of `fate_counts` by a cohort are (`cohort_note`).
COHORT_NOTES = {
    "era": "the era (head of the secret police) in which each official entered the organs, placed by the "
           "midpoint of the dates of the earliest evidence of service (the start of a post, the day a source shows "
           "them in a post whose start it does not give, an appointment or an act for the organs); 'entry "
           "undated': officials none of whose evidence of service is dated; 'no service shown': everyone else, the "
           "targets and the members of the apparatus whom no post, appointment or act places in the organs",
    "level": "the highest tier of post each official reached in the organs (leadership: the head and his "
             "deputies; department: heads and deputy heads of departments, directors, commanders; regional: "
             "heads and deputy heads of regional branches; agents and officers: the rest); 'no service "
             "shown': everyone else",
}


_names = in_prose  # 'A', 'A and B', 'A, B and C'


def _listed(claim: Claim, names) -> Raw:
    """' (A, B and C)' after a count (the names escaped), '' when it names nobody."""
    return Raw(f" ({escape(_names(names))})" if claim.value and len(names) else "")


def readings(finding: Claim, what: str) -> Caption:
    """Whether another reading of the data changes the finding (`readings.sensitivity`), in words."""
    if not finding.readings:
        return Caption("")
    changed = [reading for reading, _, moved in finding.readings if moved]
    if not changed:
        return Caption(f" No other reading of the data changes {what} (the table below).", page=PAGE)
    return Caption(f" Other readings change {what}: {{changed}} (the table below).", page=PAGE,
                   changed=_names(changed))


def what_became(c: dict, finding: Claim) -> Caption:
    """Section 1: the people, their commonest end, and the deaths at the hands of the state as an
    interval over `by_state` (`fates_claims.by_state_finding`, with its readings), with the disputed
    ones named; the deaths at other hands, the contested, those with no manner, the unknown
    (`fates_claims.what_became`)."""
    head = Caption("*What to see:* {people} people, {apparatus} of the apparatus and {targets} targets outside it. ",
                   page=PAGE, people=c["people"], apparatus=c["apparatus"], targets=c["targets"])
    if "commonest" in c:
        head = head + Caption("The commonest recorded end is **{commonest}** ({commonest_people}). ", page=PAGE,
                              commonest=c["commonest"], commonest_people=c["commonest_people"])
    state = Caption(
        "Of the {deaths} deaths, **{by_state} came at the hands of the state**: {executed} executed and {custody} "
        "dead in the custody of a Soviet organisation, which counts whatever the cause{custody_names}, {killed} "
        "killed by a Soviet doer a source names plainly, and {disputed} more whose Soviet hand rests only on alleged "
        "or disputed evidence{disputed_names}.",
        page=PAGE, deaths=c["deaths"], by_state=finding, executed=c["executed"], custody=c["custody"],
        custody_names=_listed(c["custody"], c["custody_names"]), killed=c["killed"], disputed=c["disputed"],
        disputed_names=_listed(c["disputed"], c["disputed_names"]))
    if "later" in c and c["later"].value:
        end = c["account_ends"]
        state = state + Caption(
            f" {{later}} of them came after the case file's account ends ({end.day} {end:%B %Y}), {{where}}"
            "{later_names}.", page=PAGE, later=c["later"], where=claims.scope(c["later"]),
            later_names=_listed(c["later"], c["later_names"]))
    rest = Caption(
        " Killed or executed with no Soviet hand the sources state: {others}{others_names}. Contested, the sources giving rival manners: "
        "{contested}{contested_names}; no manner coded (`died`: no event or account in the data gives one; a cause "
        "a source mentions only in passing, kept in a note, is not coded): {no_manner}. For {unknown} the data "
        "records no end.",
        page=PAGE, others=c["others"], others_names=_listed(c["others"], c["others_names"]), contested=c["contested"],
        contested_names=_listed(c["contested"], c["contested_names"]), no_manner=c["no_manner"], unknown=c["unknown"])
    if "no_hand" in c and c["no_hand"].value:
        rest = rest + Caption(" Not counted as the state's: deaths an account tells as a killing (only alleged or "
                              "disputed) with no doer the data holds, person or organisation (an account may name one "
                              "the data does not hold, and its note says why): {no_hand}{no_hand_names}.", page=PAGE,
                              no_hand=c["no_hand"], no_hand_names=_listed(c["no_hand"], c["no_hand_names"]))
    return head + state + readings(finding, "this count") + rest


def disputed_ends(rival: pd.DataFrame, n: Claim) -> Caption:
    """Whose end another source dates otherwise (`fates.disputed_ends`; `fates_claims.rival_ends`)."""
    used = Caption("Every date here is the package's: the case file's where it gives one, else the reference's. ",
                   page=PAGE)
    if not len(rival):
        return used + Caption("No other source dates any of these ends otherwise.", page=PAGE)
    return used + Caption("Another source dates {rival_ends} of these ends otherwise; the rival dates are not used:",
                          page=PAGE, rival_ends=n)


def cohort_note(by: str, spanning: Claim) -> Caption:
    """What the columns of `fates.fate_counts(..., by)` are; for eras, with the officials whose entry
    bounds span more than one era (`fates_claims.spanning`: their era rests on the midpoint)."""
    check("by", by, choices=COHORTS)
    note = Caption(f"Columns are {COHORT_NOTES[by]}.", page=PAGE)
    if by == "era":
        note = note + Caption(" {spanning} officials' entry dates span more than one era, so their era rests on the "
                              "midpoint.", page=PAGE, spanning=spanning)
    return note


def by_cohort(by: str, spanning: Claim) -> Caption:
    """Section 1, by era or level: what the columns are (`cohort_note`)."""
    return Caption(f"*What to see:* the same fates, in the same colours, by {by}. ", page=PAGE) + cohort_note(by, spanning)


def _bars(c: dict, medians: pd.DataFrame) -> Caption:
    """The cohorts drawn as bars, each with its people and why (`survival.no_curve`)."""
    bars = medians[~medians.curve]
    if not len(bars):
        return Caption("Every cohort is large enough for a curve. ", page=PAGE)
    out = Caption("Drawn as bars rather than curves: ", page=PAGE)
    for i, (name, row) in enumerate(bars.iterrows()):
        field = bar_field(name)
        why = "; ".join("fewer people than `MIN_CURVE`" if w.startswith("fewer") else w for w in row.no_curve.split("; "))
        out = out + Caption(("; " if i else "") + f"**{{cohort}}** ({{{field}}} people: {why})", page=PAGE,
                            cohort=name, **{field: c[field]})
    return out + Caption(". ", page=PAGE)


def _least(c: dict) -> Caption:
    """The cohort with a curve that lasted least, and its medians (`fates_claims.survival_claims`)."""
    if "least" not in c:
        return Caption("No cohort with a curve falls to one half. ", page=PAGE)
    out = Caption("Of the cohorts with a curve, **{least}** lasted least", page=PAGE, least=c["least"])
    if "least_years" in c:
        out = out + Caption(": half of it by {least_years} years", page=PAGE, least_years=c["least_years"])
    bounds = [Caption(f"{words}: {{{name}}}", page=PAGE, **{name: c[name]})
              for name, words in (("least_shortest", "for the shortest durations the date bounds allow"),
                                  ("least_longest", "for the longest")) if name in c]
    if bounds:
        out = out + Caption(" (", page=PAGE) + (bounds[0] + Caption("; ", page=PAGE) + bounds[1] if len(bounds) == 2
                                                 else bounds[0]) + Caption(")", page=PAGE)
    return out + Caption(", counting from each official's earliest evidence of service, so that one first seen late "
                         "counts as a late entrant. ", page=PAGE)


def survival(c: dict, medians: pd.DataFrame, end: pd.Timestamp, event: str) -> Caption:
    """Section 2: the rule of entry, who is in the survival table and who is left out (named), the
    cohorts drawn as bars and the one that lasted least (`fates_claims.survival_claims` over
    `survival.km_medians`), up to `end` (the end of the coverage)."""
    head = Caption(
        f"*What to see:* {{officials}} officials with a dated entry; {{observed}} {event}s fall before the data's "
        f"coverage ends on {end.day} {end:%B %Y}, the other {{censored}} are censored there (or earlier: at a death, "
        "or at the last record of one the sources lose, sentenced or held). "
        "**Entry is the earliest evidence of service**: the start of a post in the organs; where a source gives no "
        "start, the day it shows the person in the post ({attested} officials enter so{attested_names}); an "
        "appointment; or an act for the organs. ", page=PAGE, officials=c["officials"], observed=c["observed"],
        censored=c["censored"], attested=c["attested"], attested_names=_listed(c["attested"], c["attested_names"]))
    left = Caption("**{left_out} members of the apparatus have no dated evidence of service and are left out**",
                   page=PAGE, left_out=c["left_out"])
    kinds = ((c["undated"], " whose posts in the organs carry no date", c["undated_names"]),
             (c["no_evidence"], " with no post, appointment or act in the organs at all", c["no_evidence_names"]))
    for i, (n, words, names) in enumerate([k for k in kinds if k[0].value]):  # a kind nobody is in goes unsaid
        left = left + Caption((", " if i else ": ") + "{n}" + words + "{names}", page=PAGE, n=n, names=_listed(n, names))
    left = left + Caption(". ", page=PAGE)
    return head + left + _bars(c, medians) + _least(c) + Caption(
        "A level cohort is the tier of the first dated post; `inf`: the curve never fell to one half.", page=PAGE)


def ages(c: dict) -> Caption:
    """Section 2, ages: how many have a birth date, and the median ages at entry and at death
    (`fates_claims.age_claims`)."""
    out = Caption("*What to see:* {with_birth} of the {members} members of the apparatus have a birth date in the "
                  "data.", page=PAGE, with_birth=c["with_birth"], members=c["members"])
    if "entry_median" in c:
        out = out + Caption(" Half are first shown in the organs by the age of **{entry_median}** (of {entry_n}: an "
                            "upper estimate of their age at entry, as the sources show many only late);",
                            page=PAGE, entry_median=c["entry_median"], entry_n=c["entry_n"])
    if "death_median" in c:
        rivals = [d for _, d in c.get("youngest_rival_births", [])]
        who = (f"{c['youngest_name']}, born {labels.date(c['youngest_born'])} by the data's date"
               + (f"; another source gives {' or '.join(labels.date(d) for d in rivals)}" if rivals else "")
               if "youngest_name" in c else "")
        out = out + Caption(" of those who died, half were dead by **{death_median}** (of {death_n}), the youngest "
                            "at {youngest}" + (" ({who})" if who else "") + ".", page=PAGE,
                            death_median=c["death_median"], death_n=c["death_n"], youngest=c["youngest"],
                            **({"who": who} if who else {}))
        if "rival_births" in c and c["rival_births"].value:
            out = out + Caption(" Another source dates the birth of {rival_births} of them otherwise; the data's date "
                                "is used.", page=PAGE, rival_births=c["rival_births"])
    return out


def cover_stories(c: dict, finding: Claim) -> Caption:
    """Section 3: how many deaths came with an official account (accounts.kind official: the story the
    authorities gave, as a source reports it, not a label the package invents), how many of these
    covered the state's hand (`fates_claims.cover_finding`, an interval over `by_state`, with its
    readings), and what the others did (`fates_claims.cover_claims`), each kind named."""
    head = Caption(
        "*What to see:* {covers} of the {cover_deaths} deaths in the group came with an official account (the "
        f"story the Soviet or another state's authorities gave out, as a source reports it); **{{covered}} of them covered the state's hand**: the account *{DENIED}* that a source states "
        f"plainly in {{denied}}{{denied_names}}{{doubted}} and *{SHIFTED}*, owning the killing but naming none of the Soviet doers, in "
        "{shifted}{shifted_names}{shifted_where}", page=PAGE, covers=c["covers"],
        shifted_where=(f", the Soviet doers named {claims.scope(c['shifted'])} alone"
                       if c["shifted"].value and len(c["shifted"].sources) == 1 else ""),
        cover_deaths=c["cover_deaths"], covered=finding, denied=c["denied"],
        denied_names=_listed(c["denied"], c["denied_names"]), shifted=c["shifted"],
        doubted=Raw(f", though another account doubts the killing of {escape(_names(c['denied_doubted_names']))} "
                    "(last column)," if c.get("denied_doubted_names") else ""),
        shifted_names=_listed(c["shifted"], c["shifted_names"]))
    hedged = [n for n in c["cover_disputed_names"] if n not in c.get("denied_doubted_names", [])]  # said once
    if hedged:
        head = head + Caption("; the state's hand is only alleged or disputed for {cover_disputed}", page=PAGE,
                              cover_disputed=_names(hedged))
    rest = Caption(
        ". The official account is one version of a contested end in {cover_contested}{contested_names}, and contradicts "
        "nothing the data holds in {plain}{plain_names}{shaky}. The sources state {stated} of these deaths plainly; for "
        "{with_rivals} the data also holds rival accounts (last column).", page=PAGE, cover_contested=c["contested"],
        contested_names=_listed(c["contested"], c["contested_names"]), plain=c["plain"],
        plain_names=_listed(c["plain"], c["plain_names"]), stated=c["stated"], with_rivals=c["with_rivals"],
        shaky=Raw(f"; the official account itself is only alleged for {escape(_names(c['official_doubted_names']))}"
                  if c.get("official_doubted_names") else ""))
    return head + rest + readings(finding, "this count")


def kill_graph(c: dict) -> Caption:
    """Section 4: the graph's size, who struck and was struck later, and the people along the longest
    chain (`fates_claims.graph_claims`)."""
    on_doubt = c.get("chain_doubtful") or []
    return Caption(
        "*What to see:* {graph_people} people joined by {arrows} arrows. Of the group, {turned} people struck first "
        "and were struck later (red; listed below){doubtful}.{elsewhere} The longest chain of killers killed (each "
        "struck by the one "
        "before after striking the next) runs through {chain} people: {chain_names}{chain_doubt}.", page=PAGE,
        graph_people=c["graph_people"], arrows=c["arrows"], turned=c["turned"], chain=c["chain"],
        doubtful=Raw(f": for {escape(_names(c['turned_doubtful']))} the act or the later blow is only alleged, or "
                     "stated but disputed by another account" if c.get("turned_doubtful") else ""),
        elsewhere=Raw("".join(f" {escape(n)} was struck later by no Soviet hand ({escape(t)}"
                              f"{', ' + escape(w) if w else ''})." for n, t, w in c.get("turned_elsewhere") or [])),
        chain_names=" → ".join(c["chain_names"]),
        chain_doubt=(f"; the link{'s' if len(on_doubt) > 1 else ''} {in_prose(on_doubt)} "
                     f"rest{'' if len(on_doubt) > 1 else 's'} on a killing only alleged, or stated but disputed by another "
                     "account" if on_doubt else ""))


def how_they_died(c: dict) -> Caption:
    """Section 5: the violent deaths, the contested ones among them, their commonest method, and those
    abroad (`fates_claims.method_claims`)."""
    out = Caption("*What to see:* {violent} violent deaths, {contested_violent} of them contested ends counted by "
                  "their method whoever's the hand{contested_violent_names}", page=PAGE, violent=c["violent"],
                  contested_violent=c["contested"],
                  contested_violent_names=_listed(c["contested"], c["contested_names"]))
    if c["custody"].value:  # a death in custody is among the violent by the fate rules, whatever its cause
        out = out + Caption(" and {custody} of them deaths in the custody of a Soviet organisation, counted whatever their "
                            "cause{custody_names}", page=PAGE, custody=c["custody"],
                            custody_names=_listed(c["custody"], c["custody_names"]))
    if "commonest_method" in c:
        out = out + Caption("; **{commonest_method}** accounts for {commonest_method_deaths} of them", page=PAGE,
                            commonest_method=c["commonest_method"], commonest_method_deaths=c["commonest_method_deaths"])
    return out + Caption(
        ", {from_account} methods come from an account rather than the event, and {not_given} deaths have no violent "
        "method given. {abroad} happened abroad{abroad_methods}; {in_kidnapping} came during a kidnapping.", page=PAGE,
        from_account=c["from_account"], not_given=c["not_given"], abroad=c["abroad"],
        abroad_methods=f", by {', '.join(c['abroad_methods'])}" if c["abroad"].value else "",
        in_kidnapping=c["in_kidnapping"])
