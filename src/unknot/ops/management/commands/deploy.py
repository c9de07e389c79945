"""`unknot deploy`: the one step to run once per release, before the app servers start.

It migrates the database, collects the static files with hashed names and,
on a single SQLite machine without UNKNOT_SECRET_KEY, makes the secret key
file once. App servers then start without migrating, so several of them never
race to migrate the same database.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate the database and collect static files: run once per release."
    # The key file may not exist yet: the warning about it is what this fixes.
    requires_system_checks = []  # noqa: RUF012  (Django's own attribute)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
            # SQLite makes its file but not the folder; settings write nothing.
            settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        if not self._secret_key_file():
            # Refuse (unknot.E001) before touching the database, not after.
            call_command("check")
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        # In a fresh process told to write the manifest, whatever this one's
        # settings read before the first collect made (plain names).
        env = {**os.environ, "UNKNOT_STATIC_MANIFEST": "1"}
        subprocess.run([sys.executable, "-m", "unknot", "collectstatic", "--noinput",
                        "--verbosity", "0"], env=env, check=True)
        self.stdout.write("Deployed: database migrated, static files collected.")

    def _secret_key_file(self) -> bool:
        """Make the key file if this machine needs one; True when it was made now."""
        if os.environ.get("UNKNOT_SECRET_KEY") or settings.SECRET_KEY_FILE.exists():
            return False
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
            return False  # a shared database needs the key in every server's environment
        settings.SECRET_KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        settings.SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50))
        settings.SECRET_KEY_FILE.chmod(0o600)
        self.stdout.write(f"Made a secret key in {settings.SECRET_KEY_FILE}")
        return True
