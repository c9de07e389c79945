from __future__ import annotations

from django.urls import path

from unknot.tracking import psfs_views, share_views, views

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
    path("<int:pk>/record.fhir.json", share_views.fhir_record, name="fhir"),
    path("<int:pk>/psfs/", psfs_views.psfs_form, name="psfs"),
    path("<int:pk>/psfs.svg", psfs_views.psfs_chart, name="psfs_chart"),
    path("<int:pk>/share/", share_views.share, name="share"),
    path("<int:pk>/share/<int:link_pk>/withdraw/", share_views.share_revoke,
         name="share_revoke"),
    path("shared/<str:secret>/", share_views.shared, name="shared"),
    path("shared/<str:secret>/report.pdf", share_views.shared_pdf, name="shared_pdf"),
    path("shared/<str:secret>/record.fhir.json", share_views.shared_fhir, name="shared_fhir"),
    path("shared/<str:secret>/chart/<slug:kind>.svg", share_views.shared_chart,
         name="shared_chart"),
    path("calendar/<str:secret>.ics", views.calendar_feed, name="calendar"),
    path("reminders/email/", views.reminder_email, name="reminder_email"),
    path("reminders/calendar/", views.reminder_feed, name="reminder_feed"),
]
