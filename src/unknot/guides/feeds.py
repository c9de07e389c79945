from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from unknot.guides.models import Guide

# Feed is generic only in the type stubs.
if TYPE_CHECKING:
    FeedBase = Feed[Guide, None]
else:
    FeedBase = Feed


class LatestGuidesFeed(FeedBase):
    title = "Unknot guides"
    link = reverse_lazy("guides:list")
    description = "New guides on easing sore muscles and back pain."

    def items(self) -> QuerySet[Guide]:
        return Guide.objects.published()[:20]

    def item_title(self, item: Guide) -> str:
        return item.title

    def item_description(self, item: Guide) -> str:
        return item.summary

    def item_pubdate(self, item: Guide) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Guide) -> datetime:
        return item.updated_at


class LatestGuidesAtomFeed(LatestGuidesFeed):
    feed_type = Atom1Feed
    subtitle = LatestGuidesFeed.description
