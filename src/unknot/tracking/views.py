"""Episodes, daily check-ins and charts. Every episode is reached through get_episode_for_user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from unknot.assessments.presenters import plan_key
from unknot.engine import IntakeError, parse_intake
from unknot.engine.json_input import JsonInputError, load_json
from unknot.engine.labels import SYMPTOM_GROUPS, SYMPTOM_LABELS
from unknot.tracking import reminders, services
from unknot.tracking.charts import (
    CHARTS,
    CHECKINS_PER_PAGE,
    adherence_percent,
    chart_points,
    render_chart,
    start_point,
)
from unknot.tracking.checkin_input import SCALE_MAX, SCALE_MIN
from unknot.tracking.forms import CheckinForm, CloseForm
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.outcomes import episode_outcomes
from unknot.tracking.page_cache import CACHE_SECONDS, episode_version
from unknot.tracking.report import episode_report
from unknot.tracking.services import CheckinError, get_episode_for_user, plan_items

PENDING_INTAKE = "unknot_pending_intake"
# The check-in form's own questions, for today's check-in on the episode page.
CHECKIN_LABELS = {name: field.label for name, field in CheckinForm.base_fields.items()}
# An id no episode has, to reverse each episode address once a process; the page
# then fills in its own id instead of reversing a dozen addresses on every view.
_ANY_ID = 987654321


@cache
def _episode_url_patterns() -> dict[str, str]:
    names = ("episode", "checkin", "close", "reopen", "report")
    return {name: reverse(f"tracking:{name}", args=[_ANY_ID]) for name in names}


def episode_links(pk: int) -> dict[str, str]:
    return {name: url.replace(str(_ANY_ID), str(pk))
            for name, url in _episode_url_patterns().items()}


@cache
def _chart_url_pattern(kind: str) -> str:
    return reverse("tracking:chart", args=[_ANY_ID, kind])


def chart_url(pk: int, kind: str, before: date | None) -> str:
    url = _chart_url_pattern(kind).replace(str(_ANY_ID), str(pk))
    return f"{url}?before={before.isoformat()}" if before else url


@never_cache
@require_POST
def track_this(request: HttpRequest) -> HttpResponse:
    """Start an episode from a result page; someone without an account signs up first."""
    try:
        data = load_json(request.POST.get("intake", ""))
        parse_intake(data)
    except (JsonInputError, IntakeError):
        return render(request, "tracking/track_error.html", status=400)
    if not request.user.is_authenticated:
        # Kept in the session, never in the URL: health answers stay out of logs.
        request.session[PENDING_INTAKE] = data
        return render(request, "tracking/track_account.html",
                      {"next": reverse("tracking:resume")})
    return _start(request, data)


def _start(request: HttpRequest, data: object) -> HttpResponse:
    try:
        episode = services.start_episode(request.user, data)  # type: ignore[arg-type]
    except IntakeError:
        return render(request, "tracking/track_error.html", status=400)
    except services.TooManyOpenEpisodes as refusal:
        # The answers wait in the session, as for someone without an account,
        # until an episode is closed and they are confirmed (tracking:resume).
        request.session[PENDING_INTAKE] = data
        messages.error(request, f"{refusal} Your answers are kept until then.")
        return redirect("tracking:episodes")
    messages.success(request, "You are tracking this now. Check in once a day.")
    return redirect("tracking:episode", pk=episode.pk)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def resume(request: HttpRequest) -> HttpResponse:
    """After signing up or logging in: confirm the intake kept from before."""
    data = request.session.get(PENDING_INTAKE)
    if data is None:
        return redirect("tracking:episodes")
    if request.method == "POST":
        del request.session[PENDING_INTAKE]
        return _start(request, data)
    return render(request, "tracking/resume.html", {"intake": parse_intake(data)})


@never_cache
@login_required
@require_GET
def episodes(request: HttpRequest) -> HttpResponse:
    rows = Episode.objects.filter(owner_id=request.user.pk).order_by("-started_on", "-id")
    return render(request, "tracking/episodes.html", {
        "pending": PENDING_INTAKE in request.session,
        "open_episodes": [e for e in rows if e.is_open],
        "closed_episodes": [e for e in rows if not e.is_open],
    })


@dataclass(frozen=True, slots=True)
class HistoryPage:
    checkins: list[CheckIn]  # newest first
    before: date | None  # the cursor this page was asked for
    older: date | None  # the cursor for the next, older page


def _before(request: HttpRequest) -> date | None:
    try:
        return date.fromisoformat(request.GET["before"])
    except (KeyError, ValueError):
        return None


def _history_page(request: HttpRequest, episode: Episode) -> HistoryPage:
    """A page of check-ins before a day, newest first: a keyset, so no page counts rows."""
    before = _before(request)
    rows = episode.checkins.order_by("-day")
    if before is not None:
        rows = rows.filter(day__lt=before)
    checkins = list(rows[: CHECKINS_PER_PAGE + 1])
    more = len(checkins) > CHECKINS_PER_PAGE
    checkins = checkins[:CHECKINS_PER_PAGE]
    return HistoryPage(checkins, before, checkins[-1].day if more else None)


def _drawn_parts(request: HttpRequest, episode: Episode, today: date) -> dict[str, Any]:
    """What the cached part of the episode page shows, read only when it is drawn afresh."""
    page = _history_page(request, episode)
    checkins = page.checkins
    return {
        "page": page,
        "rows": [{
            "checkin": c,
            "adherence": adherence_percent(c),
            "symptoms": [SYMPTOM_LABELS[s] for s in c.symptoms],
        } for c in checkins],
        "todays": checkins[0] if checkins and checkins[0].day == today
        and page.before is None else None,
        # The charts' first point, in the table too, on the page that reaches back to it.
        "start": start_point(episode, parse_intake(episode.intake)) if page.older is None
        else None,
        "outcomes": episode_outcomes(episode, today),
    }


@never_cache
@login_required
@require_GET
def episode_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The first assessment (a whole plan, ~20 KB of JSON) is not shown on this page.
    episode = get_episode_for_user(request.user, pk, defer=("first_assessment",))
    # Read before any of the episode's rows: a save from now on changes it (page_cache).
    version = episode_version(episode.pk)
    today = timezone.localdate()
    before = _before(request)
    # The history, the outcomes and the table are drawn once per version of the
    # episode and day (the {% cache %} in the template): read only if it is drawn.
    drawn = SimpleLazyObject(lambda: _drawn_parts(request, episode, today))
    review = episode.review
    reasons = review.get("reasons", [])
    return render(request, "tracking/episode.html", {
        # Today's check-in sits beside today's routine; the player fills it in. Read
        # only when the template draws it, once per version of the episode and day.
        "todays_form": SimpleLazyObject(lambda: _todays_form(episode, today)),
        "episode": episode,
        "episode_version": version,
        "before": before,
        "page": SimpleLazyObject(lambda: drawn["page"]),
        "rows": SimpleLazyObject(lambda: drawn["rows"]),
        "todays": SimpleLazyObject(lambda: drawn["todays"]),
        "start": SimpleLazyObject(lambda: drawn["start"]),
        "outcomes": SimpleLazyObject(lambda: drawn["outcomes"]),
        "checkin_count": episode.checkin_count,
        "review": review,
        "level": episode.level,
        "main_reasons": [r for r in reasons if r["level"] == episode.level],
        "other_reasons": [r for r in reasons if r["level"] != episode.level],
        "new_symptoms": [SYMPTOM_LABELS[s] for s in review.get("new_symptoms", [])],
        "plan": episode.plan,
        "plan_key": plan_key(episode.plan),
        "today": today,
        "links": episode_links(episode.pk),
        "chart_links": [(spec, chart_url(episode.pk, spec.kind, before))
                        for spec in CHARTS.values()],
    })


def _todays_form(episode: Episode, today: date) -> dict[str, Any]:
    # Written out by the template rather than drawn by form widgets, which took
    # longer than the rest of the page; it posts to the check-in view.
    existing, initial = _checkin_initial(episode, today)
    return {"initial": initial, "existing": existing is not None,
            "plan": plan_items(episode.plan),
            "scale": range(SCALE_MIN, SCALE_MAX + 1), "symptoms": SYMPTOM_GROUPS,
            "labels": CHECKIN_LABELS}


def _initial_of(existing: CheckIn | None, day: date) -> dict[str, Any]:
    if existing is None:
        return {"day": day}
    return {
        "day": day, "pain": existing.pain, "function_limit": existing.function_limit,
        "sleep_hours": existing.sleep_hours, "plan_done": existing.plan_done,
        "symptoms": existing.symptoms, "note": existing.note,
    }


def _checkin_initial(episode: Episode, day: date) -> tuple[CheckIn | None, dict[str, Any]]:
    existing = CheckIn.objects.filter(episode=episode, day=day).first()
    return existing, _initial_of(existing, day)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    if not episode.is_open:
        raise Http404("This episode is closed")
    today = timezone.localdate()
    choices = plan_items(episode.plan)
    if request.method == "POST":
        form = CheckinForm(request.POST, plan_choices=choices)
        if form.is_valid():
            try:
                services.record_checkin(episode, form.to_input(), today=today)
            except CheckinError as error:
                for problem in error.errors:
                    field = problem.field if problem.field in form.fields else None
                    form.add_error(field, problem.message[0].upper() + problem.message[1:] + ".")
            else:
                messages.success(request, "Check-in saved.")
                return redirect("tracking:episode", pk=episode.pk)
        status = 422
        existing = None
    else:
        try:
            day = date.fromisoformat(request.GET.get("day", "")) if "day" in request.GET \
                else today
        except ValueError:
            day = today
        existing, initial = _checkin_initial(episode, day)
        form = CheckinForm(initial=initial, plan_choices=choices)
        status = 200
    return render(request, "tracking/checkin.html", {
        "episode": episode, "form": form, "existing": existing, "today": today,
        "locked": existing is not None and existing.day != today,
    }, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.close_episode(episode, form.cleaned_data["outcome"], form.cleaned_data["note"])
        messages.success(request, "Episode closed. Well done for seeing it through.")
        return redirect("tracking:episode", pk=episode.pk)
    return render(request, "tracking/close.html", {"episode": episode, "form": form},
                  status=422 if form.is_bound else 200)


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    try:
        services.reopen_episode(episode)
    except services.TooManyOpenEpisodes as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Episode reopened.")
    return redirect("tracking:episode", pk=episode.pk)


# pygal styles the chart with a <style> element inside the SVG. The SVG is only
# ever shown as an image (no scripts run there), so inline style is allowed for
# this response alone.
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]
@never_cache
@login_required
@require_GET
def chart(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    if kind not in CHARTS:
        raise Http404("No such chart")
    # Drawn once per version of the episode (page_cache), read only after the owner check.
    key = (f"chart:{episode.pk}:{episode_version(episode.pk)}:{kind}:{_before(request)}:"
           f"{timezone.localdate()}")
    svg = caches["pages"].get(key)
    if svg is None:
        page = _history_page(request, episode)
        intake = parse_intake(episode.intake)
        # The oldest page starts from the first answers, so one check-in already draws a line.
        points = chart_points(episode, intake, list(reversed(page.checkins)),
                              with_start=page.older is None)
        svg = render_chart(kind, episode, intake, points)
        caches["pages"].set(key, svg, CACHE_SECONDS)
    return HttpResponse(svg, content_type="image/svg+xml")


@never_cache
@require_GET
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The private calendar feed: the secret in the address is the only key."""
    owner = reminders.owner_of_feed(secret)
    if owner is None:
        raise Http404("No such calendar")
    response = HttpResponse(reminders.calendar_feed(owner, request.build_absolute_uri("/")[:-1]),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="unknot.ics"'
    return response


@login_required
@require_POST
def reminder_email(request: HttpRequest) -> HttpResponse:
    wanted = request.POST.get("email_daily") == "on"
    reminders.set_email_daily(request.user, wanted)  # type: ignore[arg-type]
    messages.success(request, "Daily reminder emails are on." if wanted
                     else "Daily reminder emails are off.")
    return redirect("accounts:settings")


@never_cache
@login_required
@require_POST
def reminder_feed(request: HttpRequest) -> HttpResponse:
    if request.POST.get("action") == "revoke":
        reminders.revoke_feed(request.user)  # type: ignore[arg-type]
        messages.success(request, "The calendar address is revoked: calendars using it stop "
                                  "updating.")
        return redirect("accounts:settings")
    secret = reminders.create_feed(request.user)  # type: ignore[arg-type]
    # Shown once, in this answer only: only its hash is kept.
    feed = request.build_absolute_uri(reverse("tracking:calendar", args=[secret]))
    from unknot.accounts.views import settings_page_with

    return settings_page_with(request, new_feed=feed)


@never_cache
@login_required
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    episode = get_episode_for_user(request.user, pk)
    response = HttpResponse(episode_report(episode), content_type="application/pdf")
    name = f"unknot-report-{episode.started_on.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
