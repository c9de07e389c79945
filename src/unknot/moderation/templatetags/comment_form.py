from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from unknot.moderation import captcha
from unknot.moderation.forms import GuideCommentForm

register = template.Library()
# Where a cached page's comment form takes each visitor's own values (see
# moderation.forms.fill_comment_form): its form token, signed fields and challenge.
CSRF_SLOT = "unknot-slot-csrf"
SECURITY_SLOT = "<!-- unknot:slot-security -->"
CHALLENGE_SLOT = "unknot-slot-challenge"


@register.simple_tag(takes_context=True)
def fresh_security_fields(context: template.Context, form: GuideCommentForm) -> SafeString:
    """The signed hidden fields, made anew on every render: after a refusal the person
    sends the same text again, and it must not fail again for a stale timestamp."""
    if context.get("comment_form_slots"):  # a cached page: filled in for each visitor
        return mark_safe(SECURITY_SLOT)  # noqa: S308 (a constant of ours)
    return security_fields(form)


def security_fields(form: GuideCommentForm) -> SafeString:
    data = form.generate_security_data()
    return format_html_join("", '<input type="hidden" name="{}" value="{}">', data.items())


def security_fields_for(guide: Any) -> SafeString:
    """The same signed fields for a cached page, signed by django-contrib-comments' own
    method, without making a whole form: the method reads only the form's target, and
    a form deep-copies its nine fields (most of a cached guide page's time)."""
    signer = GuideCommentForm.__new__(GuideCommentForm)
    signer.target_object = guide
    return security_fields(signer)


@register.inclusion_tag("moderation/captcha/widget.html", takes_context=True)
def captcha_widget(context: template.Context) -> dict[str, Any]:
    if context.get("comment_form_slots") and captcha.provider_name() == "altcha":
        return {"provider": "altcha", "challenge_json": CHALLENGE_SLOT}
    return captcha.widget_context()


@register.simple_tag
def captcha_provider() -> str:
    name: str = settings.CAPTCHA_PROVIDER
    return name


@register.simple_tag
def captcha_script() -> SafeString:
    if captcha.provider_name() == "altcha":  # no challenge needed just to name the script
        from django.templatetags.static import static

        return format_html('<script type="module" src="{}"></script>',
                           static("moderation/altcha/altcha.js"))
    context = captcha.widget_context()
    tags = format_html('<script src="{}" async defer></script>', context["script_url"])
    if context["provider"] == "recaptcha_v3":
        from django.templatetags.static import static

        tags += format_html('<script src="{}" defer></script>',
                            static("moderation/recaptcha-v3.js"))
    return tags
