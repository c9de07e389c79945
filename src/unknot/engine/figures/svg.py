"""Turning a move's key poses into one small SVG.

The figure is a tree of nested groups, one per segment, each turned about its
own joint; a move's start and end differ only in those turns, so a CSS animation
of each group's rotation moves the whole figure between them without bending a
bone. Under `prefers-reduced-motion` the animation stops at the end pose and the
start pose is shown ghosted behind it. Colours are mid-tones that read on white
and on near-black alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from unknot.engine.figures.keyposes import Move
from unknot.engine.figures.skeleton import HEAD_R, NECK, Pose, joints, segments

W, H = 160.0, 120.0
FLOOR = 113.0          # where the floor is drawn, in SVG units from the top
# The keyframes: a pause at the start, an eased move, a pause at the end, and back.
# The animation runs forwards then backwards (alternate), so each pause is doubled.
AT_START = "0%,24%"
AT_END = "76%,to"
KEY_TIMES = "0;.12;.38;.62;.88;1"
SPLINES = ";".join([".42 0 .58 1"] * 5)

# One palette for light and dark surroundings alike: the site's pages are light
# whatever the system asks for, so a dark-mode variant would put pale figures on
# white. Mid-tones keep contrast against both white and near-black.
STYLE = (
    ".f{stroke:#34858f;fill:#34858f}.b{stroke:#86b3b9;fill:#86b3b9}"
    ".f,.b,.bd{stroke-linecap:round;stroke-linejoin:round}"
    ".p{fill:#9aa3ad}.q{fill:#c7823f}.bd{stroke:#c7823f;fill:none;stroke-width:2}"
    ".fl{stroke:#9aa3ad;stroke-width:1.5}.mt{fill:#9aa3ad;opacity:.3}"
    ".fc{stroke:#fff;opacity:.7}.g,.s{display:none}"
    "@media(prefers-reduced-motion:reduce){*{animation:none!important}"
    ".g,.s{display:inline}.m{display:none}}"
)

# Joint names a prop or a move's fixed point may refer to.
JOINTS = {
    "hip": "low", "chest": "high", "neck": "head", "shoulder": "ua", "elbow": "ua>",
    "hand": "fa>", "knee": "th>", "ankle": "sh>", "toe": "ft>",
    "shoulder2": "ua2", "elbow2": "ua2>", "hand2": "fa2>", "knee2": "th2>",
    "ankle2": "sh2>", "toe2": "ft2>",
}

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Placed:
    pose: Pose
    directions: dict[str, float]
    points: dict[str, Point]   # on the page's own axes: y up, floor at 0
    root: Point


def _n(v: float) -> str:
    """A number in as few characters as the picture needs."""
    r = round(v, 1)
    text = f"{r:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _head_centre(d: dict[str, float], pts: dict[str, Point]) -> Point:
    x, y = pts["head"]
    a = math.radians(d["head"])
    return (x + NECK * math.cos(a), y + NECK * math.sin(a))


def _joint(placed: Placed, name: str) -> Point:
    if name == "head":
        return placed.points["head*"]
    if name not in JOINTS:
        raise ValueError(f"unknown joint {name!r}; use one of {sorted(JOINTS)} or head")
    return placed.points[JOINTS[name]]


def place(move: Move) -> list[Placed]:
    """Each frame's figure stood on the floor, its fixed joint kept in one place."""
    placed: list[Placed] = []
    for pose in move.frames:
        d, pts = joints(pose)
        pts["head*"] = _head_centre(d, pts)
        widths = {s.name: s.width / 2 for s in segments(pose.view, pose.seated)}
        lows = [pts[k][1] - widths[k.rstrip(">")] for k in pts if k != "head*"]
        lows.append(pts["head*"][1] - HEAD_R)
        probe = Placed(pose, d, pts, (0, 0))
        fx, _ = _joint(probe, move.fix) if move.fix != "hip" else (0.0, 0.0)
        if not move.floor:
            lowest = 0.0   # seen from above: nothing to stand on, the hip stays put
        elif move.rest:
            # The figure rests on this joint (on a roller or ball), `lift` above the floor.
            seg = JOINTS[move.rest].rstrip(">")
            lowest = pts[JOINTS[move.rest]][1] - widths[seg]
        else:
            lowest = min(lows)
        root = (-fx, pose.lift - lowest)
        moved = {k: (x + root[0], y + root[1]) for k, (x, y) in pts.items()}
        placed.append(Placed(pose, d, moved, root))
    return placed


def _bounds(placed: list[Placed]) -> tuple[float, float, float, float]:
    xs = [x for p in placed for x, _ in p.points.values()]
    ys = [y for p in placed for _, y in p.points.values()]
    return min(xs) - 8, max(xs) + 8, min(ys) - 8, max(ys) + 8


