"""Outcome measures: is the recovery really getting better, by a change that matters?

Plain Python, no Django. Two measures, both free to use:

- the 0-10 pain rating of every check-in, and
- the Patient-Specific Functional Scale (PSFS): three to five activities the
  person names at the start, each rated 0 (cannot do it) to 10 (can do it as
  before the problem), again every week.

A change is only called a change when it reaches the minimal clinically
important difference (MCID): the smallest change people themselves notice as
mattering. Smaller moves are reported as they are, without a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import Any, Literal

from unknot.engine.triage.base import Source

FARRAR_2001 = Source(
    "Farrar et al. 2001",
    "Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an "
    "11-point numerical pain rating scale. Pain 2001;94:149-58",
    "https://doi.org/10.1016/S0304-3959(01)00349-9",
)
OSTELO_2008 = Source(
    "Ostelo et al. 2008",
    "Ostelo RW et al. Interpreting change scores for pain and functional status in low back "
    "pain: towards international consensus regarding minimal important change. Spine "
    "2008;33:90-4",
    "https://doi.org/10.1097/BRS.0b013e31815e3a10",
)
STRATFORD_1995 = Source(
    "Stratford et al. 1995",
    "Stratford P et al. Assessing disability and change on individual patients: a report of a "
    "patient specific measure. Physiotherapy Canada 1995;47:258-63",
    "https://doi.org/10.3138/ptc.47.4.258",
)
HORN_2012 = Source(
    "Horn et al. 2012",
    "Horn KK et al. The Patient-Specific Functional Scale: psychometrics, clinimetrics, and "
    "application as a clinical outcome measure. J Orthop Sports Phys Ther 2012;42:30-42",
    "https://doi.org/10.2519/jospt.2012.3727",
)

# Pain on a 0-10 scale: a fall of 2 points or of 30% is the change people call
# "much better" (Farrar 2001), and the international consensus for back pain
# (Ostelo 2008). Used both ways, so a rise of as much counts as worse.
PAIN_MCID_POINTS = 2
PAIN_MCID_SHARE = 0.3
# PSFS: about 2 points on the average of the activities is the change that
# matters (Stratford 1995; Horn 2012's review); one activity alone is noisier
# and needs about 3 points before its change is more than measurement error.
PSFS_MCID_MEAN = 2.0
PSFS_MCID_ACTIVITY = 3
# The PSFS is rated at the start of an episode and then once a week.
PSFS_EVERY_DAYS = 7
PSFS_MIN_ACTIVITIES = 3
PSFS_MAX_ACTIVITIES = 5
PSFS_NAME_LENGTH = 80

Verdict = Literal["better", "worse", "no_change_yet"]


@dataclass(frozen=True, slots=True)
class Change:
    """A measure from its first value to its latest, judged against the change that matters."""

    measure: str
    start: float
    now: float
    verdict: Verdict
    threshold: str  # the change that matters, in words
    sources: tuple[Source, ...]

    @property
    def delta(self) -> float:
        return round(self.now - self.start, 1)

    @property
    def summary(self) -> str:
        moved = abs(self.delta)
        way = "up" if self.delta > 0 else "down"
        points = f"{moved:g} point{'' if moved == 1 else 's'}"
        head = (f"{self.measure}: {self.start:g} at the start, {self.now:g} now"
                + (f" ({way} {points})" if moved else " (no change)"))
        if self.verdict == "better":
            return f"{head}. That is a change that matters: better."
        if self.verdict == "worse":
            return f"{head}. That is a change that matters: worse."
        return f"{head}. Not yet the change that matters ({self.threshold})."

    def as_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure, "start": self.start, "now": self.now,
            "change": self.delta, "verdict": self.verdict, "threshold": self.threshold,
            "summary": self.summary,
            "sources": [{"source": s.short, "title": s.title, "url": s.url}
                        for s in self.sources],
        }


def pain_change(start: int, now: int) -> Change:
    """Pain falls when it gets better: 2 points, or 30% of where it started, matters."""
    fall = start - now
    share = fall / start if start else 0.0
    rise_share = (now - start) / start if start else (1.0 if now else 0.0)
    verdict: Verdict = "no_change_yet"
    if fall >= PAIN_MCID_POINTS or (fall > 0 and share >= PAIN_MCID_SHARE):
        verdict = "better"
    elif -fall >= PAIN_MCID_POINTS or (fall < 0 and rise_share >= PAIN_MCID_SHARE):
        verdict = "worse"
    return Change("Pain", float(start), float(now), verdict,
                  "2 points, or 30% of the starting pain", (FARRAR_2001, OSTELO_2008))


def psfs_mean(scores: Sequence[int]) -> float:
    return round(fmean(scores), 1)


def psfs_change(start: Sequence[int], now: Sequence[int]) -> Change:
    """The PSFS rises when it gets better: about 2 points on the average matters."""
    first, latest = psfs_mean(start), psfs_mean(now)
    gain = latest - first
    verdict: Verdict = "no_change_yet"
    if gain >= PSFS_MCID_MEAN:
        verdict = "better"
    elif -gain >= PSFS_MCID_MEAN:
        verdict = "worse"
    return Change("Activities named (average, 0 to 10)", first, latest, verdict,
                  "about 2 points on the average", (STRATFORD_1995, HORN_2012))


def activity_verdict(start: int, now: int) -> Verdict:
    if now - start >= PSFS_MCID_ACTIVITY:
        return "better"
    if start - now >= PSFS_MCID_ACTIVITY:
        return "worse"
    return "no_change_yet"


def psfs_due(last_rated: date | None, today: date) -> bool:
    """Is it time to rate the activities again? Yes at the start, then each week."""
    return last_rated is None or (today - last_rated).days >= PSFS_EVERY_DAYS
