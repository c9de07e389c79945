"""What a relief plan says about tools, without touching the database.

The result page is built from the engine alone (an assessment is never
stored and the page reads nothing), so each massage technique names the kinds
of tool that suit it and links to the catalogue filtered for that technique.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from unknot.products.models import KIND_LABELS

register = template.Library()


@register.simple_tag
def plan_allows_tools(plan: Mapping[str, Any]) -> bool:
    # With blood thinners the engine keeps only gentle hand massage; no tool is
    # suggested then, because rollers, balls and guns can cause bleeding.
    return not any("blood thinners" in note for note in plan.get("massage_cautions", []))


@register.filter
def tool_labels(technique: Mapping[str, Any]) -> list[str]:
    """The kinds of product that serve a technique, in words ("Foam roller", ...)."""
    return [KIND_LABELS[kind] for kind in technique.get("tool_kinds", ()) if kind in KIND_LABELS]
