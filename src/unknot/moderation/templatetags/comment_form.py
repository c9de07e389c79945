from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from unknot.moderation import captcha
from unknot.moderation.forms import GuideCommentForm

register = template.Library()


@register.simple_tag
def fresh_security_fields(form: GuideCommentForm) -> SafeString:
    """The signed hidden fields, made anew on every render: after a refusal the person
    sends the same text again, and it must not fail again for a stale timestamp."""
    data = form.generate_security_data()
    return format_html_join("", '<input type="hidden" name="{}" value="{}">', data.items())


@register.inclusion_tag("moderation/captcha/widget.html")
def captcha_widget() -> dict[str, Any]:
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
