"""axe-core finds no WCAG 2.2 A/AA violation on any page, for any role, in Dutch and English,
including the error state of every create and import form, at desktop width and at 320 CSS px,
where no page may be wider than the window (WCAG 1.4.10); the walk lists what it visited.

What is checked where (the walk must stay inside CI's time): every page in both languages at
both widths for the width check; axe at desktop width in both languages and at 320 px in Dutch
(the markup is the same in both languages, only the words differ, and the words' length is what
the width check is for); the administrator's pages that the team also walks only in Dutch (they
are the team's pages plus the administration link), its own pages in both languages.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .axe import axe_violations
from .conftest import PHONE, VIEWPORT
from .pages import ERROR_PAGES, PAGES, pages_for, unlisted_routes
from .site import ADMINISTRATOR, ROLES, TEAM

pytestmark = pytest.mark.browser

REPORT_DIR = Path(settings.VAR_DIR) / "browser-walk"
# While fixing a page: KENNISSTAD_WALK_ONLY=agenda:month,workspace:home walks only those.
ONLY = {name for name in os.environ.get("KENNISSTAD_WALK_ONLY", "").split(",") if name}


WIDER = "() => document.documentElement.scrollWidth - window.innerWidth"


def check(page, axe_source, label, problems, *, axe_at_phone_width=True):
    """Check the page as it is (desktop), then at phone width, then back."""
    for viewport, width_label in ((VIEWPORT, "desktop"), (PHONE, "320px")):
        page.set_viewport_size(viewport)
        wider = page.evaluate(WIDER)
        if wider > 0:
            problems.append(f"{label} at {width_label}: {wider}px wider than the window")
        if viewport is PHONE and not axe_at_phone_width:
            continue
        for violation in axe_violations(page, axe_source):
            problems.append(f"{label} at {width_label}: {violation}")
    page.set_viewport_size(VIEWPORT)


def walked(role: str, language: str) -> list[str]:
    """The pages of ``role`` walked in ``language`` (see the module's docstring)."""
    names = pages_for(role)
    if role == ADMINISTRATOR and language != "nl":
        also_team = set(pages_for(TEAM))
        names = [name for name in names if name not in also_team]
    return names


@pytest.mark.parametrize("language", ("nl", "en"))
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe(role, language, site, open_as, axe_source, live_server):
    assert not unlisted_routes(), "Routes neither walked nor left out: see pages.py"
    visited, problems = [], []
    page = open_as(role, language)
    phone_axe = language == "nl"
    for name in walked(role, language):
        if ONLY and name not in ONLY:
            continue
        entry = PAGES[name]
        path = entry.url(name, site)
        label = f"{role} {language} {name} {path}"
        response = page.goto(path)
        if response.status != 200 or page.url != live_server.url + path:
            problems.append(f"{label}: answered {response.status} at {page.url}")
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            problems.append(f"{label}: not an HTML page")
            continue
        lang = page.get_attribute("html", "lang")
        if lang != language:
            problems.append(f"{label}: <html lang={lang!r}>")
        if entry.ready:
            page.wait_for_selector(entry.ready)
        check(page, axe_source, label, problems, axe_at_phone_width=phone_axe)
        visited.append(label)
        if entry.submit_empty:
            page.locator("main form[method=post] [type=submit]").first.click()
            page.wait_for_load_state()
            check(
                page,
                axe_source,
                f"{label} (empty form submitted)",
                problems,
                axe_at_phone_width=phone_axe,
            )
            visited.append(f"{label} (empty form submitted)")
    for status, roles, path in ERROR_PAGES:
        if role in roles and not ONLY:
            label = f"{role} {language} error {status} {path}"
            response = page.goto(path)
            if response.status != status:
                problems.append(f"{label}: answered {response.status}")
            if page.get_attribute("html", "lang") != language:
                problems.append(f"{label}: wrong or missing lang")
            check(page, axe_source, label, problems, axe_at_phone_width=phone_axe)
            visited.append(label)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    report = REPORT_DIR / f"{role}-{language}.txt"
    report.write_text("\n".join(visited) + "\n", encoding="utf-8")
    print(f"{role} {language}: visited {len(visited)} pages (list in {report})")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
