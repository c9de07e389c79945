"""The PSFS chart: the average of the person's activities at each weekly rating, beside the
line it has to cross for a change that matters. Drawn like the other charts (pygal, SVG,
no JavaScript), with the figures in a table beside it on the page."""

from __future__ import annotations

import pygal

from unknot.engine.outcomes import PSFS_MCID_MEAN
from unknot.tracking.charts import _SCRIPT, CHART_STYLE, DASHED, HEIGHT, WIDTH
from unknot.tracking.psfs import PsfsSummary

TITLE = "Everyday activities, average 0 to 10"
DESCRIPTION = ("The average of the activities you named at each weekly rating, beside the "
               "level it must reach for a change that matters")


def render_psfs_chart(summary: PsfsSummary) -> bytes:
    labels = [day.strftime("%d %b") for day in summary.days]
    chart = pygal.Line(
        style=CHART_STYLE, width=WIDTH, height=HEIGHT, js=(), explicit_size=False,
        show_dots=True, dots_size=5, range=(0, 10), min_scale=5, max_scale=10,
        x_label_rotation=-45, truncate_label=-1, legend_at_bottom=True,
        legend_at_bottom_columns=1, margin=12, spacing=14,
    )
    chart.title = TITLE
    chart.x_labels = labels
    chart.add("Your average", summary.means)
    if summary.means:
        # Higher is better on the PSFS: the line to cross is the start plus 2 points.
        target = min(10.0, summary.means[0] + PSFS_MCID_MEAN)
        chart.add(f"Start + {PSFS_MCID_MEAN:g}: a change that matters", [target] * len(labels),
                  stroke_style=DASHED, show_dots=False)
    return _SCRIPT.sub(b"", chart.render())
