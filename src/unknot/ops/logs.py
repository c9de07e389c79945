"""Structured logs: one JSON object a line, each carrying the request's id.

The id is the one the trusted proxy sent in X-Request-ID (so nginx's access
log and ours can be joined), or a new one; it is echoed in the response's
X-Request-ID header, so a person who reports a problem can quote it.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# What a proxy's id may look like: nginx's $request_id is 32 hex digits; a
# UUID or the like passes too. Anything else is replaced, never logged as sent.
_ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id",
                                                                         default="-")


def _request_id(request: HttpRequest) -> str:
    sent = request.headers.get(HEADER, "")
    if sent and request.META.get("REMOTE_ADDR", "") in settings.TRUSTED_PROXIES \
            and _ACCEPTED.match(sent):
        return sent
    return uuid.uuid4().hex


def request_id(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        rid = _request_id(request)
        token = current_request_id.set(rid)
        try:
            response = get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = rid
        return response

    return middleware


class RequestIdFilter(logging.Filter):
    """Puts the current request's id (or "-" outside a request) on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True
