"""What seems to help, on the episode page and in the report; the demo person shows it all."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader

from tests.factories import checkin, make_episode, make_person, name_activities, rate_activities
from unknot.tracking.models import Episode
from unknot.tracking.outcomes import episode_outcomes

pytestmark = pytest.mark.django_db
START = date(2026, 3, 2)


def massage_pattern(episode: Episode, days: int) -> None:
    """Pain eases a point after each self-massage day and creeps back a point otherwise."""
    plan = episode.plan or {}
    massage = plan["massage"][0]["id"]
    pain = 6
    for offset in range(1, days + 1):
        massaged = offset % 2 == 1
        checkin(episode, START + timedelta(days=offset), pain=pain,
                plan_done=(massage,) if massaged else ())
        pain += -1 if massaged else 1


@time_machine.travel(START + timedelta(days=20), tick=False)
def test_the_episode_page_says_what_went_with_lower_pain_with_its_numbers(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    massage_pattern(episode, 20)
    client.force_login(person)
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert "Days you did self-massage went with lower pain the next day." in body
    assert ("After the 10 days you did it, your pain fell by 1.0 points on average by the next "
            "day; after the 9 days you did not, it rose by 1.0 points on average.") in body
    assert "not proof that anything helped" in body


@time_machine.travel(START + timedelta(days=6), tick=False)
def test_with_too_few_days_nothing_is_said_about_what_helped(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    massage_pattern(episode, 6)
    client.force_login(person)
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert "Nothing to say yet." in body
    assert "went with lower pain" not in body and "No clear difference" not in body


@time_machine.travel(START + timedelta(days=20), tick=False)
def test_the_report_holds_the_outcomes_the_psfs_and_what_helped(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=START)
    name_activities(episode, START, scores=(2, 3, 4))
    massage_pattern(episode, 20)
    rate_activities(episode, START + timedelta(days=14), (6, 6, 6))
    client.force_login(person)
    response = client.get(f"/track/{episode.pk}/report.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in ("Is it getting better?", "Pain: 5 at the start",
                     "Patient-Specific Functional Scale", "Climbing stairs", "16 Mar 2026",
                     "3 at the start, 6 now (up 3 points). That is a change that matters: better",
                     "Days you did self-massage went with lower pain the next day",
                     "not proof that anything helped"):
        assert expected in text, expected


def test_the_demo_person_has_an_episode_whose_psfs_and_what_helped_show_something() -> None:
    from unknot.tracking.demo import DAYS, DEMO_EMAIL, DEMO_PASSWORD

    call_command("load_demo")
    call_command("load_demo")
    episode = Episode.objects.get(owner__email=DEMO_EMAIL)
    assert episode.checkin_count == DAYS and episode.level == "self_care"
    assert episode.owner.check_password(DEMO_PASSWORD)
    outcomes = episode_outcomes(episode)
    assert outcomes.pain is not None and outcomes.pain.verdict == "better"
    assert outcomes.psfs.change is not None and outcomes.psfs.change.verdict == "better"
    assert [f.key for f in outcomes.helped.findings] == ["massage"]
    assert outcomes.helped.unclear
