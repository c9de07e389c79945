"""The personal part of the API: episodes, check-ins, export and deletion, by access token.

Every episode is reached through get_episode_for_user, so another person's id
answers 404 exactly like an id that does not exist. A body that breaks its
schema answers 422 naming each field; a well-formed request that the
episode's state refuses (a day already recorded, a closed episode, too many
open episodes) answers 409, in the same shape.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, PathEx, QueryEx, Router, Status
from ninja.security import HttpBearer
from pydantic import ValidationError

from unknot.accounts.services import delete_account, user_for_token
from unknot.api import limits
from unknot.api.body import read_json, validation_problems
from unknot.api.errors import ApiError, error_response, invalid
from unknot.api.schemas import (
    EPISODE_CHANGE_SCHEMA,
    INTAKE_SCHEMA,
    CheckinPage,
    CheckinSaved,
    CloseEpisode,
    EpisodeOut,
    EpisodePage,
    episode_change,
    json_body,
)
from unknot.engine import IntakeError
from unknot.engine.intake import FieldError
from unknot.tracking import services
from unknot.tracking.checkin_input import CheckinInput, IsoDay
from unknot.tracking.export import export_data
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.services import CheckinError, get_episode_for_user

DEFAULT_CHECKINS = 28
MAX_CHECKINS = 366
DEFAULT_EPISODES = 20
MAX_EPISODES = 100
# The largest id a database row can have: anything above is refused as a bad
# parameter (422) rather than sent to the database.
MAX_ID = 2**63 - 1


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return user_for_token(token)


router = Router(auth=TokenAuth(), tags=["tracking"])

EpisodeId = PathEx[int, P(ge=1, le=MAX_ID, description="The episode's id.")]
# Every token endpoint can answer these; each lists its own others.
COMMON: dict[int, Any] = {401: ApiError, 429: ApiError}
WRITES: dict[int, Any] = {**COMMON, 413: ApiError, 415: ApiError, 422: ApiError}


def _person(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    return user


def _episode(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.pk,
        "title": episode.title,
        "started_on": episode.started_on,
        "closed_on": episode.closed_on,
        "outcome": episode.outcome or None,
        "outcome_note": episode.outcome_note,
        "level": episode.level,
        "intake": episode.intake,
        "first_assessment": episode.first_assessment,
        "current": episode.review,
        "checkin_count": episode.checkin_count,
    }


def _checkin(checkin: CheckIn) -> dict[str, Any]:
    return {
        "day": checkin.day,
        "pain": checkin.pain,
        "function_limit": checkin.function_limit,
        "sleep_hours": None if checkin.sleep_hours is None else float(checkin.sleep_hours),
        "plan_done": checkin.plan_done,
        "plan_total": checkin.plan_total,
        "symptoms": checkin.symptoms,
        "note": checkin.note,
        "level": checkin.level,
    }


@router.get(
    "/episodes", summary="List my episodes, newest first, a page at a time",
    operation_id="list_episodes", response={200: EpisodePage, 401: ApiError, 422: ApiError},
    description=f"`limit` (1 to {MAX_EPISODES}, default {DEFAULT_EPISODES}) episodes with an "
    "id below `before`. The answer's `next_before` continues the list.",
)
def list_episodes(
    request: HttpRequest,
    limit: QueryEx[int, P(ge=1, le=MAX_EPISODES)] = DEFAULT_EPISODES,
    before: QueryEx[int | None, P(ge=1, le=MAX_ID)] = None,
) -> dict[str, Any]:
    rows = Episode.objects.filter(owner_id=_person(request).pk).order_by("-id")
    if before is not None:
        rows = rows.filter(id__lt=before)
    # One more than asked tells whether there is a next page without counting.
    page = list(rows[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return {"episodes": [_episode(e) for e in page],
            "next_before": page[-1].pk if more else None}


@router.post(
    "/episodes", summary="Start an episode from an intake", operation_id="create_episode",
    response={201: EpisodeOut, 409: ApiError, **WRITES},
    description="409 when the person already has the most open episodes there can be.",
    openapi_extra={"requestBody": json_body(INTAKE_SCHEMA)},
)
def create_episode(request: HttpRequest) -> Any:
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        episode = services.start_episode(_person(request), data)
    except IntakeError as error:
        return invalid(error.errors, "intake")
    except services.TooManyOpenEpisodes as refusal:
        return error_response(409, str(refusal), [FieldError("(body)", str(refusal))])
    return Status(201, _episode(episode))


@router.get("/episodes/{episode_id}", summary="One episode", operation_id="get_episode",
            response={200: EpisodeOut, 404: ApiError, 422: ApiError, 401: ApiError})
def get_episode(request: HttpRequest, episode_id: EpisodeId) -> dict[str, Any]:
    return _episode(get_episode_for_user(_person(request), episode_id))


@router.patch(
    "/episodes/{episode_id}", summary="Close or reopen an episode",
    operation_id="update_episode",
    response={200: EpisodeOut, 404: ApiError, 409: ApiError, **WRITES},
    description="409 when reopening would pass the limit of open episodes.",
    openapi_extra={"requestBody": json_body(EPISODE_CHANGE_SCHEMA)},
)
def update_episode(request: HttpRequest, episode_id: EpisodeId) -> Any:
    episode = get_episode_for_user(_person(request), episode_id)
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        change = episode_change(data)
    except ValidationError as error:
        return invalid(validation_problems(error), "change")
    if isinstance(change, CloseEpisode):
        services.close_episode(episode, change.outcome, change.outcome_note)
    else:
        try:
            services.reopen_episode(episode)
        except services.TooManyOpenEpisodes as refusal:
            return error_response(409, str(refusal), [FieldError("closed", str(refusal))])
    return _episode(episode)


@router.get(
    "/episodes/{episode_id}/checkins", summary="Check-ins, newest first, a page at a time",
    operation_id="list_checkins",
    response={200: CheckinPage, 404: ApiError, 422: ApiError, 401: ApiError},
    description=f"`limit` (1 to {MAX_CHECKINS}, default {DEFAULT_CHECKINS}) check-ins before "
    "the day `before` (exclusive). The answer's `next_before` continues the list.",
)
def list_checkins(request: HttpRequest, episode_id: EpisodeId,
                  limit: QueryEx[int, P(ge=1, le=MAX_CHECKINS)] = DEFAULT_CHECKINS,
                  before: IsoDay | None = None) -> dict[str, Any]:
    episode = get_episode_for_user(_person(request), episode_id)
    rows = episode.checkins.order_by("-day")
    if before is not None:
        rows = rows.filter(day__lt=before)
    page = list(rows[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return {"checkins": [_checkin(c) for c in page],
            "next_before": page[-1].day if more else None}


@router.post(
    "/episodes/{episode_id}/checkins", summary="Record a day's check-in",
    operation_id="create_checkin",
    response={201: CheckinSaved, 404: ApiError, 409: ApiError, **WRITES},
    description="Re-runs the triage with the episode's history; the answer holds the "
    "episode's new level, reasons and plan. Today's check-in may be sent again to change "
    "it; an earlier day's only once. 409 when the episode's state refuses a well-formed "
    "check-in: a day already recorded, in the future or before the episode began, a plan "
    "item not in its plan, or a closed episode.",
    openapi_extra={"requestBody": json_body(CheckinInput.model_json_schema())},
)
def create_checkin(request: HttpRequest, episode_id: EpisodeId) -> Any:
    episode = get_episode_for_user(_person(request), episode_id)
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        body = CheckinInput.model_validate(data)
    except ValidationError as error:
        return invalid(validation_problems(error), "check-in")
    try:
        checkin = services.record_checkin(episode, body, today=timezone.localdate())
    except CheckinError as error:
        return invalid(error.errors, "check-in", status=409)
    return Status(201, {"checkin": _checkin(checkin), "episode": _episode(episode)})


@router.get("/me/export", summary="Everything I have given Unknot",
            operation_id="export_my_data", response={200: dict[str, Any], 401: ApiError})
def export_me(request: HttpRequest) -> dict[str, Any]:
    return export_data(_person(request))


@router.delete("/me", summary="Delete my account and all its data", operation_id="delete_me",
               response={204: None, **COMMON})
def delete_me(request: HttpRequest) -> Status[None]:
    limits.limit_write(request)
    delete_account(_person(request))
    return Status(204, None)
