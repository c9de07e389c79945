"""The `unknot` command: `unknot assess FILE|-`, plus every Django management command.

`assess` runs the engine alone, without starting Django, so that it answers
fast and its contract (JSON on stdout, exit 2 with the field on stderr) holds
whatever the web side is doing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

EXIT_BAD_INPUT = 2


def assess_command(args: list[str], stdout: TextIO, stderr: TextIO, stdin: TextIO) -> int:
    parser = argparse.ArgumentParser(
        prog="unknot assess",
        description="Assess an intake (JSON) and print the assessment as JSON.",
    )
    parser.add_argument("file", help="a JSON file with the intake, or - for standard input")
    parser.add_argument("--indent", type=int, default=2, help="spaces to indent (0: one line)")
    options = parser.parse_args(args)

    from unknot.engine import IntakeError, assess_data

    try:
        if options.file == "-":
            text = stdin.read()
        else:
            with open(options.file, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as error:
        print(f"unknot assess: cannot read {options.file}: {error.strerror}", file=stderr)
        return EXIT_BAD_INPUT
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        print(f"unknot assess: (intake): not valid JSON: {error}", file=stderr)
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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "assess":
        return assess_command(args[1:], sys.stdout, sys.stderr, sys.stdin)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unknot.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["unknot", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
