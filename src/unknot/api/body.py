"""Reading a JSON body: its type, its size and its JSON, each refused in the API's
error shape (errors.py) with what was wrong."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from pydantic import ValidationError

from unknot.api.errors import error_response, invalid
from unknot.engine.intake import FieldError
from unknot.engine.json_input import MAX_BYTES, JsonInputError, load_json

BODY = "(body)"


def _is_json_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    # No type at all is taken as JSON, since a body is all these endpoints read.
    return media in ("", "application/json") or media.endswith("+json")


def read_json(request: HttpRequest) -> Any | JsonResponse:
    """The decoded body, or the error response to send instead."""
    if not _is_json_type(request.content_type or ""):
        problem = FieldError(BODY, f"is sent as {request.content_type}; send it as JSON, "
                                   "with Content-Type: application/json")
        return error_response(415, errors=[problem])
    try:
        raw = request.body
    except RequestDataTooBig:  # a body without a declared length, past Django's limit
        return error_response(413, errors=[FieldError(BODY, f"is larger than the "
                                                            f"{MAX_BYTES:,} bytes accepted")])
    try:
        return load_json(raw)
    except JsonInputError as error:
        problem = FieldError(BODY, error.message)
        if error.too_large:
            return error_response(413, f"The body {error.message}.", [problem])
        return invalid([problem], "body")


def validation_problems(error: ValidationError) -> list[FieldError]:
    """pydantic's complaints as named fields, in plain words where pydantic has its own."""
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or BODY
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "is not a field of this request"
        problems.append(FieldError(field, message))
    return problems
