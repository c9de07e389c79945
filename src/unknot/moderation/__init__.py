"""Comments on guides, held for a moderator's approval (django-contrib-comments underneath).

django-contrib-comments finds the comment model and form through get_model()
and get_form() here, because COMMENTS_APP names this package.
"""

from __future__ import annotations

from typing import Any


def get_model() -> Any:
    from unknot.moderation.models import GuideComment

    return GuideComment


def get_form() -> Any:
    from unknot.moderation.forms import GuideCommentForm

    return GuideCommentForm
