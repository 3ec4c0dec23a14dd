"""A team member's day in the browser: log in, start a project, plan an activity for it and find
it in the month view, import the seed budget chapter and download it as Word, switch to English
and log out. Everything through the pages a person uses, against a live server."""

import zipfile

import pytest
from django.utils import timezone

from kennisstad.planning.tests.factories import SEED

from .site import PASSWORDS, TEAM, USERNAMES, build_site

pytestmark = pytest.mark.browser


def submit(page):
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()


def assert_heading(page, text):
    """The page's heading; on a form that came back, the errors it shows say why."""
    errors = page.locator(".utrecht-form-field--invalid, .errorlist").all_inner_texts()
    assert page.locator("h1").inner_text() == text, errors


def test_team_member_journey(open_as, live_server, tmp_path):
    build_site(with_budget=False)
    page = open_as("anonymous")

    # Log in with the login form.
    page.goto("/accounts/login/")
    page.fill("#id_username", USERNAMES[TEAM])
    page.fill("#id_password", PASSWORDS[TEAM])
    submit(page)
    assert page.url == f"{live_server.url}/dashboard/"

    # A new project.
    page.goto("/projects/new/")
    page.fill("#id_title_nl", "Waterstofbrug Groningen-Hamburg")
    page.fill("#id_title_en", "Hydrogen bridge Groningen-Hamburg")
    page.select_option("#id_category", index=1)
    page.fill("#id_start_date", "2026-01-01")
    submit(page)
    assert_heading(page, "Waterstofbrug Groningen-Hamburg")
    project_url = page.url

    # An activity of that project, today, chosen with the project chooser's search.
    today = timezone.localdate()
    page.goto("/agenda/new/")
    page.fill("#id_title_nl", "Werkbezoek waterstofhaven Hamburg")
    page.select_option("#id_kind", "outgoing_visit")
    page.fill("#id_starts_at", f"{today:%Y-%m-%d}T10:00")
    page.fill("#id_ends_at", f"{today:%Y-%m-%d}T12:00")
    page.fill("#id_project_search", "Waterstofbrug")
    page.get_by_label("Waterstofbrug Groningen-Hamburg").check()
    submit(page)
    assert_heading(page, "Werkbezoek waterstofhaven Hamburg")
    assert "Waterstofbrug Groningen-Hamburg" in page.locator("main").inner_text()

    # The month view shows it; the event links to the activity.
    page.goto("/agenda/month/")
    event = page.locator(".fc-event", has_text="Werkbezoek waterstofhaven Hamburg")
    event.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Werkbezoek waterstofhaven Hamburg"
    page.goto(project_url)
    assert "Werkbezoek waterstofhaven Hamburg" in page.locator("main").inner_text()

    # Import the seed chapter (a dry run first, as the page advises), then for real.
    page.goto("/begroting/import/")
    page.set_input_files("#id_file", SEED)
    submit(page)
    assert page.locator("#report-heading").inner_text() == "Proefrun: er is niets opgeslagen"
    page.set_input_files("#id_file", SEED)
    page.uncheck("#id_dry_run")
    submit(page)
    assert page.locator("#report-heading").inner_text() == "Geïmporteerd"

    # The chapter as the budget shows it, downloaded as a Word document.
    page.goto("/begroting/")
    page.locator("main a[href*='/begroting/chapters/']").first.click()
    page.wait_for_load_state()
    assert "2.1.4" in page.locator("h1").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="DOCX", exact=True).click()
    download = download_info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.suffix == ".docx"
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode()
    assert "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie" in body

    # English, then log out.
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Calendar")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/"
    page.goto("/dashboard/")
    assert "/accounts/login/" in page.url
