"""The pieces every triage rule is made of: a level, a source and a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from unknot.engine.intake import Intake


class Level(IntEnum):
    """Triage levels, ordered so that the highest finding wins."""

    SELF_CARE = 0
    SEE_CLINICIAN = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def from_code(cls, code: str) -> Level:
        return cls[code.upper()]


@dataclass(frozen=True, slots=True)
class Source:
    short: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One finding: when it applies, the level it calls for, and why, in plain words."""

    code: str
    level: Level
    message: str
    source: Source
    applies: Callable[[Intake], bool]

    def reason(self) -> dict[str, str]:
        return {
            "code": self.code,
            "level": self.level.code,
            "message": self.message,
            "source": self.source.short,
            "source_url": self.source.url,
        }


def rule(
    code: str, level: Level, source: Source, message: str
) -> Callable[[Callable[[Intake], bool]], Rule]:
    """Turn a predicate into a Rule, keeping the clinical text beside the logic."""

    def make(applies: Callable[[Intake], bool]) -> Rule:
        return Rule(code=code, level=level, message=" ".join(message.split()), source=source,
                    applies=applies)

    return make
