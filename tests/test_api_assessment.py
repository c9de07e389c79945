"""POST /api/v1/assessments and the OpenAPI document."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from django.test import Client

from unknot.api.errors import ERROR_SCHEMA
from unknot.api.schemas import ASSESSMENT_SCHEMA
from unknot.engine.intake import SCHEMA

GOOD: dict[str, Any] = {"age": 41, "areas": ["calf"], "cause": "overexertion",
                        "onset_hours_ago": 50, "intensity": 4, "trend": "better",
                        "function_limit": 2}


# Assessments are counted for the per-address limit in the database cache.
pytestmark = pytest.mark.django_db


def post(client: Client, body: Any) -> Any:
    return client.post("/api/v1/assessments", data=body, content_type="application/json")


def test_a_valid_intake_gets_an_assessment_matching_the_documented_schema(
    client: Client,
) -> None:
    response = post(client, GOOD)
    assert response.status_code == 200
    jsonschema.validate(response.json(), ASSESSMENT_SCHEMA)
    assert response.json()["level"] == "self_care"


def test_an_invalid_intake_gets_422_naming_the_field(client: Client) -> None:
    response = post(client, {**GOOD, "intensity": 14})
    assert response.status_code == 422
    body = response.json()
    jsonschema.validate(body, ERROR_SCHEMA)
    assert body["errors"] == [{"field": "intensity",
                               "message": "must be a whole number from 0 to 10 (got 14)"}]


def test_a_body_that_is_not_json_gets_422(client: Client) -> None:
    response = client.post("/api/v1/assessments", data=b"{nope",
                           content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "(body)"


def test_the_api_needs_no_account_and_no_csrf_token() -> None:
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, GOOD).status_code == 200


def test_only_post_is_allowed_on_assessments(client: Client) -> None:
    assert client.get("/api/v1/assessments").status_code == 405


def test_the_openapi_document_describes_the_contract(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/assessments"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == SCHEMA["required"]
    assert body["properties"]["symptoms"] == SCHEMA["properties"]["symptoms"]
    assert set(operation["responses"]) >= {"200", "422"}


def test_the_openapi_document_is_valid_openapi(client: Client) -> None:
    from openapi_spec_validator import validate

    validate(client.get("/api/v1/openapi.json").json())


def test_the_docs_page_is_a_page_of_the_site_listing_every_endpoint(client: Client) -> None:
    from unknot.api.views import api

    page = client.get("/api/v1/docs").content.decode()
    assert 'class="site-header"' in page
    assert "cdn" not in page.lower() and "<script src=\"http" not in page
    for path, item in api.get_openapi_schema()["paths"].items():
        for method in item:
            heading = f'<span class="method method--{method}">{method.upper()}</span>'
            assert f"{heading} <code>{path}</code>" in page, (method, path)
    assert 'href="/api/v1/openapi.json"' in page


def test_api_answers_are_never_kept_by_a_cache(client: Client) -> None:
    response = post(client, GOOD)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_json_gets_a_policy_that_lets_nothing_load_and_pages_keep_theirs(
    client: Client,
) -> None:
    for response in (post(client, GOOD), post(client, {"age": "old"}),
                     client.get("/api/v1/openapi.json")):
        assert response["Content-Type"].startswith("application/json")
        assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    page_policy = client.get("/api/v1/docs")["Content-Security-Policy"]
    assert "script-src 'self'" in page_policy


def test_a_crash_inside_the_api_is_a_json_500_and_is_logged(
        client: Client, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(data: object) -> None:
        raise RuntimeError("engine fell over")

    monkeypatch.setattr("unknot.api.views.assess_data", broken)
    response = post(client, GOOD)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    jsonschema.validate(response.json(), ERROR_SCHEMA)
    assert "engine fell over" not in response.content.decode()
    assert "engine fell over" in caplog.text


@pytest.mark.parametrize(("path", "extra", "status"), [
    ("/api/v1/nothing-here", {}, 404),
    ("/api/v2/assessments", {}, 404),
    ("/api/v1/version", {"Host": "attacker.example"}, 400),
])
def test_errors_django_answers_around_the_api_are_json_too(
        client: Client, path: str, extra: dict[str, str], status: int) -> None:
    response = client.get(path, headers=extra)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    jsonschema.validate(response.json(), ERROR_SCHEMA)


def test_a_wrong_method_is_a_json_405_that_says_what_is_allowed(client: Client) -> None:
    response = client.put("/api/v1/assessments")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    jsonschema.validate(response.json(), ERROR_SCHEMA)


def test_api_calls_skip_sessions_and_csrf_but_the_docs_page_keeps_them() -> None:
    from tests.factories import make_person

    person = make_person()
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    answer = post(client, GOOD)  # no CSRF token: the API never needed one
    assert answer.status_code == 200
    assert not answer.cookies  # neither a session nor a CSRF cookie is touched
    assert "Vary" not in answer or "Cookie" not in answer["Vary"]
    # The session is still there for the site's pages, the API docs among them.
    docs = client.get("/api/v1/docs").content.decode()
    assert "Log out" in docs
    # And a page's form still needs its token.
    assert client.post("/account/settings/", {}).status_code == 403


def test_the_docs_page_is_the_one_address_under_the_api_that_is_a_page() -> None:
    from django.urls import reverse

    from unknot.core.middleware import API_DOCS_PATH, API_PREFIX

    assert reverse("api_docs") == API_DOCS_PATH
    assert API_DOCS_PATH.startswith(API_PREFIX)
