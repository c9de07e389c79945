from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_areas(**kwargs: Any) -> None:
    # The engine's body areas, made again after every migrate or flush.
    from unknot.engine.labels import AREA_LABELS
    from unknot.products.models import Area

    for position, (code, label) in enumerate(AREA_LABELS.items()):
        Area.objects.update_or_create(code=code, defaults={"label": label, "position": position})


class ProductsConfig(AppConfig):
    name = "unknot.products"
    label = "products"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_ensure_areas, sender=self)
        from unknot.core.content import invalidates_content
        from unknot.products.models import Area, Product

        invalidates_content(Product, Area)
