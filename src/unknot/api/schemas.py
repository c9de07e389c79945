"""OpenAPI descriptions of the assessment contract (shared/intake/README.md).

The request body is the shipped intake schema itself, so the API document
always describes exactly what the engine accepts.
"""

from __future__ import annotations

from typing import Any

from unknot.engine.intake import SCHEMA

LEVELS = ["emergency", "urgent", "see_clinician", "self_care"]

INTAKE_SCHEMA: dict[str, Any] = {
    key: value for key, value in SCHEMA.items() if key not in ("$schema", "$id")
}

REASON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "string", "description": "The finding, e.g. saddle_numbness."},
        "level": {"enum": LEVELS, "description": "The level this finding calls for."},
        "message": {"type": "string", "description": "Plain words for the person."},
        "source": {"type": "string", "description": "The guideline or paper behind it."},
        "source_url": {"type": "string", "format": "uri"},
    },
}

ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "areas"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "areas": {"type": "array", "items": {"type": "string"}},
        "steps": {"type": "array", "items": {"type": "string"}},
        "dose": {"type": "string"},
    },
    "additionalProperties": True,
}

ASSESSMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["level", "reasons", "plan"],
    "properties": {
        "level": {"enum": LEVELS},
        "title": {"type": "string"},
        "action": {"type": "string", "description": "What to do, in one or two sentences."},
        "reasons": {"type": "array", "items": REASON_SCHEMA},
        "plan": {
            "description": "null for emergency and urgent; always present for self_care; "
            "for see_clinician, the self-care to follow until the appointment.",
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["movement", "sleep", "massage", "physical_therapy"],
                    "properties": {
                        "movement": {"type": "array", "items": ITEM_SCHEMA},
                        "sleep": {"type": "object"},
                        "massage": {"type": "array", "items": ITEM_SCHEMA},
                        "physical_therapy": {"type": "object"},
                    },
                    "additionalProperties": True,
                },
            ],
        },
        "engine_version": {"type": "string"},
    },
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["detail", "errors"],
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}
