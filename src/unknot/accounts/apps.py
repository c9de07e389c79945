from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "unknot.accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from allauth.core.internal import ratelimit

        from unknot.accounts import signals  # noqa: F401  (connects the receivers)
        from unknot.core.outage import AccountLimitsCache

        # allauth counts its limits in the module's `cache`: this one falls
        # back to the database while Redis is down, so logging in still works.
        ratelimit.cache = AccountLimitsCache()
