"""The clinician report: one episode as a PDF a person can hand to a physical therapist.

Drawn with reportlab, a pure-Python PDF library: no system libraries (WeasyPrint
needs pango and cairo), so it runs wherever Unknot runs.

The report is a list of sections, each a small function from the episode's
facts to flowables (`SECTIONS`); a new section (an outcome measure, say) is one
more function in that list. Dates are absolute everywhere: a clinician reads the
report days after it was made, so "30 hours ago" would mean nothing.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from unknot.assessments.presenters import present
from unknot.engine import Intake, assess, parse_intake
from unknot.engine.course import expected_function, expected_pain
from unknot.engine.labels import LEVEL_LABELS, SEX_LABELS, SYMPTOM_LABELS
from unknot.tracking.models import CheckIn, Episode
from unknot.tracking.report_outcomes import outcomes_story
from unknot.tracking.services import plan_items

# The table keeps to the latest quarter so the report stays a few pages long;
# the full history is in the person's export.
TABLE_DAYS = 90
# A table this short moves whole to the next page rather than leave a few rows
# alone there; a longer one splits, its header repeated on every page.
KEEP_WHOLE_ROWS = 40
TEAL = colors.HexColor("#0f766e")
GREY = colors.HexColor("#52606d")
GRID = colors.HexColor("#d5dde0")


@dataclass(frozen=True, slots=True)
class Facts:
    """What every section may read: the episode, its first answers and its check-ins."""

    episode: Episode
    intake: Intake
    checkins: list[CheckIn]  # oldest first, the latest TABLE_DAYS at most
    styles: dict[str, ParagraphStyle]


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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def onset_date(episode: Episode, intake: Intake) -> date:
    """The day the pain began, to the day: the first report's day less the whole days since."""
    return episode.started_on - timedelta(days=int(intake.onset_hours_ago // 24))


def _reasons(reasons: list[dict[str, str]], style: ParagraphStyle) -> list[Flowable]:
    if not reasons:
        return [Paragraph("No warning signs or reasons for concern were found.", style)]
    return [Paragraph(f"• <b>{_escape(LEVEL_LABELS.get(r['level'], r['level']))}</b>: "
                      f"{_escape(r['message'])} <i>({_escape(r['source'])})</i>", style)
            for r in reasons]


def header(facts: Facts) -> list[Flowable]:
    episode, intake, styles = facts.episode, facts.intake, facts.styles
    tracked = (f"Tracked from {_long_date(episode.started_on)}"
               + (f" to {_long_date(episode.closed_on)} ({episode.get_outcome_display()})"
                  if episode.closed_on else ", still being tracked")
               + f"; {_plural(episode.checkin_count, 'daily check-in')}.")
    person = f"Age {intake.age}; sex: {SEX_LABELS.get(intake.sex or '', 'not given').lower()}."
    return [
        Paragraph(f"Recovery report: {_escape(episode.title)}", styles["title"]),
        Paragraph(tracked, styles["body"]),
        Paragraph(person, styles["body"]),
        Paragraph(f"Report made on {_long_date(timezone.localdate())}. Written by the person "
                  "from their own reports to Unknot, a self-care guide that informs and does "
                  "not diagnose.", styles["small"]),
    ]


def first_answers(facts: Facts) -> list[Flowable]:
    episode, intake, styles = facts.episode, facts.intake, facts.styles
    rows = []
    for label, value in present(assess(intake))["summary"]:
        if label == "Started":
            began = onset_date(episode, intake)
            value = (_long_date(began) if began < episode.started_on
                     else f"{_long_date(began)}, the day of the first report")
        rows.append([label, Paragraph(_escape(value), styles["body"])])
    table = Table(rows, colWidths=[45 * mm, 125 * mm],
                  style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("TEXTCOLOR", (0, 0), (0, -1), GREY)]))
    return [KeepTogether([
        Paragraph(f"What they reported on {_long_date(episode.started_on)}", styles["h2"]),
        table])]


def assessments(facts: Facts) -> list[Flowable]:
    episode, styles = facts.episode, facts.styles
    return [
        Paragraph(f"First assessment: {_escape(episode.first_assessment['title'])}",
                  styles["h2"]),
        *_reasons(episode.first_assessment.get("reasons", []), styles["body"]),
        Paragraph(f"Now: {_escape(episode.review['title'])}", styles["h2"]),
        *_reasons(episode.review.get("reasons", []), styles["body"]),
    ]


def outcomes(facts: Facts) -> list[Flowable]:
    """Is it getting better: pain and the PSFS against the change that matters."""
    return outcomes_story(facts.episode, facts.styles)


