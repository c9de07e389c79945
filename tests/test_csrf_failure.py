"""A stale or missing CSRF token: the form again in the site's layout, with what
was typed and a fresh token, never Django's bare 403."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import make_episode, make_person
from unknot.tracking.models import CheckIn

pytestmark = pytest.mark.django_db
SAME_SITE = {"Origin": "http://testserver"}


def _stale_client() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "x" * 32  # a token that no longer matches the form's
    return client


def test_a_stale_form_comes_back_with_what_was_typed_and_a_fresh_token() -> None:
    client = _stale_client()
    person = make_person()
    client.force_login(person)
    episode = make_episode(person)
    note = "Walked to the shop & back <slowly>\nthen stretched"
    response = client.post(f"/track/{episode.pk}/checkin/", {
        "csrfmiddlewaretoken": "y" * 32, "day": "2026-03-02", "pain": "3",
        "function_limit": "2", "symptoms": ["dark_urine", "severe_swelling"], "note": note,
    }, headers=SAME_SITE)
    page = response.content.decode()
    assert response.status_code == 403
    assert "Please send that again" in page and "site-header" in page
    assert "Walked to the shop &amp; back &lt;slowly&gt;\nthen stretched" in page
    assert page.count('name="symptoms"') == 2
    assert f'action="/track/{episode.pk}/checkin/"' in page
    fresh = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert fresh and fresh.group(1) != "y" * 32
    assert not CheckIn.objects.exists()


def test_sending_it_again_with_the_fresh_token_saves_it() -> None:
    client = _stale_client()
    person = make_person()
    client.force_login(person)
    episode = make_episode(person)
    typed = {"day": episode.started_on.isoformat(), "pain": "3", "function_limit": "2",
             "note": "kept"}
    page = client.post(f"/track/{episode.pk}/checkin/", {**typed, "csrfmiddlewaretoken": "y"},
                       headers=SAME_SITE).content.decode()
    fresh = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert fresh
    again = client.post(f"/track/{episode.pk}/checkin/",
                        {**typed, "csrfmiddlewaretoken": fresh.group(1)}, headers=SAME_SITE)
    assert again.status_code == 302
    assert CheckIn.objects.get().note == "kept"


def test_a_password_is_never_written_back_into_the_page() -> None:
    response = _stale_client().post("/account/login/", {
        "login": "ann@example.org", "password": "my secret passphrase"}, headers=SAME_SITE)
    page = response.content.decode()
    assert response.status_code == 403
    assert 'value="ann@example.org"' in page
    assert "my secret passphrase" not in page
    assert 'type="password" id="resend-2" name="password"' in page


def test_a_post_from_another_site_is_not_offered_back() -> None:
    response = _stale_client().post("/account/settings/tokens/", {"name": "planted"},
                                    headers={"Origin": "https://evil.example"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "planted" not in page and "Send again" not in page
    assert "Please send that again" in page
