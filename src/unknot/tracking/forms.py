"""The daily check-in and the closing of an episode, as web forms."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from unknot.engine.labels import SYMPTOM_GROUPS
from unknot.tracking.models import Episode
from unknot.tracking.services import CheckinInput

SCALE = [(n, str(n)) for n in range(11)]


class CheckinForm(forms.Form):
    day = forms.DateField(
        label="Which day is this for?",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Choose the day this check-in is for.",
                        "invalid": "Enter the day as a date, like 2026-03-14."},
    )
    pain = forms.TypedChoiceField(
        label="How bad is the pain now?", choices=SCALE, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Choose how bad the pain is, from 0 to 10."},
    )
    function_limit = forms.TypedChoiceField(
        label="How much does it limit moving and everyday tasks?", choices=SCALE, coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how much it limits you, from 0 to 10."},
    )
    sleep_hours = forms.FloatField(
        label="Hours of sleep last night (optional)", required=False, min_value=0, max_value=24,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        error_messages={"min_value": "Sleep cannot be negative.",
                        "max_value": "A night has at most 24 hours.",
                        "invalid": "Enter the hours as a number, like 7 or 6.5."},
    )
    plan_done = forms.MultipleChoiceField(
        label="What from your plan did you do?", required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    symptoms = forms.MultipleChoiceField(
        label="Any of these warning signs since your last check-in?", required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, label) for _, items in SYMPTOM_GROUPS for code, label in items],
    )
    note = forms.CharField(
        label="Anything else to note? (optional)", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, plan_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_done"].choices = plan_choices  # type: ignore[attr-defined]

    def to_input(self) -> CheckinInput:
        c = self.cleaned_data
        day: date = c["day"]
        return CheckinInput(
            day=day, pain=c["pain"], function_limit=c["function_limit"],
            sleep_hours=c["sleep_hours"], plan_done=tuple(c["plan_done"]),
            symptoms=tuple(c["symptoms"]), note=c["note"],
        )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="How did it end?", choices=Episode.Outcome.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose how it ended."},
    )
    note = forms.CharField(label="A note for your records (optional)", required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
