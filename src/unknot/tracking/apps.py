from __future__ import annotations

from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "unknot.tracking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from unknot.tracking import page_cache

        page_cache.connect()