def _chart(facts: Facts) -> Drawing:
    """Pain and limits by date, from the first report (the start) to the latest check-in."""
    episode, intake, checkins = facts.episode, facts.intake, facts.checkins
    start = episode.started_on
    days = [0] + [(c.day - start).days for c in checkins]
    pains = [intake.intensity] + [c.pain for c in checkins]
    limits = [intake.function_limit] + [c.function_limit for c in checkins]
    drawing = Drawing(170 * mm, 78 * mm)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 14 * mm, 22 * mm, 150 * mm, 50 * mm
    plot.data = [
        list(zip(days, pains, strict=True)),
        list(zip(days, limits, strict=True)),
        [(d, expected_pain(intake, intake.days + d)) for d in days],
        [(d, expected_function(intake, intake.days + d)) for d in days],
    ]
    for index, (colour, dash) in enumerate(((TEAL, None), (GREY, None), (TEAL, (4, 3)),
                                            (GREY, (4, 3)))):
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 1.6
        if dash:
            plot.lines[index].strokeDashArray = dash
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax, plot.yValueAxis.valueStep = 0, 10, 2
    plot.yValueAxis.labels.fontSize = 8
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = GRID
    last = max(days[-1], 1)
    step = max(1, -(-last // 8))  # at most about eight dated ticks
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, last
    plot.xValueAxis.valueSteps = list(range(0, last + 1, step))
    plot.xValueAxis.labelTextFormat = lambda d: f"{(start + timedelta(days=int(d))):%d %b}"
    plot.xValueAxis.labels.fontSize = 8
    plot.xValueAxis.labels.angle = 30
    plot.xValueAxis.labels.boxAnchor = "ne"
    drawing.add(plot)
    # The legend: line samples, solid for the reports, dashed for the usual course.
    x, y = 14 * mm, 4 * mm
    for colour, dash, text in ((TEAL, None, "Pain"), (GREY, None, "Limits"),
                               (GREY, (4, 3), "Dashed: the usual course")):
        sample = Line(x, y + 2.5, x + 9 * mm, y + 2.5, strokeColor=colour, strokeWidth=1.6)
        if dash:
            sample.strokeDashArray = dash
        drawing.add(sample)
        drawing.add(String(x + 11 * mm, y, text, fontSize=8, fillColor=colors.black))
        x += 40 * mm
    return drawing


def progress(facts: Facts) -> list[Flowable]:
    if not facts.checkins:
        return [Paragraph("No daily check-ins yet.", facts.styles["body"])]
    return [KeepTogether([
        Paragraph("Pain and limits over time (0 to 10), from the first report",
                  facts.styles["h2"]),
        _chart(facts)])]


def tried(facts: Facts) -> list[Flowable]:
    episode, checkins = facts.episode, facts.checkins
    names = dict(plan_items(episode.plan))
    names.update(plan_items(episode.first_assessment.get("plan")))
    # Counted by name: the same exercise keeps its name when the stage changes
    # (walking in the early days and walking once it settles).
    done = Counter(names.get(item, item) for c in checkins for item in c.plan_done)
    if not done:
        return []
    rows = [[name, f"{count} of {_plural(len(checkins), 'day')}"]
            for name, count in done.most_common()]
    table = Table(rows, colWidths=[120 * mm, 50 * mm],
                  style=TableStyle([("FONTSIZE", (0, 0), (-1, -1), 9)]))
    return [KeepTogether([Paragraph("What was tried", facts.styles["h2"]), table])]


def checkin_table(facts: Facts) -> list[Flowable]:
    episode, checkins, styles = facts.episode, facts.checkins, facts.styles
    if not checkins:
        return []
    rows: list[list[Any]] = [["Day", "Pain", "Limits", "Sleep", "Plan done", "Level",
                              "Signs and notes"]]
    if episode.checkin_count <= TABLE_DAYS:  # the chart's first point, when the table reaches it
        intake = facts.intake
        rows.append([f"{episode.started_on:%d %b %Y}", str(intake.intensity),
                     str(intake.function_limit),
                     "" if intake.sleep_hours is None else f"{intake.sleep_hours:g} h", "",
                     LEVEL_LABELS.get(episode.first_assessment["level"], ""),
                     Paragraph("The first report", styles["small"])])
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
    table = Table(rows, repeatRows=1,
                  colWidths=[24 * mm, 12 * mm, 13 * mm, 14 * mm, 18 * mm, 24 * mm, 65 * mm],
                  style=TableStyle([
                      ("FONTSIZE", (0, 0), (-1, -1), 8),
                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6f2f2")),
                      ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ]))
    title = Paragraph(heading, styles["h2"])
    if len(rows) <= KEEP_WHOLE_ROWS:
        return [Spacer(1, 4 * mm), KeepTogether([title, table])]
    return [Spacer(1, 4 * mm), title, table]


Section = Callable[[Facts], list[Flowable]]
# In reading order. A new section is one function added here.
SECTIONS: list[Section] = [header, first_answers, assessments, outcomes, progress, tried,
                           checkin_table]


def episode_report(episode: Episode) -> bytes:
    checkins = list(episode.checkins.order_by("-day")[:TABLE_DAYS])[::-1]
    facts = Facts(episode, parse_intake(episode.intake), checkins, _styles())
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, title=f"Unknot report: {episode.title}",
                                 leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm)
    document.build([flowable for section in SECTIONS for flowable in section(facts)])
    return out.getvalue()
