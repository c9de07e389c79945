from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """One row, bumped whenever published content changes (see core/content.py).

    (Core's models module also makes Django send core its post_migrate signal,
    on which the database cache's table is made.)

    It is part of the key of every cached page, so that every worker and app
    server stops using its copies at once, whatever cache each one keeps.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Content version {self.number}"
