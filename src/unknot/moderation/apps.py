from __future__ import annotations

from django.apps import AppConfig


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
