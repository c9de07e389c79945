"""Sharing an episode with a clinician: the person's share links, the clinician's read-only
view through one of them, and the FHIR record beside the PDF.

Pages opened through a link are never cached or indexed and send no Referer, so
the secret in the address does not travel to any other site.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from csp.decorators import csp_update
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from unknot.assessments.presenters import present
from unknot.engine import assess, parse_intake
from unknot.engine.labels import SYMPTOM_LABELS
from unknot.tracking import sharing
from unknot.tracking.charts import CHARTS, CHECKINS_PER_PAGE, adherence_percent, render_chart
from unknot.tracking.fhir import MEDIA_TYPE, episode_fhir_json
from unknot.tracking.models import Episode
from unknot.tracking.outcomes import episode_outcomes
from unknot.tracking.psfs import psfs_summary
from unknot.tracking.psfs_chart import render_psfs_chart
from unknot.tracking.reminders import site_url
from unknot.tracking.report import episode_report
from unknot.tracking.services import get_episode_for_user


class ShareForm(forms.Form):
    days = forms.TypedChoiceField(
        label="How long should the link work?", coerce=int, widget=forms.RadioSelect,
        choices=[(1, "One day"), (7, "One week"), (30, "One month")],
        error_messages={"required": "Choose how long the link should work.",
                        "invalid_choice": "Choose one day, one week or one month."})
    label = forms.CharField(
        label="Who is it for? (optional: only you see this)", required=False,
        max_length=sharing.LABEL_LENGTH,
        error_messages={"max_length": f"Keep it to {sharing.LABEL_LENGTH} characters."})


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _fhir_download(episode: Episode) -> HttpResponse:
    return _download(episode_fhir_json(episode, site_url()), MEDIA_TYPE,
                     f"unknot-record-{episode.started_on.isoformat()}.fhir.json")


def _pdf_download(episode: Episode) -> HttpResponse:
    return _download(episode_report(episode), "application/pdf",
                     f"unknot-report-{episode.started_on.isoformat()}.pdf")


@never_cache
@login_required
@require_GET
def fhir_record(request: HttpRequest, pk: int) -> HttpResponse:
    return _fhir_download(get_episode_for_user(request.user, pk))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    form = ShareForm(request.POST or None, initial={"days": sharing.DEFAULT_SHARE_DAYS})
    new_link = None
    if request.method == "POST" and form.is_valid():
        _, secret = sharing.create_share_link(episode, form.cleaned_data["days"],
                                              form.cleaned_data["label"])
        # Shown once, in this answer only: only its hash is kept.
        new_link = request.build_absolute_uri(reverse("tracking:shared", args=[secret]))
        form = ShareForm(initial={"days": sharing.DEFAULT_SHARE_DAYS})
    return render(request, "tracking/share.html", {
        "episode": episode, "form": form, "new_link": new_link,
        "links": sharing.share_links_of(episode),
    }, status=422 if form.is_bound and form.errors else 200)


@login_required
@require_POST
def share_revoke(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    link = sharing.get_share_link_for_user(request.user, pk, link_pk)
    sharing.revoke_share_link(link)
    messages.success(request, "The link is withdrawn: it no longer opens anything.")
    return redirect("tracking:share", pk=pk)


def through_link(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Never cached, never indexed, no Referer; a closed link answers 410 with a plain page."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except sharing.ShareGone:
            response = render(request, "tracking/shared_gone.html", status=410)
        except Http404:
            response = render(request, "tracking/shared_gone.html", {"unknown": True},
                              status=404)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return never_cache(guarded)


def _summary(episode: Episode) -> list[tuple[str, str]]:
    """The intake in words; "started 30 hours ago" is told from the day tracking began."""
    rows: list[tuple[str, str]] = present(assess(parse_intake(episode.intake)))["summary"]
    began = f"before tracking began on {episode.started_on:%-d %B %Y}"
    return [(label, value.removesuffix(" ago") + f" {began}" if label == "Started" else value)
            for label, value in rows]


@through_link
@require_GET
def shared(request: HttpRequest, secret: str) -> HttpResponse:
    link = sharing.open_share_link(secret, "page")
    episode = link.episode
    checkins = list(episode.checkins.order_by("-day")[:CHECKINS_PER_PAGE])
    return render(request, "tracking/shared.html", {
        "episode": episode, "secret": secret, "link": link,
        "summary": _summary(episode),
        "first": episode.first_assessment, "review": episode.review,
        "outcomes": episode_outcomes(episode),
        "charts": CHARTS.values(),
        "rows": [{"checkin": c, "adherence": adherence_percent(c),
                  "symptoms": [SYMPTOM_LABELS[s] for s in c.symptoms]} for c in checkins],
    })


@through_link
@require_GET
def shared_pdf(request: HttpRequest, secret: str) -> HttpResponse:
    return _pdf_download(sharing.open_share_link(secret, "pdf").episode)


@through_link
@require_GET
def shared_fhir(request: HttpRequest, secret: str) -> HttpResponse:
    return _fhir_download(sharing.open_share_link(secret, "fhir").episode)


@csp_update({"style-src": ["'unsafe-inline'"]})
@through_link
@require_GET
def shared_chart(request: HttpRequest, secret: str, kind: str) -> HttpResponse:
    # The page that shows the charts is the opening that is logged, not each picture.
    episode = sharing.open_share_link(secret, "page", log=False).episode
    if kind == "psfs":
        svg = render_psfs_chart(psfs_summary(episode))
    elif kind in CHARTS:
        checkins = list(episode.checkins.order_by("-day")[:CHECKINS_PER_PAGE])[::-1]
        svg = render_chart(kind, episode, parse_intake(episode.intake), checkins)
    else:
        raise Http404("No such chart")
    return HttpResponse(svg, content_type="image/svg+xml")
