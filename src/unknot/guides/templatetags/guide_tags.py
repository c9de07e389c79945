"""Links from a relief plan to the guides, without touching the database.

The result page is built from the engine alone, so it links to the tag pages
of each way and of the plan's body areas; those pages list the guides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.urls import reverse

from unknot.engine.labels import AREA_LABELS
from unknot.guides.tags import WAY_LABELS, area_slug

register = template.Library()


@register.simple_tag
def way_guides_url(way: str) -> str:
    if way not in WAY_LABELS:
        raise ValueError(f"unknown way {way!r}")
    return reverse("guides:tag", args=[f"way-{way}"])


@register.simple_tag
def plan_area_guides(plan: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, url) of the guide tag page for each body area the plan covers."""
    areas = {a for part in ("movement", "massage") for item in plan.get(part, [])
             for a in item.get("areas", [])}
    return [(label, reverse("guides:tag", args=[area_slug(code)]))
            for code, label in AREA_LABELS.items() if code in areas]
