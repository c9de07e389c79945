from __future__ import annotations

from django.urls import path

from unknot.api.docs import docs
from unknot.api.views import api

urlpatterns = [
    path("docs", docs, name="api_docs"),
    path("", api.urls),
]
