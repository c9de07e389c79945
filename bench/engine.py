"""Benchmark: how many intakes a second the engine assesses in one process.

    .venv/bin/python bench/engine.py [--seconds 5]

Parsing, triage and the relief plan are all included; the intakes are the
reference cases plus randomly generated valid ones (fixed seed), so both the
common and the rare paths are exercised. Target: at least 10,000 a second.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from unknot.engine import assess_data
from unknot.engine.intake import AREAS, CAUSES, HISTORY, SYMPTOMS, TRAUMAS, TRENDS

DATA = Path(__file__).parents[1] / "src" / "unknot" / "engine" / "cases"
TARGET_PER_SECOND = 10_000


def reference_intakes() -> list[dict[str, Any]]:
    intakes = []
    for name in sorted(p.name for p in DATA.glob("*.jsonl")):
        for line in (DATA / name).read_text().splitlines():
            case = json.loads(line)
            if not case["expect"].get("error"):
                intakes.append(case["intake"])
    return intakes


def random_intakes(count: int, seed: int = 20261123) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    intakes = []
    for _ in range(count):
        intake: dict[str, Any] = {
            "age": rng.randint(16, 95),
            "areas": rng.sample(AREAS, rng.randint(1, 4)),
            "cause": rng.choice(CAUSES),
            "trauma": rng.choice(TRAUMAS),
            "onset_hours_ago": round(rng.uniform(0, 3000), 1),
            "intensity": rng.randint(0, 10),
            "trend": rng.choice(TRENDS),
            "function_limit": rng.randint(0, 10),
            "sleep_hours": round(rng.uniform(3, 10), 1),
            # most people report no warning sign; a few report one or two
            "symptoms": rng.sample(SYMPTOMS, rng.choice([0, 0, 0, 1, 2])),
            "history": rng.sample(HISTORY, rng.choice([0, 0, 1])),
        }
        intakes.append(intake)
    return intakes


def measure(intakes: list[dict[str, Any]], seconds: float) -> tuple[int, float]:
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for intake in intakes:
            assess_data(intake)
        done += len(intakes)
    return done, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    options = parser.parse_args()
    sets = {"reference cases": reference_intakes(), "random intakes": random_intakes(2000)}
    for intakes in sets.values():  # warm the content caches
        measure(intakes, 0.2)
    for name, intakes in sets.items():
        done, elapsed = measure(intakes, options.seconds)
        rate = done / elapsed
        verdict = "meets" if rate >= TARGET_PER_SECOND else "BELOW"
        print(f"{name:16s} {rate:10,.0f} assessments/s ({done:,} in {elapsed:.1f} s, "
              f"{1e6 / rate:.1f} us each) - {verdict} the {TARGET_PER_SECOND:,}/s target")


if __name__ == "__main__":
    main()
