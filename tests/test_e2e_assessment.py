"""End to end in real headless Chromium: the body map, the form, the result."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def answer_the_rest(page: Any, *, intensity: str = "4", symptoms: tuple[str, ...] = ()) -> None:
    page.get_by_label("Going a bit too hard").check()
    page.get_by_label("How long ago, number").fill("2")
    page.get_by_label("Unit").select_option("days")
    page.locator(f'#q-intensity input[value="{intensity}"]').check(force=True)
    page.get_by_label("About the same").check()
    page.locator('#q-function_limit input[value="2"]').check(force=True)
    for symptom in symptoms:
        # Each group of warning signs opens its tick boxes on "Yes".
        page.locator(f'[data-gate]:has(input[value="{symptom}"]) input[value="yes"]').check()
        page.locator(f'input[name="symptoms"][value="{symptom}"]').check()
    page.get_by_label("Your age").fill("34")


def test_picking_areas_on_the_body_map_gives_a_plan_for_them(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/assess/")
    page.locator('.body-map__region[data-area="calf"]').first.click()
    page.locator('.body-map__region[data-area="lower_back"]').first.click()
    assert page.locator('input[name="areas"][value="calf"]').is_checked()
    assert page.locator('input[name="areas"][value="lower_back"]').is_checked()
    # Every shape of a selected area shows it, on both limbs and both views.
    calf_shapes = page.locator('.body-map__region[data-area="calf"]')
    for i in range(calf_shapes.count()):
        assert "is-selected" in (calf_shapes.nth(i).get_attribute("class") or "")

    answer_the_rest(page)
    page.get_by_role("button", name="See my result").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Self-care")
    routine = page.locator("#plan-moving").inner_text()
    assert "Calf" in routine and "Lower back" in routine
    assert page.locator("#plan-massage .exercise").count() >= 1
    assert "Walking" in routine


def test_ticking_an_area_in_the_list_lights_it_on_the_map(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/assess/")
    page.locator('input[name="areas"][value="knee"]').check()
    assert "is-selected" in (page.locator('.body-map__region[data-area="knee"]').first
                             .get_attribute("class") or "")


def test_the_emergency_path_says_what_to_do_now(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/assess/")
    page.locator('input[name="areas"][value="front_thigh"]').check()
    answer_the_rest(page, intensity="9", symptoms=("dark_urine", "severe_swelling"))
    page.get_by_role("button", name="See my result").click()

    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Emergency: get help now")
    assert "What to do right now" in banner.inner_text()
    assert "112" in banner.inner_text()
    assert page.locator("#plan-moving").count() == 0


def test_a_refused_form_keeps_everything_and_focuses_the_error_summary(
    page: Any, live_server: Any
) -> None:
    page.goto(f"{live_server.url}/assess/")
    page.locator('.body-map__region[data-area="shoulder"]').first.click()
    answer_the_rest(page)
    page.get_by_label("Your age").fill("12")
    page.get_by_role("button", name="See my result").click()

    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("aged 16 and over")
    expect(summary).to_be_focused()  # the focus script runs after the page has loaded
    assert page.get_by_label("Your age").input_value() == "12"
    assert page.locator('input[name="areas"][value="shoulder"]').is_checked()
    assert "is-selected" in (page.locator('.body-map__region[data-area="shoulder"]').first
                             .get_attribute("class") or "")
    assert page.get_by_label("Going a bit too hard").is_checked()


def test_the_result_reads_well_on_a_phone(phone_page: Any, live_server: Any) -> None:
    phone_page.goto(f"{live_server.url}/assess/")
    phone_page.locator('input[name="areas"][value="neck"]').check()
    answer_the_rest(phone_page)
    phone_page.get_by_role("button", name="See my result").click()
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("Self-care")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone"


def test_no_page_breaks_the_content_security_policy(page: Any, live_server: Any) -> None:
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    for path in ("/", "/assess/", "/about/", "/api/v1/docs"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert violations == []
