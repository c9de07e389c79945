"""The cache every worker shares when there is no Redis: a table made by migrate,
with add and incr that hold when workers race (proven across two gunicorn
workers in test_live_server.py), and django-ratelimit's checks on."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.checks import Error, run_checks
from django.core.management import call_command
from django.db import connection

from unknot.core.cache import DatabaseCache

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


def test_counts_are_stored_as_text_that_sql_adds_to() -> None:
    assert cache.add("count", 1, timeout=60)
    assert cache.incr("count", 4) == 5
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM unknot_cache WHERE cache_key LIKE %s", ["%:count"])
        assert cursor.fetchone()[0] == "int:5"
    assert cache.get("count") == 5
    assert cache.get_many(["count", "missing"]) == {"count": 5}


def test_a_count_written_by_set_is_pickled_and_still_counts() -> None:
    cache.set("legacy", 7, timeout=60)  # Django's own set: pickled
    assert cache.incr("legacy") == 8
    assert cache.incr("legacy") == 9
    assert cache.get("legacy") == 9


@pytest.mark.parametrize("value", [True, 2.5, "41", {"n": 1}, None])
def test_values_that_are_not_plain_integers_keep_their_type(value: object) -> None:
    assert cache.add("thing", value, timeout=60)
    assert cache.get("thing", "absent") == value
    assert type(cache.get("thing", "absent")) is type(value)


def test_adding_to_something_that_is_not_a_number_fails_as_python_would() -> None:
    cache.add("word", "hello", timeout=60)
    with pytest.raises(TypeError):
        cache.incr("word")
    assert cache.get("word") == "hello"


def test_expired_rows_are_pruned_and_live_ones_kept() -> None:
    from unknot.core.cache import prune_expired

    with time_machine.travel("2026-03-05 10:00:00Z"):
        cache.add("short", 1, timeout=60)
        cache.add("long", 1, timeout=3600)
    with time_machine.travel("2026-03-05 10:05:00Z"):
        assert cache.get("short") is None  # expired is absent, even before pruning
        assert prune_expired() == 1
        assert cache.get("long") == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM unknot_cache")
        assert cursor.fetchone()[0] == 1


def test_the_worker_prunes_the_cache_every_hour() -> None:
    from django_q.models import Schedule

    from unknot.ops.worker import PRUNE_SCHEDULE, ensure_schedules

    ensure_schedules()
    ensure_schedules()  # made once, however often the worker starts
    schedule = Schedule.objects.get(name=PRUNE_SCHEDULE)
    assert (schedule.func, schedule.schedule_type) == ("unknot.core.cache.prune_expired",
                                                      Schedule.HOURLY)


def _counting_cache() -> DatabaseCache:
    counting = caches["default"]
    assert isinstance(counting, DatabaseCache)
    return counting


def test_count_starts_at_one_and_starts_again_when_expired() -> None:
    cache = _counting_cache()
    with time_machine.travel("2026-03-05 10:00:00Z"):
        assert [cache.count("tries", 60) for _ in range(3)] == [1, 2, 3]
    with time_machine.travel("2026-03-05 10:00:59Z"):
        assert cache.count("tries", 60) == 4  # the first count's time still holds
    with time_machine.travel("2026-03-05 10:01:01Z"):
        assert cache.count("tries", 60) == 1
        assert cache.get("tries") == 1


def test_count_over_something_that_is_not_a_count_starts_again() -> None:
    cache = _counting_cache()
    cache.set("mixed", {"not": "a count"}, timeout=60)
    assert cache.count("mixed", 60) == 1
    assert cache.count("mixed", 60) == 2


def test_the_api_limit_counts_where_django_ratelimit_reads(settings: Any) -> None:
    from django.test import RequestFactory
    from django_ratelimit.core import get_usage

    from unknot.api.limits import limit_assessment
    from unknot.moderation.addresses import ratelimit_key

    settings.ASSESS_RATE = "5/m"
    request = RequestFactory().post("/api/v1/assessments", REMOTE_ADDR="203.0.113.9")
    for _ in range(4):
        limit_assessment(request)
    usage = get_usage(request, group="api-assess-address", key=ratelimit_key, rate="5/m")
    assert usage is not None and usage["count"] == 4
