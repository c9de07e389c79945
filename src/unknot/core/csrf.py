"""When a form's CSRF check fails: the form again, with what was typed and a fresh token.

The usual cause is harmless: a page left open past its session, or opened in
another tab before logging in or out. Django's own answer is a bare 403 that
loses the text. Here the person sees a plain explanation and the values they
sent, with a fresh token, and sends them again with one button.

A cross-site forgery fails the same check, so the values are offered back
only when the browser says the post came from this site (Origin, else
Referer): a page elsewhere cannot get its own fields re-offered to someone
here under our name. Passwords are never written back into a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost, RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render

# Fields a person never typed: the form's own machinery, refreshed when it is sent again.
MACHINERY = frozenset({"csrfmiddlewaretoken", "timestamp", "security_hash", "content_type",
                       "object_pk", "honeypot", "altcha", "next", "intake",
                       "g-recaptcha-response", "h-captcha-response", "cf-turnstile-response"})


@dataclass(frozen=True, slots=True)
class SentField:
    name: str
    values: list[str]
    kind: str  # "text", "long" (a textarea), "secret" (asked for again), "kept" (hidden)

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").replace("-", " ").capitalize()

    @property
    def value(self) -> str:
        return self.values[0] if self.values else ""


def _kind(name: str, values: list[str]) -> str:
    if "password" in name:
        return "secret"
    if name in MACHINERY or len(values) != 1 or not values[0].strip():
        return "kept"
    return "long" if len(values[0]) > 80 or "\n" in values[0] else "text"


def _from_this_site(request: HttpRequest) -> bool:
    origin = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    parts = urlsplit(origin)
    if not parts.scheme or not parts.netloc:
        return False
    sent_from = f"{parts.scheme}://{parts.netloc}"
    try:
        here = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # a Host this site does not serve: nothing is offered back
        return False
    return sent_from == here or sent_from in settings.CSRF_TRUSTED_ORIGINS


def _sent_fields(request: HttpRequest) -> list[SentField]:
    try:
        posted = request.POST
    except (RequestDataTooBig, OSError):
        return []
    return [SentField(name, values, _kind(name, values))
            for name, values in posted.lists() if name != "csrfmiddlewaretoken"]


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    offered = request.method == "POST" and _from_this_site(request)
    fields = _sent_fields(request) if offered else []
    return render(request, "403_csrf.html", {
        "fields": fields,
        "shown": [f for f in fields if f.kind in ("text", "long", "secret")],
        "action": request.get_full_path(),
        "no_cookie": reason == REASON_NO_CSRF_COOKIE,
    }, status=403)
