"""What a fleet of app servers needs from settings and commands, run as an operator runs them:
one signing key for all, nothing written at import, a deploy step that migrates once and
hashes static names, and a worker that sends the outbox's emails and says it is alive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from tests.test_backup import _url
from tests.test_outbox import MailServer, _free_port, _message
from unknot.ops import outbox
from unknot.ops.models import OutboxEmail, WorkerHeartbeat

ROOT = Path(__file__).parents[1]
POSTGRES_URL = "postgres://nobody@127.0.0.1:5432/unknot_fleet_check"


def unknot(*args: str, env: dict[str, str],
           timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "unknot", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, check=False)


def _env(folder: Path, **changes: str) -> dict[str, str]:
    env = {**os.environ, "UNKNOT_DATA_DIR": str(folder), **changes}
    for name in ("UNKNOT_SECRET_KEY", "UNKNOT_DATABASE_URL", "UNKNOT_REDIS_URL",
                 "UNKNOT_STATIC_MANIFEST"):
        if name not in changes:
            env.pop(name, None)
    return env


def test_a_server_on_postgresql_refuses_to_start_without_the_secret_key(tmp_path: Path) -> None:
    env = _env(tmp_path, UNKNOT_DATABASE_URL=POSTGRES_URL)
    for command in (["check"], ["serve", "--port", str(_free_port())], ["worker"]):
        refused = unknot(*command, env=env, timeout=60)
        assert refused.returncode == 1, command
        assert "unknot.E001" in refused.stderr
        assert "UNKNOT_SECRET_KEY is not set, and the database is not SQLite" in refused.stderr
    given = unknot("check", env={**env, "UNKNOT_SECRET_KEY": "one-key-for-every-server"})
    assert given.returncode == 0, given.stderr


def test_settings_write_nothing_at_import(tmp_path: Path) -> None:
    folder = tmp_path / "not-made"
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); "
         "from django.conf import settings; print(settings.SECRET_KEY_SOURCE)"],
        env={**_env(folder), "DJANGO_SETTINGS_MODULE": "unknot.config.settings"},
        capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "process"
    assert not folder.exists()


def test_deploy_migrates_keeps_one_key_and_hashes_static_names(tmp_path: Path) -> None:
    env = _env(tmp_path)
    warned = unknot("check", env=env)
    assert "unknot.W001" in warned.stderr
    first = unknot("deploy", env=env)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text()
    assert len(key) > 40 and oct(key_file.stat().st_mode)[-3:] == "600"
    assert unknot("deploy", env=env).returncode == 0
    assert key_file.read_text() == key  # made once, kept
    checked = unknot("check", env=env)
    assert checked.returncode == 0 and "unknot.W001" not in checked.stderr
    assert (tmp_path / "static" / "staticfiles.json").is_file()
    named = unknot("shell", "-c", "from django.templatetags.static import static; "
                   "print(static('unknot/favicon.svg'))", env=env)
    name = named.stdout.strip().splitlines()[-1]
    assert name.startswith("/static/unknot/favicon.") and name != "/static/unknot/favicon.svg"
    plan = unknot("migrate", "--plan", env=env)
    assert "No planned migration operations" in plan.stdout


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_queued_email_and_beats_while_it_runs(
        tmp_path: Path, settings: Any) -> None:
    from django.db import connection

    settings.TASKS_SYNC = False  # the real worker, in its own processes, does it
    smtp = MailServer(_free_port())
    smtp.start()
    env = _env(tmp_path, UNKNOT_DATABASE_URL=_url(connection.settings_dict,
                                                  connection.settings_dict["NAME"]),
               UNKNOT_SECRET_KEY="worker-tests-only", UNKNOT_EMAIL_HOST="127.0.0.1",
               UNKNOT_EMAIL_PORT=str(smtp.port), UNKNOT_EMAIL_TLS="0",
               UNKNOT_WORKER_PROCESSES="1")
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen([sys.executable, "-m", "unknot", "worker"], env=env, cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        with transaction.atomic():
            outbox.queue_email(_message("person@example.org"))
        deadline = time.monotonic() + 60
        while not smtp.inbox.messages and time.monotonic() < deadline:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            time.sleep(0.3)
        assert [m.rcpt_tos for m in smtp.inbox.messages] == [["person@example.org"]]
        assert OutboxEmail.objects.get().state == OutboxEmail.SENT
        assert WorkerHeartbeat.objects.count() == 1
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        log.close()
        smtp.stop()
    assert WorkerHeartbeat.objects.count() == 0  # a worker that stopped says so


@pytest.mark.parametrize(("dsn", "active"), [("", "False"),
                                              ("http://public@127.0.0.1:9/1", "True")])
def test_sentry_is_on_only_when_a_dsn_is_given(tmp_path: Path, dsn: str, active: str) -> None:
    env = _env(tmp_path, UNKNOT_SENTRY_DSN=dsn, DJANGO_SETTINGS_MODULE="unknot.config.settings")
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); import sentry_sdk; "
         "print(sentry_sdk.get_client().is_active())"],
        env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == active


def test_migrate_on_a_fresh_checkout_makes_the_sqlite_folder_itself(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "made" / "yet"
    env = _env(folder)
    env.pop("UNKNOT_DATABASE_URL", None)
    done = unknot("migrate", "--verbosity", "0", env=env)
    assert done.returncode == 0, done.stderr
    assert (folder / "unknot.sqlite3").is_file()


def test_the_suite_keeps_out_of_the_checkouts_own_data_folder() -> None:
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage

    checkout = Path(__file__).parents[1]
    for folder in (settings.DATA_DIR, settings.STATIC_ROOT, settings.MEDIA_ROOT):
        assert not Path(folder).is_relative_to(checkout)
    # Static files by their plain names, as on a fresh clone, whatever var/ holds.
    assert staticfiles_storage.url("unknot/app.css") == "/static/unknot/app.css"
