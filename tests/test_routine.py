"""The guided routine's data: every hold, count, side, set and rest comes from the content."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import calf_soreness
from unknot.engine import parse_intake
from unknot.engine.content import as_dict, library
from unknot.engine.plan import relief_plan
from unknot.engine.routine import (
    REST_BETWEEN_HOLDS,
    REST_BETWEEN_SETS,
    REST_BETWEEN_SIDES,
    build_routine,
    short_dose,
    strength_routines,
    todays_routine,
)
from unknot.engine.triage.base import Level


def _plan(**changes: Any) -> dict[str, Any]:
    return relief_plan(parse_intake(calf_soreness(**changes)), Level.SELF_CARE)


def _work(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for s in segments if s["do"] not in ("ready", "rest")]


MOVES = [pytest.param(m, id=m.id) for m in library().movement]
STRENGTH = [pytest.param(s, id=s.id) for s in library().strengthening]
MASSAGE = [pytest.param(m, id=m.id) for m in library().massage]


@pytest.mark.parametrize("item", MOVES + STRENGTH)
def test_each_exercise_plays_its_own_holds_counts_sides_and_sets(item: Any) -> None:
    routine = build_routine("one", "One", [(as_dict(item), "move")])
    work = _work(routine["segments"])
    sides: list[str | None] = ["left", "right"] if item.per_side else [None]
    assert routine["segments"][0] == {"item": 0, "do": "ready"}
    assert sorted({s["side"] for s in work}, key=str) == sorted(sides, key=str)
    assert {s["set"] for s in work} == set(range(1, item.sets + 1))
    if item.hold_seconds:
        assert [s["do"] for s in work] == ["hold"] * (item.repetitions * item.sets * len(sides))
        assert {s["seconds"] for s in work} == {item.hold_seconds}
        assert {s["reps"] for s in work} == {item.repetitions}
    else:
        assert [s["do"] for s in work] == ["reps"] * (item.sets * len(sides))
        assert {s["reps"] for s in work} == {item.repetitions}


@pytest.mark.parametrize("item", MASSAGE)
def test_each_massage_technique_is_timed_for_its_minutes_on_each_side(item: Any) -> None:
    routine = build_routine("one", "One", [(as_dict(item), "massage")])
    work = _work(routine["segments"])
    assert [s["do"] for s in work] == ["timed"] * (2 if item.per_side else 1)
    assert {s["seconds"] for s in work} == {round(item.duration_minutes * 60)}


def test_rests_fall_between_holds_sides_and_sets_never_after_the_last() -> None:
    item = {"id": "x", "name": "X", "dose": "d", "steps": ["s"], "cautions": [],
            "per_side": True, "sets": 2, "repetitions": 2, "hold_seconds": 15}
    segments = build_routine("one", "One", [(item, "strength")])["segments"]
    shape = [(s["do"], s.get("side"), s.get("seconds")) for s in segments]
    hold_l, hold_r = ("hold", "left", 15), ("hold", "right", 15)
    rest = ("rest", None, REST_BETWEEN_HOLDS)
    new_set = ("rest", None, REST_BETWEEN_SETS)
    assert shape == [
        ("ready", None, None),
        hold_l, rest, hold_l, new_set, hold_l, rest, hold_l,
        ("rest", None, REST_BETWEEN_SIDES),
        hold_r, rest, hold_r, new_set, hold_r, rest, hold_r,
    ]


def test_todays_routine_is_the_plans_moves_then_massage_without_walking() -> None:
    plan = _plan(areas=["lower_back", "calf"])
    routine = todays_routine(plan)
    expected = [m["id"] for m in plan["movement"] if m["kind"] != "walk"]
    expected += [m["id"] for m in plan["massage"]]
    assert [i["id"] for i in routine["items"]] == expected
    assert len(expected) >= 3
    assert not any(i["id"].startswith("walking") for i in routine["items"])
    # Every item begins with its "ready" step, in the same order.
    readies = [s["item"] for s in routine["segments"] if s["do"] == "ready"]
    assert readies == list(range(len(expected)))
    first = plan["movement"][0]
    assert routine["items"][0]["steps"] == list(first["steps"])
    assert routine["items"][0]["dose"] == first["dose"]


def test_the_strengthening_phases_are_routines_of_the_plans_exercises() -> None:
    plan = _plan(areas=["lower_back"], onset_hours_ago=24 * 10)
    routines = strength_routines(plan)
    phases = plan["physical_therapy"]["phases"]
    assert [r["number"] for r in routines] == [p["number"] for p in phases] == [1, 2, 3]
    for routine, phase in zip(routines, phases, strict=True):
        assert [i["id"] for i in routine["items"]] == [e["id"] for e in phase["exercises"]]
        assert routine["title"] == phase["title"]
        assert routine["key"] == f"phase-{phase['number']}"
        assert {i["kind"] for i in routine["items"]} == {"strength"}
        assert routine["unlocked"]


def test_strengthening_stays_locked_in_the_early_days() -> None:
    plan = _plan(areas=["lower_back"], onset_hours_ago=12)
    assert plan["physical_therapy"]["start_now"] is False
    assert not any(r["unlocked"] for r in strength_routines(plan))


def test_a_stored_plan_gives_the_same_routine_as_a_fresh_one() -> None:
    import json

    plan = _plan(areas=["neck", "shoulder"])
    stored = json.loads(json.dumps(plan))
    assert todays_routine(stored) == todays_routine(plan)
    assert strength_routines(stored) == strength_routines(plan)


@pytest.mark.parametrize(("item", "expected"), [
    ({"per_side": True, "sets": 1, "repetitions": 2, "hold_seconds": 30},
     "hold 30 s × 2 each side"),
    ({"per_side": False, "sets": 1, "repetitions": 8, "hold_seconds": 0}, "8 slow reps"),
    ({"per_side": True, "sets": 3, "repetitions": 10, "hold_seconds": 0},
     "10 slow reps each side, 3 sets"),
    ({"per_side": True, "duration_minutes": 2}, "2 min each side"),
    ({"per_side": False, "duration_minutes": 1.5}, "1.5 min"),
])
def test_the_short_dose_says_the_dose_in_a_few_words(item: dict[str, Any], expected: str) -> None:
    assert short_dose(item) == expected
