"""Benchmark: the whole cluster (scripts/cluster) under load, with and without faults.

    .venv/bin/python bench/cluster_load.py [--scenario steady|postgres-restart|worker-kill|
        redis-stop|all] [--clients 64] [--seconds 60] [--database-prefix unknot_bench]

Each scenario starts its own cluster through scripts/cluster (nginx, two app
servers, the worker, its own redis-server), loads it through nginx with
--clients threads for --seconds, then stops it. A thread is one person doing
a mixed round: the start page, the guides, a guide, the intake form posted on
the site, an assessment through the API, a check-in through the API with the
person's own token; now and then a login on the site and a password reset
(each at most 20 a minute in all: allauth limits both per address, and every
client here has the same one).

    steady            nothing breaks
    postgres-restart  the cluster runs on a PostgreSQL cluster this script makes
                      (initdb, port --own-postgres-port) and restarts mid-load;
                      the machine's shared server is never touched
    worker-kill       the worker's processes are killed with SIGKILL mid-load,
                      and started again 10 s later
    redis-stop        the cluster's own redis-server is stopped mid-load and
                      started again 15 s later

The report (JSON, printed and written to bench/results/) gives requests,
statuses, errors by status, p50 and p99, and check-ins acknowledged (201)
against those found in the database afterwards. It passes when no
acknowledged check-in is missing, the steady run has no error, and every error
of a fault run falls inside the fault (from the fault until 10 s after it
ends) and is the site's own: JSON with a "detail" on the API, the site's error
page on the web. Password resets must each send exactly one email.

Every client comes from 127.0.0.1, so the API's per-address limits would count
them all as one visitor: the cluster is started with those limits raised (and
only those).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "bench-cluster-password-7"  # noqa: S105 (the bench's own throwaway people)
EPISODE_DAYS = 360
GRACE_SECONDS = 10.0
INTAKE = {"age": 41, "areas": ["lower_back"], "cause": "overexertion", "onset_hours_ago": 48,
          "intensity": 5, "trend": "same", "function_limit": 4, "sleep_hours": 7}
FORM = {"areas": "calf", "cause": "overexertion", "onset_amount": "2", "onset_unit": "days",
        "intensity": "4", "trend": "same", "function_limit": "2", "age": "30"}
RAISED_LIMITS = {"UNKNOT_API_WRITE_RATE": "100000/m", "UNKNOT_API_ADDRESS_RATE": "100000/m",
                 "UNKNOT_ASSESS_RATE": "100000/m"}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _cluster_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unknot_cluster", ROOT / "scripts/cluster.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


cluster = _cluster_module()


# --- what the clients saw ---------------------------------------------------------------

@dataclass
class Record:
    """Everything the clients saw, shared by all threads under one lock."""

    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[float, str, str, bool]] = field(default_factory=list)
    checkins: list[tuple[int, str, str]] = field(default_factory=list)
    resets: list[str] = field(default_factory=list)

    def answer(self, kind: str, status: int, seconds: float, body: bytes,
               content_type: str) -> None:
        at = time.monotonic() - self.started
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[str(status)] += 1
            if status >= 400 or status == 0:
                self.errors.append((at, kind, str(status), _own_error(kind, body, content_type)))


def _own_error(kind: str, body: bytes, content_type: str) -> bool:
    """The site's own error: JSON with a detail on the API, the error page on the web."""
    if kind == "api":
        if not content_type.startswith("application/json"):
            return False
        try:
            return "detail" in json.loads(body)
        except ValueError:
            return False
    return b'class="error-page"' in body


class Budget:
    """At most `per_minute` of something across all threads (allauth's limits per address)."""

    def __init__(self, per_minute: int) -> None:
        self.gap = 60.0 / per_minute
        self.next = time.monotonic() + self.gap
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            if now < self.next:
                return False
            self.next = now + self.gap
            return True


# --- one client ---------------------------------------------------------------------------

@dataclass
class Person:
    email: str
    token: str
    episodes: list[int]
    started_on: date


