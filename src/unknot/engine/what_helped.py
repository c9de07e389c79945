"""What seems to help: which plan items, sleep lengths and massage days go with lower pain.

Plain Python, no Django. The check-ins of one episode go in; comparisons come
out, each with the numbers behind it, in words that never claim cause.

How a comparison is made
------------------------
Pain usually eases over an episode whatever a person does, so comparing pain
*levels* would credit whatever was done more often later on. Each comparison
looks at the *change* in pain from one check-in to the next day's instead:

- a plan item (or any self-massage): the change from the day it was done to
  the next day, against the same change after days it was not done. Only the
  stretch from the first to the last day it was done counts, so days before it
  was in the plan, or after it left it, are not counted as "not done";
- sleep: the night before a check-in is reported at that check-in, so the
  change from the day before to the day after the night, for nights of at
  least the plan's target against shorter ones.

When something is said
----------------------
Nothing is said about a factor until there are at least MIN_DAYS days with it
and MIN_DAYS without (a week of each). Then a difference is only reported when
it is at least MIN_DIFFERENCE points of pain (half of the 2-point change that
matters, since these are single days, not a whole recovery) *and* at least
MIN_SIGNAL times its own standard error, so that day-to-day noise in a short
history rarely produces a finding. Several factors are compared at once, so
the bar is stricter than the usual 2: on random histories with no real effect
(three weeks to three months long, four plan items, massage and sleep), about
one history in 25 shows any pattern at all, and a real 2-point effect is found
in about half of month-long histories and nearly nine in ten of two-month ones
(tests/test_what_helped.py measures the first on every run).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, variance
from typing import Any, Literal

MIN_DAYS = 7
MIN_DIFFERENCE = 1.0
MIN_SIGNAL = 3.0
# The latest quarter of check-ins: what helps now, and a page that costs the
# same for a week of history as for five years.
ANALYSIS_DAYS = 90
ONE_DAY = timedelta(days=1)
# The plan's own sleep item ("slept 7 to 9 hours") is ticked from the same
# nights the sleep comparison reads in hours; it is left to that comparison.
SLEEP_ITEM = "sleep"

CAVEAT = (
    "These are patterns in your own check-ins, not proof that anything helped or harmed: "
    "a good day may have let you do more, and pain often eases by itself. If something "
    "seems to go with worse days, ask a physical therapist before you stop it."
)

Kind = Literal["item", "massage", "sleep"]


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    pain: int
    sleep_hours: float | None = None
    done: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Comparison:
    key: str
    kind: Kind
    label: str  # what was done, in words that fit "days you did ..." / "nights of ..."
    days_with: int
    days_without: int
    change_with: float  # mean change in pain to the next day, after days with it
    change_without: float
    signal: float  # the difference over its standard error (inf when there is no spread)

    @property
    def difference(self) -> float:
        return round(self.change_with - self.change_without, 1)

    @property
    def enough_days(self) -> bool:
        return self.days_with >= MIN_DAYS and self.days_without >= MIN_DAYS

    @property
    def clear(self) -> bool:
        return (self.enough_days and abs(self.difference) >= MIN_DIFFERENCE
                and abs(self.signal) >= MIN_SIGNAL)

    @property
    def direction(self) -> Literal["lower", "higher"]:
        return "lower" if self.difference < 0 else "higher"

    @property
    def headline(self) -> str:
        if self.kind == "sleep":
            return f"Nights of {self.label} went with {self.direction} pain the next day"
        return f"Days you did {self.label} went with {self.direction} pain the next day"

    @property
    def numbers(self) -> str:
        if self.kind == "sleep":
            return (f"After the {self.days_with} nights of {self.label}, your pain "
                    f"{_moved(self.change_with)} by the check-in after the night; after the "
                    f"{self.days_without} shorter nights, it {_moved(self.change_without)}.")
        return (f"After the {self.days_with} days you did it, your pain "
                f"{_moved(self.change_with)} by the next day; after the "
                f"{self.days_without} days you did not, it {_moved(self.change_without)}.")

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "kind": self.kind, "label": self.label,
            "days_with": self.days_with, "days_without": self.days_without,
            "change_with": self.change_with, "change_without": self.change_without,
            "difference": self.difference,
            "signal": None if math.isinf(self.signal) else round(self.signal, 2),
            "clear": self.clear, "direction": self.direction if self.clear else None,
            "headline": self.headline if self.clear else None, "numbers": self.numbers,
        }


@dataclass(frozen=True, slots=True)
class WhatHelped:
    findings: tuple[Comparison, ...]  # enough days and a clear difference
    unclear: tuple[Comparison, ...]  # enough days, but no clear difference
    days_looked_at: int

    @property
    def anything_to_say(self) -> bool:
        return bool(self.findings or self.unclear)

    def as_dict(self) -> dict[str, Any]:
        return {
            "days_looked_at": self.days_looked_at,
            "thresholds": {"min_days_with_and_without": MIN_DAYS,
                           "min_difference_points": MIN_DIFFERENCE,
                           "min_signal": MIN_SIGNAL, "latest_days": ANALYSIS_DAYS},
            "findings": [c.as_dict() for c in self.findings],
            "no_clear_difference": [c.as_dict() for c in self.unclear],
            "caveat": CAVEAT,
        }


def _moved(change: float) -> str:
    if abs(change) < 0.05:
        return "stayed the same on average"
    way = "fell" if change < 0 else "rose"
    return f"{way} by {abs(change):.1f} points on average"


def _signal(with_: Sequence[int], without: Sequence[int]) -> float:
    """Welch's statistic: the difference in means over its standard error."""
    difference = fmean(with_) - fmean(without)
    spread = math.sqrt(variance(with_) / len(with_) + variance(without) / len(without))
    if spread == 0:
        return 0.0 if difference == 0 else math.copysign(math.inf, difference)
    return difference / spread


