"""The privacy policy and the terms of use."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    context = {"captcha_provider": settings.CAPTCHA_PROVIDER,
               "premoderation": settings.COMMENT_PREMODERATION}
    return render(request, "pages/privacy.html", context)


@require_GET
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/terms.html")
