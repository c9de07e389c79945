"""Two workers sending the day's reminders at the same moment: one email per person."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from tests.factories import make_episode, make_person
from unknot.ops.models import OutboxEmail
from unknot.tracking.models import ReminderSent
from unknot.tracking.reminders import ReminderRun, send_reminders, set_email_daily

TODAY = date(2026, 3, 5)
PEOPLE = 12


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_queue_one_reminder_per_person() -> None:
    people = [make_person() for _ in range(PEOPLE)]
    for person in people:
        make_episode(person)
        set_email_daily(person, True)
    start = threading.Barrier(2)
    runs: list[ReminderRun] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            runs.append(send_reminders(TODAY))
        except BaseException as error:  # reported below, with the test's own failure
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection: close it

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(runs) == 2 and sum(run.sent for run in runs) == PEOPLE
    emails = list(OutboxEmail.objects.values_list("to", flat=True))
    assert sorted(e[0] for e in emails) == sorted(p.email for p in people)
    assert ReminderSent.objects.filter(day=TODAY).count() == PEOPLE
