from __future__ import annotations

from django import template
from django.utils.html import format_html

from unknot.core.moves import picture_url
from unknot.engine.figures import has_poses, move_alt
from unknot.engine.figures.svg import H, W

register = template.Library()

# Small is the list picture; large fills its column (app.css makes it fluid), and
# its width and height attributes only keep the space while it loads.
SIZES = {"small": 120, "large": 640}


@register.simple_tag
def move_picture(item_id: str, size: str = "small") -> str:
    if size not in SIZES:
        raise template.TemplateSyntaxError(f"move_picture size must be one of {sorted(SIZES)}")
    if not has_poses(item_id):
        return ""
    width = SIZES[size]
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" decoding="async" '
        'class="move-picture move-picture--{}">',
        picture_url(item_id), move_alt(item_id), width, round(width * H / W), size,
    )
