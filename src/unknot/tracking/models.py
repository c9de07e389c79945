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
    # The sender's key for this check-in (a UUID), so a replay is recognised.
    client_key = models.CharField(max_length=36, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-day",)
        constraints = (
            models.UniqueConstraint(fields=["episode", "day"], name="one_checkin_per_day"),
            models.UniqueConstraint(fields=["episode", "client_key"], condition=~Q(client_key=""),
                                    name="one_checkin_per_client_key"),
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


class ReminderSent(models.Model):
    """One person's reminder for one day, claimed before its email is queued.

    The unique pair is what keeps it to one a day: however many workers or
    cron jobs run at once, only one insert of (person, day) succeeds, in the
    same transaction as the email it queues.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="+")
    day = models.DateField()

    class Meta:
        constraints = (models.UniqueConstraint(fields=["owner", "day"],
                                               name="one_reminder_a_day"),)

    def __str__(self) -> str:
        return f"Reminder for {self.owner_id} on {self.day}"


class PsfsActivity(models.Model):
    """One of the three to five activities a person names for the Patient-Specific
    Functional Scale at the start of an episode, rated again every week."""

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE,
                                related_name="psfs_activities")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=["episode", "position"],
                                    name="one_psfs_activity_per_place"),
        )

    def __str__(self) -> str:
        return self.name


class PsfsRating(models.Model):
    """How well the person can do one activity on one day: 0 (cannot) to 10 (as before)."""

    activity = models.ForeignKey(PsfsActivity, on_delete=models.CASCADE,
                                 related_name="ratings")
    day = models.DateField()
    score = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("day",)
        constraints = (
            models.UniqueConstraint(fields=["activity", "day"], name="one_psfs_rating_per_day"),
            models.CheckConstraint(condition=Q(score__lte=10), name="psfs_score_0_to_10"),
        )

    def __str__(self) -> str:
        return f"{self.score}/10 on {self.day}"


class ShareLink(models.Model):
    """A read-only link to one episode's report for a clinician: expiring and revocable.

    Only a SHA-256 hash of the secret in the address is kept; the address itself
    is shown once, when it is made.
    """

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"Share link for episode {self.episode_id}"

    def state(self, now: Any) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "active" if now < self.expires_at else "expired"


class ShareOpening(models.Model):
    """Each time a share link was opened: when, and what was opened. Nothing about who."""

    class What(models.TextChoices):
        PAGE = "page", "The report page"
        PDF = "pdf", "The PDF"
        FHIR = "fhir", "The FHIR record"

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField()
    what = models.CharField(max_length=10, choices=What.choices)

    class Meta:
        ordering = ("-opened_at", "-id")

    def __str__(self) -> str:
        return f"{self.what} opened at {self.opened_at}"
