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


def test_the_export_holds_the_psfs_and_the_share_links_but_no_secret(client: Client) -> None:
    from datetime import UTC, datetime

    from tests.factories import name_activities
    from unknot.tracking.sharing import create_share_link, open_share_link

    person = make_person()
    episode = make_episode(person)
    name_activities(episode, date(2026, 3, 2), scores=(2, 3, 4))
    now = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    link, secret = create_share_link(episode, 7, "Physio", now=now)
    open_share_link(secret, "page", now=now)
    name_activities(make_episode(make_person()), date(2026, 3, 2))  # someone else's
    client.force_login(person)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/account/settings/export/").content))
    data = json.loads(archive.read("unknot.json"))
    assert [a["name"] for a in data["psfs_activities"]] == [
        "Climbing stairs", "Lifting the shopping", "Sitting at work"]
    assert [(r["activity"], r["score"]) for r in data["psfs_ratings"]] == [
        ("Climbing stairs", 2), ("Lifting the shopping", 3), ("Sitting at work", 4)]
    assert [(s["id"], s["label"]) for s in data["share_links"]] == [(link.pk, "Physio")]
    assert [o["what"] for o in data["share_link_openings"]] == ["page"]
    raw = archive.read("unknot.json").decode() + archive.read("share_links.csv").decode()
    assert secret not in raw and link.token_hash not in raw
    rows = list(csv.DictReader(io.StringIO(archive.read("psfs.csv").decode())))
    assert [r["score"] for r in rows] == ["2", "3", "4"]


def test_deleting_the_account_removes_the_psfs_and_share_links(client: Client) -> None:
    from tests.factories import name_activities
    from unknot.tracking.models import PsfsActivity, PsfsRating, ShareLink, ShareOpening
    from unknot.tracking.sharing import create_share_link, open_share_link

    person = make_person()
    episode = make_episode(person)
    name_activities(episode, date(2026, 3, 2))
    _, secret = create_share_link(episode, 7)
    open_share_link(secret, "page")
    client.force_login(person)
    client.post("/account/settings/delete/", {"password": PASSWORD})
    assert not PsfsActivity.objects.exists() and not PsfsRating.objects.exists()
    assert not ShareLink.objects.exists() and not ShareOpening.objects.exists()
    assert client.get(f"/track/shared/{secret}/").status_code == 404
