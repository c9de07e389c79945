"""Who may moderate: one check, used by every moderation view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

PERMISSION = "moderation.moderate_comments"


def can_moderate(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm(PERMISSION)


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
