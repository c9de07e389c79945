"""The tools and products that suit a relief plan's self-massage techniques.

An assessment is never stored; the plan only reads the catalogue, with the
same two queries however many techniques the plan has.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from unknot.products.models import KIND_LABELS, Product

register = template.Library()
PRODUCTS_PER_TECHNIQUE = 3


@register.simple_tag
def plan_allows_tools(plan: Mapping[str, Any]) -> bool:
    # With blood thinners the engine keeps only gentle hand massage and says
    # so; plans stored before the engine gave the flag are read from the note.
    if "massage_tools_allowed" in plan:
        return bool(plan["massage_tools_allowed"])
    return not any("blood thinners" in note for note in plan.get("massage_cautions", []))


@register.filter
def massage_with_products(plan: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], list[Product]]]:
    """Each self-massage technique with the listed products of a kind and area it suits."""
    techniques = list(plan.get("massage", ()))
    kinds = {kind for item in techniques for kind in item.get("tool_kinds", ())}
    if not techniques or not plan_allows_tools(plan):
        return [(item, []) for item in techniques]
    products = list(
        Product.objects.listed().filter(kind__in=kinds).prefetch_related("areas")
    )
    rows = []
    for item in techniques:
        areas = set(item["areas"])
        suited = [p for p in products if p.kind in item.get("tool_kinds", ())
                  and not areas.isdisjoint(a.code for a in p.areas.all())]
        rows.append((item, suited[:PRODUCTS_PER_TECHNIQUE]))
    return rows


@register.filter
def tool_labels(technique: Mapping[str, Any]) -> list[str]:
    """The kinds of product that serve a technique, in words ("Foam roller", ...)."""
    return [KIND_LABELS[kind] for kind in technique.get("tool_kinds", ()) if kind in KIND_LABELS]
