"""The one way Unknot reads JSON that someone sent: the API, the web forms that
carry an intake, and `unknot assess`.

Python's json module accepts things that break the code after it or the
machine running it: NaN and Infinity (not JSON at all), integers of thousands
of digits (slow to convert, and too big for a float, which the intake checks
need), and nesting deep enough to exhaust the stack. Each is refused here
with a message that names the problem, as is anything too large or not UTF-8.
Plain Python, so the command line uses it without starting Django.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from typing import Any

import orjson

# An intake is under 2 KB and a check-in smaller still: 64 KiB is generous.
MAX_BYTES = 64 * 1024
# Nothing Unknot accepts is nested more than two levels; 32 leaves room for
# clearer errors from the schema checks without ever nearing the stack's limit.
MAX_DEPTH = 32
# The largest number anything accepts has five digits; the longest a float
# prints is about 24 characters.
MAX_NUMBER_LENGTH = 40

# A run of characters that could make a number this long sends the body the
# careful way (json below): orjson reads integers past 64 bits as floats.
_LONG_NUMBER = re.compile(rb"[-+.0-9eE]{19,}")

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


class JsonInputError(ValueError):
    """Input that is not JSON Unknot can take; the message says why, in plain words."""

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.too_large = too_large


def _number(text: str, kind: type[int] | type[float]) -> int | float:
    digits = text.lstrip("-")
    if len(digits) > MAX_NUMBER_LENGTH:
        raise JsonInputError(f"has a number {len(digits)} characters long; numbers may have "
                             f"at most {MAX_NUMBER_LENGTH}")
    value = kind(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise JsonInputError(f"has a number too large to use: {text}")
    return value


def _no_constant(name: str) -> object:
    raise JsonInputError(f"has {name}, which is not a number in JSON")


def _check_structure(value: object) -> None:
    """Nesting within MAX_DEPTH, and no lone surrogate (an escape like \\ud800 that
    stands for no character: no database can store it)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise JsonInputError("has a \\u escape that stands for no character "
                                         "(a lone surrogate)") from None
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise JsonInputError(f"is nested too deeply; at most {MAX_DEPTH} levels")
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)


def decode_text(raw: bytes) -> str:
    """UTF-8 text from bytes, or a JsonInputError naming the encoding problem."""
    for bom, name in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise JsonInputError(f"is in {name}; JSON must be sent as UTF-8")
    if len(raw) >= 2 and (raw[0] == 0 or raw[1] == 0):
        raise JsonInputError("looks like UTF-16 or UTF-32; JSON must be sent as UTF-8")
    try:
        # A UTF-8 byte order mark is allowed to be ignored (RFC 8259, section 8.1).
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonInputError(f"is not valid UTF-8 (byte {error.start + 1} cannot be read); "
                             "JSON must be sent as UTF-8") from None


def load_json(raw: bytes | str, *, max_bytes: int = MAX_BYTES) -> Any:
    """Decoded JSON, or JsonInputError (with `too_large` set when that is the problem)."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise JsonInputError(f"is larger than the {max_bytes:,} bytes accepted",
                             too_large=True)
    if isinstance(raw, bytes) and not _LONG_NUMBER.search(raw):
        # The fast way for the usual body. orjson refuses everything the careful
        # way below refuses (NaN, a BOM, other encodings, lone surrogates) and
        # reads the rest to the same values; anything it refuses goes the
        # careful way, for the message that names the problem.
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
        else:
            # Nesting past MAX_DEPTH needs more brackets than that.
            if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH:
                _check_structure(value)
            return value
    return load_json_carefully(raw)


def load_json_carefully(raw: bytes | str) -> Any:
    """load_json's reference path, with Python's json and a check on every number."""
    text = decode_text(raw) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    if not text.strip():
        raise JsonInputError("is empty; send a JSON object")
    try:
        value = json.loads(
            text,
            parse_int=lambda s: _number(s, int),
            parse_float=lambda s: _number(s, float),
            parse_constant=_no_constant,
        )
    except JsonInputError:
        raise
    except RecursionError:
        raise JsonInputError(f"is nested too deeply; at most {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as error:
        raise JsonInputError(f"is not valid JSON: {error.msg} at line {error.lineno}, "
                             f"column {error.colno}") from None
    except ValueError as error:  # anything else the decoder refuses, in its own words
        raise JsonInputError(f"is not valid JSON: {error}") from None
    _check_structure(value)
    return value
