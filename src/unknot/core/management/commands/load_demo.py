"""`unknot load_demo`: demo content for a first look. Safe to run on every start."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand

from unknot.guides import demo as guides_demo
from unknot.moderation import demo as moderation_demo
from unknot.products import demo as products_demo
from unknot.tracking import demo as tracking_demo

# Each loader creates what is missing and refreshes what it made before; none
# touches content an operator added. Order matters: comments need the guides.
LOADERS: list[tuple[str, Callable[[], int]]] = [
    ("guides", guides_demo.load),
    ("products", products_demo.load),
    ("moderator", moderation_demo.load),
    ("person with a tracked episode", tracking_demo.load),
]


class Command(BaseCommand):
    help = "Load the demo guides, products and moderator account (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, load in LOADERS:
            count = load()
            self.stdout.write(f"demo {name}: {count}")
