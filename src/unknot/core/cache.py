"""Django's database cache, with `add` and `incr` that hold when workers race.

The cache counts rate limits (django-ratelimit: `add`, then `incr`) and holds
allauth's short locks around its login-failure history (`add` as a lock).
Django's DatabaseCache does `incr` as a get and then a set, so two workers
that read 4 at the same moment both write 5 and a limit of N lets more than N
through; and its `add` over an expired row is a read then an update, so two
workers can both "win" the same lock. Here each is one transaction that locks
the row it reads (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
IMMEDIATE transaction mode in settings already lets one writer in at a time),
and a lost race on a new key ends in the table's unique key, answered as
"already there".
"""

from __future__ import annotations

import base64
import pickle
from datetime import UTC, datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, IntegrityError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models.signals import post_migrate


class DatabaseCache(DjangoDatabaseCache):
    _table: str  # set by Django's __init__ from LOCATION

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT,
            version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        expires = self._expiry(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        try:
            with transaction.atomic(using=db), connection.cursor() as cursor:
                if self._live_value(connection, cursor, key) is not None:
                    return False
                table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
                now = connection.ops.adapt_datetimefield_value(self._now())
                cursor.execute(
                    f"DELETE FROM {table} WHERE {quote('cache_key')} = %s "  # noqa: S608
                    f"AND {quote('expires')} <= %s", [key, now])
                cursor.execute(
                    f"INSERT INTO {table} ({quote('cache_key')}, {quote('value')}, "  # noqa: S608
                    f"{quote('expires')}) VALUES (%s, %s, %s)",
                    [key, self._encode(value),
                     connection.ops.adapt_datetimefield_value(expires)])
        except IntegrityError:
            # Another worker added the same key between our read and our insert.
            return False
        except DatabaseError:
            return False
        return True

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db), connection.cursor() as cursor:
            raw = self._live_value(connection, cursor, key)
            if raw is None:
                raise ValueError(f"Key '{key}' not found")
            value = self._decode(connection, raw) + delta
            table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
            cursor.execute(
                f"UPDATE {table} SET {quote('value')} = %s "  # noqa: S608
                f"WHERE {quote('cache_key')} = %s", [self._encode(value), key])
        return value

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        return self.incr(key, -delta, version=version)

    def _live_value(self, connection: BaseDatabaseWrapper, cursor: CursorWrapper,
                    key: str) -> str | None:
        """The row's stored value if it has not expired, locked until the transaction ends."""
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        cursor.execute(
            f"SELECT {quote('value')} FROM {table} WHERE {quote('cache_key')} = %s "  # noqa: S608
            f"AND {quote('expires')} > %s{lock}",
            [key, connection.ops.adapt_datetimefield_value(self._now())])
        row = cursor.fetchone()
        return None if row is None else str(row[0])

    def _expiry(self, timeout: Any) -> datetime:
        seconds = self.get_backend_timeout(timeout)
        if seconds is None:
            return datetime.max.replace(tzinfo=UTC)
        return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=0)

    @staticmethod
    def _now() -> datetime:
        return datetime.now(tz=UTC).replace(microsecond=0)

    def _encode(self, value: Any) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    @staticmethod
    def _decode(connection: BaseDatabaseWrapper, raw: str) -> Any:
        value = connection.ops.process_clob(raw)
        # The same encoding Django's own DatabaseCache writes and reads: only
        # this process ever writes the table.
        return pickle.loads(base64.b64decode(value.encode()))  # noqa: S301


def create_cache_tables(using: str = "default", **kwargs: Any) -> None:
    """Make the database cache's table after `migrate`, so no separate step is forgotten.

    Connected to core's post_migrate only (see CoreConfig.ready), so it runs
    once per migrate; `createcachetable` does nothing when the table exists.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


def connect_cache_tables(sender: object) -> None:
    post_migrate.connect(create_cache_tables, sender=sender,
                         dispatch_uid="unknot.core.create_cache_tables")
