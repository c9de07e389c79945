"""The guided routine player in headless Chromium: keyboard, holds, pause and skip, the
check-in it fills, and a tracked routine played and checked in with no connection."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.browsing import post_intake
from tests.factories import PASSWORD, make_episode, make_person
from unknot.tracking.models import CheckIn

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
BACK_PAIN = {"areas": "lower_back", "cause": "overexertion", "trauma": "none",
             "onset_amount": "3", "onset_unit": "days", "intensity": "5", "trend": "same",
             "function_limit": "4", "age": "41"}


def doing(page: Any) -> str:
    return str(page.locator("#player").get_attribute("data-doing"))


def clock_text(page: Any) -> str:
    return str(page.locator("[data-p=clock]").inner_text())


def routine(page: Any) -> dict[str, Any]:
    data: dict[str, Any] = page.evaluate(
        "JSON.parse(document.getElementById('routine-today').textContent)")
    return data


def wait_until_kept(page: Any) -> None:
    """The service worker keeps the page a moment after it loads."""
    for _ in range(100):
        if page.evaluate("""async () => {
            const cache = await caches.open("unknot-pages");
            return Boolean(await cache.match(location.href));
        }"""):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker did not keep the page")


def log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/account/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def play_through(page: Any, *, by: str) -> None:
    """Do every segment as it asks: begin, count each repetition, let holds run out."""
    main = page.locator("[data-p=main]")
    segments = routine(page)["segments"]
    for seg in segments:
        assert doing(page) == seg["do"]
        if seg["do"] in ("ready", "reps"):
            for _ in range(seg.get("reps", 1)):
                if by == "keyboard":
                    page.keyboard.press("Enter")
                else:
                    main.tap()
        else:
            page.clock.run_for(seg["seconds"] * 1000 + 250)


def test_a_whole_routine_by_keyboard_alone(page: Any, live_server: Any) -> None:
    page.clock.install()
    post_intake(page, live_server.url, BACK_PAIN)
    start = page.get_by_role("button", name="Start routine")
    start.focus()
    page.keyboard.press("Enter")
    assert page.locator("#player").is_visible()
    # Focus is on the button that begins, so Enter alone goes through everything.
    assert page.evaluate("document.activeElement.dataset.p") == "main"
    play_through(page, by="keyboard")
    end = page.locator("[data-p=end]")
    assert end.is_visible()
    assert page.evaluate("document.activeElement.dataset.p") == "end-title"
    names = [item["name"] for item in routine(page)["items"]]
    done = page.locator("[data-p=done] input:checked")
    assert done.count() == len(names) >= 2
    page.keyboard.press("Tab")  # into the pain scale
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.locator("[data-p=pain] input:checked").get_attribute("value") == "3"
    assert "Nothing is kept from here" in page.locator("[data-p=end-hint]").inner_text()
    page.locator("[data-p=finish]").focus()
    page.keyboard.press("Enter")
    assert not page.locator("#player").is_visible()


def test_a_hold_counts_down_and_moves_on_by_itself(page: Any, live_server: Any) -> None:
    page.clock.install()
    post_intake(page, live_server.url, BACK_PAIN)
    page.get_by_role("button", name="Start routine").click()
    segments = routine(page)["segments"]
    first_hold = next(i for i, s in enumerate(segments) if s["do"] == "hold")
    hold = segments[first_hold]
    while doing(page) != "hold":
        page.locator("[data-p=skip]" if doing(page) != "ready" else "[data-p=main]").click()
    seconds = hold["seconds"]
    assert clock_text(page) == f"0:{seconds:02d}"
    page.clock.run_for(5_000)
    assert clock_text(page) == f"0:{seconds - 5:02d}"
    assert "Left side" in page.locator("[data-p=now]").inner_text()
    page.clock.run_for((seconds - 5) * 1000 + 250)
    assert doing(page) == segments[first_hold + 1]["do"] == "rest"
    assert page.locator("[data-p=say]").inner_text() == "Rest, then the next hold"


def test_pause_stops_the_clock_skip_and_back_move_between_moves(
        page: Any, live_server: Any) -> None:
    page.clock.install()
    post_intake(page, live_server.url, BACK_PAIN)
    page.get_by_role("button", name="Start routine").click()
    names = [item["name"] for item in routine(page)["items"]]
    name = page.locator("[data-p=name]")
    assert name.inner_text() == names[0]
    page.keyboard.press("ArrowRight")  # skip the first move
    assert name.inner_text() == names[1]
    page.keyboard.press("ArrowLeft")  # and back to it
    assert name.inner_text() == names[0]
    page.locator("[data-p=skip]").click()
    while doing(page) not in ("hold", "timed"):
        page.locator("[data-p=skip]" if doing(page) != "ready" else "[data-p=main]").click()
    page.clock.run_for(2_000)
    paused_at = clock_text(page)
    main = page.locator("[data-p=main]")
    main.click()
    assert main.inner_text() == "Resume"
    assert page.locator("[data-p=say]").inner_text() == "Paused"
    page.clock.run_for(10_000)
    assert clock_text(page) == paused_at
    main.focus()
    page.keyboard.press("Space")  # resumes, as the button it is on
    page.clock.run_for(1_000)
    assert clock_text(page) != paused_at and main.inner_text() == "Pause"
    page.keyboard.press("Escape")
    assert not page.locator("#player").is_visible()


def test_the_end_fills_todays_check_in_and_only_saving_it_stores_it(
        phone_page: Any, live_server: Any) -> None:
    page = phone_page
    person = make_person()
    today = timezone.localdate()
    episode = make_episode(person, started=today - timedelta(days=3), areas=["lower_back"])
    log_in(page, live_server.url, person.email)
    page.clock.install()
    page.goto(f"{live_server.url}/track/{episode.pk}/")
    page.get_by_role("button", name="Start routine").tap()
    play_through(page, by="touch")
    page.locator("[data-p=pain] label").nth(2).tap()
    page.get_by_role("button", name="Put this in today's check-in").tap()
    assert not page.locator("#player").is_visible()
    form = page.locator("form[data-offline-checkin]")
    assert form.locator('input[name="pain"][value="2"]').is_checked()
    ids = [item["id"] for item in routine(page)["items"]]
    ticked = form.locator('input[name="plan_done"]:checked')
    assert sorted(ticked.evaluate_all("boxes => boxes.map(b => b.value)")) == sorted(ids)
    assert "Nothing is saved until you do" in page.locator("[data-checkin-hint]").inner_text()
    assert not CheckIn.objects.filter(episode=episode).exists()
    form.locator('input[name="function_limit"][value="3"]').check(force=True)
    with page.expect_navigation():
        form.get_by_role("button", name="Save check-in").tap()
    assert "Check-in saved." in page.locator(".messages").inner_text()
    saved = CheckIn.objects.get(episode=episode)
    assert (saved.day, saved.pain, saved.function_limit) == (today, 2, 3)
    assert sorted(saved.plan_done) == sorted(ids)


def test_offline_the_tracked_routine_plays_and_its_check_in_is_sent_once_back_online(
        page: Any, live_server: Any) -> None:
    person = make_person()
    today = timezone.localdate()
    episode = make_episode(person, started=today - timedelta(days=3), areas=["lower_back"])
    log_in(page, live_server.url, person.email)
    address = f"{live_server.url}/track/{episode.pk}/"
    page.goto(address)
    wait_until_kept(page)
    page.context.set_offline(True)
    page.goto(address)  # from the service worker's copy
    assert page.get_by_role("heading", name="Your routine for today").is_visible()
    page.get_by_role("button", name="Start routine").click()
    first = routine(page)["items"][0]
    assert page.locator("[data-p=name]").inner_text() == first["name"]
    picture = page.locator("[data-p=picture]")
    if first.get("picture"):
        page.wait_for_function("() => document.querySelector('[data-p=picture]').naturalWidth > 0")
        assert picture.get_attribute("alt") == first["alt"]
    while page.locator("[data-p=end]").is_hidden():
        page.locator("[data-p=skip]" if doing(page) != "ready" else "[data-p=main]").click()
    page.locator("[data-p=pain] label").nth(4).click()
    page.get_by_role("button", name="Put this in today's check-in").click()
    form = page.locator("form[data-offline-checkin]")
    form.locator('input[name="function_limit"][value="2"]').check(force=True)
    form.get_by_role("button", name="Save check-in").click()
    pending = page.locator("[data-pending]")
    pending.wait_for(state="visible")
    assert "waiting to be sent" in pending.inner_text()
    assert not CheckIn.objects.filter(episode=episode).exists()

    page.context.set_offline(False)
    page.wait_for_function(
        "() => document.querySelector('[data-pending]').textContent.includes('has been sent')")
    assert CheckIn.objects.filter(episode=episode).count() == 1
    assert CheckIn.objects.get(episode=episode).pain == 4
    # Coming online again sends nothing more: the device kept it only until it was stored.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_timeout(300)
    assert CheckIn.objects.filter(episode=episode).count() == 1


def test_logging_out_leaves_no_kept_pages_for_the_next_person(page: Any, live_server: Any) -> None:
    person = make_person()
    episode = make_episode(person, areas=["lower_back"])
    log_in(page, live_server.url, person.email)
    page.goto(f"{live_server.url}/track/{episode.pk}/")
    wait_until_kept(page)
    page.goto(f"{live_server.url}/account/logout/")
    page.locator("main").get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    assert page.evaluate("caches.has('unknot-pages')") is False


def test_the_open_player_and_its_end_pass_axe_on_a_phone(
        phone_page: Any, live_server: Any) -> None:
    from tests.browsing import axe_violations

    page = phone_page
    page.clock.install()
    post_intake(page, live_server.url, BACK_PAIN)
    page.get_by_role("button", name="Start routine").tap()
    assert axe_violations(page) == []
    page.locator("[data-p=main]").tap()
    assert axe_violations(page) == []
    while page.locator("[data-p=end]").is_hidden():
        page.locator("[data-p=skip]").tap()
    assert axe_violations(page) == []
