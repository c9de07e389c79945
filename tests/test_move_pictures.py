"""The pictures of the moves: one for every item, well-formed, small, possible for a body."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.test import Client

from unknot.engine.content import library
from unknot.engine.figures import (
    PoseError,
    all_item_ids,
    check_pose_limits,
    has_poses,
    item_names,
    make_pose,
    move_alt,
    render_move,
)
from unknot.engine.figures.keyposes import build_move, moves

SVG = "{http://www.w3.org/2000/svg}"
BUDGET = 6 * 1024
ITEMS = all_item_ids()


def test_the_library_has_the_items_the_pictures_are_drawn_for() -> None:
    lib = library()
    assert len(ITEMS) == len(lib.movement) + len(lib.strengthening) + len(lib.massage) > 100


@pytest.mark.parametrize("item_id", ITEMS)
def test_every_content_item_has_poses(item_id: str) -> None:
    assert has_poses(item_id)


def test_there_are_no_poses_for_items_the_library_does_not_have() -> None:
    assert set(moves()) <= set(ITEMS)


@pytest.mark.parametrize("item_id", ITEMS)
def test_every_picture_is_well_formed_svg_under_budget(item_id: str) -> None:
    svg = render_move(item_id)
    root = ET.fromstring(svg)  # noqa: S314 (our own output, not untrusted input)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 160 120"
    assert len(svg.encode()) <= BUDGET, f"{item_id} is {len(svg.encode())} bytes"


@pytest.mark.parametrize("item_id", ITEMS)
def test_a_moving_picture_animates_and_has_a_still_version_for_reduced_motion(
        item_id: str) -> None:
    svg = render_move(item_id)
    if len(moves()[item_id].frames) == 1:
        assert "@keyframes" not in svg and 'class="g"' not in svg
        return
    assert "@keyframes" in svg
    assert "prefers-reduced-motion:reduce" in svg
    # The start pose, ghosted, is drawn for those who asked for less motion.
    assert '<g class="g" opacity=".35">' in svg


@pytest.mark.parametrize("item_id", ITEMS)
def test_every_pose_respects_the_joint_limits(item_id: str) -> None:
    for frame in moves()[item_id].frames:
        check_pose_limits(frame, item_id)


@pytest.mark.parametrize("raw, joint", [
    ({"leg": [0, -30, 0]}, "leg knee"),          # a knee bent backwards
    ({"arm": [0, 170]}, "arm elbow"),            # an elbow folded past the upper arm
    ({"neck": 110}, "neck"),                     # a chin through the chest
    ({"leg2": [170, 0, 0]}, "leg2 hip"),         # a thigh through the trunk
])
def test_an_impossible_pose_is_rejected(raw: dict[str, object], joint: str) -> None:
    with pytest.raises(PoseError, match=joint):
        check_pose_limits(make_pose("side", raw, "test"))


def test_a_move_with_an_impossible_end_pose_cannot_be_built() -> None:
    bases = {"stand": {"pose": {"trunk": 90}, "say": "standing"}}
    with pytest.raises(PoseError, match="end"):
        build_move("knee-rolls", {"base": "stand", "end": "a knee bent the wrong way",
                                  "b": {"leg": [0, -40, 0]}}, bases)


def test_a_possible_pose_passes_the_checker() -> None:
    check_pose_limits(make_pose("side", {"leg": [90, 120, 10], "arm": [170, 30]}, "test"))


@pytest.mark.parametrize("item_id", ITEMS)
def test_every_picture_has_a_text_alternative_naming_the_item(item_id: str) -> None:
    alt = move_alt(item_id)
    name = item_names()[item_id]
    assert alt.startswith(name)
    if len(moves()[item_id].frames) == 2:
        assert "starting" in alt and ", then " in alt


def test_the_same_picture_is_drawn_once_and_kept() -> None:
    assert render_move("knee-rolls") is render_move("knee-rolls")


# ---------------------------------------------------------------------------
# Served by the site
# ---------------------------------------------------------------------------


def test_the_picture_is_served_as_svg_with_long_caching(client: Client) -> None:
    from unknot.core.moves import picture_url

    response = client.get(picture_url("calf-wall-stretch"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode() == render_move("calf-wall-stretch")
    assert "immutable" in response["Cache-Control"]
    assert response["ETag"]
    again = client.get(picture_url("calf-wall-stretch"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_picture_without_the_current_fingerprint_is_cached_briefly(client: Client) -> None:
    response = client.get("/moves/knee-rolls.svg?v=old")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]


def test_an_unknown_move_has_no_picture(client: Client) -> None:
    assert client.get("/moves/no-such-move.svg").status_code == 404


def test_the_tag_renders_an_image_with_its_text_alternative() -> None:
    html = Template('{% load moves %}{% move_picture "knee-rolls" %}'
                    '{% move_picture "knee-rolls" size="large" %}').render(Context())
    small, large = re.findall(r"<img [^>]+>", html)
    assert 'class="move-picture move-picture--small"' in small
    assert 'width="120" height="90"' in small
    assert 'loading="lazy"' in small and 'decoding="async"' in small
    assert 'src="/moves/knee-rolls.svg?v=' in small
    assert 'alt="Knee rolls: starting lying on the back' in small
    assert "move-picture--large" in large and 'width="640"' in large
