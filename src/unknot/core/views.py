from __future__ import annotations

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from unknot.assessments.examples import examples
from unknot.engine.accuracy import case_file_text, case_set, published_accuracy
from unknot.engine.triage import RULES


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "core/start.html", {"examples": examples()})


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    rules = sorted(RULES, key=lambda r: -r.level)
    sources = sorted({rule.source for rule in RULES}, key=lambda s: s.short)
    return render(request, "core/about.html", {"rules": rules, "sources": sources,
                                               "accuracy": published_accuracy()})


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
