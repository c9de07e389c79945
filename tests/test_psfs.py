"""The Patient-Specific Functional Scale on the web: naming, weekly rating, the episode page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from tests.factories import checkin, make_episode, make_person, name_activities, rate_activities
from unknot.tracking.models import CheckIn, Episode, PsfsActivity, PsfsRating
from unknot.tracking.psfs import PsfsError, psfs_summary, rate_psfs, start_psfs

pytestmark = pytest.mark.django_db
START = date(2026, 3, 2)


def naming(*rows: tuple[str, str]) -> dict[str, str]:
    data = {}
    for number, (name, score) in enumerate(rows, start=1):
        data[f"name_{number}"] = name
        if score:
            data[f"score_{number}"] = score
    return data


@time_machine.travel(START, tick=False)
def test_a_person_names_three_activities_with_their_first_scores(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    client.force_login(person)
    assert b"Name your everyday activities" in client.get(f"/track/{episode.pk}/psfs/").content
    response = client.post(f"/track/{episode.pk}/psfs/", naming(
        ("Climbing  stairs ", "3"), ("Lifting the shopping", "4"), ("Sitting at work", "6")))
    assert response.status_code == 302
    assert list(episode.psfs_activities.values_list("position", "name")) == [
        (1, "Climbing stairs"), (2, "Lifting the shopping"), (3, "Sitting at work")]
    assert sorted(PsfsRating.objects.values_list("score", "day")) == [
        (3, START), (4, START), (6, START)]


@time_machine.travel(START, tick=False)
def test_fewer_than_three_activities_are_refused_keeping_what_was_typed(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/psfs/", naming(
        ("Climbing stairs", "3"), ("Carrying a child", "")))
    body = response.content.decode()
    assert response.status_code == 422
    assert "Name at least 3 activities." in body
    assert "Choose how well you can do it, from 0 to 10." in body
    assert 'value="Carrying a child"' in body
    assert not PsfsActivity.objects.exists()


@time_machine.travel(START, tick=False)
def test_an_activity_named_twice_is_refused_beside_the_field(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/psfs/", naming(
        ("Climbing stairs", "3"), ("climbing stairs", "4"), ("Sitting", "5")))
    assert response.status_code == 422
    assert 'id="name_2-error">Is named twice.' in response.content.decode()


@time_machine.travel(START, tick=False)
def test_a_score_for_an_unnamed_optional_activity_asks_for_its_name(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    client.force_login(person)
    data = naming(("A", "3"), ("B", "4"), ("C", "5"))
    data["score_4"] = "7"
    response = client.post(f"/track/{episode.pk}/psfs/", data)
    assert response.status_code == 422
    assert b"Name the activity this score is for." in response.content


def test_the_service_refuses_naming_twice_and_out_of_range_scores() -> None:
    episode = make_episode(make_person(), started=START)
    with pytest.raises(PsfsError) as error:
        start_psfs(episode, [("A", 3), ("B", 11), ("C", -1)], today=START)
    assert [e.field for e in error.value.errors] == ["activities.1.score", "activities.2.score"]
    name_activities(episode, START)
    with pytest.raises(PsfsError, match="already named"):
        name_activities(episode, START)


def test_a_rating_needs_every_activity_and_refuses_another_episodes_activity() -> None:
    person = make_person()
    episode, other = make_episode(person, started=START), make_episode(person, started=START)
    name_activities(episode, START)
    name_activities(other, START)
    mine = list(episode.psfs_activities.all())
    theirs = other.psfs_activities.first()
    assert theirs is not None
    with pytest.raises(PsfsError) as error:
        rate_psfs(episode, {mine[0].pk: 5, mine[1].pk: 5, theirs.pk: 5}, today=START)
    fields = {e.field: e.message for e in error.value.errors}
    assert fields[f"scores.{theirs.pk}"] == "is not an activity of this episode"
    assert fields[f"scores.{mine[2].pk}"] == "is needed for “Sitting at work”"
    assert not PsfsRating.objects.filter(activity=theirs).exclude(day=START).exists()


def test_todays_rating_can_be_changed_and_an_earlier_one_is_kept() -> None:
    episode = make_episode(make_person(), started=START)
    name_activities(episode, START, scores=(3, 4, 5))
    week = START + timedelta(days=7)
    rate_activities(episode, week, (5, 5, 5))
    rate_activities(episode, week, (6, 6, 6))
    assert PsfsRating.objects.filter(day=week).count() == 3
    assert sorted(PsfsRating.objects.filter(day=START).values_list("score", flat=True)) == [
        3, 4, 5]


def test_the_summary_compares_the_first_rating_with_the_latest() -> None:
    episode = make_episode(make_person(), started=START)
    name_activities(episode, START, scores=(2, 3, 4))
    rate_activities(episode, START + timedelta(days=7), (3, 4, 5))
    rate_activities(episode, START + timedelta(days=14), (5, 6, 4))
    summary = psfs_summary(episode, today=START + timedelta(days=14))
    assert summary.means == [3.0, 4.0, 5.0]
    assert summary.change is not None and summary.change.verdict == "better"
    assert [row.verdict for row in summary.rows] == ["better", "better", "no_change_yet"]
    assert summary.rated_today and not summary.due
    assert psfs_summary(episode, today=START + timedelta(days=21)).due


@time_machine.travel(START + timedelta(days=7), tick=False)
def test_the_episode_page_shows_the_activities_against_the_change_that_matters(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    name_activities(episode, START, scores=(2, 3, 4))
    checkin(episode, START + timedelta(days=1), pain=3)
    client.force_login(person)
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert "Rated once so far" in body
    assert "Rate your activities: a week has passed" in body
    assert "Pain: 5 at the start, 3 now (down 2 points). That is a change that matters" in body
    rate_activities(episode, START + timedelta(days=7), (5, 5, 6))
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert ("Activities named (average, 0 to 10): 3 at the start, 5.3 now (up 2.3 points). "
            "That is a change that matters: better.") in body
    assert "Stratford et al. 1995" in body
    assert f"/track/{episode.pk}/psfs.svg" in body
    svg = client.get(f"/track/{episode.pk}/psfs.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"Start + 2: a change that matters" in svg.content


def test_a_closed_episode_takes_no_ratings(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    Episode.objects.filter(pk=episode.pk).update(closed_on=START, outcome="recovered")
    client.force_login(person)
    assert client.get(f"/track/{episode.pk}/psfs/").status_code == 404
    episode.refresh_from_db()
    with pytest.raises(PsfsError, match="closed"):
        name_activities(episode, START)


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/track/{pk}/psfs/"), ("post", "/track/{pk}/psfs/"), ("get", "/track/{pk}/psfs.svg"),
])
def test_another_person_gets_404_for_the_psfs(client: Client, method: str, path: str) -> None:
    episode = make_episode(make_person(), started=START)
    name_activities(episode, START)
    client.force_login(make_person())
    assert getattr(client, method)(path.format(pk=episode.pk)).status_code == 404


def _long_history(client: Client, days: int) -> str:
    person = make_person()
    episode = make_episode(person, started=date(2020, 1, 1))
    name_activities(episode, episode.started_on)
    CheckIn.objects.bulk_create([
        CheckIn(episode=episode, day=episode.started_on + timedelta(days=i), pain=i % 10,
                function_limit=3, level="self_care", plan_done=["sleep"] if i % 2 else [],
                plan_total=4, sleep_hours=7) for i in range(days)])
    activities = list(episode.psfs_activities.all())
    PsfsRating.objects.bulk_create([
        PsfsRating(activity=a, day=episode.started_on + timedelta(days=week * 7), score=5)
        for week in range(1, days // 7) for a in activities])
    client.force_login(person)
    return f"/track/{episode.pk}/"


@pytest.mark.parametrize("suffix", ["", "psfs.svg"])
def test_the_episode_page_and_psfs_chart_cost_the_same_queries_for_a_week_and_five_years(
        client: Client, django_assert_num_queries: DjangoAssertNumQueries, suffix: str) -> None:
    week = _long_history(client, 14) + suffix
    with CaptureQueriesContext(connection) as queries:
        assert client.get(week).status_code == 200
    five_years = _long_history(client, 5 * 365) + suffix
    caches["pages"].clear()  # both draw the plan: the second must not be served the first's copy
    with django_assert_num_queries(len(queries)):
        assert client.get(five_years).status_code == 200
