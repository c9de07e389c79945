"""Screenshots of the main pages at desktop and phone sizes, for a person to look at.

    .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Needs a running server (scripts/run) and Debian's chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "var/screenshots")
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def fill_intake(page: Page, areas: list[str], symptoms: list[str], intensity: str) -> None:
    page.goto(f"{BASE}/assess/")
    for area in areas:
        page.locator(f'.body-map__region[data-area="{area}"]').first.click()
    page.get_by_label("Going a bit too hard").check()
    page.locator("#id_onset_amount").fill("30")
    page.locator("#id_onset_unit").select_option("hours")
    page.locator(f'input[name="intensity"][value="{intensity}"]').check(force=True)
    page.get_by_label("About the same").check()
    page.locator('input[name="function_limit"][value="3"]').check(force=True)
    for symptom in symptoms:
        page.locator(f'input[name="symptoms"][value="{symptom}"]').check()
    page.locator("#id_age").fill("28")
    page.locator("#id_sleep_hours").fill("5")
    page.get_by_role("button", name="See my result").click()
    page.wait_for_load_state()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in [("start", "/"), ("intake", "/assess/"), ("about", "/about/"),
                               ("api-docs", "/api/v1/docs")]:
                page.goto(BASE + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"{name}-{size}.png", full_page=name != "api-docs")
            fill_intake(page, ["front_thigh", "glutes"], [], "5")
            page.screenshot(path=OUT / f"result-selfcare-{size}.png", full_page=True)
            fill_intake(page, ["front_thigh"], ["dark_urine"], "9")
            page.screenshot(path=OUT / f"result-emergency-{size}.png", full_page=True)
            page.goto(f"{BASE}/assess/")
            page.get_by_role("button", name="See my result").click()
            page.screenshot(path=OUT / f"intake-errors-{size}.png", full_page=True)
            page.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
