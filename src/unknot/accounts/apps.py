from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "unknot.accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from unknot.accounts import signals  # noqa: F401  (connects the receivers)
