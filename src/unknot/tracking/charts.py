"""Charts of an episode, drawn as SVG on the server by pygal (no JavaScript, no CDN).

Each chart covers one page of check-ins (the same page as the table beside
it, its text alternative), so drawing it costs the same for a week of history
as for five years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pygal
from pygal.style import Style

from unknot.engine import Intake
from unknot.engine.course import expected_function, expected_pain
from unknot.tracking.models import CheckIn, Episode

# Two weeks a page: enough to see a trend, few enough points to read on a phone,
# and the page costs the same whether the history is a week or five years.
CHECKINS_PER_PAGE = 14
WIDTH, HEIGHT = 480, 320
DASHED = {"dasharray": "8,6", "width": 3}
# pygal writes its tooltip configuration as an inline script; the chart is shown
# as an image, where scripts never run, so it is dropped rather than shipped.
_SCRIPT = re.compile(rb"<script.*?</script>", re.DOTALL)

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2a30",
    foreground_strong="#1f2a30",
    foreground_subtle="#d5dde0",
    opacity="1",
    opacity_hover="1",
    colors=("#0f6e6e", "#5b6770", "#b5651d"),
    font_family="system-ui, sans-serif",
    # Drawn 480 wide and scaled to fit: big enough type to read on a phone.
    label_font_size=15,
    major_label_font_size=15,
    legend_font_size=16,
    title_font_size=18,
    value_font_size=13,
    stroke_width="3",
)


@dataclass(frozen=True, slots=True)
class ChartSpec:
    kind: str
    title: str
    description: str


CHARTS = {
    "pain": ChartSpec("pain", "Pain, 0 to 10", "Your pain beside the usual course"),
    "function": ChartSpec("function", "Limits on moving and tasks, 0 to 10",
                          "How much the pain limits you, beside the usual course"),
    "sleep": ChartSpec("sleep", "Sleep, hours a night", "Your sleep beside the target"),
    "adherence": ChartSpec("adherence", "Plan done, percent of items",
                           "How much of the plan you did each day"),
}


def day_label(checkin: CheckIn) -> str:
    return checkin.day.strftime("%d %b")


def adherence_percent(checkin: CheckIn) -> int | None:
    if not checkin.plan_total:
        return None
    return round(100 * len(checkin.plan_done) / checkin.plan_total)


def _base(spec: ChartSpec, labels: list[str], low: float, high: float) -> pygal.Line:
    chart = pygal.Line(
        style=CHART_STYLE, width=WIDTH, height=HEIGHT, js=(), explicit_size=False,
        show_dots=True, dots_size=4, range=(low, high), min_scale=4, max_scale=10,
        x_label_rotation=-45, show_minor_x_labels=len(labels) <= 10,
        x_labels_major_every=max(1, len(labels) // 4), truncate_label=-1,
        legend_at_bottom=True, legend_at_bottom_columns=1, print_values=False,
        allow_interruptions=True, margin=12, spacing=14,
    )
    chart.title = spec.title
    chart.x_labels = labels
    return chart


def render_chart(kind: str, episode: Episode, intake: Intake,
                 checkins: Sequence[CheckIn]) -> bytes:
    """The SVG for one chart; check-ins come oldest first."""
    spec = CHARTS[kind]
    labels = [day_label(c) for c in checkins]
    if kind == "adherence":
        bar = pygal.Bar(style=CHART_STYLE, width=WIDTH, height=HEIGHT, js=(), range=(0, 100),
                        x_label_rotation=-45, show_legend=False, margin=12,
                        show_minor_x_labels=len(labels) <= 10,
                        x_labels_major_every=max(1, len(labels) // 4), truncate_label=-1)
        bar.title = spec.title
        bar.x_labels = labels
        bar.add("Plan done (%)", [adherence_percent(c) for c in checkins])
        return _SCRIPT.sub(b"", bar.render())
    onset = [intake.days + (c.day - episode.started_on).days for c in checkins]
    if kind == "sleep":
        chart = _base(spec, labels, 0, 12)
        chart.add("Your sleep", [None if c.sleep_hours is None else float(c.sleep_hours)
                                 for c in checkins])
        target = (episode.review.get("plan") or episode.first_assessment.get("plan") or {})
        low = (target.get("sleep") or {}).get("target_hours", [7, 9])[0]
        chart.add(f"Target ({low} hours or more)", [low] * len(checkins),
                  stroke_style=DASHED, show_dots=False)
        return _SCRIPT.sub(b"", chart.render())
    chart = _base(spec, labels, 0, 10)
    if kind == "pain":
        chart.add("Your pain", [c.pain for c in checkins])
        chart.add("Usual course", [expected_pain(intake, d) for d in onset],
                  stroke_style=DASHED, show_dots=False)
    else:
        chart.add("Your limits", [c.function_limit for c in checkins])
        chart.add("Usual course", [expected_function(intake, d) for d in onset],
                  stroke_style=DASHED, show_dots=False)
    return _SCRIPT.sub(b"", chart.render())
