from __future__ import annotations

from django.urls import path

from unknot.tracking import views

app_name = "tracking"
urlpatterns = [
    path("", views.episodes, name="episodes"),
    path("start/", views.track_this, name="start"),
    path("start/continue/", views.resume, name="resume"),
    path("<int:pk>/", views.episode_detail, name="episode"),
    path("<int:pk>/checkin/", views.checkin, name="checkin"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/chart/<slug:kind>.svg", views.chart, name="chart"),
    path("<int:pk>/report.pdf", views.report, name="report"),
    path("calendar/<str:secret>.ics", views.calendar_feed, name="calendar"),
    path("reminders/email/", views.reminder_email, name="reminder_email"),
    path("reminders/calendar/", views.reminder_feed, name="reminder_feed"),
]
