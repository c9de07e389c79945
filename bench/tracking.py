"""Benchmark: an episode with five years of daily check-ins against one with a week.

    .venv/bin/python bench/tracking.py [--rounds 200]

Builds both histories in a throwaway test database (SQLite, or a test_ copy
on the server of UNKNOT_DATABASE_URL, dropped at the end), then times the episode page,
its charts, the check-ins API and a clinician's shared page in process with
Django's test client. Target: five years answer within 1.5 times the week's
time, with the same number of SQL queries. The FHIR record holds the whole
history, so it grows with it: its time is printed, with no target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
DAYS = {"week": 7, "five years": 5 * 365}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    os.environ.setdefault("UNKNOT_DATA_DIR", tempfile.mkdtemp(prefix="unknot-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "unknot.config.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(rounds: int) -> None:
    from django.db import connection
    from django.http.response import HttpResponseBase
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_episode, make_person, name_activities
    from unknot.accounts.services import create_token
    from unknot.tracking.models import CheckIn, PsfsRating
    from unknot.tracking.sharing import create_share_link

    cases = {}
    for name, days in DAYS.items():
        person = make_person()
        episode = make_episode(person, started=date.today() - timedelta(days=days + 1))
        CheckIn.objects.bulk_create([
            CheckIn(episode=episode, day=episode.started_on + timedelta(days=i),
                    pain=max(0, 6 - i // 20) if i < 200 else i % 3, function_limit=3,
                    sleep_hours=7, plan_done=["sleep"], plan_total=5, level="self_care")
            for i in range(days)])
        name_activities(episode, episode.started_on)
        PsfsRating.objects.bulk_create([
            PsfsRating(activity=activity, day=episode.started_on + timedelta(days=7 * week),
                       score=min(10, 3 + week // 10))
            for week in range(1, days // 7 + 1) for activity in episode.psfs_activities.all()])
        client = Client()
        client.force_login(person)
        _, token = create_token(person, "bench")
        _, secret = create_share_link(episode, 30)
        cases[name] = (client, episode.pk, {"HTTP_AUTHORIZATION": f"Bearer {token}",
                                            "secret": secret})

    def episode_page(c: Client, pk: int, auth: dict[str, str]) -> HttpResponseBase:
        return c.get(f"/track/{pk}/")

    def pain_chart(c: Client, pk: int, auth: dict[str, str]) -> HttpResponseBase:
        return c.get(f"/track/{pk}/chart/pain.svg")

    def checkins_api(c: Client, pk: int, auth: dict[str, str]) -> HttpResponseBase:
        return c.get(f"/api/v1/episodes/{pk}/checkins",
                     HTTP_AUTHORIZATION=auth["HTTP_AUTHORIZATION"])

    def psfs_chart(c: Client, pk: int, auth: dict[str, str]) -> HttpResponseBase:
        return c.get(f"/track/{pk}/psfs.svg")

    def shared_page(c: Client, pk: int, auth: dict[str, str]) -> HttpResponseBase:
        return c.get(f"/track/shared/{auth['secret']}/")

    endpoints = {"episode page": episode_page, "pain chart": pain_chart,
                 "check-ins API": checkins_api, "PSFS chart": psfs_chart,
                 "shared page": shared_page}
    print(f"database: {connection.vendor}; {rounds} rounds each; median time")
    failed = False
    for label, call in endpoints.items():
        results = {}
        for name, (client, pk, auth) in cases.items():
            for _ in range(10):  # warm up caches and the connection
                assert call(client, pk, auth).status_code == 200
            connection.queries_log.clear()  # a full log would hide the count
            with CaptureQueriesContext(connection) as queries:
                call(client, pk, auth)
            query_count = len(queries)
            timings = []
            for _ in range(rounds):
                start = time.perf_counter()
                call(client, pk, auth)
                timings.append(time.perf_counter() - start)
            results[name] = (statistics.median(timings) * 1000, query_count)
        (week_ms, week_q), (long_ms, long_q) = results["week"], results["five years"]
        ratio = long_ms / week_ms
        ok = ratio <= 1.5 and week_q == long_q
        failed |= not ok
        print(f"{label:14} week {week_ms:6.2f} ms ({week_q} queries)   "
              f"five years {long_ms:6.2f} ms ({long_q} queries)   "
              f"ratio {ratio:4.2f}  {'ok' if ok else 'SLOWER THAN TARGET'}")
    for name, (client, pk, _) in cases.items():
        timings = []
        for _ in range(max(3, rounds // 50)):
            start = time.perf_counter()
            response = client.get(f"/track/{pk}/record.fhir.json")
            timings.append(time.perf_counter() - start)
        print(f"FHIR record    {name}: {statistics.median(timings) * 1000:8.1f} ms, "
              f"{len(response.content) / 1e6:.1f} MB (the whole history, built and validated)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
