"""The PSFS pages of an episode: name and rate the activities, and their chart."""

from __future__ import annotations

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from unknot.tracking import psfs
from unknot.tracking.psfs_chart import render_psfs_chart
from unknot.tracking.psfs_forms import HIGH, LOW, PsfsRateForm, PsfsStartForm
from unknot.tracking.services import get_episode_for_user


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def psfs_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Name three to five activities with their first score, or rate them again."""
    episode = get_episode_for_user(request.user, pk)
    if not episode.is_open:
        raise Http404("This episode is closed")
    today = timezone.localdate()
    activities = list(episode.psfs_activities.all())
    data = request.POST if request.method == "POST" else None
    form: PsfsStartForm | PsfsRateForm
    if activities:
        summary = psfs.psfs_summary(episode, today)
        initial = {f"score_{row.activity.pk}": row.now for row in summary.rows} \
            if summary.rated_today else {}
        form = PsfsRateForm(data, activities=activities, initial=initial)
    else:
        form = PsfsStartForm(data)
    if data is not None and form.is_valid():
        try:
            if isinstance(form, PsfsRateForm):
                psfs.rate_psfs(episode, form.to_scores(), today=today)
            else:
                psfs.start_psfs(episode, form.to_input(), today=today)
        except psfs.PsfsError as error:
            form.add_service_errors(error.errors)
        else:
            messages.success(request, "Activities rated. Rate them again in a week.")
            return redirect("tracking:episode", pk=episode.pk)
    return render(request, "tracking/psfs.html", {
        "episode": episode, "form": form, "naming": isinstance(form, PsfsStartForm),
        "low": LOW, "high": HIGH, "today": today,
    }, status=422 if form.is_bound else 200)


# pygal styles the chart with a <style> element inside the SVG, shown only as an image.
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]
@never_cache
@login_required
@require_GET
def psfs_chart(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    summary = psfs.psfs_summary(episode)
    return HttpResponse(render_psfs_chart(summary), content_type="image/svg+xml")
