"""Screenshots of the main pages, as the team sees them in Dutch. Every browser run takes them
(so a page that breaks shows here too); ``make screenshots`` keeps them in docs/screenshots/ for
the README."""

import os
from pathlib import Path

import pytest

from .conftest import PHONE, VIEWPORT
from .site import ANONYMOUS, TEAM

pytestmark = pytest.mark.browser

# file name -> (role, how to find the page, wait for, the whole page or the first screen)
SHOTS = {
    "dashboard": (TEAM, lambda s: "/dashboard/", "", False),
    "calendar": (TEAM, lambda s: "/agenda/month/", ".fc-daygrid-day", False),
    "activity": (TEAM, lambda s: f"/agenda/{s.activity.pk}/", "", False),
    "projects": (TEAM, lambda s: "/projects/", "", False),
    "project": (TEAM, lambda s: f"/projects/{s.project.pk}/", "", False),
    "organisation": (TEAM, lambda s: f"/relations/organisations/{s.organisation.pk}/", "", False),
    "indicator": (TEAM, lambda s: f"/indicators/{s.indicator.pk}/?year=2016", "", True),
    "chapter": (TEAM, lambda s: f"/begroting/chapters/{s.chapter.pk}/", "", True),
    "portal": (ANONYMOUS, lambda s: "/", "", False),
    "overview": (TEAM, lambda s: "/projects/overview/", "", False),
    "delegation": (TEAM, lambda s: f"/delegations/{s.delegation.pk}/", "", False),
    "follow-ups": (TEAM, lambda s: "/relations/follow-ups/", "", False),
    "portal-indicators": (ANONYMOUS, lambda s: "/indicatoren/?lang=en", "", False),
}
# The same on a phone (320 CSS px, the width WCAG 1.4.10 asks every page to fit).
PHONE_SHOTS = {
    "phone-dashboard": (TEAM, lambda s: "/dashboard/", "", False),
    "phone-calendar": (TEAM, lambda s: "/agenda/", "", False),
}


def test_screenshots_of_the_main_pages(site, open_as, tmp_path):
    target = Path(os.environ.get("KENNISSTAD_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    pages = {}
    shots = [(name, shot, VIEWPORT) for name, shot in SHOTS.items()]
    shots += [(name, shot, PHONE) for name, shot in PHONE_SHOTS.items()]
    for name, (role, path, ready, full_page), viewport in shots:
        page = pages.get(role) or pages.setdefault(role, open_as(role))
        page.set_viewport_size(viewport)
        response = page.goto(path(site))
        assert response.status == 200, name
        if ready:
            page.wait_for_selector(ready)
        page.evaluate("() => document.fonts.ready")
        page.screenshot(path=target / f"{name}.png", full_page=full_page)
        smallest = 10_000 if viewport is VIEWPORT else 3_000
        assert (target / f"{name}.png").stat().st_size > smallest, name
