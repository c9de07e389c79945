"""How an episode is going: pain and the PSFS against the change that matters, and what
seems to help. The rules are the engine's; this gathers an episode's rows for them.

A fixed number of queries whatever the length of the history: the latest
quarter of check-ins, and the PSFS summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from unknot.engine.outcomes import Change, pain_change
from unknot.engine.what_helped import (
    ANALYSIS_DAYS,
    CAVEAT,
    MIN_DAYS,
    Day,
    WhatHelped,
    what_helped,
)
from unknot.tracking.models import Episode
from unknot.tracking.psfs import PsfsSummary, psfs_summary
from unknot.tracking.services import plan_items

DEFAULT_SLEEP_TARGET = 7.0


@dataclass(frozen=True, slots=True)
class Outcomes:
    pain: Change | None  # None before the first check-in
    psfs: PsfsSummary
    helped: WhatHelped
    caveat: str = CAVEAT
    min_days: int = MIN_DAYS

    def as_dict(self) -> dict[str, Any]:
        psfs = self.psfs
        return {
            "pain": self.pain.as_dict() if self.pain else None,
            "psfs": {
                "activities": [{"id": r.activity.pk, "name": r.activity.name,
                                "start": r.start, "now": r.now, "verdict": r.verdict}
                               for r in psfs.rows],
                "days": [d.isoformat() for d in psfs.days],
                "averages": psfs.means,
                "change": psfs.change.as_dict() if psfs.change else None,
                "due": psfs.due,
            },
            "what_helped": self.helped.as_dict(),
        }


def _plans(episode: Episode) -> list[dict[str, Any]]:
    return [plan for plan in (episode.first_assessment.get("plan"), episode.plan) if plan]


def episode_outcomes(episode: Episode, today: date | None = None) -> Outcomes:
    today = today or timezone.localdate()
    rows = list(episode.checkins.order_by("-day").values_list(
        "day", "pain", "sleep_hours", "plan_done")[:ANALYSIS_DAYS])
    days = [Day(day, pain, None if sleep is None else float(sleep), frozenset(done))
            for day, pain, sleep, done in reversed(rows)]
    plans = _plans(episode)
    items: dict[str, str] = {}
    massage: set[str] = set()
    for plan in plans:
        items.update(plan_items(plan))
        massage.update(m["id"] for m in plan.get("massage", []))
    target = next((float(p["sleep"]["target_hours"][0]) for p in reversed(plans)
                   if p.get("sleep")), DEFAULT_SLEEP_TARGET)
    return Outcomes(
        pain=pain_change(episode.intake["intensity"], days[-1].pain) if days else None,
        psfs=psfs_summary(episode, today),
        helped=what_helped(days, items, frozenset(massage), target),
    )
