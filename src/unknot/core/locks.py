"""Row locks that make "check, then write" safe when two requests race."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, User


def lock_person(user: AbstractBaseUser | int) -> None:
    """Hold this person's row until the transaction ends.

    Limits such as "at most N open episodes" count first and write after; two
    requests of the same person doing that at once would both count N-1.
    Whoever takes this lock second waits, then counts what the first wrote.
    (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction
    mode already lets one writer in at a time.) Call it inside transaction.atomic.
    """
    pk = user if isinstance(user, int) else int(user.pk)
    User.objects.select_for_update().filter(pk=pk).exists()
