"""The course of an episode: each daily check-in re-runs the triage with the history.

Plain Python, no Django. The episode's first intake plus its check-ins (oldest
first) go in; a review comes out: the level, every reason with its source, the
plan for the stage the person is in now, and the expected course to chart
beside their own.

The existing triage rules are re-used unchanged on an intake brought up to
date by the latest check-in (days since onset, pain, function, sleep, every
warning sign reported so far, and a trend worked out from the history). The
rules below add what only a history can show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Any

from unknot.engine import LEVEL_TEXT
from unknot.engine.intake import SPINAL_AREAS, Intake
from unknot.engine.plan import relief_plan
from unknot.engine.triage import sources as src
from unknot.engine.triage import triage
from unknot.engine.triage.base import Level, Source

# Delayed-onset muscle soreness peaks at 24-72 hours and is mostly gone within
# 5-7 days (Cheung, Hume & Maxwell 2003).
SORENESS_PEAK_DAYS = 2
SORENESS_USUAL_DAYS = 7
# Most acute back pain improves substantially within six weeks (NICE NG59/CKS);
# a fall of under 30% in pain is not a clinically important improvement
# (Ostelo et al. 2008, Spine: minimal important change in back pain).
BACK_PAIN_USUAL_DAYS = 6 * 7
IMPORTANT_IMPROVEMENT = 0.3
# Three check-ins in a row each worse than the one before is a trend, not a bad day.
WORSENING_RUN = 3
# Pain moving by two points or more over a few days is a real change
# (Farrar et al. 2001: minimal clinically important difference on a 0-10 scale).
TREND_POINTS = 2
TREND_WINDOW = 3


@dataclass(frozen=True, slots=True)
class CheckinFacts:
    day: date
    pain: int
    function_limit: int
    sleep_hours: float | None = None
    symptoms: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    level: Level
    message: str
    source: Source

    def reason(self) -> dict[str, str]:
        return {
            "code": self.code,
            "level": self.level.code,
            "message": self.message,
            "source": self.source.short,
            "source_url": self.source.url,
        }


@dataclass(frozen=True, slots=True)
class Course:
    """What the rules below look at: the first intake, its start day and the check-ins."""

    intake: Intake
    started: date
    checkins: tuple[CheckinFacts, ...]

    def days_since_onset(self, day: date) -> float:
        return self.intake.days + (day - self.started).days

    @property
    def latest(self) -> CheckinFacts | None:
        return self.checkins[-1] if self.checkins else None

    @property
    def spinal(self) -> bool:
        return not self.intake.area_set.isdisjoint(SPINAL_AREAS)


@dataclass(frozen=True, slots=True)
class CourseRule:
    code: str
    level: Level
    message: str
    source: Source
    applies: Callable[[Course], bool]


def course_rule(code: str, source: Source, message: str) -> Callable[
    [Callable[[Course], bool]], CourseRule
]:
    def make(applies: Callable[[Course], bool]) -> CourseRule:
        return CourseRule(code, Level.SEE_CLINICIAN, " ".join(message.split()), source, applies)

    return make


@course_rule(
    "soreness_not_easing_in_checkins", src.DOMS,
    """Muscle soreness usually fades within a week. Your check-ins show it has not eased
    after more than a week, so a doctor or physical therapist should look for a strain or
    another cause.""",
)
def soreness_not_easing_in_checkins(course: Course) -> bool:
    latest = course.latest
    if latest is None or course.intake.cause != "overexertion" or course.spinal:
        return False
    return (
        course.days_since_onset(latest.day) > SORENESS_USUAL_DAYS
        and latest.pain > 0
        and latest.pain >= course.intake.intensity - 1
    )


@course_rule(
    "back_pain_not_improving", src.NG59,
    """Most back pain is clearly better by six weeks. Your check-ins show yours has not
    improved much since you started tracking, so a doctor or physical therapist should
    assess it and plan treatment with you.""",
)
def back_pain_not_improving(course: Course) -> bool:
    latest = course.latest
    if latest is None or not course.spinal:
        return False
    first = course.intake.intensity
    return (
        course.days_since_onset(latest.day) > BACK_PAIN_USUAL_DAYS
        and latest.pain > first * (1 - IMPORTANT_IMPROVEMENT)
    )


@course_rule(
    "worsening_over_checkins", src.NG59,
    """Your pain has got worse at each of your last three check-ins. Pain that keeps
    getting worse despite looking after it is not the usual course: a doctor or physical
    therapist should examine it.""",
)
def worsening_over_checkins(course: Course) -> bool:
    if len(course.checkins) < WORSENING_RUN:
        return False
    # The first report counts as the starting point of the run.
    pains = [course.intake.intensity, *(c.pain for c in course.checkins)][-WORSENING_RUN - 1:]
    return all(later > earlier for earlier, later in pairwise(pains))


COURSE_RULES: tuple[CourseRule, ...] = (
    soreness_not_easing_in_checkins,
    back_pain_not_improving,
    worsening_over_checkins,
)


def trend_of(course: Course) -> str:
    """Better, same or worse: the latest pain against a few check-ins earlier."""
    latest = course.latest
    if latest is None:
        return course.intake.trend
    earlier = course.checkins[-TREND_WINDOW - 1].pain if len(course.checkins) > TREND_WINDOW \
        else course.intake.intensity
    change = latest.pain - earlier
    if change >= TREND_POINTS:
        return "worse"
    if change <= -TREND_POINTS:
        return "better"
    return "same"


def current_intake(course: Course) -> Intake:
    """The first intake brought up to date by the check-ins."""
    latest = course.latest
    if latest is None:
        return course.intake
    # A warning sign stays on the record once reported: the safe reading of a
    # sign that has since gone quiet is that it still needs to be seen to.
    seen = frozenset().union(*(c.symptoms for c in course.checkins))
    sleep = latest.sleep_hours if latest.sleep_hours is not None else course.intake.sleep_hours
    return replace(
        course.intake,
        onset_hours_ago=course.days_since_onset(latest.day) * 24,
        intensity=latest.pain,
        function_limit=latest.function_limit,
        sleep_hours=sleep,
        trend=trend_of(course),
        symptoms=course.intake.symptoms | seen,
    )


@dataclass(frozen=True, slots=True)
class Review:
    level: Level
    reasons: tuple[dict[str, str], ...]
    plan: dict[str, Any] | None
    new_symptoms: frozenset[str]

    def as_dict(self) -> dict[str, Any]:
        title, action = LEVEL_TEXT[self.level]
        return {
            "level": self.level.code,
            "title": title,
            "action": action,
            "reasons": list(self.reasons),
            "plan": self.plan,
            "new_symptoms": sorted(self.new_symptoms),
        }


def review(intake: Intake, started: date, checkins: Sequence[CheckinFacts]) -> Review:
    course = Course(intake, started, tuple(sorted(checkins, key=lambda c: c.day)))
    now = current_intake(course)
    result = triage(now)
    findings = [r.reason() for r in result.findings]
    levels = [result.level]
    known = {f["code"] for f in findings}
    for course_finding in COURSE_RULES:
        if course_finding.applies(course) and course_finding.code not in known:
            finding = Finding(course_finding.code, course_finding.level, course_finding.message,
                              course_finding.source)
            findings.append(finding.reason())
            levels.append(finding.level)
    level = max(levels)
    findings.sort(key=lambda f: -Level.from_code(f["level"]))
    plan = relief_plan(now, level) if level <= Level.SEE_CLINICIAN else None
    latest = course.latest
    new = (latest.symptoms - intake.symptoms) if latest else frozenset()
    return Review(level=level, reasons=tuple(findings), plan=plan, new_symptoms=new)


def expected_pain(intake: Intake, days_since_onset: float) -> float:
    """The usual course of pain on a 0-10 scale, starting from the first report.

    Soreness after effort rises to a peak at one to three days and is mostly gone
    by a week (Cheung 2003); other pain eases steadily, most of it settled by six
    weeks (NICE NG59). This is a guide drawn beside a person's own line, not a target.
    """
    start = intake.intensity
    onset = intake.days
    if intake.cause == "overexertion" and not intake.spinal:
        if days_since_onset <= SORENESS_PEAK_DAYS:
            return float(start)
        span = max(SORENESS_USUAL_DAYS - max(onset, SORENESS_PEAK_DAYS), 1.0)
        gone = (days_since_onset - max(onset, SORENESS_PEAK_DAYS)) / span
        return round(max(0.0, start * (1 - gone)), 1)
    span = max(BACK_PAIN_USUAL_DAYS - onset, 7.0)
    eased = min(1.0, max(0.0, days_since_onset - onset) / span)
    # Most of the easing comes early; a fifth of the starting pain may linger.
    return round(start * (1 - 0.8 * float(eased ** 0.6)), 1)


def expected_function(intake: Intake, days_since_onset: float) -> float:
    if intake.intensity == 0:
        return 0.0
    ratio = expected_pain(intake, days_since_onset) / intake.intensity
    return round(intake.function_limit * ratio, 1)
