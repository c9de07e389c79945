"""Posting a comment on a guide, and the moderators' queue."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from unknot.core.outage import RETRY_AFTER, is_cache_outage
from unknot.guides.views import get_guide_for_reader
from unknot.moderation import captcha, services
from unknot.moderation.access import moderator_required
from unknot.moderation.addresses import ratelimit_key
from unknot.moderation.forms import GuideCommentForm
from unknot.moderation.models import GuideComment

RATE_LIMITED = ("You have sent several comments in a short time, so this one was not sent. "
                "It is kept below: please wait a few minutes and send it again.")
AWAITING = ("Thank you. Your comment has been received and is awaiting approval: a moderator "
            "reads every comment before it is published.")
PUBLISHED = "Thank you. Your comment is published."
LIMITS_DOWN = ("Comments cannot be accepted for a minute: the part of the site that guards "
               "against floods of spam is not answering. Your comment is kept below: please "
               "send it again in a minute.")


@never_cache
@require_POST
def post_comment(request: HttpRequest, slug: str) -> HttpResponse:
    guide = get_guide_for_reader(request, slug)
    if not guide.is_live:
        raise Http404("No such guide")
    form = GuideCommentForm(guide, data=request.POST)
    refusals: list[str] = []
    status = 400
    if limit := _over_limit(request):
        refusals.append(limit[0])
        status = limit[1]
    elif not form.is_valid():
        refusals.extend(form.refusal_messages())
    else:
        verdict = captcha.verify(request)
        if not verdict.passed:
            refusals.append(verdict.message)
            status = 503 if verdict.message == captcha.UNAVAILABLE else 400
    if not refusals and form.is_valid():
        try:
            comment = services.submit_comment(form, request)
        except services.CommentRefused as refusal:
            refusals.append(refusal.message)
            status = 403
        else:
            messages.success(request, PUBLISHED if comment.is_public else AWAITING)
            return HttpResponseRedirect(guide.get_absolute_url() + "#comment-status")
    context = {
        "guide": guide,
        "comments": services.published_comments(guide),
        "form": form,
        "refusals": refusals,
    }
    response = render(request, "guides/detail.html", context, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER)
    return response


def _over_limit(request: HttpRequest) -> tuple[str, int] | None:
    """The refusal and its status when this address may not comment now, else None.

    Every attempt counts towards the limit, whether it then passes or not. A
    limit that cannot be counted (the shared cache is down) refuses: closed,
    with the comment kept in the form.
    """
    try:
        if is_ratelimited(request, group="guide-comments", key=ratelimit_key,
                          rate=settings.COMMENT_RATE, method="POST", increment=True):
            return RATE_LIMITED, 429
    except Exception as error:
        if not is_cache_outage(error):
            raise
        return LIMITS_DOWN, 503
    return None


@never_cache
@moderator_required
@require_http_methods(["GET", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        action, ids = _queue_choice(request)
        if action is None:
            messages.error(request, "Choose at least one comment, then an action.")
        else:
            count = services.moderate_comments(ids, action, request.user, request)
            done = {"approve": "approved and published", "reject": "rejected",
                    "spam": "marked as spam"}[action]
            messages.success(request, f"{count} comment{'s' if count != 1 else ''} {done}.")
        return redirect("moderation:queue")
    pending = services.pending_comments().prefetch_related("content_object")
    recent = (GuideComment.objects.exclude(status=GuideComment.PENDING)
              .select_related("decided_by").prefetch_related("content_object")
              .order_by("-decided_at")[:20])
    return render(request, "moderation/queue.html", {"pending": pending, "recent": recent})


def _queue_choice(request: HttpRequest) -> tuple[str | None, list[int]]:
    """One comment's own button ("approve:12"), or a bulk action on the ticked comments."""
    single = request.POST.get("one", "")
    if ":" in single:
        action, _, pk = single.partition(":")
        if action in services.ACTIONS and pk.isdigit():
            return action, [int(pk)]
    action = request.POST.get("bulk", "")
    ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
    if action in services.ACTIONS and ids:
        return action, ids
    return None, []
