"""What helped, in the engine: synthetic histories whose answer is known."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from unknot.engine.what_helped import (
    ANALYSIS_DAYS,
    CAVEAT,
    MIN_DAYS,
    Day,
    WhatHelped,
    what_helped,
)

START = date(2026, 1, 1)
ITEMS = {"walk": "Easy walk", "stretch": "Knee to chest", "ball": "Massage ball",
         "roller": "Foam roller", "sleep": "Slept 7 to 9 hours"}
MASSAGE = frozenset({"ball", "roller"})


def history(days: int, done: Callable[[int], frozenset[str]],
            next_pain: Callable[[int, int, frozenset[str]], int],
            sleep: Callable[[int], float | None] = lambda i: None, pain: int = 6) -> list[Day]:
    """A history built day by day: what was done, and how pain moved to the next day."""
    out = []
    for i in range(days):
        today = done(i)
        out.append(Day(START + timedelta(days=i), pain, sleep(i), today))
        pain = max(0, min(10, next_pain(i, pain, today)))
    return out


def analyse(days: list[Day]) -> WhatHelped:
    return what_helped(days, ITEMS, MASSAGE, sleep_target=7)


def every_other_day(item: str) -> Callable[[int], frozenset[str]]:
    return lambda i: frozenset({item}) if i % 2 == 0 else frozenset()


def test_an_item_followed_by_lower_pain_every_time_is_reported_with_its_numbers() -> None:
    # Pain falls a point the day after the walk and comes back a point otherwise.
    days = history(20, every_other_day("walk"),
                   lambda i, pain, done: pain - 1 if "walk" in done else pain + 1)
    result = analyse(days)
    assert [f.key for f in result.findings] == ["item:walk"]
    finding = result.findings[0]
    assert finding.direction == "lower"
    assert (finding.days_with, finding.days_without) == (10, 9)
    assert (finding.change_with, finding.change_without) == (-1.0, 1.0)
    assert finding.headline == "Days you did “Easy walk” went with lower pain the next day"
    assert finding.numbers == ("After the 10 days you did it, your pain fell by 1.0 points on "
                               "average by the next day; after the 9 days you did not, it rose "
                               "by 1.0 points on average.")


def test_nothing_is_said_with_fewer_than_a_week_of_days_with_and_without() -> None:
    days = history(2 * MIN_DAYS - 1, every_other_day("walk"),
                   lambda i, pain, done: pain - 1 if "walk" in done else pain + 1)
    result = analyse(days)
    assert result.findings == () and result.unclear == ()
    assert not result.anything_to_say


def test_an_item_with_no_bearing_on_pain_is_listed_as_no_clear_difference() -> None:
    # Pain eases by half a point a day on average whatever is done.
    days = history(30, every_other_day("stretch"),
                   lambda i, pain, done: pain - (1 if i % 4 in (0, 1) else 0), pain=9)
    result = analyse(days)
    assert result.findings == ()
    assert [c.key for c in result.unclear] == ["item:stretch"]


def test_an_item_that_goes_with_higher_pain_is_said_so_plainly() -> None:
    days = history(20, every_other_day("stretch"),
                   lambda i, pain, done: pain + 1 if "stretch" in done else pain - 1)
    finding = analyse(days).findings[0]
    assert finding.direction == "higher"
    assert "went with higher pain the next day" in finding.headline


def test_any_self_massage_counts_as_a_massage_day() -> None:
    # Ball and roller take turns on massage days; each alone has too few days to say anything.
    def done(i: int) -> frozenset[str]:
        if i % 2:
            return frozenset()
        return frozenset({"ball"}) if i % 4 == 0 else frozenset({"roller"})

    days = history(20, done, lambda i, pain, today: pain - 1 if today else pain + 1)
    result = analyse(days)
    assert [f.key for f in result.findings] == ["massage"]
    assert result.findings[0].headline == (
        "Days you did self-massage went with lower pain the next day")


def test_long_nights_followed_by_lower_pain_are_reported_for_sleep() -> None:
    # The night before a check-in is reported at it; long nights bring pain down.
    def sleep(i: int) -> float:
        return 8.0 if i % 2 else 5.5

    days = history(20, lambda i: frozenset(),
                   lambda i, pain, done: pain - 1 if sleep(i + 1) >= 7 else pain + 1,
                   sleep=sleep)
    result = analyse(days)
    assert [f.key for f in result.findings] == ["sleep"]
    assert result.findings[0].headline == (
        "Nights of 7 hours of sleep or more went with lower pain the next day")
    assert "after the 9 shorter nights" in result.findings[0].numbers


def test_days_before_an_item_was_first_done_do_not_count_as_not_done() -> None:
    # Ten days before the walk joined the plan, then twenty days of walking every other day.
    def done(i: int) -> frozenset[str]:
        return frozenset({"walk"}) if i >= 10 and i % 2 == 0 else frozenset()

    days = history(30, done, lambda i, pain, today: pain - 1 if today else pain + 1)
    finding = analyse(days).findings[0]
    assert (finding.days_with, finding.days_without) == (10, 9)


def test_only_next_day_pairs_count_so_a_gap_in_check_ins_is_skipped() -> None:
    days = history(20, every_other_day("walk"),
                   lambda i, pain, done: pain - 1 if "walk" in done else pain + 1)
    without_day_5 = [d for d in days if d.day != START + timedelta(days=5)]
    finding = analyse(without_day_5).findings[0]
    # Day 4 (walked) and day 5 (did not) both lose their next-day pair.
    assert (finding.days_with, finding.days_without) == (9, 8)


def test_the_sleep_plan_item_is_left_to_the_sleep_comparison() -> None:
    days = history(20, every_other_day("sleep"),
                   lambda i, pain, done: pain - 1 if done else pain + 1)
    assert "item:sleep" not in {c.key for c in (*analyse(days).findings,
                                                *analyse(days).unclear)}


def test_only_the_latest_quarter_of_check_ins_is_looked_at() -> None:
    # A strong pattern long ago, none in the latest 90 days.
    def next_pain(i: int, pain: int, done: frozenset[str]) -> int:
        if i < 100:
            return pain - 1 if done else pain + 1
        return pain

    days = history(100 + ANALYSIS_DAYS, every_other_day("walk"), next_pain, pain=5)
    result = analyse(days)
    assert result.days_looked_at == ANALYSIS_DAYS
    assert result.findings == ()


def test_the_words_never_claim_that_something_caused_the_change() -> None:
    days = history(20, every_other_day("walk"),
                   lambda i, pain, done: pain - 1 if "walk" in done else pain + 1)
    finding = analyse(days).findings[0]
    words = f"{finding.headline} {finding.numbers}".lower()
    for claim in ("helped", "because", "caused", "works", "reduces", "improves"):
        assert claim not in words
    assert "not proof" in CAVEAT


def test_random_histories_with_no_real_effect_rarely_show_any_pattern() -> None:
    # Pain eases with day-to-day noise; four items, massage and sleep are done at random.
    rng = random.Random(11)
    histories = 200
    false_findings = 0
    for n in range(histories):
        length = 21 + n % 70
        days = []
        for i in range(length):
            done = frozenset(item for item in ("walk", "stretch", "ball", "roller")
                             if rng.random() < 0.5)
            level = 7 * 0.97 ** i + rng.gauss(0, 1)
            days.append(Day(START + timedelta(days=i), max(0, min(10, round(level))),
                            rng.choice((5.5, 6.0, 6.5, 7.0, 7.5, 8.0)), done))
        false_findings += bool(analyse(days).findings)
    assert false_findings / histories <= 0.06


@pytest.mark.parametrize("days", [0, 1, 5])
def test_a_history_too_short_to_pair_says_nothing(days: int) -> None:
    result = analyse(history(days, every_other_day("walk"), lambda i, pain, done: pain))
    assert not result.anything_to_say
