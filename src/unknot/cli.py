"""The `unknot` command: `unknot assess FILE|-`, plus every Django management command.

`assess` runs the engine alone, without starting Django, so that it answers
fast and its contract (JSON on stdout, exit 2 with the field on stderr) holds
whatever the web side is doing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import BinaryIO, TextIO

EXIT_BAD_INPUT = 2
MAX_INDENT = 8


def _indent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text[:20]!r}") from None
    if not 0 <= value <= MAX_INDENT:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_INDENT}")
    return value


def _read_limited(handle: BinaryIO | TextIO, limit: int) -> bytes:
    """At most one byte past the limit, so a huge file is refused without reading it all."""
    data = handle.read(limit + 1)
    return data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data


def assess_command(args: list[str], stdout: TextIO, stderr: TextIO, stdin: TextIO) -> int:
    parser = argparse.ArgumentParser(
        prog="unknot assess",
        description="Assess an intake (JSON) and print the assessment as JSON.",
    )
    parser.add_argument("file", help="a JSON file with the intake, or - for standard input")
    parser.add_argument("--indent", type=_indent, default=2,
                        help=f"spaces to indent, 0 to {MAX_INDENT} (0: one line)")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            options = parser.parse_args(args)
    except SystemExit as stop:  # argparse has printed the usage and the problem
        return EXIT_BAD_INPUT if stop.code else 0

    from unknot.engine import IntakeError, assess_data
    from unknot.engine.json_input import MAX_BYTES, JsonInputError, load_json

    try:
        if options.file == "-":
            raw = _read_limited(getattr(stdin, "buffer", stdin), MAX_BYTES)
        else:
            with open(options.file, "rb") as handle:
                raw = _read_limited(handle, MAX_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"unknot assess: cannot read {options.file}: {reason}", file=stderr)
        return EXIT_BAD_INPUT
    except UnicodeError as error:  # a text stream whose own decoding failed
        print(f"unknot assess: (intake): is not valid UTF-8 ({error})", file=stderr)
        return EXIT_BAD_INPUT
    try:
        data = load_json(raw)
    except JsonInputError as error:
        print(f"unknot assess: (intake): {error.message}", file=stderr)
        return EXIT_BAD_INPUT
    try:
        assessment = assess_data(data)
    except IntakeError as error:
        for problem in error.errors:
            print(f"unknot assess: {problem.field}: {problem.message}", file=stderr)
        return EXIT_BAD_INPUT
    text = json.dumps(assessment, indent=options.indent or None, ensure_ascii=False)
    try:
        stdout.write(text + "\n")
        stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader left, nothing is wrong
        sys.stderr.close()
    return 0


def _make_sqlite_folder() -> None:
    """Settings write nothing when imported, so the SQLite file's folder is made here,
    by the command about to open it: `unknot migrate` works on a fresh checkout."""
    from pathlib import Path

    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and str(database["NAME"]) != ":memory:":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "assess":
        return assess_command(args[1:], sys.stdout, sys.stderr, sys.stdin)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unknot.config.settings")
    from django.core.management import execute_from_command_line

    _make_sqlite_folder()
    execute_from_command_line(["unknot", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
