"""The real server (gunicorn, two workers) on the suite's database, SQLite or
PostgreSQL: concurrent check-ins are all kept exactly once, and rate limits are
one count for both workers.

One server for the whole module; each test makes its own people and tokens,
committed (transaction=True) so the server's workers can see them.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from tests.factories import calf_soreness, make_episode, make_person
from unknot.accounts.services import create_token
from unknot.tracking.models import CheckIn, Episode

THREADS = 16
ASSESS_LIMIT = 25
ROOT = Path(__file__).parents[1]


@dataclass(frozen=True)
class Server:
    url: str
    access_log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database_url() -> str:
    """The URL of the database the suite is using right now (the test database)."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return (f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}")


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def server(django_db_setup: None, django_db_blocker: Any,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("server")
    port = _free_port()
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {
        **os.environ,
        "UNKNOT_DATABASE_URL": database_url,
        "UNKNOT_DATA_DIR": str(folder),
        "UNKNOT_SECRET_KEY": "live-server-tests-only",
        # Roomy limits for the flood of check-ins; a small one for assessments,
        # the limit the test below counts.
        "UNKNOT_API_WRITE_RATE": "100000/h",
        "UNKNOT_API_ADDRESS_RATE": "100000/h",
        "UNKNOT_ASSESS_RATE": f"{ASSESS_LIMIT}/h",
    }
    env.pop("UNKNOT_REDIS_URL", None)
    access_log, error_log = folder / "access.log", folder / "error.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "unknot.config.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "1",
         "--access-logfile", str(access_log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s",
         "--error-logfile", str(error_log)],
        cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, error_log)
        yield Server(url, access_log)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _send(method: str, url: str, body: Any = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        answer = json.loads(raw) if error.headers.get("Content-Type") == "application/json" \
            else raw.decode(errors="replace")
        return error.code, dict(error.headers), answer


@pytest.mark.django_db(transaction=True)
def test_concurrent_check_ins_are_each_kept_exactly_once(server: Server) -> None:
    today = timezone.localdate()
    person = make_person()
    _, token = create_token(person, "load")
    auth = {"Authorization": f"Bearer {token}"}
    distinct = [make_episode(person, started=today - timedelta(days=30)) for _ in range(5)]
    same_today = make_episode(person, started=today - timedelta(days=30))
    same_past = make_episode(person, started=today - timedelta(days=30))
    sends: list[tuple[int, dict[str, Any]]] = []
    for episode in distinct:  # 150 different (episode, day) pairs, each sent once
        sends += [(episode.pk, {"day": (today - timedelta(days=n)).isoformat()})
                  for n in range(30)]
    sends += [(same_today.pk, {}) for _ in range(40)]  # today, replaceable: all accepted
    past = (today - timedelta(days=3)).isoformat()
    sends += [(same_past.pk, {"day": past}) for _ in range(40)]  # a past day: once only
    bodies = [{**extra, "pain": n % 11, "function_limit": (n * 3) % 11, "sleep_hours": 7.5,
               "note": f"note {n}"} for n, (_, extra) in enumerate(sends)]

    def post(n: int) -> tuple[int, dict[str, str], Any]:
        return _send("POST", f"{server.url}/api/v1/episodes/{sends[n][0]}/checkins",
                     bodies[n], auth)

    with ThreadPoolExecutor(THREADS) as pool:
        answers = list(pool.map(post, range(len(sends))))

    statuses = Counter(status for status, _, _ in answers)
    stored = CheckIn.objects.filter(episode__owner=person).count()
    print(f"\nconcurrent check-ins on {connection.vendor}: sent {len(sends)}, "
          f"acknowledged {statuses[201]}, refused {statuses[409]}, stored {stored}, "
          f"statuses {dict(statuses)}")
    assert not [s for s in statuses if s >= 500], answers
    assert set(statuses) <= {201, 409}
    acknowledged = [n for n, (status, _, _) in enumerate(answers) if status == 201]
    notes = {(row.episode_id, row.day.isoformat()): row.note
             for row in CheckIn.objects.filter(episode__owner=person)}
    # Every distinct day acknowledged and stored with what was sent.
    for n in range(150):
        episode_id, day = sends[n][0], bodies[n]["day"]
        assert answers[n][0] == 201
        assert notes[(episode_id, day)] == bodies[n]["note"]
    # Today's forty saves: all accepted, one row holding one of them.
    today_answers = [n for n in acknowledged if sends[n][0] == same_today.pk]
    assert len(today_answers) == 40
    assert notes[(same_today.pk, today.isoformat())] in {bodies[n]["note"] for n in today_answers}
    # The past day's forty: exactly one accepted, and it is the one stored.
    past_answers = [n for n in acknowledged if sends[n][0] == same_past.pk]
    assert len(past_answers) == 1
    assert notes[(same_past.pk, past)] == bodies[past_answers[0]]["note"]
    assert stored == 150 + 1 + 1
    for episode in [*distinct, same_today, same_past]:
        episode.refresh_from_db()
        assert episode.checkin_count == CheckIn.objects.filter(episode=episode).count()


@pytest.mark.django_db(transaction=True)
def test_a_rate_limit_is_one_count_shared_by_both_workers(server: Server) -> None:
    cache.clear()
    offset = server.access_log.stat().st_size if server.access_log.exists() else 0
    tries = ASSESS_LIMIT * 4

    def assess(_: int) -> tuple[int, dict[str, str], Any]:
        return _send("POST", f"{server.url}/api/v1/assessments", calf_soreness())

    with ThreadPoolExecutor(THREADS) as pool:
        answers = list(pool.map(assess, range(tries)))

    statuses = Counter(status for status, _, _ in answers)
    print(f"\nrate limit {ASSESS_LIMIT}/h on {connection.vendor}: {tries} sent at once, "
          f"{statuses[200]} answered, {statuses[429]} refused")
    assert statuses == {200: ASSESS_LIMIT, 429: tries - ASSESS_LIMIT}
    refused = [(headers, body) for status, headers, body in answers if status == 429]
    assert all(int(headers["Retry-After"]) >= 1 for headers, _ in refused)
    assert all(set(body) == {"detail", "errors"} for _, body in refused)
    # Both workers answered some of them: the count really was shared.
    time.sleep(0.5)  # the access log is written after each answer
    with server.access_log.open() as log:
        log.seek(offset)
        workers = {line.split()[0] for line in log if "/api/v1/assessments" in line}
    assert len(workers) == 2, workers


@pytest.mark.django_db(transaction=True)
def test_the_server_answers_api_errors_as_json_and_never_html(server: Server) -> None:
    status, headers, body = _send("GET", f"{server.url}/api/v1/no-such-thing")
    assert status == 404 and headers["Content-Type"] == "application/json"
    assert set(body) == {"detail", "errors"}
    status, headers, body = _send("GET", f"{server.url}/api/v1/episodes",
                                  headers={"Authorization": "Bearer unk_wrong"})
    assert status == 401 and headers["WWW-Authenticate"] == "Bearer"
    assert set(body) == {"detail", "errors"}
    assert re.match(r"^A valid access token", body["detail"])
    assert Episode.objects.count() == 0
