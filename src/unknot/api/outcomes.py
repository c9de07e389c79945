"""The API for how an episode is going and for sharing it: the PSFS, outcomes and what
seems to help, the FHIR record, and clinician share links. By access token, like the
rest of the personal API; every episode is reached through get_episode_for_user and
every activity or link id in a body or path is checked against that episode.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import Router
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unknot.api.schemas import json_response
from unknot.api.tracking import (
    BAD_INPUT,
    NOT_FOUND,
    TokenAuth,
    _body,
    _error_response,
    _pydantic_errors,
)
from unknot.engine.outcomes import PSFS_MAX_ACTIVITIES, PSFS_MIN_ACTIVITIES, PSFS_NAME_LENGTH
from unknot.tracking import psfs, sharing
from unknot.tracking.fhir import MEDIA_TYPE, episode_fhir_json
from unknot.tracking.models import ShareLink
from unknot.tracking.outcomes import episode_outcomes
from unknot.tracking.reminders import site_url
from unknot.tracking.services import get_episode_for_user

router = Router(auth=TokenAuth(), tags=["outcomes and sharing"])
OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}


class PsfsActivityBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=PSFS_NAME_LENGTH,
                      description="An everyday activity the pain makes hard.")
    score: int = Field(ge=0, le=10, description="0 = cannot do it, 10 = as before the pain.")


class PsfsStartBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    activities: list[PsfsActivityBody] = Field(
        min_length=PSFS_MIN_ACTIVITIES, max_length=PSFS_MAX_ACTIVITIES)


class PsfsScoreBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    activity_id: int
    score: int = Field(ge=0, le=10)


class PsfsRateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scores: list[PsfsScoreBody] = Field(description="Today's score for every activity.")


class ShareBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: int = Field(sharing.DEFAULT_SHARE_DAYS,
                      description="How long it works: " + ", ".join(
                          str(d) for d in sharing.SHARE_DAYS) + " days.")
    label: str = Field("", max_length=sharing.LABEL_LENGTH,
                       description="Who it is for; only the owner sees it.")


def _link(link: ShareLink, state: str, openings: int | None = None) -> dict[str, Any]:
    return {
        "id": link.pk, "label": link.label, "state": state,
        "created_at": link.created_at.isoformat(), "expires_at": link.expires_at.isoformat(),
        "revoked_at": link.revoked_at.isoformat() if link.revoked_at else None,
        "openings": openings,
    }


@router.get("/episodes/{episode_id}/outcomes", summary="Pain and PSFS against the change "
            "that matters, and what seems to help", operation_id="get_outcomes",
            openapi_extra={"responses": {200: json_response("The outcomes.", OBJECT),
                                         404: NOT_FOUND}})
def get_outcomes(request: HttpRequest, episode_id: int) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return JsonResponse(episode_outcomes(episode).as_dict())


@router.post(
    "/episodes/{episode_id}/psfs", summary="Name the PSFS activities with their first scores",
    operation_id="start_psfs",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": PsfsStartBody.model_json_schema()}}},
        "responses": {201: json_response("The outcomes, with the activities.", OBJECT),
                      404: NOT_FOUND, 422: BAD_INPUT}},
)
def start_psfs(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "activities")
    try:
        body = PsfsStartBody.model_validate(data)
        psfs.start_psfs(episode, [(a.name, a.score) for a in body.activities])
    except ValidationError as error:
        return _error_response(_pydantic_errors(error), "activities")
    except psfs.PsfsError as error:
        return _error_response(error.errors, "activities")
    return JsonResponse(episode_outcomes(episode).as_dict(), status=201)


@router.post(
    "/episodes/{episode_id}/psfs/ratings", summary="Rate the PSFS activities today",
    operation_id="rate_psfs",
    description="Every activity needs a score; today's ratings can be sent again to change "
    "them.",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": PsfsRateBody.model_json_schema()}}},
        "responses": {201: json_response("The outcomes, with today's ratings.", OBJECT),
                      404: NOT_FOUND, 422: BAD_INPUT}},
)
def rate_psfs(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "ratings")
    try:
        body = PsfsRateBody.model_validate(data)
        psfs.rate_psfs(episode, {s.activity_id: s.score for s in body.scores})
    except ValidationError as error:
        return _error_response(_pydantic_errors(error), "ratings")
    except psfs.PsfsError as error:
        return _error_response(error.errors, "ratings")
    return JsonResponse(episode_outcomes(episode).as_dict(), status=201)


@router.get("/episodes/{episode_id}/fhir", summary="The episode as a FHIR R4 Bundle",
            operation_id="get_fhir_record",
            openapi_extra={"responses": {200: {"description": "A FHIR R4 Bundle (collection).",
                                               "content": {"application/fhir+json": {
                                                   "schema": OBJECT}}},
                                         404: NOT_FOUND}})
def get_fhir(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return HttpResponse(episode_fhir_json(episode, site_url()), content_type=MEDIA_TYPE)


@router.get("/episodes/{episode_id}/share-links", summary="My clinician share links",
            operation_id="list_share_links",
            openapi_extra={"responses": {404: NOT_FOUND}})
def list_share_links(request: HttpRequest, episode_id: int) -> JsonResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    return JsonResponse({"share_links": [_link(row.link, row.state, row.openings)
                                         for row in sharing.share_links_of(episode)]})


@router.post(
    "/episodes/{episode_id}/share-links", summary="Make a clinician share link",
    operation_id="create_share_link",
    description="The answer's `url` is the only time the link is shown: only its hash is "
    "kept.",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": ShareBody.model_json_schema()}}},
        "responses": {201: json_response("The new link, with its url.", OBJECT),
                      404: NOT_FOUND, 422: BAD_INPUT}},
)
def create_share_link(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_episode_for_user(request.auth, episode_id)  # type: ignore[attr-defined]
    data, errors = _body(request)
    if errors:
        return _error_response(errors, "share link")
    try:
        body = ShareBody.model_validate(data)
        link, secret = sharing.create_share_link(episode, body.days, body.label)
    except ValidationError as error:
        return _error_response(_pydantic_errors(error), "share link")
    except sharing.ShareError as error:
        return _error_response(error.errors, "share link")
    url = request.build_absolute_uri(reverse("tracking:shared", args=[secret]))
    return JsonResponse({**_link(link, "active", 0), "url": url}, status=201)


@router.delete("/episodes/{episode_id}/share-links/{link_id}",
               summary="Withdraw a clinician share link", operation_id="revoke_share_link",
               openapi_extra={"responses": {204: {"description": "Withdrawn."},
                                            404: NOT_FOUND}})
def revoke_share_link(request: HttpRequest, episode_id: int, link_id: int) -> HttpResponse:
    link = sharing.get_share_link_for_user(request.auth,  # type: ignore[attr-defined]
                                           episode_id, link_id)
    sharing.revoke_share_link(link)
    return HttpResponse(status=204)
