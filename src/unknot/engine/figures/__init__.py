"""Pictures of every move in the content library, drawn from data.

Each item's key poses live in content/poses.toml as joint angles of a simple
jointed figure plus its props; `render_move` turns them into a small SVG and
`move_alt` into words for people who cannot see it.
"""

from __future__ import annotations

from functools import cache

from unknot.engine.content import Massage, Movement, Strengthening, library
from unknot.engine.figures.keyposes import Move, moves
from unknot.engine.figures.skeleton import Pose, PoseError, check_pose_limits, make_pose
from unknot.engine.figures.svg import render

__all__ = [
    "Move", "Pose", "PoseError", "all_item_ids", "check_pose_limits", "has_poses",
    "item_names", "make_pose", "move_alt", "render_move",
]


@cache
def item_names() -> dict[str, str]:
    """Every item of the content library that a picture is drawn for, by id, with its name."""
    lib = library()
    items: tuple[Movement | Strengthening | Massage, ...] = (
        *lib.movement, *lib.strengthening, *lib.massage)
    return {item.id: item.name for item in items}


def all_item_ids() -> tuple[str, ...]:
    return tuple(item_names())


def has_poses(item_id: str) -> bool:
    return item_id in moves()


def _move(item_id: str) -> Move:
    try:
        return moves()[item_id]
    except KeyError:
        raise KeyError(f"no poses for {item_id!r}") from None


@cache
def render_move(item_id: str) -> str:
    """The item's picture as SVG text; kept in memory because the content never changes."""
    return render(_move(item_id))


@cache
def move_alt(item_id: str) -> str:
    move = _move(item_id)
    name = item_names().get(item_id, item_id.replace("-", " "))
    if len(move.frames) == 1:
        return f"{name}: {move.start}."
    return f"{name}: starting {move.start}, then {move.end}."
