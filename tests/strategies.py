"""Hypothesis strategies for intakes, derived from the contract schema itself."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from unknot.engine.intake import SCHEMA

PROPS: dict[str, Any] = SCHEMA["properties"]


def _for_property(spec: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    if spec["type"] == "integer":
        return st.integers(spec["minimum"], spec["maximum"])
    if spec["type"] == "number":
        return st.one_of(
            st.integers(int(spec["minimum"]), int(spec["maximum"])),
            st.floats(spec["minimum"], spec["maximum"], allow_nan=False),
        )
    items = spec["items"]["enum"]
    return st.lists(st.sampled_from(items), min_size=spec.get("minItems", 0),
                    max_size=min(len(items), 6), unique=True)


@st.composite
def intakes(draw: st.DrawFn) -> dict[str, Any]:
    """Any intake the schema allows: every required field, and any of the optional ones."""
    data = {name: draw(_for_property(PROPS[name])) for name in SCHEMA["required"]}
    for name in PROPS:
        if name not in data and draw(st.booleans()):
            data[name] = draw(_for_property(PROPS[name]))
    return data


JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-1000, 100_000),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8),
    st.lists(st.text(max_size=12), max_size=3),
    st.lists(st.sampled_from(["calf", "calf", "neck", "chest_pain", "cancer", "x"]), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def mutated_intakes(draw: st.DrawFn) -> dict[str, Any]:
    """A valid intake with one field replaced by junk or removed: valid or not, by chance."""
    data = draw(intakes())
    key = draw(st.sampled_from([*PROPS, "unknown_field"]))
    if draw(st.integers(0, 5)) == 0:
        data.pop(key, None)
    else:
        data[key] = draw(JUNK)
    return data
