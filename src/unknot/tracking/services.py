"""Every write to episodes and check-ins goes through here: web, API and commands alike.

Each write that first checks and then writes locks the row the check is
about (the episode, or the person for per-person limits), so two requests at
the same moment give the same result as the same two one after the other:
never a duplicate, never a lost count, never a database error for the person.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from unknot.core.locks import lock_person
from unknot.engine import Intake, assess, parse_intake
from unknot.engine.course import CheckinFacts, review
from unknot.engine.intake import SYMPTOMS, FieldError
from unknot.ops.metrics import count_checkin, record_assessment
from unknot.tracking.checkin_input import CheckinInput
from unknot.tracking.models import CheckIn, Episode

AnyUser = AbstractBaseUser | AnonymousUser
# Late check-ins are welcome, but not before the episode began or in the future.
EPISODES_WINDOW_DAYS = 365


class CheckinError(ValueError):
    """A well-formed request that the episode's state refuses (a day already
    recorded, a closed episode, a day outside it, an item not in its plan)."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


class TooManyOpenEpisodes(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"You have {limit} open episodes, the most there can be at once: "
                         "close one you no longer track, then start this one.")
        self.limit = limit


def get_episode_for_user(user: AnyUser, pk: int | str,
                         defer: tuple[str, ...] = ()) -> Episode:
    """The one way to reach an episode: anyone but its owner gets a 404, never a 403.

    `defer` leaves out large fields a page does not show (the first assessment).
    """
    if not user.is_authenticated:
        raise Http404("No such episode")
    try:
        return Episode.objects.defer(*defer).get(pk=int(pk), owner_id=user.pk)
    except (Episode.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such episode") from None


def episodes_past_year(user: AnyUser, today: date | None = None) -> int:
    if not user.is_authenticated:
        return 0
    today = today or timezone.localdate()
    since = today - timedelta(days=EPISODES_WINDOW_DAYS)
    return Episode.objects.filter(owner_id=user.pk, started_on__gte=since).count()


def plan_items(plan: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The things a person can tick off each day: the routine, massage and sleep."""
    if not plan:
        return []
    items = [(m["id"], m["name"]) for m in plan.get("movement", [])]
    items += [(m["id"], f"Massage: {m['name']}") for m in plan.get("massage", [])]
    low, high = plan["sleep"]["target_hours"]
    items.append(("sleep", f"Slept {low} to {high} hours"))
    return items


def _refuse_past_open_limit(owner_id: int) -> None:
    """Call with the person locked: at most MAX_OPEN_EPISODES open at once."""
    limit: int = settings.MAX_OPEN_EPISODES
    if Episode.objects.filter(owner_id=owner_id, closed_on__isnull=True).count() >= limit:
        raise TooManyOpenEpisodes(limit)


@transaction.atomic
def start_episode(user: User, intake_data: object,
                  today: date | None = None) -> Episode:
    """Start tracking from an intake; raises IntakeError naming bad fields, and
    TooManyOpenEpisodes past the limit."""
    intake = parse_intake(intake_data)
    assessment = assess(intake)
    level = assessment.level.code
    transaction.on_commit(lambda: record_assessment(level, "episode"))
    first = assessment.as_dict()
    lock_person(user)
    _refuse_past_open_limit(user.pk)
    return Episode.objects.create(
        owner=user,
        started_on=today or timezone.localdate(),
        intake=intake.as_dict(),
        first_assessment=first,
        level=first["level"],
        review={**first, "new_symptoms": []},
    )


def _check(episode: Episode, data: CheckinInput, day: date, today: date) -> list[FieldError]:
    """What the episode's state refuses; the input's own limits are CheckinInput's."""
    errors = []
    if day > today:
        errors.append(FieldError("day", "cannot be in the future"))
    elif day < episode.started_on:
        errors.append(FieldError("day", f"cannot be before the episode began "
                                        f"({episode.started_on.isoformat()})"))
    allowed = {code for code, _ in plan_items(episode.plan)}
    odd = [p for p in data.plan_done if p not in allowed]
    if odd:
        errors.append(FieldError("plan_done", f"has an item not in this plan: {odd[0]!r}"))
    if not episode.is_open:
        errors.append(FieldError("episode", "is closed; reopen it or start a new one"))
    return errors


def _intake_of(episode: Episode) -> Intake:
    return parse_intake(episode.intake)


@transaction.atomic
def record_checkin(episode: Episode, data: CheckinInput, today: date | None = None) -> CheckIn:
    """Save one day's check-in (replacing that day's, if any) and re-run the triage.

    Today's check-in can be corrected all day; an earlier day can be filled in
    late if it was missed, but a day already recorded is kept as it was. A
    check-in sent again with the client key it was stored under is not stored
    again: the one already there is returned. The
    episode's row is locked first, so two saves at the same moment are two
    saves one after the other: today's second replaces the first, a past
    day's second is refused, and the count goes up once.
    """
    today = today or timezone.localdate()
    day = data.day or today
    locked = Episode.objects.select_for_update().get(pk=episode.pk)
    if data.client_key:
        # A device that was offline sends what it kept until it hears back, so the
        # same check-in may arrive twice: the second time, it is already here.
        replayed = CheckIn.objects.filter(episode=locked, client_key=data.client_key).first()
        if replayed is not None:
            _copy_state(locked, episode)
            return replayed
    errors = _check(locked, data, day, today)
    existing = CheckIn.objects.filter(episode=locked, day=day).first()
    if existing is not None and day != today:
        errors.append(FieldError("day", "already has a check-in; only today's can be changed"))
    if errors:
        raise CheckinError(errors)

    checkin = existing or CheckIn(episode=locked, day=day)
    checkin.pain = data.pain
    checkin.function_limit = data.function_limit
    checkin.sleep_hours = None if data.sleep_hours is None else Decimal(str(data.sleep_hours))
    checkin.plan_done = sorted(set(data.plan_done))
    checkin.plan_total = len(plan_items(episode.plan))
    checkin.symptoms = [s for s in SYMPTOMS if s in data.symptoms]
    checkin.note = data.note
    checkin.client_key = data.client_key or ""
    checkin.level = locked.level
    checkin.save()
    transaction.on_commit(count_checkin)
    if existing is None:
        Episode.objects.filter(pk=locked.pk).update(checkin_count=F("checkin_count") + 1)
        locked.checkin_count += 1
    _refresh_review(locked)
    # The check-in carries the level the triage gave once it was counted.
    CheckIn.objects.filter(pk=checkin.pk).update(level=locked.level)
    checkin.level = locked.level
    _copy_state(locked, episode)
    return checkin


def _copy_state(source: Episode, target: Episode) -> None:
    """The caller's episode object shows what was just written."""
    for name in ("level", "review", "checkin_count", "closed_on", "outcome", "outcome_note"):
        setattr(target, name, getattr(source, name))


def _refresh_review(episode: Episode) -> None:
    history = [
        CheckinFacts(day=row[0], pain=row[1], function_limit=row[2],
                     sleep_hours=None if row[3] is None else float(row[3]),
                     symptoms=frozenset(row[4]))
        for row in episode.checkins.order_by("day").values_list(
            "day", "pain", "function_limit", "sleep_hours", "symptoms")
    ]
    result = review(_intake_of(episode), episode.started_on, history)
    episode.level = result.level.code
    episode.review = result.as_dict()
    episode.save(update_fields=["level", "review"])


@transaction.atomic
def close_episode(episode: Episode, outcome: str, note: str = "",
                  today: date | None = None) -> Episode:
    """Close with an outcome; closing again only changes the outcome and note,
    and keeps the day it was first closed."""
    if outcome not in Episode.Outcome.values:
        raise CheckinError([FieldError("outcome", "must be one of: "
                                                  + ", ".join(Episode.Outcome.values))])
    locked = Episode.objects.select_for_update().get(pk=episode.pk)
    locked.closed_on = locked.closed_on or today or timezone.localdate()
    locked.outcome = outcome
    locked.outcome_note = note[:2000]
    locked.save(update_fields=["closed_on", "outcome", "outcome_note"])
    _copy_state(locked, episode)
    return episode


@transaction.atomic
def reopen_episode(episode: Episode) -> Episode:
    """Open a closed episode again; TooManyOpenEpisodes past the limit."""
    lock_person(episode.owner_id)
    locked = Episode.objects.select_for_update().get(pk=episode.pk)
    if not locked.is_open:
        _refuse_past_open_limit(episode.owner_id)
        locked.closed_on = None
        locked.outcome = ""
        locked.save(update_fields=["closed_on", "outcome"])
    _copy_state(locked, episode)
    return episode
