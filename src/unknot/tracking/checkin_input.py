"""A day's check-in, as the web form, the API and the service all take it.

Its limits are written here once; the form reads them for its fields and
hands its answers to this model, the API documents and validates its body
with it, and record_checkin takes nothing else. Strict types, so the API
refuses "4" or true where the contract says a whole number.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictFloat,
    StrictInt,
    StrictStr,
)

from unknot.engine.intake import SYMPTOMS

SCALE_MIN, SCALE_MAX = 0, 10
SLEEP_MAX_HOURS = 24
NOTE_MAX_LENGTH = 2000
# A UUID, as crypto.randomUUID() and uuid.uuid4() write it.
CLIENT_KEY_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
# A difference of 1e-9 is a float's rounding, not a second decimal someone typed.
_DECIMAL_TOLERANCE = 1e-9


def _iso_day(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else value
        except ValueError:
            return value
    return value


def _one_decimal(value: float | None) -> float | None:
    if value is None:
        return None
    tenths = value * 10
    if abs(tenths - round(tenths)) > _DECIMAL_TOLERANCE:
        # Refused rather than rounded: a stored figure must be the one given.
        raise ValueError("give hours to one decimal place at most, like 6.5")
    return round(value, 1)


def _known_symptoms(codes: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [code for code in codes if code not in SYMPTOMS]
    if unknown:
        raise ValueError(f"has an unknown code {unknown[0]!r}")
    if len(set(codes)) != len(codes):
        raise ValueError("lists the same code more than once")
    return codes


def whole_number(value: Any) -> Any:
    # JSON Schema counts 9.0 as an integer, as JSON itself does; a string or
    # true is not a number at all, and stays refused by the strict check.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# The limits sit before the validator so that the document shows them as
# minimum and maximum.
Score = Annotated[StrictInt, Field(ge=SCALE_MIN, le=SCALE_MAX), BeforeValidator(whole_number)]
# A day written YYYY-MM-DD, nothing else: no timestamps, no other formats.
IsoDay = Annotated[Annotated[date, Strict()], BeforeValidator(_iso_day)]


class CheckinInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    day: IsoDay | None = Field(
        None, description="The day it is for (YYYY-MM-DD); today when left out.")
    pain: Score = Field(description=f"Pain now, {SCALE_MIN} to {SCALE_MAX}.")
    function_limit: Score = Field(
        description=f"How much it limits moving and everyday tasks, {SCALE_MIN} to {SCALE_MAX}.")
    sleep_hours: Annotated[
        Annotated[StrictFloat, Field(ge=0, le=SLEEP_MAX_HOURS,
                                     json_schema_extra={"multipleOf": 0.1})] | None,
        AfterValidator(_one_decimal),
    ] = Field(None, description="Hours slept last night, to one decimal place at most.")
    plan_done: tuple[StrictStr, ...] = Field(
        (), description="Ids of the plan items done (see the episode's plan).")
    symptoms: Annotated[tuple[StrictStr, ...], AfterValidator(_known_symptoms)] = Field(
        (), description="New warning symptoms, codes from the intake schema.",
        json_schema_extra={"items": {"type": "string", "enum": list(SYMPTOMS)},
                           "uniqueItems": True})
    note: StrictStr = Field("", max_length=NOTE_MAX_LENGTH)
    client_key: Annotated[StrictStr, Field(pattern=CLIENT_KEY_PATTERN)] | None = Field(
        None, description="A key the sender makes once per check-in (a UUID): sending the same "
        "check-in again with it, as a device does when it comes back online, stores it once.")
