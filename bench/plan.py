"""Benchmark: the plan page's weight and time to first byte, this tree against another.

    .venv/bin/python bench/plan.py [--base /work/issue-7-base] [--requests 30]

For each tree (this one, and --base if given: a checkout of an earlier commit,
run with this tree's virtual environment) it makes a throwaway SQLite site with
the demo content, starts gunicorn (2 sync workers) on a free loopback port and
fetches the self-care result page (the plan under the result) and the demo
person's episode page. It reports what a browser downloads for each, gzip
compressed (level 6, as a server or whitenoise would send it): the HTML, the
stylesheets, the scripts and the pictures (those on the page, and those the
player shows on top), and the median and 90th percentile time to first byte
of the page over --requests requests after a warm-up. Only 127.0.0.1 is
contacted; not a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from bench.api import free_port

ROOT = Path(__file__).parents[1]
CSRF = "benchbenchbenchbenchbenchbench12"
# The screenshots' self-care case: lower back pain, three days in.
RESULT_FORM = {"areas": ["lower_back"], "cause": "overexertion", "trauma": "none",
               "onset_amount": "3", "onset_unit": "days", "intensity": "5", "trend": "same",
               "function_limit": "4", "age": "41", "sleep_hours": "5.5",
               "csrfmiddlewaretoken": CSRF}
PREPARE = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from unknot.tracking.models import Episode
import unknot
person = get_user_model().objects.get(email="demo@example.com")
session = SessionStore()
session[SESSION_KEY] = str(person.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = person.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "code": unknot.__file__,
                  "episode": Episode.objects.filter(owner=person).first().pk}))
"""


@dataclass(frozen=True, slots=True)
class Weight:
    html: int
    css: int
    js: int
    pictures: int
    player_pictures: int
    requests: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.pictures


def gz(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


class Site:
    def __init__(self, tree: Path) -> None:
        self.port = free_port()
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "unknot.config.settings",
                    "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
                    "UNKNOT_DATA_DIR": tempfile.mkdtemp(prefix="unknot-bench-plan-")}
        self.env.pop("UNKNOT_DATABASE_URL", None)
        self.env.pop("UNKNOT_REDIS_URL", None)
        prepared = subprocess.run([sys.executable, "-c", PREPARE], env=self.env, cwd=tree,
                                  capture_output=True, text=True, check=True)
        self.facts = json.loads(prepared.stdout.strip().splitlines()[-1])
        if not self.facts["code"].startswith(str(tree)):
            raise SystemExit(f"ran {self.facts['code']}, not the tree {tree}")
        self.server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "unknot.config.wsgi:application", "--bind",
             f"127.0.0.1:{self.port}", "--workers", "2", "--log-level", "warning"],
            env=self.env, cwd=tree)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.get("/health")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def request(self, method: str, path: str, body: str = "",
                cookie: str = "") -> tuple[float, int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "localhost"}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if cookie:
            headers["Cookie"] = cookie
        started = time.perf_counter()
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()  # returns once the status line and headers are in
        first_byte = time.perf_counter() - started
        data = response.read()
        connection.close()
        return first_byte, response.status, data

    def get(self, path: str, cookie: str = "") -> bytes:
        _, status, data = self.request("GET", path, cookie=cookie)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        return data

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


def weigh(site: Site, html: bytes, cookie: str = "") -> Weight:
    text = html.decode()
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
    js = re.findall(r'<script[^>]* src="([^"]+)"', text)
    pictures = set(re.findall(r'<img src="([^"]+)"', text))
    pictures = {p for p in pictures if p.startswith("/")}
    player = set()
    for found in re.findall(r'<script id="routine-[\w-]+" type="application/json">(.*?)</script>',
                            text, re.S):
        player |= {i["picture"] for i in json.loads(found)["items"] if i.get("picture")}
    player -= pictures

    def size(paths: set[str] | list[str]) -> int:
        return sum(gz(site.get(urllib.parse.unquote(p).replace("&amp;", "&"), cookie))
                   for p in paths)

    return Weight(gz(html), size(css), size(js), size(pictures), size(player),
                  1 + len(css) + len(js) + len(pictures))


def ttfb(site: Site, method: str, path: str, body: str, cookie: str,
         count: int) -> tuple[float, float]:
    for _ in range(3):  # warm up both workers and the plan's cached copy
        site.request(method, path, body, cookie)
    times = sorted(site.request(method, path, body, cookie)[0] * 1000 for _ in range(count))
    return statistics.median(times), times[int(len(times) * 0.9) - 1]


def measure(tree: Path, count: int) -> dict[str, tuple[Weight, tuple[float, float]]]:
    site = Site(tree)
    try:
        form = urllib.parse.urlencode(RESULT_FORM, doseq=True)
        cookie = f"csrftoken={CSRF}"
        _, status, result = site.request("POST", "/assess/", form, cookie)
        if status != 200:
            raise SystemExit(f"the result page answered {status}")
        session = f"sessionid={site.facts['session']}"
        episode_path = f"/track/{site.facts['episode']}/"
        episode = site.get(episode_path, cookie=session)
        return {
            "result": (weigh(site, result), ttfb(site, "POST", "/assess/", form, cookie, count)),
            "episode": (weigh(site, episode, session),
                        ttfb(site, "GET", episode_path, "", session, count)),
        }
    finally:
        site.stop()


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="an earlier checkout to compare with")
    parser.add_argument("--requests", type=int, default=30)
    options = parser.parse_args()
    trees = [("this tree", ROOT)]
    if options.base:
        trees.insert(0, ("base", options.base.resolve()))
    print("gzip level 6 sizes in KB; time to first byte in ms (median, 90th percentile) "
          f"over {options.requests} requests, gunicorn 2 workers, SQLite")
    print(f"{'page':8} {'tree':10} {'html':>6} {'css':>6} {'js':>6} {'pics':>6} "
          f"{'total':>7} {'reqs':>5} {'player pics':>12} {'ttfb p50':>9} {'p90':>6}")
    for label, tree in trees:
        for page, (weight, (p50, p90)) in measure(tree, options.requests).items():
            print(f"{page:8} {label:10} {kb(weight.html):>6} {kb(weight.css):>6} "
                  f"{kb(weight.js):>6} {kb(weight.pictures):>6} {kb(weight.total):>7} "
                  f"{weight.requests:>5} {kb(weight.player_pictures):>12} {p50:9.1f} "
                  f"{p90:6.1f}")
    for name in ("player.js", "offline.js"):
        path = ROOT / "src" / "unknot" / "static" / "unknot" / name
        if path.exists():
            body = path.read_bytes()
            print(f"{name}: {kb(len(body))} KB, {kb(gz(body))} KB gzip")


if __name__ == "__main__":
    main()
