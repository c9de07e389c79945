"""Hosted CAPTCHAs, checked against a fake verification server on this machine."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client, RequestFactory

from tests.guide_helpers import make_guide, post_comment
from unknot.moderation import captcha
from unknot.moderation.models import GuideComment


class FakeProvider:
    """What the fake server answers next, and what it was sent."""

    def __init__(self) -> None:
        self.answer: bytes = b'{"success": true}'
        self.delay = 0.0
        self.received: list[dict[str, list[str]]] = []


@pytest.fixture
def provider(settings: Any) -> Iterator[FakeProvider]:
    fake = FakeProvider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            fake.received.append(urllib.parse.parse_qs(self.rfile.read(length).decode()))
            time.sleep(fake.delay)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(fake.answer)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is the point of the timeout test

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # a handler still sleeping must not hold up the next test
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    settings.CAPTCHA_PROVIDER = "hcaptcha"
    settings.CAPTCHA_SITE_KEY = "site-key"
    settings.CAPTCHA_SECRET_KEY = "secret-key"
    settings.CAPTCHA_VERIFY_URL = f"http://127.0.0.1:{server.server_address[1]}/siteverify"
    settings.CAPTCHA_TIMEOUT = 0.3
    yield fake
    server.shutdown()
    server.server_close()


def _verify(field: str, token: str = "token-from-widget") -> captcha.Verdict:  # noqa: S107
    request = RequestFactory().post("/", {field: token}, REMOTE_ADDR="192.0.2.10")
    return captcha.verify(request)


def test_a_successful_answer_passes_and_sends_secret_token_and_address(
        provider: FakeProvider) -> None:
    assert _verify("h-captcha-response").passed
    assert provider.received == [{"secret": ["secret-key"], "response": ["token-from-widget"],
                                  "remoteip": ["192.0.2.10"]}]


def test_a_failed_answer_is_refused(provider: FakeProvider) -> None:
    provider.answer = b'{"success": false, "error-codes": ["invalid-input-response"]}'
    verdict = _verify("h-captcha-response")
    assert not verdict.passed and verdict.message == captcha.FAILED


def test_a_provider_that_does_not_answer_in_time_is_reported_unreachable(
        provider: FakeProvider) -> None:
    provider.delay = 1
    started = time.monotonic()
    verdict = _verify("h-captcha-response")
    assert time.monotonic() - started < 0.9
    assert not verdict.passed and verdict.message == captcha.UNAVAILABLE


@pytest.mark.parametrize("garbage", [b"<html>oops</html>", b"[]", b'{"ok": 1}',
                                     b'{"success": "yes"}', b""])
def test_a_garbage_answer_is_refused_as_unavailable(provider: FakeProvider,
                                                    garbage: bytes) -> None:
    provider.answer = garbage
    verdict = _verify("h-captcha-response")
    assert not verdict.passed and verdict.message == captcha.UNAVAILABLE


def test_an_unreachable_provider_is_reported(provider: FakeProvider, settings: Any) -> None:
    settings.CAPTCHA_VERIFY_URL = "http://127.0.0.1:9/siteverify"
    assert _verify("h-captcha-response").message == captcha.UNAVAILABLE


def test_no_token_is_refused_without_asking_the_provider(provider: FakeProvider) -> None:
    assert _verify("h-captcha-response", token="").message == captcha.MISSING
    assert provider.received == []


@pytest.mark.parametrize(("name", "field"), [
    ("recaptcha_v2", "g-recaptcha-response"),
    ("turnstile", "cf-turnstile-response"),
    ("hcaptcha", "h-captcha-response"),
])
def test_each_provider_reads_its_own_answer_field(provider: FakeProvider, settings: Any,
                                                  name: str, field: str) -> None:
    settings.CAPTCHA_PROVIDER = name
    assert _verify(field).passed


@pytest.mark.parametrize(("answer", "passes"), [
    ({"success": True, "score": 0.9, "action": "comment"}, True),
    ({"success": True, "score": 0.1, "action": "comment"}, False),
    ({"success": True, "score": 0.9, "action": "login"}, False),
    ({"success": True, "action": "comment"}, False),
])
def test_recaptcha_v3_needs_a_good_score_for_the_comment_action(
        provider: FakeProvider, settings: Any, answer: dict[str, Any], passes: bool) -> None:
    settings.CAPTCHA_PROVIDER = "recaptcha_v3"
    provider.answer = json.dumps(answer).encode()
    assert _verify("g-recaptcha-response").passed is passes


@pytest.mark.django_db
def test_the_guide_page_shows_the_hosted_widget_and_its_script(provider: FakeProvider,
                                                               client: Client) -> None:
    page = client.get(make_guide().get_absolute_url()).content.decode()
    assert 'class="h-captcha" data-sitekey="site-key"' in page
    assert 'src="https://js.hcaptcha.com/1/api.js"' in page
    assert "altcha-widget" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(("answer", "delay", "status", "words"), [
    (b'{"success": false}', 0.0, 400, "did not pass"),
    (b'{"success": true}', 1.0, 503, "could not reach"),
    (b"not json", 0.0, 503, "could not reach"),
])
def test_a_refused_captcha_keeps_the_typed_comment(provider: FakeProvider, client: Client,
                                                   answer: bytes, delay: float, status: int,
                                                   words: str) -> None:
    provider.answer, provider.delay = answer, delay
    guide = make_guide()
    response = post_comment(client, guide, captcha=False, comment="typed with care",
                            **{"h-captcha-response": "tok"})
    assert response.status_code == status
    page = response.content.decode()
    assert words in page
    assert "typed with care" in page
    assert GuideComment.objects.count() == 0


@pytest.mark.django_db
def test_a_passed_hosted_captcha_lets_the_comment_in(provider: FakeProvider,
                                                     client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, captcha=False, **{"h-captcha-response": "tok"})
    assert response.status_code == 302
    assert GuideComment.objects.get().status == GuideComment.PENDING
