"""Share links: a clinician's read-only view of one episode's report. Every write is here.

The address carries a 256-bit secret; only its hash is stored, so a copy of the
database opens nothing. A link shows one episode and nothing else of the
account, expires (a day to a month), can be revoked at once, and every opening
is logged with its time (nothing about who opened it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Count, Max
from django.http import Http404
from django.utils import timezone

from unknot.core.tokens import hash_secret, new_secret
from unknot.engine.intake import FieldError
from unknot.tracking.models import Episode, ShareLink, ShareOpening
from unknot.tracking.services import AnyUser, get_episode_for_user

SHARE_PREFIX = "shr_"
# How long a link may live, in days: long enough for an appointment next week or
# next month, short enough that a forgotten link closes by itself.
SHARE_DAYS = (1, 7, 30)
DEFAULT_SHARE_DAYS = 7
LABEL_LENGTH = 60


class ShareError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


class ShareGone(Exception):
    """The link existed but has expired or been revoked."""


def create_share_link(episode: Episode, days: int, label: str = "",
                      now: datetime | None = None) -> tuple[ShareLink, str]:
    """A new link; the secret is returned once and never stored."""
    if days not in SHARE_DAYS:
        raise ShareError([FieldError("days", "must be one of: "
                                             + ", ".join(str(d) for d in SHARE_DAYS))])
    clean = " ".join(label.split())
    if len(clean) > LABEL_LENGTH:
        raise ShareError([FieldError("label", f"must be at most {LABEL_LENGTH} characters")])
    now = now or timezone.now()
    secret = new_secret(SHARE_PREFIX)
    link = ShareLink.objects.create(episode=episode, token_hash=hash_secret(secret),
                                    label=clean, created_at=now,
                                    expires_at=now + timedelta(days=days))
    return link, secret


def get_share_link_for_user(user: AnyUser, episode_pk: int | str,
                            link_pk: int | str) -> ShareLink:
    """A link of one of the person's own episodes; anyone else, or another episode, gets 404."""
    episode = get_episode_for_user(user, episode_pk)
    try:
        return ShareLink.objects.get(pk=int(link_pk), episode=episode)
    except (ShareLink.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such share link") from None


def revoke_share_link(link: ShareLink, now: datetime | None = None) -> ShareLink:
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def revoke_all_share_links(user: User, now: datetime | None = None) -> int:
    return ShareLink.objects.filter(episode__owner=user, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now())


def open_share_link(secret: str, what: str, now: datetime | None = None,
                    log: bool = True) -> ShareLink:
    """The link for a secret, logged as opened; Http404 if unknown, ShareGone if closed."""
    if not secret.startswith(SHARE_PREFIX):
        raise Http404("No such link")
    # A deactivated account shares nothing, as its API tokens open nothing.
    link = (ShareLink.objects.select_related("episode")
            .filter(token_hash=hash_secret(secret), episode__owner__is_active=True).first())
    if link is None:
        raise Http404("No such link")
    now = now or timezone.now()
    if link.state(now) != "active":
        raise ShareGone(link.state(now))
    if log:
        ShareOpening.objects.create(link=link, opened_at=now, what=what)
    return link


@dataclass(frozen=True, slots=True)
class LinkRow:
    link: ShareLink
    state: str
    openings: int
    last_opened: datetime | None


def share_links_of(episode: Episode, now: datetime | None = None) -> list[LinkRow]:
    now = now or timezone.now()
    links = episode.share_links.annotate(times=Count("openings"),
                                         last=Max("openings__opened_at"))
    return [LinkRow(link, link.state(now), link.times, link.last)
            for link in links]
