"""Helpers for the browser tests: demo content, logging in, sending a form, axe-core."""

from __future__ import annotations

import json
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

PERSON = ("demo@example.com", "unknot-demo-person")
MODERATOR = ("moderator", "unknot-demo-moderator")
_axe = Axe()  # axe-core's script, bundled in the installed package: never from a CDN


def load_demo() -> None:
    call_command("load_demo", verbosity=0)


def log_in(page: Any, base: str, role: str) -> None:
    """Log the browser in as the demo person or the demo moderator."""
    if role == "person":
        page.goto(f"{base}/account/login/")
        page.get_by_label("Email address").fill(PERSON[0])
        page.get_by_label("Password").fill(PERSON[1])
        page.locator("main").get_by_role("button", name="Log in").click()
    elif role == "moderator":
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", MODERATOR[0])
        page.fill("#id_password", MODERATOR[1])
        page.click("input[type=submit]")
    page.wait_for_load_state()


def post_intake(page: Any, base: str, answers: dict[str, Any]) -> None:
    """Send intake answers as the form would, from the intake page (with its form token)."""
    page.goto(f"{base}/assess/")
    with page.expect_navigation():
        page.evaluate("""(answers) => {
            const form = document.querySelector("form.intake");
            for (const input of form.querySelectorAll("input, select")) {
                if (input.name !== "csrfmiddlewaretoken") input.disabled = true;
            }
            for (const [name, value] of Object.entries(answers)) {
                for (const one of [].concat(value)) {
                    const input = document.createElement("input");
                    input.type = "hidden"; input.name = name; input.value = one;
                    form.append(input);
                }
            }
            form.submit();
        }""", answers)


def axe_violations(page: Any, disable: tuple[str, ...] = ()) -> list[str]:
    """axe-core's findings on the page as loaded, one line each ('' when clean)."""
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if disable:
        options["rules"] = {rule: {"enabled": False} for rule in disable}
    results = _axe.run(page, options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + json.dumps([node["target"] for node in v["nodes"]][:3])
            for v in results.response["violations"]]
