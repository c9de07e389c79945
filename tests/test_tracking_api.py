"""The personal API: tokens, episodes, check-ins, export, deletion; 404 for others' ids."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from tests.factories import calf_soreness, make_episode, make_person
from unknot.accounts.models import AccessToken
from unknot.accounts.services import create_token, revoke_token
from unknot.tracking.models import CheckIn, Episode

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 5)


def bearer(user: User) -> dict[str, str]:
    _, token = create_token(user, "tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def call(client: Client, method: str, path: str, auth: dict[str, str],
         body: Any = None) -> Any:
    kwargs: dict[str, Any] = dict(auth)
    if body is not None:
        kwargs["data"] = json.dumps(body)
        kwargs["content_type"] = "application/json"
    return getattr(client, method)(f"/api/v1{path}", **kwargs)


def test_every_personal_endpoint_needs_a_token(client: Client) -> None:
    episode = make_episode(make_person())
    for method, path in [("get", "/episodes"), ("get", f"/episodes/{episode.pk}"),
                         ("get", "/me/export"), ("delete", "/me")]:
        assert getattr(client, method)(f"/api/v1{path}").status_code == 401
    wrong = {"HTTP_AUTHORIZATION": "Bearer unk_not-a-token"}
    assert call(client, "get", "/episodes", wrong).status_code == 401


def test_a_revoked_token_stops_working(client: Client) -> None:
    person = make_person()
    auth = bearer(person)
    assert call(client, "get", "/episodes", auth).status_code == 200
    revoke_token(AccessToken.objects.get(owner=person))
    assert call(client, "get", "/episodes", auth).status_code == 401


@time_machine.travel(TODAY)
def test_a_person_starts_an_episode_and_checks_in_through_the_api(client: Client) -> None:
    person = make_person()
    auth = bearer(person)
    created = call(client, "post", "/episodes", auth, calf_soreness())
    assert created.status_code == 201
    episode_id = created.json()["id"]
    assert created.json()["first_assessment"]["level"] == "self_care"
    answer = call(client, "post", f"/episodes/{episode_id}/checkins", auth,
                  {"pain": 4, "function_limit": 3, "sleep_hours": 7.5, "note": "ok"})
    assert answer.status_code == 201
    assert answer.json()["checkin"]["day"] == TODAY.isoformat()
    listed = call(client, "get", f"/episodes/{episode_id}/checkins", auth).json()
    assert [c["pain"] for c in listed["checkins"]] == [4]
    assert call(client, "get", "/episodes", auth).json()["episodes"][0]["id"] == episode_id


@time_machine.travel(TODAY)
def test_a_new_warning_symptom_escalates_in_the_answer(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=TODAY)
    answer = call(client, "post", f"/episodes/{episode.pk}/checkins", bearer(person),
                  {"pain": 3, "function_limit": 3, "symptoms": ["dark_urine"]})
    assert answer.json()["episode"]["level"] == "emergency"
    assert answer.json()["episode"]["current"]["plan"] is None


@pytest.mark.parametrize(("body", "field"), [
    ({"function_limit": 3}, "pain"),
    ({"pain": 11, "function_limit": 3}, "pain"),
    ({"pain": 3, "function_limit": "a lot"}, "function_limit"),
    ({"pain": 3, "function_limit": 3, "sleep_hours": 30}, "sleep_hours"),
    ({"pain": 3, "function_limit": 3, "symptoms": ["hiccups"]}, "symptoms"),
    ({"pain": 3, "function_limit": 3, "sleep_hours": 7.25}, "sleep_hours"),
    ({"pain": "3", "function_limit": 3}, "pain"),
    ({"pain": True, "function_limit": 3}, "pain"),
    ({"pain": 3, "function_limit": 3, "day": 1772668800}, "day"),
    ({"pain": 3, "function_limit": 3, "mood": "fine"}, "mood"),
])
@time_machine.travel(TODAY)
def test_a_bad_check_in_is_refused_with_422_naming_the_field(
        client: Client, body: dict[str, Any], field: str) -> None:
    person = make_person()
    episode = make_episode(person)
    answer = call(client, "post", f"/episodes/{episode.pk}/checkins", bearer(person), body)
    assert answer.status_code == 422
    assert field in [e["field"] for e in answer.json()["errors"]]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ({"pain": 3, "function_limit": 3, "day": "2030-01-01"}, "day"),
    ({"pain": 3, "function_limit": 3, "day": "2026-03-01"}, "day"),
    ({"pain": 3, "function_limit": 3, "plan_done": ["not-in-the-plan"]}, "plan_done"),
])
@time_machine.travel(TODAY)
def test_a_well_formed_check_in_the_episode_cannot_take_is_a_409_naming_the_field(
        client: Client, body: dict[str, Any], field: str) -> None:
    person = make_person()
    episode = make_episode(person)
    answer = call(client, "post", f"/episodes/{episode.pk}/checkins", bearer(person), body)
    assert answer.status_code == 409
    assert field in [e["field"] for e in answer.json()["errors"]]
    assert not CheckIn.objects.exists()


def test_a_bad_intake_is_refused_with_422_naming_the_field(client: Client) -> None:
    answer = call(client, "post", "/episodes", bearer(make_person()),
                  calf_soreness(intensity=12))
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["intensity"]


def test_an_episode_is_closed_and_reopened_with_patch(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    auth = bearer(person)
    path = f"/episodes/{episode.pk}"
    refused = call(client, "patch", path, auth, {"closed": True})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "outcome"
    closed = call(client, "patch", path, auth, {"closed": True, "outcome": "recovered"})
    assert closed.json()["outcome"] == "recovered" and closed.json()["closed_on"]
    reopened = call(client, "patch", path, auth, {"closed": False})
    assert reopened.json()["closed_on"] is None


@pytest.mark.parametrize(("method", "path", "body"), [
    ("get", "/episodes/{pk}", None),
    ("patch", "/episodes/{pk}", {"closed": True, "outcome": "recovered"}),
    ("get", "/episodes/{pk}/checkins", None),
    ("post", "/episodes/{pk}/checkins", {"pain": 3, "function_limit": 3}),
])
def test_another_persons_episode_is_404_like_a_missing_one(
        client: Client, method: str, path: str, body: Any) -> None:
    episode = make_episode(make_person())
    auth = bearer(make_person())
    theirs = call(client, method, path.format(pk=episode.pk), auth, body)
    missing = call(client, method, path.format(pk=episode.pk + 999), auth, body)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert Episode.objects.get(pk=episode.pk).closed_on is None
    assert not CheckIn.objects.exists()


def test_the_owner_reads_their_episode(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    answer = call(client, "get", f"/episodes/{episode.pk}", bearer(person))
    assert answer.status_code == 200 and answer.json()["checkin_count"] == 0


def test_check_ins_come_a_page_at_a_time(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 1, 1))
    _daily(episode, 10)
    auth = bearer(person)
    first = call(client, "get", f"/episodes/{episode.pk}/checkins?limit=4", auth).json()
    assert first["checkins"][0]["day"] == "2026-01-10"
    second = call(client, "get", f"/episodes/{episode.pk}/checkins?limit=4&before="
                  f"{first['next_before']}", auth).json()
    assert second["checkins"][0]["day"] == "2026-01-06"
    bad = call(client, "get", f"/episodes/{episode.pk}/checkins?limit=0", auth)
    assert bad.status_code == 422


def _daily(episode: Episode, count: int) -> None:
    CheckIn.objects.bulk_create([
        CheckIn(episode=episode, day=episode.started_on + timedelta(days=i), pain=i % 10,
                function_limit=3, level="self_care") for i in range(count)])


def test_check_ins_make_the_same_queries_for_a_week_and_five_years(
        client: Client, django_assert_num_queries: DjangoAssertNumQueries) -> None:
    paths = []
    for size in (7, 5 * 365):
        person = make_person()
        episode = make_episode(person, started=date(2020, 1, 1))
        _daily(episode, size)
        paths.append((f"/episodes/{episode.pk}/checkins", bearer(person)))
    # Warm up: the first call records the token's last use.
    for path, auth in paths:
        call(client, "get", path, auth)
    with CaptureQueriesContext(connection) as week:
        call(client, "get", *paths[0])
    with django_assert_num_queries(len(week)):
        answer = call(client, "get", *paths[1])
    assert len(answer.json()["checkins"]) == 28


def test_export_holds_only_my_records(client: Client) -> None:
    person = make_person()
    mine = make_episode(person)
    make_episode(make_person())
    data = call(client, "get", "/me/export", bearer(person)).json()
    assert [e["id"] for e in data["episodes"]] == [mine.pk]
    assert data["account"]["email"] == person.email


def test_delete_me_removes_the_account_and_everything(client: Client) -> None:
    person = make_person()
    make_episode(person)
    other = make_episode(make_person())
    auth = bearer(person)
    assert call(client, "delete", "/me", auth).status_code == 204
    assert not User.objects.filter(pk=person.pk).exists()
    assert list(Episode.objects.all()) == [other]
    assert call(client, "get", "/episodes", auth).status_code == 401


def test_the_assessment_still_needs_no_token(client: Client) -> None:
    answer = client.post("/api/v1/assessments", data=json.dumps(calf_soreness()),
                         content_type="application/json")
    assert answer.status_code == 200


def test_the_openapi_document_lists_the_tracking_routes(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/episodes", "/api/v1/episodes/{episode_id}",
                 "/api/v1/episodes/{episode_id}/checkins", "/api/v1/me/export", "/api/v1/me"):
        assert path in paths
