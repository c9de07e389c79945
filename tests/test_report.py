"""The clinician report: a PDF that parses and holds the episode's figures."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from tests.factories import checkin, make_episode, make_person

pytestmark = pytest.mark.django_db


def test_the_report_is_a_pdf_with_the_intake_assessment_check_ins_and_what_was_tried(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    item = episode.plan["movement"][0] if episode.plan else {}
    checkin(episode, date(2026, 3, 3), pain=4, sleep_hours=6.5, note="stiff mornings",
            plan_done=(item["id"],))
    checkin(episode, date(2026, 3, 4), pain=3, symptoms=("dark_urine",))
    client.force_login(person)
    response = client.get(f"/track/{episode.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in ("Recovery report: Calf", "Tracked from 2 March 2026",
                     "2 daily check-ins", "Calf", "5 out of 10",
                     "First assessment: Self-care", "Now: Emergency",
                     "03 Mar 2026", "04 Mar 2026", "6.5 h", "stiff mornings",
                     "What was tried", item["name"], "1 of 2 days"):
        assert expected in text, expected


def test_another_person_gets_404_for_the_report(client: Client) -> None:
    episode = make_episode(make_person())
    client.force_login(make_person())
    assert client.get(f"/track/{episode.pk}/report.pdf").status_code == 404


def test_a_report_without_check_ins_says_so(client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    client.force_login(person)
    response = client.get(f"/track/{episode.pk}/report.pdf")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "No daily check-ins yet." in text


@time_machine.travel(datetime(2026, 3, 4, 18, 0, tzinfo=UTC))
def test_the_report_gives_dates_age_and_sex_never_hours_ago(client: Client) -> None:
    person = make_person()
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC)):
        episode = make_episode(person, onset_hours_ago=30, age=47, sex="female")
    checkin(episode, date(2026, 3, 3), pain=4)
    client.force_login(person)
    reader = PdfReader(io.BytesIO(client.get(f"/track/{episode.pk}/report.pdf").content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Age 47; sex: female." in text
    assert "1 daily check-in." in text and "1 daily check-ins" not in text
    assert "Started 1 March 2026" in text  # 30 hours before the first report
    assert "hours ago" not in text
    assert "Report made on 4 March 2026" in text
    # The chart's axis is dated, from the first report to the check-in.
    assert "02 Mar" in text and "03 Mar" in text


def test_a_short_history_fits_on_one_page_and_a_long_one_repeats_its_header(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person)
    for offset in range(1, 4):
        checkin(episode, date(2026, 3, 2 + offset), pain=4)
    client.force_login(person)
    reader = PdfReader(io.BytesIO(client.get(f"/track/{episode.pk}/report.pdf").content))
    pages = [page.extract_text() for page in reader.pages]
    # The three rows stay together with their heading, never split from it.
    holder = [text for text in pages if "05 Mar 2026" in text]
    assert len(holder) == 1 and "Daily check-ins" in holder[0] and "03 Mar 2026" in holder[0]
