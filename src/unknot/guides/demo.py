"""Demo guides: the project's own writing, kept as Markdown files in demo_guides/."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources

from django.db import transaction
from django.utils import timezone

from unknot.guides.models import Guide, Tag

# Oldest first, so the list (newest first) opens with the basics.
ORDER = ["when-to-seek-help", "stretching", "physical-therapy", "massage", "sleep",
         "keep-moving", "muscle-soreness", "back-pain-basics"]


def _read(name: str) -> tuple[dict[str, str], str]:
    folder = resources.files("unknot.guides") / "demo_guides"
    text = (folder / f"{name}.md").read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    meta = {}
    for line in header.strip().splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    meta["references"] = (folder / f"{name}.refs.md").read_text(encoding="utf-8")
    return meta, body.strip() + "\n"


@transaction.atomic
def load() -> int:
    """Create or refresh the demo guides; editors' own guides are left alone."""
    start = timezone.now() - timedelta(days=len(ORDER) * 3)
    for position, name in enumerate(ORDER):
        meta, body = _read(name)
        guide, _ = Guide.objects.get_or_create(
            slug=meta["slug"], defaults={"published_at": start + timedelta(days=position * 3)}
        )
        wanted = {"title": meta["title"], "summary": meta["summary"], "body": body,
                  "references": meta["references"], "is_published": True}
        # Saved only when the text changed, so "updated on" stays true across restarts.
        if any(getattr(guide, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(guide, field, value)
            guide.save()
        slugs = [slug.strip() for slug in meta["tags"].split(",")]
        guide.tags.set(Tag.objects.filter(slug__in=slugs))
    return len(ORDER)
