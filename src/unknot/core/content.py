"""Caching what is the same for everyone, and dropping it when an editor saves.

Guides, tags, products and comments are read far more often than they change.
Their pages are cached under a key that includes the content version, a number
kept in the database and bumped in the same transaction as any change to that
content (see the `invalidates_content` calls in each app's `ready`). Reading the
number is one small query; in exchange every worker and app server sees a save
at once, although the copies live in each process's own memory (the "pages"
cache: reading a copy must cost far less than drawing the page). A cached copy also lapses
after CACHE_SECONDS, so a guide scheduled for later appears within that time.

Two ways to use it:
- `public_page`: a whole page, for visitors who are not logged in, when the page
  carries no form token and there is no message waiting for them;
- the `{% cache %}` tag with `content_version` among its keys (every template
  has it, read only if used), for the parts of a page that a logged-in person
  shares with everyone (their header differs).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import connection
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

CACHE_SECONDS = 300
View = Callable[..., HttpResponse]


def content_version(request: HttpRequest | None = None) -> int:
    """The current content version: one query, remembered for the rest of the request."""
    remembered = getattr(request, "_unknot_content_version", None)
    if remembered is not None:
        return int(remembered)
    with connection.cursor() as cursor:  # the ORM's query building would cost more than this
        cursor.execute("SELECT number FROM core_contentversion WHERE id = 1")
        row = cursor.fetchone()
    number = int(row[0]) if row else 0
    if request is not None:
        request._unknot_content_version = number  # type: ignore[attr-defined]
    return number


def bump_content_version(**_: Any) -> None:
    from unknot.core.models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def invalidates_content(*models: type[Model]) -> None:
    """Any save or delete of these models (or of their many-to-many links) drops cached pages."""
    for model in models:
        uid = f"unknot-content-{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_content_version, sender=through,
                                dispatch_uid=f"{uid}-{field.name}")


def shareable(request: HttpRequest) -> bool:
    """A GET by a visitor who is not logged in and has no message waiting."""
    if request.method != "GET" or request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0  # counting leaves the messages unread


def public_page(view: View) -> View:
    """Serve a page from the cache to visitors who are not logged in.

    A form token is the one thing in such a page that is each visitor's own: the
    cached copy keeps a slot in its place, filled with this visitor's token.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not shareable(request):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"page:{content_version(request)}:{path}"
        cached = caches["pages"].get(key)
        if cached is not None:
            body, content_type = cached
            if TOKEN_SLOT in body:
                body = body.replace(TOKEN_SLOT, _token_field(request))
            return HttpResponse(body, content_type=content_type)
        response = view(request, *args, **kwargs)
        # A page that sets a cookie of its own belongs to this visitor alone.
        if response.status_code == 200 and not response.streaming and not response.cookies:
            body = TOKEN_FIELD.sub(TOKEN_SLOT, response.content)
            caches["pages"].set(key, (body, response["Content-Type"]), CACHE_SECONDS)
        return response

    return wrapped


TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')
TOKEN_SLOT = b'name="csrfmiddlewaretoken" value="unknot-slot-csrf"'


def _token_field(request: HttpRequest) -> bytes:
    return f'name="csrfmiddlewaretoken" value="{get_token(request)}"'.encode()
