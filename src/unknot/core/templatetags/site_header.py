"""`{% site_header %}`: the site header, drawn once per kind of visitor and section.

The header holds no one's data: only which links show (logged in or not, whether
the moderation queue is offered), which one is marked as the current section, and
a form token for the log-out button. So one drawn copy serves everyone of the same
kind in the same section; the token, each visitor's own, is put into a slot in the
copy on every request and never stored. Whether the moderation link shows is
itself worked out per person (moderation/access.py keeps it up to date), so a
person whose rights change gets the other copy at once.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.cache import caches
from django.template import Engine
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CACHE_SECONDS = 300
# Stands in for the form token while the copy is drawn; replaced before it is sent.
TOKEN_SLOT = "unknot-slot-header-csrf"  # noqa: S105 (a placeholder, not a secret)


def header_key(context: template.Context) -> str:
    """Everything the header template reads besides the token and the site's constant addresses."""
    user = context.get("user")
    logged_in = bool(user is not None and user.is_authenticated)
    moderation = bool(context.get("shows_moderation")) if logged_in else False
    request = context.get("request")
    here = getattr(request, "resolver_match", None)
    app_name = here.app_name if here is not None else ""
    url_name = here.url_name if here is not None else ""
    return f"header:{int(logged_in)}:{int(moderation)}:{app_name}:{url_name}"


def _header_template(context: template.Context) -> template.Template:
    """The header from the engine drawing this page (as `{% include %}` finds it)."""
    engine = context.template.engine if context.template is not None else Engine.get_default()
    return engine.get_template("core/_header.html")


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> SafeString:
    key = header_key(context)
    pages = caches["pages"]
    html: str | None = pages.get(key)
    if html is None:
        with context.push(csrf_token=TOKEN_SLOT):
            html = str(_header_template(context).render(context))
        pages.set(key, html, CACHE_SECONDS)
    if TOKEN_SLOT in html:  # only a logged-in header has a form; others never make a token
        token: Any = context.get("csrf_token")
        html = html.replace(TOKEN_SLOT, escape(str(token)))
    return mark_safe(html)  # noqa: S308 (drawn by our own template; the token is escaped)
