"""Playwright, driving Debian's Chromium, against a live Django server on loopback.

- Chromium is /usr/bin/chromium (`apt-get install chromium`); Playwright's own browser download is not used.
  Without it the browser tests skip, except in CI (CI=true), where they fail.
- The live server runs in this process on 127.0.0.1, with the party's content loaded. Its database is
  transactional (emptied after each test); the data migrations wrote is serialized once and restored before
  each browser test (`django_db_serialized_rollback`), and tests/conftest.py runs browser tests last.
- Playwright's sync API keeps an asyncio loop running in the main thread, and Django refuses ORM calls
  while it sees one: DJANGO_ALLOW_ASYNC_UNSAFE is set only while Playwright runs, i.e. for the browser tests.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django.live_server_helper import LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
MISSING_CHROMIUM = f"Chromium is not installed at {CHROMIUM}: the browser tests need it (apt-get install chromium)"


def require_chromium(path=CHROMIUM, environ=os.environ):
    """Skip when Chromium is missing on a developer's machine; fail in CI, where it must be there."""
    if Path(path).is_file() and os.access(path, os.X_OK):
        return
    if environ.get("CI", "").lower() == "true":
        pytest.fail(f"{MISSING_CHROMIUM}; in CI a missing browser is a failure, not a skip.", pytrace=False)
    pytest.skip(MISSING_CHROMIUM)


@pytest.fixture(scope="session")
def playwright(_pw_api_request_contexts):
    """pytest-playwright's fixture, with Django's async-safety guard relaxed only while Playwright runs."""
    from playwright.sync_api import sync_playwright

    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    pw = sync_playwright().start()
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(pw)
    yield pw
    pw.stop()
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_chromium()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, bound to loopback (its default, "localhost", may mean ::1)."""
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url}


@pytest.fixture
def site(live_server, django_db_serialized_rollback, party_content):
    """The live site with the party's text loaded, as after `make run`. Returns the server's base URL.

    The cache is emptied first, so rate limits counted in Redis by earlier tests do not carry over.
    """
    cache.clear()
    return live_server.url


@pytest.fixture
def phone(new_context, site):
    return new_context(viewport=VIEWPORTS["phone"]).new_page()


@pytest.fixture
def desktop(new_context, site):
    return new_context(viewport=VIEWPORTS["desktop"]).new_page()


@pytest.fixture(scope="session")
def screenshot_dir():
    """Where the screenshots the browser tests took are kept (git-ignored), named <page>-<lang>-<size>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
