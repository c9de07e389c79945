"""Reminders: the daily email for people who asked and have not checked in, and the
private calendar feed of the daily routine and check-in."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from unknot.ops.outbox import queue_email
from unknot.tracking.models import CheckIn, Episode, Reminder, ReminderSent

FEED_PREFIX = "cal_"
# An evening time: late enough to report the day, early enough to still do the routine.
CHECKIN_TIME = time(19, 0)


def site_url() -> str:
    scheme = "https" if settings.SECURE else "http"
    return f"{scheme}://{settings.SITE_DOMAIN}"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def reminder_for(user: User) -> Reminder:
    reminder, _ = Reminder.objects.get_or_create(owner=user)
    return reminder


def set_email_daily(user: User, wanted: bool) -> Reminder:
    reminder = reminder_for(user)
    reminder.email_daily = wanted
    reminder.save(update_fields=["email_daily"])
    return reminder


def create_feed(user: User) -> str:
    """A new secret feed address (replacing any old one); returned once, stored as a hash."""
    secret = FEED_PREFIX + secrets.token_urlsafe(24)
    reminder = reminder_for(user)
    reminder.feed_token_hash = _hash(secret)
    reminder.save(update_fields=["feed_token_hash"])
    return secret


def revoke_feed(user: User) -> None:
    Reminder.objects.filter(owner=user).update(feed_token_hash="")


def owner_of_feed(secret: str) -> User | None:
    if not secret.startswith(FEED_PREFIX):
        return None
    reminder = (Reminder.objects.select_related("owner")
                .filter(feed_token_hash=_hash(secret), owner__is_active=True).first())
    return reminder.owner if reminder else None


def _routine(episode: Episode) -> list[str]:
    plan: dict[str, Any] = episode.plan or {}
    lines = [f"- {m['name']}: {m.get('dose', '')}".rstrip(": ") for m in plan.get("movement", [])]
    lines += [f"- Massage: {m['name']}" for m in plan.get("massage", [])]
    if plan.get("sleep"):
        low, high = plan["sleep"]["target_hours"]
        lines.append(f"- Sleep {low} to {high} hours")
    return lines


def calendar_feed(user: User, site: str) -> bytes:
    """One daily event per open episode: do the routine, then check in."""
    calendar = Calendar()
    calendar.add("prodid", "-//Unknot//Recovery reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Unknot: daily check-in")
    for episode in Episode.objects.filter(owner=user, closed_on__isnull=True):
        event = Event()
        event.add("uid", f"unknot-episode-{episode.pk}@{settings.SITE_DOMAIN}")
        event.add("summary", f"Unknot: routine and check-in ({episode.title})")
        start = timezone.make_aware(datetime.combine(episode.started_on, CHECKIN_TIME))
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=20))
        event.add("rrule", {"freq": "daily"})
        link = f"{site}{reverse('tracking:checkin', args=[episode.pk])}"
        routine = "\n".join(_routine(episode)) or "See your plan in Unknot."
        event.add("description", f"Today's routine:\n{routine}\n\nCheck in: {link}")
        event.add("url", link)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


@dataclass(frozen=True, slots=True)
class ReminderRun:
    sent: int
    skipped: int


def send_reminders(today: date | None = None) -> ReminderRun:
    """Queue a reminder for everyone who asked, has an open episode and has not checked in.

    The worker runs this daily (a django-q2 schedule, settings.REMINDER_HOUR);
    `unknot send-reminders` runs it from cron. Safe to run more than once a day
    and on several machines at once: each person's reminder for the day is a
    unique row (ReminderSent) inserted in the same transaction as the email,
    so only one run queues it. The email then goes through the outbox, which
    retries it if the mail server refuses, without holding up anyone else's.
    """
    today = today or timezone.localdate()
    not_checked_in = Episode.objects.filter(owner=OuterRef("owner"), closed_on__isnull=True) \
        .exclude(Exists(CheckIn.objects.filter(episode=OuterRef("pk"), day=today)))
    due = (Reminder.objects.select_related("owner")
           .filter(email_daily=True, owner__is_active=True)
           .exclude(last_emailed_on=today)
           .filter(Exists(not_checked_in)))
    sent = skipped = 0
    for reminder in due:
        if not reminder.owner.email:
            skipped += 1
            continue
        if _queue_reminder(reminder, today):
            sent += 1
    return ReminderRun(sent=sent, skipped=skipped)


def _queue_reminder(reminder: Reminder, today: date) -> bool:
    """Claim today's reminder and queue its email, together; False if another run has it."""
    try:
        with transaction.atomic():
            _claim(reminder, today)
            episodes = list(Episode.objects.filter(owner=reminder.owner, closed_on__isnull=True)
                            .exclude(checkins__day=today))
            queue_email(_reminder_email(reminder.owner, episodes))
    except IntegrityError:
        return False  # another run (worker, cron, machine) claimed it first
    return True


def _claim(reminder: Reminder, today: date) -> None:
    """Insert the day's one row for this person; IntegrityError if it is there already."""
    ReminderSent.objects.create(owner_id=reminder.owner_id, day=today)
    Reminder.objects.filter(pk=reminder.pk).update(last_emailed_on=today)


def _reminder_email(user: User, episodes: list[Episode]) -> EmailMultiAlternatives:
    site = site_url()
    context = {
        "episodes": [{"title": e.title, "routine": _routine(e),
                      "link": f"{site}{reverse('tracking:checkin', args=[e.pk])}"}
                     for e in episodes],
        "settings_link": f"{site}{reverse('accounts:settings')}",
    }
    subject = render_to_string("tracking/email/reminder_subject.txt", context).strip()
    text = render_to_string("tracking/email/reminder.txt", context)
    html = render_to_string("tracking/email/reminder.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    return message
