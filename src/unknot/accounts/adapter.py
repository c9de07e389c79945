"""allauth, told how Unknot finds a visitor's address behind a reverse proxy."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from unknot.moderation.addresses import client_ip


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's login and sign-up limits count per address; behind a proxy
        # every request comes from the proxy, so one attacker would lock
        # everyone out. The same trusted-proxy rule as the comment limit.
        return client_ip(request) or super().get_client_ip(request)
