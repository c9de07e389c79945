from __future__ import annotations

from django.urls import path

from unknot.api.views import api

urlpatterns = [path("", api.urls)]
