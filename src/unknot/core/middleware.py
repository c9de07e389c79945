"""Unknot's own middleware: oversized requests refused up front with a page, the
content security policy (a fixed one for JSON), and Django's page middleware
that API calls skip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction
from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import middleware as auth
from django.contrib.messages import middleware as messages
from django.contrib.sessions import middleware as sessions
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.http.response import HttpResponseBase
from django.middleware import csrf
from django.shortcuts import render
from django.utils.deprecation import MiddlewareMixin

API_PREFIX = "/api/"
API_DOCS_PATH = "/api/v1/docs"
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


def is_api_call(request: HttpRequest) -> bool:
    """A call to the JSON API: made by a program, with a token or with nothing.

    The API's docs page lives under the same prefix but is a page of the site.
    """
    path = request.path_info
    return path.startswith(API_PREFIX) and path != API_DOCS_PATH


class _PagesOnly(MiddlewareMixin):
    """Mixin for Django middleware that only pages need, skipped on API calls.

    The API authenticates by token and keeps nothing between calls, so it has
    no session, no logged-in user, no messages and no CSRF cookie to check
    (a token is not sent by the browser on its own, so there is no forgery to
    refuse). Skipping them is a sixth of an assessment's own time. Subclasses
    of Django's classes, so the admin's checks still find them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        super().__init__(get_response)
        # Asked once: inspecting a function is slower than the rest of this check.
        self._synchronous = not iscoroutinefunction(get_response)

    def __call__(self, request: HttpRequest) -> Any:
        if self._synchronous and is_api_call(request):
            return self.get_response(request)
        return super().__call__(request)


class SessionMiddleware(_PagesOnly, sessions.SessionMiddleware):
    pass


class AuthenticationMiddleware(_PagesOnly, auth.AuthenticationMiddleware):
    pass


class MessageMiddleware(_PagesOnly, messages.MessageMiddleware):
    pass


class CsrfViewMiddleware(_PagesOnly, csrf.CsrfViewMiddleware):
    def process_view(self, request: HttpRequest, callback: Callable[..., Any],
                     callback_args: Any, callback_kwargs: Any) -> HttpResponseForbidden | None:
        if is_api_call(request):  # process_request was skipped too
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)
