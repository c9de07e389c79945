"""The API for the PSFS, outcomes, what helped and share links: 404 for others' ids."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from tests.factories import make_episode, make_person, name_activities
from tests.test_tracking_api import bearer, call
from unknot.tracking.models import PsfsActivity, PsfsRating, ShareLink

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 5)
NAMES = [{"name": "Climbing stairs", "score": 3}, {"name": "Lifting", "score": 4},
         {"name": "Sitting", "score": 5}]


@time_machine.travel(TODAY, tick=False)
def test_activities_are_named_and_rated_through_the_api(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=TODAY)
    auth = bearer(person)
    response = call(client, "post", f"/episodes/{episode.pk}/psfs", auth, {"activities": NAMES})
    assert response.status_code == 201
    activities = response.json()["psfs"]["activities"]
    assert [(a["name"], a["start"]) for a in activities] == [
        ("Climbing stairs", 3), ("Lifting", 4), ("Sitting", 5)]
    scores = [{"activity_id": a["id"], "score": 6} for a in activities]
    response = call(client, "post", f"/episodes/{episode.pk}/psfs/ratings", auth,
                    {"scores": scores})
    assert response.status_code == 201
    assert [a["now"] for a in response.json()["psfs"]["activities"]] == [6, 6, 6]
    outcomes = call(client, "get", f"/episodes/{episode.pk}/outcomes", auth).json()
    assert outcomes["what_helped"]["thresholds"]["min_days_with_and_without"] == 7
    assert outcomes["what_helped"]["findings"] == []


@time_machine.travel(TODAY, tick=False)
def test_bad_psfs_bodies_answer_422_naming_each_field(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=TODAY)
    auth = bearer(person)
    response = call(client, "post", f"/episodes/{episode.pk}/psfs", auth,
                    {"activities": NAMES[:2]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "activities"
    twice = call(client, "post", f"/episodes/{episode.pk}/psfs", auth,
                 {"activities": [NAMES[0], NAMES[0], NAMES[1]]})
    assert twice.status_code == 409
    assert twice.json()["errors"][0]["field"] == "activities.1.name"
    response = call(client, "post", f"/episodes/{episode.pk}/psfs", auth, {"activities": [
        *NAMES[:2], {"name": "Sitting", "score": 12}]})
    assert response.json()["errors"][0]["field"] == "activities.2.score"
    assert not PsfsActivity.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_a_rating_naming_another_persons_activity_is_refused(client: Client) -> None:
    person, stranger = make_person(), make_person()
    mine, theirs = make_episode(person, started=TODAY), make_episode(stranger, started=TODAY)
    name_activities(mine, TODAY)
    name_activities(theirs, TODAY)
    foreign = theirs.psfs_activities.first()
    assert foreign is not None
    scores = [{"activity_id": a.pk, "score": 9} for a in mine.psfs_activities.all()]
    scores.append({"activity_id": foreign.pk, "score": 0})
    response = call(client, "post", f"/episodes/{mine.pk}/psfs/ratings", bearer(person),
                    {"scores": scores})
    assert response.status_code == 409
    assert response.json()["errors"] == [{"field": f"scores.{foreign.pk}",
                                          "message": "is not an activity of this episode"}]
    assert list(PsfsRating.objects.filter(activity=foreign).values_list("score", flat=True)) == [3]


@time_machine.travel(TODAY, tick=False)
def test_share_links_are_made_listed_and_withdrawn_through_the_api(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=TODAY)
    auth = bearer(person)
    made = call(client, "post", f"/episodes/{episode.pk}/share-links", auth,
                {"days": 1, "label": "Physio"})
    assert made.status_code == 201
    url = made.json()["url"]
    assert url.startswith("http://testserver/track/shared/shr_")
    assert client.get(url).status_code == 200
    listed = call(client, "get", f"/episodes/{episode.pk}/share-links", auth).json()
    assert [(link["label"], link["state"], link["openings"]) for link in listed["share_links"]] \
        == [("Physio", "active", 1)]
    assert "url" not in listed["share_links"][0]
    link_id = made.json()["id"]
    assert call(client, "delete", f"/episodes/{episode.pk}/share-links/{link_id}",
                auth).status_code == 204
    assert client.get(url).status_code == 410
    refused = call(client, "post", f"/episodes/{episode.pk}/share-links", auth, {"days": 90})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "days"


@pytest.mark.parametrize(("method", "path", "body"), [
    ("get", "/episodes/{pk}/outcomes", None),
    ("post", "/episodes/{pk}/psfs", {"activities": NAMES}),
    ("post", "/episodes/{pk}/psfs/ratings", {"scores": []}),
    ("get", "/episodes/{pk}/fhir", None),
    ("get", "/episodes/{pk}/share-links", None),
    ("post", "/episodes/{pk}/share-links", {"days": 7}),
    ("delete", "/episodes/{pk}/share-links/{link}", None),
])
def test_another_person_gets_404_for_outcomes_psfs_fhir_and_share_links(
        client: Client, method: str, path: str, body: object) -> None:
    owner = make_person()
    episode = make_episode(owner)
    link = call(client, "post", f"/episodes/{episode.pk}/share-links", bearer(owner),
                {"days": 7}).json()["id"]
    response = call(client, method, path.format(pk=episode.pk, link=link),
                    bearer(make_person()), body)
    assert response.status_code == 404
    assert ShareLink.objects.filter(revoked_at__isnull=True).count() == 1
    assert not PsfsActivity.objects.exists()


def test_a_link_id_under_another_of_ones_own_episodes_is_404(client: Client) -> None:
    owner = make_person()
    first, second = make_episode(owner), make_episode(owner)
    auth = bearer(owner)
    link = call(client, "post", f"/episodes/{first.pk}/share-links", auth, {"days": 7}).json()
    assert call(client, "delete", f"/episodes/{second.pk}/share-links/{link['id']}",
                auth).status_code == 404


def test_the_openapi_document_lists_the_outcome_and_sharing_routes(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/episodes/{episode_id}/outcomes", "/api/v1/episodes/{episode_id}/psfs",
                 "/api/v1/episodes/{episode_id}/psfs/ratings",
                 "/api/v1/episodes/{episode_id}/fhir",
                 "/api/v1/episodes/{episode_id}/share-links",
                 "/api/v1/episodes/{episode_id}/share-links/{link_id}"):
        assert path in paths, path
