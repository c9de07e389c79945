"""/health/live and /health/ready: each check named, 503 whenever one fails."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from unknot.ops import health
from unknot.ops.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def _beat(seconds_ago: float) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker="test-host:1", defaults={"seen_at": timezone.now() - timedelta(seconds=seconds_ago)})


def test_live_answers_without_asking_anything_else(client: Client) -> None:
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_names_every_check_and_is_200_when_all_pass(client: Client) -> None:
    _beat(2)
    response = client.get("/health/ready")
    assert response.status_code == 200, response.json()
    assert response.json() == {"status": "ok", "checks": {
        "database": "ok", "cache": "ok", "migrations": "ok", "worker": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_ready_is_503_without_a_worker(client: Client) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"].startswith("no worker has ever run")
    assert response.json()["checks"]["database"] == "ok"


def test_ready_is_503_when_the_worker_went_quiet(client: Client) -> None:
    _beat(120)
    body = client.get("/health/ready").json()
    assert body["status"] == "error"
    assert body["checks"]["worker"].startswith("no worker seen for 1")


def test_ready_is_503_when_the_cache_is_down(client: Client, settings: Any) -> None:
    _beat(1)
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "unknot.core.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens on port 1
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("unavailable: ConnectionError")


def test_ready_is_503_with_migrations_left_to_apply(
        client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    _beat(1)
    monkeypatch.setattr(health, "_migrated", False)

    class OnePending:
        def __init__(self, connection: Any) -> None:
            self.loader = type("Loader", (), {"graph": type("G", (), {
                "leaf_nodes": staticmethod(lambda: [])})()})()

        def migration_plan(self, targets: Any) -> list[Any]:
            return [("tracking", "0099_future")]

    monkeypatch.setattr(health, "MigrationExecutor", OnePending)
    body = client.get("/health/ready").json()
    assert body["checks"]["migrations"] == "1 migration(s) not applied: run `unknot deploy`"


def test_the_old_health_address_still_answers(client: Client) -> None:
    assert client.get("/health").json() == {"status": "ok", "database": "ok"}
