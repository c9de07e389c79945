from __future__ import annotations

from django.urls import path

from unknot.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
]
