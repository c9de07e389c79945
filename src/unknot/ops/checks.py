"""System checks that stop a fleet from starting in a state that would break it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning, register


def _on_sqlite() -> bool:
    return bool(settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3")


@register("security", deploy=False)
def secret_key_for_a_fleet(app_configs: Any = None, **kwargs: Any) -> list[Error | Warning]:
    """Several app servers must sign with one key, or sessions, CSRF and ALTCHA break
    whenever two requests of one person reach two servers."""
    source = getattr(settings, "SECRET_KEY_SOURCE", "environment")
    if not _on_sqlite() and source != "environment":
        return [Error(
            "UNKNOT_SECRET_KEY is not set, and the database is not SQLite.",
            hint="Every app server of one site must sign with the same key: set "
                 "UNKNOT_SECRET_KEY (e.g. from `python3 -c 'import secrets; "
                 "print(secrets.token_urlsafe(50))'`) in the environment file of every server "
                 "and the worker.",
            id="unknot.E001")]
    if source == "process":
        return [Warning(
            "No secret key: this process made one of its own, which another process "
            "does not share and a restart forgets (everyone is logged out).",
            hint="Run `unknot deploy` once (it keeps a key in the data folder), or set "
                 "UNKNOT_SECRET_KEY.",
            id="unknot.W001")]
    return []
