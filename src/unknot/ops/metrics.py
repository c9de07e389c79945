"""Prometheus metrics at /metrics, for the operator only.

Requests (counts and latencies by route, method and status) come from
django-prometheus's middleware. Unknot's own: assessments by level and by
where they were asked (web, API, a new episode), check-ins saved, and, read
from the database at each scrape so every server reports the same figure,
the outbox and task-queue depths, the check-ins stored and the worker's
last heartbeat. With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR
(an empty folder per server) so counters from every worker are added up.

Only the operator reads it: a request with `Authorization: Bearer
$UNKNOT_METRICS_TOKEN`, or from an address in UNKNOT_METRICS_ALLOWED (the
visitor's address, read through UNKNOT_TRUSTED_PROXIES). Anyone else gets 404,
as if there were nothing here.
"""

from __future__ import annotations

import functools
import hmac
import os
from collections.abc import Iterator

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from unknot.moderation.addresses import client_ip

ASSESSMENTS = Counter("unknot_assessments", "Assessments made, by triage level and channel",
                      ["level", "channel"])
CHECKINS = Counter("unknot_checkins", "Check-ins saved (new or corrected)")


def record_assessment(level: str, channel: str) -> None:
    _assessments_counter(level, channel).inc()


@functools.cache
def _assessments_counter(level: str, channel: str) -> Counter:
    # One child per level and channel (a dozen): looking it up by labels takes a lock.
    return ASSESSMENTS.labels(level=level, channel=channel)


def count_checkin() -> None:
    CHECKINS.inc()


class DatabaseFigures(Collector):
    """Figures the database holds: the same on every server, whichever one is scraped."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from django_q.models import OrmQ

        from unknot.ops.models import OutboxEmail
        from unknot.ops.worker import latest_beat
        from unknot.tracking.models import CheckIn

        yield GaugeMetricFamily("unknot_outbox_waiting", "Emails waiting to be sent",
                                value=OutboxEmail.objects.filter(
                                    state=OutboxEmail.PENDING).count())
        yield GaugeMetricFamily("unknot_outbox_failed", "Emails given up on",
                                value=OutboxEmail.objects.filter(
                                    state=OutboxEmail.FAILED).count())
        yield GaugeMetricFamily("unknot_task_queue_depth", "Tasks waiting for the worker",
                                value=OrmQ.objects.count())
        yield GaugeMetricFamily("unknot_checkins_stored", "Check-ins in the database",
                                value=CheckIn.objects.count())
        seen = latest_beat()
        age = (timezone.now() - seen).total_seconds() if seen else float("inf")
        yield GaugeMetricFamily("unknot_worker_heartbeat_age_seconds",
                                "Seconds since a worker was last seen", value=age)


_DATABASE = CollectorRegistry(auto_describe=False)  # no database query at import
_DATABASE.register(DatabaseFigures())


def operator_may_read(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer ") and \
            hmac.compare_digest(given.removeprefix("Bearer ").strip().encode(), token.encode()):
        return True
    return bool(settings.METRICS_ALLOWED) and client_ip(request) in settings.METRICS_ALLOWED


def _process_registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not operator_may_read(request):
        raise Http404("No such page")
    body = generate_latest(_process_registry()) + generate_latest(_DATABASE)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
