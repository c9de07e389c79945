"""The versioned JSON API. Assessment needs no account and stores nothing."""

from __future__ import annotations

import json

import orjson
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI

from unknot.api.outcomes import router as outcomes_router
from unknot.api.schemas import (
    ASSESSMENT_SCHEMA,
    ERROR_SCHEMA,
    INTAKE_SCHEMA,
    json_response,
)
from unknot.api.tracking import router as tracking_router
from unknot.engine import ENGINE_VERSION, IntakeError, assess_data
from unknot.engine.intake import FieldError

api = NinjaAPI(
    title="Unknot API",
    version="1",
    description=(
        "Assess sore muscles and back pain: send an intake, get a triage level with reasons "
        "and a relief plan. Unknot informs; it does not diagnose."
    ),
    urls_namespace="api",
    docs_url="/docs",
)


def unprocessable(errors: list[FieldError]) -> JsonResponse:
    return JsonResponse(
        {
            "detail": "The intake breaks the contract: "
            + "; ".join(f"{e.field}: {e.message}" for e in errors),
            "errors": [e.as_dict() for e in errors],
        },
        status=422,
    )


@api.post(
    "/assessments",
    summary="Assess an intake",
    operation_id="create_assessment",
    tags=["assessments"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": INTAKE_SCHEMA}},
        },
        "responses": {
            200: json_response("The assessment.", ASSESSMENT_SCHEMA),
            422: json_response("The intake breaks the contract; every field is named.",
                               ERROR_SCHEMA),
        },
    },
)
def create_assessment(request: HttpRequest) -> HttpResponse:
    try:
        data = json.loads(request.body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return unprocessable([FieldError("(body)", f"is not valid JSON: {error}")])
    try:
        # orjson encodes the ~20 KB answer several times faster than the
        # standard library, which is most of this endpoint's own cost.
        return HttpResponse(orjson.dumps(assess_data(data)), content_type="application/json")
    except IntakeError as error:
        return unprocessable(error.errors)


@api.get("/version", summary="Engine and API versions", tags=["service"])
def version(request: HttpRequest) -> dict[str, str]:
    return {"api": "1", "engine": ENGINE_VERSION}


# Episodes, check-ins, export and deletion, behind personal access tokens.
api.add_router("", tracking_router)
# The PSFS, outcomes and what seems to help, the FHIR record and clinician share links.
api.add_router("", outcomes_router)
