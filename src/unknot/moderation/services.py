"""Every write to comments goes through here: the web form, the queue, the admin and tests."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django_comments import signals

from unknot.guides.models import Guide
from unknot.moderation.addresses import client_ip
from unknot.moderation.forms import GuideCommentForm
from unknot.moderation.models import BlockedSender, GuideComment

BLOCKED = ("Comments from this address are not accepted. If you think this is a mistake, "
           "please contact the site's operator.")
CLOSED = "Comments are closed on this guide."
ACTIONS = ("approve", "reject", "spam")


class CommentRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def published_comments(guide: Guide) -> QuerySet[GuideComment]:
    comments: QuerySet[GuideComment] = GuideComment.objects.filter(
        content_type__app_label="guides", content_type__model="guide", object_pk=str(guide.pk),
        is_public=True, is_removed=False,
    ).order_by("submit_date")
    return comments


def pending_comments() -> QuerySet[GuideComment]:
    pending: QuerySet[GuideComment] = GuideComment.objects.filter(
        status=GuideComment.PENDING).order_by("submit_date")
    return pending


def is_blocked(email: str, ip_address: str) -> bool:
    return BlockedSender.objects.filter(
        kind=BlockedSender.EMAIL, value=email.strip().lower()
    ).exists() or (bool(ip_address) and BlockedSender.objects.filter(
        kind=BlockedSender.IP, value=ip_address.strip().lower()
    ).exists())


@transaction.atomic
def submit_comment(form: GuideCommentForm, request: HttpRequest) -> GuideComment:
    """Store a valid comment, held for approval unless the moderation setting trusts it.

    One transaction: the comment and the moderators' email (queued by the
    moderator's signal handler) are saved together or not at all.
    """
    ip_address = client_ip(request) or None
    if is_blocked(form.cleaned_data["email"], ip_address or ""):
        raise CommentRefused(BLOCKED)
    comment: GuideComment = form.get_comment_object(site_id=settings.SITE_ID)
    comment.ip_address = ip_address
    comment.notify_on_publish = form.cleaned_data["notify"]
    if request.user.is_authenticated:
        comment.user = request.user
    # The moderator (moderators.GuideModerator) answers these signals: it may
    # refuse the comment, and it decides whether it waits for approval.
    responses = signals.comment_will_be_posted.send(
        sender=GuideComment, comment=comment, request=request
    )
    if any(answer is False for _, answer in responses):
        raise CommentRefused(CLOSED)
    comment.status = GuideComment.APPROVED if comment.is_public else GuideComment.PENDING
    if comment.status == GuideComment.APPROVED:
        comment.decided_at = timezone.now()
    comment.save()
    signals.comment_was_posted.send(sender=GuideComment, comment=comment, request=request)
    return comment


@transaction.atomic
def _decide(comment: GuideComment, status: str, moderator: AbstractBaseUser | AnonymousUser,
            guide_url: str | None) -> None:
    # The row is locked and read again, so two moderators deciding at once
    # decide one after the other, and only the one who publishes it queues the
    # commenter's email: once, in the same transaction as the decision.
    locked = GuideComment.objects.select_for_update().get(pk=comment.pk)
    was_public = locked.is_public
    for target in (locked, comment):
        target.status = status
        target.is_public = status == GuideComment.APPROVED
        target.is_removed = status == GuideComment.SPAM
        target.decided_at = timezone.now()
        target.decided_by = moderator if moderator.is_authenticated else None
    locked.save(update_fields=["status", "is_public", "is_removed", "decided_at", "decided_by"])
    if locked.is_public and not was_public and locked.notify_on_publish and guide_url:
        from unknot.moderation.emails import tell_commenter_published

        tell_commenter_published(locked, guide_url)


def approve_comment(comment: GuideComment, moderator: AbstractBaseUser | AnonymousUser,
                    guide_url: str | None = None) -> None:
    _decide(comment, GuideComment.APPROVED, moderator, guide_url)


def reject_comment(comment: GuideComment, moderator: AbstractBaseUser | AnonymousUser) -> None:
    _decide(comment, GuideComment.REJECTED, moderator, None)


def mark_spam(comment: GuideComment, moderator: AbstractBaseUser | AnonymousUser) -> None:
    _decide(comment, GuideComment.SPAM, moderator, None)


@transaction.atomic
def moderate_comments(ids: Iterable[int], action: str,
                      moderator: AbstractBaseUser | AnonymousUser,
                      request: HttpRequest | None = None) -> int:
    """Apply one action to many comments; answers how many were changed."""
    if action not in ACTIONS:
        raise ValueError(f"unknown moderation action {action!r}")
    comments = GuideComment.objects.select_for_update().filter(pk__in=list(ids))
    count = 0
    for comment in comments.prefetch_related("content_object"):
        if action == "approve":
            guide_url = None
            if request is not None and comment.content_object is not None:
                guide_url = request.build_absolute_uri(comment.content_object.get_absolute_url())
            approve_comment(comment, moderator, guide_url)
        elif action == "reject":
            reject_comment(comment, moderator)
        else:
            mark_spam(comment, moderator)
        count += 1
    return count
