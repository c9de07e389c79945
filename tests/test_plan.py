"""The relief plan and its content library."""

from __future__ import annotations

from typing import Any

import pytest

from unknot.engine import assess, parse_intake
from unknot.engine.content import STAGES, TOOL_KINDS, Massage, Movement, Strengthening, library
from unknot.engine.intake import AREAS
from unknot.engine.plan import relief_plan, stage_of
from unknot.engine.triage import Level

BASE: dict[str, Any] = {
    "age": 30, "areas": ["calf"], "cause": "overexertion", "onset_hours_ago": 30,
    "intensity": 4, "trend": "same", "function_limit": 2,
}


def plan_for(**changes: Any) -> dict[str, Any]:
    return relief_plan(parse_intake({**BASE, **changes}), Level.SELF_CARE)


def test_the_library_meets_its_promised_size() -> None:
    lib = library()
    assert len(lib.movement) >= 40
    assert len(lib.massage) >= 15
    assert len(lib.strengthening) >= 12


def test_content_ids_are_unique_across_the_library() -> None:
    lib = library()
    items: tuple[Movement | Massage | Strengthening, ...] = (
        *lib.movement, *lib.massage, *lib.strengthening)
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))


def test_content_uses_only_known_areas_stages_and_tools() -> None:
    lib = library()
    items: tuple[Movement | Massage | Strengthening, ...] = (
        *lib.movement, *lib.massage, *lib.strengthening)
    for item in items:
        assert set(item.areas) <= set(AREAS), item.id
        assert item.steps and item.source, item.id
    for move in lib.movement:
        assert set(move.stages) <= set(STAGES), move.id
        assert set(move.equipment) <= set(TOOL_KINDS), move.id
    for massage in lib.massage:
        assert {massage.tool, *massage.tool_kinds} <= set(TOOL_KINDS), massage.id
        assert massage.avoid_when, massage.id


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("stage", STAGES)
def test_every_area_has_a_movement_for_every_stage(area: str, stage: str) -> None:
    assert any(area in m.areas and stage in m.stages for m in library().movement)


@pytest.mark.parametrize("area", AREAS)
def test_every_area_has_a_self_massage(area: str) -> None:
    assert any(area in m.areas for m in library().massage)


@pytest.mark.parametrize(
    ("hours", "intensity", "stage"),
    [(10, 3, "early"), (71, 3, "early"), (100, 8, "early"), (100, 4, "settling"),
     (1000, 4, "settling"), (1100, 4, "lasting")],
)
def test_the_stage_follows_the_usual_course(hours: float, intensity: int, stage: str) -> None:
    assert stage_of(parse_intake({**BASE, "onset_hours_ago": hours,
                                  "intensity": intensity})) == stage


def test_movement_covers_every_reported_area_without_counting_the_walk() -> None:
    areas = ["neck", "shoulder", "lower_back", "knee", "ankle_foot", "abdomen", "groin"]
    plan = plan_for(areas=areas)
    stretches = [m for m in plan["movement"] if m["kind"] != "walk"]
    covered = {a for m in stretches for a in m["areas"]}
    assert set(areas) <= covered
    assert len(stretches) <= 10


def test_early_stage_moves_are_all_suited_to_fresh_pain() -> None:
    plan = plan_for(areas=["lower_back", "calf"], onset_hours_ago=20)
    for move in plan["movement"]:
        if move["kind"] != "walk":
            assert "early" in move["stages"], move["id"]


def test_the_walk_progresses_with_the_stage() -> None:
    early = plan_for(onset_hours_ago=10)["movement"][-1]
    lasting = plan_for(onset_hours_ago=2000)["movement"][-1]
    assert early["kind"] == lasting["kind"] == "walk"
    assert "5 to 10 minutes" in early["dose"]
    assert "150 minutes" in lasting["dose"]


def test_short_sleep_is_flagged_with_advice() -> None:
    sleep = plan_for(sleep_hours=4)["sleep"]
    assert sleep["short_sleep"] is True
    assert "at least 7 hours" in sleep["advice"]
    assert plan_for(sleep_hours=8)["sleep"]["short_sleep"] is False


def test_sleep_positions_spare_the_sore_areas() -> None:
    positions = plan_for(areas=["lower_back"])["sleep"]["positions"]
    assert any("pillow between the knees" in p for p in positions)


def test_no_massage_on_a_fresh_injury() -> None:
    plan = plan_for(cause="injury", trauma="minor", onset_hours_ago=24)
    assert plan["massage"] == []
    assert "Wait at least 2 to 3 days" in plan["massage_cautions"][0]


def test_blood_thinners_allow_only_gentle_hand_massage() -> None:
    plan = plan_for(areas=["calf", "front_thigh"], history=["blood_thinners"])
    assert plan["massage"]
    assert {m["tool"] for m in plan["massage"]} == {"hands"}
    assert "blood thinners" in plan["massage_cautions"][0]


def test_massage_technique_covers_each_area_when_safe() -> None:
    plan = plan_for(areas=["calf", "upper_back"])
    covered = {a for m in plan["massage"] for a in m["areas"]}
    assert {"calf", "upper_back"} <= covered


def test_strengthening_is_staged_and_waits_for_the_pain_to_settle() -> None:
    early = plan_for(areas=["lower_back"], onset_hours_ago=10)["physical_therapy"]
    later = plan_for(areas=["lower_back"], onset_hours_ago=200)["physical_therapy"]
    assert [p["number"] for p in early["phases"]] == [1, 2, 3]
    assert all(p["exercises"] for p in early["phases"])
    assert early["start_now"] is False and later["start_now"] is True


def test_a_plan_for_a_clinician_visit_is_marked_interim_and_advises_therapy() -> None:
    intake = parse_intake({**BASE, "areas": ["lower_back"], "onset_hours_ago": 1500})
    assessment = assess(intake)
    assert assessment.level == Level.SEE_CLINICIAN
    assert assessment.plan is not None
    assert assessment.plan["interim"] is True
    assert assessment.plan["physical_therapy"]["advised_now"] is True


def test_the_plan_for_a_fresh_injury_says_to_avoid_heat_and_massage() -> None:
    avoid = plan_for(cause="injury", trauma="minor", onset_hours_ago=5)["avoid"]
    assert any("HARM" in a for a in avoid)


@pytest.mark.parametrize("level", [Level.EMERGENCY, Level.URGENT])
def test_emergency_and_urgent_answers_carry_no_plan(level: Level) -> None:
    symptoms = ["dark_urine"] if level == Level.EMERGENCY else ["fever_or_chills"]
    assessment = assess(parse_intake({**BASE, "symptoms": symptoms}))
    assert assessment.level == level
    assert assessment.plan is None
    assert assessment.as_dict()["plan"] is None
