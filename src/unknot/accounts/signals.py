"""A new password closes every other way into the account."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import password_changed, password_reset, password_set
from django.dispatch import receiver

from unknot.accounts.services import revoke_all_access


@receiver(password_changed)
@receiver(password_reset)
@receiver(password_set)
def revoke_access_on_new_password(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # Someone changing a password may be locking out whoever learnt the old
    # one; API tokens and the private calendar address must stop working too.
    revoke_all_access(user)
