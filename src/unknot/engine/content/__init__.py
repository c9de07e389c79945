"""The content library: stretches, self-massage, strengthening, sleep and therapy advice.

All of it lives in the TOML files beside this module, so that editors change
words without touching code. It is read once and kept in memory.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

STAGES = ("early", "settling", "lasting")
TOOL_KINDS = (
    "hands", "foam_roller", "massage_ball", "peanut_ball", "massage_stick", "massage_gun",
    "heat_pad", "stretching_strap", "resistance_band", "none",
)


@dataclass(frozen=True, slots=True)
class Movement:
    id: str
    name: str
    kind: str
    areas: tuple[str, ...]
    stages: tuple[str, ...]
    summary: str
    steps: tuple[str, ...]
    hold_seconds: int
    repetitions: int
    sets: int
    per_side: bool
    times_per_day: int
    equipment: tuple[str, ...]
    cautions: tuple[str, ...]
    source: str

    @property
    def dose(self) -> str:
        side = " on each side" if self.per_side else ""
        if self.hold_seconds:
            what = f"Hold {self.hold_seconds} seconds, {self.repetitions} times{side}"
        else:
            what = f"{self.repetitions} slow repetitions{side}"
        if self.sets > 1:
            what += f", {self.sets} sets"
        return f"{what}, {_times_a_day(self.times_per_day)}."


@dataclass(frozen=True, slots=True)
class Massage:
    id: str
    name: str
    areas: tuple[str, ...]
    tool: str
    tool_kinds: tuple[str, ...]
    summary: str
    steps: tuple[str, ...]
    duration_minutes: float
    per_side: bool
    frequency: str
    pressure: str
    avoid_when: tuple[str, ...]
    source: str

    @property
    def dose(self) -> str:
        side = " on each side" if self.per_side else ""
        unit = "minute" if self.duration_minutes == 1 else "minutes"
        return f"{self.duration_minutes:g} {unit}{side}. {self.frequency}."


@dataclass(frozen=True, slots=True)
class Strengthening:
    id: str
    name: str
    areas: tuple[str, ...]
    phase: int
    steps: tuple[str, ...]
    sets: int
    repetitions: int
    hold_seconds: int
    per_side: bool
    days_per_week: int
    equipment: tuple[str, ...]
    progression: str
    cautions: tuple[str, ...]
    source: str

    @property
    def dose(self) -> str:
        side = " on each side" if self.per_side else ""
        hold = f", holding {self.hold_seconds} seconds" if self.hold_seconds else ""
        return (
            f"{self.sets} sets of {self.repetitions}{side}{hold}, "
            f"{self.days_per_week} days a week."
        )


@dataclass(frozen=True, slots=True)
class SleepPosition:
    areas: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class SleepGuide:
    target_hours: tuple[int, int]
    short_sleep_hours: float
    why: str
    habits: tuple[str, ...]
    short_sleep_advice: str
    positions: tuple[SleepPosition, ...]


@dataclass(frozen=True, slots=True)
class Phase:
    number: int
    title: str
    goal: str


@dataclass(frozen=True, slots=True)
class TherapyGuide:
    what_they_do: str
    start_when: str
    see_one_when: tuple[str, ...]
    phases: tuple[Phase, ...]


@dataclass(frozen=True, slots=True)
class Library:
    movement: tuple[Movement, ...]
    massage: tuple[Massage, ...]
    strengthening: tuple[Strengthening, ...]
    sleep: SleepGuide
    therapy: TherapyGuide


def _times_a_day(n: int) -> str:
    return {1: "once a day", 2: "twice a day"}.get(n, f"{n} times a day")


def _read(name: str) -> dict[str, Any]:
    text = resources.files("unknot.engine.content").joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def _prose(text: str) -> str:
    return " ".join(text.split())


def _build(cls: type[Any], raw: dict[str, Any]) -> Any:
    values = {
        key: tuple(value) if isinstance(value, list) else value for key, value in raw.items()
    }
    return cls(**values)


@cache
def library() -> Library:
    sleep = _read("sleep.toml")
    therapy = _read("therapy.toml")
    return Library(
        movement=tuple(_build(Movement, item) for item in _read("movement.toml")["item"]),
        massage=tuple(_build(Massage, item) for item in _read("massage.toml")["item"]),
        strengthening=tuple(
            _build(Strengthening, item) for item in _read("strengthening.toml")["item"]
        ),
        sleep=SleepGuide(
            target_hours=(sleep["target_hours"][0], sleep["target_hours"][1]),
            short_sleep_hours=sleep["short_sleep_hours"],
            why=_prose(sleep["why"]),
            habits=tuple(sleep["habits"]),
            short_sleep_advice=_prose(sleep["short_sleep_advice"]),
            positions=tuple(
                SleepPosition(tuple(p["areas"]), p["text"]) for p in sleep["position"]
            ),
        ),
        therapy=TherapyGuide(
            what_they_do=_prose(therapy["what_they_do"]),
            start_when=_prose(therapy["start_when"]),
            see_one_when=tuple(therapy["see_one_when"]),
            phases=tuple(Phase(**p) for p in therapy["phase"]),
        ),
    )


@cache
def as_dict(item: Movement | Massage | Strengthening) -> dict[str, Any]:
    """The item in its JSON form, with the dose spelled out for people.

    Items never change while the process runs, so each is converted once and
    the same dict is shared by every plan: treat it as read-only.
    """
    data = {key: list(value) if isinstance(value, tuple) else value
            for key, value in asdict(item).items()}
    data["dose"] = item.dose
    return data
