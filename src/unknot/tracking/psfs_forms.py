"""The Patient-Specific Functional Scale as web forms: naming the activities, then rating them.

The limits live in the engine (engine/outcomes.py) and the service checks them;
these forms only turn the page's fields into the service's input and put the
service's messages back beside the right field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from unknot.engine.intake import FieldError
from unknot.engine.outcomes import PSFS_MAX_ACTIVITIES, PSFS_MIN_ACTIVITIES, PSFS_NAME_LENGTH
from unknot.tracking.models import PsfsActivity

SCALE = [(n, str(n)) for n in range(11)]
LOW, HIGH = "0 = cannot do it", "10 = as well as before the pain"


def _score_field(label: str, required: bool) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=SCALE, coerce=int, widget=forms.RadioSelect, required=required,
        error_messages={"required": "Choose how well you can do it, from 0 to 10."})


def _message(problem: FieldError) -> str:
    return problem.message[0].upper() + problem.message[1:] + "."


class PsfsStartForm(forms.Form):
    """Three to five activities, each with today's score."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, PSFS_MAX_ACTIVITIES + 1):
            required = number <= PSFS_MIN_ACTIVITIES
            self.fields[f"name_{number}"] = forms.CharField(
                label=f"Activity {number}" + ("" if required else " (optional)"),
                max_length=PSFS_NAME_LENGTH, required=required,
                error_messages={
                    "required": f"Name at least {PSFS_MIN_ACTIVITIES} activities.",
                    "max_length": f"Keep it to {PSFS_NAME_LENGTH} characters.",
                })
            self.fields[f"score_{number}"] = _score_field(
                "How well can you do it today?", required=required)

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"name_{n}"], self[f"score_{n}"])
                for n in range(1, PSFS_MAX_ACTIVITIES + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for number in range(PSFS_MIN_ACTIVITIES + 1, PSFS_MAX_ACTIVITIES + 1):
            named = bool(data.get(f"name_{number}"))
            scored = data.get(f"score_{number}") not in (None, "")
            if named and not scored:
                self.add_error(f"score_{number}", "Choose how well you can do it, from 0 to 10.")
            elif scored and not named:
                self.add_error(f"name_{number}", "Name the activity this score is for.")
        return data

    def to_input(self) -> list[tuple[str, int]]:
        c = self.cleaned_data
        return [(c[f"name_{n}"], c[f"score_{n}"]) for n in range(1, PSFS_MAX_ACTIVITIES + 1)
                if c.get(f"name_{n}")]

    def add_service_errors(self, errors: Sequence[FieldError]) -> None:
        for problem in errors:
            parts = problem.field.split(".")
            field = None
            if len(parts) == 3 and parts[0] == "activities":
                field = f"{parts[2]}_{int(parts[1]) + 1}"
            self.add_error(field if field in self.fields else None, _message(problem))


class PsfsRateForm(forms.Form):
    """Today's score for each activity named at the start."""

    def __init__(self, *args: Any, activities: Sequence[PsfsActivity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        for activity in self.activities:
            self.fields[f"score_{activity.pk}"] = _score_field(activity.name, required=True)

    def to_scores(self) -> dict[int, int]:
        return {a.pk: self.cleaned_data[f"score_{a.pk}"] for a in self.activities}

    def add_service_errors(self, errors: Sequence[FieldError]) -> None:
        for problem in errors:
            field = problem.field.replace("scores.", "score_")
            self.add_error(field if field in self.fields else None, _message(problem))
