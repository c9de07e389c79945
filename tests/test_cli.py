"""`unknot assess`: JSON out and exit 0, or exit 2 naming the field with nothing on stdout."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from unknot.cli import assess_command

GOOD = {"age": 41, "areas": ["calf"], "cause": "overexertion", "onset_hours_ago": 50,
        "intensity": 4, "trend": "better", "function_limit": 2}


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = assess_command(args, out, err, io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_assessing_a_file_prints_the_assessment_as_json(tmp_path: Path) -> None:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(GOOD))
    code, out, err = run([str(path)])
    assert code == 0 and err == ""
    assert json.loads(out)["level"] == "self_care"


def test_assessing_standard_input_works_the_same() -> None:
    code, out, _ = run(["-"], json.dumps(GOOD))
    assert code == 0
    assert json.loads(out)["plan"]["movement"]


def test_indent_zero_prints_one_line() -> None:
    _, out, _ = run(["-", "--indent", "0"], json.dumps(GOOD))
    assert out.count("\n") == 1


def test_a_bad_field_exits_2_naming_it_on_stderr_only() -> None:
    code, out, err = run(["-"], json.dumps({**GOOD, "intensity": 14}))
    assert (code, out) == (2, "")
    assert "intensity" in err and "0 to 10" in err


def test_broken_json_exits_2_and_says_so() -> None:
    code, out, err = run(["-"], "{not json")
    assert (code, out) == (2, "")
    assert "not valid JSON" in err


def test_a_missing_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    code, out, err = run([str(tmp_path / "nope.json")])
    assert (code, out) == (2, "")
    assert "cannot read" in err


def test_the_installed_command_runs_django_management_commands_too() -> None:
    # With a key, as every deployed server has one (without, unknot.W001 says so).
    env = {**os.environ, "UNKNOT_SECRET_KEY": "cli-tests-only"}
    result = subprocess.run([sys.executable, "-m", "unknot", "check"], capture_output=True,
                            text=True, timeout=60, check=False, env=env)
    assert result.returncode == 0, result.stderr
    # django-ratelimit's checks run and find no error; they warn only that
    # they do not officially list our database cache (whose counters are
    # atomic: see test_live_server.py).
    assert "ERRORS" not in result.stderr
    assert "django_ratelimit.E" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("?: (")]
    assert all("django_ratelimit.W001" in line and "unknot.core.cache" in line
               for line in warnings), result.stderr
