"""The address a comment came from, for the rate limit, the blocklist and the CAPTCHA.

Behind a reverse proxy every request arrives from the proxy, so the limit and
the blocklist would hit everyone at once. Only when the direct peer is one of
UNKNOT_TRUSTED_PROXIES is the address the proxy appended to X-Forwarded-For
used; a visitor cannot spoof it, because it is the rightmost entry, written by
the proxy itself.
"""

from __future__ import annotations

import functools
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
    return _counted_as(client_ip(request))


@functools.lru_cache(maxsize=4096)
def _counted_as(address: str) -> str:
    # One IPv6 host usually holds a whole /64 network and can pick any address
    # in it, so limits count the network, as they count one IPv4 address.
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6 and parsed.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return address
