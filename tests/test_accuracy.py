"""The published accuracy: worked out from the shipped case files, shown and downloadable."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from unknot.engine import assess_data
from unknot.engine.accuracy import (
    CASE_SETS,
    REFUSED,
    Outcome,
    case_file_text,
    judge,
    load_cases,
    measure,
    published_accuracy,
    tally,
    triage_level,
)
from unknot.engine.intake import IntakeError


def case(case_id: str, expect: dict[str, Any]) -> dict[str, Any]:
    return {"id": case_id, "story": "", "intake": {"case": case_id}, "expect": expect}


def answers(levels: dict[str, str]) -> Any:
    def assess(intake: object) -> str:
        level = levels[intake["case"]]  # type: ignore[index]
        if level == REFUSED:
            raise IntakeError([])
        return level

    return assess


def test_under_and_over_triage_are_counted_against_the_accepted_levels() -> None:
    cases = [
        case("right", {"level": "urgent"}),
        case("either", {"level": "self_care", "accept": ["self_care", "see_clinician"]}),
        case("under", {"level": "urgent", "accept": ["urgent", "emergency"]}),
        case("over", {"level": "see_clinician"}),
        case("refused", {"error": True}),
        case("not refused", {"error": True}),
    ]
    outcomes = judge(cases, answers({
        "right": "urgent", "either": "see_clinician", "under": "see_clinician",
        "over": "emergency", "refused": REFUSED, "not refused": "self_care",
    }))
    assert [o.verdict for o in outcomes] == [
        "exact", "exact", "under", "over", "exact", "wrong_refusal",
    ]
    counts = tally(outcomes)
    assert (counts.cases, counts.exact, counts.under, counts.over, counts.wrong_refusal) == (
        6, 3, 1, 1, 1)
    assert counts.exact_percent == 50.0


def test_under_triage_means_below_the_lowest_accepted_level() -> None:
    outcome = Outcome("x", "urgent", ("see_clinician", "urgent"), "self_care")
    assert outcome.verdict == "under"
    assert Outcome("x", "urgent", ("see_clinician", "urgent"), "emergency").verdict == "over"


def test_the_page_reads_the_level_the_real_assessment_gives_for_every_case() -> None:
    for case_set in CASE_SETS:
        for item in load_cases(case_set):
            if item["expect"].get("error"):
                with pytest.raises(IntakeError):
                    triage_level(item["intake"])
            else:
                assert triage_level(item["intake"]) == assess_data(item["intake"])["level"]


def test_the_published_figures_come_from_the_shipped_case_files() -> None:
    published = published_accuracy()
    lines = {s.slug: sum(1 for line in case_file_text(s).splitlines() if line.strip())
             for s in CASE_SETS}
    assert {s.case_set.slug: s.total.cases for s in published.sets} == lines
    assert published.total.cases == sum(lines.values())
    assert published.total.under == 0
    assert published.blind_cases == published.total.cases - lines["public"]
    # Every expected level is counted once, and the levels add up to the whole.
    assert sum(t.cases for _, t in published.by_expected) == published.total.cases
    # Worked out, not typed in: an engine that always says self-care scores otherwise.
    careless = measure(CASE_SETS, lambda _: "self_care")
    assert careless.total.under > 0 and careless.total.exact < published.total.exact


def test_the_figures_are_worked_out_once_per_process() -> None:
    assert published_accuracy() is published_accuracy()


def test_every_widened_expectation_says_why() -> None:
    for case_set in CASE_SETS:
        for item in load_cases(case_set):
            reason = item["expect"].get("widened")
            if reason is not None:
                assert len(reason) > 40 and ("NICE" in reason or "guideline" in reason)


def test_the_case_sets_have_unique_ids() -> None:
    ids = [item["id"] for s in CASE_SETS for item in load_cases(s)]
    assert len(ids) == len(set(ids))


def test_how_it_decides_shows_the_computed_figures_and_links_every_case_file(
    client: Client,
) -> None:
    published = published_accuracy()
    # No database fixture: the page reads nothing from the database, and any
    # query would fail this test.
    page = client.get("/about/").content.decode()
    assert f"{published.total.exact} of {published.total.cases}" in page
    for figures in published.sets:
        assert f"{figures.case_set.title}: {figures.total.cases} cases" in page
        assert f'href="/about/cases/{figures.case_set.slug}.jsonl"' in page


@pytest.mark.parametrize("case_set", CASE_SETS, ids=[s.slug for s in CASE_SETS])
def test_each_case_set_downloads_as_shipped(client: Client, case_set: Any) -> None:
    response = client.get(f"/about/cases/{case_set.slug}.jsonl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/jsonl")
    assert case_set.filename in response["Content-Disposition"]
    body = response.content.decode()
    assert body == case_file_text(case_set)
    assert all(json.loads(line)["intake"] for line in body.splitlines() if line.strip())


def test_an_unknown_case_set_is_not_found(client: Client) -> None:
    assert client.get("/about/cases/review-9.jsonl").status_code == 404
