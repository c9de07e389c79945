"""Markdown to HTML that is safe to show, whoever wrote the Markdown."""

from __future__ import annotations

import markdown
import nh3

# Editors are trusted to write, not to run code: Markdown may carry raw HTML,
# so the output is cleaned to a small set of tags and every link to http(s) or
# a path on this site.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p",
    "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def _no_protocol_relative(tag: str, attribute: str, value: str) -> str | None:
    # "//evil.example/x" has no scheme, so it passes a scheme check, yet it
    # leaves the site; browsers read "/\\host" and "\\\\host" the same way.
    # Such links are dropped (the words stay, unlinked).
    if attribute == "href" and value.strip()[:2].replace("\\", "/") == "//":
        return None
    return value


def render_markdown(text: str) -> str:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_no_protocol_relative,
    )
