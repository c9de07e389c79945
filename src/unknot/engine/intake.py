"""The intake: what a person reports, checked against the shipped JSON Schema.

The schema file beside this module is a copy of the product's fixed contract
(shared/intake/intake.schema.json). Rather than hand-copying its limits, the
validator below is compiled from it at import, so the two cannot drift. A
general JSON Schema validator is ten times slower than this one, and the
engine must assess thousands of intakes a second; tests check that this
validator agrees with the reference `jsonschema` implementation.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

SCHEMA: dict[str, Any] = json.loads(
    resources.files("unknot.engine").joinpath("intake.schema.json").read_text("utf-8")
)

AREAS: tuple[str, ...] = tuple(SCHEMA["properties"]["areas"]["items"]["enum"])
SYMPTOMS: tuple[str, ...] = tuple(SCHEMA["properties"]["symptoms"]["items"]["enum"])
HISTORY: tuple[str, ...] = tuple(SCHEMA["properties"]["history"]["items"]["enum"])
CAUSES: tuple[str, ...] = tuple(SCHEMA["properties"]["cause"]["enum"])
TRENDS: tuple[str, ...] = tuple(SCHEMA["properties"]["trend"]["enum"])
TRAUMAS: tuple[str, ...] = tuple(SCHEMA["properties"]["trauma"]["enum"])
SEXES: tuple[str, ...] = tuple(SCHEMA["properties"]["sex"]["enum"])

SPINAL_AREAS = frozenset({"neck", "upper_back", "mid_back", "lower_back"})
THORACIC_AREAS = frozenset({"upper_back", "mid_back"})
LEG_AREAS = frozenset(
    {"glutes", "hip", "groin", "front_thigh", "back_thigh", "knee", "calf", "shin", "ankle_foot"}
)
ARM_AREAS = frozenset({"shoulder", "upper_arm", "forearm_wrist"})
LIMB_AREAS = LEG_AREAS | ARM_AREAS
# Where acute compartment syndrome happens: closed fascial compartments of the
# limbs (BOAST 2016: lower leg and forearm most often; thigh, upper arm, hand,
# foot and, rarely, buttock too).
COMPARTMENT_AREAS = frozenset(
    {"forearm_wrist", "upper_arm", "front_thigh", "back_thigh", "calf", "shin", "ankle_foot",
     "glutes"}
)
NERVE_SYMPTOMS = frozenset(
    {"leg_weakness", "arm_weakness", "leg_numbness_tingling", "arm_numbness_tingling",
     "bilateral_leg_symptoms", "saddle_numbness", "bladder_dysfunction", "bowel_incontinence"}
)


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class IntakeError(ValueError):
    """Raised for an intake that breaks the schema; names every offending field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


