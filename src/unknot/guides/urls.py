from __future__ import annotations

from django.urls import path

from unknot.guides import feeds, views
from unknot.moderation import views as comment_views

app_name = "guides"
urlpatterns = [
    path("", views.guide_list, name="list"),
    path("feed/rss/", feeds.LatestGuidesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestGuidesAtomFeed(), name="feed-atom"),
    path("preview/", views.markdown_preview, name="preview"),
    path("tag/<slug:slug>/", views.tag_detail, name="tag"),
    path("<slug:slug>/", views.guide_detail, name="detail"),
    path("<slug:slug>/comment/", comment_views.post_comment, name="comment"),
]
