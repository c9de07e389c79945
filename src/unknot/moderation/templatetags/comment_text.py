from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from django import template
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ANCHOR = re.compile(r'<a href="(?P<href>[^"]*)"(?P<attrs>[^>]*)>(?P<text>.*?)</a>', re.S)
LINK_TEXT_LIMIT = 60


def _ascii_host(host: str) -> str:
    labels = []
    for label in host.split("."):
        try:
            labels.append(label.encode("idna").decode("ascii"))
        except UnicodeError:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def _honest_host(match: re.Match[str]) -> str:
    """A link whose host is not ASCII shows its punycode form, which is where it goes.

    "аpple.com" with a Cyrillic "а" looks like apple.com and is another site,
    xn--pple-43d.com; the link goes there by that name and says so.
    """
    href = html.unescape(match.group("href"))
    parts = urlsplit(href)
    host = unquote(parts.hostname or "")
    if host.isascii():
        return match.group(0)
    netloc = _ascii_host(host) + (f":{parts.port}" if parts.port else "")
    target = urlunsplit(parts._replace(netloc=netloc))
    shown = target if len(target) <= LINK_TEXT_LIMIT else target[: LINK_TEXT_LIMIT - 1] + "…"
    return (f'<a href="{html.escape(target)}"{match.group("attrs")}>'
            f"{html.escape(shown)}</a>")


@register.filter
def comment_text(text: str) -> SafeString:
    """A comment as plain text: everything escaped, bare http(s) links made into safe links,
    line breaks kept. Only http, https and www links become links; javascript: never does."""
    linked = urlize(text, trim_url_limit=LINK_TEXT_LIMIT, nofollow=True, autoescape=True)
    linked = _ANCHOR.sub(_honest_host, linked)
    linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc noopener noreferrer"')
    paragraphs = [p.replace("\n", "<br>") for p in linked.replace("\r\n", "\n").split("\n\n")]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs if p.strip()))  # noqa: S308
