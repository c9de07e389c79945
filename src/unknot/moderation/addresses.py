"""The address a comment came from, for the rate limit, the blocklist and the CAPTCHA.

Behind a reverse proxy every request arrives from the proxy, so the limit and
the blocklist would hit everyone at once. Only when the direct peer is one of
UNKNOT_TRUSTED_PROXIES is the address the proxy appended to X-Forwarded-For
used; a visitor cannot spoof it, because it is the rightmost entry, written by
the proxy itself.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    peer: str = request.META.get("REMOTE_ADDR", "")
    if peer not in settings.TRUSTED_PROXIES:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    candidate = forwarded[-1] if forwarded else ""
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return peer


def ratelimit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request)
