"""The privacy policy, the terms, and the footer that links them from every page."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.guide_helpers import make_guide, make_product

pytestmark = pytest.mark.django_db


def test_the_privacy_policy_says_what_a_comment_stores(client: Client) -> None:
    page = client.get("/privacy/").content.decode()
    for stored in ("email address", "IP address", "not written to the database", "ALTCHA"):
        assert stored in page


def test_the_privacy_policy_names_a_hosted_captcha_when_one_is_set(client: Client,
                                                                   settings: object) -> None:
    settings.CAPTCHA_PROVIDER = "turnstile"  # type: ignore[attr-defined]
    page = client.get("/privacy/").content.decode()
    assert "Cloudflare Turnstile" in page
    assert "ALTCHA" not in page


def test_the_terms_say_unknot_does_not_diagnose(client: Client) -> None:
    page = client.get("/terms/").content.decode()
    assert "does not diagnose" in page
    assert "moderator" in page


def test_every_page_links_to_the_privacy_policy_and_terms_in_its_footer(client: Client) -> None:
    guide = make_guide()
    product = make_product()
    for path in ("/", "/about/", "/assess/", "/guides/", guide.get_absolute_url(),
                 "/guides/tag/way-moving/", "/products/", product.get_absolute_url(),
                 "/privacy/", "/terms/"):
        page = client.get(path).content.decode()
        footer = page[page.index('class="site-footer"'):]
        assert 'href="/privacy/"' in footer, path
        assert 'href="/terms/"' in footer, path
