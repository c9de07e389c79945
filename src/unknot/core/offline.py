"""Installable and offline: the web app manifest and the service worker.

The worker is served from the site root (/sw.js) because a worker only
controls pages under its own path, and the pages to keep are under /track/.
It is a template so that it lists the static files by their real addresses
and changes, and so is installed again, whenever one of them does.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from allauth.account.views import LogoutView
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from unknot.engine import ENGINE_VERSION

# What a tracked routine needs to play with no connection; pictures and the
# episode's own page are added by offline.js from the page itself.
PRECACHE = (
    "unknot/app.css", "unknot/menu.js", "unknot/player.js", "unknot/offline.js",
    "unknot/print.js", "unknot/favicon.svg", "unknot/icon.svg", "unknot/icon-192.png",
    "unknot/icon-512.png", "tracking/outcomes.css",
)
THEME = "#0f766e"
BACKGROUND = "#fbfaf7"


@cache
def _version() -> str:
    """Changes whenever a kept file or the engine (which draws the pictures) does."""
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for name in PRECACHE:
        path = finders.find(name)
        if path is None:
            raise FileNotFoundError(f"static file {name} is missing")
        with open(str(path), "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()[:16]


@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    body = render_to_string("core/sw.js", {
        "version": _version(),
        "precache": json.dumps([static(name) for name in PRECACHE]),
        "leave": json.dumps([reverse("account_login"), reverse("account_logout")]),
    })
    return HttpResponse(body, content_type="text/javascript; charset=utf-8")


def logout(request: HttpRequest) -> HttpResponse:
    """allauth's log out, and then the browser is told to drop what this site
    kept on the device: the service worker's caches, offline check-ins, and the
    worker itself, so the next person on it finds nothing of this one."""
    response: HttpResponse = LogoutView.as_view()(request)
    if request.method == "POST":
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    response = JsonResponse({
        "name": "Unknot",
        "short_name": "Unknot",
        "description": "Recover from sore muscles and back pain, and know when to see a "
        "professional.",
        "start_url": reverse("core:start"),
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME,
        "icons": [
            {"src": static("unknot/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("unknot/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("unknot/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("unknot/icon-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
    })
    response["Content-Type"] = "application/manifest+json"
    return response
