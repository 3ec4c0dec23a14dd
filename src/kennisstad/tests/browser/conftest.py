"""Browser-suite fixtures: one Chromium (Debian's, never a downloaded one) for the whole run, the
demo site behind pytest-django's live server, and a browser context per role and language."""

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from .site import build_site, session_cookie

# Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make between
# page visits are ordinary blocking calls, so Django's guard against async use does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = os.environ.get("KENNISSTAD_CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[4] / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORT = {"width": 1280, "height": 900}
# The narrowest window WCAG 1.4.10 (Reflow) asks a page to fit without scrolling sideways.
PHONE = {"width": 320, "height": 640}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: run `make browser-deps`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, _site_snapshot):
    """The demo scenario with the seed chapter imported (live_server makes the db transactional,
    so every test starts from an empty database). Building it takes half a minute; on SQLite the
    first test of a process keeps a copy of the built database and the next ones restore it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return build_site()
    if _site_snapshot.get("site") is None:
        built = build_site()
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(_site_snapshot["path"])) as copy:
            connection.connection.backup(copy)
        _site_snapshot["site"] = built
        return built
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(_site_snapshot["path"])) as copy:
        copy.backup(connection.connection)
    return _site_snapshot["site"]


@pytest.fixture(scope="session")
def _site_snapshot(tmp_path_factory):
    """Where this process keeps its copy of the built site (removed with pytest's tmp dirs)."""
    return {"path": str(tmp_path_factory.mktemp("site") / "site.sqlite3"), "site": None}


@pytest.fixture
def open_as(browser, live_server):
    """``open_as(role, language)``: a new page in a fresh context, logged in as the role's demo
    user (by session cookie) and showing the site in the language."""
    contexts = []

    def make(role: str, language: str = "nl"):
        context = browser.new_context(
            base_url=live_server.url,
            locale="nl-NL" if language == "nl" else "en-GB",
            viewport=VIEWPORT,
            accept_downloads=True,
        )
        context.set_default_timeout(15_000)
        cookies = session_cookie(role, live_server.url)
        cookies.append({"name": "django_language", "value": language, "url": live_server.url})
        context.add_cookies(cookies)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (axe-core is a devDependency)")
    return AXE_SCRIPT.read_text(encoding="utf-8")
