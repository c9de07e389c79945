"""End to end in headless Chromium, at phone width: name the activities, share the episode
with a clinician, and withdraw the link."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.factories import PASSWORD, checkin, make_episode, make_person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_person_names_activities_and_shares_the_episode_with_a_clinician(
        phone_page: Any, browser: Any, live_server: Any) -> None:
    base = live_server.url
    person = make_person()
    episode = make_episode(person, started=date.today() - timedelta(days=2))
    checkin(episode, date.today() - timedelta(days=1), pain=4)
    page = phone_page
    page.goto(f"{base}/account/login/")
    page.locator("#id_login").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(f"{base}/track/{episode.pk}/")

    page.get_by_role("link", name="Name your activities").click()
    for number, (name, score) in enumerate((("Climbing stairs", "3"), ("Carrying bags", "4"),
                                            ("Sitting at work", "6")), start=1):
        page.locator(f"#id_name_{number}").fill(name)
        page.locator(f'#q-score_{number} input[value="{score}"]').check(force=True)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{base}/track/{episode.pk}/")
    assert "Climbing stairs: 3 at the start, 3 now" in page.locator(".outcomes").inner_text()

    page.get_by_role("link", name="Share with a clinician").click()
    page.get_by_text("One day").click()
    page.get_by_role("button", name="Make a link").click()
    link = page.locator("#new-link").input_value()
    assert "/track/shared/shr_" in link

    clinician = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    clinician.goto(link)
    assert clinician.get_by_role("heading", level=1).inner_text() == "Recovery report: Calf"
    assert "Climbing stairs" in clinician.locator(".outcomes").inner_text()
    # Nothing wider than the phone: wide tables scroll inside their own box.
    assert clinician.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(f"{base}/track/{episode.pk}/share/")
    assert "1 time" in page.locator("table").inner_text()
    page.get_by_role("button", name="Withdraw").click()
    clinician.reload()
    assert clinician.get_by_role("heading", level=1).inner_text() == "This link has closed"
    clinician.context.close()