class Client:
    """A browser-like visitor on one keep-alive connection, with its own cookies."""

    def __init__(self, port: int, record: Record) -> None:
        self.port = port
        self.record = record
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(self, kind: str, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        begun = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            self.record.answer(kind, 0, time.monotonic() - begun, b"", "")
            return 0, b"", {}
        answer_headers = {k.lower(): v for k, v in response.getheaders()}
        for value in response.headers.get_all("Set-Cookie") or []:
            jar: SimpleCookie = SimpleCookie()
            jar.load(value)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        self.record.answer(kind, response.status, time.monotonic() - begun, data,
                           answer_headers.get("content-type", ""))
        return response.status, data, answer_headers

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def form(self, path: str, fields: dict[str, str]) -> int:
        """GET a form page, then POST it with its CSRF token, as a browser does."""
        status, page, _ = self.request("web", "GET", path)
        match = CSRF_FIELD.search(page.decode(errors="replace"))
        if status != 200 or not match:
            return status
        body = urlencode({"csrfmiddlewaretoken": match.group(1), **fields}).encode()
        status, _, _ = self.request("web", "POST", path, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{self.port}{path}"})
        return status


def run_client(port: int, person: Person, reset_for: list[str], record: Record,
               logins: Budget, resets: Budget, stop_at: float, seed: int) -> None:
    chance = random.Random(seed)
    visitor = Client(port, record)
    auth = {"Authorization": f"Bearer {person.token}", "Content-Type": "application/json"}
    days = [(episode, person.started_on + timedelta(days=n))
            for n in range(EPISODE_DAYS) for episode in person.episodes]
    chance.shuffle(days)
    guide = "/guides/"
    while time.monotonic() < stop_at:
        visitor.request("web", "GET", "/")
        status, page, _ = visitor.request("web", "GET", "/guides/")
        links = re.findall(r'href="(/guides/[a-z0-9-]+/)"', page.decode(errors="replace"))
        guide = chance.choice(links) if links else guide
        visitor.request("web", "GET", guide)
        visitor.form("/assess/", FORM)
        visitor.request("api", "POST", "/api/v1/assessments", json.dumps(INTAKE).encode(),
                        {"Content-Type": "application/json"})
        for _ in range(3):
            if not days:
                break
            episode, day = days.pop()
            note = f"bench {seed} {episode} {day}"
            body = json.dumps({"day": day.isoformat(), "pain": chance.randint(0, 10),
                               "function_limit": 3, "sleep_hours": 7, "note": note}).encode()
            status, _, _ = visitor.request("api", "POST", f"/api/v1/episodes/{episode}/checkins",
                                           body, auth)
            if status == 201:
                with record.lock:
                    record.checkins.append((episode, day.isoformat(), note))
        if logins.take():
            browser = Client(port, record)
            if browser.form("/account/login/", {"login": person.email,
                                                "password": PASSWORD}) == 302:
                browser.request("web", "GET", "/track/")
            browser.close()
        if reset_for and resets.take():
            with record.lock:
                address = reset_for.pop() if reset_for else ""
            if address and visitor.form("/account/password/reset/", {"email": address}) == 302:
                with record.lock:
                    record.resets.append(address)
    visitor.close()


# --- the cluster under test ---------------------------------------------------------------

@dataclass
class Setup:
    name: str
    env: dict[str, str]
    layout: Any
    own_postgres: OwnPostgres | None = None


class OwnPostgres:
    """A throwaway PostgreSQL cluster on its own port, for the restart; never the shared one."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="unknot-bench-pg-"))
        self.data = self.folder / "data"
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the cluster as postgres
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres", "postgres")

    def ctl(self, *args: str) -> None:
        subprocess.run([*self.as_user, str(PG_BIN / "pg_ctl"), "-D", str(self.data),
                        "-l", str(self.folder / "log"), "-w", *args], check=True,
                       stdout=subprocess.DEVNULL)

    def start(self) -> str:
        subprocess.run([*self.as_user, str(PG_BIN / "initdb"), "-D", str(self.data),
                        "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                       check=True, stdout=subprocess.DEVNULL)
        self.ctl("-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                       "-c max_connections=100 -c fsync=on", "start")
        return f"postgres://postgres@127.0.0.1:{self.port}/unknot_bench"

    def restart(self) -> None:
        self.ctl("-m", "fast", "restart")

    def remove(self) -> None:
        try:
            self.ctl("-m", "fast", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


@contextmanager
def running_cluster(name: str, prefix: str, base_port: int, redis_port: int,
                    own_postgres_port: int) -> Iterator[Setup]:
    run_dir = ROOT / "var" / f"bench-cluster-{name}"
    shutil.rmtree(run_dir, ignore_errors=True)
    env = {**os.environ, **RAISED_LIMITS, "UNKNOT_CLUSTER_DIR": str(run_dir),
           "UNKNOT_CLUSTER_PORT": str(base_port), "UNKNOT_CLUSTER_REDIS_PORT": str(redis_port),
           "UNKNOT_CLUSTER_DEMO": "1"}
    own = None
    if name == "postgres-restart":
        own = OwnPostgres(own_postgres_port)
        env["UNKNOT_DATABASE_URL"] = own.start()
    else:
        env.pop("UNKNOT_DATABASE_URL", None)
        env["UNKNOT_CLUSTER_DATABASE"] = f"{prefix}_{name.replace('-', '_')}"
        drop_database(f"postgres://postgres@127.0.0.1:5432/{env['UNKNOT_CLUSTER_DATABASE']}")
    try:
        subprocess.run([str(ROOT / "scripts" / "cluster"), "start"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        saved = dict(os.environ)
        os.environ.update({k: v for k, v in env.items() if k.startswith("UNKNOT_CLUSTER_")})
        layout = cluster.layout_from_env()
        os.environ.clear()
        os.environ.update(saved)
        yield Setup(name, env, layout, own)
    finally:
        subprocess.run([str(ROOT / "scripts" / "cluster"), "stop"], env=env, check=False,
                       stdout=subprocess.DEVNULL)
        if own is not None:
            own.remove()


def django_for(setup: Setup) -> None:
    """Point this process's Django at the cluster's database, as its servers are."""
    os.environ.update(cluster.parse_env_file(setup.layout.env_file))
    os.environ["DJANGO_SETTINGS_MODULE"] = "unknot.config.settings"
    import django

    django.setup()


def make_people(count: int) -> list[Person]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from unknot.accounts.services import create_token
    from unknot.tracking.services import start_episode

    started_on = timezone.localdate() - timedelta(days=EPISODE_DAYS)
    hashed = make_password(PASSWORD)
    people = []
    User = get_user_model()
    for n in range(count):
        email = f"bench-{n}@example.com"
        user = User.objects.create(username=email, email=email, password=hashed)
        _, token = create_token(user, "bench")
        episodes = [start_episode(user, INTAKE, today=started_on).pk for _ in range(2)]
        people.append(Person(email, token, episodes, started_on))
    return people


def stored_checkins(people: list[Person]) -> dict[tuple[int, str], str]:
    from django.db import connections

    from unknot.tracking.models import CheckIn

    connections.close_all()  # the old connection may predate a PostgreSQL restart
    episodes = [pk for person in people for pk in person.episodes]
    return {(row.episode_id, row.day.isoformat()): row.note
            for row in CheckIn.objects.filter(episode_id__in=episodes)}


# --- faults -------------------------------------------------------------------------------

def fault_for(setup: Setup, seconds: float) -> Callable[[], tuple[float, float]]:
    """What breaks, and when; returns the fault's start and end, seconds from the load's start."""
    layout = setup.layout
    begin_at = seconds / 3

    def postgres_restart() -> tuple[float, float]:
        assert setup.own_postgres is not None
        start = time.monotonic()
        setup.own_postgres.restart()
        return start, time.monotonic()

    def worker_kill() -> tuple[float, float]:
        start = time.monotonic()
        pid = cluster.pid_of(layout, "worker")
        assert pid, "the worker is not running"
        os.killpg(pid, signal.SIGKILL)
        time.sleep(10)
        unit = cluster.read_unit(layout, "unknot-worker.service")
        cluster.launch(layout, "worker", unit.commands[0], unit.workdir, unit.env)
        return start, time.monotonic()

    def redis_stop() -> tuple[float, float]:
        start = time.monotonic()
        pid = cluster.pid_of(layout, "redis")
        assert pid, "redis is not running"
        os.kill(pid, signal.SIGTERM)
        time.sleep(15)
        cluster.launch(layout, "redis", cluster.redis_command(layout), layout.run_dir,
                       dict(os.environ))
        return start, time.monotonic()

    chosen = {"postgres-restart": postgres_restart, "worker-kill": worker_kill,
              "redis-stop": redis_stop}[setup.name]

    def when_due() -> tuple[float, float]:
        time.sleep(begin_at)
        return chosen()

    return when_due


# --- emails -------------------------------------------------------------------------------

def emails_to(layout: Any, addresses: list[str], wait: float) -> dict[str, int]:
    """How many emails each address got, read from the console backend's output in the logs."""
    deadline = time.monotonic() + wait
    while True:
        text = "\n".join(log.read_text(errors="replace") for log in layout.logs.glob("*.log"))
        counts = {a: len(re.findall(rf"^To: {re.escape(a)}$", text, re.M)) for a in addresses}
        if all(counts.values()) or time.monotonic() > deadline:
            return counts
        time.sleep(1)


# --- one scenario -------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_scenario(name: str, options: argparse.Namespace) -> dict[str, Any]:
    with running_cluster(name, options.database_prefix, options.port, options.redis_port,
                         options.own_postgres_port) as setup:
        django_for(setup)
        people = make_people(options.clients)
        reset_people = [p.email for p in people]
        record = Record()
        stop_at = record.started + options.seconds
        window: list[float] = []

        def break_it() -> None:
            begin, end = fault_for(setup, options.seconds)()
            window.extend([begin - record.started, end - record.started])

        # One budget for all clients: allauth counts logins and resets per address.
        logins, resets = Budget(20), Budget(15)
        threads = [threading.Thread(
            target=run_client,
            args=(setup.layout.port, person, reset_people, record, logins, resets, stop_at, n))
            for n, person in enumerate(people)]
        if name != "steady":
            threads.append(threading.Thread(target=break_it))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - record.started

        stored = stored_checkins(people)
        lost = [c for c in record.checkins if stored.get((c[0], c[1])) != c[2]]
        acknowledged_notes = {c[2] for c in record.checkins}
        unacknowledged = sum(1 for note in stored.values() if note not in acknowledged_notes)
        # A worker killed mid-send holds its email's lease for five minutes
        # (ops/outbox.py) before another worker may send it: wait that long there.
        emails = emails_to(setup.layout, record.resets, wait=420 if name == "worker-kill" else 90)
        fault = (window[0], window[1] + GRACE_SECONDS) if window else None
        outside = [e for e in record.errors if fault is None or not fault[0] <= e[0] <= fault[1]]
        not_own = [e for e in record.errors if not e[3]]
        report: dict[str, Any] = {
            "scenario": name,
            "clients": options.clients,
            "seconds": round(elapsed, 1),
            "requests": sum(record.statuses.values()),
            "requests_per_second": round(sum(record.statuses.values()) / elapsed, 1),
            "statuses": dict(sorted(record.statuses.items())),
            "errors_by_status": dict(sorted(Counter(e[2] for e in record.errors).items())),
            "errors_by_kind": dict(sorted(Counter(f"{e[1]} {e[2]}" for e in record.errors)
                                          .items())),
            "errors_outside_fault_window": len(outside),
            "errors_not_the_sites_own": len(not_own),
            "fault_window_s": [round(fault[0], 1), round(fault[1], 1)] if fault else None,
            "latency_ms": {"p50": round(percentile(record.latencies, 0.5) * 1000, 1),
                           "p99": round(percentile(record.latencies, 0.99) * 1000, 1),
                           "mean": round(statistics.fmean(record.latencies) * 1000, 1)
                           if record.latencies else 0.0},
            "checkins": {"acknowledged": len(record.checkins), "stored": len(stored),
                         "acknowledged_and_lost": len(lost),
                         "stored_without_acknowledgement": unacknowledged},
            "password_reset_emails": {
                "requests_acknowledged": len(record.resets),
                "sent_once": sum(1 for n in emails.values() if n == 1),
                "missing": sum(1 for n in emails.values() if n == 0),
                "sent_more_than_once": sum(1 for n in emails.values() if n > 1)},
        }
        report["passed"] = (not lost and not outside and not not_own
                            and (name != "steady" or not record.errors)
                            and report["password_reset_emails"]["missing"] == 0
                            and report["password_reset_emails"]["sent_more_than_once"] == 0)
        return report


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--scenario", default="all",
                        choices=["steady", "postgres-restart", "worker-kill", "redis-stop", "all"])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database-prefix", default="unknot_bench",
                        help="databases on the machine's PostgreSQL are PREFIX_SCENARIO")
    parser.add_argument("--port", type=int, default=8410, help="nginx; app servers on the next")
    parser.add_argument("--redis-port", type=int, default=6396)
    parser.add_argument("--own-postgres-port", type=int, default=5441)
    options = parser.parse_args()
    names = ["steady", "postgres-restart", "worker-kill", "redis-stop"] \
        if options.scenario == "all" else [options.scenario]
    RESULTS.mkdir(parents=True, exist_ok=True)
    passed = True
    for name in names:
        # Each scenario in its own process: Django is set up once per process.
        if len(names) > 1:
            args = [sys.executable, __file__, "--scenario", name, "--clients",
                    str(options.clients), "--seconds", str(options.seconds),
                    "--database-prefix", options.database_prefix, "--port", str(options.port),
                    "--redis-port", str(options.redis_port),
                    "--own-postgres-port", str(options.own_postgres_port)]
            passed = subprocess.run(args, check=False).returncode == 0 and passed
            continue
        report = run_scenario(name, options)
        text = json.dumps(report, indent=2)
        print(text)
        (RESULTS / f"cluster-{name}.json").write_text(text + "\n")
        passed = report["passed"]
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
