from __future__ import annotations

import time
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import timezone
from django_comments.forms import CommentForm

from unknot.core.text import clean_line, clean_text
from unknot.guides.models import Guide

TOO_FAST = ("That was faster than a person can write. Please read over your comment and "
            "send it again.")
HONEYPOT = ("Your comment was not sent: a field that people cannot see was filled in, which "
            "is what automated spam does. If you use a form-filling tool, turn it off for this "
            "form and send again.")
STALE = ("This form is too old or was changed. Your comment is kept below: please send it "
         "again.")


class GuideCommentForm(CommentForm):  # type: ignore[misc]
    """django-contrib-comments' form (signed timestamp, honeypot) with our fields and limits."""

    url = None  # no website field: it only invites link spam
    notify = forms.BooleanField(
        required=False, label="Email me when my comment is published",
    )

    def __init__(self, target_object: Guide, data: Any = None, initial: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        self.fields["name"].label = "Your name (shown with the comment)"
        self.fields["name"].max_length = 50
        self.fields["email"].label = "Your email (never shown)"
        self.fields["comment"].label = "Your comment"
        self.fields["comment"].help_text = (
            f"Plain text, up to {settings.COMMENT_MAX_LENGTH} characters. Links are shown as "
            "plain links. Please share experience, not medical advice for others."
        )
        self.fields["honeypot"].label = "Leave this field empty"

    def get_comment_create_data(self, site_id: int | None = None) -> dict[str, Any]:
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": str(self.target_object.pk),
            "user_name": self.cleaned_data["name"],
            "user_email": self.cleaned_data["email"],
            "user_url": "",
            "comment": self.cleaned_data["comment"],
            "submit_date": timezone.now(),
            "site_id": site_id or settings.SITE_ID,
            "is_public": True,  # the moderator turns this off for comments that must wait
            "is_removed": False,
        }

    def clean_name(self) -> str:
        name = clean_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Please give a name to show with your comment.",
                                        code="required")
        return name

    def clean_comment(self) -> str:
        text: str = super().clean_comment()
        comment = clean_text(text).strip()
        if not comment:
            raise forms.ValidationError("Please write your comment.", code="required")
        return comment

    def clean_honeypot(self) -> str:
        value: str = self.cleaned_data["honeypot"]
        if value:
            raise forms.ValidationError(HONEYPOT, code="honeypot")
        return value

    def clean_timestamp(self) -> int:
        stamp: int = super().clean_timestamp()
        # People take more than a few seconds to read a guide and write a comment;
        # scripts that post the form as soon as they fetch it do not.
        if time.time() - stamp < settings.COMMENT_MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return stamp

    def refusal_messages(self) -> list[str]:
        """Errors that belong to the form as a whole, not to a field a person can see."""
        messages = [str(e) for e in self.non_field_errors()]
        messages += [str(e) for e in self.errors.get("honeypot", [])]
        if "timestamp" in self.errors and TOO_FAST in self.errors["timestamp"]:
            messages.append(TOO_FAST)
        elif {"timestamp", "security_hash", "content_type", "object_pk"} & set(self.errors):
            messages.append(STALE)
        return messages


def new_comment_form(request: HttpRequest, guide: Guide) -> GuideCommentForm:
    return GuideCommentForm(guide)


def fill_comment_form(page: str, request: HttpRequest, guide_pk: int) -> str:
    """A cached page's comment form, given this visitor's form token, fresh signed fields
    and a fresh proof-of-work challenge: what drawing the form anew would have given."""
    from django.middleware.csrf import get_token
    from django.utils.html import escape

    from unknot.moderation import captcha
    from unknot.moderation.templatetags.comment_form import (
        CHALLENGE_SLOT,
        CSRF_SLOT,
        SECURITY_SLOT,
        security_fields_for,
    )

    page = page.replace(CSRF_SLOT, get_token(request), 1)
    page = page.replace(SECURITY_SLOT, security_fields_for(Guide(pk=guide_pk)), 1)
    if CHALLENGE_SLOT in page:
        page = page.replace(CHALLENGE_SLOT, escape(captcha.altcha_challenge_json()), 1)
    return page
