"""On a phone the main navigation is a closed menu that the keyboard opens, also with JavaScript
switched off; it folds the search, language and log-out tools too, so the page starts near the top.
On a desktop the links and tools show without it."""

import pytest

from .conftest import PHONE, VIEWPORT
from .site import TEAM, session_cookie

pytestmark = pytest.mark.browser

FIRST_LINK = ".ks-nav__list a >> nth=0"
SEARCH = "#header-search-q"
LOG_OUT = ".ks-header__tools button[type=submit] >> nth=-1"


@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_opens_with_the_keyboard_on_a_phone(site, browser, live_server, javascript):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=javascript
    )
    context.add_cookies(session_cookie(TEAM, live_server.url))
    page = context.new_page()
    page.goto("/dashboard/")
    assert not page.locator(FIRST_LINK).is_visible()
    assert not page.locator(SEARCH).is_visible() and not page.locator(LOG_OUT).is_visible()
    # Demo banner, brand and the menu toggle: the content starts within the first screen's third.
    assert page.locator("#main").bounding_box()["y"] < 640 / 3
    page.locator(".ks-menu__toggle").focus()
    page.keyboard.press("Enter")
    assert page.locator(FIRST_LINK).is_visible()
    assert page.locator(SEARCH).is_visible() and page.locator(LOG_OUT).is_visible()
    page.locator(SEARCH).focus()
    page.keyboard.press("Tab")  # the search button, then on through the tools
    assert page.evaluate("() => document.activeElement.closest('.ks-header__tools') !== null")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size(VIEWPORT)
    page.reload()  # the menu closed again, yet on a wide screen its links show
    assert page.locator(".ks-menu:not([open])").count() == 1
    assert not page.locator(".ks-menu__toggle").is_visible()
    assert page.locator(FIRST_LINK).is_visible()
    assert page.locator(SEARCH).is_visible() and page.locator(LOG_OUT).is_visible()
    context.close()
