from __future__ import annotations

from typing import Any

from django.apps import AppConfig

from unknot.core.content import bump_content_version


def _comment_saved(instance: Any, **kwargs: Any) -> None:
    if instance.is_public or instance.status != instance.PENDING:
        bump_content_version()


class ModerationConfig(AppConfig):
    name = "unknot.moderation"
    label = "moderation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django_comments.moderation import moderator

        from unknot.guides.models import Guide
        from unknot.moderation.moderators import GuideModerator

        if Guide not in moderator._registry:
            moderator.register(Guide, GuideModerator)
        from django.db.models.signals import post_delete, post_save

        from unknot.moderation import access
        from unknot.moderation.models import GuideComment

        access.connect()  # the header's link to the queue, kept until permissions change

        # A decision on a comment (or its deletion) changes what its guide shows; a new
        # comment waiting for approval does not, so a flood of them keeps the cache warm.
        post_save.connect(_comment_saved, sender=GuideComment, dispatch_uid="unknot-comment-save")
        post_delete.connect(bump_content_version, sender=GuideComment,
                            dispatch_uid="unknot-comment-delete")
