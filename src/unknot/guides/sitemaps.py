from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from unknot.guides.models import Guide

# Sitemap is generic only in the type stubs.
if TYPE_CHECKING:
    GuideSitemapBase = Sitemap[Guide]
    PageSitemapBase = Sitemap[str]
else:
    GuideSitemapBase = PageSitemapBase = Sitemap


class GuideSitemap(GuideSitemapBase):
    changefreq = "monthly"

    def items(self) -> QuerySet[Guide]:
        return Guide.objects.published()

    def lastmod(self, item: Guide) -> datetime:
        return item.updated_at


class PageSitemap(PageSitemapBase):
    """The fixed pages a search engine should know: start, guides, products, policies."""

    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["core:start", "assessments:intake", "guides:list", "products:list",
                "pages:privacy", "pages:terms"]

    def location(self, item: str) -> str:
        return reverse(item)
