"""The 400 and 500 pages, drawn without the request.

Django draws these without context processors, and a 500 may come from the
database or the session being down: so the page gets the site's addresses and
nothing that could fail again (no user, no session, no database).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

from unknot.core.context_processors import emergency_numbers, site_urls


def _page(template: str, status: int) -> HttpResponse:
    from django.conf import settings

    context = {"urls": site_urls(), "site_name": settings.SITE_NAME,
               "emergency_number": settings.EMERGENCY_NUMBER,
               "emergency_numbers": emergency_numbers()}
    try:
        body = loader.get_template(template).render(context)
    except Exception:  # the error page must never fail in turn, whatever went wrong
        return HttpResponseServerError("<h1>Server error</h1>", content_type="text/html")
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page("400.html", 400)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page("500.html", 500)
