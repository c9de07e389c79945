"""Small factories and helpers for the guides, comments and products tests."""

from __future__ import annotations

import base64
import html as html_module
import json
import re
import time
from datetime import timedelta
from itertools import count
from typing import Any

from altcha import v1 as altcha_v1
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone

from unknot.guides.models import Guide, Tag
from unknot.moderation.forms import GuideCommentForm
from unknot.moderation.models import GuideComment
from unknot.products.models import Area, Product

_serial = count(1)


def make_guide(title: str = "Easing a sore back", *, published: bool = True,
               tags: tuple[str, ...] = ("way-moving", "lower-back"), body: str = "Move **gently**.",
               allow_comments: bool = True) -> Guide:
    n = next(_serial)
    guide = Guide.objects.create(
        title=title, slug=f"guide-{n}", summary=f"Summary of {title}", body=body,
        references="- NICE NG59", is_published=published, allow_comments=allow_comments,
        published_at=timezone.now() - timedelta(days=1),
    )
    guide.tags.set(Tag.objects.filter(slug__in=tags))
    return guide


def make_user(username: str = "", **extra: Any) -> User:
    return User.objects.create_user(username or f"person{next(_serial)}", password="pw-12345-x",
                                    email=extra.pop("email", f"p{next(_serial)}@example.com"),
                                    **extra)


def make_moderator(email: str = "mod@example.com") -> User:
    user = make_user(email=email, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate_comments"))
    return user


def make_editor() -> User:
    user = make_user(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_guide"))
    return user


def make_product(name: str = "Test roller", kind: str = "foam_roller",
                 areas: tuple[str, ...] = ("calf",), listed: bool = True) -> Product:
    n = next(_serial)
    product = Product.objects.create(
        name=name, slug=f"product-{n}", kind=kind, summary="A tool.", description="Long text.",
        picture=kind, picture_alt="A drawing", price="10.00", shop_url="https://shop.example.com/x",
        is_listed=listed,
    )
    product.areas.set(Area.objects.filter(code__in=areas))
    return product


def make_comment(guide: Guide, status: str = GuideComment.PENDING, text: str = "Helpful, thanks",
                 email: str = "reader@example.com", notify: bool = False) -> GuideComment:
    from django.contrib.contenttypes.models import ContentType

    comment: GuideComment = GuideComment.objects.create(
        content_type=ContentType.objects.get_for_model(Guide), object_pk=str(guide.pk), site_id=1,
        user_name="Reader", user_email=email, comment=text, status=status,
        is_public=status == GuideComment.APPROVED, notify_on_publish=notify,
    )
    return comment


def solve_altcha(challenge_json: str) -> str:
    """Do in Python what the widget does in the browser: find the number, build the payload."""
    challenge = json.loads(challenge_json)
    solution = altcha_v1.solve_challenge(challenge["challenge"], challenge["salt"],
                                         challenge["algorithm"], challenge["maxnumber"])
    assert solution is not None
    payload = {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"],
               "number": solution.number, "salt": challenge["salt"],
               "signature": challenge["signature"]}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def altcha_from_page(html: str) -> str:
    match = re.search(r'challengejson="([^"]+)"', html)
    assert match, "no ALTCHA widget on the page"
    return solve_altcha(html_module.unescape(match.group(1)))


def comment_data(guide: Guide, *, seconds_ago: int = 30, captcha: bool = True,
                 **fields: Any) -> dict[str, Any]:
    """A filled-in comment form as a person would send it, written `seconds_ago`."""
    form = GuideCommentForm(guide)
    stamp = int(time.time()) - seconds_ago
    data: dict[str, Any] = {
        "content_type": "guides.guide", "object_pk": str(guide.pk), "timestamp": str(stamp),
        "security_hash": form.initial_security_hash(stamp),
        "name": "Alex", "email": "alex@example.com", "comment": "Walking helped me a lot.",
        "honeypot": "",
    }
    if captcha:
        from unknot.moderation.captcha import altcha_challenge_json

        data["altcha"] = solve_altcha(altcha_challenge_json())
    data.update(fields)
    return data


def post_comment(client: Client, guide: Guide, ip: str = "203.0.113.5", **fields: Any) -> Any:
    return client.post(f"/guides/{guide.slug}/comment/", comment_data(guide, **fields),
                       REMOTE_ADDR=ip)
