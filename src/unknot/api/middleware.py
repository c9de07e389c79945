"""The API answers JSON whatever happens, and its answers are never kept by a cache."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from unknot.core.middleware import API_PREFIX

# Headers that carry meaning for an error and must survive its rewriting.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def api_errors_as_json(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Any error under /api/ that is not already the API's JSON becomes the API's JSON.

    First in MIDDLEWARE: Django turns an exception anywhere further in (a
    crash in a middleware, an oversized body, a bad Host header, an address no
    route matches) into an HTML page before it gets here; here it becomes the
    one error shape of api/errors.py, with the same status.
    """
    from unknot.api.errors import error_response

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code >= 400 and \
                not response.get("Content-Type", "").startswith("application/json"):
            kept = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            response = error_response(response.status_code, headers=kept)
        # API answers carry health data: no browser or proxy may keep a copy.
        if response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        else:  # the usual case, said at once
            response["Cache-Control"] = "no-store, private"
        return response

    return middleware
