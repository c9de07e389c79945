"""An episode's page and charts drawn once per change, and shown to its owner alone.

A person looks at their episode far more often than they check in. Drawing the
page (the history table, the outcomes, what seems to help) and the charts costs
twenty times a bare page, so the drawn parts are kept in the per-process "pages"
cache under a key holding the episode's version (core/versions.py), replaced
whenever anything the page shows is saved: the episode, a check-in, a PSFS
activity or rating (see `connect`).

Why it cannot show one person's data to another: a key names one episode, and a
view reads the cache only after `get_episode_for_user` has made sure the episode
is the visitor's own (anyone else gets a 404 before any cached part is read).
Nothing in a cached part belongs to the request: no form token, no message.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from unknot.core import versions
from unknot.tracking.models import CheckIn, Episode, PsfsActivity, PsfsRating

# A cached part lapses after this many seconds in any case; the version keeps it right.
CACHE_SECONDS = 300


def episode_version(pk: int) -> str:
    """Read before any of the episode's rows, so a save from then on changes it."""
    return versions.current(f"episode:{pk}")


def bump_episode_version(pk: int) -> None:
    """Anything the episode's page shows has changed: drop every drawn copy of it."""
    versions.bump(f"episode:{pk}")


def _episode_id(instance: Any) -> int | None:
    if isinstance(instance, Episode):
        return int(instance.pk)
    if isinstance(instance, CheckIn | PsfsActivity):
        return int(instance.episode_id)
    if isinstance(instance, PsfsRating):
        try:  # saved through the services, the rating holds its activity already
            return int(instance.activity.episode_id)
        except PsfsActivity.DoesNotExist:  # deleted with its activity: the episode was bumped
            return None
    return None


def _changed(sender: type, instance: Any, **_: Any) -> None:
    pk = _episode_id(instance)
    if pk is not None:
        bump_episode_version(pk)


def connect() -> None:
    """Every save or delete of what an episode's page shows bumps its version.

    Saves that skip signals (`bulk_create`, `update`) call bump_episode_version
    themselves; today that is the first PSFS ratings (psfs.start_psfs).
    """
    for model in (Episode, CheckIn, PsfsActivity, PsfsRating):
        uid = f"unknot-episode-version-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
