"""Secrets that open something by themselves (a link, a feed): made long and random, and
kept only as a hash."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(prefix: str) -> str:
    # 32 random bytes: 256 bits, far beyond guessing, in about 43 URL-safe characters.
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256: the secrets are long random strings, so a fast hash is enough and lets a
    request find its record with one indexed lookup."""
    return hashlib.sha256(secret.encode()).hexdigest()
