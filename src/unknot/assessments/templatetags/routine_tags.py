"""The plan's routines for the page: what the player plays, from the engine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from unknot.core.moves import picture_url
from unknot.engine import routine
from unknot.engine.figures import has_poses, move_alt

register = template.Library()


def _pictured(found: dict[str, Any]) -> dict[str, Any]:
    """The routine with each item's picture address and its words for the player."""
    items = [{**item, "picture": picture_url(item["id"]), "alt": move_alt(item["id"])}
             if has_poses(item["id"]) else item for item in found.get("items", ())]
    return {**found, "items": items}


@register.filter
def todays_routine(plan: Mapping[str, Any]) -> dict[str, Any]:
    return _pictured(routine.todays_routine(dict(plan)))


@register.filter
def phase_routine(plan: Mapping[str, Any], number: int) -> dict[str, Any]:
    """The routine of one phase of the strengthening programme."""
    for found in routine.strength_routines(dict(plan)):
        if found["number"] == number:
            return _pictured(found)
    return {}


@register.filter
def short_dose(item: Mapping[str, Any]) -> str:
    return routine.short_dose(dict(item))
