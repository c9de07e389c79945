from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("unknot.core.urls")),
    path("assess/", include("unknot.assessments.urls")),
    path("api/v1/", include("unknot.api.urls")),
    path("admin/", admin.site.urls),
]
