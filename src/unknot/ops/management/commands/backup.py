"""`unknot backup PATH`: a consistent copy of the whole database, taken while the site runs."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from unknot.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back the database up into PATH (SQLite online backup, or pg_dump's custom format)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up into {path} ({path.stat().st_size} bytes)")
