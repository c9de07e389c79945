"""The header and the result's verdict are drawn once and shared, and still nothing personal is."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.test import Client

from tests.factories import make_person
from tests.guide_helpers import make_moderator

pytestmark = pytest.mark.django_db

ANSWERS = {"areas": "calf", "cause": "overexertion", "trauma": "none", "onset_amount": "2",
           "onset_unit": "days", "intensity": "4", "trend": "same", "function_limit": "2",
           "age": "30"}


def _tokens(page: str) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)


def _header(page: str) -> str:
    match = re.search(r'<header class="site-header">.*?</header>', page, re.S)
    assert match
    return match.group(0)


def test_each_logged_in_person_gets_their_own_working_token_in_the_shared_header() -> None:
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(make_person())
    second.force_login(make_person())
    page_one = first.get("/guides/").content.decode()
    page_two = second.get("/guides/").content.decode()  # the header comes from the cache
    assert "unknot-slot" not in page_one + page_two
    header_one, header_two = _header(page_one), _header(page_two)
    assert _tokens(header_one) != _tokens(header_two)
    assert header_one.replace(_tokens(header_one)[0], "") == header_two.replace(
        _tokens(header_two)[0], "")
    # The token put into the slot is one the site accepts: logging out works.
    response = second.post("/account/logout/", {"csrfmiddlewaretoken": _tokens(header_two)[0]})
    assert response.status_code == 302
    assert "_auth_user_id" not in second.session


def test_the_header_marks_each_section_and_kind_of_visitor_apart() -> None:
    visitor, person = Client(), Client()
    person.force_login(make_person())
    guides = _header(visitor.get("/guides/").content.decode())
    products = _header(visitor.get("/products/").content.decode())
    assert 'href="/guides/" aria-current="page"' in guides
    assert 'href="/products/" aria-current="page"' in products
    assert "Log in" in guides and "Log out" not in guides
    logged_in = _header(person.get("/guides/").content.decode())
    assert "Log out" in logged_in and "Log in" not in logged_in
    assert "Moderation" not in logged_in


def test_a_moderator_sees_the_queue_link_and_loses_it_when_the_right_is_taken_away() -> None:
    moderator = make_moderator()
    person, other = Client(), Client()
    person.force_login(moderator)
    other.force_login(make_person())
    assert "Moderation" in _header(person.get("/guides/").content.decode())
    assert "Moderation" not in _header(other.get("/guides/").content.decode())
    moderator.user_permissions.remove(Permission.objects.get(codename="moderate_comments"))
    moderator.is_staff = False
    moderator.save()
    assert "Moderation" not in _header(person.get("/guides/").content.decode())


def test_the_verdict_is_shared_but_what_a_person_told_us_is_their_own() -> None:
    first, second = Client(), Client()
    page_one = first.post("/assess/", {**ANSWERS, "age": "30", "intensity": "4"}).content.decode()
    kept = len(caches["pages"]._cache)  # type: ignore[attr-defined]
    page_two = second.post("/assess/", {**ANSWERS, "age": "31", "intensity": "3"}).content.decode()
    assert len(caches["pages"]._cache) == kept  # type: ignore[attr-defined]  # nothing new drawn
    told_one = page_one.split('id="summary-title"')[1]
    told_two = page_two.split('id="summary-title"')[1]
    assert "<dd>4 out of 10" in told_one and "<dd>3 out of 10" in told_two
    assert "<dd>4 out of 10" not in told_two and "<dd>3 out of 10" not in told_one
    verdict = re.compile(r'<section class="banner.*?</section>', re.S)
    shared_one, shared_two = verdict.search(page_one), verdict.search(page_two)
    assert shared_one and shared_two and shared_one.group(0) == shared_two.group(0)
    # Every form is the visitor's own: no token of the first page, and every intake
    # carried by a form ("Track this", "Change my answers") is the second person's.
    assert not set(_tokens(page_one)) & set(_tokens(page_two))
    carried = re.findall(r'name="intake" value="([^"]+)"', page_two)
    assert len(carried) >= 2
    assert all("&quot;age&quot;: 31" in intake for intake in carried), carried


def test_a_different_finding_draws_a_different_verdict() -> None:
    mild = Client().post("/assess/", ANSWERS).content.decode()
    fever = Client().post("/assess/", {**ANSWERS, "symptoms": "dark_urine"}).content.decode()
    banner = re.compile(r'<section class="banner banner--(\w+)"')
    mild_level, fever_level = banner.search(mild), banner.search(fever)
    assert mild_level and fever_level
    assert mild_level.group(1) != fever_level.group(1)
    assert "rhabdomyolysis" in fever.split('id="reasons-title"')[1].split("</section>")[0]
