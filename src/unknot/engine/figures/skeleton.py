"""The jointed figure: its segments, how a pose's joint angles place them, and their limits.

Angles in a pose are anatomical (a hip bent 90 degrees, a knee bent 120) so that a
pose reads like a physio's description and can be checked against what a body
can do. This module turns them into each segment's direction on the page.
Directions are in degrees, counter-clockwise from "forward" (to the right), with
y pointing up; the SVG writer flips them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# Lengths in drawing units; a standing figure is about 96 units tall.
TRUNK_LOW = 15.0   # hip joint to the middle of the back
TRUNK_HIGH = 16.0  # middle of the back to the base of the neck
NECK = 11.0        # base of the neck to the centre of the head
HEAD_R = 7.0
SHOULDER_AT = 14.0  # how far up the upper trunk the shoulders sit
UPPER_ARM = 16.0
FOREARM = 15.0
THIGH = 23.0
SHANK = 22.0
FOOT = 8.0
HIP_HALF = 5.0      # front view: half the distance between the hip joints
SHOULDER_HALF = 9.0  # front view: half the distance between the shoulders

# What a body can do, in the pose's own terms (degrees). Generous, because
# people differ, but a knee never bends backwards and a neck never turns 120.
SIDE_LIMITS: dict[str, tuple[float, float]] = {
    "spine": (-35, 50),      # + rounds the back forwards, - arches it
    "neck": (-60, 75),       # + chin down, - head tipped back
    "shoulder": (-70, 185),  # + arm forwards and up, - arm back
    "elbow": (0, 155),
    "hip": (-35, 160),       # + thigh forwards (160: a knee hugged to the chest), - behind
    "knee": (0, 160),
    "ankle": (-75, 35),      # + toes up towards the shin, - pointed
}
FRONT_LIMITS: dict[str, tuple[float, float]] = {
    "spine": (-45, 45),      # side bend of the trunk
    "neck": (-50, 50),       # head tipped to one side
    "turn": (-85, 85),       # head turned (seen as where the nose points)
    "shoulder": (-100, 185),  # + arm out to the side and up, - across the body
    "elbow": (-160, 160),
    "hip": (-35, 90),        # + leg out to the side
    "knee": (-160, 160),
    "ankle": (-75, 35),
}


class PoseError(ValueError):
    """A pose a body cannot take, or one the renderer cannot read."""


@dataclass(frozen=True, slots=True)
class Limb:
    shoulder_or_hip: float
    elbow_or_knee: float
    ankle: float = 0.0


@dataclass(frozen=True, slots=True)
class Pose:
    view: str                 # "side" or "front"
    trunk: float              # direction of the lower trunk, 90 = upright
    spine: float
    neck: float
    turn: float
    arm: Limb                 # side: the near arm; front: the arm on the left of the picture
    arm2: Limb
    leg: Limb
    leg2: Limb
    lift: float               # height of the lowest point above the floor
    seated: bool = False      # front view: the thighs come towards us, so they look short


def _limb(raw: Any, default: Limb, where: str) -> Limb:
    if raw is None:
        return default
    if not isinstance(raw, list) or not 2 <= len(raw) <= 3:
        raise PoseError(f"{where}: a limb is [shoulder/hip, elbow/knee] or [hip, knee, ankle]")
    return Limb(*(float(v) for v in raw))


def make_pose(view: str, raw: dict[str, Any], where: str) -> Pose:
    known = {"trunk", "spine", "neck", "turn", "arm", "arm2", "leg", "leg2", "lift", "seated"}
    unknown = set(raw) - known
    if unknown:
        raise PoseError(f"{where}: unknown pose keys {sorted(unknown)}")
    arm = _limb(raw.get("arm"), Limb(0, 0), where)
    leg = _limb(raw.get("leg"), Limb(0, 0, 0), where)
    return Pose(
        view=view,
        trunk=float(raw.get("trunk", 90)),
        spine=float(raw.get("spine", 0)),
        neck=float(raw.get("neck", 0)),
        turn=float(raw.get("turn", 0)),
        arm=arm,
        arm2=_limb(raw.get("arm2"), arm, where),
        leg=leg,
        leg2=_limb(raw.get("leg2"), leg, where),
        lift=float(raw.get("lift", 0)),
        seated=bool(raw.get("seated", False)),
    )


def check_pose_limits(pose: Pose, where: str = "pose") -> None:
    """Raise PoseError naming every joint of the pose that is outside what a body can do."""
    limits = SIDE_LIMITS if pose.view == "side" else FRONT_LIMITS
    values: list[tuple[str, str, float]] = [("spine", "spine", pose.spine),
                                            ("neck", "neck", pose.neck)]
    if pose.view == "front":
        values.append(("turn", "turn", pose.turn))
    for label, arm in (("arm", pose.arm), ("arm2", pose.arm2)):
        values += [(f"{label} shoulder", "shoulder", arm.shoulder_or_hip),
                   (f"{label} elbow", "elbow", arm.elbow_or_knee)]
    for label, leg in (("leg", pose.leg), ("leg2", pose.leg2)):
        values += [(f"{label} hip", "hip", leg.shoulder_or_hip),
                   (f"{label} knee", "knee", leg.elbow_or_knee),
                   (f"{label} ankle", "ankle", leg.ankle)]
    problems = [
        f"{label} {value:g} (allowed {limits[kind][0]:g} to {limits[kind][1]:g})"
        for label, kind, value in values
        if not limits[kind][0] <= value <= limits[kind][1]
    ]
    if problems:
        raise PoseError(f"{where}: outside the body's limits: " + "; ".join(problems))


@dataclass(frozen=True, slots=True)
class Segment:
    name: str
    parent: str            # "" for the lower trunk, which hangs from the hip point
    along: float           # where on the parent it hangs, in units along it
    across: float          # and across it (+ is the figure's front in side view)
    length: float
    width: float
    far: bool              # drawn behind the body, in the paler colour


def segments(view: str, seated: bool = False) -> tuple[Segment, ...]:
    front = view == "front"
    thigh = THIGH * 0.3 if front and seated else THIGH
    hip = HIP_HALF if front else 0.0
    sho = SHOULDER_HALF if front else 0.0
    trunk_w = (14.0, 15.0) if front else (11.0, 12.0)
    return (
        Segment("low", "", 0, 0, TRUNK_LOW, trunk_w[0], False),
        Segment("high", "low", TRUNK_LOW, 0, TRUNK_HIGH, trunk_w[1], False),
        Segment("head", "high", TRUNK_HIGH, 0, NECK - HEAD_R + 1, 5, False),
        Segment("ua", "high", SHOULDER_AT, -sho, UPPER_ARM, 6, False),
        Segment("fa", "ua", UPPER_ARM, 0, FOREARM, 5, False),
        Segment("ua2", "high", SHOULDER_AT, sho, UPPER_ARM, 6, not front),
        Segment("fa2", "ua2", UPPER_ARM, 0, FOREARM, 5, not front),
        Segment("th", "low", 0, -hip, thigh, 8, False),
        Segment("sh", "th", thigh, 0, SHANK, 6.5, False),
        Segment("ft", "sh", SHANK, 0, 3 if front else FOOT, 5, False),
        Segment("th2", "low", 0, hip, thigh, 8, not front),
        Segment("sh2", "th2", thigh, 0, SHANK, 6.5, not front),
        Segment("ft2", "sh2", SHANK, 0, 3 if front else FOOT, 5, not front),
    )


def directions(pose: Pose) -> dict[str, float]:
    """Each segment's direction on the page for this pose."""
    low = pose.trunk
    d: dict[str, float] = {"low": low}
    if pose.view == "side":
        high = low - pose.spine          # rounding forwards turns the chest towards the front
        d["high"] = high
        d["head"] = high - pose.neck
        for s, arm in (("", pose.arm), ("2", pose.arm2)):
            d["ua" + s] = high + 180 + arm.shoulder_or_hip
            d["fa" + s] = d["ua" + s] + arm.elbow_or_knee
        for s, leg in (("", pose.leg), ("2", pose.leg2)):
            d["th" + s] = low + 180 + leg.shoulder_or_hip
            d["sh" + s] = d["th" + s] - leg.elbow_or_knee
            d["ft" + s] = d["sh" + s] + 90 + leg.ankle
    else:
        high = low - pose.spine
        d["high"] = high
        d["head"] = high - pose.neck
        # Left of the picture opens clockwise from hanging down, right anti-clockwise.
        for s, sign, arm in (("", -1, pose.arm), ("2", 1, pose.arm2)):
            d["ua" + s] = high + 180 + sign * arm.shoulder_or_hip
            d["fa" + s] = d["ua" + s] + sign * arm.elbow_or_knee
        for s, sign, leg in (("", -1, pose.leg), ("2", 1, pose.leg2)):
            d["th" + s] = low + 180 + sign * leg.shoulder_or_hip
            d["sh" + s] = d["th" + s] - sign * leg.elbow_or_knee
            d["ft" + s] = d["sh" + s] + sign * (90 + leg.ankle)
    return d


def joints(pose: Pose) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """Directions, and where each segment starts and ends with the hip point at (0, 0)."""
    d = directions(pose)
    points: dict[str, tuple[float, float]] = {}
    for seg in segments(pose.view, pose.seated):
        px, py = _on(seg, d, points) if seg.parent else (0.0, 0.0)
        a = math.radians(d[seg.name])
        points[seg.name] = (px, py)
        points[seg.name + ">"] = (px + seg.length * math.cos(a), py + seg.length * math.sin(a))
    return d, points


def _on(seg: Segment, d: dict[str, float], points: dict[str, tuple[float, float]]
        ) -> tuple[float, float]:
    ox, oy = points[seg.parent]
    a = math.radians(d[seg.parent])
    # "across" is towards the figure's front: a quarter turn clockwise from the segment.
    return (ox + seg.along * math.cos(a) + seg.across * math.sin(a),
            oy + seg.along * math.sin(a) - seg.across * math.cos(a))
