"""The product catalogue, and the products a relief plan suggests for each massage technique."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.guide_helpers import make_product
from unknot.engine.content import library
from unknot.products.templatetags.product_tags import plan_allows_tools


@pytest.mark.django_db
def test_the_list_shows_listed_products_only(client: Client) -> None:
    make_product("Shown roller")
    make_product("Hidden roller", listed=False)
    page = client.get("/products/").content.decode()
    assert "Shown roller" in page and "Hidden roller" not in page


@pytest.mark.django_db
def test_the_list_filters_by_area_and_by_kind(client: Client) -> None:
    make_product("Calf roller", kind="foam_roller", areas=("calf",))
    make_product("Neck heat pad", kind="heat_pad", areas=("neck",))
    make_product("Calf gun", kind="massage_gun", areas=("calf", "glutes"))
    page = client.get("/products/?area=calf").content.decode()
    assert "Calf roller" in page and "Calf gun" in page and "Neck heat pad" not in page
    page = client.get("/products/?area=calf&kind=massage_gun").content.decode()
    assert "Calf gun" in page and "Calf roller" not in page
    assert "1 product match" in page


@pytest.mark.django_db
def test_unknown_filter_values_show_the_whole_list(client: Client) -> None:
    make_product("Any roller")
    response = client.get("/products/?area=<script>&kind=nonsense")
    assert response.status_code == 200
    assert "Any roller" in response.content.decode()


@pytest.mark.django_db
def test_the_list_uses_a_fixed_number_of_queries(client: Client) -> None:
    make_product()
    client.get("/products/")
    caches["pages"].clear()  # measure drawing the page, not serving the cached copy
    with CaptureQueriesContext(connection) as few:
        client.get("/products/")
    for i in range(10):
        make_product(f"Roller {i}", areas=("calf", "back_thigh", "glutes"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/products/")
    assert response.content.decode().count('class="product-card"') == 11
    assert len(many) == len(few)


@pytest.mark.django_db
def test_a_product_page_shows_its_areas_shop_link_and_techniques(client: Client) -> None:
    product = make_product("Leg roller", kind="foam_roller", areas=("calf",))
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Leg roller" in page
    assert 'href="https://shop.example.com/x"' in page
    assert "Calf" in page
    calf_rolling = next(m for m in library().massage if m.id == "roll-calf")
    assert calf_rolling.name in page


@pytest.mark.django_db
def test_an_unlisted_or_unknown_product_is_not_found(client: Client) -> None:
    hidden = make_product(listed=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/products/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_a_technique_from_a_plan_lists_the_products_of_its_tools_and_areas(
        client: Client) -> None:
    make_product("Calf roller", kind="foam_roller", areas=("calf",))
    make_product("Neck roller", kind="foam_roller", areas=("neck",))
    make_product("Calf heat pad", kind="heat_pad", areas=("calf",))
    page = client.get("/products/?technique=roll-calf").content.decode()
    assert "Rolling the calf" in page
    assert "Calf roller" in page
    assert "Neck roller" not in page and "Calf heat pad" not in page


@pytest.mark.django_db
def test_an_unknown_technique_is_ignored(client: Client) -> None:
    make_product("Any roller")
    assert "Any roller" in client.get("/products/?technique=nope").content.decode()


def test_a_plan_for_someone_on_blood_thinners_suggests_no_tools() -> None:
    assert plan_allows_tools({"massage_tools_allowed": False}) is False
    assert plan_allows_tools({"massage_tools_allowed": True}) is True
    # plans stored before the engine gave the flag are read from its caution note
    plan: dict[str, Any] = {
        "massage_cautions": ["Because you take blood thinners, use only gentle massage."],
    }
    assert plan_allows_tools(plan) is False
    assert plan_allows_tools({"massage_cautions": ["Never massage over a bruise."]}) is True


def _intake(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "areas": "calf", "cause": "overexertion", "onset_amount": "30", "onset_unit": "hours",
        "intensity": "4", "trend": "same", "function_limit": "3", "age": "30",
        "sleep_hours": "7", "trauma": "none",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_each_massage_technique_in_a_plan_names_its_tools_and_links_to_them(
        client: Client) -> None:
    response = client.post("/assess/", _intake())
    page = response.content.decode()
    assert response.status_code == 200
    technique_ids = re.findall(r'class="exercise" id="massage-([a-z0-9-]+)"', page)
    assert technique_ids
    for technique_id in technique_ids:
        technique = next(m for m in library().massage if m.id == technique_id)
        if set(technique.tool_kinds) - {"hands", "none"}:
            assert f'href="/products/?technique={technique_id}"' in page
    assert "Tools that suit it" in page


@pytest.mark.django_db
def test_each_massage_technique_in_a_plan_lists_the_products_that_suit_it(
        client: Client) -> None:
    calf_products = {kind: make_product(f"Calf {kind}", kind=kind, areas=("calf",))
                     for kind in ("foam_roller", "massage_stick", "massage_ball")}
    make_product("Hidden roller", kind="foam_roller", areas=("calf",), listed=False)
    make_product("Neck gun", kind="massage_gun", areas=("neck",))
    page = client.post("/assess/", _intake()).content.decode()
    section = page[page.index('id="plan-massage"'):page.index('id="plan-therapy"')]
    blocks = [(part.split('"')[0], part)
              for part in section.split('class="exercise" id="massage-')[1:]]
    assert blocks
    shown = 0
    for technique_id, block in blocks:
        technique = next(m for m in library().massage if m.id == technique_id)
        for kind, product in calf_products.items():
            suits = kind in technique.tool_kinds and "calf" in technique.areas
            assert (product.name in block) == suits, (technique_id, kind)
            shown += suits
    assert shown >= 1
    assert "Hidden roller" not in page
    assert "Neck gun" not in page


@pytest.mark.django_db
def test_no_product_is_suggested_to_someone_on_blood_thinners(client: Client) -> None:
    make_product("Calf roller", kind="foam_roller", areas=("calf",))
    page = client.post("/assess/", _intake(history=["blood_thinners"])).content.decode()
    assert "Because you take blood thinners" in page
    assert "Calf roller" not in page


@pytest.mark.django_db
def test_the_plan_finds_its_products_with_the_same_queries_however_many_areas(
        client: Client) -> None:
    for kind in ("foam_roller", "massage_stick", "massage_ball", "heat_pad"):
        make_product(f"All-round {kind}", kind=kind,
                     areas=("calf", "glutes", "upper_back", "neck", "front_thigh"))
    counts = []
    for areas in (["calf"], ["calf", "glutes", "upper_back", "neck", "front_thigh"]):
        with CaptureQueriesContext(connection) as queries:
            assert client.post("/assess/", _intake(areas=areas)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_plan_links_to_the_guides_of_each_way_and_area(client: Client) -> None:
    page = client.post("/assess/", _intake()).content.decode()
    for way in ("moving", "sleep", "massage", "therapy"):
        assert f'href="/guides/tag/way-{way}/"' in page
    assert 'href="/guides/tag/calf/"' in page
