from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from unknot.core.content import content_version
from unknot.moderation.access import shows_moderation


@cache
def site_urls() -> dict[str, str]:
    """The addresses every page links to, reversed once per process rather than per page."""
    names = {
        "start": "core:start", "about": "core:about", "intake": "assessments:intake",
        "guides": "guides:list", "products": "products:list", "episodes": "tracking:episodes",
        "moderation": "moderation:queue", "settings": "accounts:settings",
        "login": "account_login", "signup": "account_signup", "logout": "account_logout",
        "privacy": "pages:privacy", "terms": "pages:terms", "feed": "guides:feed-atom",
        "api_docs": "api_docs", "track_start": "tracking:start",
        "change_answers": "assessments:change",
    }
    return {key: reverse(name) for key, name in names.items()}


def emergency_numbers() -> list[tuple[str, str]]:
    """(number, where it is used): the operator's one number, or the three most people need."""
    if settings.EMERGENCY_NUMBER:
        return [(settings.EMERGENCY_NUMBER, "")]
    return [("112", "Europe and most countries"), ("911", "USA and Canada"), ("999", "UK")]


def site(request: HttpRequest) -> dict[str, object]:
    return {"site_name": settings.SITE_NAME, "emergency_number": settings.EMERGENCY_NUMBER,
            "emergency_numbers": emergency_numbers(), "urls": site_urls(),
            "contact_email": settings.CONTACT_EMAIL,
            # Read from the database only by a template that caches a fragment with it.
            "content_version": SimpleLazyObject(lambda: content_version(request)),
            # Asked only by the header of someone logged in.
            "shows_moderation": SimpleLazyObject(lambda: shows_moderation(request.user))}
