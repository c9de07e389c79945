"""Every email Unknot sends goes through here: saved first, sent by the worker.

`queue_email` writes the message into the database inside the caller's
transaction, so the email exists exactly when the change it tells of does, and
hands it to the worker once that transaction commits. `deliver` sends one
email under a lease, so two workers never send the same one at once; a failure
is written down with a later time to try again (backoff), and the sweep that
the worker runs every minute picks up whatever is due. Nothing here raises to
the web request: a mail server that is down costs a delay, never a page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from unknot.ops.models import OutboxEmail

logger = logging.getLogger(__name__)

# How long one worker keeps an email to itself while it sends it: past this a
# worker that died mid-send is assumed gone and another may try.
LEASE = timedelta(minutes=5)
# Waits after the 1st, 2nd, ... failure; the last one repeats until MAX_ATTEMPTS.
BACKOFF = [timedelta(minutes=m) for m in (1, 2, 5, 15, 30, 60, 120, 240)]
MAX_ATTEMPTS = 20
DELIVER_TASK = "unknot.ops.outbox.deliver"


def queue_email(message: EmailMessage) -> OutboxEmail:
    """Keep the message in the outbox now; send it after the current transaction commits."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(content) for content, mimetype in message.alternatives
                     if mimetype == "text/html"), "")
    email = OutboxEmail.objects.create(
        subject=str(message.subject), body=str(message.body), html=html,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to))
    transaction.on_commit(lambda: hand_to_worker(email.pk))
    return email


def hand_to_worker(pk: int) -> None:
    """Ask the worker to send it now. If even that fails the sweep sends it later."""
    from django_q.tasks import async_task

    try:
        async_task(DELIVER_TASK, pk, sync=settings.TASKS_SYNC)
    except Exception:  # the email is safe in the outbox; this was only a shortcut
        logger.exception("outbox: could not hand email %s to the worker", pk)


def _claim(pk: int) -> OutboxEmail | None:
    """Take the email for this worker if it is due and nobody holds it; None otherwise."""
    now = timezone.now()
    taken = OutboxEmail.objects.filter(
        pk=pk, state=OutboxEmail.PENDING, next_attempt_at__lte=now,
    ).update(next_attempt_at=now + LEASE, attempts=F("attempts") + 1)
    return OutboxEmail.objects.get(pk=pk) if taken else None


SENT, FAILED, NOT_DUE = "sent", "failed", "not due"


def deliver(pk: int) -> str:
    """Send one email if it is due and nobody else holds it: SENT, FAILED or NOT_DUE."""
    email = _claim(pk)
    if email is None:
        return NOT_DUE
    message = EmailMultiAlternatives(email.subject, email.body, email.from_email, email.to,
                                     connection=get_connection(fail_silently=False))
    if email.html:
        message.attach_alternative(email.html, "text/html")
    try:
        message.send()
    except Exception as error:  # every kind of SMTP or network failure is retried
        _failed(email, error)
        return FAILED
    OutboxEmail.objects.filter(pk=pk).update(state=OutboxEmail.SENT, sent_at=timezone.now(),
                                             last_error="")
    return SENT


def _failed(email: OutboxEmail, error: Exception) -> None:
    attempts = email.attempts
    if attempts >= MAX_ATTEMPTS:
        state, wait = OutboxEmail.FAILED, timedelta(0)
        logger.error("outbox: giving up on email %s after %s attempts: %s",
                     email.pk, attempts, error)
    else:
        state, wait = OutboxEmail.PENDING, BACKOFF[min(attempts, len(BACKOFF)) - 1]
        logger.warning("outbox: email %s failed (attempt %s), next try in %s: %s",
                       email.pk, attempts, wait, error)
    OutboxEmail.objects.filter(pk=email.pk).update(
        state=state, next_attempt_at=timezone.now() + wait, last_error=str(error)[:2000])


@dataclass(frozen=True, slots=True)
class Sweep:
    sent: int
    failed: int


def deliver_due(limit: int = 200) -> Sweep:
    """Send every email that is due, oldest first; one failure does not stop the rest."""
    due = list(OutboxEmail.objects.filter(state=OutboxEmail.PENDING,
                                          next_attempt_at__lte=timezone.now())
               .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    outcomes = [deliver(pk) for pk in due]
    return Sweep(sent=outcomes.count(SENT), failed=outcomes.count(FAILED))


def waiting() -> int:
    """Emails not yet sent (the outbox depth, for metrics)."""
    return OutboxEmail.objects.filter(state=OutboxEmail.PENDING).count()
