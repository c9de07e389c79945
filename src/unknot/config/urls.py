from __future__ import annotations

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from unknot.core import offline
from unknot.core.guard import limit_admin_login
from unknot.guides.sitemaps import GuideSitemap, PageSitemap

# The admin's own login form has no limit on password guessing of its own.
admin.site.login = limit_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    # First: Django tries the patterns in order, and the API is what programs
    # call many times a second (no other pattern begins with "api/").
    path("api/v1/", include("unknot.api.urls")),
    path("", include("unknot.core.urls")),
    path("assess/", include("unknot.assessments.urls")),
    # Before allauth's own: logging out also clears what the site kept on the device.
    path("account/logout/", offline.logout),
    path("account/", include("allauth.urls")),
    path("account/settings/", include("unknot.accounts.urls")),
    path("track/", include("unknot.tracking.urls")),
    path("guides/", include("unknot.guides.urls")),
    path("moderation/", include("unknot.moderation.urls")),
    path("products/", include("unknot.products.urls")),
    path("", include("unknot.pages.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"guides": GuideSitemap, "pages": PageSitemap}},
         name="sitemap"),
    path("admin/", admin.site.urls),
]

handler400 = "unknot.core.errors.bad_request"
handler500 = "unknot.core.errors.server_error"
