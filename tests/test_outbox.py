"""The outbox: every email saved with its change, sent after commit, retried, sent once.

The mail server here is real SMTP (aiosmtpd) on a local port, started and
stopped by the test, talked to by Django's own SMTP backend.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests.guide_helpers import make_guide, make_moderator, post_comment
from unknot.moderation.models import GuideComment
from unknot.ops import outbox
from unknot.ops.models import OutboxEmail

pytestmark = pytest.mark.django_db


class Inbox(Sink):
    """Keeps every message the server accepts."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings: Any) -> Iterator[MailServer]:
    server = MailServer(_free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    yield server
    server.stop()


def _message(to: str) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives("Subject", "Text body", "from@example.org", [to])
    message.attach_alternative("<p>HTML body</p>", "text/html")
    return message


def test_an_email_is_saved_with_its_change_and_not_without_it() -> None:
    with transaction.atomic():
        outbox.queue_email(_message("kept@example.org"))
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.queue_email(_message("dropped@example.org"))
        raise RuntimeError("the change failed")
    assert [e.to for e in OutboxEmail.objects.all()] == [["kept@example.org"]]
    kept = OutboxEmail.objects.get()
    assert (kept.subject, kept.body, kept.html) == ("Subject", "Text body", "<p>HTML body</p>")


def test_mail_server_down_the_comment_is_saved_once_and_the_email_goes_when_it_is_back(
        client: Client, smtp: MailServer, django_capture_on_commit_callbacks: Any) -> None:
    make_moderator(email="mod@example.org")
    guide = make_guide()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, guide, comment="Does this help at night?")
    # Nothing listens on the mail port: the page is the usual "awaiting approval".
    assert response.status_code == 302
    assert GuideComment.objects.count() == 1
    waiting = OutboxEmail.objects.get()
    assert waiting.state == OutboxEmail.PENDING and waiting.attempts == 1
    assert "refused" in waiting.last_error.lower() or "connect" in waiting.last_error.lower()
    assert outbox.deliver_due().sent == 0  # not due yet: it backs off
    smtp.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=1, seconds=1)):
        assert outbox.deliver_due() == outbox.Sweep(sent=1, failed=0)
    assert [m.rcpt_tos for m in smtp.inbox.messages] == [["mod@example.org"]]
    assert b"Does this help at night?" in smtp.inbox.messages[0].content
    sent = OutboxEmail.objects.get()
    assert sent.state == OutboxEmail.SENT and sent.attempts == 2 and sent.sent_at
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        assert outbox.deliver_due().sent == 0  # sent once, never again
    assert len(smtp.inbox.messages) == 1
    assert GuideComment.objects.count() == 1


def test_failures_back_off_longer_each_time_then_give_up(smtp: MailServer) -> None:
    with transaction.atomic():
        email = outbox.queue_email(_message("a@example.org"))
    waits = []
    now = timezone.now()
    for _ in range(outbox.MAX_ATTEMPTS):
        with time_machine.travel(now, tick=False):
            assert outbox.deliver(email.pk) == outbox.FAILED
        email.refresh_from_db()
        waits.append(email.next_attempt_at - now)
        now = email.next_attempt_at
    assert waits[:3] == outbox.BACKOFF[:3]
    assert waits[:-1] == sorted(waits[:-1])
    assert email.state == OutboxEmail.FAILED
    assert outbox.deliver(email.pk) == outbox.NOT_DUE


def test_an_email_one_worker_is_sending_is_not_sent_by_another(smtp: MailServer) -> None:
    smtp.start()
    with transaction.atomic():
        email = outbox.queue_email(_message("a@example.org"))
    claimed = outbox._claim(email.pk)  # the first worker holds it, mid-send
    assert claimed is not None
    assert outbox.deliver(email.pk) == outbox.NOT_DUE
    assert smtp.inbox.messages == []
    # That worker died: past the lease another one sends it.
    with time_machine.travel(timezone.now() + outbox.LEASE + timedelta(seconds=1)):
        assert outbox.deliver_due().sent == 1
    assert len(smtp.inbox.messages) == 1


def test_one_failure_does_not_stop_the_others(smtp: MailServer) -> None:
    smtp.start()
    with transaction.atomic():
        bad = outbox.queue_email(_message("a@example.org"))
        outbox.queue_email(_message("b@example.org"))
    OutboxEmail.objects.filter(pk=bad.pk).update(from_email="no at sign <>")
    sweep = outbox.deliver_due()
    assert sweep == outbox.Sweep(sent=1, failed=1)
    assert [m.rcpt_tos for m in smtp.inbox.messages] == [["b@example.org"]]
