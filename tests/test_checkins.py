"""Daily check-ins: one per day, editable that day, late days, and escalation."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from tests.factories import checkin, make_episode, make_person
from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import CheckIn
from unknot.tracking.services import CheckinError, record_checkin

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 4)


def form(**changes: str | list[str]) -> dict[str, str | list[str]]:
    data: dict[str, str | list[str]] = {"day": DAY.isoformat(), "pain": "3",
                                        "function_limit": "2", "sleep_hours": "7.5",
                                        "note": "walked twice"}
    data.update(changes)
    return data


@time_machine.travel(DAY)
def test_a_check_in_is_saved_and_shown(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    plan_item = episode.plan["movement"][0]["id"] if episode.plan else ""
    response = client.post(f"/track/{episode.pk}/checkin/", form(plan_done=[plan_item]))
    assert response.status_code == 302
    saved = CheckIn.objects.get(episode=episode)
    assert (saved.pain, saved.function_limit, float(saved.sleep_hours or 0)) == (3, 2, 7.5)
    assert saved.plan_done == [plan_item] and saved.plan_total > 1


@time_machine.travel(DAY)
def test_todays_check_in_can_be_changed_the_same_day(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    client.post(f"/track/{episode.pk}/checkin/", form(pain="3"))
    assert b'value="3" checked' in client.get(f"/track/{episode.pk}/checkin/").content \
        or b"checked" in client.get(f"/track/{episode.pk}/checkin/").content
    client.post(f"/track/{episode.pk}/checkin/", form(pain="2"))
    assert CheckIn.objects.get(episode=episode).pain == 2


def test_a_missed_day_can_be_filled_in_late_but_not_changed_later() -> None:
    episode = make_episode(make_person())
    checkin(episode, date(2026, 3, 3), pain=4, today=date(2026, 3, 6))
    assert CheckIn.objects.get(episode=episode).day == date(2026, 3, 3)
    with pytest.raises(CheckinError) as error:
        checkin(episode, date(2026, 3, 3), pain=2, today=date(2026, 3, 6))
    assert error.value.errors[0].field == "day"


@pytest.mark.parametrize(("day", "message"), [
    (date(2026, 3, 9), "cannot be in the future"),
    (date(2026, 2, 1), "cannot be before the episode began"),
])
def test_a_check_in_day_must_be_within_the_episode(day: date, message: str) -> None:
    episode = make_episode(make_person())
    with pytest.raises(CheckinError, match=message):
        record_checkin(episode, CheckinInput(day=day, pain=2, function_limit=2),
                       today=date(2026, 3, 8))


@time_machine.travel(DAY)
def test_bad_answers_are_named_beside_the_field_and_what_was_typed_is_kept(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/checkin/", form(pain="", sleep_hours="30"))
    body = response.content.decode()
    assert response.status_code == 422
    assert "Choose how bad the pain is, from 0 to 10." in body
    assert "A night has at most 24 hours." in body
    assert "walked twice" in body and 'value="30"' in body
    assert not CheckIn.objects.exists()


@time_machine.travel(DAY)
def test_a_new_warning_sign_escalates_at_once_with_the_level_banner(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    client.post(f"/track/{episode.pk}/checkin/", form(symptoms=["dark_urine"]))
    episode.refresh_from_db()
    assert episode.level == "emergency"
    body = client.get(f"/track/{episode.pk}/").content.decode()
    assert "banner--emergency" in body and 'role="alert"' in body
    assert "Emergency: get help now" in body
    assert CheckIn.objects.get(episode=episode).level == "emergency"


def test_soreness_not_easing_after_a_week_raises_to_see_a_clinician() -> None:
    episode = make_episode(make_person(), started=date(2026, 3, 2))
    for offset in range(1, 9):
        checkin(episode, date(2026, 3, 2 + offset), pain=5)
    episode.refresh_from_db()
    assert episode.level == "see_clinician"
    assert "soreness_not_easing_in_checkins" in [r["code"] for r in episode.review["reasons"]]


def test_a_closed_episode_takes_no_check_ins(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    episode.closed_on = date(2026, 3, 3)
    episode.save()
    client.force_login(person)
    assert client.get(f"/track/{episode.pk}/checkin/").status_code == 404


def test_the_chart_is_an_svg_with_the_persons_figures_and_the_usual_course(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    for offset, pain in enumerate((5, 4, 3), start=1):
        checkin(episode, date(2026, 3, 2 + offset), pain=pain)
    client.force_login(person)
    response = client.get(f"/track/{episode.pk}/chart/pain.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    # The first answers lead as the start, then one point a check-in.
    assert "Start 2 Mar" in svg and "3 Mar" in svg and "5 Mar" in svg
    assert svg.count('class="dot ') == 4
    assert "<script" not in svg
    assert client.get(f"/track/{episode.pk}/chart/nope.svg").status_code == 404
    page = client.get(f"/track/{episode.pk}/").content.decode()
    assert "Usual course" in page and "chart__line--usual" in page  # the legend, in HTML


def test_one_check_in_draws_a_line_from_the_first_answers(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, intensity=6)
    checkin(episode, date(2026, 3, 3), pain=4)
    client.force_login(person)
    svg = client.get(f"/track/{episode.pk}/chart/pain.svg").content.decode()
    assert svg.count('class="dot ') == 2
    page = client.get(f"/track/{episode.pk}/").content.decode()
    start_row = page[page.index('class="checkin-table__start"'):]
    assert "(your first answers)" in start_row and "<td>6</td>" in start_row


@time_machine.travel(DAY)
def test_an_earlier_days_check_in_is_shown_read_only(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    checkin(episode, date(2026, 3, 3), pain=4, today=date(2026, 3, 3))
    client.force_login(person)
    body = client.get(f"/track/{episode.pk}/checkin/?day=2026-03-03").content.decode()
    assert "Only today's check-in can be changed" in body
    assert '<fieldset class="plain-fieldset" disabled>' in body
    assert "Save check-in" not in body


@time_machine.travel(DAY)
def test_a_refused_check_in_focuses_an_error_summary_of_plain_messages(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    body = client.post(f"/track/{episode.pk}/checkin/", form(pain="")).content.decode()
    assert 'id="error-summary" tabindex="-1"' in body and "focus-errors.js" in body
    assert '<a href="#q-pain">Choose how bad the pain is, from 0 to 10.</a>' in body


@time_machine.travel(DAY)
def test_sleep_hours_beyond_one_decimal_are_refused_not_rounded(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.post(f"/track/{episode.pk}/checkin/", form(sleep_hours="7.25"))
    body = response.content.decode()
    assert response.status_code == 422
    assert "one decimal place" in body
    assert 'value="7.25"' in body and "walked twice" in body
    assert not CheckIn.objects.exists()
    assert client.post(f"/track/{episode.pk}/checkin/", form(sleep_hours="7.3")).status_code == 302
    assert float(CheckIn.objects.get().sleep_hours or 0) == 7.3
