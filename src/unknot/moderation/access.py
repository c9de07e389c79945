"""Who may moderate: one check, used by every moderation view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from unknot.core import versions

PERMISSION = "moderation.moderate_comments"
# Permissions are kept per person under this version, bumped by any change to them.
_VERSION = "permissions"


def can_moderate(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm(PERMISSION)


def shows_moderation(user: Any) -> bool:
    """Whether the header links to the queue: has_perm, kept until permissions change.

    Asking Django costs two queries with joins on every page a person sees; the
    answer changes only when an account, group or permission is saved. The queue
    itself still asks afresh (can_moderate).
    """
    if not user.is_authenticated:
        return False
    key = f"shows-moderation:{user.pk}:{versions.current(_VERSION)}"
    answer = caches["pages"].get(key)
    if answer is None:
        answer = user.has_perm(PERMISSION)
        caches["pages"].set(key, answer, 300)
    return bool(answer)


def _permissions_changed(**_: Any) -> None:
    versions.bump(_VERSION)


def connect() -> None:
    """Any save of an account, group or permission, or of the links between them."""
    user = get_user_model()
    for model in (user, Group, Permission):
        uid = f"unknot-permissions-{model._meta.label}"
        post_save.connect(_permissions_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_permissions_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in (user.groups.through, user.user_permissions.through,
                    Group.permissions.through):
        m2m_changed.connect(_permissions_changed, sender=through,
                            dispatch_uid=f"unknot-permissions-{through._meta.label}")


def moderator_required(
    view: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Visitors are sent to sign in; signed-in people who may not moderate get a 404,
    so the queue's existence tells them nothing."""

    @wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not can_moderate(request):
            raise Http404("No such page")
        return view(request)

    return wrapper
