"""Safety triage: every rule is checked, and the highest level found wins."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.engine.intake import Intake
from unknot.engine.triage.base import Level, Rule
from unknot.engine.triage.rules import (
    benign,
    course,
    fractures,
    heart_lungs_vessels,
    infection_cancer,
    injury,
    muscle,
    nerves,
    sport,
)

RULES: tuple[Rule, ...] = (
    *nerves.RULES,
    *heart_lungs_vessels.RULES,
    *infection_cancer.RULES,
    *injury.RULES,
    *fractures.RULES,
    *sport.RULES,
    *muscle.RULES,
    *course.RULES,
    *benign.RULES,
)


@dataclass(frozen=True, slots=True)
class Triage:
    level: Level
    findings: tuple[Rule, ...]


def triage(intake: Intake) -> Triage:
    findings = [r for r in RULES if r.applies(intake)]
    # Most serious first, so a worried reader meets the reason that matters most.
    findings.sort(key=lambda r: -r.level)
    level = findings[0].level if findings else Level.SELF_CARE
    return Triage(level=level, findings=tuple(findings))


__all__ = ["RULES", "Level", "Rule", "Triage", "triage"]
