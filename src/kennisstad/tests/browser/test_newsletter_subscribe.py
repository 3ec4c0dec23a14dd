"""A visitor subscribes to the newsletter from the portal, confirms with the link from the mail
and unsubscribes with the page's button: every step's page passes axe-core (WCAG 2.2 A/AA) at
desktop and phone width; the same steps work with JavaScript switched off."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from kennisstad.core.models import Theme
from kennisstad.newsletter.models import Subscriber, SubscriberStatus
from kennisstad.newsletter.tokens import unsubscribe_token

from .axe import axe_violations
from .conftest import PHONE, VIEWPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_violations(page, axe_source) -> list[str]:
    if not page.context.javascript:  # axe runs as a script in the page: checked with it on
        return []
    found = []
    for viewport in (VIEWPORT, PHONE):
        page.set_viewport_size(viewport)
        found += axe_violations(page, axe_source)
    page.set_viewport_size(VIEWPORT)
    return found


@pytest.mark.parametrize("javascript", [False, True])
def test_subscribe_confirm_and_unsubscribe(browser, live_server, axe_source, javascript):
    if not Theme.objects.exists():
        Theme.objects.create(slug="energie", name_nl="Energie", name_en="Energy")
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=javascript
    )
    context.javascript = javascript
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    problems: list[str] = []
    page.goto("/")
    page.get_by_role("link", name="Subscribe to the newsletter").click()
    assert page.locator("h1").inner_text() == "Subscribe to the international newsletter"
    problems += no_violations(page, axe_source)

    page.get_by_label("Email address").fill("Visitor@Example.org")
    page.get_by_label("English").check()
    page.locator("input[name=themes]").first.check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Subscribe").click()
    assert page.locator("h1").inner_text() == "Check your mail"
    problems += no_violations(page, axe_source)

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/(\?lang=en)?", message.body).group(0)
    parts = urlsplit(link)
    page.goto(f"{parts.path}?{parts.query}")
    problems += no_violations(page, axe_source)
    page.get_by_role("button", name="Confirm subscription").click()
    assert page.locator("h1").inner_text() == "You are subscribed"
    problems += no_violations(page, axe_source)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status, subscriber.language) == (
        "visitor@example.org",
        SubscriberStatus.CONFIRMED,
        "en",
    )
    assert subscriber.themes.count() == 1

    page.goto(f"/newsletter/unsubscribe/{unsubscribe_token(subscriber.key)}/")
    problems += no_violations(page, axe_source)
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.locator("h1").inner_text() == "You are unsubscribed"
    problems += no_violations(page, axe_source)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert problems == []
    context.close()
