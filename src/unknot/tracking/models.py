"""An episode is one bout of pain; a check-in is one day's report within it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from unknot.engine.labels import AREA_LABELS


class Episode(models.Model):
    class Outcome(models.TextChoices):
        RECOVERED = "recovered", "Recovered fully"
        MOSTLY = "mostly", "Mostly better"
        REFERRED = "referred", "Handed over to a clinician"
        NOT_BETTER = "not_better", "Not better, stopped tracking"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="episodes")
    started_on = models.DateField()
    # The intake in its contract form, and the first assessment exactly as
    # shown on the result page (engine output, reasons and plan).
    intake = models.JSONField()
    first_assessment = models.JSONField()
    # The latest review after a check-in: level, reasons and the plan for now.
    level = models.CharField(max_length=20)
    review = models.JSONField()
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(blank=True, max_length=2000)
    # Kept by record_checkin so no page counts five years of rows to show a number.
    checkin_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-started_on", "-id")
        indexes = (models.Index(fields=["owner", "started_on"]),)

    def __str__(self) -> str:
        return f"{self.title} from {self.started_on}"

    @property
    def title(self) -> str:
        return ", ".join(AREA_LABELS[a] for a in self.intake["areas"])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def plan(self) -> dict[str, Any] | None:
        plan: dict[str, Any] | None = self.review.get("plan")
        return plan


class CheckIn(models.Model):
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField()
    pain = models.PositiveSmallIntegerField()
    function_limit = models.PositiveSmallIntegerField()
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    plan_done = models.JSONField(default=list)
    plan_total = models.PositiveSmallIntegerField(default=0)
    symptoms = models.JSONField(default=list)
    note = models.TextField(blank=True, max_length=2000)
    # The level the triage gave after this check-in, kept so the history shows
    # when it changed without re-running the engine over every day.
    level = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-day",)
        constraints = (
            models.UniqueConstraint(fields=["episode", "day"], name="one_checkin_per_day"),
            models.CheckConstraint(condition=Q(pain__lte=10), name="pain_0_to_10"),
            models.CheckConstraint(condition=Q(function_limit__lte=10),
                                   name="function_limit_0_to_10"),
        )

    def __str__(self) -> str:
        return f"Check-in on {self.day}"


class Reminder(models.Model):
    """What a person asked to be reminded of: a daily email, a private calendar feed."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="reminder")
    email_daily = models.BooleanField(default=False)
    # SHA-256 of the calendar feed's secret; the secret itself is shown once.
    feed_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    last_emailed_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Reminders for {self.owner_id}"
