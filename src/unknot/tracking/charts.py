"""Charts of an episode, drawn as SVG on the server by pygal (no JavaScript, no CDN).

Each chart covers one page of check-ins (the same page as the table beside
it, its text alternative), so drawing it costs the same for a week of history
as for five years. The oldest page starts with the first answers, plotted as
the start, so even one check-in draws a line.

Drawn for the screen it is shown on: 360 units wide, about the width of a
phone's chart (340 px at 390 px), with 16-unit labels, so the text is at least
12 px even on a 300 px wide phone and larger on a desktop. Titles and legends
are HTML beside the picture (tracking/_charts.html), where they follow the
page's own text size; the usual course is a dashed amber line, unlike the pale
grey grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pygal
from pygal.style import Style

from unknot.engine import Intake
from unknot.engine.course import expected_function, expected_pain
from unknot.tracking.models import CheckIn, Episode

# Two weeks a page: enough to see a trend, few enough points to read on a phone,
# and the page costs the same whether the history is a week or five years.
CHECKINS_PER_PAGE = 14
WIDTH, HEIGHT = 360, 250
LABEL_SIZE = 16
YOURS, USUAL, GRID = "#0f766e", "#b45309", "#d5dde0"
DASHED = {"dasharray": "7,5", "width": 3}
# pygal writes its tooltip configuration as an inline script; the chart is shown
# as an image, where scripts never run, so it is dropped rather than shipped.
_SCRIPT = re.compile(rb"<script.*?</script>", re.DOTALL)

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2a30",
    foreground_strong="#1f2a30",
    foreground_subtle=GRID,
    opacity="1",
    opacity_hover="1",
    colors=(YOURS, USUAL),
    font_family="system-ui, sans-serif",
    label_font_size=LABEL_SIZE,
    major_label_font_size=LABEL_SIZE,
    legend_font_size=LABEL_SIZE,
    title_font_size=LABEL_SIZE,
    value_font_size=LABEL_SIZE,
    stroke_width="3",
    # A pale, solid grid: nothing on it may look like the dashed usual course.
    guide_stroke_color=GRID,
    major_guide_stroke_color=GRID,
    guide_stroke_dasharray="0",
    major_guide_stroke_dasharray="0",
)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    usual: bool  # the usual course or a target: dashed amber


@dataclass(frozen=True, slots=True)
class ChartSpec:
    kind: str
    title: str
    description: str
    series: tuple[Series, ...]


CHARTS = {
    "pain": ChartSpec("pain", "Pain, 0 to 10", "Your pain beside the usual course",
                      (Series("Your pain", False), Series("Usual course", True))),
    "function": ChartSpec("function", "Limits on moving and tasks, 0 to 10",
                          "How much the pain limits you, beside the usual course",
                          (Series("Your limits", False), Series("Usual course", True))),
    "sleep": ChartSpec("sleep", "Sleep, hours a night", "Your sleep beside the target",
                       (Series("Your sleep", False), Series("Target", True))),
    "adherence": ChartSpec("adherence", "Plan done, percent of items",
                           "How much of the plan you did each day",
                           (Series("Plan done", False),)),
}


@dataclass(frozen=True, slots=True)
class Point:
    """One day on the charts: a check-in, or the first answers (the start)."""

    day: date
    label: str
    pain: int
    function_limit: int
    sleep_hours: float | None
    adherence: int | None
    days_since_onset: float
    is_start: bool = False


def day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def adherence_percent(checkin: CheckIn) -> int | None:
    if not checkin.plan_total:
        return None
    return round(100 * len(checkin.plan_done) / checkin.plan_total)


def start_point(episode: Episode, intake: Intake) -> Point:
    return Point(episode.started_on, f"Start {day_label(episode.started_on)}", intake.intensity,
                 intake.function_limit, intake.sleep_hours, None, intake.days, is_start=True)


def chart_points(episode: Episode, intake: Intake, checkins: Sequence[CheckIn],
                 with_start: bool) -> list[Point]:
    """Oldest first; the start leads when this page reaches back to the beginning."""
    points = [start_point(episode, intake)] if with_start else []
    points += [Point(c.day, day_label(c.day), c.pain, c.function_limit,
                     None if c.sleep_hours is None else float(c.sleep_hours),
                     adherence_percent(c), intake.days + (c.day - episode.started_on).days)
               for c in checkins]
    return points


def _options(labels: list[str]) -> dict[str, object]:
    return {
        "style": CHART_STYLE, "width": WIDTH, "height": HEIGHT, "js": (),
        "explicit_size": False, "show_legend": False, "margin": 8, "spacing": 10,
        "x_label_rotation": -40, "truncate_label": -1,
        "show_minor_x_labels": len(labels) <= 6,
        "x_labels_major_every": max(1, len(labels) // 4),
    }


def render_chart(kind: str, episode: Episode, intake: Intake, points: Sequence[Point]) -> bytes:
    """The SVG for one chart, from points oldest first (see chart_points)."""
    labels = [p.label for p in points]
    if kind == "adherence":
        bar = pygal.Bar(range=(0, 100), y_labels=[0, 25, 50, 75, 100], **_options(labels))
        bar.x_labels = labels
        bar.add(CHARTS[kind].series[0].label, [p.adherence for p in points])
        return _SCRIPT.sub(b"", bar.render())
    top = 12 if kind == "sleep" else 10
    chart = pygal.Line(show_dots=True, dots_size=4, allow_interruptions=True, range=(0, top),
                       y_labels=list(range(0, top + 1, 2)), **_options(labels))
    chart.x_labels = labels
    yours, usual = CHARTS[kind].series
    if kind == "sleep":
        chart.add(yours.label, [p.sleep_hours for p in points])
        target = episode.review.get("plan") or episode.first_assessment.get("plan") or {}
        low = (target.get("sleep") or {}).get("target_hours", [7, 9])[0]
        chart.add(usual.label, [low] * len(points), stroke_style=DASHED, show_dots=False)
    elif kind == "pain":
        chart.add(yours.label, [p.pain for p in points])
        chart.add(usual.label, [expected_pain(intake, p.days_since_onset) for p in points],
                  stroke_style=DASHED, show_dots=False)
    else:
        chart.add(yours.label, [p.function_limit for p in points])
        chart.add(usual.label, [expected_function(intake, p.days_since_onset) for p in points],
                  stroke_style=DASHED, show_dots=False)
    return _SCRIPT.sub(b"", chart.render())
