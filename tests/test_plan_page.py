"""The plan page built around today: the routine first, the player's data, the check-in."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.factories import checkin, make_episode, make_person
from unknot.engine.figures import has_poses
from unknot.engine.routine import strength_routines, todays_routine

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 4)
BACK_PAIN = {"age": "41", "areas": ["lower_back"], "cause": "overexertion", "trauma": "none",
             "onset_amount": "3", "onset_unit": "days", "intensity": "5", "trend": "same",
             "function_limit": "4"}


def _result(client: Client, **changes: Any) -> str:
    response = client.post("/assess/", {**BACK_PAIN, **changes})
    assert response.status_code == 200
    return response.content.decode()


def _json(page: str, element_id: str) -> Any:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>',
                      page, re.S)
    assert found, element_id
    return json.loads(found.group(1))


def test_a_result_shows_todays_routine_before_the_plan_and_track_this(client: Client) -> None:
    page = _result(client)
    today = page.index('id="today-title"')
    assert page.index('id="level-title"') < today < page.index('action="/track/start/"')
    assert today < page.index('id="plan-title"')
    assert re.search(r'<button[^>]*data-routine="routine-today" hidden>Start routine</button>',
                     page)
    # The player itself is one dialog on the page, filled by its script.
    assert page.count('<dialog class="player"') == 1


def test_the_players_data_is_the_engines_routine_with_each_pictures_address(
        client: Client) -> None:
    page = _result(client)
    data = _json(page, "routine-today")
    assert data["segments"]
    ids = [item["id"] for item in data["items"]]
    for item in data["items"]:
        if has_poses(item["id"]):
            assert item["picture"].startswith(f"/moves/{item['id']}.svg?v=")
            assert item["alt"].startswith(item["name"])
    # The same steps, in the same order, as the engine's own routine for this plan.
    today_list = re.search(r'<ol class="today__list">(.*?)</ol>', page, re.S)
    assert today_list is not None
    listed = re.findall(r'href="#(?:move|massage)-([\w-]+)"', today_list.group(1))
    assert listed == ids


def test_every_routine_item_is_listed_with_its_short_dose(client: Client) -> None:
    page = _result(client)
    assert re.search(r'Knee-to-chest stretch</span> <span class="today__dose">'
                     r'hold 20 s × 3 each side</span>', page)


def test_steps_and_cautions_are_folded_but_all_there(client: Client) -> None:
    page = _result(client)
    plan = page[page.index('id="plan-title"'):]
    steps = plan.count('<ol class="steps">')
    assert steps > 5
    assert plan.count('<details class="exercise__more"') == steps
    assert "Hold behind the thigh rather than on top of the knee" in plan


def test_strengthening_phases_play_once_the_plan_unlocks_them(client: Client) -> None:
    settled = _result(client, onset_amount="10")
    for number in (1, 2, 3):
        data = _json(settled, f"routine-phase-{number}")
        assert data["unlocked"] and data["items"]
        assert f'data-routine="routine-phase-{number}" hidden>Start the phase {number} routine' \
            in settled
    early = _result(client, onset_amount="1")
    assert 'id="routine-phase-1"' not in early
    assert "Not yet: start once the first few days are behind you." in early


def test_the_phase_routines_on_the_page_are_the_engines(client: Client) -> None:
    from unknot.engine import parse_intake
    from unknot.engine.plan import relief_plan
    from unknot.engine.triage.base import Level

    page = _result(client, onset_amount="10")
    intake = parse_intake({"age": 41, "areas": ["lower_back"], "cause": "overexertion",
                           "onset_hours_ago": 240, "intensity": 5, "trend": "same",
                           "function_limit": 4})
    engine = strength_routines(relief_plan(intake, Level.SELF_CARE))
    shown = _json(page, "routine-phase-2")
    assert shown["segments"] == engine[1]["segments"]
    assert [i["id"] for i in shown["items"]] == [i["id"] for i in engine[1]["items"]]


@time_machine.travel(DAY)
def test_todays_check_in_sits_beside_the_routine_outside_the_shared_copy(client: Client) -> None:
    first, second = make_person(), make_person()
    mine = make_episode(first, started=DAY - timedelta(days=2))
    theirs = make_episode(second, started=DAY - timedelta(days=2))
    assert mine.plan == theirs.plan
    checkin(mine, DAY, pain=7)
    client.force_login(first)
    page = client.get(f"/track/{mine.pk}/").content.decode()
    assert page.index('id="today-title"') < page.index('id="today-checkin-title"')
    assert re.search(r'name="pain" value="7"[^>]*checked', page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    client.force_login(second)
    other = client.get(f"/track/{theirs.pk}/").content.decode()
    # The routine came from the shared copy; the form with its answers and token did not.
    assert _json(other, "routine-today") == _json(page, "routine-today")
    assert not re.search(r'name="pain" value="7"[^>]*checked', other)
    assert token.group(1) not in other
    assert f'action="/track/{theirs.pk}/checkin/"' in other
    assert f"/track/{mine.pk}/" not in other


@time_machine.travel(DAY)
def test_the_routine_data_is_the_engines_for_a_stored_plan(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=DAY - timedelta(days=2))
    client.force_login(person)
    page = client.get(f"/track/{episode.pk}/").content.decode()
    assert episode.plan is not None
    engine = todays_routine(episode.plan)
    assert _json(page, "routine-today")["segments"] == engine["segments"]


@time_machine.travel(DAY)
def test_a_closed_episode_has_no_check_in_beside_its_routine(client: Client) -> None:
    from unknot.tracking.services import close_episode

    person = make_person()
    episode = make_episode(person, started=DAY - timedelta(days=2))
    close_episode(episode, "recovered", today=DAY)
    client.force_login(person)
    page = client.get(f"/track/{episode.pk}/").content.decode()
    assert 'id="today-title"' in page
    assert "data-offline-checkin" not in page
