"""A team member ticks a preparation task off on the delegation's page, with the plain form
(no JavaScript needed), by keyboard; the page still passes axe afterwards."""

import pytest

from kennisstad.checklists.models import Task

from .axe import axe_violations

pytestmark = pytest.mark.browser


def test_tick_off_a_task_on_the_delegation_page(site, open_as, axe_source):
    task = (
        Task.objects.filter(checklist__delegation=site.delegation, done_at__isnull=True)
        .order_by("due_on", "pk")
        .first()
    )
    assert task is not None, "the demo's Tianjin delegation has an open preparation task"
    page = open_as("team")
    page.goto(f"/delegations/{site.delegation.pk}/")
    button = page.locator(f"form[action='/checklists/tasks/{task.pk}/done/'] button")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/delegations/{site.delegation.pk}/")
    assert page.locator(f"form[action='/checklists/tasks/{task.pk}/reopen/']").count() == 1
    task.refresh_from_db()
    assert task.done_at is not None
    assert axe_violations(page, axe_source) == []
