"""The recovery engine: intake in, assessment out. Plain Python, no Django.

    >>> assess_data({"age": 30, "areas": ["calf"], ...})["level"]
    'self_care'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unknot.engine.intake import FieldError, Intake, IntakeError, parse_intake
from unknot.engine.plan import relief_plan
from unknot.engine.triage import Level, Rule, triage

ENGINE_VERSION = "1"

LEVEL_TEXT = {
    Level.EMERGENCY: (
        "Emergency: get help now",
        "Go to an emergency department or call the emergency number now.",
    ),
    Level.URGENT: (
        "Urgent: see a doctor today",
        "See a doctor today, within 24 hours. If you cannot get an appointment, go to an "
        "urgent care centre.",
    ),
    Level.SEE_CLINICIAN: (
        "See a doctor or physical therapist",
        "Book an appointment with a doctor or physical therapist in the coming days. Until "
        "then, the relief plan below is safe to follow.",
    ),
    Level.SELF_CARE: (
        "Self-care: this looks like the usual course",
        "Nothing you reported points to a serious cause. The relief plan below is the right "
        "next step.",
    ),
}


@dataclass(frozen=True, slots=True)
class Assessment:
    intake: Intake
    level: Level
    findings: tuple[Rule, ...]
    plan: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        title, action = LEVEL_TEXT[self.level]
        return {
            "level": self.level.code,
            "title": title,
            "action": action,
            "reasons": [f.reason() for f in self.findings],
            "plan": self.plan,
            "engine_version": ENGINE_VERSION,
        }


def assess(intake: Intake) -> Assessment:
    result = triage(intake)
    # Emergency and urgent answers carry no plan: a routine would only delay
    # getting help (the contract sets plan to null for them).
    plan = relief_plan(intake, result.level) if result.level <= Level.SEE_CLINICIAN else None
    return Assessment(intake=intake, level=result.level, findings=result.findings, plan=plan)


def assess_data(data: object) -> dict[str, Any]:
    """Assess decoded JSON; raises IntakeError naming the fields that break the schema."""
    return assess(parse_intake(data)).as_dict()


__all__ = [
    "ENGINE_VERSION", "Assessment", "FieldError", "Intake", "IntakeError", "Level", "assess",
    "assess_data", "parse_intake",
]
