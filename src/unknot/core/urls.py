from __future__ import annotations

from django.urls import path

from unknot.core import views

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("about/", views.about, name="about"),
    path("health", views.health, name="health"),
]
