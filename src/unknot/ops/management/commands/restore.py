"""`unknot restore PATH`: put a backup back, into an empty database (or --replace)."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from unknot.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `unknot backup` into this (empty) database."
    # The database may be empty: checks that read it have nothing to read yet.
    requires_system_checks = []  # noqa: RUF012  (Django's own attribute)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="overwrite a database that already holds data")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore(options["path"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {options['path']}. Start the app servers and worker again.")
