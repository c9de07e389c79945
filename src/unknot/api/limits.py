"""The API's request limits: per token and per address on writes, per address on
assessments. Counted in the shared cache (settings.CACHES), so every worker and
app server counts the same requests once.

Windows and keys are django-ratelimit's, so a count here is the count its
`get_usage` reads. The counting is one round trip (the cache's `count`) where
the library's add-then-incr takes two or three: on an assessment, which does
no other I/O, those round trips were most of the request.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django_ratelimit import ALL
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_window,
    _make_cache_key,
    _split_rate,
    get_usage,
)

from unknot.api.errors import RateLimited
from unknot.moderation.addresses import ratelimit_key


def _token_key(group: str, request: HttpRequest) -> str:
    # The bearer token's hash, as stored: its owner's requests from every device.
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return hashlib.sha256(token.encode()).hexdigest()


def _count(request: HttpRequest, group: str, key: Callable[[str, HttpRequest], str],
           rate: str) -> None:
    """Count this request in the group; RateLimited once the count passes the rate."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    cache = caches[settings.RATELIMIT_USE_CACHE]
    if not hasattr(cache, "count"):  # another backend: the library's own way
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            raise RateLimited(retry_after=max(1, int(usage["time_left"])))
        return
    limit, period = _split_rate(rate)
    value = key(group, request)
    window = _get_window(value, period)
    count = cache.count(_cache_key(group, window, rate, value), period + EXPIRATION_FUDGE)
    if count > limit:
        raise RateLimited(retry_after=max(1, window - int(time.time())))


@functools.lru_cache(maxsize=4096)
def _cache_key(group: str, window: int, rate: str, value: str) -> str:
    # A hash of the four: the same key for a client's every request in a window.
    return str(_make_cache_key(group, window, rate, value, ALL))


def limit_write(request: HttpRequest) -> None:
    """Count one write by this token and from this address; RateLimited past either."""
    _count(request, "api-write-token", _token_key, settings.API_WRITE_RATE)
    _count(request, "api-write-address", ratelimit_key, settings.API_ADDRESS_RATE)


def limit_assessment(request: HttpRequest) -> None:
    _count(request, "api-assess-address", ratelimit_key, settings.ASSESS_RATE)
