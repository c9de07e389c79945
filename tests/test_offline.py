"""Installable and offline: the manifest, the service worker, replays stored once, logout clears."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import make_episode, make_person
from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import CheckIn
from unknot.tracking.services import CheckinError, record_checkin

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 4)


def test_the_manifest_names_the_app_and_its_own_icons(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest(client: Client) -> None:
    assert b'<link rel="manifest" href="/manifest.webmanifest">' in client.get("/").content


def test_the_service_worker_is_served_from_the_root_with_the_files_it_keeps(
        client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    # Browsers check a worker for changes; it must never be served stale.
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    for name in ("/static/unknot/player.js", "/static/unknot/offline.js",
                 "/static/unknot/app.css"):
        assert f'"{name}"' in body
    assert '"/account/logout/"' in body and '"/account/login/"' in body
    assert "unknot-static-" in body and "{{" not in body


def test_logging_out_tells_the_browser_to_clear_what_the_site_kept(client: Client) -> None:
    person = make_person()
    client.force_login(person)
    response = client.post("/account/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session


def test_the_logout_question_itself_clears_nothing(client: Client) -> None:
    client.force_login(make_person())
    response = client.get("/account/logout/")
    assert response.status_code == 200
    assert "Clear-Site-Data" not in response


def _data(key: str | None, pain: int = 4, day: date = DAY) -> CheckinInput:
    return CheckinInput(day=day, pain=pain, function_limit=3, client_key=key)


def test_a_check_in_sent_again_with_its_key_is_stored_once() -> None:
    episode = make_episode(make_person(), started=DAY - timedelta(days=3))
    key = str(uuid.uuid4())
    first = record_checkin(episode, _data(key), today=DAY)
    again = record_checkin(episode, _data(key, pain=9), today=DAY)
    assert again.pk == first.pk
    stored = CheckIn.objects.get(episode=episode)
    assert stored.pain == 4 and stored.client_key == key
    episode.refresh_from_db()
    assert episode.checkin_count == 1


def test_a_replayed_late_day_is_not_refused_as_already_recorded() -> None:
    # Kept offline yesterday and sent twice today: the second is the same check-in.
    episode = make_episode(make_person(), started=DAY - timedelta(days=3))
    key = str(uuid.uuid4())
    yesterday = DAY - timedelta(days=1)
    record_checkin(episode, _data(key, day=yesterday), today=DAY)
    record_checkin(episode, _data(key, day=yesterday), today=DAY)
    assert CheckIn.objects.filter(episode=episode).count() == 1
    with pytest.raises(CheckinError, match="already has a check-in"):
        record_checkin(episode, _data(str(uuid.uuid4()), day=yesterday), today=DAY)


def test_a_new_key_for_today_replaces_todays_check_in_as_before() -> None:
    episode = make_episode(make_person(), started=DAY - timedelta(days=3))
    record_checkin(episode, _data(str(uuid.uuid4()), pain=6), today=DAY)
    record_checkin(episode, _data(str(uuid.uuid4()), pain=2), today=DAY)
    assert list(CheckIn.objects.filter(episode=episode).values_list("pain", flat=True)) == [2]


def test_one_persons_key_does_not_swallow_anothers_check_in() -> None:
    key = str(uuid.uuid4())
    first = make_episode(make_person(), started=DAY - timedelta(days=3))
    second = make_episode(make_person(), started=DAY - timedelta(days=3))
    record_checkin(first, _data(key), today=DAY)
    record_checkin(second, _data(key, pain=7), today=DAY)
    assert CheckIn.objects.get(episode=second).pain == 7


@pytest.mark.parametrize("key", ["", "not-a-uuid", "A" * 36, str(uuid.uuid4()).upper()])
def test_a_client_key_must_be_a_uuid(key: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="client_key"):
        _data(key)


@time_machine.travel(DAY)
def test_the_form_posted_twice_with_one_key_saves_one_check_in(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=DAY - timedelta(days=3))
    client.force_login(person)
    body = {"day": DAY.isoformat(), "pain": "5", "function_limit": "2",
            "client_key": str(uuid.uuid4())}
    for _ in range(2):
        response = client.post(f"/track/{episode.pk}/checkin/", body)
        assert response.status_code == 302
    assert CheckIn.objects.filter(episode=episode).count() == 1


@time_machine.travel(DAY)
def test_a_bad_client_key_is_named_and_nothing_typed_is_lost(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=DAY - timedelta(days=3))
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/checkin/", {
        "day": DAY.isoformat(), "pain": "5", "function_limit": "2", "note": "kept",
        "client_key": "oops"})
    assert response.status_code == 422
    assert b"kept" in response.content
    assert not CheckIn.objects.exists()
