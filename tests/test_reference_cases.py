"""The reference cases through the real command line and the real HTTP API.

public_vignettes.jsonl is the product's public set (copied from shared/);
review_cases.jsonl and review_cases_2.jsonl were each written blind, from
clinical principles, by reviewers who did not see the rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from tests.conftest import load_cases

ORDER = ["self_care", "see_clinician", "urgent", "emergency"]
PUBLIC = load_cases("public_vignettes.jsonl")
REVIEW = load_cases("review_cases.jsonl") + load_cases("review_cases_2.jsonl")


def accepted(case: dict[str, Any]) -> list[str]:
    expect = case["expect"]
    return list(expect.get("accept", [expect["level"]]))


def run_cli(intake: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", "assess", "-"],
        input=json.dumps(intake), capture_output=True, text=True, timeout=60, check=False,
    )


def check_answer(case: dict[str, Any], answer: dict[str, Any]) -> None:
    level = answer["level"]
    assert level in accepted(case), (
        f"{case['id']} ({case['story']}): got {level}, accepted {accepted(case)}; "
        f"reasons {[r['code'] for r in answer['reasons']]}"
    )
    if level in ("emergency", "urgent"):
        assert answer["plan"] is None
    if level == "self_care":
        assert answer["plan"] is not None
    if level != "self_care":
        assert answer["reasons"], "a raised level must say why"


@pytest.mark.parametrize("case", PUBLIC, ids=[c["id"] for c in PUBLIC])
def test_public_case_through_the_command_line(case: dict[str, Any]) -> None:
    result = run_cli(case["intake"])
    if case["expect"].get("error"):
        assert result.returncode == 2
        assert result.stdout == ""
        assert "unknot assess:" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        check_answer(case, json.loads(result.stdout))


@pytest.mark.django_db
@pytest.mark.parametrize("case", PUBLIC + REVIEW, ids=[c["id"] for c in PUBLIC + REVIEW])
def test_reference_case_through_the_api(case: dict[str, Any], client: Client) -> None:
    response = client.post("/api/v1/assessments", data=case["intake"],
                           content_type="application/json")
    if case["expect"].get("error"):
        assert response.status_code == 422
        assert response.json()["errors"]
    else:
        assert response.status_code == 200
        check_answer(case, response.json())


def test_review_cases_through_the_command_line_in_one_process() -> None:
    """All review cases through one real CLI process per case would take a minute;
    the CLI reads one intake per run, so a small driver feeds them one at a time."""
    script = (
        "import json, sys, io\n"
        "from unknot.cli import assess_command\n"
        "for line in sys.stdin:\n"
        "    out, err = io.StringIO(), io.StringIO()\n"
        "    code = assess_command(['-'], out, err, io.StringIO(line))\n"
        "    print(json.dumps({'code': code, 'out': out.getvalue(), 'err': err.getvalue()}))\n"
    )
    feed = "".join(json.dumps(c["intake"]) + "\n" for c in REVIEW)
    result = subprocess.run([sys.executable, "-c", script], input=feed, capture_output=True,
                            text=True, timeout=120, check=True)
    runs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(runs) == len(REVIEW)
    for case, run in zip(REVIEW, runs, strict=True):
        if case["expect"].get("error"):
            assert run["code"] == 2 and run["out"] == "" and run["err"], case["id"]
        else:
            assert run["code"] == 0, (case["id"], run["err"])
            check_answer(case, json.loads(run["out"]))


def test_the_reference_sets_cover_every_level_and_some_errors() -> None:
    levels = {c["expect"].get("level") for c in PUBLIC + REVIEW}
    assert set(ORDER) <= levels
    assert any(c["expect"].get("error") for c in REVIEW)
