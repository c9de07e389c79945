"""The cache every worker shares when there is no Redis: a table made by migrate,
with add and incr that hold when workers race (proven across two gunicorn
workers in test_live_server.py), and django-ratelimit's checks on."""

from __future__ import annotations

import pytest
import time_machine
from django.core.cache import cache
from django.core.checks import Error, run_checks
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_migrate_makes_the_cache_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE unknot_cache")
    assert "unknot_cache" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "unknot_cache" in connection.introspection.table_names()


def test_add_keeps_a_live_value_and_replaces_an_expired_one() -> None:
    with time_machine.travel("2026-03-05 10:00:00Z"):
        assert cache.add("lock", "first", timeout=60)
        assert not cache.add("lock", "second", timeout=60)
        assert cache.get("lock") == "first"
    with time_machine.travel("2026-03-05 10:02:00Z"):
        assert cache.add("lock", "third", timeout=60)
        assert cache.get("lock") == "third"


def test_incr_counts_up_and_refuses_a_missing_or_expired_key() -> None:
    with time_machine.travel("2026-03-05 10:00:00Z"):
        cache.set("hits", 1, timeout=60)
        assert [cache.incr("hits") for _ in range(3)] == [2, 3, 4]
        assert cache.decr("hits", 2) == 2
        with pytest.raises(ValueError, match="not found"):
            cache.incr("never-set")
    with time_machine.travel("2026-03-05 10:05:00Z"), pytest.raises(ValueError):
        cache.incr("hits")


def test_the_rate_limit_checks_run_and_find_no_error() -> None:
    found = run_checks(tags=["caches"])
    assert not [message for message in found if isinstance(message, Error)]
    assert any(message.id == "django_ratelimit.W001" for message in found)  # they ran
