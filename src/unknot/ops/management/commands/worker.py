"""`unknot worker`: run the background worker (emails, daily reminders)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connections

from unknot.ops import worker


class Command(BaseCommand):
    help = "Run the background worker: sends the outbox's emails and the daily reminders."

    def handle(self, *args: Any, **options: Any) -> None:
        from django_q.cluster import Cluster

        worker.ensure_schedules()
        name = worker.worker_name()
        cluster = Cluster()  # installs its own SIGTERM / SIGINT handlers: they stop it
        # The task processes are forked from this one: a database connection opened
        # above would be shared by all of them, and the first to use it breaks it.
        connections.close_all()
        cluster.start()
        self.stdout.write(f"Unknot worker {name} running (Ctrl+C stops it)")
        try:
            # The heartbeat says the cluster's sentinel (which restarts dead
            # task processes and runs the schedules) is alive, not just this loop.
            while self._alive(cluster):
                worker.beat(name)
                for _ in range(worker.HEARTBEAT_EVERY):
                    if not self._alive(cluster):
                        break
                    time.sleep(1)
        finally:
            if self._alive(cluster):
                cluster.stop()
            try:
                worker.forget(name)
            except Exception:  # the database is gone: the heartbeat goes stale instead
                self.stderr.write("could not remove this worker's heartbeat")

    @staticmethod
    def _alive(cluster: Any) -> bool:
        return cluster.sentinel is not None and bool(cluster.sentinel.is_alive())
