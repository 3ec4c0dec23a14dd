"""A team member adds a file to a project in the browser, sees it on the project's page and
downloads it again; a program renamed to .pdf comes back with an error that names it."""

import pytest

from kennisstad.attachments.tests.factories import EXE_BYTES, PDF_BYTES
from kennisstad.projects.models import Project

from .site import TEAM, build_site

pytestmark = pytest.mark.browser


def submit(page):
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()


def test_adding_a_file_to_a_project_and_downloading_it(open_as, live_server, tmp_path):
    build_site(with_budget=False)
    project = Project.objects.filter(is_public=True).order_by("pk").first()
    page = open_as(TEAM)
    page.goto(f"/projects/{project.pk}/")
    page.locator(f'main a[href="/files/project/{project.pk}/new/"]').click()

    # A program that pretends to be a PDF is refused, with its name in the message.
    page.set_input_files(
        "#id_file",
        files=[{"name": "begroting.pdf", "mimeType": "application/pdf", "buffer": EXE_BYTES}],
    )
    submit(page)
    assert "begroting.pdf" in page.locator("main form").inner_text()

    page.set_input_files(
        "#id_file",
        files=[{"name": "Projectplan.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}],
    )
    page.fill("#id_title", "Projectplan 2026")
    submit(page)
    assert page.locator("h1").inner_text() == "Projectplan 2026"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Projectplan.pdf").click()
    target = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(target)
    assert target.name == "Projectplan.pdf" and target.read_bytes() == PDF_BYTES

    page.goto(f"/projects/{project.pk}/")
    assert "Projectplan 2026" in page.locator("main").inner_text()
