"""The pictures of the moves, served at /moves/<item_id>.svg for every app that shows one."""

from __future__ import annotations

import hashlib
from functools import cache

from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import etag, require_GET

from unknot.engine.figures import has_poses, render_move

YEAR = 365 * 24 * 3600


@cache
def picture_version(item_id: str) -> str:
    """A fingerprint of the picture: its address changes whenever the drawing does."""
    return hashlib.sha256(render_move(item_id).encode()).hexdigest()[:12]


def picture_url(item_id: str) -> str:
    return (reverse("core:move-picture", args=[item_id])
            + f"?v={picture_version(item_id)}")


def _etag(request: HttpRequest, item_id: str) -> str | None:
    return picture_version(item_id) if has_poses(item_id) else None


# The drawing carries its own <style> (colours for dark mode, the animation),
# which the site's policy would refuse when the SVG is opened on its own.
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]
@require_GET
@etag(_etag)
def move_picture(request: HttpRequest, item_id: str) -> HttpResponse:
    if not has_poses(item_id):
        raise Http404("No picture for that move.")
    response = HttpResponse(render_move(item_id), content_type="image/svg+xml")
    # An address with the current fingerprint never changes; any other may.
    if request.GET.get("v") == picture_version(item_id):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=3600"
    return response
