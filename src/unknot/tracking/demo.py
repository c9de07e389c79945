"""The demo person: an account with a week-old episode of low back pain and its check-ins."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import Episode
from unknot.tracking.services import plan_items, record_checkin, start_episode

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "unknot-demo-person"  # noqa: S105 (a published demo account)
INTAKE = {
    "age": 38, "areas": ["lower_back", "glutes"], "cause": "overexertion",
    "onset_hours_ago": 30, "intensity": 6, "trend": "same", "function_limit": 5,
    "sleep_hours": 6,
}
# Easing day by day, as most back pain after a hard day in the garden does.
PAINS = (6, 5, 5, 4, 3, 3)


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
    start = timezone.localdate() - timedelta(days=len(PAINS))
    episode = start_episode(user, INTAKE, today=start)
    for offset, pain in enumerate(PAINS, start=1):
        day = start + timedelta(days=offset)
        done = tuple(code for code, _ in plan_items(episode.plan))[: 2 + offset % 3]
        record_checkin(episode, CheckinInput(day=day, pain=pain, function_limit=max(pain - 1, 0),
                                             sleep_hours=6.5 + (offset % 2) / 2,
                                             plan_done=done), today=day)
    return episode.checkin_count
