from __future__ import annotations

from django import template
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def comment_text(text: str) -> SafeString:
    """A comment as plain text: everything escaped, bare http(s) links made into safe links,
    line breaks kept. Only http, https and www links become links; javascript: never does."""
    linked = urlize(text, trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc noopener noreferrer"')
    paragraphs = [p.replace("\n", "<br>") for p in linked.replace("\r\n", "\n").split("\n\n")]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs if p.strip()))  # noqa: S308
