"""unknot send-reminders: email people who asked for a daily reminder and have not checked in.

Run it from cron once or more a day, e.g. hourly from the evening on; nobody
gets more than one email a day.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from unknot.tracking.reminders import send_reminders


class Command(BaseCommand):
    help = "Email people who asked for a daily reminder and have not checked in today."

    def handle(self, *args: Any, **options: Any) -> None:
        run = send_reminders()
        self.stdout.write(f"sent {run.sent} reminder(s); skipped {run.skipped} without email")
