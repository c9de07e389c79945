"""Reminders: the daily email to people who asked and have not checked in; the calendar feed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from icalendar import Calendar

from tests.factories import checkin, make_episode, make_person
from unknot.ops.models import OutboxEmail
from unknot.tracking import reminders
from unknot.tracking.models import Reminder, ReminderSent
from unknot.tracking.reminders import create_feed, send_reminders, set_email_daily

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 5)


@time_machine.travel(TODAY)
def test_send_reminders_emails_only_people_who_asked_and_have_not_checked_in(
        django_capture_on_commit_callbacks: Any) -> None:
    asked = make_person()
    make_episode(asked)
    set_email_daily(asked, True)
    done_today = make_person()
    checkin(make_episode(done_today), TODAY)
    set_email_daily(done_today, True)
    did_not_ask = make_person()
    make_episode(did_not_ask)
    nothing_open = make_person()
    set_email_daily(nothing_open, True)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-reminders")

    assert [m.to for m in mail.outbox] == [[asked.email]]
    message = mail.outbox[0]
    assert message.subject == "Unknot: time for today's check-in"
    assert "/track/" in message.body and "/checkin/" in message.body
    assert "Stop these emails" in message.body
    assert isinstance(message, EmailMultiAlternatives)
    assert "Check in for Calf" in str(message.alternatives[0][0])


@time_machine.travel(TODAY)
def test_nobody_gets_two_reminders_in_a_day(django_capture_on_commit_callbacks: Any) -> None:
    person = make_person()
    make_episode(person)
    set_email_daily(person, True)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders().sent == 1
        assert send_reminders().sent == 0
    assert len(mail.outbox) == 1


def test_the_reminder_setting_is_saved_from_the_settings_page(client: Client) -> None:
    person = make_person()
    client.force_login(person)
    client.post("/track/reminders/email/", {"email_daily": "on"})
    assert Reminder.objects.get(owner=person).email_daily
    client.post("/track/reminders/email/", {})
    assert not Reminder.objects.get(owner=person).email_daily


def test_the_calendar_feed_holds_the_daily_routine_and_check_in(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    secret = create_feed(person)
    response = client.get(f"/track/calendar/{secret}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Unknot: routine and check-in (Calf)"
    assert "RRULE:FREQ=DAILY" in response.content.decode()
    assert f"/track/{episode.pk}/checkin/" in str(events[0]["description"])


def test_the_calendar_address_is_shown_once_stored_as_a_hash_and_revocable(
        client: Client) -> None:
    person = make_person()
    make_episode(person)
    client.force_login(person)
    body = client.post("/track/reminders/calendar/", {"action": "create"}).content.decode()
    address = body.split('<code class="token">')[1].split("<")[0]
    secret = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert secret not in Reminder.objects.get(owner=person).feed_token_hash
    client.logout()
    assert client.get(f"/track/calendar/{secret}.ics").status_code == 200
    client.force_login(person)
    client.post("/track/reminders/calendar/", {"action": "revoke"})
    assert client.get(f"/track/calendar/{secret}.ics").status_code == 404


def test_a_wrong_calendar_address_is_404(client: Client) -> None:
    assert client.get("/track/calendar/cal_guessed.ics").status_code == 404
    assert client.get("/track/calendar/nothing.ics").status_code == 404


def test_reminder_settings_need_a_login(client: Client) -> None:
    assert client.post("/track/reminders/email/", {"email_daily": "on"}).status_code == 302
    assert client.post("/track/reminders/calendar/", {"action": "create"}).status_code == 302
    assert not Reminder.objects.exists()


@time_machine.travel(TODAY)
def test_a_reminder_another_run_claimed_meanwhile_is_not_queued_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = make_person()
    make_episode(person)
    set_email_daily(person, True)
    real_queue = reminders._queue_reminder

    def another_run_first(reminder: Reminder, today: date) -> bool:
        # A second sender (the worker on another machine, a cron job) claims
        # it between this run's read of who is due and its own claim.
        ReminderSent.objects.create(owner=reminder.owner, day=today)
        return real_queue(reminder, today)

    monkeypatch.setattr(reminders, "_queue_reminder", another_run_first)
    assert send_reminders().sent == 0
    assert not OutboxEmail.objects.exists()
    assert ReminderSent.objects.filter(owner=person, day=TODAY).count() == 1


@time_machine.travel(TODAY)
def test_one_refused_address_holds_up_nobody_else(
        monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any) -> None:
    refused, welcome = make_person(), make_person()
    for person in (refused, welcome):
        make_episode(person)
        set_email_daily(person, True)
    real_send = mail.EmailMessage.send

    def refuse_one(message: mail.EmailMessage, fail_silently: bool = False) -> int:
        if refused.email in message.to:
            raise ConnectionRefusedError("550 mailbox unavailable")
        return real_send(message, fail_silently)

    monkeypatch.setattr(mail.EmailMessage, "send", refuse_one)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders().sent == 2
    assert [m.to for m in mail.outbox] == [[welcome.email]]
    kept = OutboxEmail.objects.get(to=[refused.email])
    assert kept.state == OutboxEmail.PENDING and "550" in kept.last_error
    # The day is claimed all the same: the outbox retries the email, a second
    # run does not queue another.
    assert send_reminders().sent == 0