@dataclass(frozen=True)
class Intake:
    age: int
    areas: tuple[str, ...]
    cause: str
    onset_hours_ago: float
    intensity: int
    trend: str
    function_limit: int
    sex: str | None = None
    trauma: str = "none"
    sleep_hours: float | None = None
    episodes_past_year: int | None = None
    symptoms: frozenset[str] = field(default_factory=frozenset)
    history: frozenset[str] = field(default_factory=frozenset)

    @property
    def days(self) -> float:
        return self.onset_hours_ago / 24

    @cached_property
    def area_set(self) -> frozenset[str]:
        return frozenset(self.areas)

    @property
    def spinal(self) -> bool:
        return not self.area_set.isdisjoint(SPINAL_AREAS)

    @property
    def injured(self) -> bool:
        """A fall, knock, twist or tear: the trauma answer is optional, the cause is not."""
        return self.trauma != "none" or self.cause == "injury"

    def as_dict(self) -> dict[str, Any]:
        """The intake in its contract form, codes in the schema's order."""
        data: dict[str, Any] = {
            "age": self.age,
            "areas": list(self.areas),
            "cause": self.cause,
            "trauma": self.trauma,
            "onset_hours_ago": self.onset_hours_ago,
            "intensity": self.intensity,
            "trend": self.trend,
            "function_limit": self.function_limit,
            "symptoms": [s for s in SYMPTOMS if s in self.symptoms],
            "history": [h for h in HISTORY if h in self.history],
        }
        for name in ("sex", "sleep_hours", "episodes_past_year"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


# --- the validator, compiled from the schema --------------------------------

Check = Callable[[str, object], "str | None"]

_SUPPORTED = {
    "type", "enum", "minimum", "maximum", "minItems", "uniqueItems", "items", "default",
    "description",
}


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def _is_integer(value: object) -> bool:
    # JSON Schema counts 30.0 as an integer; so do we.
    return _is_number(value) and float(value).is_integer()  # type: ignore[arg-type]


def _describe_range(spec: Mapping[str, Any], unit: str) -> str:
    return f"{unit} from {spec['minimum']:g} to {spec['maximum']:g}"


def _choices(values: list[str]) -> str:
    return ", ".join(values)


def _compile_property(spec: Mapping[str, Any]) -> Check:
    unknown = set(spec) - _SUPPORTED
    if unknown:  # a changed contract must be noticed, not silently half-checked
        raise RuntimeError(f"intake schema uses unsupported keywords: {sorted(unknown)}")

    if "enum" in spec:
        allowed = list(spec["enum"])

        def check_enum(name: str, value: object) -> str | None:
            if isinstance(value, str) and value in allowed:
                return None
            return f"must be one of: {_choices(allowed)} (got {_show(value)})"

        return check_enum

    kind = spec["type"]
    if kind in ("integer", "number"):
        is_ok = _is_integer if kind == "integer" else _is_number
        unit = "a whole number" if kind == "integer" else "a number"
        low, high = spec["minimum"], spec["maximum"]
        wanted = _describe_range(spec, unit)

        def check_number(name: str, value: object) -> str | None:
            if not is_ok(value) or not (low <= value <= high):
                return f"must be {wanted} (got {_show(value)})"
            return None

        return check_number

    if kind == "array":
        allowed = list(spec["items"]["enum"])
        allowed_set = frozenset(allowed)
        min_items = spec.get("minItems", 0)
        unique = spec.get("uniqueItems", False)

        def check_array(name: str, value: object) -> str | None:
            if not isinstance(value, list):
                return f"must be a list of codes (got {_show(value)})"
            if len(value) < min_items:
                return f"needs at least {min_items} item; choose from: {_choices(allowed)}"
            unknown_items = [v for v in value if not (isinstance(v, str) and v in allowed_set)]
            if unknown_items:
                return (
                    f"has an unknown code {_show(unknown_items[0])}; "
                    f"allowed: {_choices(allowed)}"
                )
            if unique and len(set(value)) != len(value):
                return "lists the same code more than once"
            return None

        return check_array

    raise RuntimeError(f"intake schema uses an unsupported type: {kind!r}")


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


_CHECKS: dict[str, Check] = {
    name: _compile_property(spec) for name, spec in SCHEMA["properties"].items()
}
_REQUIRED: tuple[str, ...] = tuple(SCHEMA["required"])
_DEFAULTS: dict[str, Any] = {
    name: spec["default"] for name, spec in SCHEMA["properties"].items() if "default" in spec
}


def validate(data: object) -> list[FieldError]:
    """Every way `data` breaks the intake schema; an empty list when it is valid."""
    if not isinstance(data, dict):
        return [FieldError("(intake)", "must be a JSON object with the intake fields")]
    errors = [
        FieldError(name, "is required") for name in _REQUIRED if name not in data
    ]
    for name, value in data.items():
        check = _CHECKS.get(name)
        if check is None:
            errors.append(
                FieldError(str(name), f"is not an intake field; allowed: {_choices(list(_CHECKS))}")
            )
            continue
        problem = check(name, value)
        if problem:
            errors.append(FieldError(name, problem))
    return errors


def parse_intake(data: object) -> Intake:
    """A valid intake from decoded JSON, or IntakeError naming every bad field."""
    errors = validate(data)
    if errors:
        raise IntakeError(errors)
    assert isinstance(data, dict)
    values = {**_DEFAULTS, **data}
    sleep = values.get("sleep_hours")
    return Intake(
        age=int(values["age"]),
        sex=values.get("sex"),
        areas=tuple(values["areas"]),
        cause=values["cause"],
        trauma=values["trauma"],
        onset_hours_ago=float(values["onset_hours_ago"]),
        intensity=int(values["intensity"]),
        trend=values["trend"],
        function_limit=int(values["function_limit"]),
        sleep_hours=None if sleep is None else float(sleep),
        episodes_past_year=(
            None if values.get("episodes_past_year") is None else int(values["episodes_past_year"])
        ),
        symptoms=frozenset(values["symptoms"]),
        history=frozenset(values["history"]),
    )
