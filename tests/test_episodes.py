"""Episodes: Track this, several episodes, closing, and ownership (404 to others)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from tests.factories import calf_soreness, checkin, make_episode, make_person
from unknot.accounts.services import create_token
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.services import close_episode, episodes_past_year

pytestmark = pytest.mark.django_db


def test_track_this_starts_an_episode_keeping_intake_assessment_and_plan(
        client: Client) -> None:
    person = make_person()
    client.force_login(person)
    response = client.post("/track/start/", {"intake": json.dumps(calf_soreness())})
    episode = Episode.objects.get(owner=person)
    assert response.status_code == 302
    assert response["Location"] == f"/track/{episode.pk}/"
    assert episode.intake["areas"] == ["calf"]
    assert episode.first_assessment["level"] == "self_care"
    assert episode.first_assessment["plan"]["movement"]


def test_track_this_without_an_account_keeps_the_intake_until_login(client: Client) -> None:
    response = client.post("/track/start/", {"intake": json.dumps(calf_soreness())})
    assert response.status_code == 200
    assert b"Create an account" in response.content
    assert not Episode.objects.exists()
    person = make_person()
    client.force_login(person)
    assert b"Start tracking" in client.get("/track/start/continue/").content
    response = client.post("/track/start/continue/")
    assert Episode.objects.get(owner=person).intake["areas"] == ["calf"]


def test_track_this_rejects_an_intake_that_breaks_the_contract(client: Client) -> None:
    client.force_login(make_person())
    response = client.post("/track/start/", {"intake": json.dumps({"age": 3})})
    assert response.status_code == 400
    assert not Episode.objects.exists()


def test_the_result_page_offers_track_this(client: Client) -> None:
    response = client.post("/assess/", {
        "age": "34", "areas": ["calf"], "cause": "overexertion", "trauma": "none",
        "onset_amount": "1", "onset_unit": "days", "intensity": "5", "trend": "same",
        "function_limit": "4"})
    assert b'action="/track/start/"' in response.content


def test_earlier_episodes_prefill_episodes_past_year(client: Client) -> None:
    person = make_person()
    with time_machine.travel(date(2026, 6, 1)):
        make_episode(person, started=date(2026, 1, 10))
        make_episode(person, started=date(2026, 4, 1))
        make_episode(person, started=date(2025, 1, 1))
        assert episodes_past_year(person) == 2
        client.force_login(person)
        body = client.get("/assess/").content.decode()
    assert 'name="episodes_past_year"' in body
    assert 'value="2"' in body


def test_a_person_can_close_an_episode_with_how_it_ended(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/close/", {"outcome": "recovered",
                                                          "note": "Back to running"})
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.outcome == "recovered" and episode.closed_on is not None
    listing = client.get("/track/").content.decode()
    assert "Past episodes" in listing and "Recovered fully" in listing


def test_closing_without_an_outcome_says_what_is_missing(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/close/", {"note": "kept"})
    assert response.status_code == 422
    assert b"Choose how it ended." in response.content
    assert b"kept" in response.content


@pytest.mark.parametrize("path", [
    "/track/{pk}/", "/track/{pk}/checkin/", "/track/{pk}/close/",
    "/track/{pk}/chart/pain.svg",
])
def test_the_owner_gets_in(client: Client, path: str) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    assert client.get(path.format(pk=episode.pk)).status_code == 200


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/track/{pk}/"), ("get", "/track/{pk}/checkin/"), ("post", "/track/{pk}/checkin/"),
    ("get", "/track/{pk}/close/"), ("post", "/track/{pk}/close/"),
    ("post", "/track/{pk}/reopen/"), ("get", "/track/{pk}/chart/pain.svg"),
])
def test_another_person_gets_404_everywhere(client: Client, method: str, path: str) -> None:
    episode = make_episode(make_person())
    client.force_login(make_person())
    response = getattr(client, method)(path.format(pk=episode.pk))
    assert response.status_code == 404
    missing = getattr(client, method)(path.format(pk=episode.pk + 1000))
    assert missing.status_code == 404


def test_someone_logged_out_is_sent_to_log_in(client: Client) -> None:
    episode = make_episode(make_person())
    response = client.get(f"/track/{episode.pk}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def _daily(episode: Episode, count: int) -> None:
    CheckIn.objects.bulk_create([
        CheckIn(episode=episode, day=episode.started_on + timedelta(days=i), pain=i % 10,
                function_limit=3, level="self_care", plan_done=["sleep"], plan_total=4)
        for i in range(count)])


def _history_path(client: Client, size: int, kind: str) -> str:
    person = make_person()
    episode = make_episode(person, started=date(2020, 1, 1))
    _daily(episode, size)
    client.force_login(person)
    return f"/track/{episode.pk}/" if kind == "episode" else f"/track/{episode.pk}/chart/pain.svg"


@pytest.mark.parametrize("kind", ["episode", "chart"])
def test_history_pages_make_the_same_queries_for_a_week_and_five_years(
        client: Client, django_assert_num_queries: DjangoAssertNumQueries, kind: str) -> None:
    week = _history_path(client, 7, kind)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(week).status_code == 200
    five_years = _history_path(client, 5 * 365, kind)
    caches["pages"].clear()  # both draw the plan: the second must not be served the first's copy
    with django_assert_num_queries(len(queries)):
        assert client.get(five_years).status_code == 200


def test_the_episode_page_shows_check_ins_in_a_table(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    checkin(episode, date(2026, 3, 3), pain=4, note="stiff in the morning")
    client.force_login(person)
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert "Tue 3 Mar 2026" in body and "stiff in the morning" in body
    assert f"/track/{episode.pk}/chart/pain.svg" in body


def test_a_long_history_is_shown_two_weeks_at_a_time(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 1, 1))
    _daily(episode, 20)
    client.force_login(person)
    first = client.get(f"/track/{episode.pk}/").content.decode()
    assert first.count('<th scope="row">') == 14
    assert "?before=2026-01-07" in first and "Older check-ins" in first
    assert "(your first answers)" not in first
    older = client.get(f"/track/{episode.pk}/?before=2026-01-07").content.decode()
    # The oldest six check-ins, and the first answers the charts start from.
    assert older.count('<th scope="row">') == 7 and "(your first answers)" in older
    assert "Newest check-ins" in older and "Older check-ins" not in older
    assert "chart/pain.svg?before=2026-01-07" in older


def test_the_check_in_count_counts_each_day_once() -> None:
    episode = make_episode(make_person())
    checkin(episode, date(2026, 3, 3), pain=4)
    checkin(episode, date(2026, 3, 3), pain=3)
    checkin(episode, date(2026, 3, 4), pain=3)
    episode.refresh_from_db()
    assert episode.checkin_count == 2 == episode.checkins.count()


def test_a_person_cannot_open_more_episodes_than_the_limit(client: Client,
                                                            settings: Any) -> None:
    settings.MAX_OPEN_EPISODES = 2
    person = make_person()
    first = make_episode(person)
    make_episode(person)
    client.force_login(person)
    response = client.post("/track/start/", {"intake": json.dumps(calf_soreness())},
                           follow=True)
    page = response.content.decode()
    assert "the most there can be at once" in page
    assert "waiting to be tracked" in page  # the answers are kept, not lost
    assert Episode.objects.filter(owner=person).count() == 2
    close_episode(first, "recovered")
    assert client.post("/track/start/continue/").status_code == 302
    assert Episode.objects.filter(owner=person, closed_on__isnull=True).count() == 2
    reopened = client.post(f"/track/{first.pk}/reopen/", follow=True)
    assert "the most there can be at once" in reopened.content.decode()
    first.refresh_from_db()
    assert not first.is_open


def test_the_api_answers_409_past_the_open_episode_limit(client: Client,
                                                         settings: Any) -> None:
    settings.MAX_OPEN_EPISODES = 1
    person = make_person()
    make_episode(person)
    _, token = create_token(person, "tests")
    response = client.post("/api/v1/episodes", data=calf_soreness(),
                           content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 409
    assert "open episodes" in response.json()["detail"]
