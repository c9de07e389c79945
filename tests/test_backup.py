"""`unknot backup` then `unknot restore` into an empty database finds every record.

Run on the suite's database: SQLite, or PostgreSQL when UNKNOT_DATABASE_URL
says so (CI's second run). The commands run as an operator runs them, in
their own processes; `unknot dumpdata` of the original and of the restored
database must be the same, record for record.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection

from tests.factories import (
    PASSWORD,
    checkin,
    make_episode,
    make_person,
    name_activities,
    rate_activities,
)
from tests.guide_helpers import make_comment, make_guide, make_product
from unknot.accounts.services import create_token
from unknot.moderation.models import GuideComment
from unknot.tracking.reminders import create_feed, set_email_daily
from unknot.tracking.sharing import create_share_link

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).parents[1]


def _url(settings_dict: dict[str, Any], name: str) -> str:
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{name}"
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    return (f"postgres://{credentials}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{name}")


def unknot(database_url: str, *args: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UNKNOT_DATABASE_URL": database_url, "UNKNOT_DATA_DIR": str(folder),
           "UNKNOT_SECRET_KEY": "backup-tests-only"}
    env.pop("UNKNOT_REDIS_URL", None)
    return subprocess.run([sys.executable, "-m", "unknot", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A URL of a new, empty database of the suite's kind, removed afterwards."""
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        yield _url(settings_dict, str(tmp_path / "restored.sqlite3"))
        return
    name = f"{settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _url(settings_dict, name)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _populate() -> None:
    person = make_person("backed-up@example.org")
    episode = make_episode(person, started=date(2026, 3, 2))
    for day in range(2, 9):
        checkin(episode, date(2026, 3, day), pain=6 - day // 2)
    name_activities(episode, date(2026, 3, 2))
    rate_activities(episode, date(2026, 3, 8), (5, 6, 7))
    create_token(person, "phone")
    create_feed(person)
    set_email_daily(person, True)
    create_share_link(episode, 7, "my physio")
    guide = make_guide("Easing a sore calf")
    make_comment(guide, status=GuideComment.APPROVED, text="This helped me – thank you ✓")
    make_comment(guide, text="Waiting for a moderator")
    make_product("Backed-up roller")


def _records(dump: str) -> dict[str, list[dict[str, Any]]]:
    by_model: dict[str, list[dict[str, Any]]] = {}
    for record in json.loads(dump):
        by_model.setdefault(record["model"], []).append(record)
    return by_model


def test_backup_and_restore_into_an_empty_database_find_every_record(
        tmp_path: Path, empty_database: str) -> None:
    _populate()
    source = _url(connection.settings_dict, connection.settings_dict["NAME"])
    backup_file = tmp_path / "unknot.backup"

    made = unknot(source, "backup", str(backup_file), folder=tmp_path)
    assert made.returncode == 0, made.stderr
    assert backup_file.stat().st_size > 0

    restored = unknot(empty_database, "restore", str(backup_file), folder=tmp_path)
    assert restored.returncode == 0, restored.stderr

    before = unknot(source, "dumpdata", "--indent", "0", folder=tmp_path)
    after = unknot(empty_database, "dumpdata", "--indent", "0", folder=tmp_path)
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    original, copy = _records(before.stdout), _records(after.stdout)
    for model in ("auth.user", "tracking.episode", "tracking.checkin", "tracking.psfsactivity",
                  "tracking.psfsrating", "tracking.reminder", "tracking.sharelink",
                  "accounts.accesstoken", "guides.guide", "moderation.guidecomment",
                  "products.product"):
        assert original.get(model), f"the test made no {model}"
    assert copy == original

    # And the restored database is a working one: the person can log in to it.
    login = unknot(empty_database, "shell", "-c",
                   "from django.contrib.auth import authenticate; "
                   f"print(authenticate(username='backed-up@example.org', password={PASSWORD!r}) "
                   "is not None)", folder=tmp_path)
    assert login.stdout.strip().endswith("True"), login.stderr


def test_restore_refuses_a_database_that_holds_data(tmp_path: Path) -> None:
    make_person()
    source = _url(connection.settings_dict, connection.settings_dict["NAME"])
    backup_file = tmp_path / "unknot.backup"
    assert unknot(source, "backup", str(backup_file), folder=tmp_path).returncode == 0
    refused = unknot(source, "restore", str(backup_file), folder=tmp_path)
    assert refused.returncode == 1
    assert "the database is not empty" in refused.stderr


def test_restore_names_a_missing_file(tmp_path: Path, empty_database: str) -> None:
    refused = unknot(empty_database, "restore", str(tmp_path / "nothing.backup"),
                     folder=tmp_path)
    assert refused.returncode == 1
    assert "no backup file at" in refused.stderr
