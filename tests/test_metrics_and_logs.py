"""/metrics for the operator only; JSON logs carrying the request id."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.test import Client

from tests.factories import make_episode, make_person
from unknot.ops import health
from unknot.ops.logs import RequestIdFilter

pytestmark = pytest.mark.django_db
TOKEN = "metrics-token-for-tests"


@pytest.fixture
def operator(settings: Any) -> None:
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED = frozenset({"192.0.2.10"})


def _scrape(client: Client, **headers: Any) -> Any:
    return client.get("/metrics", **headers)


def test_metrics_are_404_to_everyone_when_nothing_is_set(client: Client) -> None:
    assert _scrape(client).status_code == 404
    assert _scrape(client, HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.usefixtures("operator")
def test_metrics_need_the_token_or_an_allowed_address(client: Client) -> None:
    assert _scrape(client).status_code == 404
    assert _scrape(client, HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert _scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    assert _scrape(client, REMOTE_ADDR="192.0.2.10").status_code == 200
    # A visitor cannot claim the allowed address through a header of their own.
    assert _scrape(client, REMOTE_ADDR="198.51.100.1",
                   HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 404


@pytest.mark.usefixtures("operator")
def test_behind_a_trusted_proxy_the_visitors_address_is_what_counts(
        client: Client, settings: Any) -> None:
    settings.TRUSTED_PROXIES = frozenset({"127.0.0.1"})
    assert _scrape(client, REMOTE_ADDR="127.0.0.1",
                   HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 200
    assert _scrape(client, REMOTE_ADDR="127.0.0.1",
                   HTTP_X_FORWARDED_FOR="203.0.113.50").status_code == 404


def _value(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith(name) and not line.startswith("#"))


@pytest.mark.usefixtures("operator")
def test_metrics_count_requests_assessments_checkins_and_queues(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    from unknot.assessments.examples import examples

    auth = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}
    before = _scrape(client, **auth).content.decode()
    assert client.post("/api/v1/assessments", data=examples()[0].intake_json,
                       content_type="application/json").status_code == 200
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(f"/track/{episode.pk}/checkin/", {
            "day": episode.started_on.isoformat(), "pain": "3", "function_limit": "2"})
    assert saved.status_code == 302
    after = _scrape(client, **auth).content.decode()
    assert _value(after, "unknot_assessments_total{") == \
        _value(before, "unknot_assessments_total{") + 1
    assert 'channel="api"' in after
    assert _value(after, "unknot_checkins_total") == _value(before, "unknot_checkins_total") + 1
    assert _value(after, "unknot_checkins_stored") == 1
    assert "unknot_outbox_waiting 0.0" in after
    assert "unknot_task_queue_depth" in after
    assert 'django_http_requests_latency_seconds_by_view_method_bucket{' in after
    # Requests by route: the check-in view's count went up by one, with its status.
    route = ("django_http_responses_total_by_status_view_method_total"
             '{method="POST",status="302",view="tracking:checkin"}')
    assert _value(after, route) == _value(before, route) + 1


def test_every_response_carries_a_request_id(client: Client) -> None:
    first, second = client.get("/health/live"), client.get("/health/live")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_request_id_is_taken_only_from_a_trusted_proxy(
        client: Client, settings: Any) -> None:
    sent = "0123456789abcdef0123456789abcdef"
    assert client.get("/health/live", HTTP_X_REQUEST_ID=sent)["X-Request-ID"] != sent
    settings.TRUSTED_PROXIES = frozenset({"127.0.0.1"})
    assert client.get("/health/live", HTTP_X_REQUEST_ID=sent,
                      REMOTE_ADDR="127.0.0.1")["X-Request-ID"] == sent
    assert client.get("/health/live", HTTP_X_REQUEST_ID="bad id\nforged line",
                      REMOTE_ADDR="127.0.0.1")["X-Request-ID"] != "bad id\nforged line"


def test_log_lines_are_json_with_the_request_id(
        client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    lines: list[str] = []
    config: dict[str, Any] = settings.LOGGING["formatters"]["json"]  # type: ignore[index]
    formatter = JsonFormatter(config["format"], rename_fields=config["rename_fields"])

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(formatter.format(record))

    handler = Keep()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("unknot.ops.health")
    logger.addHandler(handler)
    def worker_check_breaks() -> str:
        raise RuntimeError("boom")

    monkeypatch.setitem(health.CHECKS, "worker", worker_check_breaks)
    try:
        response = client.get("/health/ready")
    finally:
        logger.removeHandler(handler)
    record = json.loads(lines[-1])
    assert record["request_id"] == response["X-Request-ID"]
    assert record["level"] == "WARNING" and record["logger"] == "unknot.ops.health"
    assert "boom" in record["message"]
