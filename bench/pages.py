"""Benchmark: every kind of page under gunicorn, against a bare Django view in the same run.

    .venv/bin/python bench/pages.py [--seconds 3] [--rounds 3] [--connections 16] [--only NAME ...]

Makes a throwaway SQLite site with the demo content, starts gunicorn (2 sync
workers) on a free loopback port and loads each page in turn with wrk (Debian
package `wrk`), 16 connections by default. Each page is measured right after
the bare view (Django's middleware and nothing else), in several rounds; the
report gives the median of the rounds' ratios of requests a second, and the
median 50th and 99th percentile latency. Measured in pairs because on a shared
machine the load from others changes by the second. Only 127.0.0.1 is contacted.

It also reports the CPU time the workers spent per request (from /proc, so Linux
only) and the ratio of those: on a busy machine the scheduler favours whatever
runs in short bursts, so the bare view gets more than its share of the cores and
the ratio of requests a second understates a heavier page; the CPU ratio does not
depend on the load. On an idle machine the two agree, the requests-a-second ratio
a little higher (wrk and the kernel cost the same for both).

Targets: public pages >= 0.5x, the result page >= 0.25x, the episode page
>= 0.15x, p99 under 50 ms. The machine may be shared: run it a few times and
read the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from bench.api import cpu_seconds, free_port, wait_until_up, worker_pids

ROOT = Path(__file__).parents[1]
# A CSRF secret chosen here: sent as the cookie and as the form's token.
CSRF = "benchbenchbenchbenchbenchbench12"
RESULT_FORM = {"areas": ["lower_back", "glutes"], "cause": "overexertion", "trauma": "none",
               "onset_amount": "3", "onset_unit": "days", "intensity": "6", "trend": "same",
               "function_limit": "5", "age": "35", "sleep_hours": "6",
               "csrfmiddlewaretoken": CSRF}
TARGETS = {"public": 0.5, "result": 0.25, "episode": 0.15}
P99_LIMIT_MS = 50.0
# Run in the server's environment before it starts: the demo site, a logged-in
# session for the demo person, and the addresses of one guide, tag and product.
PREPARE = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from unknot.guides.models import Guide, Tag
from unknot.products.models import Product
from unknot.tracking.models import Episode
person = get_user_model().objects.get(email="demo@example.com")
session = SessionStore()
session[SESSION_KEY] = str(person.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = person.get_session_auth_hash()
session.create()
print(json.dumps({
    "session": session.session_key,
    "episode": Episode.objects.filter(owner=person).first().pk,
    "guide": Guide.objects.published().first().get_absolute_url(),
    "tag": Tag.objects.filter(guides__isnull=False).first().get_absolute_url(),
    "product": Product.objects.listed().first().get_absolute_url(),
}))
"""


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    kind: str  # public, result, episode or other (reported, no target)
    path: str
    body: str = ""
    cookie: str = ""


@dataclass(frozen=True, slots=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float  # the workers' CPU time per request


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load(url: str, seconds: float, connections: int, page: Page | None = None,
         workers: list[int] | None = None) -> Load:
    lines = []
    if page is not None and page.body:
        lines += ['wrk.method = "POST"', f"wrk.body = {json.dumps(page.body)}",
                  'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"']
    if page is not None and page.cookie:
        lines.append(f'wrk.headers["Cookie"] = {json.dumps(page.cookie)}')
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    before = cpu_seconds(workers or [])
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency",
             "--timeout", "10s", "-s", script.name, url],
            capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    cpu = cpu_seconds(workers or []) - before
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+)", out)
    if "Non-2xx" in out or (errors and any(int(n) for n in errors.groups())):
        raise SystemExit(f"errors while loading {url}:\n{out}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", out)
    count = re.search(r"(\d+) requests in", out)
    assert rate and p50 and p99 and count, out
    return Load(float(rate.group(1)), _ms(p50.group(1)), _ms(p99.group(1)),
                1000 * cpu / max(int(count.group(1)), 1))


def check_answers(url: str, page: Page) -> None:
    """The page itself, not a redirect: wrk counts only statuses from 400 up as errors."""
    curl = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"]
    if page.body:
        curl += ["--data", page.body]
    if page.cookie:
        curl += ["-H", f"Cookie: {page.cookie}"]
    status = subprocess.run([*curl, url], capture_output=True, text=True, check=True).stdout
    if status != "200":
        raise SystemExit(f"{page.name}: {url} answered {status}, not 200")


