"""Properties that hold for every intake, valid or not."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import intakes, mutated_intakes
from unknot.cli import assess_command
from unknot.engine import IntakeError, assess_data
from unknot.engine.intake import validate

LEVELS = {"emergency", "urgent", "see_clinician", "self_care"}


@settings(max_examples=400, deadline=None)
@given(intakes())
def test_any_valid_intake_gets_a_level_and_self_care_always_has_a_covering_plan(
    data: dict[str, Any],
) -> None:
    answer = assess_data(data)
    assert answer["level"] in LEVELS
    if answer["level"] == "self_care":
        stretches = [m for m in answer["plan"]["movement"] if m.get("kind") != "walk"]
        assert set(data["areas"]) <= {a for m in stretches for a in m["areas"]}
    elif answer["level"] in ("emergency", "urgent"):
        assert answer["plan"] is None
    if answer["level"] != "self_care":
        assert answer["reasons"]
    json.dumps(answer)  # always serialisable


@settings(max_examples=300, deadline=None)
@given(intakes(), st.sampled_from(["symptoms", "history"]))
def test_adding_a_symptom_or_history_never_lowers_the_level(
    data: dict[str, Any], field: str
) -> None:
    order = ["self_care", "see_clinician", "urgent", "emergency"]
    before = order.index(assess_data(data)["level"])
    codes = {"symptoms": ["dark_urine", "fever_or_chills", "leg_weakness", "heard_pop"],
             "history": ["cancer", "osteoporosis", "immunosuppressed", "blood_thinners"]}
    for code in codes[field]:
        if code not in data.get(field, []):
            worse = {**data, field: [*data.get(field, []), code]}
            assert order.index(assess_data(worse)["level"]) >= before


@settings(max_examples=400, deadline=None)
@given(mutated_intakes())
def test_any_intake_either_assesses_or_is_refused_with_named_fields_never_a_crash(
    data: dict[str, Any],
) -> None:
    if validate(data):
        try:
            assess_data(data)
        except IntakeError as error:
            assert error.errors and all(e.field and e.message for e in error.errors)
        else:
            raise AssertionError("invalid intake was assessed")
        out, err = io.StringIO(), io.StringIO()
        assert assess_command(["-"], out, err, io.StringIO(json.dumps(data))) == 2
        assert out.getvalue() == "" and err.getvalue()
    else:
        assert assess_data(data)["level"] in LEVELS


@pytest.mark.django_db
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_intakes())
def test_the_api_answers_200_or_422_for_any_body(client: Client, data: dict[str, Any]) -> None:
    response = client.post("/api/v1/assessments", data=data, content_type="application/json")
    assert response.status_code == (422 if validate(data) else 200)
    if response.status_code == 422:
        named = {e["field"] for e in response.json()["errors"]}
        assert named == {e.field for e in validate(data)}


@pytest.mark.django_db
@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=64), st.text(max_size=64).map(str.encode)))
def test_the_api_refuses_any_non_intake_body_with_422(body: bytes) -> None:
    response = Client().post("/api/v1/assessments", data=body, content_type="application/json")
    assert response.status_code in (200, 422)
    if response.status_code == 200:  # only a valid intake can get here
        json.loads(body)
