from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from unknot.moderation import services
from unknot.moderation.models import BlockedSender, GuideComment

# ModelAdmin is generic only in the type stubs.
if TYPE_CHECKING:
    CommentAdminBase = admin.ModelAdmin[GuideComment]
    BlockedAdminBase = admin.ModelAdmin[BlockedSender]
else:
    CommentAdminBase = BlockedAdminBase = admin.ModelAdmin


def _run(action: str, request: HttpRequest, queryset: QuerySet[GuideComment]) -> None:
    count = services.moderate_comments(queryset.values_list("pk", flat=True), action,
                                       request.user, request)
    messages.success(request, f"{count} comment(s) updated.")


@admin.action(description="Approve and publish", permissions=["moderate"])
def approve(modeladmin: GuideCommentAdmin, request: HttpRequest,
            queryset: QuerySet[GuideComment]) -> None:
    _run("approve", request, queryset)


@admin.action(description="Reject", permissions=["moderate"])
def reject(modeladmin: GuideCommentAdmin, request: HttpRequest,
           queryset: QuerySet[GuideComment]) -> None:
    _run("reject", request, queryset)


@admin.action(description="Mark as spam", permissions=["moderate"])
def spam(modeladmin: GuideCommentAdmin, request: HttpRequest,
         queryset: QuerySet[GuideComment]) -> None:
    _run("spam", request, queryset)


@admin.register(GuideComment)
class GuideCommentAdmin(CommentAdminBase):
    list_display = ("user_name", "user_email", "status", "submit_date", "ip_address")
    list_filter = ("status", "submit_date")
    search_fields = ("user_name", "user_email", "comment", "ip_address")
    date_hierarchy = "submit_date"
    actions = (approve, reject, spam)
    # Status changes go through the actions (and so through the services), never a raw edit.
    readonly_fields = ("content_type", "object_pk", "site", "user", "user_name", "user_email",
                       "user_url", "submit_date", "ip_address", "is_public", "is_removed",
                       "status", "notify_on_publish", "decided_at", "decided_by")

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("moderation.moderate_comments")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(BlockedSender)
class BlockedSenderAdmin(BlockedAdminBase):
    list_display = ("value", "kind", "reason", "created_at")
    list_filter = ("kind",)
    search_fields = ("value", "reason")
