"""The reference cases through the real command line and the real HTTP API.

The case files live in src/unknot/engine/cases/ (package data, so that "How
Unknot decides" can publish them and its accuracy): public_vignettes.jsonl is
the product's public set (copied from shared/); review_cases.jsonl,
review_cases_2.jsonl and review_cases_3.jsonl were each written blind, from
clinical principles, by reviewers who did not see the rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from tests.conftest import DATA, load_cases
from unknot.engine import assess_data

ORDER = ["self_care", "see_clinician", "urgent", "emergency"]
PUBLIC = load_cases("public_vignettes.jsonl")
REVIEW = (load_cases("review_cases.jsonl") + load_cases("review_cases_2.jsonl")
          + load_cases("review_cases_3.jsonl"))
# The level each case reached when issue 12 began, when every one was right. A
# later change may raise a level the reviewers accept but never lower one: the
# safety ratchet behind "when in doubt, escalate".
LEVELS_AT_START = json.loads((DATA / "levels_at_start_of_issue_12.json").read_text())
# The one deliberate exception, for a principle the product owner asked for:
# neurogenic claudication (both legs, stable for a year, eased by sitting) is a
# see-a-clinician pattern, not a new cauda equina emergency (NASS guideline on
# lumbar spinal stenosis; GIRFT pathway). The reviewer accepted that level too.
LOWERED_ON_PURPOSE = {"r099": "see_clinician"}


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


RECORDED = [c for c in PUBLIC + REVIEW if c["id"] in LEVELS_AT_START]


@pytest.mark.parametrize("case", RECORDED, ids=[c["id"] for c in RECORDED])
def test_no_case_falls_below_the_level_it_reached_when_every_case_was_right(
    case: dict[str, Any],
) -> None:
    before = LEVELS_AT_START[case["id"]]
    now = assess_data(case["intake"])["level"]
    floor = LOWERED_ON_PURPOSE.get(case["id"], before)
    assert ORDER.index(now) >= ORDER.index(floor), f"{case['id']}: {before} -> {now}"


def test_the_recorded_levels_cover_every_earlier_case() -> None:
    earlier = [c for c in PUBLIC + REVIEW
               if not c["id"].startswith("r3") and not c["expect"].get("error")]
    assert {c["id"] for c in earlier} == set(LEVELS_AT_START)
