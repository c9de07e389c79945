"""Benchmark: the assessment API under gunicorn against a trivial Django view.

    .venv/bin/python bench/api.py [--seconds 10] [--connections 8]

Starts gunicorn (2 sync workers) on a free loopback port, then loads both
endpoints in turn from this machine with wrk (Debian package `wrk`) or, if it
is missing, a small threaded Python client. Only 127.0.0.1 is ever contacted.
The two are measured in alternation, several rounds, and the median of the
rounds' ratios is reported: on a shared machine the load from others changes
from one second to the next, and a single pair of runs says little. Beside it,
the CPU time gunicorn's workers spent per request (from /proc, Linux only),
which the rest of the machine disturbs less.
Target: the API serves at least 0.7 times the requests per second of the trivial view.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).parents[1]
INTAKE = {"age": 35, "areas": ["lower_back", "glutes"], "cause": "overexertion",
          "onset_hours_ago": 72, "intensity": 6, "trend": "same", "function_limit": 5,
          "sleep_hours": 6, "symptoms": [], "history": []}
TARGET = 0.7
WRK_POST = """wrk.method = "POST"
wrk.body = '{body}'
wrk.headers["Content-Type"] = "application/json"
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pids: list[int]) -> float:
    """User and system time the processes have used so far (Linux /proc)."""
    ticks = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    with open(f"/proc/{master}/task/{master}/children") as children:
        return [int(pid) for pid in children.read().split()]


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def load_with_wrk(url: str, seconds: float, connections: int, post: bool) -> float:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if post:
            script.write(WRK_POST.format(body=json.dumps(INTAKE)))
    if post:
        args += ["-s", script.name]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    if "Non-2xx" in out:
        raise SystemExit(f"errors while loading {url}:\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert match, out
    return float(match.group(1))


def load_with_python(url: str, seconds: float, connections: int, post: bool) -> float:
    body = json.dumps(INTAKE).encode() if post else None
    counts = [0] * connections
    stop = time.monotonic() + seconds

    def worker(slot: int) -> None:
        while time.monotonic() < stop:
            request = urllib.request.Request(url, data=body,
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
            counts[slot] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
           "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "UNKNOT_DATA_DIR": tempfile.mkdtemp(prefix="unknot-bench-"),
           # The per-address limit would refuse the benchmark itself; it is still
           # counted on every request, so its cost is in the figures.
           "UNKNOT_ASSESS_RATE": "100000000/h"}
    # The rate limit counts in the database cache: make its table.
    subprocess.run([sys.executable, "-m", "django", "createcachetable"], env=env, cwd=ROOT,
                   check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "unknot.config.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )
    try:
        wait_until_up(f"{base}/bench/trivial")
        load = load_with_wrk if shutil.which("wrk") else load_with_python
        print(f"load generator: {'wrk' if load is load_with_wrk else 'python threads'}, "
              f"{options.connections} connections, {options.seconds:g} s each, gunicorn 2 workers")
        load(f"{base}/bench/trivial", 2, options.connections, False)  # warm up
        load(f"{base}/api/v1/assessments", 2, options.connections, True)
        workers = worker_pids(server.pid) if Path("/proc").is_dir() else []

        def measure(url: str, post: bool) -> tuple[float, float]:
            """Requests a second, and the workers' CPU milliseconds per request."""
            before = cpu_seconds(workers)
            rate = load(url, options.seconds, options.connections, post)
            spent = cpu_seconds(workers) - before
            return rate, 1000 * spent / max(rate * options.seconds, 1)

        rounds = []
        for _ in range(options.rounds):
            rounds.append((measure(f"{base}/bench/trivial", False),
                           measure(f"{base}/api/v1/assessments", True)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    for number, ((trivial_rate, trivial_cpu), (api_rate, api_cpu)) in enumerate(rounds, 1):
        print(f"round {number}: trivial view {trivial_rate:8,.0f} requests/s, "
              f"POST /api/v1/assessments {api_rate:8,.0f} requests/s, "
              f"ratio {api_rate / trivial_rate:.2f}"
              + (f"; worker CPU per request {trivial_cpu:.3f} / {api_cpu:.3f} ms"
                 if workers else ""))
    ratio = statistics.median(api[0] / trivial[0] for trivial, api in rounds)
    print(f"median of {len(rounds)} rounds:")
    if workers:
        cpu_ratio = statistics.median(trivial[1] / api[1] for trivial, api in rounds)
        print(f"worker CPU per request, trivial / API: {cpu_ratio:.2f}")
    print(f"ratio {ratio:.2f} - {'meets' if ratio >= TARGET else 'BELOW'} the {TARGET} target")


if __name__ == "__main__":
    main()
