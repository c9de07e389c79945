"""Example stories that fill in the intake form, so a visitor can see how it works."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from unknot.engine import parse_intake


@dataclass(frozen=True, slots=True)
class Example:
    slug: str
    title: str
    story: str
    intake_json: str


@cache
def examples() -> tuple[Example, ...]:
    text = resources.files("unknot.assessments").joinpath("examples.toml").read_text("utf-8")
    found = []
    for raw in tomllib.loads(text)["example"]:
        parse_intake(raw["intake"])  # a broken example must fail loudly, not in a visitor's face
        found.append(Example(raw["slug"], raw["title"], raw["story"], json.dumps(raw["intake"])))
    return tuple(found)


def example(slug: str) -> Example | None:
    return next((e for e in examples() if e.slug == slug), None)
