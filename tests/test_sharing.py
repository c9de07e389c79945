"""Clinician share links: one episode, read-only, expiring, revocable, logged, owner-only."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from tests.factories import (
    PASSWORD,
    checkin,
    make_episode,
    make_person,
    name_activities,
)
from unknot.core.tokens import hash_secret
from unknot.tracking.models import CheckIn, Episode, ShareLink, ShareOpening
from unknot.tracking.sharing import create_share_link

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
LINK = re.compile(r'value="http://testserver(/track/shared/shr_[\w-]+/)"')


def shared_episode(note: str = "stiff mornings") -> tuple[Episode, str]:
    person = make_person(email="owner-of-the-report@example.org")
    episode = make_episode(person, started=date(2026, 3, 2))
    checkin(episode, date(2026, 3, 3), pain=4, note=note, sleep_hours=6.5)
    name_activities(episode, date(2026, 3, 2))
    _, secret = create_share_link(episode, 7, "Physio", now=NOW)
    return episode, f"/track/shared/{secret}/"


@time_machine.travel(NOW, tick=False)
def test_the_owner_makes_a_link_shown_once_and_stored_only_as_a_hash(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/share/", {"days": "30", "label": "Dr Lee"})
    match = LINK.search(response.content.decode())
    assert response.status_code == 200 and match
    secret = match.group(1).split("/")[3]
    link = ShareLink.objects.get(episode=episode)
    assert link.token_hash == hash_secret(secret) and secret not in link.token_hash
    assert len(secret) >= 40  # "shr_" and 32 random bytes
    assert link.expires_at == NOW + timedelta(days=30) and link.label == "Dr Lee"
    again = client.get(f"/track/{episode.pk}/share/").content.decode()
    assert secret not in again and "Dr Lee" in again


def test_a_link_for_another_length_of_time_is_refused(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/share/", {"days": "365"})
    assert response.status_code == 422
    assert b"Choose one day, one week or one month." in response.content
    assert not ShareLink.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_clinician_without_an_account_reads_the_report_and_the_opening_is_logged(
        client: Client) -> None:
    _, url = shared_episode()
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    for expected in ("Recovery report: Calf", "stiff mornings", "Climbing stairs",
                     "What they reported at the start", "Is it getting better?"):
        assert expected in body, expected
    opening = ShareOpening.objects.get()
    assert opening.what == "page" and opening.opened_at == NOW


@time_machine.travel(NOW, tick=False)
def test_the_shared_page_shows_nothing_else_of_the_account(client: Client) -> None:
    episode, url = shared_episode()
    other = make_episode(episode.owner, started=date(2026, 1, 5), areas=["neck"])
    checkin(other, date(2026, 1, 6), note="the other episode's note")
    body = client.get(url).content.decode()
    assert "owner-of-the-report@example.org" not in body
    assert "the other episode's note" not in body and "Neck" not in body
    assert f"/track/{episode.pk}/" not in body and "Physio" not in body


@time_machine.travel(NOW, tick=False)
def test_pages_through_a_link_are_not_cached_not_indexed_and_send_no_referer(
        client: Client) -> None:
    _, url = shared_episode()
    for path in (url, f"{url}report.pdf", f"{url}record.fhir.json", f"{url}chart/pain.svg",
                 f"{url}chart/psfs.svg"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert response["X-Robots-Tag"] == "noindex, nofollow", path
        assert response["Referrer-Policy"] == "no-referrer", path
    body = client.get(url).content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert '<meta name="referrer" content="no-referrer">' in body
    assert sorted(ShareOpening.objects.values_list("what", flat=True)) == [
        "fhir", "page", "page", "pdf"]


def test_a_link_is_refused_once_it_has_expired(client: Client) -> None:
    with time_machine.travel(NOW, tick=False):
        _, url = shared_episode()
    with time_machine.travel(NOW + timedelta(days=7) - timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(NOW + timedelta(days=7), tick=False):
        for path in (url, f"{url}report.pdf", f"{url}record.fhir.json", f"{url}chart/pain.svg"):
            response = client.get(path)
            assert response.status_code == 410, path
        assert b"This link has closed" in client.get(url).content


@time_machine.travel(NOW, tick=False)
def test_a_link_is_refused_once_the_owner_withdraws_it(client: Client) -> None:
    episode, url = shared_episode()
    link = ShareLink.objects.get()
    client.force_login(episode.owner)
    response = client.post(f"/track/{episode.pk}/share/{link.pk}/withdraw/")
    assert response.status_code == 302
    client.logout()
    assert client.get(url).status_code == 410
    assert client.get(f"{url}record.fhir.json").status_code == 410
    assert ShareOpening.objects.count() == 0


def test_a_made_up_or_altered_link_opens_nothing(client: Client) -> None:
    episode, url = shared_episode()
    assert client.get(url[:-3] + "xy/").status_code == 404
    assert client.get("/track/shared/not-a-link/").status_code == 404
    type(episode.owner).objects.filter(pk=episode.owner.pk).update(is_active=False)
    assert client.get(url).status_code == 404  # a deactivated account shares nothing
    assert ShareOpening.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_a_link_opens_its_own_episode_and_no_other(client: Client) -> None:
    episode, url = shared_episode(note="first episode")
    second = make_episode(episode.owner, started=date(2026, 3, 4))
    checkin(second, date(2026, 3, 5), note="second episode")
    _, second_secret = create_share_link(second, 1, now=NOW)
    assert "second episode" not in client.get(url).content.decode()
    assert "first episode" not in client.get(f"/track/shared/{second_secret}/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_only_the_owner_sees_or_withdraws_links_and_only_under_their_episode(
        client: Client) -> None:
    episode, _ = shared_episode()
    link = ShareLink.objects.get()
    stranger = make_person()
    client.force_login(stranger)
    assert client.get(f"/track/{episode.pk}/share/").status_code == 404
    assert client.post(f"/track/{episode.pk}/share/", {"days": "7"}).status_code == 404
    assert client.post(f"/track/{episode.pk}/share/{link.pk}/withdraw/").status_code == 404
    # Even the owner cannot withdraw it under another of their episodes' addresses.
    other = make_episode(episode.owner)
    client.force_login(episode.owner)
    assert client.post(f"/track/{other.pk}/share/{link.pk}/withdraw/").status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
    assert ShareLink.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_the_owner_sees_when_each_link_was_opened(client: Client) -> None:
    episode, url = shared_episode()
    client.get(url)
    client.get(f"{url}report.pdf")
    client.force_login(episode.owner)
    body = client.get(f"/track/{episode.pk}/share/").content.decode()
    assert "2 times, last 10 Mar 2026, 09:00" in body


@time_machine.travel(NOW, tick=False)
def test_a_new_password_withdraws_every_share_link(client: Client) -> None:
    episode, url = shared_episode()
    client.force_login(episode.owner)
    response = client.post("/account/password/change/", {
        "oldpassword": PASSWORD, "password1": "a new and long passphrase 42",
        "password2": "a new and long passphrase 42"})
    assert response.status_code == 302
    client.logout()
    assert client.get(url).status_code == 410


def _shared_history(days: int) -> str:
    person = make_person()
    episode = make_episode(person, started=date(2020, 1, 1))
    name_activities(episode, episode.started_on)
    CheckIn.objects.bulk_create([
        CheckIn(episode=episode, day=episode.started_on + timedelta(days=i), pain=i % 10,
                function_limit=3, level="self_care", plan_done=[], plan_total=4)
        for i in range(days)])
    _, secret = create_share_link(episode, 7, now=NOW)
    return f"/track/shared/{secret}/"


@time_machine.travel(NOW, tick=False)
def test_the_shared_page_costs_the_same_queries_for_a_week_and_five_years(
        client: Client, django_assert_num_queries: DjangoAssertNumQueries) -> None:
    week = _shared_history(7)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(week).status_code == 200
    five_years = _shared_history(5 * 365)
    with django_assert_num_queries(len(queries)):
        assert client.get(five_years).status_code == 200


@pytest.mark.parametrize("path", ["/track/{pk}/record.fhir.json"])
def test_another_person_gets_404_for_the_fhir_record(client: Client, path: str) -> None:
    episode = make_episode(make_person())
    client.force_login(make_person())
    assert client.get(path.format(pk=episode.pk)).status_code == 404
