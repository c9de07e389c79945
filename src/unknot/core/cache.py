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

Both are on the path of every assessment (the rate limit), so each is one
statement where it can be: `add` is an upsert that only takes over an expired
row, and `incr` adds in SQL, which needs the count stored as plain text
("int:41") rather than pickled. base64 of a pickle never holds a colon, so
the two cannot be confused; `get` reads both, and a count written by `set`
(pickled) is counted the careful way once, then stored as text.
"""

from __future__ import annotations

import base64
import functools
import pickle
import sqlite3
import time
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.db import DatabaseError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models.signals import post_migrate

INT_PREFIX = "int:"


class DatabaseCache(DjangoDatabaseCache):
    _table: str  # set by Django's __init__ from LOCATION
    # count()'s now and expiry for the current second, and its SQL per database vendor.
    _count_times_memo: tuple[tuple[int, int, str], Any, Any] | None = None

    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        self._count_sql_by_vendor: dict[str, str] = {}

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        if not keys:
            return {}
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        connection = connections[router.db_for_read(self.cache_model_class)]
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        now = connection.ops.adapt_datetimefield_value(self._now())
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('cache_key')}, {quote('value')} FROM {table} "  # noqa: S608
                f"WHERE {quote('cache_key')} IN ({', '.join(['%s'] * len(key_map))}) "
                f"AND {quote('expires')} > %s", [*key_map, now])
            rows = cursor.fetchall()
        # Expired rows are left for prune_expired (the worker, hourly): deleting
        # them here would make every read of a stale key a write.
        return {key_map[key]: self._decode(connection, str(raw)) for key, raw in rows}

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT,
            version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        connection = connections[router.db_for_write(self.cache_model_class)]
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        key_column, value_column, expires_column = (
            quote("cache_key"), quote("value"), quote("expires"))
        try:
            with connection.cursor() as cursor:
                # Most calls find the key there (a rate limit's count after its
                # first request): a read says so without taking the write lock.
                if self._live_value(connection, cursor, key, lock=False) is not None:
                    return False
                # Else one statement: a new key is inserted, a live one left
                # alone, an expired one taken over. The database runs it
                # atomically, so of two workers racing for a key one changes a row.
                cursor.execute(
                    f"INSERT INTO {table} ({key_column}, {value_column}, "  # noqa: S608
                    f"{expires_column}) VALUES (%s, %s, %s) "
                    f"ON CONFLICT ({key_column}) DO UPDATE SET "
                    f"{value_column} = excluded.{value_column}, "
                    f"{expires_column} = excluded.{expires_column} "
                    f"WHERE {table}.{expires_column} <= %s",
                    [key, self._encode(value),
                     connection.ops.adapt_datetimefield_value(self._expiry(timeout)),
                     connection.ops.adapt_datetimefield_value(self._now())])
                return bool(cursor.rowcount == 1)
        except DatabaseError:
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        connection = connections[router.db_for_write(self.cache_model_class)]
        if connection.features.can_return_columns_from_insert:  # RETURNING (SQLite 3.35+)
            table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
            value = quote("value")
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {value} = '{INT_PREFIX}' || "  # noqa: S608
                    f"CAST(CAST(SUBSTR({value}, {len(INT_PREFIX) + 1}) AS BIGINT) + %s AS TEXT) "
                    f"WHERE {quote('cache_key')} = %s AND {quote('expires')} > %s "
                    f"AND SUBSTR({value}, 1, {len(INT_PREFIX)}) = '{INT_PREFIX}' "
                    f"RETURNING {value}",
                    [int(delta), key, connection.ops.adapt_datetimefield_value(self._now())])
                row = cursor.fetchone()
            if row is not None:
                return self._decode(connection, str(row[0]))
        return self._incr_decoded(connection, key, delta)

    def count(self, key: Any, timeout: int, version: int | None = None) -> int:
        """Add one to a count and return it; a missing or expired count starts at 1 and
        lives `timeout` seconds. One statement, so one round trip and one short hold
        of the write lock: the API counts every request this way (api/limits.py)."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        if not connection.features.can_return_columns_from_insert:  # SQLite before 3.35
            if self.add(key, 1, timeout, version=version):
                return 1
            return int(self.incr(key, version=version))
        # Counts are keyed by hashes (api/limits.py): the memcache-minded check of
        # every character that make_and_validate_key adds is left out.
        key = self.make_key(key, version=version)
        now, expires = self._count_times(connection, timeout)
        params = [key, expires, now, now]
        sql = self._count_sql_by_vendor.get(connection.vendor) or self._count_sql(connection)
        if connection.vendor == "sqlite":
            row = _write_on_sqlite_without_long_sleeps(connection, sql, params)
        else:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                row = cursor.fetchone()
        return int(self._decode(connection, str(row[0])))

    def _count_times(self, connection: BaseDatabaseWrapper, timeout: int) -> tuple[Any, Any]:
        """Now and now + timeout, as the database takes them; the same for a whole second."""
        second = int(time.time())
        memo = self._count_times_memo
        if memo is None or memo[0] != (second, timeout, connection.alias):
            ops = connection.ops
            now = datetime.fromtimestamp(second, tz=UTC)
            memo = ((second, timeout, connection.alias), ops.adapt_datetimefield_value(now),
                    ops.adapt_datetimefield_value(self._expiry(timeout)))
            self._count_times_memo = memo
        return memo[1], memo[2]

    def _count_sql(self, connection: BaseDatabaseWrapper) -> str:
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        value, expires = quote("value"), quote("expires")
        # A row that has expired, or holds something other than a count (only
        # `set` could put one there), starts again at 1.
        start_again = (f"{table}.{expires} <= %s OR "
                       f"SUBSTR({table}.{value}, 1, {len(INT_PREFIX)}) <> '{INT_PREFIX}'")
        sql = self._count_sql_by_vendor[connection.vendor] = (
            f"INSERT INTO {table} ({quote('cache_key')}, {value}, {expires}) "  # noqa: S608
            f"VALUES (%s, '{INT_PREFIX}1', %s) "
            f"ON CONFLICT ({quote('cache_key')}) DO UPDATE SET "
            f"{value} = CASE WHEN {start_again} THEN '{INT_PREFIX}1' ELSE '{INT_PREFIX}' || "
            f"CAST(CAST(SUBSTR({table}.{value}, {len(INT_PREFIX) + 1}) AS BIGINT) + 1 AS TEXT) "
            f"END, "
            f"{expires} = CASE WHEN {table}.{expires} <= %s THEN excluded.{expires} "
            f"ELSE {table}.{expires} END "
            f"RETURNING {value}"
        )
        return sql

    def _incr_decoded(self, connection: BaseDatabaseWrapper, key: str, delta: int) -> Any:
        """incr of a value SQL cannot add to (pickled, or no RETURNING): lock, read, write."""
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
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

    def prune_expired(self) -> int:
        """Delete the rows whose time is up; how many went."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE {quote('expires')} <= %s",  # noqa: S608
                [connection.ops.adapt_datetimefield_value(self._now())])
            return int(cursor.rowcount)

    def _live_value(self, connection: BaseDatabaseWrapper, cursor: CursorWrapper,
                    key: str, *, lock: bool = True) -> str | None:
        """The row's stored value if it has not expired, by default locked until the
        transaction ends."""
        table, quote = connection.ops.quote_name(self._table), connection.ops.quote_name
        lock_clause = " FOR UPDATE" if lock and connection.features.has_select_for_update else ""
        cursor.execute(
            f"SELECT {quote('value')} FROM {table} WHERE {quote('cache_key')} = %s "  # noqa: S608
            f"AND {quote('expires')} > %s{lock_clause}",
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
        if type(value) is int:  # not bool, not a subclass: those stay pickled
            return f"{INT_PREFIX}{value}"
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    @staticmethod
    def _decode(connection: BaseDatabaseWrapper, raw: str) -> Any:
        value = connection.ops.process_clob(raw)
        if value.startswith(INT_PREFIX):
            return int(value.removeprefix(INT_PREFIX))
        # The same encoding Django's own DatabaseCache writes and reads: only
        # this process ever writes the table.
        return pickle.loads(base64.b64decode(value.encode()))  # noqa: S301


@functools.lru_cache(maxsize=16)
def _qmark(sql: str) -> str:
    """Django's %s placeholders as the sqlite3 driver's own."""
    return sql.replace("%s", "?")


def _write_on_sqlite_without_long_sleeps(connection: BaseDatabaseWrapper, sql: str,
                                         params: list[Any]) -> Any:
    """One write statement on SQLite, its first row; another writer is waited for in
    short steps.

    SQLite's own wait (the busy timeout) sleeps a whole millisecond, then two,
    five..., each time it finds another process writing, while a count holds
    the write lock for some microseconds. Under load one count in 25 met the
    other worker's, and those sleeps cost the API a tenth of its throughput.
    The wait here starts at 20 us and gives up, as SQLite's would, after the
    database's timeout. Runs on the driver's connection, in whatever
    transaction Django's is in.
    """
    connection.ensure_connection()
    driver = connection.connection
    patience = float(connection.settings_dict["OPTIONS"].get("timeout", 5))
    deadline = time.monotonic() + patience
    pause = 0.00002
    with connection.wrap_database_errors:
        driver.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    return driver.execute(_qmark(sql), params).fetchone()
                except sqlite3.OperationalError as error:
                    busy = (error.sqlite_errorcode & 0xFF) == sqlite3.SQLITE_BUSY
                    if not busy or time.monotonic() > deadline:
                        raise
                time.sleep(pause)
                pause = min(pause * 2, 0.001)
        finally:
            driver.execute(f"PRAGMA busy_timeout = {int(patience * 1000)}")


class RedisCache(DjangoRedisCache):
    """Django's Redis cache with `count`: one round trip where add-then-incr takes three."""

    _cache: Any  # Django's RedisCacheClient, made on first use

    def count(self, key: Any, timeout: int, version: int | None = None) -> int:
        """Add one to a count and return it; a missing count starts at 1 and lives
        `timeout` seconds (Redis forgets it then)."""
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        # MULTI/EXEC: both commands at once or neither, in one round trip.
        pipe = client.pipeline(transaction=True)
        pipe.set(key, 0, ex=timeout, nx=True)
        pipe.incr(key)
        return int(pipe.execute()[1])


def prune_expired() -> int:
    """Delete expired rows from every database cache; run hourly by the worker.

    Each rate-limit window is a new key, so without this the table would keep
    one dead row per address and hour.
    """
    pruned = 0
    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, DatabaseCache):
            pruned += cache.prune_expired()
    return pruned


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
