"""The demo person: an account with a three-week-old episode of low back pain, its daily
check-ins and weekly ratings of three everyday activities.

The history is made so that every part of the episode page has something to show:
pain easing to a change that matters, the activities rising by more than 2 points,
and a pattern for "what seems to help" (pain eased more after self-massage days),
beside plan items and sleep that show no clear difference.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import Episode
from unknot.tracking.psfs import rate_psfs, start_psfs
from unknot.tracking.services import record_checkin, start_episode

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "unknot-demo-person"  # noqa: S105 (a published demo account)
INTAKE: dict[str, Any] = {
    "age": 38, "areas": ["lower_back"], "cause": "overexertion",
    "onset_hours_ago": 30, "intensity": 6, "trend": "same", "function_limit": 5,
    "sleep_hours": 6,
}
DAYS = 21
# The change in pain to the next day: after self-massage days (odd days) it mostly
# eases; after the other days it holds or creeps back a little.
AFTER_MASSAGE = (-1, -1, -1, 0, -1, -1, -1, 0, -1, -1)
AFTER_OTHER_DAYS = (1, 0, 0, 1, 0, 0, 1, 0, 0, 0)
ACTIVITIES = ("Putting on socks and shoes", "Gardening for half an hour",
              "Sitting through a film")
# Each week's scores for the three activities, 0 (cannot) to 10 (as before).
WEEKLY_SCORES = ((3, 2, 5), (5, 3, 6), (6, 5, 7), (8, 6, 8))


def _pains() -> list[int]:
    pains: list[int] = [INTAKE["intensity"]]
    for day in range(1, DAYS):
        steps = AFTER_MASSAGE if day % 2 else AFTER_OTHER_DAYS
        pains.append(pains[-1] + steps[(day - 1) // 2])
    return pains


@transaction.atomic
def load() -> int:
    user, created = User.objects.get_or_create(username=DEMO_EMAIL,
                                               defaults={"email": DEMO_EMAIL})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    episode = Episode.objects.filter(owner=user).first()
    if episode is not None:  # made on an earlier run: leave what the visitor did to it
        return episode.checkin_count
    start = timezone.localdate() - timedelta(days=DAYS)
    episode = start_episode(user, INTAKE, today=start)
    start_psfs(episode, list(zip(ACTIVITIES, WEEKLY_SCORES[0], strict=True)), today=start)
    for offset, pain in enumerate(_pains(), start=1):
        day = start + timedelta(days=offset)
        plan = episode.plan or {}
        movement = [m["id"] for m in plan.get("movement", [])]
        # The walk most days; the first stretch in two-day runs, unrelated to massage.
        done = movement[:1] if offset % 5 else []
        if offset % 4 in (1, 2):
            done += movement[1:2]
        if offset % 2:
            done += [m["id"] for m in plan.get("massage", [])][:1]
        record_checkin(episode, CheckinInput(
            day=day, pain=pain, function_limit=max(pain - 1, 0),
            sleep_hours=7.5 if offset % 3 else 6.5, plan_done=tuple(done)), today=day)
        if offset % 7 == 0:
            scores = WEEKLY_SCORES[offset // 7]
            rate_psfs(episode, {activity.pk: score for activity, score in zip(
                episode.psfs_activities.all(), scores, strict=True)}, today=day)
    return episode.checkin_count
