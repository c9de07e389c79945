from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "unknot.core"
    label = "core"

    def ready(self) -> None:
        from unknot.core.cache import connect_cache_tables

        connect_cache_tables(sender=self)
