"""Screenshots of the plan page and the routine player at desktop and phone sizes.

    .venv/bin/python scripts/plan_screenshots.py [BASE_URL] [OUT_DIR]

Needs a running server with the demo content (scripts/run) and Debian's
chromium. Takes a self-care result (whole page, and its first two phone
screens), the player at its start, in the middle of a hold and at its end,
and the demo person's episode with today's routine and check-in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import BACK_PAIN, CHROMIUM_ARGS, SIZES, post_intake

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "var/screenshots")
# The first two screens of a phone, where the level, today's routine and its
# start button must be.
TWO_SCREENS = 2 * 844


def doing(page: Page) -> str:
    return page.locator("#player").get_attribute("data-doing") or ""


def to_first_hold(page: Page) -> None:
    for _ in range(60):
        if doing(page) == "hold":
            return
        if doing(page) == "ready":
            page.locator("[data-p=main]").click()
        else:
            page.locator("[data-p=skip]").click()
    raise RuntimeError("this routine has no hold")


def player_shots(page: Page, name: str, size: str) -> None:
    page.get_by_role("button", name="Start routine").click()
    page.screenshot(path=OUT / f"{name}-player-start-{size}.png")
    to_first_hold(page)
    page.clock.run_for(6_000)
    page.screenshot(path=OUT / f"{name}-player-hold-{size}.png")
    while page.locator("[data-p=end]").is_hidden():
        page.locator("[data-p=skip]").click()
    page.locator("[data-p=pain] label").nth(3).click()
    page.screenshot(path=OUT / f"{name}-player-end-{size}.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            phone = size == "phone"
            page = browser.new_context(viewport={"width": width, "height": height},
                                       is_mobile=phone, has_touch=phone).new_page()
            page.clock.install()
            post_intake(page, BACK_PAIN)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=OUT / f"plan-{size}.png", full_page=True)
            if phone:
                page.screenshot(path=OUT / f"plan-two-screens-{size}.png", full_page=True,
                                clip={"x": 0, "y": 0, "width": width, "height": TWO_SCREENS})
            player_shots(page, "result", size)
            page.goto(f"{BASE}/account/login/")
            page.get_by_label("Email address").fill("demo@example.com")
            page.get_by_label("Password").fill("unknot-demo-person")
            page.locator("main").get_by_role("button", name="Log in").click()
            page.wait_for_load_state()
            page.locator("main a[href^='/track/']").first.click()
            page.wait_for_load_state("networkidle")
            page.screenshot(path=OUT / f"episode-plan-{size}.png", full_page=True)
            player_shots(page, "episode", size)
            page.get_by_role("button", name="Put this in today's check-in").click()
            page.screenshot(path=OUT / f"episode-checkin-filled-{size}.png")
            page.context.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
