"""The clinician report's section on outcomes: pain and the PSFS against the change that
matters, and what seems to help. Kept apart from the report's layout (report.py), which
adds it with one line."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from unknot.engine.outcomes import Change
from unknot.tracking.models import Episode
from unknot.tracking.outcomes import episode_outcomes

HEADER = colors.HexColor("#e6f2f2")
LINE = colors.HexColor("#d5dde0")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _change(change: Change, style: ParagraphStyle) -> Paragraph:
    sources = "; ".join(s.short for s in change.sources)
    return Paragraph(f"{_escape(change.summary)} <i>({_escape(sources)})</i>", style)


def outcomes_story(episode: Episode, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    outcomes = episode_outcomes(episode)
    body, small = styles["body"], styles["small"]
    story: list[Any] = [Paragraph("Is it getting better?", styles["h2"])]
    if outcomes.pain:
        story.append(_change(outcomes.pain, body))
    psfs = outcomes.psfs
    if psfs.started:
        story.append(Paragraph("Patient-Specific Functional Scale: each activity the person "
                               "named, 0 (unable) to 10 (as before the problem)", body))
        if psfs.change:
            story.append(_change(psfs.change, body))
        rows: list[list[Any]] = [["Rated on", *(Paragraph(_escape(r.activity.name), small)
                                                for r in psfs.rows), "Average"]]
        rows += [[f"{day:%d %b %Y}", *("–" if s is None else str(s) for s in scores),
                  f"{mean:g}"] for day, scores, mean in psfs.table]
        story.append(Table(rows, repeatRows=1, style=TableStyle([
            ("FONTSIZE", (0, 0), (-1, -1), 8), ("BACKGROUND", (0, 0), (-1, 0), HEADER),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])))
    else:
        story.append(Paragraph("No activities were named for the Patient-Specific "
                               "Functional Scale.", body))
    helped = outcomes.helped
    story.append(Paragraph("What seems to go with better days", styles["h2"]))
    for finding in helped.findings:
        story.append(Paragraph(f"• <b>{_escape(finding.headline)}.</b> "
                               f"{_escape(finding.numbers)}", body))
    if helped.unclear:
        story.append(Paragraph("No clear difference: " + "; ".join(
            _escape(c.label) for c in helped.unclear) + ".", body))
    story.append(Paragraph(_escape(outcomes.caveat) if helped.anything_to_say else
                           f"Too few days to compare yet (at least {outcomes.min_days} days "
                           "with and without each thing, each followed by a check-in the next "
                           "day).", small))
    return story
