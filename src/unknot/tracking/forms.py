"""The daily check-in and the closing of an episode, as web forms."""

from __future__ import annotations

from typing import Any

from django import forms
from pydantic import ValidationError

from unknot.engine.labels import SYMPTOM_GROUPS
from unknot.tracking.checkin_input import (
    NOTE_MAX_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    SLEEP_MAX_HOURS,
    CheckinInput,
)
from unknot.tracking.models import Episode

SCALE = [(n, str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)]


class CheckinForm(forms.Form):
    checkin_input: CheckinInput  # set by clean() when the answers are valid

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
        label="Hours of sleep last night (optional)", required=False, min_value=0,
        max_value=SLEEP_MAX_HOURS,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
        error_messages={"min_value": "Sleep cannot be negative.",
                        "max_value": f"A night has at most {SLEEP_MAX_HOURS} hours.",
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
        label="Anything else to note? (optional)", required=False, max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    # Set by offline.js, once per check-in; a replay with the same key is stored once.
    client_key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=36)

    def __init__(self, *args: Any, plan_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_done"].choices = plan_choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        """The answers through CheckinInput, the one set of check-in rules; its
        complaints land beside their fields."""
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        try:
            self.checkin_input = CheckinInput(
                day=cleaned["day"], pain=cleaned["pain"],
                function_limit=cleaned["function_limit"], sleep_hours=cleaned["sleep_hours"],
                plan_done=tuple(cleaned["plan_done"]), symptoms=tuple(cleaned["symptoms"]),
                note=cleaned["note"], client_key=cleaned.get("client_key") or None,
            )
        except ValidationError as error:
            for problem in error.errors():
                name = str(problem["loc"][0]) if problem["loc"] else None
                message = str(problem["msg"]).removeprefix("Value error, ")
                self.add_error(name if name in self.fields else None,
                               message[:1].upper() + message[1:] + ".")
        return cleaned

    def to_input(self) -> CheckinInput:
        return self.checkin_input


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="How did it end?", choices=Episode.Outcome.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose how it ended."},
    )
    note = forms.CharField(label="A note for your records (optional)", required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
