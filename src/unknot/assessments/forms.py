"""The intake as a web form: friendlier inputs, the same contract underneath."""

from __future__ import annotations

import copy
from typing import Any

from django import forms

from unknot.engine import IntakeError, parse_intake
from unknot.engine.intake import Intake
from unknot.engine.labels import (
    AREA_LABELS,
    CAUSE_LABELS,
    HISTORY_LABELS,
    SEX_LABELS,
    SYMPTOM_GROUPS,
    SYMPTOM_LABELS,
    TRAUMA_LABELS,
    TREND_LABELS,
)

# The warning signs are asked group by group: one yes-or-no question that names
# every sign in the group, and the group's tick boxes once the answer is yes.
# Every sign is still asked; a person with none answers five short questions
# instead of reading 25 tick boxes. Unanswered counts as no, as an unticked box
# always did; a ticked box always counts, whatever the group's answer.
SIGN_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("signs_nerves", "Nerves, bladder and bowel",
     "Numbness between the legs; new trouble passing or holding urine or stool; a leg, "
     "foot, arm or hand newly weak; numbness, pins and needles or shooting pain in the "
     "legs or an arm?"),
    ("signs_heart", "Heart, lungs and blood vessels",
     "Chest pain or tightness; breathless at rest; pain spreading to an arm, the neck or "
     "the jaw; sudden tearing pain in the back or belly?"),
    ("signs_muscles", "Muscles after effort",
     "Dark, tea or cola coloured urine; the sore part hugely swollen; cannot lift the limb "
     "or stand from a chair; pain far worse than the cause would explain?"),
    ("signs_injury", "Injury",
     "A pop or snap when it happened; cannot stand or walk on it; the part looks out of "
     "place; bruising where it hurts?"),
    ("signs_body", "Whole body",
     "Fever or chills; losing weight without trying; pain that no rest or position eases, "
     "worst at night; stiff for more than half an hour after getting up?"),
)
GATE_CHOICES = [("no", "No"), ("yes", "Yes")]
YES_TICK_ONE = "You answered yes: tick which of these you have, or answer no."


def _gate(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, widget=forms.RadioSelect,
                             choices=GATE_CHOICES)


HOURS_PER_UNIT = {"hours": 1, "days": 24, "weeks": 24 * 7, "months": 24 * 30}
MAX_ONSET_HOURS = 87_600  # ten years, the contract's limit
SCALE = [(n, str(n)) for n in range(11)]


