"""The pictures of the moves in a real browser: drawn, animated, still when asked."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIGURE_COLOUR = "rgb(52, 133, 143)"   # #34858f, the near limbs


def _open(browser: Any, url: str, motion: str) -> Any:
    context = browser.new_context(viewport={"width": 640, "height": 480},
                                  reduced_motion=motion)
    tab = context.new_page()
    tab.goto(url)
    return tab


def test_a_picture_opened_on_its_own_keeps_its_style_and_moves(browser: Any,
                                                              live_server: Any) -> None:
    tab = _open(browser, f"{live_server.url}/moves/calf-wall-stretch.svg", "no-preference")
    # The site's content policy must not strip the picture's own <style>.
    assert tab.evaluate("getComputedStyle(document.querySelector('.f')).stroke") == FIGURE_COLOUR
    assert tab.evaluate("document.getAnimations().length") > 0
    assert tab.evaluate("getComputedStyle(document.querySelector('.g')).display") == "none"
    tab.context.close()


def test_with_reduced_motion_the_picture_is_still_and_shows_the_start_ghosted(
        browser: Any, live_server: Any) -> None:
    tab = _open(browser, f"{live_server.url}/moves/calf-wall-stretch.svg", "reduce")
    assert tab.evaluate("document.getAnimations().length") == 0
    assert tab.evaluate("getComputedStyle(document.querySelector('.g')).display") != "none"
    tab.context.close()


def test_the_picture_loads_as_an_image_in_a_page_of_the_site(page: Any,
                                                            live_server: Any) -> None:
    page.goto(f"{live_server.url}/")
    size = page.evaluate("""() => new Promise(resolve => {
        const img = new Image();
        img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
        img.onerror = () => resolve([0, 0]);
        img.src = '/moves/knee-rolls.svg';
        document.body.append(img);
    })""")
    assert size == [160, 120]
