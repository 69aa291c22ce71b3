"""Real-browser tests: Playwright (sync API) drives Debian's Chromium against
pytest-django's `live_server`, which serves the app from a thread of this
process, on the test database.

One browser for all the browser tests of a session, one fresh context
(cookies, storage) per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.test.utils import override_settings
from playwright.sync_api import (
    Browser,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)
from pytest_django.live_server_helper import LiveServer

from tests.conftest import World, build_world

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# Generous for a loaded 2-core machine; a passing run never waits this long.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, speaking plain HTTP.

    SecurityMiddleware reads SECURE_SSL_REDIRECT and SECURE_HSTS_SECONDS once,
    when the server thread builds its handler; the per-test `settings` of
    tests/conftest.py come too late for it. So they are overridden only while
    the server starts (LiveServer returns once the handler is built), and the
    rest of the session keeps the real settings."""
    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        server = LiveServer(address)
    yield server
    server.stop()


class Chromium:
    """Playwright and Debian's Chromium (launched with its executable path:
    Playwright never downloads a browser), started by the first browser test
    and stopped after the last one of the run (see pytest_runtest_teardown).

    While Playwright runs, its sync API keeps an event loop running in the
    test thread. Two consequences, confined to that time:
    - Django refuses ORM calls from a thread with a running loop; the
      documented escape hatch for tests, DJANGO_ALLOW_ASYNC_UNSAFE, is set.
      Not for the whole session: subprocesses inherit it (`check --deploy`
      then fails with async.E001), and later tests would run with the loop.
    - Django's `connections`, thread-local outside an event loop but
      context-local inside one, would hand out new connection objects: without
      the serialized rollback data of the test database and, on SQLite, not
      the connection that the live server shares. The tests get the ones the
      test database was set up on."""

    def __init__(self) -> None:
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        # DJANGO_ALLOW_ASYNC_UNSAFE as it was before start(), to restore on stop().
        self.async_unsafe_before: tuple[str | None] | None = None

    def start(self) -> Browser:
        if self.browser is not None:
            return self.browser
        if not CHROMIUM.exists():
            pytest.fail(
                f"The browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
                "`make chromium` (part of `make test`) installs it: apt-get install chromium.",
                pytrace=False,
            )
        set_up_on = {alias: connections[alias] for alias in connections}
        self.async_unsafe_before = (os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE"),)
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        try:
            self.playwright = sync_playwright().start()
            for alias, connection in set_up_on.items():
                connections[alias] = connection
            # launch() gives every run a fresh, temporary user data dir.
            self.browser = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        except BaseException:
            self.stop()
            raise
        return self.browser

    def stop(self) -> None:
        try:
            if self.browser is not None:
                self.browser.close()
            if self.playwright is not None:
                self.playwright.stop()
        finally:
            self.browser = self.playwright = None
            if self.async_unsafe_before is not None:
                (before,) = self.async_unsafe_before
                if before is None:
                    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
                else:
                    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before
                self.async_unsafe_before = None


CHROMIUM_PROCESS = Chromium()


@pytest.fixture
def browser(django_db_setup: None) -> Browser:
    """The session's browser; the test database is set up before it starts."""
    return CHROMIUM_PROCESS.start()


@pytest.fixture
def browser_world(transactional_db: None, django_db_serialized_rollback: None) -> World:
    """The `world` of tests/conftest.py, committed so that the live server sees
    it. The flush after each transactional test would also delete the
    vocabulary that a data migration installed (languages, topics); the
    serialized rollback restores it."""
    return build_world()


@pytest.fixture
def page(
    browser: Browser, live_server: LiveServer, browser_world: World, request: pytest.FixtureRequest
) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"failed-{request.node.name}.png", full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """After the last of a run of browser tests, and after its fixtures'
    teardown (the database flush still needs the escape hatch), stop Chromium."""
    try:
        return (yield)
    finally:
        if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
            CHROMIUM_PROCESS.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the item, so that `page` can tell a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


expect.set_options(timeout=TIMEOUT_MS)