def render(move: Move) -> str:
    placed = place(move)
    left, right, bottom, top = _bounds(placed)
    props = [{**_resolve_prop(p, placed), "seconds": move.seconds} for p in move.props]
    for prop in props:
        left, right = min(left, prop["x0"]), max(right, prop["x1"])
    shift_x = W / 2 - (left + right) / 2
    shift_y = 0.0 if move.floor else (top + bottom) / 2 - (FLOOR - H / 2 + 4)

    def page(pt: Point) -> Point:
        return (pt[0] + shift_x, FLOOR - pt[1] + shift_y)

    css: list[str] = [STYLE]
    body: list[str] = []
    if move.floor:
        body.append(f'<path class="fl" d="M4 {_n(FLOOR + 0.8)}H156"/>')
    else:
        x0, y0 = page((left, top))
        x1, y1 = page((right, bottom))
        body.append(f'<rect class="mt" x="{_n(x0)}" y="{_n(y0)}" width="{_n(x1 - x0)}" '
                    f'height="{_n(y1 - y0)}" rx="6"/>')
    body += [_draw_prop(p, page) for p in props if p["kind"] not in FRONT_PROPS]
    moving = len(placed) == 2
    if moving:
        body.append('<g class="g" opacity=".35">')
        body += _figure(move, placed, page, css, ghost=True)
        body.append("</g>")
    body += _figure(move, placed, page, css, ghost=False)
    body += [_draw_prop(p, page) for p in props if p["kind"] in FRONT_PROPS]
    if moving:
        # Before the per-group names: this shorthand would reset them.
        css.insert(1, f"[class^=k]{{animation:{_n(move.seconds / 2)}s ease-in-out infinite "
                      "alternate}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W:g} {H:g}" '
        f'width="{W:g}" height="{H:g}"><style>{"".join(css)}</style>{"".join(body)}</svg>'
    )


def _rel(placed: Placed, seg_name: str, parent: str) -> float:
    a = placed.directions[seg_name] - (placed.directions[parent] if parent else 0.0)
    return -((a + 180) % 360 - 180)


def _turn(a: float, b: float) -> float:
    """The end angle written so that the figure turns the short way from a."""
    while b - a > 180:
        b -= 360
    while b - a < -180:
        b += 360
    return b


CHAINS = (("ua2", "fa2"), ("th2", "sh2", "ft2"), ("th", "sh", "ft"),
          ("low", "high", "head"), ("ua", "fa"))


def _figure(move: Move, placed: list[Placed], page: Any, css: list[str], ghost: bool
            ) -> list[str]:
    """The figure as nested groups; for the ghost, the start pose without movement."""
    start, end = placed[0], placed[-1]
    segs = {s.name: s for s in segments(move.view, start.pose.seated)}
    show = start if ghost else end
    out: list[str] = []
    rx0, ry0 = page(start.root)
    rx1, ry1 = page(end.root)
    root_moves = not ghost and (abs(rx0 - rx1) > 0.05 or abs(ry0 - ry1) > 0.05)
    rx, ry = page(show.root)
    cls = ' class="k0"' if root_moves else ""
    out.append(f'<g{cls} transform="translate({_n(rx)} {_n(ry)})">')
    if root_moves:
        css.append(_keyframes("k0", f"translate({_n(rx0)}px,{_n(ry0)}px)",
                              f"translate({_n(rx1)}px,{_n(ry1)}px)"))
    for chain in CHAINS:
        path = _ancestors(chain[0], segs) + list(chain)
        drawn = set(chain)
        far = segs[chain[-1]].far
        opened = 0
        out.append(f'<g class="{"b" if far else "f"}">')
        for name in path:
            seg = segs[name]
            a = _rel(start, name, seg.parent)
            b = _turn(a, _rel(end, name, seg.parent))
            turns = not ghost and abs(a - b) > 0.5
            angle = a if ghost else b
            key = f"k{list(segs).index(name) + 1}"
            if turns and f"@keyframes {key}{{" not in "".join(css):
                css.append(_keyframes(key, f"rotate({_n(a)}deg)", f"rotate({_n(b)}deg)"))
            move_to = (f"translate({_n(seg.along)} {_n(seg.across)})"
                       if seg.along or seg.across else "")
            turn_to = f"rotate({_n(angle)})" if _n(angle) != "0" else ""
            if turns:
                opened += 2 if move_to else 1
                out.append(f'<g transform="{move_to}">' if move_to else "")
                out.append(f'<g class="{key}" transform="{turn_to or "rotate(0)"}">')
            else:
                opened += 1
                both = move_to + turn_to
                out.append(f'<g transform="{both}">' if both else "<g>")
            if name in drawn:
                out.append(_segment_shape(move, seg.name, seg.length, seg.width))
                if name == "head" and move.view == "front":
                    out.append(_face(start.pose.turn, end.pose.turn, ghost, css))
                out += [_draw_held(p) for p in move.props if p.get("on") == name]
        out.append("</g>" * opened + "</g>")
    out.append("</g>")
    return out


