"""Requests too large to read are refused up front, with a page instead of a crash."""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

# For JSON: nothing may load and no page may frame it (OWASP's advice for APIs).
JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"


def refuse_oversized_bodies(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """413 for a body whose declared size is over DATA_UPLOAD_MAX_MEMORY_SIZE.

    Django would refuse it only when a view or the CSRF check reads the form,
    with a bare 400; here it is refused before anything reads it, with a page
    that says what happened (api_errors_as_json turns it into JSON on /api/).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return render(request, "core/too_large.html",
                          {"limit": limit}, status=413)
        return get_response(request)

    return middleware


class ContentSecurityPolicy(CSPMiddleware):
    """django-csp's policy for pages; a fixed, stricter one for JSON.

    JSON is never a document a browser runs, so the page policy (with its
    sources for scripts and styles) means nothing there, and django-csp builds
    it afresh for every response, a tenth of an API call's time. The constant
    one costs nothing and allows less.
    """

    def process_response(self, request: HttpRequest,
                         response: HttpResponseBase) -> HttpResponseBase:
        if response.get("Content-Type", "").startswith("application/json"):
            response.headers.setdefault(HEADER, JSON_POLICY)
            return response
        return super().process_response(request, response)
