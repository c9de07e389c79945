"""Screenshots of every page at desktop and phone sizes, for a person to look at.

    .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Needs a running server with the demo content (scripts/run) and Debian's
chromium. Pages are taken as a visitor, as the demo person and as the demo
moderator; results are reached by sending the intake form; the phone menu is
also taken open.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "var/screenshots")
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
BACK_PAIN = {"areas": "lower_back", "cause": "overexertion", "trauma": "none",
             "onset_amount": "3", "onset_unit": "days", "intensity": "5", "trend": "same",
             "function_limit": "4", "age": "41", "sleep_hours": "5.5"}
RESULTS = {
    "result-self-care": BACK_PAIN,
    "result-see-clinician": {**BACK_PAIN, "onset_amount": "10", "onset_unit": "weeks"},
    "result-urgent": {**BACK_PAIN, "symptoms": "fever_or_chills"},
    "result-emergency": {**BACK_PAIN, "symptoms": "saddle_numbness"},
    "intake-errors": {"history_any": "yes"},
}
VISITOR = {
    "start": "/", "intake": "/assess/", "intake-example": "/assess/?example=spin-class",
    "about": "/about/", "guides": "/guides/", "guide": "/guides/back-pain-basics/",
    "tag": "/guides/tag/way-moving/", "products": "/products/",
    "products-technique": "/products/?technique=foam-roll-thighs",
    "product": "", "privacy": "/privacy/", "terms": "/terms/",
    "api-docs": "/api/v1/docs", "not-found": "/no-such-page/", "login": "/account/login/",
    "signup": "/account/signup/", "password-reset": "/account/password/reset/",
    "password-reset-done": "/account/password/reset/done/",
    "password-reset-expired": "/account/password/reset/key/1-set-password/",
}
PERSON = {
    "episodes": "/track/", "episode": "/track/{episode}/", "checkin": "/track/{episode}/checkin/",
    "close": "/track/{episode}/close/", "psfs": "/track/{episode}/psfs/",
    "share": "/track/{episode}/share/", "settings": "/account/settings/",
    "delete": "/account/settings/delete/", "email": "/account/email/",
    "password-change": "/account/password/change/", "logout": "/account/logout/",
}
MODERATOR = {"moderation": "/moderation/", "admin": "/admin/",
             "admin-guide": "/admin/guides/guide/1/change/"}


def post_intake(page: Page, answers: dict[str, Any]) -> None:
    page.goto(f"{BASE}/assess/")
    with page.expect_navigation():
        page.evaluate("""(answers) => {
            const form = document.querySelector("form.intake");
            for (const input of form.querySelectorAll("input, select")) {
                if (input.name !== "csrfmiddlewaretoken") input.disabled = true;
            }
            for (const [name, value] of Object.entries(answers)) {
                const input = document.createElement("input");
                input.type = "hidden"; input.name = name; input.value = value;
                form.append(input);
            }
            form.submit();
        }""", answers)


def shoot(page: Page, name: str, size: str) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=OUT / f"{name}-{size}.png", full_page=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            phone = size == "phone"
            page = browser.new_context(viewport={"width": width, "height": height},
                                       is_mobile=phone, has_touch=phone).new_page()
            page.goto(f"{BASE}/products/")
            product = page.locator(".product-card a").first.get_attribute("href") or "/"
            for name, path in VISITOR.items():
                page.goto(BASE + (path or product))
                shoot(page, name, size)
            for name, answers in RESULTS.items():
                post_intake(page, answers)
                shoot(page, name, size)
            if size == "phone":
                page.goto(BASE + "/")
                page.get_by_role("button", name="Menu").click()
                page.screenshot(path=OUT / f"menu-open-{size}.png")
            page.goto(f"{BASE}/account/login/")
            page.get_by_label("Email address").fill("demo@example.com")
            page.get_by_label("Password").fill("unknot-demo-person")
            page.locator("main").get_by_role("button", name="Log in").click()
            page.wait_for_load_state()
            links = page.eval_on_selector_all("main a[href]", "as => as.map(a => a.pathname)")
            episode = next(link.split("/")[2] for link in links
                           if re.fullmatch(r"/track/\d+/", link))
            for name, path in PERSON.items():
                page.goto(BASE + path.format(episode=episode))
                shoot(page, name, size)
            page.context.close()
            page = browser.new_context(viewport={"width": width, "height": height},
                                       is_mobile=phone, has_touch=phone).new_page()
            page.goto(f"{BASE}/admin/login/")
            page.fill("#id_username", "moderator")
            page.fill("#id_password", "unknot-demo-moderator")
            page.click("input[type=submit]")
            page.wait_for_load_state()
            for name, path in MODERATOR.items():
                page.goto(BASE + path)
                shoot(page, name, size)
            if size == "phone":
                page.goto(BASE + "/")
                page.get_by_role("button", name="Menu").click()
                page.screenshot(path=OUT / f"menu-open-moderator-{size}.png")
            page.context.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
