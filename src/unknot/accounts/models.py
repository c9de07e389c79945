"""Personal access tokens for the API. Only a hash of each token is stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccessToken(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="access_tokens")
    name = models.CharField(max_length=60)
    # SHA-256 of the token: tokens are long random strings, so a fast hash is
    # enough and lets a request find its token with one indexed lookup.
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

