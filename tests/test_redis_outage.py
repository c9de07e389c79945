"""Redis, the shared cache, stopped while the site runs: it degrades, it never answers 500.

The test starts its own redis-server on a port of its own and stops only that.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from tests.factories import PASSWORD, checkin, make_episode, make_person
from tests.guide_helpers import make_guide, post_comment
from unknot.moderation.models import GuideComment
from unknot.moderation.views import LIMITS_DOWN

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(shutil.which("redis-server") is None,
                                 reason="needs redis-server (apt-get install redis-server)")]
PORTS = (6391, 6392, 6393)


class OwnRedis:
    def __init__(self) -> None:
        self.port = next(p for p in PORTS if self._free(p))
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def _free(port: int) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) != 0

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while self._free(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis(settings: Any) -> Iterator[OwnRedis]:
    server = OwnRedis()
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "unknot.core.cache.RedisCache",
                    "LOCATION": f"redis://127.0.0.1:{server.port}/0",
                    "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}},
        "limits-fallback": {"BACKEND": "unknot.core.cache.DatabaseCache",
                            "LOCATION": "unknot_cache"},
    }
    try:
        yield server
    finally:
        server.stop()


def _logs_in(email: str, password: str = PASSWORD) -> bool:
    client = Client()
    response = client.post("/account/login/", {"login": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_logging_in_works_with_redis_up_and_with_redis_down(redis: OwnRedis) -> None:
    person = make_person()
    assert _logs_in(person.email)
    redis.stop()
    assert _logs_in(person.email)


def test_a_person_logged_in_before_the_outage_stays_logged_in(
        redis: OwnRedis, client: Client) -> None:
    person = make_person()
    client.post("/account/login/", {"login": person.email, "password": PASSWORD})
    redis.stop()
    page = client.get("/track/")
    assert page.status_code == 200
    assert person.email in page.content.decode()


def test_an_episode_page_is_drawn_afresh_while_redis_is_down(
        redis: OwnRedis, client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date.today() - timedelta(days=3))
    client.force_login(person)
    assert client.get(f"/track/{episode.pk}/").status_code == 200  # kept under a version
    redis.stop()
    checkin(episode, date.today() - timedelta(days=1), pain=2, note="easier since the walk")
    page = client.get(f"/track/{episode.pk}/")
    assert page.status_code == 200
    assert "easier since the walk" in page.content.decode()


def test_password_guessing_is_still_counted_while_redis_is_down(redis: OwnRedis) -> None:
    person = make_person()
    redis.stop()
    client = Client()
    for _ in range(5):
        refused = client.post("/account/login/", {"login": person.email, "password": "guess"})
        assert refused.status_code == 200
    locked = client.post("/account/login/", {"login": person.email, "password": PASSWORD})
    assert b"Too many failed login attempts" in locked.content
    assert "_auth_user_id" not in client.session


def test_a_comment_while_redis_is_down_gets_the_clear_page_and_keeps_its_text(
        redis: OwnRedis, client: Client) -> None:
    guide = make_guide()
    redis.stop()
    response = post_comment(client, guide, comment="My words, not to be lost")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert LIMITS_DOWN.split(":")[0] in page
    assert "My words, not to be lost" in page
    assert GuideComment.objects.count() == 0


def test_the_api_refuses_writes_as_json_while_redis_is_down(redis: OwnRedis) -> None:
    redis.stop()
    response = Client().post("/api/v1/assessments", data={}, content_type="application/json")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert "request limits" in response.json()["detail"]
    assert response["Retry-After"] == "30"


def test_pages_that_need_no_limit_keep_working_while_redis_is_down(
        redis: OwnRedis, client: Client) -> None:
    guide = make_guide()
    redis.stop()
    for path in ("/", "/about/", guide.get_absolute_url(), "/guides/", "/health/live"):
        assert client.get(path).status_code == 200, path


def test_the_api_counts_its_limit_in_redis_in_one_round_trip(redis: OwnRedis,
                                                              settings: Any) -> None:
    from django.core.cache import caches

    from unknot.core.cache import RedisCache

    settings.ASSESS_RATE = "3/m"
    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    assert [cache.count("hits", 60) for _ in range(3)] == [1, 2, 3]
    assert cache.get("hits") == 3  # the same count Django's own get reads
    client = Client()
    body = {"age": 41, "areas": ["calf"], "cause": "overexertion", "onset_hours_ago": 50,
            "intensity": 4, "trend": "better", "function_limit": 2}
    statuses = [client.post("/api/v1/assessments", body, content_type="application/json")
                .status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
