from __future__ import annotations

from typing import Any

from django.db import models
from django_comments.abstracts import CommentAbstractModel


class GuideComment(CommentAbstractModel):  # type: ignore[misc]
    """A comment on a guide. Public only once a moderator approves it (is_public)."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SPAM = "spam"
    STATUS_CHOICES = (
        (PENDING, "Awaiting approval"),
        (APPROVED, "Approved"),
        (REJECTED, "Rejected"),
        (SPAM, "Spam"),
    )

    status: models.CharField[str, str] = models.CharField(
        max_length=10, choices=STATUS_CHOICES, default=PENDING, db_index=True
    )
    notify_on_publish: models.BooleanField[bool, bool] = models.BooleanField(
        default=False, help_text="The commenter asked for an email when it is published."
    )
    decided_at: models.DateTimeField[Any, Any] = models.DateTimeField(null=True, blank=True)
    decided_by: models.ForeignKey[Any, Any] = models.ForeignKey("auth.User", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta(CommentAbstractModel.Meta):  # type: ignore[misc]
        verbose_name = "comment"
        permissions = (("moderate_comments", "Can approve, reject and mark comments as spam"),)


class BlockedSender(models.Model):
    """An email address or IP address whose comments are refused before they are stored."""

    EMAIL = "email"
    IP = "ip"
    KIND_CHOICES = ((EMAIL, "Email address"), (IP, "IP address"))

    kind = models.CharField(max_length=5, choices=KIND_CHOICES)
    value = models.CharField(max_length=254, help_text="Compared without regard to case.")
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("kind", "value"), name="blocked_kind_value"),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.value = self.value.strip().lower()
        super().save(*args, **kwargs)


class SpentChallenge(models.Model):
    """An ALTCHA challenge already used to send a comment: one proof of work, one comment.

    Kept in the database rather than the cache so that every app server and
    worker process sees it; rows are dropped once the challenge has expired.
    """

    signature = models.CharField(max_length=128, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.signature
