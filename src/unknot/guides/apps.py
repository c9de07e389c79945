from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_site(**kwargs: Any) -> None:
    # Feeds, sitemaps and the comments framework build absolute links from the
    # Site row; keep it in step with the operator's UNKNOT_SITE_DOMAIN on every migrate.
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )


def _ensure_tags(**kwargs: Any) -> None:
    # The tags are fixed by the engine's body areas and the four ways; made again
    # after every migrate or flush, so a new area in the engine gets its tag too.
    from unknot.guides.models import Tag
    from unknot.guides.tags import all_tags

    for slug, kind, code, label in all_tags():
        Tag.objects.update_or_create(kind=kind, code=code, defaults={"slug": slug, "label": label})


class GuidesConfig(AppConfig):
    name = "unknot.guides"
    label = "guides"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_site, sender=self)
        post_migrate.connect(_ensure_tags, sender=self)
        from unknot.core.content import invalidates_content
        from unknot.guides.models import Guide, Tag

        invalidates_content(Guide, Tag)
