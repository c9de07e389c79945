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

While the shared cache is unreachable (Redis down) nothing is kept: every read
gets a new token, so each page is drawn afresh, and a change that cannot replace
its token is logged; copies lapse within their own few minutes in any case.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import caches
from django.db import transaction

from unknot.core.outage import is_cache_outage

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
    except Exception as error:
        if not is_cache_outage(error):
            raise
        return uuid.uuid4().hex  # matches no kept copy: drawn afresh
    return str(version)


def bump(name: str) -> None:
    """`name` has changed: every copy drawn from it is dropped, in every process."""
    key = _PREFIX + name

    def replace() -> None:
        try:
            caches["default"].set(key, uuid.uuid4().hex, None)
        except Exception as error:
            if not is_cache_outage(error):
                raise
            logger.warning("shared cache unavailable, version of %s not replaced", name)

    replace()
    transaction.on_commit(replace)
