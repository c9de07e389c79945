"""End to end in real headless Chromium: a comment from the guide to publication, and
products reached from a relief plan."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from playwright.sync_api import expect

from tests.guide_helpers import make_editor, make_guide, make_moderator, make_product
from unknot.moderation.models import GuideComment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _quick_form(settings: Any) -> None:
    # A test types in milliseconds; the fill-time check has its own unit tests.
    settings.COMMENT_MIN_FILL_SECONDS = 0
    cache.clear()


def _watch_console(page: Any) -> list[str]:
    problems: list[str] = []

    def on_console(message: Any) -> None:
        # The admin's sign-in page has no icon link, so the browser asks for /favicon.ico.
        if message.type == "error" and "favicon.ico" not in message.location.get("url", ""):
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_a_comment_solves_the_proof_of_work_waits_for_approval_then_is_published(
        page: Any, live_server: Any) -> None:
    guide = make_guide("Walking off a sore back", body="## Why walk\n\nBlood flow helps.")
    moderator = make_moderator()
    moderator.set_password("a-long-moderator-password")
    moderator.save()
    problems = _watch_console(page)

    page.goto(f"{live_server.url}{guide.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == "Walking off a sore back"
    assert page.get_by_role("heading", name="Why walk").is_visible()

    page.get_by_label("Your name (shown with the comment)").fill("Robin")
    page.get_by_label("Your email (never shown)").fill("robin@example.com")
    page.get_by_label("Your comment").fill("Short walks every hour worked for me.")
    page.get_by_label("Email me when my comment is published").check()
    # The real ALTCHA widget: ticking it makes the browser solve the proof of work.
    page.locator("altcha-widget input[type=checkbox]").click()
    expect(page.locator("altcha-widget input[name=altcha]")).to_have_value(
        re.compile(r".{20,}"), timeout=20_000)
    page.get_by_role("button", name="Send for approval").click()

    # The page after the post: expect waits for it, where inner_text could read the old one.
    expect(page.locator("#comment-status")).to_contain_text("awaiting approval")
    assert "Short walks every hour" not in page.locator("#comments").inner_text()
    assert GuideComment.objects.get().status == GuideComment.PENDING

    page.goto(f"{live_server.url}/moderation/")
    page.get_by_label("Username").fill(moderator.username)
    page.get_by_label("Password").fill("a-long-moderator-password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Comments awaiting approval"
    page.get_by_role("button", name="Approve the comment from Robin").click()
    assert "1 comment approved and published." in page.locator("main").inner_text()

    page.goto(f"{live_server.url}{guide.get_absolute_url()}")
    assert "Short walks every hour worked for me." in page.locator(".comment-list").inner_text()
    assert problems == []


def test_a_refused_comment_keeps_what_was_typed(page: Any, live_server: Any) -> None:
    guide = make_guide()
    page.goto(f"{live_server.url}{guide.get_absolute_url()}")
    page.get_by_label("Your name (shown with the comment)").fill("Robin")
    page.get_by_label("Your email (never shown)").fill("robin@example.com")
    page.get_by_label("Your comment").fill("Typed without the check")
    page.get_by_role("button", name="Send for approval").click()
    assert "complete the check" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Your comment").input_value() == "Typed without the check"
    assert page.get_by_label("Your name (shown with the comment)").input_value() == "Robin"


def test_products_are_reached_from_the_massage_part_of_a_plan(page: Any,
                                                              live_server: Any) -> None:
    for kind in ("foam_roller", "massage_stick", "massage_ball", "massage_gun"):
        make_product(f"Calf {kind.replace('_', ' ')}", kind=kind, areas=("calf",))
    page.goto(f"{live_server.url}/assess/")
    page.locator('.body-map__region[data-area="calf"]').first.click()
    page.get_by_label("Going a bit too hard").check()
    page.get_by_label("How long ago, number").fill("2")
    page.get_by_label("Unit").select_option("days")
    page.locator('#q-intensity input[value="4"]').check(force=True)
    page.get_by_label("About the same").check()
    page.locator('#q-function_limit input[value="2"]').check(force=True)
    page.get_by_label("Your age").fill("34")
    page.get_by_role("button", name="See my result").click()

    page.locator("#plan-massage").get_by_role(
        "link", name="All products for this technique").first.click()
    assert "Products for" in page.get_by_role("status").first.inner_text()
    product = page.locator(".product-card__name a").first
    name = product.inner_text()
    assert name.startswith("Calf ")
    product.click()
    assert page.get_by_role("heading", level=1).inner_text() == name
    assert page.get_by_role("link", name="See it at the shop").is_visible()


def test_an_editor_sees_a_live_preview_while_writing_a_guide(page: Any,
                                                             live_server: Any) -> None:
    editor = make_editor()
    editor.user_permissions.add(*Permission.objects.filter(
        codename__in=["add_guide", "view_guide", "view_tag"]))
    editor.set_password("a-long-editor-password")
    editor.save()
    problems = _watch_console(page)
    page.goto(f"{live_server.url}/admin/guides/guide/add/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill("a-long-editor-password")
    page.get_by_role("button", name="Log in").click()
    page.locator("#id_body").fill("## Rest less\n\nWalk **daily**. <script>alert(1)</script>")
    preview = page.locator(".guide-live-preview")
    expect(preview.get_by_role("heading", name="Rest less")).to_be_visible()
    expect(preview.locator("strong")).to_have_text("daily")
    assert preview.locator("script").count() == 0
    assert problems == []


def test_a_comment_can_be_written_and_sent_by_keyboard_alone_on_a_phone(
        phone_page: Any, live_server: Any) -> None:
    page = phone_page
    guide = make_guide()
    page.goto(f"{live_server.url}{guide.get_absolute_url()}")
    page.get_by_label("Your name (shown with the comment)").focus()
    page.keyboard.type("Kai")
    page.keyboard.press("Tab")
    page.keyboard.type("kai@example.com")
    page.keyboard.press("Tab")
    page.keyboard.type("Typed with the keyboard only.")
    page.keyboard.press("Tab")  # "email me" box
    page.keyboard.press("Tab")  # the honeypot is skipped: next is the person check
    assert page.evaluate("document.activeElement.closest('altcha-widget') !== null")
    page.keyboard.press("Space")
    expect(page.locator("altcha-widget input[name=altcha]")).to_have_value(
        re.compile(r".{20,}"), timeout=20_000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Send for approval"
    page.keyboard.press("Enter")
    # Enter does not wait for the page it sends the form to: expect does.
    expect(page.locator("#comment-status")).to_contain_text("awaiting approval")
    assert GuideComment.objects.get().comment == "Typed with the keyboard only."
