"""Guide pages: the list, one tag's guides, and a guide with its approved comments."""

from __future__ import annotations

from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_POST

from unknot.core.content import CACHE_SECONDS, content_version, public_page, shareable
from unknot.guides.markdown import render_markdown
from unknot.guides.models import Guide, Tag
from unknot.moderation.forms import fill_comment_form, new_comment_form
from unknot.moderation.services import published_comments
from unknot.moderation.templatetags.comment_form import CSRF_SLOT


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
    # Built only if the cached part is drawn afresh: building the queries costs more
    # than reading that part (a logged-in person gets the page drawn around it).
    guides = SimpleLazyObject(lambda: Guide.objects.published().prefetch_related("tags"))
    tags = SimpleLazyObject(
        lambda: Tag.objects.filter(guides__in=Guide.objects.published()).distinct())
    return render(request, "guides/list.html", {"guides": guides, "tags": tags})


@public_page
@require_GET
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    guides = Guide.objects.published().filter(tags=tag).prefetch_related("tags")
    return render(request, "guides/tag.html", {"tag": tag, "guides": guides})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # For visitors who are not logged in a published guide's page is the same for
    # everyone but for its comment form's form token, signed fields and challenge:
    # the page is cached with slots for those, filled in for each visitor.
    shared = shareable(request)
    key = f"guide-page:{content_version(request) if shared else ''}:{slug}"
    if shared and (cached := caches["pages"].get(key)) is not None:
        page, pk = cached
        return HttpResponse(fill_comment_form(page, request, pk))
    guide = get_guide_for_reader(request, slug)
    context = {
        "guide": guide,
        "comments": published_comments(guide),
        "form": new_comment_form(request, guide),
    }
    if not (shared and guide.is_live):
        return render(request, "guides/detail.html", context)
    slots = {**context, "comment_form_slots": True, "csrf_token": CSRF_SLOT}
    page = render_to_string("guides/detail.html", slots, request)
    caches["pages"].set(key, (page, guide.pk), CACHE_SECONDS)
    return HttpResponse(fill_comment_form(page, request, guide.pk))


@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """The admin's live preview: Markdown in, the same cleaned HTML the guide page shows."""
    user = request.user
    if not (user.has_perm("guides.change_guide") or user.has_perm("guides.add_guide")):
        return HttpResponseForbidden("Only editors may preview guides.")
    return HttpResponse(render_markdown(request.POST.get("body", "")[:200_000]),
                        content_type="text/html; charset=utf-8")
