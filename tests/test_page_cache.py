"""An episode's drawn page and charts, and the header's moderation link, are kept per
version: every save shows at once, nobody is shown another person's copy, and
nothing in a kept copy belongs to one request (form tokens)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
import time_machine
from django import forms
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.template import engines
from django.templatetags.static import static as django_static
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import checkin, make_episode, make_person, name_activities, rate_activities
from tests.guide_helpers import make_user
from unknot.assessments.forms import IntakeForm
from unknot.core import versions
from unknot.engine.labels import AREA_LABELS
from unknot.tracking.services import close_episode

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 6)


@pytest.fixture(autouse=True)
def frozen_day() -> Iterator[None]:
    with time_machine.travel(TODAY):
        yield


def _page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _checkin_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        _page(client, path)
    return sum("tracking_checkin" in q["sql"] for q in queries.captured_queries)


def test_a_kept_episode_page_reads_no_check_ins_and_shows_a_new_one_at_once(
        client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 3, 2))
    checkin(episode, date(2026, 3, 4), pain=4, note="stiff in the morning")
    client.force_login(person)
    path = f"/track/{episode.pk}/"
    assert "stiff in the morning" in _page(client, path)
    # Drawn once, then kept, today's check-in form included: no check-in is read.
    assert _checkin_queries(client, path) == 0
    checkin(episode, TODAY, pain=2, note="much easier today")
    page = _page(client, path)
    assert "much easier today" in page and "Change today's check-in" in page
    # Today's answers are in the form beside the routine.
    assert "You checked in today already" in page
    assert '<textarea name="note" id="today-note" rows="3" maxlength="2000">much easier today' \
        in page


def test_the_kept_check_in_form_carries_each_browsers_own_token() -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 3, 2))
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(person)
    laptop.force_login(person)
    path = f"/track/{episode.pk}/"
    _page(phone, path)  # drawn for the phone, then kept
    form = re.search(r'<form method="post" action="([^"]+)" [^>]*data-offline-checkin[^>]*>\s*'
                     r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
                     _page(laptop, path))
    assert form, "today's check-in form with its token"
    response = laptop.post(form.group(1), {
        "csrfmiddlewaretoken": form.group(2), "day": TODAY.isoformat(), "pain": "3",
        "function_limit": "2"})
    assert response.status_code == 302
    assert episode.checkins.filter(day=TODAY, pain=3).exists()


def test_naming_and_rating_activities_show_at_once(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 2, 20))
    client.force_login(person)
    path = f"/track/{episode.pk}/"
    assert "Climbing stairs" not in _page(client, path)
    # Their first ratings are saved in bulk, which sends no signals of its own.
    name_activities(episode, date(2026, 2, 20), scores=(3, 4, 5))
    assert "Climbing stairs" in _page(client, path)
    rate_activities(episode, TODAY, scores=(9, 9, 9))
    page = _page(client, path)
    assert "9 now" in page


def test_closing_shows_at_once_and_the_reopen_form_carries_each_browsers_own_token() -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 3, 2))
    path = f"/track/{episode.pk}/"
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(person)
    laptop.force_login(person)
    assert "Reopen this episode" not in _page(phone, path)
    close_episode(episode, "recovered")
    first = _page(phone, path)  # drawn for the phone, then kept
    second = _page(laptop, path)

    def token(page: str) -> str:
        form = re.search(r'<form method="post" action="([^"]+)" id="reopen-form">'
                         r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert form, "the reopen form with its token"
        assert 'form="reopen-form"' in page
        return form.group(2)

    assert token(first) != token(second)
    response = laptop.post(f"/track/{episode.pk}/reopen/",
                           {"csrfmiddlewaretoken": token(second)})
    assert response.status_code == 302
    assert "Reopen this episode" not in _page(phone, path)


def test_another_person_never_reaches_a_kept_episode_page(client: Client) -> None:
    owner, other = make_person(), make_person()
    episode = make_episode(owner)
    checkin(episode, date(2026, 3, 4), note="private note of the owner")
    client.force_login(owner)
    assert "private note of the owner" in _page(client, f"/track/{episode.pk}/")
    assert "Climbing" not in _page(client, f"/track/{episode.pk}/chart/pain.svg")
    intruder = Client()
    intruder.force_login(other)
    assert intruder.get(f"/track/{episode.pk}/").status_code == 404
    assert intruder.get(f"/track/{episode.pk}/chart/pain.svg").status_code == 404
    theirs = make_episode(other)
    page = _page(intruder, f"/track/{theirs.pk}/")
    assert "private note of the owner" not in page


def test_a_kept_chart_is_drawn_again_after_a_check_in(client: Client) -> None:
    person = make_person()
    episode = make_episode(person, started=date(2026, 3, 2))
    checkin(episode, date(2026, 3, 3), pain=4)
    client.force_login(person)
    path = f"/track/{episode.pk}/chart/pain.svg"
    before = _page(client, path)
    assert _page(client, path) == before
    checkin(episode, date(2026, 3, 5), pain=1)
    assert _page(client, path) != before


def test_a_version_changes_on_every_bump_and_a_lost_one_is_never_an_old_one() -> None:
    first = versions.current("test-thing")
    assert versions.current("test-thing") == first
    with transaction.atomic():
        versions.bump("test-thing")
        inside = versions.current("test-thing")
    assert inside != first
    from django.core.cache import caches

    caches["default"].delete("unknot:version:test-thing")
    assert versions.current("test-thing") not in {first, inside}


def test_the_moderation_link_follows_a_change_of_permission_at_once(client: Client) -> None:
    person = make_user(email="helper@example.com")
    client.force_login(person)
    assert ">Moderation</a>" not in _page(client, "/guides/")
    person.user_permissions.add(Permission.objects.get(codename="moderate_comments"))
    assert ">Moderation</a>" in _page(client, "/guides/")
    person.user_permissions.clear()
    assert ">Moderation</a>" not in _page(client, "/guides/")
    moderators = Group.objects.create(name="Moderators")
    person.groups.add(moderators)
    assert ">Moderation</a>" not in _page(client, "/guides/")
    moderators.permissions.add(Permission.objects.get(codename="moderate_comments"))
    assert ">Moderation</a>" in _page(client, "/guides/")
    other = Client()
    other.force_login(make_person())
    assert ">Moderation</a>" not in _page(other, "/guides/")


def test_the_static_tag_gives_djangos_own_addresses() -> None:
    template = engines["django"].from_string(
        "{% load static %}{% static 'unknot/app.css' %} {% static 'odd name&.css' %}")
    assert template.render({}) == (f"{django_static('unknot/app.css')} "
                                   f"{django_static('odd name&.css').replace('&', '&amp;')}")


def test_intake_forms_share_their_choices_but_nothing_a_form_may_change() -> None:
    first, second = IntakeForm(), IntakeForm()
    assert first.fields["areas"] is not second.fields["areas"]
    assert first.fields["areas"].widget is not second.fields["areas"].widget
    first.fields["age"].widget.attrs["data-x"] = "1"
    first.fields["age"].error_messages["required"] = "changed"
    assert "data-x" not in second.fields["age"].widget.attrs
    assert "data-x" not in IntakeForm.base_fields["age"].widget.attrs
    assert second.fields["age"].error_messages["required"] == "Please enter your age in years."
    areas = second.fields["areas"]
    assert isinstance(areas, forms.MultipleChoiceField)
    assert areas.choices == list(AREA_LABELS.items())
    bound = IntakeForm({"areas": ["calf"], "cause": "overexertion", "onset_amount": "2",
                        "onset_unit": "days", "intensity": "4", "trend": "same",
                        "function_limit": "2", "age": "30"})
    assert bound.is_valid(), bound.errors
    assert re.search(r'value="calf"[^>]*checked', str(bound["areas"]))
