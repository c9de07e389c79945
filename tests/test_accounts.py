"""Accounts: sign up, log in and out, password reset by email, guessing protection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import PASSWORD, make_person

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


def test_a_forgotten_password_is_reset_by_email(client: Client) -> None:
    person = make_person()
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


def test_a_person_can_ask_to_change_their_email(client: Client) -> None:
    person = make_person()
    client.force_login(person)
    response = client.post("/account/email/", {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert any("new@example.org" in m.to for m in mail.outbox)


def test_the_settings_page_needs_a_login(client: Client) -> None:
    assert client.get("/account/settings/").status_code == 302
