"""Backups of the whole database, and restoring one into an empty database.

SQLite: the online backup API (sqlite3's Connection.backup), which copies a
consistent snapshot while the site keeps running and writing; restoring
copies it back the same way. PostgreSQL: pg_dump in its custom format (one
compressed file, consistent, taken while the site runs) and pg_restore.
Uploaded files (the data folder's media/) are not in the database: copy them
beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def _database() -> dict[str, Any]:
    return dict(connections["default"].settings_dict)


def _is_sqlite(db: dict[str, Any]) -> bool:
    return bool(db["ENGINE"] == "django.db.backends.sqlite3")


def has_tables() -> bool:
    """Whether the database already holds Unknot's tables (and so, maybe, people's data)."""
    return "auth_user" in connections["default"].introspection.table_names()


def backup(path: Path) -> None:
    db = _database()
    if _is_sqlite(db):
        _sqlite_copy(Path(db["NAME"]), path)
    else:
        _pg("pg_dump", db, ["--format=custom", "--no-owner", f"--file={path}"])


def restore(path: Path, *, replace: bool = False) -> None:
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    if not replace and has_tables():
        raise BackupError("the database is not empty: restore into an empty database, or "
                          "give --replace to overwrite everything in it")
    db = _database()
    connections["default"].close()
    if _is_sqlite(db):
        _sqlite_copy(path, Path(db["NAME"]))
    else:
        _pg("pg_restore", db, ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                               f"--dbname={db['NAME']}", str(path)])


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(f"no SQLite database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Read-only on the source (a URI), so a mistyped name is never created.
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader, \
            sqlite3.connect(target) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()


def _pg(program: str, db: dict[str, Any], arguments: list[str]) -> None:
    binary = shutil.which(program)
    if binary is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install "
                          "postgresql-client)")
    env = {**os.environ, "PGHOST": str(db.get("HOST") or "127.0.0.1"),
           "PGPORT": str(db.get("PORT") or 5432), "PGUSER": str(db.get("USER") or ""),
           "PGPASSWORD": str(db.get("PASSWORD") or ""), "PGDATABASE": str(db["NAME"])}
    # The arguments are ours; only the database name comes from settings.
    done = subprocess.run([binary, *arguments], env=env, capture_output=True, text=True,  # noqa: S603
                          check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()[-2000:]}")
