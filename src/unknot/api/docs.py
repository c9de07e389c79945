"""The API's documentation as a page of the site, read from its own OpenAPI document.

Swagger UI's markup brought two dozen serious accessibility findings and no
site header; this page is plain HTML in the site's layout, so it is readable by
keyboard, screen reader and phone, and it can never disagree with the API.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

METHOD_ORDER = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    where: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    needs_token: bool
    parameters: tuple[Field, ...]
    body_schema: str
    responses: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    operations: tuple[Operation, ...]


def _schema_text(schema: dict[str, Any] | None) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) if schema else ""


@cache
def api_reference() -> tuple[str, str, tuple[Section, ...]]:
    """(title, description, sections): the document never changes while the site runs."""
    from unknot.api.views import api

    document = api.get_openapi_schema()
    sections: dict[str, list[Operation]] = {}
    for path, item in document["paths"].items():
        for method in METHOD_ORDER:
            spec = item.get(method)
            if spec is None:
                continue
            parameters = tuple(
                Field(p["name"], p["in"], bool(p.get("required")),
                      p.get("description") or p.get("schema", {}).get("description", ""))
                for p in spec.get("parameters", ())
            )
            body = (spec.get("requestBody") or {}).get("content", {}).get("application/json", {})
            responses = tuple((str(code), answer.get("description", ""))
                              for code, answer in spec.get("responses", {}).items())
            operation = Operation(
                anchor=spec.get("operationId", f"{method}-{path}"), method=method.upper(),
                path=path, summary=spec.get("summary", ""),
                description=spec.get("description", ""), needs_token=bool(spec.get("security")),
                parameters=parameters, body_schema=_schema_text(body.get("schema")),
                responses=responses)
            sections.setdefault((spec.get("tags") or ["other"])[0], []).append(operation)
    info = document["info"]
    return (info["title"], info.get("description", ""),
            tuple(Section(name, tuple(ops)) for name, ops in sections.items()))


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    title, description, sections = api_reference()
    return render(request, "api/docs.html", {
        "title": title, "description": description, "sections": sections,
        "openapi_url": reverse("api:openapi-json"),
    })
