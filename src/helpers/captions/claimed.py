"""Sentences built from claims: a caption shows as Markdown in JupyterLab, with its numbers written
plainly, and carries its claims (`helpers.evidence.claims.Claim`) for the site, which makes each
number a card with the rows behind it, and for `claims.json`.

    Caption("{n} killings {scope}; the busiest year is **{year}**.", page="01-purge-cadence",
            n=claim, year=claim_of_the_year, scope=claims.scope(claim.sources))

Fields of the template are filled with `str.format`: a Claim shows its `text` and is recorded under
the field's name; any other value is text from the data or our own words, escaped for Markdown.
"""
from __future__ import annotations

import re
import string

from ..evidence.claims import Claim, Scope

#: The output type that carries a caption's claims beside its Markdown.
MIME = "application/vnd.blackwork.claims+json"
#: Markers around a claim's text in the template the site renders: START name TEXT text END.
START, TEXT, END = "\ue000", "\ue001", "\ue002"
_MARKDOWN = re.compile(r"([\\`*_\[\]{}<>#|!~])")


def escape(text) -> str:
    """Text from the data shown as written in Markdown: its markup characters escaped, no line breaks."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


class Raw(str):
    """Markdown the caption module wrote itself (emphasis, a list): not escaped."""


class Caption:
    """Markdown with claims. `text` is what a reader sees; `claims` the claims by field name."""

    def __init__(self, template: str, page: str = "", **fields):
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        missing = names - set(fields)
        if missing:
            raise KeyError(f"the caption's template names {sorted(missing)[0]!r} but is not given it")
        self.template, self.page = template, page
        self.claims: dict[str, Claim] = {}
        plain, marked = {}, {}
        scopes = {id(v.claim): v for v in fields.values() if isinstance(v, Scope) and v.claim is not None}
        for name, value in fields.items():
            if isinstance(value, Claim) and id(value) in scopes:
                value = value.scoped(str(scopes[id(value)]))
            if isinstance(value, Claim):
                claim = value.named(value.name or name, page or value.page)
                self.claims[name] = claim
                plain[name] = claim.text
                marked[name] = f"{START}{claim.name}{TEXT}{claim.text}{END}"
            else:
                plain[name] = marked[name] = value if isinstance(value, Raw) else escape(value)
        self.text = template.format(**plain)
        self.marked = template.format(**marked)

    def _repr_markdown_(self) -> str:
        return self.text

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/markdown": self.text}
        if self.claims:
            bundle[MIME] = {"markdown": self.marked, "claims": [c.as_dict() for c in self.claims.values()]}
        return bundle

    def __repr__(self) -> str:
        return self.text

    def __add__(self, other: Caption) -> Caption:
        """Two captions as one paragraph, their claims together."""
        joined = Caption.__new__(Caption)
        joined.template, joined.page = self.template + other.template, self.page or other.page
        joined.claims = {**self.claims, **other.claims}
        joined.text, joined.marked = self.text + other.text, self.marked + other.marked
        return joined
