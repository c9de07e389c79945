"""A corpus of hostile comments: once published, every one renders as inert text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.guide_helpers import make_comment, make_guide
from unknot.moderation.models import GuideComment
from unknot.moderation.templatetags.comment_text import comment_text

HOSTILE = [
    "<script>alert('x')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "<a href=\"javascript:alert(1)\">click</a>",
    "javascript:alert(document.cookie)",
    "[click me](javascript:alert(1))",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "http://example.com/\" onmouseover=\"alert(1)",
    "https://example.com/<script>alert(1)</script>",
    "www.example.com/path?q=<b>bold</b>",
    "\u202eevil.exe\u202c gnp.txt",  # right-to-left override
    "zero\u200bwidth\u200djoiners\ufeff",
    "Z\u0351\u0352\u0353\u0354\u0355\u0356a\u0357\u0358\u0359lgo",  # stacked combining marks
    "😀" * 500,
    "x" * 3000,
    "{{ settings.SECRET_KEY }} {% debug %}",
    "<!-- comment --><![CDATA[ x ]]>",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_comment_renders_only_paragraphs_breaks_and_plain_links(text: str) -> None:
    for tag, attrs in _elements(str(comment_text(text))):
        assert tag in {"p", "br", "a"}, tag
        for name, value in attrs:
            assert name in {"href", "rel"}, name
            if name == "href":
                assert value is not None
                assert value.startswith(("http://", "https://", "mailto:")), value
                assert "<" not in value and '"' not in value


def test_plain_links_in_a_comment_become_safe_links() -> None:
    html = str(comment_text("See https://www.nice.org.uk/guidance/ng59 for more"))
    assert 'href="https://www.nice.org.uk/guidance/ng59"' in html
    assert 'rel="nofollow ugc noopener noreferrer"' in html


@pytest.mark.django_db
def test_published_hostile_comments_add_no_element_to_the_guide_page(client: Client) -> None:
    guide = make_guide()
    page_before = client.get(guide.get_absolute_url()).content.decode()
    for text in HOSTILE:
        make_comment(guide, status=GuideComment.APPROVED, text=text)
    page = client.get(guide.get_absolute_url()).content.decode()
    comments = page[page.index('class="comment-list"'):page.index('id="comment-form"')]
    for tag, attrs in _elements(comments):
        assert tag in {"ol", "li", "p", "strong", "time", "div", "br", "a", "h3"}, tag
        assert not any(name.startswith("on") or name == "style" for name, _ in attrs)
        for name, value in attrs:
            if name == "href":
                assert value is not None and value.startswith(("http", "mailto:")), value
    scripts = [t for t, _ in _elements(page) if t == "script"]
    assert len(scripts) == len([t for t, _ in _elements(page_before) if t == "script"])
    assert "SECRET_KEY }}" in page
