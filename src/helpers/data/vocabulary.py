"""The vocabularies of the data, read from `datapackage.json` (their one source of truth): each
enum field's values, the event groups, the methods that kill violently, and the few fixed sets of
event types that the data's own rules and every analysis read alike.
"""
from __future__ import annotations

from ..core.checks import check

#: Event types whose subject dies in them (the rules: one death per person, no act after it).
DEATH_EVENT_TYPES = ("execution", "assassination", "suicide", "death")
#: Event types that may name a person as subject after their death (a posthumous trial, a body found).
POSTHUMOUS_TYPES = ("trial", "discovery")
#: Roles only the living can have in an event: undergoing it, carrying it out, organising it, ordering
#: it, helping (validation refuses them after a person's death; an event they may still have had runs
#: at most to the death: `dataset.cut_to_lives`).
LIVING_ROLES = ("subject", "perpetrator", "organiser", "ordered_by", "accomplice")
#: Background events (the world around the secret police), left out of counts unless asked for by name.
BACKGROUND = ("context",)


def _resource(descriptor: dict, name: str) -> dict:
    resources = {r["name"]: r for r in descriptor["resources"]}
    check("resource", name, choices=list(resources))
    return resources[name]


def _field(descriptor: dict, resource: str, name: str) -> dict:
    fields = {f["name"]: f for f in _resource(descriptor, resource)["schema"]["fields"]}
    check("field_name", name, choices=list(fields))
    return fields[name]


def values(descriptor: dict, resource: str, field_name: str) -> list[str]:
    """The allowed values of an enum field, in the descriptor's order; one sentence
    (ParameterError) for a table or field that has none."""
    fields = _resource(descriptor, resource)["schema"]["fields"]
    enums = {f["name"]: f["constraints"]["enum"] for f in fields if "enum" in f.get("constraints", {})}
    check("field_name", field_name, choices=list(enums))
    return list(enums[field_name])


def event_types(descriptor: dict) -> list[str]:
    """Every event type of the vocabulary (to check a parameter before the data is loaded)."""
    return values(descriptor, "events", "type")


def violent_methods(descriptor: dict) -> tuple[str, ...]:
    """The methods that kill violently: the `violent` property of events.method."""
    return tuple(_field(descriptor, "events", "method")["violent"])


def event_groups(descriptor: dict) -> dict[str, str]:
    """Each event type's group (type -> group, in the vocabulary's order): the `groups` property of
    events.type, at most eight, the colours of every figure."""
    field = _field(descriptor, "events", "type")
    group = {t: g for g, members in field["groups"].items() for t in members}
    return {t: group[t] for t in field["constraints"]["enum"]}


def group_order(descriptor: dict) -> list[str]:
    """The event groups in the order of datapackage.json (the order of their colours)."""
    return list(dict.fromkeys(event_groups(descriptor).values()))
