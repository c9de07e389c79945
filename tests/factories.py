"""Small factories for people and episodes, made in code (no fixtures with fixed ids)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import Episode
from unknot.tracking.psfs import rate_psfs, start_psfs
from unknot.tracking.services import record_checkin, start_episode

PASSWORD = "correct horse battery staple"
_numbers = itertools.count(1)


def make_person(email: str | None = None) -> User:
    email = email or f"person{next(_numbers)}@example.org"
    user: User = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD)
    return user


def calf_soreness(**changes: Any) -> dict[str, Any]:
    intake: dict[str, Any] = {
        "age": 34, "areas": ["calf"], "cause": "overexertion", "onset_hours_ago": 24,
        "intensity": 5, "trend": "same", "function_limit": 4, "sleep_hours": 7,
    }
    intake.update(changes)
    return intake


def make_episode(owner: User, started: date = date(2026, 3, 2),
                 **changes: Any) -> Episode:
    return start_episode(owner, calf_soreness(**changes), today=started)


def checkin(episode: Episode, day: date, pain: int = 4, today: date | None = None,
            **fields: Any) -> None:
    fields.setdefault("function_limit", 3)
    record_checkin(episode, CheckinInput(day=day, pain=pain, **fields), today=today or day)


ACTIVITIES = ("Climbing stairs", "Lifting the shopping", "Sitting at work")


def name_activities(episode: Episode, day: date, scores: tuple[int, ...] = (3, 4, 5),
                    names: tuple[str, ...] = ACTIVITIES) -> None:
    start_psfs(episode, list(zip(names, scores, strict=True)), today=day)


def rate_activities(episode: Episode, day: date, scores: tuple[int, ...]) -> None:
    rate_psfs(episode, {a.pk: s for a, s in zip(episode.psfs_activities.all(), scores,
                                                 strict=True)}, today=day)
