"""Compare the triage of this tree with an earlier checkout, case by case.

    .venv/bin/python scripts/compare_triage.py --baseline /path/to/old/src [CASES.jsonl ...]

With no files it reads every case set shipped in src/unknot/engine/cases/. For
each set it prints cases, exact (level in the accepted set), under, over and
refusals gone wrong, before and after; then every case whose level moved, and
every miss. It exits 1 when a case that was right before now reaches a lower
level, or when any case is under-triaged: a change may raise a level the
reviewers accept, never lower one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from unknot.engine.accuracy import (
    CASE_SETS,
    LEVELS,
    REFUSED,
    Outcome,
    judge,
    load_cases,
    tally,
    triage_level,
)

DRIVER = """
import json, sys
import unknot.engine
from unknot.engine import assess_data
from unknot.engine.intake import IntakeError
print(json.dumps({"engine": unknot.engine.__file__}))
for line in sys.stdin:
    try:
        print(json.dumps({"level": assess_data(json.loads(line))["level"]}))
    except IntakeError:
        print(json.dumps({"level": "error"}))
"""


def baseline_levels(source: Path, intakes: list[Any]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    feed = "".join(json.dumps(i) + "\n" for i in intakes)
    result = subprocess.run([sys.executable, "-c", DRIVER], input=feed, env=env,
                            capture_output=True, text=True, check=True, timeout=300)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    engine = lines[0]["engine"]
    if not Path(engine).resolve().is_relative_to(source.resolve()):
        sys.exit(f"the baseline run imported {engine}, not the engine under {source}")
    print(f"baseline engine: {engine}")
    return [line["level"] for line in lines[1:]]


def rank(level: str) -> int:
    return -1 if level == REFUSED else LEVELS.index(level)


def row(name: str, outcomes: list[Outcome]) -> str:
    t = tally(outcomes)
    return (f"{name:<28} {t.cases:>5} {t.exact:>5} ({t.exact_percent:5.1f}%) {t.under:>5} "
            f"{t.over:>5} {t.wrong_refusal:>5}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the old tree's src/")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    named: list[tuple[str, list[dict[str, Any]]]]
    if args.files:
        named = [(f.name, [json.loads(line) for line in f.read_text().splitlines()
                           if line.strip()]) for f in args.files]
    else:
        named = [(s.filename, load_cases(s)) for s in CASE_SETS]
    every = [c for _, cases in named for c in cases]
    before_levels = iter(baseline_levels(args.baseline, [c["intake"] for c in every]))
    failed = False
    print(f"{'set':<28} {'cases':>5} {'exact':>5} {'':8} {'under':>5} {'over':>5} "
          f"{'refusal':>5}")
    moved, misses = [], []
    for name, cases in named:
        before = [Outcome(o.case_id, o.expected, o.accepted, next(before_levels))
                  for o in judge(cases, lambda _: "self_care")]
        after = judge(cases, triage_level)
        print(row(f"{name} before", before))
        print(row(f"{name} after", after))
        for old, new, case in zip(before, after, cases, strict=True):
            if old.answered != new.answered:
                lowered = old.verdict == "exact" and rank(new.answered) < rank(old.answered)
                failed |= lowered
                moved.append(f"  {'LOWERED ' if lowered else ''}{case['id']}: "
                             f"{old.answered} -> {new.answered} (accepted "
                             f"{'/'.join(new.accepted)})")
            if new.verdict != "exact":
                failed |= new.verdict in ("under", "wrong_refusal")
                misses.append(f"  {new.verdict}: {case['id']} got {new.answered}, accepted "
                              f"{'/'.join(new.accepted)}: {case.get('story', '')}")
    print(f"\nlevels that moved ({len(moved)}):", *moved, sep="\n")
    print(f"\nmisses now ({len(misses)}):", *misses, sep="\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
