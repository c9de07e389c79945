"""One shape for every error the API answers, 4xx and 5xx alike, and never HTML.

    {"detail": "one sentence for a person", "errors": [{"field": ..., "message": ...}]}

`errors` names each field at fault (empty when no single field is). The
handlers below turn what django-ninja and Django raise (a missing token, a bad
query parameter, an unknown id, a body over the size limit, a crash) into this
shape; api_errors_as_json (middleware.py) does the same for anything that
answers before or around the API's views, such as an unknown /api/ address.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from http import HTTPStatus
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import Field

from unknot.core.outage import RETRY_AFTER, is_cache_outage
from unknot.engine.intake import FieldError

logger = logging.getLogger("django.request")


class FieldProblem(Schema):
    field: str = Field(description="The field at fault, e.g. pain or query.limit; "
                                   "(body) for the body as a whole.")
    message: str


class ApiError(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: list[FieldProblem] = Field(description="Each field at fault; empty when the "
                                                   "problem is not one field's.")


ERROR_SCHEMA: dict[str, Any] = ApiError.model_json_schema()

DETAILS = {
    400: "The request could not be read.",
    401: "A valid access token is needed: send the header Authorization: Bearer unk_...",
    403: "This is not allowed.",
    404: "There is nothing at this address, or it belongs to someone else.",
    405: "This address does not take that method; the Allow header lists those it takes.",
    413: "The body is too large.",
    415: "Send the body as JSON, with Content-Type: application/json.",
    422: "The request is not valid; every field at fault is named.",
    429: "Too many requests: wait the seconds in the Retry-After header, then try again.",
    500: "Something went wrong on our side. Nothing was saved; please try again.",
    503: "The service is unavailable for a moment. Nothing was saved; please try again.",
}


def error_response(status: int, detail: str | None = None,
                   errors: Iterable[FieldError] = (),
                   headers: dict[str, str] | None = None) -> JsonResponse:
    if detail is None:
        detail = DETAILS.get(status) or HTTPStatus(status).phrase
    response = JsonResponse({"detail": detail, "errors": [e.as_dict() for e in errors]},
                            status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def invalid(errors: list[FieldError], what: str, status: int = 422) -> JsonResponse:
    """A refusal that names each field: "The check-in is not valid: pain: ..."."""
    return error_response(status, f"The {what} is not valid: "
                          + "; ".join(f"{e.field}: {e.message}" for e in errors), errors)


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def _field_of(location: Iterable[Any]) -> str:
    parts = [str(part) for part in location]
    if parts and parts[0] in ("path", "query"):
        # A parameter's name is enough for a person: "limit", not "query.limit".
        parts = parts[1:]
    elif parts and parts[0] == "body":
        parts = parts[2:] if len(parts) > 2 else ["(body)"]
    return ".".join(parts) or "(body)"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(401, headers={"WWW-Authenticate": "Bearer"})

    @api.exception_handler(ValidationError)
    def not_valid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        problems = [FieldError(_field_of(e.get("loc", ())), str(e.get("msg", "is not valid")))
                    for e in exc.errors]
        return invalid(problems, "request")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, str(exc.message))

    @api.exception_handler(RateLimited)
    def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        return error_response(429, headers={"Retry-After": str(exc.retry_after)})

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return error_response(413)

    @api.exception_handler(Exception)
    def crashed(request: HttpRequest, exc: Exception) -> HttpResponse:
        if is_cache_outage(exc):
            # The limits cannot be counted: refused (closed), and said so.
            logger.error("shared cache unavailable, API request refused: %s", exc)
            return error_response(503, "The service that counts request limits is not "
                                       "answering; try again in a minute.",
                                  headers={"Retry-After": str(RETRY_AFTER)})
        # Logged as Django logs any crash, so it reaches the same logs and
        # admins; the client gets the API's shape, never a traceback.
        logger.error("Internal Server Error: %s", request.path, exc_info=exc,
                     extra={"status_code": 500, "request": request})
        return error_response(500)
