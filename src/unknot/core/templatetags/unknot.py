from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField

from unknot.engine.labels import AREA_LABELS, LEVEL_LABELS, SYMPTOM_GROUPS

register = template.Library()


@register.filter
def area_label(code: str) -> str:
    return AREA_LABELS.get(code, code)


@register.filter
def level_label(code: str) -> str:
    return LEVEL_LABELS.get(code, code)


@register.filter
def area_list(codes: list[str]) -> str:
    return ", ".join(AREA_LABELS.get(c, c) for c in codes)


@register.filter
def without_placeholder(field: BoundField) -> BoundField:
    """The field without its placeholder: a label above it says the same, and says it better."""
    field.field.widget.attrs.pop("placeholder", None)
    return field


@register.filter
def symptom_groups(field: BoundField) -> list[tuple[str, list[Any]]]:
    """A symptoms field's checkboxes in the groups a person reads them in."""
    by_code = {option.data["value"]: option for option in field}
    return [
        (name, [by_code[code] for code, _ in items if code in by_code])
        for name, items in SYMPTOM_GROUPS
    ]