def _compare(key: str, kind: Kind, label: str, pairs: Sequence[tuple[bool, int]]) -> Comparison:
    with_ = [change for happened, change in pairs if happened]
    without = [change for happened, change in pairs if not happened]
    signal = _signal(with_, without) if len(with_) >= 2 and len(without) >= 2 else 0.0
    return Comparison(key, kind, label, len(with_), len(without),
                      round(fmean(with_), 1) if with_ else 0.0,
                      round(fmean(without), 1) if without else 0.0, signal)


def _next_day_changes(days: Sequence[Day]) -> list[tuple[Day, int]]:
    """Each check-in that has one the next day, with the change in pain to it."""
    by_day = {d.day: d for d in days}
    return [(d, by_day[d.day + ONE_DAY].pain - d.pain) for d in days
            if d.day + ONE_DAY in by_day]


def _done_window(pairs: Sequence[tuple[Day, int]], done: frozenset[str]) -> list[tuple[bool, int]]:
    """Pairs from the first to the last day any of `done` was done, marked done or not."""
    marked = [(not d.done.isdisjoint(done), change, d.day) for d, change in pairs]
    days = [day for happened, _, day in marked if happened]
    if not days:
        return []
    first, last = min(days), max(days)
    return [(happened, change) for happened, change, day in marked if first <= day <= last]


def what_helped(days: Sequence[Day], items: Mapping[str, str],
                massage: frozenset[str], sleep_target: float) -> WhatHelped:
    """Compare next-day pain after days with and without each plan item, massage and sleep.

    `items` maps the plan items to compare (id to name); `massage` holds the ids
    of the self-massage items, compared together as massage days.
    """
    recent = sorted(days, key=lambda d: d.day)[-ANALYSIS_DAYS:]
    pairs = _next_day_changes(recent)
    comparisons: list[Comparison] = []
    for item, name in items.items():
        if item in massage or item == SLEEP_ITEM:
            continue
        comparisons.append(_compare(f"item:{item}", "item", f"“{name}”",
                                    _done_window(pairs, frozenset({item}))))
    if massage:
        comparisons.append(_compare("massage", "massage", "self-massage",
                                    _done_window(pairs, massage)))
    by_day = {d.day: d for d in recent}
    nights = [(d.sleep_hours >= sleep_target, d.pain - by_day[d.day - ONE_DAY].pain)
              for d in recent if d.sleep_hours is not None and d.day - ONE_DAY in by_day]
    comparisons.append(_compare("sleep", "sleep", f"{sleep_target:g} hours of sleep or more",
                                nights))
    enough = [c for c in comparisons if c.enough_days]
    findings = sorted((c for c in enough if c.clear), key=lambda c: c.difference)
    unclear = [c for c in enough if not c.clear]
    return WhatHelped(tuple(findings), tuple(unclear), len(recent))
