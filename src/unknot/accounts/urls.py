from __future__ import annotations

from django.urls import path

from unknot.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("tokens/", views.create_token, name="create_token"),
    path("tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
