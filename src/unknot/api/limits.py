"""The API's request limits: per token and per address on writes, per address on
assessments. Counted by django-ratelimit in the shared cache (settings.CACHES),
so every worker and app server counts the same requests once."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from unknot.api.errors import RateLimited
from unknot.moderation.addresses import ratelimit_key


def _token_key(group: str, request: HttpRequest) -> str:
    # The bearer token's hash, as stored: its owner's requests from every device.
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return hashlib.sha256(token.encode()).hexdigest()


def _count(request: HttpRequest, group: str, key: object, rate: str) -> None:
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is not None and usage["should_limit"]:
        raise RateLimited(retry_after=max(1, int(usage["time_left"])))


def limit_write(request: HttpRequest) -> None:
    """Count one write by this token and from this address; RateLimited past either."""
    _count(request, "api-write-token", _token_key, settings.API_WRITE_RATE)
    _count(request, "api-write-address", ratelimit_key, settings.API_ADDRESS_RATE)


def limit_assessment(request: HttpRequest) -> None:
    _count(request, "api-assess-address", ratelimit_key, settings.ASSESS_RATE)
