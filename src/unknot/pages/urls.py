from __future__ import annotations

from django.urls import path

from unknot.pages import views

app_name = "pages"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("terms/", views.terms, name="terms"),
]
