"""Registering on the public form (no account, no JavaScript) and checking the person in on the
day from a phone: both pass axe with no violation, and the check-in page fits a phone."""

import pytest

from kennisstad.registrations.models import Registration, RegistrationSettings

from .axe import axe_violations
from .conftest import PHONE
from .site import ANONYMOUS, TEAM

pytestmark = pytest.mark.browser


def reception() -> int:
    return RegistrationSettings.objects.order_by("pk").first().activity_id


def register(page, language: str, email: str, check=None) -> None:
    """Open the form, send it empty (errors), then filled in; ``check`` runs on every page."""
    check = check or (lambda: None)
    page.goto(f"/registrations/activity/{reception()}/?lang={language}")
    check()
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    assert page.locator("#form-errors").is_visible()  # nothing filled in: the errors, linked
    check()
    page.fill("#id_name", "Grace Hopper")
    page.fill("#id_email", email)
    page.check("#id_consent")
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    assert page.locator("[role=status]").is_visible()
    check()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_register_on_the_public_form(site, browser, live_server, axe_source, language):
    """On a phone, with JavaScript (axe runs in the page) and without it (the form needs none)."""
    for javascript in (True, False):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=PHONE,
            java_script_enabled=javascript,
            locale="nl-NL" if language == "nl" else "en-GB",
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        email = f"grace.{language}.{javascript}@example.org".lower()

        def check(page=page, javascript=javascript):
            if javascript:  # axe and the reflow check are scripts: only where scripts run
                assert axe_violations(page, axe_source) == []
                assert page.evaluate(
                    "() => document.documentElement.scrollWidth <= window.innerWidth"
                )

        register(page, language, email, check)
        registration = Registration.objects.get(email=email)
        assert registration.language == language
        assert registration.status == "waiting"  # the demo reception is full
        context.close()


def test_check_someone_in_on_a_phone(site, open_as, axe_source):
    registration = Registration.objects.filter(status="confirmed").order_by("name").first()
    page = open_as(TEAM)
    page.set_viewport_size(PHONE)
    page.goto(f"/registrations/activity/{reception()}/check-in/")
    assert axe_violations(page, axe_source) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.fill("#check-in-q", registration.name.split()[-1])
    page.keyboard.press("Enter")
    row = page.locator(f"#registration-{registration.pk}")
    row.locator("button.utrecht-button--primary-action").click()
    assert page.locator(f"#registration-{registration.pk} button[name=undo]").is_visible()
    assert axe_violations(page, axe_source) == []
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_anonymous_is_not_shown_the_check_in(site, open_as):
    page = open_as(ANONYMOUS)
    response = page.goto(f"/registrations/activity/{reception()}/check-in/")
    assert "/login" in page.url or response.status in (302, 403)


def test_the_other_registration_pages_pass_axe(site, open_as, axe_source):
    """The team's pages and the registrant's own pages (the full walk covers them per role too)."""
    from kennisstad.registrations.links import manage_token

    activity = reception()
    token = manage_token(Registration.objects.filter(status="confirmed").order_by("pk").first())
    problems = []
    for role, paths in (
        (TEAM, ["attendees/", "settings/", "print/"]),
        (ANONYMOUS, []),
    ):
        page = open_as(role)
        for path in paths:
            page.goto(f"/registrations/activity/{activity}/{path}")
            problems += [f"{path}: {v}" for v in axe_violations(page, axe_source)]
        if role == ANONYMOUS:
            for path in (
                f"/registrations/manage/{token}/",
                f"/registrations/manage/{token}/cancel/",
                "/registrations/manage/broken/",
            ):
                page.goto(path)
                problems += [f"{path}: {v}" for v in axe_violations(page, axe_source)]
    assert problems == []
