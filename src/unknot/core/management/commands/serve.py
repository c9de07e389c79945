"""`unknot serve`: run the site under gunicorn, the server used in production too."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Unknot with gunicorn (default http://127.0.0.1:8000)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=os.environ.get("UNKNOT_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("UNKNOT_PORT", "8000")))
        parser.add_argument("--workers", type=int,
                            default=int(os.environ.get("UNKNOT_WORKERS", "2")))

    def handle(self, *args: Any, **options: Any) -> None:
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Unknot is being served on http://{bind}/ (Ctrl+C stops it)")
        argv = [
            sys.executable, "-m", "gunicorn", "unknot.config.wsgi:application",
            "--bind", bind, "--workers", str(options["workers"]),
            "--access-logfile", "-", "--forwarded-allow-ips", "127.0.0.1",
        ]
        # Replace this process so that signals (Ctrl+C, SIGTERM) reach gunicorn.
        os.execv(sys.executable, argv)  # noqa: S606
