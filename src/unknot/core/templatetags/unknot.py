from __future__ import annotations

from django import template

from unknot.engine.labels import AREA_LABELS, LEVEL_LABELS

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
