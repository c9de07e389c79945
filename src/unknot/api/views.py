"""The versioned JSON API. Assessment needs no account and stores nothing."""

from __future__ import annotations

import orjson
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI

from unknot.api import limits
from unknot.api.body import read_json
from unknot.api.errors import ApiError, install_error_handlers, invalid
from unknot.api.outcomes import router as outcomes_router
from unknot.api.schemas import (
    ASSESSMENT_SCHEMA,
    INTAKE_SCHEMA,
    Versions,
    json_body,
    json_response,
)
from unknot.api.tracking import router as tracking_router
from unknot.engine import ENGINE_VERSION, IntakeError, assess_data
from unknot.ops.metrics import record_assessment

api = NinjaAPI(
    title="Unknot API",
    version="1",
    description=(
        "Assess sore muscles and back pain: send an intake, get a triage level with reasons "
        "and a relief plan. Unknot informs; it does not diagnose.\n\n"
        "Every error, whatever its status, is a JSON object `{\"detail\": ..., \"errors\": "
        "[{\"field\": ..., \"message\": ...}]}` (the ApiError schema). Writes and assessments "
        "are limited per access token and per address; past a limit the answer is 429 with a "
        "Retry-After header."
    ),
    urls_namespace="api",
    # The docs are a page of the site (api/docs.py), not Swagger UI.
    docs_url=None,
)
install_error_handlers(api)


@api.post(
    "/assessments",
    summary="Assess an intake",
    operation_id="create_assessment",
    tags=["assessments"],
    response={413: ApiError, 415: ApiError, 422: ApiError, 429: ApiError},
    openapi_extra={
        "requestBody": json_body(INTAKE_SCHEMA),
        "responses": {200: json_response("The assessment.", ASSESSMENT_SCHEMA)},
    },
)
def create_assessment(request: HttpRequest) -> HttpResponse:
    limits.limit_assessment(request)
    data = read_json(request)
    if isinstance(data, JsonResponse):
        return data
    try:
        # orjson encodes the ~20 KB answer several times faster than the
        # standard library, which is most of this endpoint's own cost.
        assessment = assess_data(data)
        record_assessment(str(assessment["level"]), "api")
        return HttpResponse(orjson.dumps(assessment), content_type="application/json")
    except IntakeError as error:
        return invalid(error.errors, "intake")


@api.get("/version", summary="Engine and API versions", tags=["service"],
         operation_id="get_version", response={200: Versions})
def version(request: HttpRequest) -> dict[str, str]:
    return {"api": "1", "engine": ENGINE_VERSION}


# Episodes, check-ins, export and deletion, behind personal access tokens.
api.add_router("", tracking_router)
# The PSFS, outcomes and what seems to help, the FHIR record and clinician share links.
api.add_router("", outcomes_router)
