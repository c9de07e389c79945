from __future__ import annotations

from django.urls import path

from unknot.core import moves, offline, views
from unknot.ops import health, metrics

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("about/", views.about, name="about"),
    path("about/cases/<slug:slug>.jsonl", views.case_file, name="case_file"),
    path("health", views.health, name="health"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("metrics", metrics.metrics, name="metrics"),
    path("moves/<slug:item_id>.svg", moves.move_picture, name="move-picture"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("favicon.ico", views.favicon, name="favicon"),
]
