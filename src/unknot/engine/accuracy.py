"""How often the triage reaches the level clinicians expect, on the cases shipped with it.

Plain Python, no Django. The case files in `cases/` are the product's public
reference cases and the sets written blind by reviewers who never saw the
rules; each line is `{"id", "story", "intake", "expect"}`, where `expect` is
`{"level": ...}` (with `accept` listing every defensible level, if more than
one) or `{"error": true}` for an intake that must be refused.

The figures are worked out by running the engine on every case, never typed
in, and kept for the life of the process: a few hundred assessments take a
few milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from unknot.engine.intake import IntakeError, parse_intake
from unknot.engine.triage import triage

LEVELS = ("self_care", "see_clinician", "urgent", "emergency")
REFUSED = "error"


@dataclass(frozen=True, slots=True)
class CaseSet:
    slug: str
    title: str
    filename: str
    description: str


CASE_SETS: tuple[CaseSet, ...] = (
    CaseSet("public", "Public reference cases", "public_vignettes.jsonl",
            "The product's own examples, published with the intake contract."),
    CaseSet("review-1", "First blind review", "review_cases.jsonl",
            "Written by a clinical reviewer who never saw the rules."),
    CaseSet("review-2", "Second blind review", "review_cases_2.jsonl",
            "Written later by a second reviewer, to catch the engine out."),
    CaseSet("review-3", "Third blind review", "review_cases_3.jsonl",
            "Written by two more reviewers, working apart, who never saw the rules, across all "
            "18 body areas, ages 16 to 95, and the same complaints at hours, days, weeks and "
            "months."),
)


def case_file_text(case_set: CaseSet) -> str:
    return resources.files("unknot.engine").joinpath("cases", case_set.filename).read_text(
        "utf-8"
    )


def load_cases(case_set: CaseSet) -> list[dict[str, Any]]:
    return [json.loads(line) for line in case_file_text(case_set).splitlines() if line.strip()]


def accepted_levels(case: Mapping[str, Any]) -> tuple[str, ...]:
    expect = case["expect"]
    if expect.get("error"):
        return (REFUSED,)
    return tuple(expect.get("accept", [expect["level"]]))


def expected_level(case: Mapping[str, Any]) -> str:
    expect = case["expect"]
    return REFUSED if expect.get("error") else str(expect["level"])


@dataclass(frozen=True, slots=True)
class Outcome:
    """One case: what was expected, what the engine answered, and how they compare."""

    case_id: str
    expected: str
    accepted: tuple[str, ...]
    answered: str

    @property
    def verdict(self) -> str:
        if self.answered in self.accepted:
            return "exact"
        if REFUSED in (self.answered, *self.accepted):
            # an intake refused that should have been assessed, or the reverse
            return "wrong_refusal"
        # Under-triage is anything below the lowest accepted level.
        lowest = min(LEVELS.index(level) for level in self.accepted)
        return "under" if LEVELS.index(self.answered) < lowest else "over"


# Decoded intake in, level code out; raises IntakeError for input to refuse.
Assessor = Callable[[object], str]


def triage_level(data: object) -> str:
    """The level the assessment answers (the same rules, without building its plan)."""
    return triage(parse_intake(data)).level.code


def judge(cases: Iterable[Mapping[str, Any]], assess: Assessor) -> list[Outcome]:
    outcomes = []
    for case in cases:
        try:
            answered = assess(case["intake"])
        except IntakeError:
            answered = REFUSED
        outcomes.append(Outcome(str(case["id"]), expected_level(case), accepted_levels(case),
                                answered))
    return outcomes


@dataclass(frozen=True, slots=True)
class Tally:
    cases: int = 0
    exact: int = 0
    under: int = 0
    over: int = 0
    wrong_refusal: int = 0

    def add(self, outcome: Outcome) -> Tally:
        verdict = outcome.verdict
        return Tally(
            cases=self.cases + 1,
            exact=self.exact + (verdict == "exact"),
            under=self.under + (verdict == "under"),
            over=self.over + (verdict == "over"),
            wrong_refusal=self.wrong_refusal + (verdict == "wrong_refusal"),
        )

    @property
    def exact_percent(self) -> float:
        return round(100 * self.exact / self.cases, 1) if self.cases else 0.0


def tally(outcomes: Iterable[Outcome]) -> Tally:
    total = Tally()
    for outcome in outcomes:
        total = total.add(outcome)
    return total


@dataclass(frozen=True, slots=True)
class SetAccuracy:
    case_set: CaseSet
    total: Tally
    by_expected: tuple[tuple[str, Tally], ...]
    outcomes: tuple[Outcome, ...]
    # Cases whose accepted levels the engineers widened beyond the reviewer's,
    # each with its reason in the case file ("widened").
    widened: int


@dataclass(frozen=True, slots=True)
class Accuracy:
    sets: tuple[SetAccuracy, ...]
    total: Tally
    by_expected: tuple[tuple[str, Tally], ...]

    @property
    def widened(self) -> int:
        return sum(s.widened for s in self.sets)

    @property
    def blind_cases(self) -> int:
        return sum(s.total.cases for s in self.sets if s.case_set.slug != "public")

    @property
    def misses(self) -> tuple[Outcome, ...]:
        return tuple(o for s in self.sets for o in s.outcomes if o.verdict != "exact")


def by_expected(outcomes: Sequence[Outcome]) -> tuple[tuple[str, Tally], ...]:
    # Most serious first, as on the result page; refused intakes last.
    order = (*reversed(LEVELS), REFUSED)
    return tuple(
        (level, tally(o for o in outcomes if o.expected == level))
        for level in order
        if any(o.expected == level for o in outcomes)
    )


def measure(case_sets: Sequence[CaseSet], assess: Assessor) -> Accuracy:
    sets = []
    for case_set in case_sets:
        cases = load_cases(case_set)
        outcomes = tuple(judge(cases, assess))
        widened = sum(1 for c in cases if c["expect"].get("widened"))
        sets.append(SetAccuracy(case_set, tally(outcomes), by_expected(outcomes), outcomes,
                                widened))
    everything = [o for s in sets for o in s.outcomes]
    return Accuracy(tuple(sets), tally(everything), by_expected(everything))


@cache
def published_accuracy() -> Accuracy:
    """The figures shown on "How Unknot decides", worked out once per process."""
    return measure(CASE_SETS, triage_level)


def case_set(slug: str) -> CaseSet | None:
    return next((s for s in CASE_SETS if s.slug == slug), None)
