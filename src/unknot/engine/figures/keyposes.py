"""Reading the key poses of every content item from content/poses.toml.

Each move names a base posture ("lying on your back, knees bent") and changes
only what differs, first for its start (`a`) and then for its end (`b`). A move
without `b` is a still position, drawn without movement.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from unknot.engine.figures.skeleton import Pose, PoseError, check_pose_limits, make_pose

VIEWS = ("side", "front")


@dataclass(frozen=True, slots=True)
class Move:
    id: str
    view: str
    frames: tuple[Pose, ...]      # one (a still position) or two (start and end)
    start: str                    # the start position in plain words
    end: str                      # the end position, "" for a still position
    props: tuple[dict[str, Any], ...]
    fix: str                      # the joint that stays put while the figure moves
    rest: str                     # the joint it rests on, if not its lowest point
    floor: bool                   # False: seen from above, lying on a mat
    seconds: float                # one cycle of the animation


def _read_raw() -> dict[str, Any]:
    text = resources.files("unknot.engine.content").joinpath("poses.toml").read_text("utf-8")
    return tomllib.loads(text)


def build_move(item_id: str, raw: dict[str, Any], bases: dict[str, Any]) -> Move:
    where = f"poses for {item_id!r}"
    known = {"base", "a", "b", "start", "end", "props", "bare", "fix", "rest", "view", "seconds"}
    unknown = set(raw) - known
    if unknown:
        raise PoseError(f"{where}: unknown keys {sorted(unknown)}")
    base_name = raw.get("base", "")
    if base_name not in bases:
        raise PoseError(f"{where}: base {base_name!r} is not one of {sorted(bases)}")
    base = bases[base_name]
    view = raw.get("view", base.get("view", "side"))
    if view not in VIEWS:
        raise PoseError(f"{where}: view {view!r} is not one of {VIEWS}")
    first = {**_paired(base.get("pose", {})), **_paired(raw.get("a", {}))}
    frames_raw = [first] + ([{**first, **_paired(raw["b"])}] if "b" in raw else [])
    frames = tuple(make_pose(view, f, where) for f in frames_raw)
    if len({f.seated for f in frames}) > 1:
        raise PoseError(f"{where}: the start and end must both be seated, or neither")
    for n, frame in enumerate(frames):
        check_pose_limits(frame, f"{where}, {'start' if n == 0 else 'end'}")
    start = raw.get("start", base.get("say", ""))
    end = raw.get("end", "")
    if not start or (len(frames) == 2 and not end):
        raise PoseError(f"{where}: the text alternative needs a start and, if it moves, an end")
    return Move(
        id=item_id,
        view=view,
        frames=frames,
        start=start,
        end=end,
        # `bare` leaves out the base posture's props (a side plank needs no pillow).
        props=(() if raw.get("bare") else tuple(base.get("props", [])))
        + tuple(raw.get("props", [])),
        fix=raw.get("fix", base.get("fix", "hip")),
        rest=raw.get("rest", ""),
        floor=bool(base.get("floor", True)),
        seconds=float(raw.get("seconds", 6)),
    )


def _paired(changes: dict[str, Any]) -> dict[str, Any]:
    """A change to `arm` or `leg` moves both limbs, unless the far one is given too."""
    out = dict(changes)
    for limb in ("arm", "leg"):
        if limb in out and f"{limb}2" not in out:
            out[f"{limb}2"] = out[limb]
    return out


@cache
def moves() -> dict[str, Move]:
    raw = _read_raw()
    bases = raw.get("base", {})
    return {item_id: build_move(item_id, entry, bases)
            for item_id, entry in raw.get("move", {}).items()}
