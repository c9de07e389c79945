"""Comments on guides: held for approval, moderated one by one and in bulk, emailed about."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.guide_helpers import (
    comment_data,
    make_comment,
    make_guide,
    make_moderator,
    make_user,
    post_comment,
)
from unknot.moderation import services
from unknot.moderation.models import BlockedSender, GuideComment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Rate-limit counters and used ALTCHA solutions live in the cache.
    cache.clear()


def test_a_new_comment_is_stored_but_not_public(client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, comment="My own words")
    assert response.status_code == 302
    comment = GuideComment.objects.get()
    assert comment.status == GuideComment.PENDING
    assert not comment.is_public
    page = client.get(guide.get_absolute_url()).content.decode()
    assert "awaiting approval" in page
    assert "My own words" not in page


def test_no_pending_comment_appears_on_the_guide_page(client: Client) -> None:
    guide = make_guide()
    make_comment(guide, text="pending words")
    make_comment(guide, status=GuideComment.REJECTED, text="rejected words")
    make_comment(guide, status=GuideComment.SPAM, text="spam words")
    page = client.get(guide.get_absolute_url()).content.decode()
    assert "pending words" not in page
    assert "rejected words" not in page
    assert "spam words" not in page
    assert "Comments (0)" in page


def test_approving_publishes_the_comment() -> None:
    guide = make_guide()
    comment = make_comment(guide, text="now public")
    moderator = make_moderator()
    services.approve_comment(comment, moderator)
    comment.refresh_from_db()
    assert comment.is_public and comment.status == GuideComment.APPROVED
    assert comment.decided_by == moderator
    assert list(services.published_comments(guide)) == [comment]


@pytest.mark.parametrize("decide", [services.reject_comment, services.mark_spam])
def test_rejecting_or_marking_spam_keeps_the_comment_hidden(decide: Any) -> None:
    guide = make_guide()
    comment = make_comment(guide)
    decide(comment, make_moderator())
    comment.refresh_from_db()
    assert not comment.is_public
    assert list(services.published_comments(guide)) == []


def test_moderators_get_an_email_with_a_link_to_the_queue(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    make_moderator(email="mod1@example.com")
    make_user(email="nobody@example.com")
    guide = make_guide()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, guide, comment="Please read me")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mod1@example.com"]
    assert "awaiting approval" in message.subject
    assert "http://testserver/moderation/" in message.body
    assert "Please read me" in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html = message.alternatives[0][0]
    assert 'href="http://testserver/moderation/"' in str(html)


def test_the_commenter_who_asked_is_emailed_once_when_published(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    guide = make_guide()
    post_comment(client, guide, notify="on", email="reader@example.com")
    mail.outbox.clear()
    moderator = make_moderator()
    client.force_login(moderator)
    comment = GuideComment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/moderation/", {"one": f"approve:{comment.pk}"})
    assert [m.to for m in mail.outbox] == [["reader@example.com"]]
    assert "is published" in mail.outbox[0].subject
    assert f"http://testserver{guide.get_absolute_url()}" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/moderation/", {"one": f"approve:{comment.pk}"})
    assert len(mail.outbox) == 1


def test_the_commenter_who_did_not_ask_gets_no_email(
        django_capture_on_commit_callbacks: Any) -> None:
    guide = make_guide()
    comment = make_comment(guide, notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comments([comment.pk], "approve", make_moderator())
    assert mail.outbox == []


def test_bulk_actions_change_every_ticked_comment_and_no_other(client: Client) -> None:
    guide = make_guide()
    first, second, untouched = (make_comment(guide, text=f"c{i}") for i in range(3))
    client.force_login(make_moderator())
    response = client.post("/moderation/", {"bulk": "spam", "ids": [first.pk, second.pk]})
    assert response.status_code == 302
    statuses = dict(GuideComment.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "spam", second.pk: "spam", untouched.pk: "pending"}
    page = client.get("/moderation/").content.decode()
    assert "2 comments marked as spam." in page


def test_bulk_approve_publishes_them_all() -> None:
    guide = make_guide()
    ids = [make_comment(guide, text=f"c{i}").pk for i in range(4)]
    assert services.moderate_comments(ids, "approve", make_moderator()) == 4
    assert services.published_comments(guide).count() == 4


def test_an_action_without_a_ticked_comment_changes_nothing(client: Client) -> None:
    guide = make_guide()
    make_comment(guide)
    client.force_login(make_moderator())
    response = client.post("/moderation/", {"bulk": "approve"}, follow=True)
    assert "Choose at least one comment" in response.content.decode()
    assert GuideComment.objects.get().status == GuideComment.PENDING


def test_the_queue_lists_pending_comments_in_a_fixed_number_of_queries(client: Client) -> None:
    client.force_login(make_moderator())
    guides = [make_guide(f"Guide {i}") for i in range(3)]
    make_comment(guides[0])
    services.approve_comment(make_comment(guides[0]), make_moderator("first@x.org"))
    client.get("/moderation/")
    with CaptureQueriesContext(connection) as few:
        client.get("/moderation/")
    for guide in guides:
        for _ in range(5):
            make_comment(guide)
        services.approve_comment(make_comment(guide), make_moderator(f"m{guide.pk}@x.org"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/moderation/")
    assert response.content.decode().count('name="ids"') == 16
    assert len(many) == len(few)


def test_a_visitor_is_sent_to_sign_in_for_the_queue(client: Client) -> None:
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_signed_in_person_who_is_not_a_moderator_gets_404(client: Client) -> None:
    guide = make_guide()
    comment = make_comment(guide)
    client.force_login(make_user(is_staff=True))
    assert client.get("/moderation/").status_code == 404
    assert client.post("/moderation/", {"one": f"approve:{comment.pk}"}).status_code == 404
    comment.refresh_from_db()
    assert comment.status == GuideComment.PENDING


def test_a_moderator_sees_the_queue(client: Client) -> None:
    guide = make_guide()
    make_comment(guide, text="waiting here")
    client.force_login(make_moderator())
    response = client.get("/moderation/")
    assert response.status_code == 200
    assert "waiting here" in response.content.decode()


def test_first_comment_mode_trusts_an_address_after_one_approval(client: Client,
                                                                 settings: Any) -> None:
    settings.COMMENT_PREMODERATION = "first"
    guide = make_guide()
    post_comment(client, guide, email="Kim@Example.com", comment="first words")
    first = GuideComment.objects.get()
    assert first.status == GuideComment.PENDING
    services.approve_comment(first, make_moderator())
    post_comment(client, guide, email="kim@example.com", comment="second words")
    second = GuideComment.objects.latest("pk")
    assert second.status == GuideComment.APPROVED and second.is_public
    post_comment(client, guide, email="stranger@example.com", comment="stranger words")
    assert GuideComment.objects.latest("pk").status == GuideComment.PENDING


def test_every_comment_mode_holds_even_a_known_address(client: Client) -> None:
    guide = make_guide()
    services.approve_comment(make_comment(guide, email="kim@example.com"), make_moderator())
    post_comment(client, guide, email="kim@example.com")
    assert GuideComment.objects.latest("pk").status == GuideComment.PENDING


def test_a_too_long_comment_is_refused_beside_the_field_with_the_text_kept(
        client: Client, settings: Any) -> None:
    guide = make_guide()
    text = "word " * 700
    response = post_comment(client, guide, comment=text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value has at most 3000 characters" in page
    assert text.strip() in page
    assert GuideComment.objects.count() == 0


@pytest.mark.parametrize(("kind", "value", "fields"), [
    ("email", "bad@example.com", {"email": "BAD@example.com"}),
    ("ip", "198.51.100.7", {"ip": "198.51.100.7"}),
])
def test_a_blocked_sender_is_refused_with_the_text_kept(client: Client, kind: str, value: str,
                                                        fields: dict[str, Any]) -> None:
    BlockedSender.objects.create(kind=kind, value=value)
    guide = make_guide()
    response = post_comment(client, guide, comment="kept text 123", **fields)
    assert response.status_code == 403
    page = response.content.decode()
    assert "not accepted" in page
    assert "kept text 123" in page
    assert GuideComment.objects.count() == 0


def test_the_honeypot_refuses_with_the_text_kept(client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, honeypot="http://spam.example", comment="kept honey")
    assert response.status_code == 400
    page = response.content.decode()
    assert "a field that people cannot see was filled in" in page
    assert "kept honey" in page
    assert GuideComment.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_with_the_text_kept(client: Client) -> None:
    guide = make_guide()
    # Time stands still, so a slow machine cannot stretch "one second ago" past the limit.
    with time_machine.travel(datetime.now(UTC), tick=False):
        response = post_comment(client, guide, seconds_ago=1, comment="kept fast")
    assert response.status_code == 400
    page = response.content.decode()
    assert "faster than a person can write" in page
    assert "kept fast" in page


def test_the_refused_form_carries_a_fresh_timestamp_so_it_can_be_sent_again(
        client: Client) -> None:
    guide = make_guide()
    moment = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    with time_machine.travel(moment, tick=False):
        sent = comment_data(guide, seconds_ago=1, comment="kept again")
        response = client.post(f"/guides/{guide.slug}/comment/", sent)
    page = response.content.decode()
    fresh = int(moment.timestamp())
    assert f'name="timestamp" value="{fresh}"' in page
    assert f'name="timestamp" value="{sent["timestamp"]}"' not in page
    with time_machine.travel(moment + timedelta(minutes=1), tick=False):
        resent = dict(sent, timestamp=str(fresh), security_hash=_hash_in(page))
        assert client.post(f"/guides/{guide.slug}/comment/", resent).status_code == 302


def _hash_in(page: str) -> str:
    match = re.search(r'name="security_hash" value="([0-9a-f]+)"', page)
    assert match
    return match.group(1)


def test_too_many_comments_from_one_address_are_refused_with_the_text_kept(
        client: Client) -> None:
    guide = make_guide()
    for i in range(5):
        assert post_comment(client, guide, comment=f"note {i}").status_code == 302
    response = post_comment(client, guide, comment="the sixth, kept")
    assert response.status_code == 429
    page = response.content.decode()
    assert "several comments in a short time" in page
    assert "the sixth, kept" in page
    assert GuideComment.objects.count() == 5
    assert post_comment(client, guide, ip="203.0.113.99").status_code == 302


def test_a_missing_proof_of_work_is_refused_with_the_text_kept(client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, captcha=False, comment="kept pow")
    assert response.status_code == 400
    assert "complete the check that you are a person" in response.content.decode()
    assert "kept pow" in response.content.decode()


def test_a_forged_proof_of_work_is_refused(client: Client) -> None:
    guide = make_guide()
    response = post_comment(client, guide, altcha="eyJmb3JnZWQiOiB0cnVlfQ==")
    assert response.status_code == 400
    assert "did not pass" in response.content.decode()


def test_one_proof_of_work_solution_sends_one_comment(client: Client) -> None:
    guide = make_guide()
    data = comment_data(guide)
    assert client.post(f"/guides/{guide.slug}/comment/", data).status_code == 302
    data["comment"] = "a different comment"
    response = client.post(f"/guides/{guide.slug}/comment/", data)
    assert response.status_code == 400
    assert GuideComment.objects.count() == 1


def test_the_guide_page_offers_a_solvable_proof_of_work(client: Client) -> None:
    from tests.guide_helpers import altcha_from_page

    guide = make_guide()
    page = client.get(guide.get_absolute_url()).content.decode()
    data = comment_data(guide, captcha=False)
    data["altcha"] = altcha_from_page(page)
    assert client.post(f"/guides/{guide.slug}/comment/", data).status_code == 302


def test_comments_on_a_draft_or_closed_guide_are_refused(client: Client) -> None:
    draft = make_guide(published=False)
    assert post_comment(client, draft).status_code == 404
    closed = make_guide(allow_comments=False)
    response = post_comment(client, closed, comment="closed text")
    assert response.status_code == 403
    assert "closed" in response.content.decode()
    assert GuideComment.objects.count() == 0


def test_admin_actions_go_through_the_services(
        client: Client, django_capture_on_commit_callbacks: Any) -> None:
    guide = make_guide()
    comment = make_comment(guide, notify=True)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/moderation/guidecomment/",
                    {"action": "approve", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.is_public
    assert len(mail.outbox) == 1


def test_only_moderators_see_the_moderation_link(client: Client) -> None:
    client.force_login(make_user())
    assert 'href="/moderation/"' not in client.get("/guides/").content.decode()
    client.force_login(make_moderator())
    assert 'href="/moderation/"' in client.get("/guides/").content.decode()


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(client: Client,
                                                                  settings: Any) -> None:
    settings.TRUSTED_PROXIES = frozenset({"10.0.0.2"})
    guide = make_guide()
    for i in range(5):
        data = comment_data(guide, comment=f"note {i}")
        client.post(f"/guides/{guide.slug}/comment/", data, REMOTE_ADDR="10.0.0.2",
                    HTTP_X_FORWARDED_FOR="198.51.100.1")
    other = client.post(f"/guides/{guide.slug}/comment/", comment_data(guide),
                        REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.2")
    assert other.status_code == 302
    assert GuideComment.objects.latest("pk").ip_address == "198.51.100.2"
    again = client.post(f"/guides/{guide.slug}/comment/", comment_data(guide),
                        REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert again.status_code == 429


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(client: Client) -> None:
    BlockedSender.objects.create(kind="ip", value="203.0.113.5")
    guide = make_guide()
    response = client.post(f"/guides/{guide.slug}/comment/", comment_data(guide),
                           REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 403


def test_spent_proofs_of_work_are_forgotten_once_their_challenge_has_expired(
        client: Client) -> None:
    from unknot.moderation.models import SpentChallenge

    guide = make_guide()
    post_comment(client, guide)
    assert SpentChallenge.objects.count() == 1
    later = datetime.now(UTC) + timedelta(hours=1)
    with time_machine.travel(later, tick=False):
        post_comment(client, guide, ip="203.0.113.77")
    assert SpentChallenge.objects.count() == 1
