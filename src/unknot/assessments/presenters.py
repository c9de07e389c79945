"""Turn an assessment into what the result page shows."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import orjson

from unknot.engine import Assessment
from unknot.engine.labels import (
    AREA_LABELS,
    CAUSE_LABELS,
    HISTORY_LABELS,
    SYMPTOM_LABELS,
    TREND_LABELS,
)


def _hours_text(hours: float) -> str:
    if hours < 48:
        return f"{hours:g} hours ago"
    days = hours / 24
    if days < 21:
        return f"{days:.0f} days ago"
    if days < 90:
        return f"{days / 7:.0f} weeks ago"
    return f"{days / 30:.0f} months ago"


def plan_key(plan: dict[str, Any] | None) -> str:
    """A short fingerprint of a plan: the key of its drawn HTML in the cache.

    Many people get the same plan (the same areas, stage and sleep); drawing it is
    most of a result page's work, so it is drawn once and shared. The plan holds
    no one's answers, only the engine's advice, so sharing it reveals nothing.
    """
    if not plan:
        return ""
    return hashlib.sha256(orjson.dumps(plan, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def verdict_key(data: dict[str, Any]) -> str:
    """A fingerprint of everything the banner and the reasons show: the key of their drawn HTML.

    They are a pure function of the level and the findings (the engine's own words
    and sources, never the person's answers), so people with the same findings
    share one drawn copy; a different finding or wording is a different key.
    """
    shown = (data["level"], data["title"], data["action"], data["reasons"])
    return hashlib.sha256(orjson.dumps(shown, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def present(assessment: Assessment) -> dict[str, Any]:
    data = assessment.as_dict()
    intake = assessment.intake
    summary = [
        ("Where", ", ".join(AREA_LABELS[a] for a in intake.areas)),
        ("Started", _hours_text(intake.onset_hours_ago)),
        ("Cause", CAUSE_LABELS[intake.cause][0]),
        ("Pain now", f"{intake.intensity} out of 10, {TREND_LABELS[intake.trend].lower()}"),
        ("Limits movement and tasks", f"{intake.function_limit} out of 10"),
    ]
    if intake.sleep_hours is not None:
        summary.append(("Sleep", f"{intake.sleep_hours:g} hours a night"))
    if intake.symptoms:
        summary.append(("Reported signs", "; ".join(
            SYMPTOM_LABELS[s] for s in SYMPTOM_LABELS if s in intake.symptoms)))
    if intake.history:
        summary.append(("History", "; ".join(
            HISTORY_LABELS[h] for h in HISTORY_LABELS if h in intake.history)))
    area_names = {code: label for code, label in AREA_LABELS.items()}
    # Findings below the overall level carry their own, milder advice ("see a
    # doctor in the coming days"); shown beside an emergency they would read as
    # a contradiction, so they are set apart as "also noted".
    main_reasons = [r for r in data["reasons"] if r["level"] == data["level"]]
    other_reasons = [r for r in data["reasons"] if r["level"] != data["level"]]
    return {
        "main_reasons": main_reasons,
        "other_reasons": other_reasons,
        "assessment": data,
        "level": data["level"],
        "plan": data["plan"],
        "plan_key": plan_key(data["plan"]),
        "verdict_key": verdict_key(data),
        "summary": summary,
        "area_names": area_names,
        "intake_json": json.dumps(intake.as_dict()),
    }
