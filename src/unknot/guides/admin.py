from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import SafeString

from unknot.guides.models import Guide, Tag

# ModelAdmin is generic only in the type stubs.
if TYPE_CHECKING:
    GuideAdminBase = admin.ModelAdmin[Guide]
    TagAdminBase = admin.ModelAdmin[Tag]
else:
    GuideAdminBase = TagAdminBase = admin.ModelAdmin


@admin.register(Guide)
class GuideAdmin(GuideAdminBase):
    list_display = ("title", "is_published", "published_at", "preview_link")
    list_filter = ("is_published", "tags")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}  # noqa: RUF012
    filter_horizontal = ("tags",)
    readonly_fields = ("preview_link", "rendered_body")
    class Media:
        js = ("guides/admin-preview.js",)
        css = {"all": ("guides/admin-preview.css",)}  # noqa: RUF012 (Django reads it as is)

    fieldsets = (
        (None, {"fields": ["title", "slug", "summary", "tags"]}),
        ("Text (Markdown)", {"fields": ["body", "references"]}),
        ("Preview of the saved text", {"fields": ["preview_link", "rendered_body"]}),
        ("Publishing", {"fields": ["is_published", "published_at", "allow_comments"]}),
    )

    @admin.display(description="Preview")
    def preview_link(self, guide: Guide) -> SafeString | str:
        if not guide.pk:
            return "Save the guide (as a draft if you like) to preview it."
        return format_html('<a href="{}" target="_blank" rel="noopener">Open the page as '
                           "readers will see it</a>", guide.get_absolute_url())

    @admin.display(description="Body as rendered")
    def rendered_body(self, guide: Guide) -> SafeString:
        # body_html is Markdown already cleaned by nh3 on save: safe to show as is.
        return format_html('<div class="guide-preview">{}</div>', SafeString(guide.body_html))


@admin.register(Tag)
class TagAdmin(TagAdminBase):
    list_display = ("label", "kind", "slug")
    list_filter = ("kind",)
    readonly_fields = ("slug", "kind", "code")
