"""The API for how an episode is going and for sharing it: the PSFS, outcomes and what
seems to help, the FHIR record, and clinician share links. By access token, like the
rest of the personal API; every episode is reached through get_episode_for_user and
every activity or link id in a body or path is checked against that episode.
A body that breaks its schema answers 422; a well-formed one that the episode's
state refuses (activities already named, an activity of another episode, a
name given twice, a closed episode) answers 409, in the same error shape.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import P, PathEx, Router
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
)

from unknot.api import limits
from unknot.api.body import read_json, validation_problems
from unknot.api.errors import ApiError, invalid
from unknot.api.schemas import json_body, json_response
from unknot.api.tracking import COMMON, MAX_ID, WRITES, EpisodeId, TokenAuth
from unknot.engine.outcomes import PSFS_MAX_ACTIVITIES, PSFS_MIN_ACTIVITIES, PSFS_NAME_LENGTH
from unknot.tracking import psfs, sharing
from unknot.tracking.checkin_input import whole_number
from unknot.tracking.fhir import MEDIA_TYPE, episode_fhir_json
from unknot.tracking.models import ShareLink
from unknot.tracking.outcomes import episode_outcomes
from unknot.tracking.reminders import site_url
from unknot.tracking.services import get_episode_for_user

router = Router(auth=TokenAuth(), tags=["outcomes and sharing"])
OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}


class PsfsActivityBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: StrictStr = Field(min_length=1, max_length=PSFS_NAME_LENGTH, pattern=r"\S",
                            description="An everyday activity the pain makes hard.")
    score: Annotated[StrictInt, Field(ge=0, le=10), BeforeValidator(whole_number)] = Field(
        description="0 = cannot do it, 10 = as before the pain.")


class PsfsStartBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    activities: list[PsfsActivityBody] = Field(
        min_length=PSFS_MIN_ACTIVITIES, max_length=PSFS_MAX_ACTIVITIES)


class PsfsScoreBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    activity_id: Annotated[StrictInt, Field(ge=1, le=MAX_ID), BeforeValidator(whole_number)]
    score: Annotated[StrictInt, Field(ge=0, le=10), BeforeValidator(whole_number)]


class PsfsRateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scores: list[PsfsScoreBody] = Field(description="Today's score for every activity.")


ShareDays = Literal[1, 7, 30]
DEFAULT_DAYS: ShareDays = 7
# The document must say exactly what sharing takes.
if set(get_args(ShareDays)) != set(sharing.SHARE_DAYS) or \
        DEFAULT_DAYS != sharing.DEFAULT_SHARE_DAYS:
    raise RuntimeError("ShareDays and DEFAULT_DAYS must match unknot.tracking.sharing")


class ShareBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: ShareDays = Field(DEFAULT_DAYS,
                                    description="How long it works, in days.")
    label: StrictStr = Field("", max_length=sharing.LABEL_LENGTH,
                             description="Who it is for; only the owner sees it.")


def _link(link: ShareLink, state: str, openings: int | None = None) -> dict[str, Any]:
    return {
        "id": link.pk, "label": link.label, "state": state,
        "created_at": link.created_at.isoformat(), "expires_at": link.expires_at.isoformat(),
        "revoked_at": link.revoked_at.isoformat() if link.revoked_at else None,
        "openings": openings,
    }


def _outcomes(status: int, episode: Any) -> JsonResponse:
    return JsonResponse(episode_outcomes(episode).as_dict(), status=status)


READS: dict[int, Any] = {401: ApiError, 404: ApiError, 422: ApiError}
WRITES_HERE: dict[int, Any] = {**WRITES, 404: ApiError, 409: ApiError}
STATE_REFUSES = ("409 when the episode's state refuses a well-formed body (already named, "
                 "closed, an activity of another episode, a name given twice).")


@router.get("/episodes/{episode_id}/outcomes", summary="Pain and PSFS against the change "
            "that matters, and what seems to help", operation_id="get_outcomes",
            response=READS,
            openapi_extra={"responses": {200: json_response("The outcomes.", OBJECT)}})
def get_outcomes(request: HttpRequest, episode_id: EpisodeId) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return _outcomes(200, episode)


@router.post(
    "/episodes/{episode_id}/psfs", summary="Name the PSFS activities with their first scores",
    operation_id="start_psfs", response=WRITES_HERE, description=STATE_REFUSES,
    openapi_extra={"requestBody": json_body(PsfsStartBody.model_json_schema()),
                   "responses": {201: json_response("The outcomes, with the activities.",
                                                    OBJECT)}},
)
def start_psfs(request: HttpRequest, episode_id: EpisodeId) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        body = PsfsStartBody.model_validate(data)
    except ValidationError as error:
        return invalid(validation_problems(error), "activities")
    try:
        psfs.start_psfs(episode, [(a.name, a.score) for a in body.activities])
    except psfs.PsfsError as error:
        return invalid(error.errors, "activities", status=409)
    return _outcomes(201, episode)


@router.post(
    "/episodes/{episode_id}/psfs/ratings", summary="Rate the PSFS activities today",
    operation_id="rate_psfs", response=WRITES_HERE,
    description="Every activity needs a score; today's ratings can be sent again to change "
    "them. " + STATE_REFUSES,
    openapi_extra={"requestBody": json_body(PsfsRateBody.model_json_schema()),
                   "responses": {201: json_response("The outcomes, with today's ratings.",
                                                    OBJECT)}},
)
def rate_psfs(request: HttpRequest, episode_id: EpisodeId) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        body = PsfsRateBody.model_validate(data)
    except ValidationError as error:
        return invalid(validation_problems(error), "ratings")
    try:
        psfs.rate_psfs(episode, {s.activity_id: s.score for s in body.scores})
    except psfs.PsfsError as error:
        return invalid(error.errors, "ratings", status=409)
    return _outcomes(201, episode)


@router.get("/episodes/{episode_id}/fhir", summary="The episode as a FHIR R4 Bundle",
            operation_id="get_fhir_record", response=READS,
            openapi_extra={"responses": {200: {"description": "A FHIR R4 Bundle (collection).",
                                               "content": {"application/fhir+json": {
                                                   "schema": OBJECT}}}}})
def get_fhir(request: HttpRequest, episode_id: EpisodeId) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return HttpResponse(episode_fhir_json(episode, site_url()), content_type=MEDIA_TYPE)


@router.get("/episodes/{episode_id}/share-links", summary="My clinician share links",
            operation_id="list_share_links", response=READS,
            openapi_extra={"responses": {200: json_response("The links, newest first.",
                                                            OBJECT)}})
def list_share_links(request: HttpRequest, episode_id: EpisodeId) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return JsonResponse({"share_links": [_link(row.link, row.state, row.openings)
                                         for row in sharing.share_links_of(episode)]})


@router.post(
    "/episodes/{episode_id}/share-links", summary="Make a clinician share link",
    operation_id="create_share_link", response=WRITES_HERE,
    description="The answer's `url` is the only time the link is shown: only its hash is "
    "kept.",
    openapi_extra={"requestBody": json_body(ShareBody.model_json_schema()),
                   "responses": {201: json_response("The new link, with its url.", OBJECT)}},
)
def create_share_link(request: HttpRequest, episode_id: EpisodeId) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    limits.limit_write(request)
    data = read_json(request)
    if isinstance(data, HttpResponse):
        return data
    try:
        body = ShareBody.model_validate(data)
    except ValidationError as error:
        return invalid(validation_problems(error), "share link")
    try:
        link, secret = sharing.create_share_link(episode, body.days, body.label)
    except sharing.ShareError as error:
        return invalid(error.errors, "share link", status=409)
    url = request.build_absolute_uri(reverse("tracking:shared", args=[secret]))
    return JsonResponse({**_link(link, "active", 0), "url": url}, status=201)


@router.delete("/episodes/{episode_id}/share-links/{link_id}",
               summary="Withdraw a clinician share link", operation_id="revoke_share_link",
               response={204: None, **COMMON, 404: ApiError, 422: ApiError})
def revoke_share_link(request: HttpRequest, episode_id: EpisodeId,
                      link_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> HttpResponse:
    link = sharing.get_share_link_for_user(request.auth,  # type: ignore[attr-defined]
                                           episode_id, link_id)
    limits.limit_write(request)
    sharing.revoke_share_link(link)
    return HttpResponse(status=204)
