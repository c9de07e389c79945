"""The plan's routines for the page: what the player plays, from the engine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from unknot.engine import routine

register = template.Library()


@register.filter
def todays_routine(plan: Mapping[str, Any]) -> dict[str, Any]:
    return routine.todays_routine(dict(plan))


@register.filter
def phase_routine(plan: Mapping[str, Any], number: int) -> dict[str, Any]:
    """The routine of one phase of the strengthening programme."""
    for found in routine.strength_routines(dict(plan)):
        if found["number"] == number:
            return found
    return {}


@register.filter
def short_dose(item: Mapping[str, Any]) -> str:
    return routine.short_dose(dict(item))
