"""The guided routine: a plan's moves as the steps a player walks through.

The player in the browser only follows these steps; every hold, count, side,
set and rest here comes from the content library's own fields (the same ones
that write each item's dose), so the dose a person reads and the one the
player times cannot disagree.

A routine is a list of items (name, steps, cautions, dose) and a flat list of
segments, each one thing to do now:

- ``ready``: the item is shown and waits for the person to begin;
- ``hold``: a countdown of a stretch or an isometric hold;
- ``reps``: a count the person taps through, at their own pace;
- ``timed``: a countdown for a massage technique;
- ``rest``: a countdown before the next hold, side or set.
"""

from __future__ import annotations

from typing import Any

# Rests are pacing, not dose: the content gives holds, counts and sets, and the
# player adds the pauses between them.
# A short pause between holds lets the muscle relax before it is stretched again.
REST_BETWEEN_HOLDS = 10
# Turning round to the other side.
REST_BETWEEN_SIDES = 5
# Between sets of a strengthening exercise: the ACSM position stand on
# progression in resistance training (Ratamess et al. 2009) advises 1 to 2
# minutes for beginners; the programme's loads are light, so the lower end.
REST_BETWEEN_SETS = 60
SIDES = ("left", "right")


def _item(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return {
        "id": data["id"],
        "name": data["name"],
        "kind": kind,
        "dose": data["dose"],
        "steps": list(data["steps"]),
        "cautions": list(data.get("cautions") or data.get("avoid_when") or ()),
    }


def _segments(index: int, data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """What doing one item takes, in order: sides, then sets, then holds or counts."""
    sides: tuple[str | None, ...] = SIDES if data["per_side"] else (None,)
    out: list[dict[str, Any]] = [{"item": index, "do": "ready"}]
    if kind == "massage":
        seconds = round(float(data["duration_minutes"]) * 60)
        for n, side in enumerate(sides):
            if n:
                out.append({"item": index, "do": "rest", "seconds": REST_BETWEEN_SIDES,
                            "why": "side"})
            out.append({"item": index, "do": "timed", "seconds": seconds, "side": side})
        return out
    sets = int(data["sets"])
    reps = int(data["repetitions"])
    hold = int(data["hold_seconds"])
    for n, side in enumerate(sides):
        if n:
            out.append({"item": index, "do": "rest", "seconds": REST_BETWEEN_SIDES,
                        "why": "side"})
        for set_no in range(1, sets + 1):
            if set_no > 1:
                out.append({"item": index, "do": "rest", "seconds": REST_BETWEEN_SETS,
                            "why": "set"})
            where = {"side": side, "set": set_no, "sets": sets}
            if not hold:
                out.append({"item": index, "do": "reps", "reps": reps, **where})
                continue
            for rep in range(1, reps + 1):
                if rep > 1:
                    out.append({"item": index, "do": "rest", "seconds": REST_BETWEEN_HOLDS,
                                "why": "hold"})
                out.append({"item": index, "do": "hold", "seconds": hold, "rep": rep,
                            "reps": reps, **where})
    return out


def build_routine(key: str, title: str,
                  entries: list[tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """A routine from (item, kind) pairs, kind being "move", "massage" or "strength"."""
    items: list[dict[str, Any]] = []
    segments: list[dict[str, Any]] = []
    for data, kind in entries:
        segments += _segments(len(items), data, kind)
        items.append(_item(data, kind))
    return {"key": key, "title": title, "items": items, "segments": segments}


def todays_routine(plan: dict[str, Any]) -> dict[str, Any]:
    """Today's moves and massage, in the plan's order. Walking is done out of doors,
    not in front of a screen, so it stays on the list but not in the player."""
    entries = [(m, "move") for m in plan["movement"] if m.get("kind") != "walk"]
    entries += [(m, "massage") for m in plan["massage"]]
    return build_routine("today", "Today's routine", entries)


def strength_routines(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Each phase of the strengthening programme as a routine of its own, playable
    once the plan says strengthening can start (after the first few days)."""
    therapy = plan["physical_therapy"]
    routines = []
    for phase in therapy["phases"]:
        routine = build_routine(f"phase-{phase['number']}", phase["title"],
                                [(e, "strength") for e in phase["exercises"]])
        routines.append({**routine, "number": phase["number"],
                         "unlocked": bool(therapy["start_now"])})
    return routines


def short_dose(data: dict[str, Any]) -> str:
    """The dose in a few words for the list of today's routine: "hold 30 s × 2 each side"."""
    side = " each side" if data.get("per_side") else ""
    if "duration_minutes" in data:
        return f"{float(data['duration_minutes']):g} min{side}"
    if "repetitions" not in data:  # walking: its dose is a sentence of its own
        return str(data["dose"])
    sets = int(data["sets"])
    reps = int(data["repetitions"])
    hold = int(data["hold_seconds"])
    text = f"hold {hold} s × {reps}{side}" if hold else f"{reps} slow reps{side}"
    return f"{text}, {sets} sets" if sets > 1 else text
