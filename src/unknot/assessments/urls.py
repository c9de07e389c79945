from __future__ import annotations

from django.urls import path

from unknot.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.intake, name="intake"),
    path("change/", views.change_answers, name="change"),
]
