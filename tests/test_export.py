"""Owning one's data: export everything, delete the account and everything with it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import PASSWORD, checkin, make_episode, make_person
from unknot.accounts.models import AccessToken
from unknot.accounts.services import create_token
from unknot.tracking.models import CheckIn, Episode

pytestmark = pytest.mark.django_db


def test_export_round_trips_every_record_as_json_and_csv(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    checkin(episode, date(2026, 3, 3), pain=4, note="first")
    checkin(episode, date(2026, 3, 4), pain=3, sleep_hours=6.5, note="second, with a comma")
    make_episode(make_person())  # someone else's, which must not appear
    client.force_login(person)
    response = client.get("/account/settings/export/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("unknot.json"))
    assert data["account"]["email"] == person.email
    assert [e["id"] for e in data["episodes"]] == [episode.pk]
    assert data["episodes"][0]["intake"] == episode.intake
    saved = list(CheckIn.objects.filter(episode=episode).order_by("day"))
    assert [(c["day"], c["pain"], c["note"]) for c in data["checkins"]] == [
        (c.day.isoformat(), c.pain, c.note) for c in saved]
    assert data["checkins"][1]["sleep_hours"] == 6.5
    rows = list(csv.DictReader(io.StringIO(archive.read("checkins.csv").decode())))
    assert [r["note"] for r in rows] == ["first", "second, with a comma"]
    episodes = list(csv.DictReader(io.StringIO(archive.read("episodes.csv").decode())))
    assert json.loads(episodes[0]["intake"]) == episode.intake


def test_the_export_needs_a_login(client: Client) -> None:
    assert client.get("/account/settings/export/").status_code == 302


def test_deleting_the_account_needs_the_password(client: Client) -> None:
    person = make_person()
    make_episode(person)
    client.force_login(person)
    response = client.post("/account/settings/delete/", {"password": "not it"})
    assert response.status_code == 422
    assert b"That is not your password. Nothing was deleted." in response.content
    assert Episode.objects.filter(owner=person).exists()


def test_deleting_the_account_removes_everything(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    checkin(episode, date(2026, 3, 3))
    create_token(person, "phone")
    other = make_episode(make_person())
    client.force_login(person)
    response = client.post("/account/settings/delete/", {"password": PASSWORD})
    assert response.status_code == 200 and b"Your account is deleted" in response.content
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert list(Episode.objects.all()) == [other]
    assert not CheckIn.objects.exists() and not AccessToken.objects.exists()
    assert client.get("/track/").status_code == 302


def test_tokens_are_shown_once_stored_as_a_hash_and_revoked_only_by_their_owner(
        client: Client) -> None:
    person = make_person()
    client.force_login(person)
    body = client.post("/account/settings/tokens/", {"name": "my phone"}).content.decode()
    token = AccessToken.objects.get(owner=person)
    plain = body.split('<code class="token">')[1].split("<")[0]
    assert plain.startswith("unk_") and plain not in token.token_hash
    other = make_person()
    client.force_login(other)
    assert client.post(f"/account/settings/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(person)
    assert client.post(f"/account/settings/tokens/{token.pk}/revoke/").status_code == 302
    assert not AccessToken.objects.exists()


def test_a_token_needs_a_name(client: Client) -> None:
    client.force_login(make_person())
    response = client.post("/account/settings/tokens/", {"name": ""})
    assert response.status_code == 422
    assert b"Give the token a name" in response.content
