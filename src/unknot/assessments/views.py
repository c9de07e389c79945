"""The web assessment: the intake form and the result. Nothing is stored."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from unknot.assessments.examples import example
from unknot.assessments.forms import IntakeForm
from unknot.assessments.presenters import present
from unknot.core.content import public_page
from unknot.engine import IntakeError, assess, parse_intake
from unknot.engine.json_input import JsonInputError, load_json
from unknot.engine.labels import CAUSE_LABELS, TRAUMA_LABELS
from unknot.ops.metrics import record_assessment
from unknot.tracking.services import episodes_past_year


def _form_page(request: HttpRequest, form: IntakeForm, status: int = 200,
               loaded: str = "") -> HttpResponse:
    context = {
        "form": form,
        "loaded": loaded,
        "sign_groups": form.sign_groups(),
        "cause_helps": [(code, help_text) for code, (_, help_text) in CAUSE_LABELS.items()],
        "trauma_helps": [(code, help_text) for code, (_, help_text) in TRAUMA_LABELS.items()],
    }
    return render(request, "assessments/intake.html", context, status=status)


@never_cache
@public_page  # the empty form (or an example) is the same for every visitor but its token
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    # The result is rendered in answer to the POST and never saved: health
    # answers stay out of URLs, logs and the database.
    # Someone logged in starts with their own count of episodes this past year.
    initial = ({"episodes_past_year": episodes_past_year(request.user)}
               if request.user.is_authenticated else {})
    # An example story from the start page fills the form in (by name: it is no one's data).
    shown = example(request.GET.get("example", "")) if request.method == "GET" else None
    if shown is not None:
        initial = {**IntakeForm.initial_from_intake(load_json(shown.intake_json)), **initial}
    form = IntakeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        parsed = form.to_intake()
        if parsed is not None:
            assessment = assess(parsed)
            record_assessment(assessment.level.code, "web")
            return render(request, "assessments/result.html", present(assessment))
    return _form_page(request, form, status=422 if form.is_bound else 200,
                      loaded=f"Example loaded: “{shown.title}”" if shown else "")


@never_cache
@require_POST
def change_answers(request: HttpRequest) -> HttpResponse:
    """Back from a result to the form with every answer still filled in."""
    try:
        data = load_json(request.POST.get("intake", ""))
        parse_intake(data)
    except (JsonInputError, IntakeError):
        return _form_page(request, IntakeForm(), status=400)
    return _form_page(request, IntakeForm(initial=IntakeForm.initial_from_intake(data)),
                      loaded="Your answers are filled in")
