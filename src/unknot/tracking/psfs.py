"""The Patient-Specific Functional Scale of an episode: every write goes through here.

A person names three to five activities that the pain makes hard and rates
each 0 (cannot do it) to 10 (can do it as before) at the start; then once a
week rates the same activities again. Today's rating can be changed all day,
like a check-in; an earlier one is kept as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone

from unknot.engine.intake import FieldError
from unknot.engine.outcomes import (
    PSFS_MAX_ACTIVITIES,
    PSFS_MIN_ACTIVITIES,
    PSFS_NAME_LENGTH,
    Change,
    Verdict,
    activity_verdict,
    psfs_change,
    psfs_due,
    psfs_mean,
)
from unknot.tracking.models import Episode, PsfsActivity, PsfsRating
from unknot.tracking.page_cache import bump_episode_version

# Rating days shown on the page and chart besides the first: about three months of weeks.
RECENT_RATINGS = 12


class PsfsError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


def _score_problem(score: object) -> str | None:
    if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 10:
        return "must be a whole number from 0 to 10"
    return None


def _open(episode: Episode) -> list[FieldError]:
    if episode.is_open:
        return []
    return [FieldError("episode", "is closed; reopen it to rate your activities")]


@transaction.atomic
def start_psfs(episode: Episode, activities: Sequence[tuple[str, int]],
               today: date | None = None) -> list[PsfsActivity]:
    """Name the activities and give each its first score; raises PsfsError naming problems."""
    today = today or timezone.localdate()
    # Lock the episode so two tabs naming activities at once cannot both succeed.
    Episode.objects.select_for_update().filter(pk=episode.pk).first()
    errors = _open(episode)
    if episode.psfs_activities.exists():
        errors.append(FieldError("activities", "are already named for this episode; rate "
                                               "them instead"))
    if not PSFS_MIN_ACTIVITIES <= len(activities) <= PSFS_MAX_ACTIVITIES:
        errors.append(FieldError("activities", f"needs {PSFS_MIN_ACTIVITIES} to "
                                               f"{PSFS_MAX_ACTIVITIES} activities"))
    seen: set[str] = set()
    for index, (name, score) in enumerate(activities):
        clean = " ".join(str(name).split())
        if not clean:
            errors.append(FieldError(f"activities.{index}.name", "needs a name"))
        elif len(clean) > PSFS_NAME_LENGTH:
            errors.append(FieldError(f"activities.{index}.name",
                                     f"must be at most {PSFS_NAME_LENGTH} characters"))
        elif clean.casefold() in seen:
            errors.append(FieldError(f"activities.{index}.name", "is named twice"))
        seen.add(clean.casefold())
        if problem := _score_problem(score):
            errors.append(FieldError(f"activities.{index}.score", problem))
    if errors:
        raise PsfsError(errors)
    try:
        with transaction.atomic():
            made = [PsfsActivity.objects.create(episode=episode, position=index + 1,
                                                name=" ".join(name.split()))
                    for index, (name, _) in enumerate(activities)]
            PsfsRating.objects.bulk_create([
                PsfsRating(activity=activity, day=today, score=score)
                for activity, (_, score) in zip(made, activities, strict=True)])
            bump_episode_version(episode.pk)  # bulk_create sends no signals
    except IntegrityError:
        raise PsfsError([FieldError("activities", "are already named for this episode; "
                                                  "rate them instead")]) from None
    return made


@transaction.atomic
def rate_psfs(episode: Episode, scores: Mapping[int, int],
              today: date | None = None) -> list[PsfsRating]:
    """Today's score for every activity of the episode, replacing today's if any.

    Every activity id is checked against the episode's own: an id from another
    episode is refused like one that does not exist.
    """
    today = today or timezone.localdate()
    # Lock the episode so two ratings sent at once are one after the other:
    # the second replaces today's, never a duplicate-key error.
    Episode.objects.select_for_update().filter(pk=episode.pk).first()
    activities = list(episode.psfs_activities.all())
    errors = _open(episode)
    if not activities:
        errors.append(FieldError("activities", "are not named yet; name them first"))
    known = {a.pk for a in activities}
    errors += [FieldError(f"scores.{pk}", "is not an activity of this episode")
               for pk in scores if pk not in known]
    for activity in activities:
        if activity.pk not in scores:
            errors.append(FieldError(f"scores.{activity.pk}",
                                     f"is needed for “{activity.name}”"))
        elif problem := _score_problem(scores[activity.pk]):
            errors.append(FieldError(f"scores.{activity.pk}", problem))
    if errors:
        raise PsfsError(errors)
    return [PsfsRating.objects.update_or_create(activity=activity, day=today,
                                                defaults={"score": scores[activity.pk]})[0]
            for activity in activities]


@dataclass(frozen=True, slots=True)
class ActivityRow:
    activity: PsfsActivity
    scores: list[int | None]  # one per rating day shown, oldest first
    start: int | None
    now: int | None
    verdict: Verdict | None


@dataclass(frozen=True, slots=True)
class PsfsSummary:
    days: list[date] = field(default_factory=list)  # the first rating day, then the latest
    rows: list[ActivityRow] = field(default_factory=list)
    means: list[float] = field(default_factory=list)
    change: Change | None = None
    due: bool = True
    rated_today: bool = False

    @property
    def started(self) -> bool:
        return bool(self.rows)

    @property
    def table(self) -> list[tuple[date, list[int | None], float]]:
        """One row a rating day: each activity's score and the average."""
        return [(day, [row.scores[index] for row in self.rows], self.means[index])
                for index, day in enumerate(self.days)]


def psfs_summary(episode: Episode, today: date | None = None) -> PsfsSummary:
    """The first rating and the latest few, in a fixed number of queries however long the
    history (the first rating is the baseline every change is measured from)."""
    today = today or timezone.localdate()
    activities = list(episode.psfs_activities.all())
    if not activities:
        return PsfsSummary()
    ratings = PsfsRating.objects.filter(activity__episode=episode)
    first = ratings.aggregate(first=Min("day"))["first"]
    latest = list(ratings.order_by("-day").values_list("day", flat=True).distinct()
                  [:RECENT_RATINGS])
    days = sorted({first, *latest} - {None})
    scores = {(activity_id, day): score for activity_id, day, score in
              ratings.filter(day__in=days).values_list("activity_id", "day", "score")}
    rows = []
    for activity in activities:
        row = [scores.get((activity.pk, day)) for day in days]
        known = [s for s in row if s is not None]
        start, now = (known[0], known[-1]) if known else (None, None)
        verdict = activity_verdict(start, now) if start is not None and now is not None \
            and len(known) > 1 else None
        rows.append(ActivityRow(activity, row, start, now, verdict))
    means = [psfs_mean([s for s in column if s is not None]) if any(
        s is not None for s in column) else 0.0
        for column in zip(*(r.scores for r in rows), strict=True)]
    change = None
    if len(days) > 1:
        change = psfs_change([s for s in (r.scores[0] for r in rows) if s is not None],
                             [s for s in (r.scores[-1] for r in rows) if s is not None])
    last = days[-1] if days else None
    return PsfsSummary(days, rows, means, change, psfs_due(last, today), last == today)
