"""The account settings page: email, password, API tokens, export and deletion."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from unknot.accounts import services
from unknot.accounts.models import AccessToken
from unknot.tracking.export import export_zip
from unknot.tracking.models import Reminder


class TokenForm(forms.Form):
    name = forms.CharField(label="Name for the new token", max_length=60,
                           error_messages={"required": "Give the token a name, such as the "
                                                       "app that will use it."})


class DeleteForm(forms.Form):
    password = forms.CharField(label="Your password", widget=forms.PasswordInput(
        attrs={"autocomplete": "current-password"}))

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password


def _settings_page(request: HttpRequest, form: TokenForm, new_token: str | None = None,
                   status: int = 200, new_feed: str | None = None) -> HttpResponse:
    tokens = AccessToken.objects.filter(owner_id=request.user.pk)
    reminder = Reminder.objects.filter(owner_id=request.user.pk).first()
    return render(request, "accounts/settings.html", {
        "form": form, "tokens": tokens, "new_token": new_token, "new_feed": new_feed,
        "email_daily": bool(reminder and reminder.email_daily),
        "has_feed": bool(reminder and reminder.feed_token_hash),
    }, status=status)


def settings_page_with(request: HttpRequest, new_feed: str) -> HttpResponse:
    return _settings_page(request, TokenForm(), new_feed=new_feed)


@never_cache
@login_required
@require_GET
def settings_page(request: HttpRequest) -> HttpResponse:
    return _settings_page(request, TokenForm())


@never_cache
@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, form, status=422)
    try:
        _, token = services.create_token(request.user, form.cleaned_data["name"])  # type: ignore[arg-type]
    except services.TooManyTokens as refusal:
        form.add_error("name", str(refusal))
        return _settings_page(request, form, status=422)
    # Shown once, in this answer only: only its hash is kept.
    return _settings_page(request, TokenForm(), new_token=token)


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = services.get_token_for_user(request.user, pk)  # type: ignore[arg-type]
    services.revoke_token(token)
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("accounts:settings")


@never_cache
@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    body = export_zip(request.user)  # type: ignore[arg-type]
    response = HttpResponse(body, content_type="application/zip")
    name = f"unknot-export-{timezone.localdate().isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)  # type: ignore[arg-type]
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form},
                  status=422 if form.is_bound else 200)