class IntakeForm(forms.Form):
    areas = forms.MultipleChoiceField(
        label="Where does it hurt?", widget=forms.CheckboxSelectMultiple,
        choices=list(AREA_LABELS.items()),
        error_messages={"required": "Choose at least one area where it hurts."},
    )
    cause = forms.ChoiceField(
        label="What brought it on?", widget=forms.RadioSelect,
        choices=[(code, label) for code, (label, _) in CAUSE_LABELS.items()],
        error_messages={"required": "Choose what brought it on, or 'Not sure'."},
    )
    trauma = forms.ChoiceField(
        label="Was there a fall or impact?", widget=forms.RadioSelect, initial="none",
        required=False,
        choices=[(code, label) for code, (label, _) in TRAUMA_LABELS.items()],
    )
    onset_amount = forms.FloatField(
        label="When did it start?", min_value=0,
        error_messages={"required": "Tell us how long ago it started.",
                        "min_value": "The time since it started cannot be negative.",
                        "invalid": "Enter a number, for example 2."},
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    onset_unit = forms.ChoiceField(
        label="Unit", initial="days",
        error_messages={"required": "Choose hours, days, weeks or months ago.",
                        "invalid_choice": "Choose hours, days, weeks or months ago."},
        choices=[("hours", "hours ago"), ("days", "days ago"), ("weeks", "weeks ago"),
                 ("months", "months ago")],
    )
    intensity = forms.TypedChoiceField(
        label="How bad is the pain right now?", coerce=int, choices=SCALE,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 0 (no pain) to 10 (worst imaginable)."},
    )
    trend = forms.ChoiceField(
        label="Since it started, is it...", widget=forms.RadioSelect,
        choices=list(TREND_LABELS.items()),
        error_messages={"required": "Choose whether it is getting better, the same or worse."},
    )
    function_limit = forms.TypedChoiceField(
        label="How much does it stop normal movement and simple tasks?", coerce=int,
        choices=SCALE, widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 0 (not at all) to 10 (cannot do them)."},
    )
    signs_nerves = _gate(SIGN_GROUPS[0][1])
    signs_heart = _gate(SIGN_GROUPS[1][1])
    signs_muscles = _gate(SIGN_GROUPS[2][1])
    signs_injury = _gate(SIGN_GROUPS[3][1])
    signs_body = _gate(SIGN_GROUPS[4][1])
    symptoms = forms.MultipleChoiceField(
        label="Do you have any of these?", required=False,
        widget=forms.CheckboxSelectMultiple, choices=list(SYMPTOM_LABELS.items()),
    )
    age = forms.IntegerField(
        label="Your age", min_value=16, max_value=120,
        error_messages={
            "min_value": "Unknot is for people aged 16 and over. Under 16, please see a doctor "
                         "or talk to a parent or school nurse.",
            "max_value": "Please enter an age of 120 or less.",
            "required": "Please enter your age in years.",
            "invalid": "Please enter your age as a whole number of years.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    sex = forms.ChoiceField(
        label="Sex (optional)", required=False, widget=forms.RadioSelect,
        # Read by the rules on testicular torsion (groin or belly pain) and on the back
        # and pelvic pain of pregnancy; left out, the rules assume the more serious cause.
        help_text="Some causes of groin, belly and back pain affect only one sex.",
        choices=[("", "Prefer not to say"), *SEX_LABELS.items()],
    )
    sleep_hours = forms.FloatField(
        label="Hours of sleep a night, lately (optional)", required=False, min_value=0,
        max_value=24,
        error_messages={"max_value": "A night has at most 24 hours of sleep.",
                        "min_value": "Sleep cannot be negative.",
                        "invalid": "Enter a number of hours, for example 6.5."},
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    episodes_past_year = forms.IntegerField(
        label="Earlier episodes like this in the past year (optional)", required=False,
        min_value=0, max_value=365,
        error_messages={"max_value": "Please enter 365 or fewer.",
                        "min_value": "Please enter 0 or more.",
                        "invalid": "Enter a whole number, for example 1."},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    history_any = _gate("Does any of this apply to you?")
    history = forms.MultipleChoiceField(
        label="Which of these?", required=False,
        widget=forms.CheckboxSelectMultiple, choices=list(HISTORY_LABELS.items()),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        amount, unit = cleaned.get("onset_amount"), cleaned.get("onset_unit")
        if amount is not None and unit:
            hours = amount * HOURS_PER_UNIT[unit]
            if hours > MAX_ONSET_HOURS:
                self.add_error("onset_amount", "Please enter a time within the last ten years.")
            else:
                cleaned["onset_hours_ago"] = hours
        ticked = set(cleaned.get("symptoms") or ())
        for (name, _, _), (_, items) in zip(SIGN_GROUPS, SYMPTOM_GROUPS, strict=True):
            if cleaned.get(name) == "yes" and ticked.isdisjoint(code for code, _ in items):
                self.add_error(name, YES_TICK_ONE)
        if cleaned.get("history_any") == "yes" and not cleaned.get("history"):
            self.add_error("history_any", YES_TICK_ONE)
        return cleaned

    def intake_data(self) -> dict[str, Any]:
        """The cleaned answers in the intake contract's form."""
        c = self.cleaned_data
        data: dict[str, Any] = {
            "age": c["age"],
            "areas": c["areas"],
            "cause": c["cause"],
            "trauma": c.get("trauma") or "none",
            "onset_hours_ago": c["onset_hours_ago"],
            "intensity": c["intensity"],
            "trend": c["trend"],
            "function_limit": c["function_limit"],
            "symptoms": c.get("symptoms", []),
            "history": c.get("history", []),
        }
        if c.get("sex"):
            data["sex"] = c["sex"]
        if c.get("sleep_hours") is not None:
            data["sleep_hours"] = c["sleep_hours"]
        if c.get("episodes_past_year") is not None:
            data["episodes_past_year"] = c["episodes_past_year"]
        return data

    def to_intake(self) -> Intake | None:
        """The engine's intake, or None with the engine's complaints placed on the fields."""
        try:
            return parse_intake(self.intake_data())
        except IntakeError as error:
            for problem in error.errors:
                field = "onset_amount" if problem.field == "onset_hours_ago" else problem.field
                self.add_error(field if field in self.fields else None, problem.message)
            return None

    def sign_groups(self) -> list[tuple[Any, str, str, list[Any]]]:
        """(yes-or-no field, group name, what it asks, the group's tick boxes), in page order."""
        by_code = {option.data["value"]: option for option in self["symptoms"]}
        return [(self[name], title, asks, [by_code[code] for code, _ in items])
                for (name, title, asks), (_, items) in zip(SIGN_GROUPS, SYMPTOM_GROUPS,
                                                           strict=True)]

    @classmethod
    def initial_from_intake(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Form values that reproduce a contract intake, to let a person change answers."""
        initial = {k: v for k, v in data.items() if k in cls.base_fields}
        symptoms = set(data.get("symptoms", ()))
        for (name, _, _), (_, items) in zip(SIGN_GROUPS, SYMPTOM_GROUPS, strict=True):
            initial[name] = "no" if symptoms.isdisjoint(code for code, _ in items) else "yes"
        initial["history_any"] = "yes" if data.get("history") else "no"
        hours = float(data.get("onset_hours_ago", 0))
        for unit in ("months", "weeks", "days", "hours"):
            size = HOURS_PER_UNIT[unit]
            if hours >= size and (hours / size).is_integer():
                initial["onset_amount"], initial["onset_unit"] = int(hours / size), unit
                break
        else:
            initial["onset_amount"], initial["onset_unit"] = hours, "hours"
        return initial


class _FieldsSharingChoices(dict[str, forms.Field]):
    """The form's fields, copied for each form without copying their choices.

    Django deep-copies every field of a form for each form it makes, so one form
    may change its own fields. This one never does, and its choices are constants
    (the labels above): copying them, and checking each again on the copy, was a
    third of the time a result page took. Everything else is copied as Django
    copies it (Field.__deepcopy__): the field, its widget and attributes, its
    messages and validators.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        fields = {}
        for name, field in self.items():
            own = copy.copy(field)
            own.widget = copy.copy(field.widget)
            own.widget.attrs = field.widget.attrs.copy()
            own.error_messages = field.error_messages.copy()
            own.validators = field.validators[:]
            fields[name] = own
        return fields


IntakeForm.base_fields = _FieldsSharingChoices(IntakeForm.base_fields)
