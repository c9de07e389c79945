"""The demo moderator account and a few comments, so the queue has something in it."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from unknot.guides.models import Guide
from unknot.moderation.models import GuideComment

MODERATOR_USERNAME = "moderator"
MODERATOR_PASSWORD = "unknot-demo-moderator"  # noqa: S105 (a published demo account)
MODERATOR_EMAIL = "moderator@example.com"
EDITORS_GROUP = "Editors and moderators"
PERMISSIONS = [
    ("moderation", "moderate_comments"), ("moderation", "view_guidecomment"),
    ("moderation", "add_blockedsender"), ("moderation", "change_blockedsender"),
    ("moderation", "delete_blockedsender"), ("moderation", "view_blockedsender"),
    ("guides", "add_guide"), ("guides", "change_guide"), ("guides", "view_guide"),
    ("guides", "view_tag"),
    ("products", "add_product"), ("products", "change_product"),
    ("products", "delete_product"), ("products", "view_product"),
]
COMMENTS = [
    ("back-pain-basics", "Sam", "sam@example.com", GuideComment.APPROVED,
     "Reading that scans often show wear in people without any pain was a relief. I had "
     "been scared to move after my doctor mentioned a worn disc."),
    ("muscle-soreness-explained", "Priya", "priya@example.com", GuideComment.APPROVED,
     "Day two after my first spin class: exactly as described. Walking helped more than "
     "I expected."),
    ("self-massage", "Jonas", "jonas@example.com", GuideComment.PENDING,
     "Is a tennis ball good enough instead of a massage ball? It is softer, I think."),
]


@transaction.atomic
def load() -> int:
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user, created = User.objects.get_or_create(
        username=MODERATOR_USERNAME,
        defaults={"email": MODERATOR_EMAIL, "is_staff": True},
    )
    if created:
        user.set_password(MODERATOR_PASSWORD)
        user.save()
    user.groups.add(group)
    guide_type = ContentType.objects.get_for_model(Guide)
    for slug, name, email, status, text in COMMENTS:
        guide = Guide.objects.filter(slug=slug).first()
        if guide is None or GuideComment.objects.filter(user_email=email, object_pk=str(guide.pk)
                                                        ).exists():
            continue
        GuideComment.objects.create(
            content_type=guide_type, object_pk=str(guide.pk), site_id=1, user_name=name,
            user_email=email, comment=text, status=status,
            is_public=status == GuideComment.APPROVED,
            submit_date=timezone.now() - timedelta(hours=5),
            decided_at=timezone.now() if status == GuideComment.APPROVED else None,
            decided_by=user if status == GuideComment.APPROVED else None,
        )
    return 1
