from __future__ import annotations

from django.db import connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from unknot.assessments.examples import examples
from unknot.core.content import public_page
from unknot.engine import ENGINE_VERSION
from unknot.engine.accuracy import case_file_text, case_set, published_accuracy
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
        "engine_version": ENGINE_VERSION, "accuracy": published_accuracy()})


@require_GET
@cache_control(public=True, max_age=3600)
def case_file(request: HttpRequest, slug: str) -> HttpResponse:
    """One set of the cases the triage is checked against, as shipped: JSON Lines."""
    found = case_set(slug)
    if found is None:
        raise Http404("No such case set")
    response = HttpResponse(case_file_text(found), content_type="application/jsonl; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response


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


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and the admin ask for /favicon.ico whatever the page says. The
    address is worked out when asked, from the static files as they are then."""
    return HttpResponsePermanentRedirect(static("unknot/favicon.svg"))
