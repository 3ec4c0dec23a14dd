"""On a phone the main navigation is a closed menu that the keyboard opens, also with JavaScript
switched off; on a desktop the links show without it."""

import pytest

from .conftest import PHONE, VIEWPORT
from .site import TEAM, session_cookie

pytestmark = pytest.mark.browser

FIRST_LINK = ".ks-nav__list a >> nth=0"


@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_opens_with_the_keyboard_on_a_phone(site, browser, live_server, javascript):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=javascript
    )
    context.add_cookies(session_cookie(TEAM, live_server.url))
    page = context.new_page()
    page.goto("/dashboard/")
    assert not page.locator(FIRST_LINK).is_visible()
    page.locator(".ks-menu__toggle").focus()
    page.keyboard.press("Enter")
    assert page.locator(FIRST_LINK).is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size(VIEWPORT)
    page.reload()  # the menu closed again, yet on a wide screen its links show
    assert page.locator(".ks-menu:not([open])").count() == 1
    assert not page.locator(".ks-menu__toggle").is_visible()
    assert page.locator(FIRST_LINK).is_visible()
    context.close()
