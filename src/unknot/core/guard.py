"""A limit on password guessing at the admin's own login form."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from unknot.moderation.addresses import ratelimit_key

# Five sign-in tries in five minutes from one address, as for the site's own
# login (settings.ACCOUNT_RATE_LIMITS).
ADMIN_LOGIN_RATE = "5/5m"


def limit_admin_login(login: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(login)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and is_ratelimited(
            request, group="admin-login", key=ratelimit_key, rate=ADMIN_LOGIN_RATE,
            method="POST", increment=True,
        ):
            return render(request, "core/too_many_attempts.html", status=429)
        return login(request, *args, **kwargs)

    return guarded
