"""/health/live and /health/ready: for load balancers, orchestrators and monitors.

live: the process answers (nothing else is asked, so a database outage does
not get healthy processes restarted). ready: it can do its work: the database
answers, the cache answers, every migration is applied, and a worker has been
seen recently. Each check is named in the JSON body; any failure is 503.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from unknot.ops import worker

logger = logging.getLogger(__name__)

OK = "ok"
_migrated = False  # once every migration is applied, this process need not ask again


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK


def check_cache() -> str:
    cache.set("unknot:health", "1", timeout=30)
    return OK if cache.get("unknot:health") == "1" else "cache does not keep values"


def check_migrations() -> str:
    global _migrated
    if _migrated:
        return OK
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        return f"{len(plan)} migration(s) not applied: run `unknot deploy`"
    _migrated = True
    return OK


def check_worker() -> str:
    seen = worker.latest_beat()
    if seen is None:
        return "no worker has ever run: start `unknot worker`"
    age = timezone.now() - seen
    if age > worker.HEARTBEAT_STALE:
        return f"no worker seen for {int(age.total_seconds())} s"
    return OK


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "migrations": check_migrations,
    "worker": check_worker,
}


def _run(check: Callable[[], str]) -> str:
    try:
        return check()
    except Exception as error:  # whatever the failure, it is this check's answer
        logger.warning("readiness check %s failed: %s", check.__name__, error)
        return f"unavailable: {type(error).__name__}"


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": OK})


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    results = {name: _run(check) for name, check in CHECKS.items()}
    healthy = all(result == OK for result in results.values())
    return JsonResponse({"status": OK if healthy else "error", "checks": results},
                        status=200 if healthy else 503)
