"""The web assessment: start page, intake form, result page. Nothing is stored."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings

# The result page reads the product catalogue for the plan (it never writes).
pytestmark = pytest.mark.django_db

FORM: dict[str, Any] = {
    "age": "28", "areas": ["front_thigh", "glutes"], "cause": "overexertion",
    "trauma": "none", "onset_amount": "30", "onset_unit": "hours", "intensity": "5",
    "trend": "same", "function_limit": "3", "sleep_hours": "7",
}


def submit(client: Client, **changes: Any) -> Any:
    return client.post("/assess/", {**FORM, **changes})


def test_start_page_says_what_unknot_does_and_does_not_do(client: Client) -> None:
    page = client.get("/").content.decode()
    assert "Check my pain" in page
    assert "does not diagnose" in page
    assert "Nothing you enter is stored" in page


def test_intake_form_offers_the_body_map_and_every_area(client: Client) -> None:
    from unknot.engine.labels import AREA_LABELS

    page = client.get("/assess/").content.decode()
    assert page.count('class="body-map__region') >= 18
    # One path for keyboards and screen readers: the list; the map is its picture.
    assert page.count('name="areas"') == len(AREA_LABELS)
    assert '<div class="body-map" aria-hidden="true">' in page
    assert 'role="checkbox"' not in page


def test_a_completed_form_shows_the_level_reasons_and_plan(client: Client) -> None:
    response = submit(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Self-care" in page
    assert "Your relief plan" in page
    assert "Keep moving" in page and "Proper sleep" in page
    assert "Massage" in page and "Physical therapy" in page


def test_an_emergency_result_says_what_to_do_now_with_the_number(client: Client) -> None:
    page = submit(client, symptoms=["dark_urine"]).content.decode()
    assert "Emergency: get help now" in page
    assert "What to do right now" in page
    assert "112" in page and "911" in page and "999" in page
    assert "rhabdomyolysis" in page
    assert "Your relief plan" not in page


@override_settings(EMERGENCY_NUMBER="000")
def test_an_operator_can_set_the_emergency_number(client: Client) -> None:
    page = submit(client, symptoms=["chest_pain"]).content.decode()
    assert 'href="tel:000"' in page
    assert "911" not in page


def test_lower_findings_are_set_apart_from_the_main_reason(client: Client) -> None:
    page = submit(client, symptoms=["dark_urine"], intensity="9").content.decode()
    assert page.index("rhabdomyolysis") < page.index("Also noted")


def test_a_form_with_errors_names_them_and_keeps_every_answer(client: Client) -> None:
    response = submit(client, age="12", symptoms=["bruising"], history=["cancer"])
    assert response.status_code == 422
    page = response.content.decode()
    assert "Unknot is for people aged 16 and over" in page
    assert 'value="12"' in page
    assert 'value="30"' in page  # onset amount kept
    for code in ("front_thigh", "glutes", "bruising", "cancer", "overexertion", "same"):
        assert re.search(rf'value="{code}"[^>]*checked', page), code
    assert re.search(r'value="5"[^>]*checked', page)  # the pain scale


def test_missing_answers_are_each_named(client: Client) -> None:
    response = client.post("/assess/", {})
    page = response.content.decode()
    assert response.status_code == 422
    for message in ("Please enter your age", "Choose at least one area",
                    "Choose what brought it on", "how long ago it started"):
        assert message in page


def test_an_onset_beyond_ten_years_is_refused_on_its_field(client: Client) -> None:
    page = submit(client, onset_amount="200", onset_unit="months").content.decode()
    assert "within the last ten years" in page


@pytest.mark.parametrize(("amount", "unit", "hours"), [("3", "days", 72), ("2", "weeks", 336)])
def test_the_onset_unit_is_turned_into_hours(
    client: Client, amount: str, unit: str, hours: int
) -> None:
    page = submit(client, onset_amount=amount, onset_unit=unit).content.decode()
    intake = json.loads(_hidden_intake(page))
    assert intake["onset_hours_ago"] == hours


def _hidden_intake(page: str) -> str:
    import html
    import re

    match = re.search(r'name="intake" value="([^"]+)"', page)
    assert match
    return html.unescape(match.group(1))


def test_changing_answers_brings_back_a_filled_in_form(client: Client) -> None:
    page = submit(client, onset_amount="3", onset_unit="days").content.decode()
    back = client.post("/assess/change/", {"intake": _hidden_intake(page)})
    assert back.status_code == 200
    form = back.content.decode()
    assert 'value="28"' in form
    assert '<option value="days" selected>' in form


def test_changing_answers_with_a_tampered_intake_starts_afresh(client: Client) -> None:
    response = client.post("/assess/change/", {"intake": '{"age": 3}'})
    assert response.status_code == 400


def test_nothing_is_stored_and_no_cookie_is_set_for_an_assessment(client: Client) -> None:
    client.get("/assess/")
    response = submit(client)
    assert "sessionid" not in response.cookies
    assert response["Cache-Control"].startswith("max-age=0")


def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_how_it_decides_lists_every_rule_with_its_source(client: Client) -> None:
    from unknot.engine.triage import RULES

    page = client.get("/about/").content.decode()
    assert f"Every rule ({len(RULES)})" in page
    assert "NICE NG59" in page and "GIRFT" in page


def test_health_reports_the_database(client: Client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_the_result_page_cannot_be_fetched_by_get_without_answers(client: Client) -> None:
    assert client.get("/assess/change/").status_code == 405


def test_every_example_on_the_start_page_fills_in_the_form(client: Client) -> None:
    from unknot.assessments.examples import examples

    page = client.get("/").content.decode()
    assert page.count("Try this example") == len(examples()) >= 3
    for example in examples():
        assert f'href="/assess/?example={example.slug}"' in page
        form = client.get("/assess/", {"example": example.slug}).content.decode()
        assert f"Example loaded: “{example.title}”" in form
        age = json.loads(example.intake_json)["age"]
        assert f'value="{age}"' in form
        # Loaded as it is, the example goes straight through to its result.
        intake = json.loads(example.intake_json)
        answers = {"age": intake["age"], "areas": intake["areas"], "cause": intake["cause"],
                   "onset_amount": intake["onset_hours_ago"], "onset_unit": "hours",
                   "intensity": intake["intensity"], "trend": intake["trend"],
                   "function_limit": intake["function_limit"],
                   "symptoms": intake.get("symptoms", [])}
        assert client.post("/assess/", answers).status_code == 200


def test_an_unknown_example_is_an_empty_form_not_an_error(client: Client) -> None:
    response = client.get("/assess/", {"example": "no-such-story"})
    assert response.status_code == 200
    assert "Example loaded" not in response.content.decode()


def test_changing_answers_says_the_form_is_filled_in(client: Client) -> None:
    page = submit(client).content.decode()
    back = client.post("/assess/change/", {"intake": _hidden_intake(page)}).content.decode()
    assert "Your answers are filled in" in back
    # Each warning-sign group is answered, so nothing has to be asked twice.
    assert re.search(r'name="signs_nerves" value="no"[^>]*checked', back)


def test_the_examples_show_more_than_one_kind_of_result(client: Client) -> None:
    from unknot.assessments.examples import examples
    from unknot.engine import assess_data

    levels = {assess_data(json.loads(e.intake_json))["level"] for e in examples()}
    assert {"self_care", "see_clinician", "emergency"} <= levels


def test_every_warning_sign_is_still_asked_group_by_group(client: Client) -> None:
    from unknot.engine.labels import SYMPTOM_GROUPS, SYMPTOM_LABELS

    page = client.get("/assess/").content.decode()
    marks = [f'<span class="gated__title">{name}</span>' for name, _ in SYMPTOM_GROUPS]
    positions = [page.index(mark) for mark in marks]
    assert positions == sorted(positions)
    for mark, (name, items) in zip(marks, SYMPTOM_GROUPS, strict=True):
        group = page[page.index(mark):]
        group = group[:group.index("</fieldset>")]
        assert all(f'value="{code}"' in group for code, _ in items), name
    assert page.count('name="symptoms"') == len(SYMPTOM_LABELS)


def test_a_yes_to_a_group_of_warning_signs_asks_which(client: Client) -> None:
    response = submit(client, signs_heart="yes")
    assert response.status_code == 422
    assert "tick which of these you have" in response.content.decode()


def test_a_ticked_warning_sign_counts_even_beside_a_no(client: Client) -> None:
    # Safety first: a sign is never dropped because the group's answer disagrees.
    page = submit(client, signs_muscles="no", symptoms=["dark_urine"]).content.decode()
    assert "Emergency: get help now" in page


def test_the_error_summary_lists_problems_in_page_order(client: Client) -> None:
    page = client.post("/assess/", {"history_any": "yes"}).content.decode()
    summary = page[page.index('id="error-summary"'):]
    summary = summary[:summary.index("</ul>")]
    order = ["#q-areas", "#q-cause", "#q-onset_amount", "#q-intensity", "#q-trend",
             "#q-function_limit", "#q-age", "#q-history_any"]
    assert [summary.index(f'href="{anchor}"') for anchor in order] == sorted(
        summary.index(f'href="{anchor}"') for anchor in order)


def test_the_favicon_that_browsers_ask_for_exists(client: Client) -> None:
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].endswith("/static/unknot/favicon.svg")
