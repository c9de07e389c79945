"""Writes to accounts: personal access tokens and deleting an account with all its data."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from unknot.accounts.models import AccessToken
from unknot.core.locks import lock_person
from unknot.core.text import clean_line

# A recognisable prefix lets secret scanners spot a leaked token.
TOKEN_PREFIX = "unk_"  # noqa: S105
# Enough for every app and device a person uses; a bound, so a script cannot
# fill the table.
MAX_TOKENS = 20


class TooManyTokens(ValueError):
    pass


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(user: User, name: str) -> tuple[AccessToken, str]:
    """Make a token; the plain token is returned once and never stored."""
    lock_person(user)
    if AccessToken.objects.filter(owner=user).count() >= MAX_TOKENS:
        raise TooManyTokens(f"You have {MAX_TOKENS} tokens, the most there can be: revoke one "
                            "you no longer use, then make a new one.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = AccessToken.objects.create(owner=user, name=clean_line(name)[:60] or "API token",
                                        token_hash=hash_token(token), prefix=token[:10])
    return record, token


def get_token_for_user(user: User, pk: int) -> AccessToken:
    try:
        return AccessToken.objects.get(pk=pk, owner_id=user.pk)
    except AccessToken.DoesNotExist:
        raise Http404("No such token") from None


def revoke_token(token: AccessToken) -> None:
    token.delete()


def user_for_token(token: str) -> User | None:
    record = (AccessToken.objects.select_related("owner")
              .filter(token_hash=hash_token(token), owner__is_active=True).first())
    if record is None:
        return None
    now = timezone.now()
    # Written at most once a minute, so a busy client does not write on every call.
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        AccessToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.owner


@transaction.atomic
def delete_account(user: User) -> None:
    """Remove the person and, by cascade, every episode, check-in, token and email address."""
    user.delete()


def revoke_all_access(user: User) -> None:
    """Revoke every API token, the private calendar address and the clinician share links
    of this person: whoever learnt an old password may have made any of them."""
    from unknot.tracking.reminders import revoke_feed
    from unknot.tracking.sharing import revoke_all_share_links

    AccessToken.objects.filter(owner=user).delete()
    revoke_feed(user)
    revoke_all_share_links(user)
