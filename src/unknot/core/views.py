from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from unknot.assessments.examples import examples
from unknot.core.content import public_page
from unknot.engine import ENGINE_VERSION
from unknot.engine.triage import RULES


@public_page
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "core/start.html", {"examples": examples(),
                                               "engine_version": ENGINE_VERSION})


@public_page
@require_GET
def about(request: HttpRequest) -> HttpResponse:
    levels = sorted({rule.level for rule in RULES}, reverse=True)
    groups = [(level, [r for r in RULES if r.level == level]) for level in levels]
    sources = sorted({rule.source for rule in RULES}, key=lambda s: s.short)
    return render(request, "core/about.html", {
        "groups": groups, "rule_count": len(RULES), "sources": sources,
        "engine_version": ENGINE_VERSION})


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: is the app up, and can it reach its database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # any database failure means unhealthy, whatever its kind
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "database": database},
                        status=status)
