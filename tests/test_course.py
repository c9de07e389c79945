"""The course rules: each check-in re-runs the triage with the episode's history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from unknot.engine import parse_intake
from unknot.engine.course import CheckinFacts, expected_pain, review
from unknot.engine.triage import Level

START = date(2026, 3, 2)


def intake(**changes: Any) -> Any:
    data: dict[str, Any] = {"age": 34, "areas": ["calf"], "cause": "overexertion",
                            "onset_hours_ago": 24, "intensity": 5, "trend": "same",
                            "function_limit": 4}
    data.update(changes)
    return parse_intake(data)


def days(*pains: int, symptoms: dict[int, set[str]] | None = None,
         start: int = 1) -> list[CheckinFacts]:
    symptoms = symptoms or {}
    return [CheckinFacts(START + timedelta(days=start + i), pain, 3, 7.0,
                         frozenset(symptoms.get(i, set()))) for i, pain in enumerate(pains)]


CASES = [
    # (what it shows, intake changes, check-ins, level, reason code or None)
    ("soreness easing day by day stays self-care", {}, days(4, 3, 2), Level.SELF_CARE, None),
    ("soreness not easing after a week needs a clinician", {},
     days(5, 5, 5, 5, 5, 5, 5, 5), Level.SEE_CLINICIAN, "soreness_not_easing_in_checkins"),
    ("pain rising at three check-ins in a row needs a clinician", {}, days(6, 7, 8),
     Level.SEE_CLINICIAN, "worsening_over_checkins"),
    ("one bad day is not a worsening trend", {}, days(6, 4, 3), Level.SELF_CARE, None),
    ("back pain not improving by six weeks needs a clinician",
     {"areas": ["lower_back"], "cause": "unknown"}, days(5, start=43),
     Level.SEE_CLINICIAN, "back_pain_not_improving"),
    ("back pain much better at six weeks gets no course finding",
     {"areas": ["lower_back"], "cause": "unknown"}, days(1, start=43),
     Level.SEE_CLINICIAN, "back_pain_past_six_weeks"),
    ("dark urine reported in a check-in is an emergency at once", {},
     days(3, symptoms={0: {"dark_urine"}}), Level.EMERGENCY, "dark_urine"),
    ("a warning sign stays on the record after later check-ins", {},
     days(3, 2, symptoms={0: {"dark_urine"}}), Level.EMERGENCY, None),
]


@pytest.mark.parametrize(("case", "changes", "checkins", "level", "code"), CASES,
                         ids=[c[0] for c in CASES])
def test_course_rules(case: str, changes: dict[str, Any], checkins: list[CheckinFacts],
                      level: Level, code: str | None) -> None:
    result = review(intake(**changes), START, checkins)
    assert result.level == level
    if code is not None:
        assert code in [r["code"] for r in result.reasons]
    if level == Level.SELF_CARE:
        assert result.reasons == ()


def test_new_warning_signs_are_named_as_new() -> None:
    result = review(intake(), START, days(3, symptoms={0: {"dark_urine"}}))
    assert result.new_symptoms == frozenset({"dark_urine"})
    assert result.plan is None


def test_the_plan_moves_to_strengthening_once_pain_settles() -> None:
    early = review(intake(intensity=8), START, [])
    settled = review(intake(intensity=8), START, days(6, 4, 3, 2))
    assert early.plan is not None and settled.plan is not None
    assert early.plan["stage"]["code"] == "early"
    assert settled.plan["stage"]["code"] == "settling"
    assert settled.plan["physical_therapy"]["start_now"] is True


def test_expected_soreness_peaks_then_fades_within_a_week() -> None:
    sore = intake(intensity=6, onset_hours_ago=12)
    assert expected_pain(sore, 1) == 6
    assert expected_pain(sore, 4) < 6
    assert expected_pain(sore, 8) == 0


def test_expected_back_pain_eases_over_six_weeks() -> None:
    back = intake(areas=["lower_back"], cause="unknown", intensity=6)
    assert expected_pain(back, 1) > expected_pain(back, 20) > expected_pain(back, 42) > 0
