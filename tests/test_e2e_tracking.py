"""End to end in headless Chromium: sign up from a result, track, check in, export, delete."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from typing import Any

import pytest
import time_machine

from tests.factories import PASSWORD
from tests.test_e2e_assessment import answer_the_rest
from unknot.tracking.models import Episode

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
EMAIL = "e2e@example.org"


def check_in(page: Any, base: str, pain: str, symptoms: tuple[str, ...] = ()) -> None:
    page.reload()  # the clock has moved on: today's button is a fresh check-in again
    page.get_by_role("link", name="Check in today").first.click()
    page.wait_for_url("**/checkin/")
    page.locator(f'#q-pain input[value="{pain}"]').check(force=True)
    page.locator('#q-function_limit input[value="2"]').check(force=True)
    page.get_by_label("Hours of sleep last night (optional)").fill("7")
    page.locator('input[name="plan_done"]').first.check()
    for symptom in symptoms:
        page.locator(f'input[name="symptoms"][value="{symptom}"]').check()
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url(f"{base}/track/*/")


def test_a_person_tracks_a_recovery_from_sign_up_to_deleting_the_account(
        page: Any, live_server: Any) -> None:
    base = live_server.url
    with time_machine.travel(datetime(2026, 3, 2, 9, 0), tick=True) as clock:
        # Assess without an account, then ask to track: the answers survive signing up.
        page.goto(f"{base}/assess/")
        page.locator('.body-map__region[data-area="calf"]').first.click()
        answer_the_rest(page, intensity="5")
        page.get_by_role("button", name="See my result").click()
        page.get_by_role("button", name="Track this").click()
        page.get_by_role("link", name="Create an account").click()
        page.locator("#id_email").fill(EMAIL)
        page.locator("#id_password1").fill(PASSWORD)
        page.locator("#id_password2").fill(PASSWORD)
        page.get_by_role("button", name="Sign Up").click()
        page.get_by_role("button", name="Start tracking").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Calf"
        assert "Self-care" in page.get_by_role("status").first.inner_text() \
            or "Self-care" in page.locator(".banner").inner_text()

        # Three check-ins on three days.
        for day, pain in ((3, "4"), (4, "3"), (5, "2")):
            clock.move_to(datetime(2026, 3, day, 9, 0))
            check_in(page, base, pain)
        # Three check-ins, and the first answers the charts start from.
        rows = page.locator(".checkin-table tbody tr:not(.checkin-table__start)")
        assert rows.count() == 3
        assert "Thu 5 Mar 2026" in rows.first.inner_text()
        chart = page.locator('.chart img[src*="pain.svg"]')
        chart.scroll_into_view_if_needed()  # the charts load lazily, when seen
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=chart.element_handle())
        svg = page.request.get(f"{base}{chart.get_attribute('src')}").text()
        # From the first answers (the start), then a point a day; the legend is the page's.
        assert all(label in svg for label in ("Start 2 Mar", "3 Mar", "4 Mar", "5 Mar"))
        assert "Usual course" in page.locator(".chart__legend").first.inner_text()

        # A new warning sign on the next day escalates at once.
        clock.move_to(datetime(2026, 3, 6, 9, 0))
        check_in(page, base, "3", symptoms=("dark_urine",))
        banner = page.get_by_role("alert")
        assert "Emergency: get help now" in banner.inner_text()
        assert "What to do right now" in banner.inner_text()

        # Export everything, then delete the account.
        page.get_by_role("link", name="Account").click()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download my data").click()
        archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
        data = json.loads(archive.read("unknot.json"))
        assert [c["pain"] for c in data["checkins"]] == [4, 3, 2, 3]
        page.get_by_role("link", name="Delete my account…").click()
        page.get_by_label("Type your password to confirm").fill(PASSWORD)
        page.get_by_role("button", name="Delete my account and all my data").click()
        assert "Your account is deleted" in page.get_by_role("heading", level=1).inner_text()
        assert not Episode.objects.exists()
