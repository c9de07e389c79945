"""The personal part of the API: episodes, check-ins, export and deletion, by access token.

Every episode is reached through get_episode_for_user, so another person's id
answers 404 exactly like an id that does not exist. Bodies are checked with
pydantic and refused with 422 naming each field, in the same shape as the
assessment's errors.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Router
from ninja.security import HttpBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unknot.accounts.services import delete_account, user_for_token
from unknot.api.schemas import ERROR_SCHEMA, INTAKE_SCHEMA, json_response
from unknot.engine import IntakeError
from unknot.engine.intake import FieldError
from unknot.tracking import services
from unknot.tracking.export import export_data
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.services import CheckinError, CheckinInput, get_episode_for_user

DEFAULT_LIMIT = 28
MAX_LIMIT = 366


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return user_for_token(token)


router = Router(auth=TokenAuth(), tags=["tracking"])


class CheckinBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    day: date | None = Field(None, description="The day it is for; today when left out.")
    pain: int = Field(ge=0, le=10, description="Pain now, 0 to 10.")
    function_limit: int = Field(ge=0, le=10, description="How much it limits, 0 to 10.")
    sleep_hours: float | None = Field(None, ge=0, le=24)
    plan_done: list[str] = Field(default_factory=list,
                                 description="Ids of plan items done (see the episode's plan).")
    symptoms: list[str] = Field(default_factory=list,
                                description="New warning symptoms, codes from the intake schema.")
    note: str = Field("", max_length=2000)


class EpisodePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    closed: bool = Field(description="true closes the episode (outcome needed); false reopens.")
    outcome: Literal["recovered", "mostly", "referred", "not_better"] | None = None
    outcome_note: str = Field("", max_length=2000)


def _error_response(errors: list[FieldError], what: str) -> JsonResponse:
    return JsonResponse({
        "detail": f"The {what} is not valid: "
        + "; ".join(f"{e.field}: {e.message}" for e in errors),
        "errors": [e.as_dict() for e in errors],
    }, status=422)


def _body(request: HttpRequest) -> tuple[Any, list[FieldError]]:
    try:
        return json.loads(request.body), []
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return None, [FieldError("(body)", f"is not valid JSON: {error}")]


def _pydantic_errors(error: ValidationError) -> list[FieldError]:
    return [FieldError(".".join(str(part) for part in e["loc"]) or "(body)", e["msg"])
            for e in error.errors()]


def _episode(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.pk,
        "title": episode.title,
        "started_on": episode.started_on.isoformat(),
        "closed_on": episode.closed_on.isoformat() if episode.closed_on else None,
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
        "day": checkin.day.isoformat(),
        "pain": checkin.pain,
        "function_limit": checkin.function_limit,
        "sleep_hours": None if checkin.sleep_hours is None else float(checkin.sleep_hours),
        "plan_done": checkin.plan_done,
        "plan_total": checkin.plan_total,
        "symptoms": checkin.symptoms,
        "note": checkin.note,
        "level": checkin.level,
    }


EPISODE_SCHEMA: dict[str, Any] = {"type": "object", "additionalProperties": True}
NOT_FOUND = json_response("No such episode, or it belongs to someone else.", ERROR_SCHEMA)
BAD_INPUT = json_response("The body is not valid; every field is named.", ERROR_SCHEMA)


@router.get("/episodes", summary="List my episodes", operation_id="list_episodes")
def list_episodes(request: HttpRequest) -> JsonResponse:
    episodes = Episode.objects.filter(owner_id=request.auth.pk)  # type: ignore[attr-defined]
    return JsonResponse({"episodes": [_episode(e) for e in episodes]})


@router.post(
    "/episodes", summary="Start an episode from an intake", operation_id="create_episode",
    openapi_extra={
        "requestBody": {"required": True,
                        "content": {"application/json": {"schema": INTAKE_SCHEMA}}},
        "responses": {201: json_response("The new episode.", EPISODE_SCHEMA), 422: BAD_INPUT},
    },
)
def create_episode(request: HttpRequest) -> HttpResponse:
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "intake")
    try:
        episode = services.start_episode(request.auth, data)  # type: ignore[attr-defined]
    except IntakeError as error:
        return _error_response(error.errors, "intake")
    return JsonResponse(_episode(episode), status=201)


@router.get("/episodes/{episode_id}", summary="One episode", operation_id="get_episode",
            openapi_extra={"responses": {404: NOT_FOUND}})
def get_episode(request: HttpRequest, episode_id: int) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return JsonResponse(_episode(episode))


@router.patch(
    "/episodes/{episode_id}", summary="Close or reopen an episode",
    operation_id="update_episode",
    openapi_extra={
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": EpisodePatch.model_json_schema()}}},
        "responses": {404: NOT_FOUND, 422: BAD_INPUT},
    },
)
def update_episode(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "change")
    try:
        change = EpisodePatch.model_validate(data)
    except ValidationError as error:
        return _error_response(_pydantic_errors(error), "change")
    if change.closed:
        if change.outcome is None:
            return _error_response([FieldError("outcome", "is needed to close an episode")],
                                   "change")
        services.close_episode(episode, change.outcome, change.outcome_note)
    else:
        services.reopen_episode(episode)
    return JsonResponse(_episode(episode))


@router.get(
    "/episodes/{episode_id}/checkins", summary="Check-ins, newest first, a page at a time",
    operation_id="list_checkins",
    description=f"`limit` (1 to {MAX_LIMIT}, default {DEFAULT_LIMIT}) check-ins before the "
    "day `before` (exclusive). The answer's `next_before` continues the list.",
    openapi_extra={"responses": {404: NOT_FOUND, 422: BAD_INPUT}},
)
def list_checkins(request: HttpRequest, episode_id: int, limit: int = DEFAULT_LIMIT,
                  before: date | None = None) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    if not 1 <= limit <= MAX_LIMIT:
        return _error_response([FieldError("limit", f"must be from 1 to {MAX_LIMIT}")],
                               "query")
    rows = episode.checkins.order_by("-day")
    if before is not None:
        rows = rows.filter(day__lt=before)
    # One more than asked tells whether there is a next page without counting.
    page = list(rows[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return JsonResponse({
        "checkins": [_checkin(c) for c in page],
        "next_before": page[-1].day.isoformat() if more else None,
    })


@router.post(
    "/episodes/{episode_id}/checkins", summary="Record a day's check-in",
    operation_id="create_checkin",
    description="Re-runs the triage with the episode's history; the answer holds the "
    "episode's new level, reasons and plan.",
    openapi_extra={
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": CheckinBody.model_json_schema()}}},
        "responses": {404: NOT_FOUND, 422: BAD_INPUT},
    },
)
def create_checkin(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "check-in")
    try:
        body = CheckinBody.model_validate(data)
    except ValidationError as error:
        return _error_response(_pydantic_errors(error), "check-in")
    today = timezone.localdate()
    try:
        checkin = services.record_checkin(episode, CheckinInput(
            day=body.day or today, pain=body.pain, function_limit=body.function_limit,
            sleep_hours=body.sleep_hours, plan_done=tuple(body.plan_done),
            symptoms=tuple(body.symptoms), note=body.note), today=today)
    except CheckinError as error:
        return _error_response(error.errors, "check-in")
    return JsonResponse({"checkin": _checkin(checkin), "episode": _episode(episode)},
                        status=201)


@router.get("/me/export", summary="Everything I have given Unknot",
            operation_id="export_my_data")
def export_me(request: HttpRequest) -> JsonResponse:
    return JsonResponse(export_data(request.auth))  # type: ignore[attr-defined]


@router.delete("/me", summary="Delete my account and all its data", operation_id="delete_me",
               openapi_extra={"responses": {204: {"description": "Deleted."}}})
def delete_me(request: HttpRequest) -> HttpResponse:
    delete_account(request.auth)  # type: ignore[attr-defined]
    return HttpResponse(status=204)
