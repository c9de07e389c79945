"""The django-contrib-comments moderator for guides: who waits for approval, who is told."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_comments.moderation import CommentModerator

from unknot.guides.models import Guide
from unknot.moderation.models import GuideComment

EVERY_COMMENT = "every"
FIRST_COMMENT = "first"


class GuideModerator(CommentModerator):  # type: ignore[misc]
    enable_field = "allow_comments"
    email_notification = True

    def moderate(self, comment: GuideComment, content_object: Guide, request: HttpRequest) -> bool:
        if settings.COMMENT_PREMODERATION == FIRST_COMMENT:
            # A person whose earlier comment a moderator approved is trusted after that.
            known = GuideComment.objects.filter(
                user_email__iexact=comment.user_email, status=GuideComment.APPROVED
            ).exists()
            return not known
        return True

    def email(self, comment: GuideComment, content_object: Guide, request: HttpRequest) -> None:
        from unknot.moderation.emails import tell_moderators

        if comment.status == GuideComment.PENDING:
            tell_moderators(comment, request)

    def allow(self, comment: GuideComment, content_object: Any, request: HttpRequest) -> bool:
        return bool(super().allow(comment, content_object, request))
