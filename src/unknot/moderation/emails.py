"""Every email the comment system sends, each from a subject, text and HTML template.

They are queued in the outbox (unknot.ops.outbox) inside the transaction that
saves the comment or the decision, and the worker sends them after it commits.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from unknot.moderation.models import GuideComment
from unknot.ops.outbox import queue_email

MODERATE_PERMISSION = "moderate_comments"


def send_templated(name: str, to: list[str], context: dict[str, Any]) -> None:
    if not to:
        return
    subject = render_to_string(f"moderation/emails/{name}_subject.txt", context).strip()
    text = render_to_string(f"moderation/emails/{name}.txt", context)
    html = render_to_string(f"moderation/emails/{name}.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text,
                                     settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    queue_email(message)


def moderator_emails() -> list[str]:
    permitted = Q(is_superuser=True) | Q(
        groups__permissions__codename=MODERATE_PERMISSION,
        groups__permissions__content_type__app_label="moderation",
    ) | Q(
        user_permissions__codename=MODERATE_PERMISSION,
        user_permissions__content_type__app_label="moderation",
    )
    users = User.objects.filter(permitted, is_active=True).exclude(email="").distinct()
    return sorted({u.email for u in users})


def tell_moderators(comment: GuideComment, request: HttpRequest) -> None:
    context = {
        "comment": comment,
        "guide": comment.content_object,
        "queue_url": request.build_absolute_uri(reverse("moderation:queue")),
        "site_name": settings.SITE_NAME,
    }
    send_templated("new_comment", moderator_emails(), context)


def tell_commenter_published(comment: GuideComment, guide_url: str) -> None:
    context = {"comment": comment, "guide": comment.content_object, "guide_url": guide_url,
               "site_name": settings.SITE_NAME}
    send_templated("comment_published", [comment.user_email], context)