def _ancestors(name: str, segs: dict[str, Any]) -> list[str]:
    chain: list[str] = []
    parent = segs[name].parent
    while parent:
        chain.insert(0, parent)
        parent = segs[parent].parent
    return chain


def _segment_shape(move: Move, name: str, length: float, width: float) -> str:
    line = f'<path d="M0 0H{_n(length)}" stroke-width="{_n(width)}"/>'
    if name != "head":
        return line
    # Side view: a nose on the front of the head shows which way the face points.
    nose = f'<circle cx="{_n(NECK + 0.5)}" cy="6.3" r="2"/>' if move.view == "side" else ""
    return line + f'<circle cx="{_n(NECK)}" r="{_n(HEAD_R)}"/>' + nose


def _face(turn_a: float, turn_b: float, ghost: bool, css: list[str]) -> str:
    """Front view: a pale mark on the face, sliding sideways as the head turns."""
    def across(turn: float) -> float:
        return 4.5 * math.sin(math.radians(turn))

    ya, yb = across(turn_a), across(turn_b)
    mark = '<path class="fc" d="M-1 0h2" stroke-width="2.6"/>'
    if ghost or abs(ya - yb) < 0.1:
        return f'<g transform="translate({_n(NECK - 1)} {_n(ya if ghost else yb)})">{mark}</g>'
    css.append(_keyframes("kf", f"translate({_n(NECK - 1)}px,{_n(ya)}px)",
                          f"translate({_n(NECK - 1)}px,{_n(yb)}px)"))
    return f'<g class="kf" transform="translate({_n(NECK - 1)} {_n(yb)})">{mark}</g>'


def _keyframes(name: str, start: str, end: str) -> str:
    return (f"@keyframes {name}{{{AT_START}{{transform:{start}}}"
            f"{AT_END}{{transform:{end}}}}}.{name}{{animation-name:{name}}}")


# ---------------------------------------------------------------------------
# Props
# ---------------------------------------------------------------------------

FRONT_PROPS = {"band"}
HELD = {"gun", "weight", "pad", "fist", "ball"}
SIZES = {"wall": 6, "door": 5, "post": 4}


def _resolve_prop(raw: dict[str, Any], placed: list[Placed]) -> dict[str, Any]:
    """A prop's points on the page's axes, and the width it takes up."""
    kind = raw["kind"]
    if "on" in raw:
        if kind not in HELD:
            raise ValueError(f"a {kind} cannot be held; held props are {sorted(HELD)}")
        return {"kind": "held", "x0": 1e9, "x1": -1e9}
    frame = placed[min(int(raw.get("frame", 0)), len(placed) - 1)]
    if "at" in raw:
        ax, ay = _joint(frame, raw["at"])
    else:
        ax, ay = (_joint(frame, frame_fix) if (frame_fix := raw.get("from")) else (0.0, 0.0))
    x = ax + float(raw.get("dx", 0))
    y = float(raw["y"]) if "y" in raw else ay + float(raw.get("dy", 0))
    prop: dict[str, Any] = {**raw, "x": x, "y": y}
    w = float(raw.get("w", {"chair": 20, "table": 30, "step": 34, "box": 30, "bed": 60,
                            "roller": 12, "ball": 7, "pillow": 16, "towel": 14}.get(kind, 6)))
    side = float(raw.get("side", 1))
    prop["side"] = side
    if kind == "band":
        # The far end is another joint, or a fixed point: [across from the anchor, height].
        to = raw["to"]
        fixed = None if isinstance(to, str) else (x + float(to[0]), float(to[1]))
        prop["ends"] = [(_joint(p, raw["at"]), fixed or _joint(p, to)) for p in placed]
        xs = [pt[0] for pair in prop["ends"] for pt in pair]
        prop["x0"], prop["x1"] = min(xs), max(xs)
        return prop
    if kind in ("wall", "door", "post"):
        w = float(raw.get("w", SIZES[kind]))
        prop["x0"], prop["x1"] = (x, x + w) if side > 0 else (x - w, x)
    elif kind in ("chair", "table", "step", "box", "bed"):
        off = float(raw.get("off", -w / 2))
        prop["x0"], prop["x1"] = x + off, x + off + w
    else:
        prop["x0"], prop["x1"] = x - w / 2, x + w / 2
    prop["w"] = w
    return prop


