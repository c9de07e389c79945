"""`{% load static %}` for every template (settings.TEMPLATES names it "static"): the
same `{% static %}` tag, with each address worked out once a process.

Django's tag checks that the staticfiles app is installed (a walk over every app)
and asks the storage again on every use, several times a page, for addresses
that cannot change while the process runs.
"""

from __future__ import annotations

from functools import cache

from django import template
from django.templatetags.static import static as django_static

register = template.Library()


@cache
def _address(path: str) -> str:
    return django_static(path)


@register.simple_tag(name="static")
def static(path: str) -> str:
    return _address(path)
