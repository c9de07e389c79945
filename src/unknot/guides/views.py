"""Guide pages: the list, one tag's guides, and a guide with its approved comments."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from unknot.core.content import CACHE_SECONDS, content_version, public_page, shareable
from unknot.guides.markdown import render_markdown
from unknot.guides.models import Guide, Tag
from unknot.moderation.forms import new_comment_form
from unknot.moderation.services import published_comments

COMMENT_FORM_SLOT = "<!-- unknot:comment-form -->"


def get_guide_for_reader(request: HttpRequest, slug: str) -> Guide:
    """A published guide for everyone; a draft only for staff who may edit guides (preview)."""
    guide = get_object_or_404(Guide, slug=slug)
    if guide.is_live:
        return guide
    if request.user.has_perm("guides.change_guide"):
        return guide
    raise Http404("No such guide")


@public_page
@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    guides = Guide.objects.published().prefetch_related("tags")
    tags = Tag.objects.filter(guides__in=Guide.objects.published()).distinct()
    return render(request, "guides/list.html", {"guides": guides, "tags": tags})


@public_page
@require_GET
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    guides = Guide.objects.published().filter(tags=tag).prefetch_related("tags")
    return render(request, "guides/tag.html", {"tag": tag, "guides": guides})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = get_guide_for_reader(request, slug)
    context = {
        "guide": guide,
        "comments": published_comments(guide),
        "form": new_comment_form(request, guide),
    }
    if not (guide.is_live and shareable(request)):
        return render(request, "guides/detail.html", context)
    # For visitors who are not logged in the page is the same for everyone except its
    # comment form (a form token, a fresh proof-of-work challenge): the rest is cached
    # with a slot that each request fills with a freshly drawn form.
    key = f"guide-page:{content_version(request)}:{guide.pk}"
    page = cache.get(key)
    if page is None:
        page = render_to_string("guides/detail.html",
                                {**context, "comment_form_slot": COMMENT_FORM_SLOT}, request)
        cache.set(key, page, CACHE_SECONDS)
    form = (render_to_string("moderation/_comment_form.html", context, request)
            if guide.allow_comments else "")
    return HttpResponse(page.replace(COMMENT_FORM_SLOT, form, 1))


@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """The admin's live preview: Markdown in, the same cleaned HTML the guide page shows."""
    user = request.user
    if not (user.has_perm("guides.change_guide") or user.has_perm("guides.add_guide")):
        return HttpResponseForbidden("Only editors may preview guides.")
    return HttpResponse(render_markdown(request.POST.get("body", "")[:200_000]),
                        content_type="text/html; charset=utf-8")
