"""Outcome measures in the engine: pain and PSFS against the change that matters."""

from __future__ import annotations

from datetime import date

import pytest

from unknot.engine.outcomes import (
    activity_verdict,
    pain_change,
    psfs_change,
    psfs_due,
)


@pytest.mark.parametrize(("start", "now", "verdict"), [
    (6, 4, "better"),  # 2 points
    (3, 2, "better"),  # a third of the starting pain
    (5, 4, "no_change_yet"),  # one point, 20%
    (5, 5, "no_change_yet"),
    (4, 6, "worse"),  # 2 points up
    (0, 1, "worse"),  # from no pain at all
    (10, 0, "better"),
])
def test_pain_counts_2_points_or_30_percent_as_a_change_that_matters(
        start: int, now: int, verdict: str) -> None:
    assert pain_change(start, now).verdict == verdict


def test_the_pain_summary_gives_the_numbers_and_names_the_threshold() -> None:
    assert pain_change(5, 4).summary == (
        "Pain: 5 at the start, 4 now (down 1 point). Not yet the change that matters "
        "(2 points, or 30% of the starting pain).")
    assert pain_change(6, 3).summary == (
        "Pain: 6 at the start, 3 now (down 3 points). That is a change that matters: better.")
    sources = pain_change(6, 3).as_dict()["sources"]
    assert [s["source"] for s in sources] == ["Farrar et al. 2001", "Ostelo et al. 2008"]


@pytest.mark.parametrize(("start", "now", "verdict"), [
    ((3, 4, 2), (5, 6, 4), "better"),  # average up 2
    ((5, 5, 5), (6, 6, 6), "no_change_yet"),
    ((6, 7, 8, 5), (4, 5, 6, 3), "worse"),
    ((2, 2, 2, 2, 2), (3, 4, 3, 4, 3), "no_change_yet"),  # up 1.4
])
def test_psfs_counts_2_points_on_the_average_as_a_change_that_matters(
        start: tuple[int, ...], now: tuple[int, ...], verdict: str) -> None:
    assert psfs_change(start, now).verdict == verdict


def test_one_activity_needs_3_points_to_stand_out_from_measurement_error() -> None:
    assert activity_verdict(2, 5) == "better"
    assert activity_verdict(2, 4) == "no_change_yet"
    assert activity_verdict(8, 5) == "worse"


def test_the_psfs_is_due_at_the_start_and_then_weekly() -> None:
    today = date(2026, 3, 10)
    assert psfs_due(None, today)
    assert not psfs_due(date(2026, 3, 4), today)
    assert psfs_due(date(2026, 3, 3), today)
