"""The tags a guide can carry: a body area (the intake's codes) or one of the four ways."""

from __future__ import annotations

from unknot.engine.labels import AREA_LABELS

WAY_LABELS = {
    "moving": "Keep moving",
    "sleep": "Proper sleep",
    "massage": "Massage",
    "therapy": "Physical therapy",
}


def area_slug(code: str) -> str:
    return code.replace("_", "-")


def all_tags() -> list[tuple[str, str, str, str]]:
    """(slug, kind, code, label) for every tag, ways first."""
    ways = [(f"way-{code}", "way", code, label) for code, label in WAY_LABELS.items()]
    areas = [(area_slug(code), "area", code, label) for code, label in AREA_LABELS.items()]
    return ways + areas
