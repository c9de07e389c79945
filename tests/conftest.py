"""Shared fixtures: people, the browser for end-to-end tests, reference cases."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On SQLite, a test database in a file rather than in memory, so that the
    real server the concurrency tests start (gunicorn) can open it too."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(autouse=True, scope="session")
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite keeps out of the checkout's data folder (var/).

    Once `scripts/run` has deployed there, it holds hashed static files and
    their manifest; the test servers find static files by their plain names,
    and would serve every page without its CSS. Django has read its settings
    before any conftest runs, so the folder's settings are overridden here.
    """
    from django.conf import settings
    from django.test.utils import override_settings

    folder = tmp_path_factory.mktemp("data")
    plain = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}
    with override_settings(DATA_DIR=folder, STATIC_ROOT=folder / "static",
                           MEDIA_ROOT=folder / "media", STATIC_MANIFEST=False, STORAGES=plain):
        yield


@pytest.fixture(autouse=True)
def _roomy_api_limits(settings: Any) -> None:
    # The API's request limits would cut off tests that send hundreds of
    # requests in a second; the tests of those limits set their own.
    settings.API_WRITE_RATE = settings.API_ADDRESS_RATE = settings.ASSESS_RATE = "100000/h"


@pytest.fixture(autouse=True)
def _emails_sent_after_commit(settings: Any) -> None:
    # No worker runs during the tests: once the transaction commits, the
    # outbox sends each email in the same process (django-q2's sync mode),
    # into Django's test mailbox. Tests of the worker itself turn this off.
    settings.TASKS_SYNC = True


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Each test starts with an empty cache: cached pages must not outlive their database."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()


def load_cases(name: str) -> list[dict[str, Any]]:
    """A case set shipped with the engine (src/unknot/engine/cases/), read as the page reads it."""
    from unknot.engine.accuracy import CASE_SETS
    from unknot.engine.accuracy import load_cases as load_set

    return load_set(next(s for s in CASE_SETS if s.filename == name))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; skipped with advice when it is missing."""
    if CHROMIUM is None:
        if os.environ.get("UNKNOT_REQUIRE_BROWSER"):
            pytest.fail("UNKNOT_REQUIRE_BROWSER is set but chromium is not installed")
        pytest.skip("end-to-end tests need Chromium: install it with "
                    "'apt-get install chromium' (Debian) and run the tests again")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls from the test body are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
