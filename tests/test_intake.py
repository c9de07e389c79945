"""The intake validator: compiled from the contract schema, and as strict as it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import intakes, mutated_intakes
from unknot.engine.intake import SCHEMA, IntakeError, parse_intake, validate

REFERENCE = jsonschema.Draft202012Validator(SCHEMA)
SHARED_SCHEMA = Path(__file__).parents[2] / "shared" / "intake" / "intake.schema.json"

VALID: dict[str, Any] = {
    "age": 30, "areas": ["calf"], "cause": "overexertion", "onset_hours_ago": 24,
    "intensity": 3, "trend": "same", "function_limit": 1,
}


def with_(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    data.update(changes)
    return data


def fields_named(data: object) -> set[str]:
    return {error.field for error in validate(data)}


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared is not beside this checkout")
def test_shipped_schema_is_a_faithful_copy_of_the_shared_contract() -> None:
    assert json.loads(SHARED_SCHEMA.read_text()) == SCHEMA


def test_a_minimal_intake_is_valid_and_gets_the_schema_defaults() -> None:
    intake = parse_intake(VALID)
    assert intake.trauma == "none"
    assert intake.symptoms == frozenset()
    assert intake.history == frozenset()
    assert intake.sleep_hours is None


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (with_(age=12), "age", "16 to 120"),
        (with_(age=121), "age", "16 to 120"),
        (with_(age="30"), "age", "whole number"),
        (with_(age=True), "age", "whole number"),
        (with_(age=30.5), "age", "whole number"),
        (with_(intensity=14), "intensity", "0 to 10"),
        (with_(function_limit=-1), "function_limit", "0 to 10"),
        (with_(onset_hours_ago=-5), "onset_hours_ago", "0 to 87600"),
        (with_(onset_hours_ago=float("nan")), "onset_hours_ago", "number"),
        (with_(sleep_hours=25), "sleep_hours", "0 to 24"),
        (with_(sleep_hours=None), "sleep_hours", "number"),
        (with_(areas=[]), "areas", "at least 1"),
        (with_(areas=["calf", "calf"]), "areas", "more than once"),
        (with_(areas=["elbow"]), "areas", '"elbow"'),
        (with_(areas="calf"), "areas", "list"),
        (with_(symptoms=["itchy_elbows"]), "symptoms", '"itchy_elbows"'),
        (with_(history=["diabetes"]), "history", '"diabetes"'),
        (with_(cause="boredom"), "cause", "overexertion"),
        (with_(trend=None), "trend", "better, same, worse"),
        (with_(sex="robot"), "sex", "female"),
        (with_(colour="blue"), "colour", "not an intake field"),
    ],
)
def test_each_broken_field_is_named_with_what_is_allowed(
    data: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(IntakeError) as caught:
        parse_intake(data)
    messages = {e.field: e.message for e in caught.value.errors}
    assert field in messages
    assert words in messages[field]


@pytest.mark.parametrize("missing", ["age", "areas", "cause", "onset_hours_ago", "intensity",
                                     "trend", "function_limit"])
def test_every_required_field_is_named_when_missing(missing: str) -> None:
    data = with_()
    del data[missing]
    assert fields_named(data) == {missing}


@pytest.mark.parametrize("value", [None, [], "intake", 3])
def test_an_intake_that_is_not_an_object_is_refused(value: object) -> None:
    assert fields_named(value) == {"(intake)"}


def test_a_whole_number_written_with_a_decimal_point_counts_as_an_integer() -> None:
    assert parse_intake(with_(age=30.0)).age == 30


def test_several_problems_are_all_reported_at_once() -> None:
    assert fields_named(with_(age=3, intensity=11, areas=[])) == {"age", "intensity", "areas"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intakes())
def test_every_intake_the_schema_allows_is_accepted(data: dict[str, Any]) -> None:
    assert REFERENCE.is_valid(data)
    assert validate(data) == []
    parse_intake(data)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_intakes())
def test_the_fast_validator_agrees_with_the_reference_implementation(data: dict[str, Any]) -> None:
    reference = list(REFERENCE.iter_errors(data))
    ours = fields_named(data)
    assert bool(ours) == bool(reference)
    expected = {
        str(e.path[0]) if e.path else ("(missing)" if e.validator == "required" else "(extra)")
        for e in reference
    }
    if "(missing)" in expected:
        expected.discard("(missing)")
        expected |= {name for name in SCHEMA["required"] if name not in data}
    if "(extra)" in expected:
        expected.discard("(extra)")
        expected |= {name for name in data if name not in SCHEMA["properties"]}
    assert ours == expected
