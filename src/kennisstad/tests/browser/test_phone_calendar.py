"""On a phone the month view opens as the month's list: it fits the window and passes axe."""

import pytest

from .axe import axe_violations
from .conftest import PHONE
from .site import TEAM

pytestmark = pytest.mark.browser


def test_the_month_view_is_a_list_on_a_phone(site, open_as, axe_source):
    page = open_as(TEAM)
    page.set_viewport_size(PHONE)
    page.goto("/agenda/month/")
    page.wait_for_selector(".fc-list")
    assert page.locator(".fc-daygrid-day").count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page, axe_source) == []