def pages(site: dict[str, str]) -> list[Page]:
    logged_in = f"sessionid={site['session']}"
    return [
        Page("start", "public", "/"),
        Page("guides", "public", "/guides/"),
        Page("guide", "public", site["guide"]),
        Page("tag", "public", site["tag"]),
        Page("products", "public", "/products/"),
        Page("product", "public", site["product"]),
        Page("about", "public", "/about/"),
        Page("intake", "other", "/assess/"),
        Page("result", "result", "/assess/", body=urllib.parse.urlencode(RESULT_FORM, doseq=True),
             cookie=f"csrftoken={CSRF}"),
        Page("episode", "episode", f"/track/{site['episode']}/", cookie=logged_in),
        Page("guides, logged in", "other", "/guides/", cookie=logged_in),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", nargs="*", default=[])
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("bench/pages.py needs wrk (Debian: apt-get install wrk)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
           "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "UNKNOT_DATA_DIR": tempfile.mkdtemp(prefix="unknot-bench-"),
           # One key for the preparing process and both workers: without it each process
           # makes its own, the logged-in session reads as corrupted and the episode page
           # is measured for an anonymous visitor.
           "UNKNOT_SECRET_KEY": secrets.token_urlsafe(50)}
    env.pop("UNKNOT_DATABASE_URL", None)  # always a throwaway SQLite site
    prepared = subprocess.run([sys.executable, "-c", PREPARE], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
    site = json.loads(prepared.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "unknot.config.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )
    chosen = [p for p in pages(site) if not options.only or p.name in options.only]
    pairs: dict[str, list[tuple[Load, Load]]] = {page.name: [] for page in chosen}
    try:
        wait_until_up(f"{base}/bench/trivial")
        workers = worker_pids(server.pid)
        for page in chosen:  # warm up every worker's caches
            check_answers(base + page.path, page)
            load(base + page.path, 1, options.connections, page)
        for _ in range(options.rounds):
            for page in chosen:
                bare = load(f"{base}/bench/trivial", options.seconds, options.connections,
                            workers=workers)
                pairs[page.name].append((bare, load(base + page.path, options.seconds,
                                                    options.connections, page, workers)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"wrk, {options.connections} connections, {options.seconds:g} s a run, "
          f"{options.rounds} rounds, gunicorn 2 workers, SQLite; medians of the rounds")
    print(f"{'page':20} {'req/s':>7} {'bare':>7} {'ratio':>6} {'target':>7} {'p50 ms':>7} "
          f"{'p99 ms':>7} {'bare p99':>8} {'cpu ms':>7} {'bare':>5} {'cpu ratio':>9}")
    failed = False
    for page in chosen:
        runs = pairs[page.name]
        ratio = statistics.median(p.requests_per_second / b.requests_per_second
                                  for b, p in runs)
        rate = statistics.median(p.requests_per_second for _, p in runs)
        bare_rate = statistics.median(b.requests_per_second for b, _ in runs)
        p50 = statistics.median(p.p50_ms for _, p in runs)
        p99 = statistics.median(p.p99_ms for _, p in runs)
        bare_p99 = statistics.median(b.p99_ms for b, _ in runs)
        cpu = statistics.median(p.cpu_ms for _, p in runs)
        bare_cpu = statistics.median(b.cpu_ms for b, _ in runs)
        cpu_ratio = statistics.median(b.cpu_ms / p.cpu_ms for b, p in runs if p.cpu_ms)
        target = TARGETS.get(page.kind)
        ok = (target is None or ratio >= target) and (page.kind == "other" or p99 < P99_LIMIT_MS)
        failed |= not ok
        print(f"{page.name:20} {rate:7,.0f} {bare_rate:7,.0f} {ratio:6.2f} "
              f"{'' if target is None else f'{target:.2f}':>7} {p50:7.1f} {p99:7.1f} "
              f"{bare_p99:8.1f} {cpu:7.2f} {bare_cpu:5.2f} {cpu_ratio:9.2f}  "
              f"{'' if ok else 'BELOW TARGET'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
