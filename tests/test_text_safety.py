"""Text that cannot deceive: normalised comments and names, honest link hosts,
no protocol-relative links in guides, and a Permissions-Policy on every page."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_person
from tests.guide_helpers import make_guide, post_comment
from unknot.accounts.services import create_token
from unknot.core.text import clean_line, clean_text
from unknot.guides.markdown import render_markdown
from unknot.moderation.models import GuideComment
from unknot.moderation.templatetags.comment_text import comment_text

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


def test_bidirectional_overrides_and_controls_are_removed_and_text_is_nfc() -> None:
    assert clean_text(f"evil{RLO}gpj.exe\x00\x07 and cafe\u0301\r\nnext\tline") == \
        "evilgpj.exe and caf\u00e9\nnext\tline"
    assert clean_line(f"  Ann{LRI}a{PDI}\n  Smith ") == "Anna Smith"


@pytest.mark.django_db
def test_a_posted_comment_and_its_name_are_stored_clean(client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, name=f"Admin{RLO}nimdA", comment=f"Hi{RLO}there\x1b")
    assert response.status_code == 302
    stored = GuideComment.objects.get()
    assert (stored.user_name, stored.comment) == ("AdminnimdA", "Hithere")


@pytest.mark.django_db
def test_a_name_of_only_invisible_characters_is_refused(client: Client) -> None:
    response = post_comment(client, make_guide(), name=f"{RLO}{LRI}\x00")
    assert response.status_code == 400
    assert not GuideComment.objects.exists()


@pytest.mark.django_db
def test_token_names_are_cleaned_too() -> None:
    record, _ = create_token(make_person(), f"my{RLO}phone\x00")
    assert record.name == "myphone"


def test_a_link_whose_host_is_not_ascii_shows_its_punycode() -> None:
    html = str(comment_text("log in at https://\u0430pple.com/login now"))
    assert 'href="https://xn--pple-43d.com/login"' in html
    assert ">https://xn--pple-43d.com/login</a>" in html
    assert "\u0430pple" not in html


def test_an_ascii_link_is_shown_as_it_was_written() -> None:
    html = str(comment_text("see https://example.org/a and www.example.org"))
    assert ">https://example.org/a</a>" in html and ">www.example.org</a>" in html


@pytest.mark.parametrize("href", ["//evil.example/x", "/\\evil.example", " //evil.example"])
def test_guide_markdown_drops_protocol_relative_links(href: str) -> None:
    html = render_markdown(f"[read this]({href}) and [ours](/guides/)")
    assert "evil.example" not in html
    assert "read this" in html and 'href="/guides/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/v1/version"])
def test_every_answer_says_which_browser_features_it_never_uses(client: Client,
                                                                path: str) -> None:
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
