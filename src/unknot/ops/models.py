"""The outbox of emails and the worker's heartbeat, both kept in the database."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutboxEmail(models.Model):
    """One email to send, written in the same transaction as the change it tells of.

    The worker sends it after the commit; a failure leaves it here with the
    time of the next try, so nothing is lost and nothing blocks the others.
    """

    PENDING, SENT, FAILED = "pending", "sent", "failed"
    STATES = ((PENDING, "waiting to be sent"), (SENT, "sent"), (FAILED, "given up"))

    created_at = models.DateTimeField(default=timezone.now)
    subject = models.CharField(max_length=998)
    body = models.TextField()
    html = models.TextField(blank=True)
    from_email = models.CharField(max_length=320)
    to = models.JSONField()
    state = models.CharField(max_length=8, choices=STATES, default=PENDING)
    attempts = models.PositiveIntegerField(default=0)
    # When it may next be tried: after a failure, later each time; while one
    # worker is sending, a lease, so that no other worker sends it as well.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=["state", "next_attempt_at"]),)
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)} ({self.state})"


class WorkerHeartbeat(models.Model):
    """Written every few seconds by each running `unknot worker`; /health/ready reads it."""

    worker = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
