"""Everything a person has given Unknot, as JSON and CSV in one zip file."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder

from unknot.tracking.models import (
    CheckIn,
    Episode,
    PsfsActivity,
    PsfsRating,
    Reminder,
    ShareLink,
    ShareOpening,
)

EPISODE_FIELDS = ("id", "started_on", "closed_on", "outcome", "outcome_note", "level",
                  "intake", "first_assessment", "review", "created_at")
PSFS_FIELDS = ("episode_id", "activity_id", "activity", "day", "score")
SHARE_FIELDS = ("id", "episode_id", "label", "created_at", "expires_at", "revoked_at")
CHECKIN_FIELDS = ("episode_id", "day", "pain", "function_limit", "sleep_hours", "plan_done",
                  "plan_total", "symptoms", "note", "level", "created_at", "updated_at")


def export_data(user: User) -> dict[str, Any]:
    episodes = list(Episode.objects.filter(owner_id=user.pk).order_by("started_on", "id")
                    .values(*EPISODE_FIELDS))
    checkins = list(CheckIn.objects.filter(episode__owner_id=user.pk)
                    .order_by("episode_id", "day").values(*CHECKIN_FIELDS))
    for row in checkins:
        if row["sleep_hours"] is not None:
            row["sleep_hours"] = float(row["sleep_hours"])
    activities = list(PsfsActivity.objects.filter(episode__owner_id=user.pk)
                      .order_by("episode_id", "position").values("id", "episode_id", "position",
                                                                  "name", "created_at"))
    ratings = [
        {"episode_id": episode_id, "activity_id": activity_id, "activity": name, "day": day,
         "score": score}
        for episode_id, activity_id, name, day, score in PsfsRating.objects.filter(
            activity__episode__owner_id=user.pk).order_by(
            "activity__episode_id", "day", "activity__position").values_list(
            "activity__episode_id", "activity_id", "activity__name", "day", "score")]
    # The links' secrets are not kept, so none can be exported: what each was, and when
    # it was opened.
    links = list(ShareLink.objects.filter(episode__owner_id=user.pk)
                 .order_by("created_at", "id").values(*SHARE_FIELDS))
    openings = list(ShareOpening.objects.filter(link__episode__owner_id=user.pk)
                    .order_by("opened_at", "id").values("link_id", "opened_at", "what"))
    tokens = list(user.access_tokens.order_by("created_at")
                  .values("name", "prefix", "created_at", "last_used_at"))
    reminder = Reminder.objects.filter(owner_id=user.pk).first()
    return {
        "account": {
            "email": getattr(user, "email", ""),
            "date_joined": getattr(user, "date_joined", None),
            "daily_reminder_email": bool(reminder and reminder.email_daily),
            "calendar_feed": bool(reminder and reminder.feed_token_hash),
        },
        "episodes": episodes,
        "checkins": checkins,
        "psfs_activities": activities,
        "psfs_ratings": ratings,
        "share_links": links,
        "share_link_openings": openings,
        "access_tokens": tokens,
    }


def _csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({
            key: json.dumps(value, cls=DjangoJSONEncoder) if isinstance(value, dict | list)
            else value for key, value in row.items()
        })
    return out.getvalue()


def export_zip(user: User) -> bytes:
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("unknot.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2))
        archive.writestr("episodes.csv", _csv(data["episodes"], EPISODE_FIELDS))
        archive.writestr("checkins.csv", _csv(data["checkins"], CHECKIN_FIELDS))
        archive.writestr("psfs.csv", _csv(data["psfs_ratings"], PSFS_FIELDS))
        archive.writestr("share_links.csv", _csv(data["share_links"], SHARE_FIELDS))
        archive.writestr("README.txt", (
            "Your data from Unknot.\n\nunknot.json holds everything. episodes.csv and "
            "checkins.csv hold the same episodes and check-ins as tables; the intake, "
            "assessment and plan columns are JSON. psfs.csv holds every rating of the "
            "activities you named (the Patient-Specific Functional Scale), and "
            "share_links.csv the links you made for clinicians (their secret addresses "
            "are never stored, so they are not here).\n"))
    return buffer.getvalue()
