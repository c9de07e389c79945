"""Versions of things drawn once and kept: a token in the shared cache, new on every change.

A copy of something drawn (an episode's page, a person's header) is kept in each
process's own memory under a key holding the version of what it was drawn from.
The version lives in the shared cache (the database table or Redis), so a change
made through any worker reaches every worker and app server at once.

A version is a random token, not a counter: a token evicted from the shared cache
is replaced by a new one, never by a number that an older copy is still stored
under. A change replaces it twice: at once (for a cache in the database this is
part of the change's transaction and shows when it commits) and again after the
commit, so a copy drawn from the old rows while the change was under way is never
found again. Whoever reads a version must read it before the rows it draws from.

While the shared cache (Redis) is down, a read gives a token made for that request
alone, so nothing kept is reused and every page is drawn afresh, and a change goes
through without its bump (logged): the site degrades, it does not fail a save or a
login (core/outage.py).
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import caches
from django.db import transaction

from unknot.core.outage import CACHE_ERRORS

logger = logging.getLogger(__name__)

_PREFIX = "unknot:version:"


def current(name: str) -> str:
    """The version of `name`: one read of the shared cache."""
    shared = caches["default"]
    key = _PREFIX + name
    try:
        version = shared.get(key)
        if version is None:
            shared.add(key, uuid.uuid4().hex, None)
            version = shared.get(key) or uuid.uuid4().hex  # a racing worker's token wins
    except CACHE_ERRORS:  # no shared version: this request's own, matching no kept copy
        return "unshared-" + uuid.uuid4().hex
    return str(version)


def bump(name: str) -> None:
    """`name` has changed: every copy drawn from it is dropped, in every process."""
    key = _PREFIX + name

    def replace() -> None:
        try:
            caches["default"].set(key, uuid.uuid4().hex, None)
        except CACHE_ERRORS:
            logger.warning("shared cache unreachable: version %s not replaced", name)

    replace()
    transaction.on_commit(replace)
