"""API answers carry health data: no browser or proxy may keep a copy.

They are JSON data, never a page a browser runs, so the Content-Security-Policy
(built afresh for every response, a measurable part of an API call) is left out.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def no_store_api_answers(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.path.startswith("/api/"):
            patch_cache_control(response, no_store=True, private=True)
            if response.get("Content-Type", "").startswith("application/json"):
                response._csp_exempt = True  # type: ignore[attr-defined]
        return response

    return middleware
