"""The background worker: django-q2's cluster, its schedules, and a heartbeat.

django-q2 with its ORM broker keeps tasks in the database Unknot already has
(and backs up), retries a task whose worker died, and runs schedules, so the
daily reminders need no cron. Each `unknot worker` writes a heartbeat row
every few seconds while its cluster is alive; /health/ready reads it.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from unknot.ops.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_EVERY = 10  # seconds
# A worker not seen for this long is taken for dead: three missed beats.
HEARTBEAT_STALE = timedelta(seconds=3 * HEARTBEAT_EVERY + 5)

SWEEP_SCHEDULE = "unknot: send waiting emails"
REMINDER_SCHEDULE = "unknot: daily reminders"
PRUNE_SCHEDULE = "unknot: forget expired cache rows"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(name: str) -> None:
    """Record that this worker is alive now (one row per worker, updated in place)."""
    try:
        WorkerHeartbeat.objects.update_or_create(worker=name,
                                                 defaults={"seen_at": timezone.now()})
    except Exception:  # the database may be restarting: the next beat will tell
        logger.warning("worker heartbeat could not be written", exc_info=True)
        close_old_connections()


def forget(name: str) -> None:
    WorkerHeartbeat.objects.filter(worker=name).delete()


def latest_beat() -> datetime | None:
    row = WorkerHeartbeat.objects.order_by("-seen_at").first()
    return row.seen_at if row else None


def next_reminder_run(now: datetime) -> datetime:
    """The next time of day settings.REMINDER_HOUR (UTC) strikes after now."""
    at = datetime.combine(now.date(), time(settings.REMINDER_HOUR), tzinfo=now.tzinfo)
    return at if at > now else at + timedelta(days=1)


def ensure_schedules() -> None:
    """The worker's standing jobs; made or corrected at each start, so one exists."""
    from django_q.models import Schedule

    Schedule.objects.update_or_create(name=SWEEP_SCHEDULE, defaults={
        "func": "unknot.ops.outbox.deliver_due", "schedule_type": Schedule.MINUTES,
        "minutes": 1, "repeats": -1})
    Schedule.objects.update_or_create(name=PRUNE_SCHEDULE, defaults={
        "func": "unknot.core.cache.prune_expired", "schedule_type": Schedule.HOURLY,
        "repeats": -1})
    reminder, made = Schedule.objects.get_or_create(name=REMINDER_SCHEDULE, defaults={
        "func": "unknot.tracking.reminders.send_reminders", "schedule_type": Schedule.DAILY,
        "repeats": -1, "next_run": next_reminder_run(timezone.now())})
    if not made and reminder.next_run and reminder.next_run.hour != settings.REMINDER_HOUR:
        # The operator changed UNKNOT_REMINDER_HOUR: move the schedule to it.
        reminder.next_run = next_reminder_run(timezone.now())
        reminder.save(update_fields=["next_run"])
