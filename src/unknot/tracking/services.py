"""Every write to episodes and check-ins goes through here: web, API and commands alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from unknot.engine import Intake, assess, parse_intake
from unknot.engine.course import CheckinFacts, review
from unknot.engine.intake import SYMPTOMS, FieldError
from unknot.tracking.models import CheckIn, Episode

AnyUser = AbstractBaseUser | AnonymousUser
# Late check-ins are welcome, but not before the episode began or in the future.
EPISODES_WINDOW_DAYS = 365


class CheckinError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


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


@transaction.atomic
def start_episode(user: User, intake_data: object,
                  today: date | None = None) -> Episode:
    """Start tracking from an intake; raises IntakeError naming bad fields."""
    intake = parse_intake(intake_data)
    assessment = assess(intake)
    first = assessment.as_dict()
    return Episode.objects.create(
        owner=user,
        started_on=today or timezone.localdate(),
        intake=intake.as_dict(),
        first_assessment=first,
        level=first["level"],
        review={**first, "new_symptoms": []},
    )


@dataclass(frozen=True, slots=True)
class CheckinInput:
    day: date
    pain: int
    function_limit: int
    sleep_hours: float | None = None
    plan_done: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    note: str = ""


def _check(episode: Episode, data: CheckinInput, today: date) -> list[FieldError]:
    errors = []
    if data.day > today:
        errors.append(FieldError("day", "cannot be in the future"))
    elif data.day < episode.started_on:
        errors.append(FieldError("day", f"cannot be before the episode began "
                                        f"({episode.started_on.isoformat()})"))
    for name in ("pain", "function_limit"):
        value = getattr(data, name)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10:
            errors.append(FieldError(name, "must be a whole number from 0 to 10"))
    if data.sleep_hours is not None and not 0 <= data.sleep_hours <= 24:
        errors.append(FieldError("sleep_hours", "must be a number of hours from 0 to 24"))
    unknown = [s for s in data.symptoms if s not in SYMPTOMS]
    if unknown:
        errors.append(FieldError("symptoms", f"has an unknown code {unknown[0]!r}"))
    allowed = {code for code, _ in plan_items(episode.plan)}
    odd = [p for p in data.plan_done if p not in allowed]
    if odd:
        errors.append(FieldError("plan_done", f"has an item not in this plan: {odd[0]!r}"))
    if len(data.note) > 2000:
        errors.append(FieldError("note", "must be at most 2000 characters"))
    if not episode.is_open:
        errors.append(FieldError("episode", "is closed; reopen it or start a new one"))
    return errors


def _intake_of(episode: Episode) -> Intake:
    return parse_intake(episode.intake)


@transaction.atomic
def record_checkin(episode: Episode, data: CheckinInput, today: date | None = None) -> CheckIn:
    """Save one day's check-in (replacing that day's, if any) and re-run the triage.

    Today's check-in can be corrected all day; an earlier day can be filled in
    late if it was missed, but a day already recorded is kept as it was.
    """
    today = today or timezone.localdate()
    errors = _check(episode, data, today)
    existing = CheckIn.objects.filter(episode=episode, day=data.day).first()
    if existing is not None and data.day != today:
        errors.append(FieldError("day", "already has a check-in; only today's can be changed"))
    if errors:
        raise CheckinError(errors)

    checkin = existing or CheckIn(episode=episode, day=data.day)
    checkin.pain = data.pain
    checkin.function_limit = data.function_limit
    checkin.sleep_hours = None if data.sleep_hours is None else Decimal(str(data.sleep_hours))
    checkin.plan_done = sorted(set(data.plan_done))
    checkin.plan_total = len(plan_items(episode.plan))
    checkin.symptoms = [s for s in SYMPTOMS if s in data.symptoms]
    checkin.note = data.note
    checkin.level = episode.level
    checkin.save()
    if existing is None:
        Episode.objects.filter(pk=episode.pk).update(checkin_count=F("checkin_count") + 1)
        episode.checkin_count += 1
    _refresh_review(episode)
    # The check-in carries the level the triage gave once it was counted.
    CheckIn.objects.filter(pk=checkin.pk).update(level=episode.level)
    checkin.level = episode.level
    return checkin


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


def close_episode(episode: Episode, outcome: str, note: str = "",
                  today: date | None = None) -> Episode:
    if outcome not in Episode.Outcome.values:
        raise CheckinError([FieldError("outcome", "must be one of: "
                                                  + ", ".join(Episode.Outcome.values))])
    episode.closed_on = today or timezone.localdate()
    episode.outcome = outcome
    episode.outcome_note = note[:2000]
    episode.save(update_fields=["closed_on", "outcome", "outcome_note"])
    return episode


def reopen_episode(episode: Episode) -> Episode:
    episode.closed_on = None
    episode.outcome = ""
    episode.save(update_fields=["closed_on", "outcome"])
    return episode
