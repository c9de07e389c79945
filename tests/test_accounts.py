"""Accounts: sign up, log in and out, password reset by email, guessing protection."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import PASSWORD, make_person
from unknot.accounts.models import AccessToken
from unknot.accounts.services import MAX_TOKENS, create_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def test_a_person_can_sign_up_and_their_password_is_hashed_with_argon2(client: Client) -> None:
    response = client.post("/account/signup/", {
        "email": "ada@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ada@example.org")
    assert user.password.startswith("argon2$")
    assert client.get("/track/").status_code == 200


def test_a_signup_error_keeps_what_was_typed_beside_the_field(client: Client) -> None:
    response = client.post("/account/signup/", {
        "email": "ada@example.org", "password1": PASSWORD, "password2": "different"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="ada@example.org"' in body
    assert "same password" in body


def test_a_person_can_log_in_and_out(client: Client) -> None:
    person = make_person()
    response = client.post("/account/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/account/settings/").status_code == 200
    client.post("/account/logout/")
    assert client.get("/account/settings/").status_code == 302


def test_password_guessing_is_stopped_with_a_clear_message(client: Client) -> None:
    person = make_person()
    for _ in range(5):
        client.post("/account/login/", {"login": person.email, "password": "wrong guess"})
    response = client.post("/account/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_is_reset_by_email(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    person = make_person()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/password/reset/", {"email": person.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    link = next(word for word in message.body.split() if "/account/password/reset/key/" in word)
    path = link.split("testserver", 1)[-1]
    form_page = client.get(path, follow=True)
    new_password = "a brand new long passphrase"
    response = client.post(form_page.request["PATH_INFO"], {
        "password1": new_password, "password2": new_password})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)


def test_a_person_can_ask_to_change_their_email(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    person = make_person()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/email/",
                               {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert any("new@example.org" in m.to for m in mail.outbox)


def test_the_settings_page_needs_a_login(client: Client) -> None:
    assert client.get("/account/settings/").status_code == 302


def test_changing_the_password_revokes_api_tokens_and_the_calendar_address(
    client: Client,
) -> None:
    from unknot.accounts.services import create_token, user_for_token
    from unknot.tracking.reminders import create_feed, owner_of_feed

    person = make_person()
    _, token = create_token(person, "phone")
    feed = create_feed(person)
    client.force_login(person)
    response = client.post("/account/password/change/", {
        "oldpassword": PASSWORD, "password1": "a-new-long-passphrase-9",
        "password2": "a-new-long-passphrase-9"})
    assert response.status_code == 302
    assert user_for_token(token) is None
    assert owner_of_feed(feed) is None


def test_a_reset_for_an_unknown_address_sends_no_email(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_guessing_at_the_admin_login_is_stopped(client: Client) -> None:
    staff = make_person()
    staff.is_staff = True
    staff.save()
    for _ in range(5):
        client.post("/admin/login/", {"username": staff.username, "password": "wrong"})
    response = client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_still_works_for_a_first_try(client: Client) -> None:
    staff = make_person()
    staff.is_staff = True
    staff.save()
    response = client.post("/admin/login/?next=/admin/",
                           {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_login_limits_count_the_visitor_behind_a_trusted_proxy(client: Client) -> None:
    from django.test.utils import override_settings

    victims = [make_person() for _ in range(6)]
    visitor = make_person()
    with override_settings(TRUSTED_PROXIES=frozenset({"127.0.0.1"})):
        # one guesser behind the proxy fails against many accounts...
        for victim in victims:
            client.post("/account/login/", {"login": victim.email, "password": "wrong"},
                        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
        # ...and is refused, while a visitor from another address still gets in
        guesser = client.post("/account/login/", {"login": visitor.email, "password": PASSWORD},
                              REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
        other = Client().post("/account/login/", {"login": visitor.email, "password": PASSWORD},
                              REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert guesser.status_code == 200, "the guessing address is refused"
    assert other.status_code == 302, "another visitor's address is not locked out"


def test_each_failed_login_counts_once_towards_the_lockout(client: Client) -> None:
    person = make_person()
    for _ in range(4):
        refused = client.post("/account/login/", {"login": person.email, "password": "wrong"})
        assert b"Too many failed login attempts" not in refused.content
    # Four failures, counted once each: one try is left, and the right password works.
    client.post("/account/login/", {"login": person.email, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(person.pk)


def test_the_fifth_failure_is_the_last_before_the_lockout(client: Client) -> None:
    person = make_person()
    for _ in range(5):
        refused = client.post("/account/login/", {"login": person.email, "password": "wrong"})
        assert b"Too many failed login attempts" not in refused.content
    locked = client.post("/account/login/", {"login": person.email, "password": "wrong"})
    assert b"Too many failed login attempts" in locked.content


def test_a_person_can_hold_at_most_twenty_tokens(client: Client) -> None:
    person = make_person()
    client.force_login(person)
    for n in range(MAX_TOKENS):
        create_token(person, f"device {n}")
    response = client.post("/account/settings/tokens/", {"name": "one more"})
    assert response.status_code == 422
    assert "revoke one" in response.content.decode()
    assert AccessToken.objects.filter(owner=person).count() == MAX_TOKENS