def _draw_prop(prop: dict[str, Any], page: Any) -> str:
    kind = prop["kind"]
    if kind == "held":
        return ""
    x0 = page((prop["x0"], 0))[0]
    x1 = page((prop["x1"], 0))[0]
    _, top = page((prop["x"], prop["y"]))
    if kind in ("wall", "door", "post"):
        height = float(prop.get("h", 0))
        y = 4.0 if not height else FLOOR - height
        shape = (f'<rect class="p" x="{_n(x0)}" y="{_n(y)}" width="{_n(x1 - x0)}" '
                 f'height="{_n(FLOOR - y)}"/>')
        if kind == "door":
            lintel = x1 if prop["side"] > 0 else x0 - 24
            shape += f'<rect class="p" x="{_n(lintel)}" y="4" width="24" height="5"/>'
        return shape
    if kind in ("table", "step", "box", "bed"):
        if kind == "table":
            return (f'<rect class="p" x="{_n(x0)}" y="{_n(top)}" width="{_n(x1 - x0)}" '
                    f'height="3"/><path class="fl" d="M{_n(x0 + 3)} {_n(top)}V{_n(FLOOR)}'
                    f'M{_n(x1 - 3)} {_n(top)}V{_n(FLOOR)}" stroke-width="2.5"/>')
        return (f'<rect class="p" x="{_n(x0)}" y="{_n(top)}" width="{_n(x1 - x0)}" '
                f'height="{_n(FLOOR - top)}" rx="1.5"/>')
    if kind == "chair":
        back_x = x0 if prop["side"] > 0 else x1
        shape = (f'<rect class="p" x="{_n(x0)}" y="{_n(top)}" width="{_n(x1 - x0)}" '
                 f'height="3" rx="1"/><path class="fl" stroke-width="2.5" '
                 f'd="M{_n(x0 + 2)} {_n(top)}V{_n(FLOOR)}M{_n(x1 - 2)} {_n(top)}V{_n(FLOOR)}')
        if prop.get("back", True):
            shape += f'M{_n(back_x + prop["side"] * 1.2)} {_n(top)}v-30'
        return shape + '"/>'
    cx, cy = page((prop["x"], prop["y"]))
    if kind == "roller":
        return f'<circle class="q" cx="{_n(cx)}" cy="{_n(cy)}" r="6"/>'
    if kind == "ball":
        return f'<circle class="q" cx="{_n(cx)}" cy="{_n(cy)}" r="3.5"/>'
    if kind == "pillow":
        return (f'<ellipse class="p" cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(prop["w"] / 2)}" '
                f'ry="3"/>')
    if kind == "towel":
        h = float(prop.get("h", 4))
        return (f'<rect class="q" x="{_n(cx - prop["w"] / 2)}" y="{_n(cy - h / 2)}" '
                f'width="{_n(prop["w"])}" height="{_n(h)}" rx="{_n(h / 2)}"/>')
    if kind == "band":
        return _draw_band(prop, page)
    raise ValueError(f"unknown prop {kind!r}")


def _draw_band(prop: dict[str, Any], page: Any) -> str:
    def d(pair: tuple[Point, Point]) -> str:
        (ax, ay), (bx, by) = page(pair[0]), page(pair[1])
        return f"M{_n(ax)} {_n(ay)}L{_n(bx)} {_n(by)}"

    ends = prop["ends"]
    if len(ends) == 1 or d(ends[0]) == d(ends[-1]):
        return f'<path class="bd" d="{d(ends[-1])}"/>'
    a, b = d(ends[0]), d(ends[-1])
    return (
        f'<path class="bd s" opacity=".35" d="{a}"/><path class="bd s" d="{b}"/>'
        f'<path class="bd m" d="{a}"><animate attributeName="d" values="{a};{a};{b};{b};{a};{a}" '
        f'keyTimes="{KEY_TIMES}" calcMode="spline" keySplines="{SPLINES}" '
        f'dur="{_n(float(prop.get("seconds", 6)))}s" repeatCount="indefinite"/></path>'
    )


def _draw_held(raw: dict[str, Any]) -> str:
    """A prop held by or resting on a segment, drawn in that segment's own axes."""
    t = float(raw.get("t", 0))
    off = float(raw.get("off", 0))
    kind = raw["kind"]
    if kind == "gun":
        return (f'<path class="bd" stroke-width="3.5" d="M{_n(t)} {_n(off)}h8m-4 0v-6"/>')
    if kind == "weight":
        return (f'<rect class="q" x="{_n(t - 2.5)}" y="{_n(off - 4)}" width="5" height="8" '
                f'rx="1.5"/>')
    if kind == "pad":
        length = float(raw.get("w", 12))
        return (f'<rect class="q" x="{_n(t - length / 2)}" y="{_n(off - 2)}" '
                f'width="{_n(length)}" height="4" rx="2"/>')
    radius = 3.5 if kind == "ball" else 2.6
    return f'<circle class="q" cx="{_n(t)}" cy="{_n(off)}" r="{_n(radius)}"/>'
