from __future__ import annotations

from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Unknot for many people: the outbox, the worker, health, metrics, backups."""

    name = "unknot.ops"
    label = "ops"

    def ready(self) -> None:
        from unknot.ops import checks  # noqa: F401  (registers the system checks)
