"""Hostile input through every door that reads JSON: the API, the two web views
that carry an intake, and the command line. Each is answered with a message
naming the problem; nothing crashes, nothing is saved."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import calf_soreness, make_episode, make_person
from unknot.accounts.services import create_token
from unknot.cli import assess_command
from unknot.engine.json_input import MAX_BYTES, JsonInputError, load_json, load_json_carefully
from unknot.tracking.models import CheckIn, Episode

pytestmark = pytest.mark.django_db

INTAKE = json.dumps(calf_soreness()).encode()


def _with_age(raw: bytes) -> bytes:
    return INTAKE.replace(b'"age": 34', b'"age": ' + raw)


# name, body, what the refusal must say
HOSTILE: list[tuple[str, bytes, str]] = [
    ("400-digit integer", _with_age(b"9" * 400), "400 characters long"),
    ("5000-digit integer", _with_age(b"9" * 5000), "5000 characters long"),
    ("100,000 nested brackets", b"[" * 100_000 + b"]" * 100_000, "larger than"),
    ("nesting within the size limit", b"[" * 20_000 + b"]" * 20_000, "nested too deeply"),
    ("NaN", _with_age(b"NaN"), "NaN"),
    ("Infinity", _with_age(b"Infinity"), "Infinity"),
    ("-Infinity", _with_age(b"-Infinity"), "-Infinity"),
    ("1e999", _with_age(b"1e999"), "too large"),
    ("a lone surrogate", INTAKE.replace(b'"calf"', b'"\\ud800"'), "surrogate"),
    ("Latin-1 bytes", INTAKE.replace(b"}", '"x": "caf\u00e9"}'.encode("latin-1")), "UTF-8"),
    ("UTF-16 with its BOM", INTAKE.decode().encode("utf-16"), "UTF-16"),
    ("UTF-16 without a BOM", INTAKE.decode().encode("utf-16-le"), "UTF-16"),
    ("UTF-32", INTAKE.decode().encode("utf-32"), "UTF-32"),
    ("empty body", b"", "empty"),
    ("only spaces", b"   \n", "empty"),
    ("truncated JSON", INTAKE[:-3], "not valid JSON"),
    ("over the size limit", b'{"note": "' + b"x" * MAX_BYTES + b'"}', "larger than"),
]
IDS = [name for name, _, _ in HOSTILE]


def _bearer(client: Client) -> tuple[dict[str, str], Episode]:
    person = make_person()
    _, token = create_token(person, "tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}, make_episode(person)


def _send(client: Client, method: str, path: str, body: bytes, auth: dict[str, str],
          content_type: str = "application/json") -> Any:
    headers = {"Authorization": auth["HTTP_AUTHORIZATION"]} if auth else None
    return client.generic(method, path, body, content_type=content_type, headers=headers)


def _post(client: Client, path: str, body: bytes, auth: dict[str, str],
          content_type: str = "application/json") -> Any:
    return _send(client, "POST", path, body, auth, content_type)


def _api_doors(client: Client) -> list[tuple[str, Callable[[bytes, str], Any]]]:
    auth, episode = _bearer(client)
    return [
        ("assessments", lambda body, kind: _post(client, "/api/v1/assessments", body, {}, kind)),
        ("episodes", lambda body, kind: _post(client, "/api/v1/episodes", body, auth, kind)),
        ("checkins", lambda body, kind: _post(
            client, f"/api/v1/episodes/{episode.pk}/checkins", body, auth, kind)),
        ("episode change", lambda body, kind: _send(
            client, "PATCH", f"/api/v1/episodes/{episode.pk}", body, auth, kind)),
    ]


@pytest.mark.parametrize(("name", "body", "said"), HOSTILE, ids=IDS)
def test_the_api_refuses_hostile_bodies_in_its_error_shape(
        client: Client, name: str, body: bytes, said: str) -> None:
    for door, send in _api_doors(client):
        response = send(body, "application/json")
        expected = 413 if "larger than" in said else 422
        assert response.status_code == expected, (door, response.content[:200])
        assert response["Content-Type"] == "application/json"
        answer = response.json()
        assert set(answer) == {"detail", "errors"}
        assert answer["errors"][0]["field"] == "(body)"
        assert said in answer["errors"][0]["message"], (door, answer)
    assert Episode.objects.count() == 1  # only the one made to post check-ins to
    assert not CheckIn.objects.exists()


def test_a_utf8_byte_order_mark_is_ignored_as_json_allows(client: Client) -> None:
    response = _post(client, "/api/v1/assessments", b"\xef\xbb\xbf" + INTAKE, {})
    assert response.status_code == 200
    assert response.json()["level"] == "self_care"


@pytest.mark.parametrize("kind", ["text/plain", "application/x-www-form-urlencoded",
                                  "multipart/form-data; boundary=x"])
def test_a_body_that_is_not_sent_as_json_is_a_415(client: Client, kind: str) -> None:
    for door, send in _api_doors(client):
        response = send(INTAKE, kind)
        assert response.status_code == 415, door
        assert "application/json" in response.json()["errors"][0]["message"]


def test_a_body_over_djangos_own_limit_is_refused_before_it_is_read(client: Client) -> None:
    huge = b"[" * (1024 * 1024 + 1)
    response = _post(client, "/api/v1/assessments", huge, {})
    assert response.status_code == 413
    assert set(response.json()) == {"detail", "errors"}


def test_an_oversized_web_form_gets_a_plain_page_not_a_crash(client: Client) -> None:
    body = b"intake=" + b"x" * (1024 * 1024 + 1)
    response = client.generic("POST", "/assess/change/", body,
                              content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert b"Too much was sent" in response.content
    assert b"<!doctype html>" in response.content


@pytest.mark.parametrize("path", ["/track/start/", "/assess/change/"])
@pytest.mark.parametrize(("name", "body", "said"), HOSTILE, ids=IDS)
def test_the_web_views_that_carry_an_intake_refuse_hostile_json_with_a_page(
        client: Client, path: str, name: str, body: bytes, said: str) -> None:
    client.force_login(make_person())
    text = body.decode("utf-8", "replace")
    response = client.post(path, {"intake": text})
    assert response.status_code == 400
    assert b"<!doctype html>" in response.content
    assert not Episode.objects.exists()


def _assess(stdin: bytes | None = None, args: list[str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    code = assess_command(args or ["-"], out, err, source)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("name", "body", "said"), HOSTILE, ids=IDS)
def test_the_command_line_exits_2_naming_the_problem(
        tmp_path: Path, name: str, body: bytes, said: str) -> None:
    from_stdin = _assess(body)
    path = tmp_path / "intake.json"
    path.write_bytes(body)
    from_file = _assess(args=[str(path)])
    for code, out, err in (from_stdin, from_file):
        assert (code, out) == (2, "")
        assert said in err
        assert "Traceback" not in err


@pytest.mark.parametrize("indent", ["-1", "9", "99999999999", "two", "1e3"])
def test_the_command_line_bounds_its_indent(indent: str) -> None:
    code, out, err = _assess(INTAKE, ["-", "--indent", indent])
    assert (code, out) == (2, "")
    assert "--indent" in err


def test_the_command_line_refuses_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "missing.json"):
        code, out, err = _assess(args=[str(target)])
        assert (code, out) == (2, "")
        assert "cannot read" in err


def _outcome(load: Callable[[bytes], Any], raw: bytes) -> tuple[str, Any]:
    try:
        value = load(raw)
    except JsonInputError as error:
        return "refused", error.message
    # repr tells 1 from 1.0 and -0.0 from 0.0, which == does not.
    return "read", repr(value)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
_json_bodies = st.one_of(
    _json_values.map(lambda value: json.dumps(value).encode()),
    _json_values.map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8",
                                                                               "surrogatepass")),
    st.binary(max_size=60),
    st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\u", b"d800",
                              b"1", b"-", b".", b"e", b"9" * 25, b"NaN", b"\xef\xbb\xbf",
                              b" ", b"\x00", b"\xff", b"true", b'"a"']), max_size=12)
    .map(b"".join),
)


@given(_json_bodies)
@settings(max_examples=400, derandomize=True, deadline=None)
def test_the_fast_json_path_reads_and_refuses_exactly_as_the_careful_one(raw: bytes) -> None:
    """orjson reads the usual body; whatever it reads, Python's json reads to the same
    value, and whatever it refuses gets the careful path's message."""
    assert _outcome(load_json, raw) == _outcome(load_json_carefully, raw)


@pytest.mark.parametrize("raw", [b"18446744073709551616", b'{"age": 123456789012345678901}',
                                 b"[1e400]", b'"\\ud800"', b"\xef\xbb\xbf{}", b"[NaN]",
                                 b"[" * 40 + b"]" * 40, b"0.1000000000000000000000000000000000"
                                 b"000000001"])
def test_the_bodies_orjson_would_read_differently_go_the_careful_way(raw: bytes) -> None:
    assert _outcome(load_json, raw) == _outcome(load_json_carefully, raw)
