"""What happens when the shared cache (Redis) is down: the site degrades, it never crashes.

- Sessions live in the database (settings.SESSION_ENGINE), so nobody is logged out.
- The limits that guard comments, the API and the admin login fail closed:
  the request is refused with a clear page (503, Retry-After) or, under
  /api/, the API's JSON error, and a comment form keeps what was typed.
- allauth's limits (failed logins, sign-ups, password resets) count in the
  database cache instead while Redis is unreachable, so people can still log
  in and password guessing is still counted (`AccountLimitsCache`).
- Everything else (pages, tracking, the API's reads) does not use that cache.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds: Redis restarts take about that
FALLBACK_ALIAS = "limits-fallback"


def _redis_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import RedisError
    except ImportError:  # no [redis] extra: the cache is the database's, no Redis to lose
        return ()
    return (RedisError,)


CACHE_ERRORS = _redis_errors()


def is_cache_outage(error: BaseException) -> bool:
    return bool(CACHE_ERRORS) and isinstance(error, CACHE_ERRORS)


def limits_unavailable_page(request: HttpRequest) -> HttpResponse:
    response = render(request, "core/limits_unavailable.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def cache_outage(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """The last net: a cache failure anywhere in a view is the clear 503 page, not a 500.

    Under /api/ the API's own middleware turns the page into its JSON error
    (same status, Retry-After kept).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_cache_outage(exception):
            return None
        logger.error("shared cache unavailable, request refused: %s", exception)
        return limits_unavailable_page(request)

    middleware.process_exception = process_exception  # type: ignore[attr-defined]
    return middleware


class AccountLimitsCache:
    """The cache allauth counts its limits in: Redis, or the database cache while Redis is down.

    Installed as allauth's rate-limit cache in AccountsConfig.ready. A count
    kept in the database during an outage starts from nothing, which lets at
    most one more window of tries through: far better than no login for
    anyone, or no limit on guessing.
    """

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(caches["default"], method)(*args, **kwargs)
        except Exception as error:
            if not is_cache_outage(error) or FALLBACK_ALIAS not in caches:
                raise
            logger.warning("shared cache unavailable, account limits counted in the "
                           "database: %s", error)
            return getattr(caches[FALLBACK_ALIAS], method)(*args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set", *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("add", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)
