"""OpenAPI descriptions of the assessment contract (shared/intake/README.md).

The request body is the shipped intake schema itself, so the API document
always describes exactly what the engine accepts.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field

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



def json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        reference = node.get("$ref", "")
        if reference.startswith("#/$defs/"):
            return _inline(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inline(value, definitions) for key, value in node.items()
                if key != "$defs"}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    """A required JSON body. pydantic's nested models ($defs) are written in place:
    in an OpenAPI document "#/$defs/..." would point at nothing."""
    inlined = _inline(schema, schema.get("$defs", {}))
    return {"required": True, "content": {"application/json": {"schema": inlined}}}


Level = Literal["emergency", "urgent", "see_clinician", "self_care"]
Outcome = Literal["recovered", "mostly", "referred", "not_better"]


class EpisodeOut(Schema):
    id: int
    title: str = Field(description="The areas, in words.")
    started_on: date
    closed_on: date | None
    outcome: Outcome | None
    outcome_note: str
    level: Level = Field(description="The level now, after the latest check-in.")
    intake: dict[str, Any] = Field(description="The intake it started from (the contract's "
                                               "form).", json_schema_extra=INTAKE_SCHEMA)
    first_assessment: dict[str, Any] = Field(json_schema_extra=ASSESSMENT_SCHEMA)
    current: dict[str, Any] = Field(
        description="The review after the latest check-in: level, reasons, plan and the "
        "warning symptoms that are new since the intake (new_symptoms).")
    checkin_count: int


class EpisodePage(Schema):
    episodes: list[EpisodeOut] = Field(description="Newest first.")
    next_before: int | None = Field(description="Pass as `before` for the next, older page; "
                                                "null on the last page.")


class CheckinOut(Schema):
    day: date
    pain: int
    function_limit: int
    sleep_hours: float | None
    plan_done: list[str]
    plan_total: int
    symptoms: list[str]
    note: str
    level: Level = Field(description="The episode's level once this check-in was counted.")


class CheckinPage(Schema):
    checkins: list[CheckinOut] = Field(description="Newest first.")
    next_before: date | None = Field(description="Pass as `before` for the next, older page; "
                                                 "null on the last page.")


class CheckinSaved(Schema):
    checkin: CheckinOut
    episode: EpisodeOut


class CloseEpisode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    closed: Literal[True] = Field(description="true closes the episode.")
    outcome: Outcome = Field(description="How it ended.")
    outcome_note: str = Field("", max_length=2000)


class ReopenEpisode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    closed: Literal[False] = Field(description="false opens a closed episode again.")


# Closing needs an outcome; reopening takes nothing else. The document says so.
EPISODE_CHANGE_SCHEMA: dict[str, Any] = {
    "oneOf": [CloseEpisode.model_json_schema(), ReopenEpisode.model_json_schema()]}


def episode_change(data: object) -> CloseEpisode | ReopenEpisode:
    """The change asked for; pydantic's ValidationError names what is wrong with it."""
    closed = data.get("closed") if isinstance(data, dict) else None
    model: type[CloseEpisode | ReopenEpisode] = ReopenEpisode if closed is False \
        else CloseEpisode
    return model.model_validate(data, strict=True)


class Versions(Schema):
    api: str
    engine: str
