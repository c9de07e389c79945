"""Pages that are the same for everyone are cached, and an editor's save shows at once."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import make_person
from tests.guide_helpers import make_comment, make_guide, make_moderator, make_product
from unknot.moderation import services

pytestmark = pytest.mark.django_db


def _count_queries(client: Client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("path", ["/", "/about/", "/guides/", "/products/",
                                  "/guides/tag/way-sleep/"])
def test_a_public_page_is_served_from_the_cache_with_one_query(client: Client, path: str) -> None:
    make_guide(tags=("way-sleep",))
    make_product()
    first = client.get(path).content.decode()
    count, again = _count_queries(client, path)
    assert count == 1  # the content version, nothing else
    assert again == first


def test_a_cached_guide_page_still_gives_each_visitor_their_own_form(client: Client) -> None:
    guide = make_guide()
    first = client.get(guide.get_absolute_url()).content.decode()
    other = Client()
    count, second = _count_queries(other, guide.get_absolute_url())
    assert count == 1
    assert "unknot-slot" not in second and "unknot:slot" not in second

    def token(page: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match
        return match.group(1)

    def challenge(page: str) -> str:
        match = re.search(r'challengejson="([^"]+)"', page)
        assert match
        return match.group(1)

    assert token(first) != token(second)
    assert challenge(first) != challenge(second)
    assert 'name="security_hash"' in second and 'name="timestamp"' in second


def test_an_editors_save_shows_at_once_on_every_cached_page(client: Client) -> None:
    guide = make_guide("Easing a sore back")
    for path in ("/", "/guides/", guide.get_absolute_url()):
        client.get(path)
    guide.title = "Easing a stiff back"
    guide.save()
    assert "Easing a stiff back" in client.get("/guides/").content.decode()
    assert "Easing a stiff back" in client.get(guide.get_absolute_url()).content.decode()


def test_a_product_saved_in_the_admin_shows_at_once(client: Client) -> None:
    product = make_product("Test roller")
    client.get("/products/")
    client.get(product.get_absolute_url())
    product.name = "Firm roller"
    product.save()
    assert "Firm roller" in client.get("/products/").content.decode()
    assert "Firm roller" in client.get(product.get_absolute_url()).content.decode()


def test_an_approved_comment_shows_at_once_and_a_waiting_one_keeps_the_cache(
        client: Client) -> None:
    guide = make_guide()
    client.get(guide.get_absolute_url())
    comment = make_comment(guide, text="Walking helped me most")
    count, page = _count_queries(client, guide.get_absolute_url())
    assert count == 1 and "Walking helped me most" not in page
    services.approve_comment(comment, make_moderator())
    assert "Walking helped me most" in client.get(guide.get_absolute_url()).content.decode()


def test_a_logged_in_person_gets_their_own_header_around_the_shared_part(
        client: Client) -> None:
    make_guide("Easing a sore back")
    client.get("/guides/")  # cached for visitors
    person = make_person()
    client.force_login(person)
    page = client.get("/guides/").content.decode()
    assert "Log out" in page and "Sign up" not in page
    assert "Easing a sore back" in page


def test_a_visitor_with_a_message_waiting_is_never_served_a_cached_page(
        client: Client) -> None:
    client.get("/guides/")
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "You are logged out.")
    response = client.get("/guides/")  # no message: from the cache
    from django.http import HttpResponse

    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies.update(carrier.cookies)
    page = client.get("/guides/").content.decode()
    assert "You are logged out." in page
    assert "You are logged out." not in response.content.decode()


def test_a_cached_form_page_gives_each_visitor_a_token_that_works() -> None:
    Client().get("/assess/")  # cached by a first visitor
    visitor = Client(enforce_csrf_checks=True)
    count, page = _count_queries(visitor, "/assess/")
    assert count == 1 and "unknot-slot" not in page
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match and "csrftoken" in visitor.cookies
    answers = {"csrfmiddlewaretoken": match.group(1), "areas": "calf", "cause": "overexertion",
               "onset_amount": "2", "onset_unit": "days", "intensity": "4", "trend": "same",
               "function_limit": "2", "age": "30"}
    assert visitor.post("/assess/", answers).status_code == 200
