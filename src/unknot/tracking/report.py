"""The clinician report: one episode as a PDF a person can hand to a physical therapist.

Drawn with reportlab, a pure-Python PDF library: no system libraries (WeasyPrint
needs pango and cairo), so it runs wherever Unknot runs.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from reportlab.graphics.charts.legends import LineLegend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from unknot.assessments.presenters import present
from unknot.engine import assess, parse_intake
from unknot.engine.course import expected_function, expected_pain
from unknot.engine.labels import LEVEL_LABELS, SYMPTOM_LABELS
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.report_outcomes import outcomes_story
from unknot.tracking.services import plan_items

# The table keeps to the latest quarter so the report stays a few pages long;
# the full history is in the person's export.
TABLE_DAYS = 90
TEAL = colors.HexColor("#0f6e6e")
GREY = colors.HexColor("#5b6770")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": base["Title"],
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=TEAL, spaceBefore=8),
        "body": base["BodyText"],
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8, leading=10,
                                textColor=GREY),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _reasons(reasons: list[dict[str, str]], style: ParagraphStyle) -> list[Paragraph]:
    if not reasons:
        return [Paragraph("No warning signs or reasons for concern were found.", style)]
    return [Paragraph(f"• <b>{_escape(LEVEL_LABELS.get(r['level'], r['level']))}</b>: "
                      f"{_escape(r['message'])} <i>({_escape(r['source'])})</i>", style)
            for r in reasons]


def _chart(episode: Episode, checkins: list[CheckIn]) -> Drawing:
    intake = parse_intake(episode.intake)
    days = [(c.day - episode.started_on).days for c in checkins]
    onset = intake.days
    drawing = Drawing(170 * mm, 70 * mm)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 12 * mm, 16 * mm, 150 * mm, 48 * mm
    plot.data = [
        [(d, c.pain) for d, c in zip(days, checkins, strict=True)],
        [(d, c.function_limit) for d, c in zip(days, checkins, strict=True)],
        [(d, expected_pain(intake, onset + d)) for d in days],
        [(d, expected_function(intake, onset + d)) for d in days],
    ]
    styles = [(TEAL, None), (colors.HexColor("#b5651d"), None), (TEAL, (3, 3)),
              (colors.HexColor("#b5651d"), (3, 3))]
    for index, (colour, dash) in enumerate(styles):
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 1.5
        if dash:
            plot.lines[index].strokeDashArray = dash
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax, plot.yValueAxis.valueStep = 0, 10, 2
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(days[-1], 1)
    drawing.add(plot)
    legend = LineLegend()
    legend.x, legend.y = 12 * mm, 6 * mm
    legend.columnMaximum = 1
    legend.alignment = "right"  # the swatch first, then its name
    legend.dx = 10
    legend.fontSize = 7
    legend.colorNamePairs = [(TEAL, "Pain"), (colors.HexColor("#b5651d"), "Limits"),
                             (GREY, "Dashed: the usual course")]
    drawing.add(legend)
    return drawing


def _tried(episode: Episode, checkins: list[CheckIn]) -> list[list[str]]:
    names = dict(plan_items(episode.plan))
    names.update(plan_items(episode.first_assessment.get("plan")))
    # Counted by name: the same exercise keeps its name when the stage changes
    # (walking in the early days and walking once it settles).
    done = Counter(names.get(item, item) for c in checkins for item in c.plan_done)
    return [[name, f"{count} of {len(checkins)} days"] for name, count in done.most_common()]


def episode_report(episode: Episode) -> bytes:
    styles = _styles()
    first = assess(parse_intake(episode.intake))
    summary = present(first)["summary"]
    checkins = list(episode.checkins.order_by("-day")[:TABLE_DAYS])[::-1]
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, title=f"Unknot report: {episode.title}",
                                 leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm)
    story: list[Any] = [
        Paragraph(f"Recovery report: {_escape(episode.title)}", styles["title"]),
        Paragraph(f"Tracked from {episode.started_on:%d %B %Y}"
                  + (f" to {episode.closed_on:%d %B %Y} ({episode.get_outcome_display()})"
                     if episode.closed_on else ", still being tracked")
                  + f"; {episode.checkin_count} daily check-ins.", styles["body"]),
        Paragraph("Written by the person from their own reports to Unknot, a self-care guide "
                  "that informs and does not diagnose.", styles["small"]),
        Paragraph("What they reported at the start", styles["h2"]),
        Table([[label, value] for label, value in summary], colWidths=[45 * mm, 125 * mm],
              style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("TEXTCOLOR", (0, 0), (0, -1), GREY)])),
        Paragraph(f"First assessment: {_escape(episode.first_assessment['title'])}",
                  styles["h2"]),
        *_reasons(episode.first_assessment.get("reasons", []), styles["body"]),
        Paragraph(f"Now: {_escape(episode.review['title'])}", styles["h2"]),
        *_reasons(episode.review.get("reasons", []), styles["body"]),
        *outcomes_story(episode, styles),
    ]
    if checkins:
        story += [Paragraph("Pain and limits over time (0 to 10, by day of tracking)",
                            styles["h2"]), _chart(episode, checkins)]
        tried = _tried(episode, checkins)
        if tried:
            story += [Paragraph("What was tried", styles["h2"]),
                      Table(tried, colWidths=[120 * mm, 50 * mm],
                            style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9)]))]
        rows = [["Day", "Pain", "Limits", "Sleep", "Plan done", "Level", "Signs and notes"]]
        for c in checkins:
            signs = "; ".join(SYMPTOM_LABELS[s] for s in c.symptoms)
            note = ". ".join(part for part in (signs, c.note) if part)
            rows.append([
                f"{c.day:%d %b %Y}", str(c.pain), str(c.function_limit),
                "" if c.sleep_hours is None else f"{float(c.sleep_hours):g} h",
                f"{len(c.plan_done)}/{c.plan_total}" if c.plan_total else "",
                LEVEL_LABELS.get(c.level, c.level),
                Paragraph(_escape(note), styles["small"]),
            ])
        heading = "Daily check-ins" if episode.checkin_count <= TABLE_DAYS else (
            f"The latest {TABLE_DAYS} daily check-ins")
        story += [
            Spacer(1, 4 * mm), Paragraph(heading, styles["h2"]),
            Table(rows, repeatRows=1,
                  colWidths=[24 * mm, 12 * mm, 13 * mm, 14 * mm, 18 * mm, 24 * mm, 65 * mm],
                  style=TableStyle([
                      ("FONTSIZE", (0, 0), (-1, -1), 8),
                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6f2f2")),
                      ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde0")),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ])),
        ]
    else:
        story.append(Paragraph("No daily check-ins yet.", styles["body"]))
    document.build(story)
    return out.getvalue()
