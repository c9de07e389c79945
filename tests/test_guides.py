"""Guides: safe Markdown, list, tag and detail pages, drafts, feeds, sitemap, plan links."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.guide_helpers import make_editor, make_guide, make_user
from unknot.guides.markdown import render_markdown
from unknot.guides.models import Guide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("markdown", "forbidden"), [
    ("<script>alert(1)</script>", "<script"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ("[click](javascript:alert(1))", "javascript:"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ('<p style="position:fixed">x</p>', "style="),
    ("<svg onload=alert(1)>", "<svg"),
])
def test_markdown_from_an_editor_is_rendered_without_anything_that_runs(
        markdown: str, forbidden: str) -> None:
    assert forbidden not in render_markdown(markdown).lower()


def test_markdown_keeps_headings_lists_tables_and_safe_links() -> None:
    html = render_markdown("## Steps\n\n1. Walk\n2. Stretch\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                           "[NICE](https://www.nice.org.uk/guidance/ng59)")
    assert "<h2>Steps</h2>" in html
    assert "<ol>" in html and "<table>" in html
    assert 'href="https://www.nice.org.uk/guidance/ng59"' in html
    assert 'rel="noopener noreferrer"' in html


def test_the_list_shows_published_guides_only(client: Client) -> None:
    make_guide("Published guide")
    make_guide("Secret draft", published=False)
    page = client.get("/guides/").content.decode()
    assert "Published guide" in page
    assert "Secret draft" not in page


def test_the_list_uses_a_fixed_number_of_queries(client: Client) -> None:
    make_guide()
    client.get("/guides/")
    caches["pages"].clear()  # measure drawing the page, not serving the cached copy
    with CaptureQueriesContext(connection) as few:
        client.get("/guides/")
    for i in range(12):
        make_guide(f"Guide {i}", tags=("way-sleep", "neck", "calf"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/guides/")
    assert response.content.decode().count('class="guide-card"') == 13
    assert len(many) == len(few)


def test_a_tag_page_lists_the_guides_with_that_tag(client: Client) -> None:
    make_guide("About sleep", tags=("way-sleep",))
    make_guide("About moving", tags=("way-moving",))
    response = client.get("/guides/tag/way-sleep/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "About sleep" in page and "About moving" not in page
    assert client.get("/guides/tag/no-such-tag/").status_code == 404


def test_a_published_guide_is_open_to_everyone(client: Client) -> None:
    guide = make_guide(body="## Why\n\nBecause **blood flow**.")
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>blood flow</strong>" in response.content.decode()


def test_a_draft_is_hidden_from_visitors_and_people_who_cannot_edit(client: Client) -> None:
    draft = make_guide(published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(make_user(is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_editor_previews_a_draft(client: Client) -> None:
    draft = make_guide("Draft in progress", published=False)
    client.force_login(make_editor())
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_the_admin_shows_the_rendered_preview_to_an_editor(client: Client) -> None:
    guide = make_guide(body="Some **bold** words")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    assert "<strong>bold</strong>" in page
    assert guide.get_absolute_url() in page


@pytest.mark.parametrize("path", ["/guides/feed/atom/", "/guides/feed/rss/"])
def test_the_feeds_list_published_guides_with_full_links(client: Client, path: str) -> None:
    make_guide("In the feed")
    make_guide("Not in the feed", published=False)
    response = client.get(path)
    body = response.content.decode()
    assert response.status_code == 200
    assert "In the feed" in body and "Not in the feed" not in body
    assert "http://127.0.0.1:8000/guides/guide-" in body or "http://testserver" in body


def test_the_sitemap_lists_guides_and_the_fixed_pages(client: Client) -> None:
    guide = make_guide()
    draft = make_guide(published=False)
    body = client.get("/sitemap.xml").content.decode()
    assert guide.get_absolute_url() in body
    assert draft.get_absolute_url() not in body
    for path in ("/guides/", "/products/", "/privacy/", "/terms/"):
        assert f"{path}</loc>" in body


def test_load_demo_makes_eight_referenced_guides_and_can_run_again() -> None:
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    guides = Guide.objects.published()
    assert guides.count() == 8
    for guide in guides:
        assert guide.references_html.count("<li>") >= 3, guide.slug
        assert guide.tags.filter(kind="way").exists(), guide.slug
    ways = {t.code for g in guides for t in g.tags.all() if t.kind == "way"}
    assert ways == {"moving", "sleep", "massage", "therapy"}


def test_the_demo_guides_link_only_to_pages_that_exist(client: Client) -> None:
    import re

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for guide in Guide.objects.all():
        for path in re.findall(r'href="(/[^"]*)"', guide.body_html):
            assert client.get(path).status_code == 200, (guide.slug, path)


def test_an_editor_gets_a_cleaned_live_preview_of_markdown(client: Client) -> None:
    client.force_login(make_editor())
    response = client.post("/guides/preview/", {"body": "**Hi** <script>x()</script>"})
    assert response.status_code == 200
    assert response.content.decode().strip() == "<p><strong>Hi</strong> </p>"


def test_the_live_preview_is_refused_to_people_who_cannot_edit_guides(client: Client) -> None:
    assert client.post("/guides/preview/", {"body": "x"}).status_code == 403
    client.force_login(make_user(is_staff=True))
    assert client.post("/guides/preview/", {"body": "x"}).status_code == 403


def test_a_tag_page_uses_a_fixed_number_of_queries(client: Client) -> None:
    make_guide(tags=("way-sleep",))
    client.get("/guides/tag/way-sleep/")
    caches["pages"].clear()  # measure drawing the page, not serving the cached copy
    with CaptureQueriesContext(connection) as few:
        client.get("/guides/tag/way-sleep/")
    for i in range(10):
        make_guide(f"Sleep {i}", tags=("way-sleep", "neck"))
    with CaptureQueriesContext(connection) as many:
        client.get("/guides/tag/way-sleep/")
    assert len(many) == len(few)


def test_the_demo_moderator_named_in_the_readme_can_sign_in_and_moderate(
        client: Client) -> None:
    from pathlib import Path

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert "username `moderator`, password `unknot-demo-moderator`" in readme
    assert client.login(username="moderator", password="unknot-demo-moderator")
    page = client.get("/moderation/").content.decode()
    assert "Is a tennis ball good enough" in page
    assert client.get("/admin/guides/guide/").status_code == 200
    assert client.get("/admin/products/product/").status_code == 200
    from unknot.moderation.emails import moderator_emails

    assert moderator_emails() == ["moderator@example.com"]


def test_loading_the_demo_again_does_not_mark_unchanged_guides_as_updated() -> None:
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    before = dict(Guide.objects.values_list("slug", "updated_at"))
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert dict(Guide.objects.values_list("slug", "updated_at")) == before
