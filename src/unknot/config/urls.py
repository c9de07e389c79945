from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("unknot.core.urls")),
    path("assess/", include("unknot.assessments.urls")),
    path("api/v1/", include("unknot.api.urls")),
    path("account/", include("allauth.urls")),
    path("account/settings/", include("unknot.accounts.urls")),
    path("track/", include("unknot.tracking.urls")),
    path("admin/", admin.site.urls),
]
