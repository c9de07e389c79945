"""The address that rate limits count."""

from __future__ import annotations

from django.test import RequestFactory

from unknot.moderation.addresses import ratelimit_key


def key_for(address: str) -> str:
    return ratelimit_key("any", RequestFactory().get("/", REMOTE_ADDR=address))


def test_an_ipv4_address_is_counted_alone() -> None:
    assert key_for("203.0.113.9") != key_for("203.0.113.10")


def test_ipv6_addresses_in_one_64_network_share_one_count() -> None:
    assert key_for("2001:db8::1") == key_for("2001:db8::7") == key_for("2001:db8::ffff:1")
    assert key_for("2001:db8::1") != key_for("2001:db8:0:1::1")


def test_an_ipv4_mapped_ipv6_address_is_counted_alone() -> None:
    assert key_for("::ffff:203.0.113.9") != key_for("::ffff:203.0.113.10")
