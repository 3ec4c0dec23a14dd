"""axe-core finds no WCAG 2.2 A/AA violation on any page, for any role, in Dutch and English,
including the error state of every create and import form, at desktop width and at 320 CSS px,
where no page may be wider than the window (WCAG 1.4.10); the walk lists what it visited.

What is checked where (the walk must stay inside CI's time): every page of every role in both
languages at both widths for the width check and the page's language; every WCAG rule of axe
in Dutch at both widths; in English, the rules whose outcome depends on the words (names,
labels, titles, languages: ``axe.TEXT_RULES``), as the markup is the same in both languages.
The administrator's pages are the team's pages (the templates have no branch for the role;
what the administrator may do more are pages of its own): the administrator walks its own
pages and a sample of the shared ones (``ADMINISTRATOR_SAMPLE``); the team walks the rest.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .axe import TEXT_RULES, axe_violations
from .conftest import PHONE, VIEWPORT
from .pages import ERROR_PAGES, PAGES, pages_for, unlisted_routes
from .site import ADMINISTRATOR, ROLES, TEAM

pytestmark = pytest.mark.browser

REPORT_DIR = Path(settings.VAR_DIR) / "browser-walk"
# While fixing a page: KENNISSTAD_WALK_ONLY=agenda:month,workspace:home walks only those.
ONLY = {name for name in os.environ.get("KENNISSTAD_WALK_ONLY", "").split(",") if name}


WIDER = "() => document.documentElement.scrollWidth - window.innerWidth"


# Shared with the team, walked as the administrator too: the header and menu, lists, a record,
# and the pages where the administrator has more buttons than the team.
ADMINISTRATOR_SAMPLE = {
    "workspace:home",
    "projects:project-list",
    "projects:project-detail",
    "relations:person-detail",
    "privacy:retention",
    "privacy:register",
}


def check(page, axe_source, label, problems, *, language):
    """Check the page as it is (desktop), then at phone width, then back."""
    for viewport, width_label in ((VIEWPORT, "desktop"), (PHONE, "320px")):
        page.set_viewport_size(viewport)
        wider = page.evaluate(WIDER)
        if wider > 0:
            problems.append(f"{label} at {width_label}: {wider}px wider than the window")
        if language != "nl" and viewport is PHONE:
            continue
        rules = TEXT_RULES if language != "nl" else None
        for violation in axe_violations(page, axe_source, rules):
            problems.append(f"{label} at {width_label}: {violation}")
    page.set_viewport_size(VIEWPORT)


def walked(role: str) -> list[str]:
    """The pages ``role`` walks (see the module's docstring)."""
    names = pages_for(role)
    if role == ADMINISTRATOR:
        also_team = set(pages_for(TEAM))
        names = [name for name in names if name not in also_team or name in ADMINISTRATOR_SAMPLE]
    return names


@pytest.mark.parametrize("language", ("nl", "en"))
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe(role, language, site, open_as, axe_source, live_server):
    assert not unlisted_routes(), "Routes neither walked nor left out: see pages.py"
    visited, problems = [], []
    page = open_as(role, language)
    for name in walked(role):
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
        check(page, axe_source, label, problems, language=language)
        visited.append(label)
        if entry.submit_empty:
            page.locator("main form[method=post] [type=submit]").first.click()
            page.wait_for_load_state()
            check(
                page,
                axe_source,
                f"{label} (empty form submitted)",
                problems,
                language=language,
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
            check(page, axe_source, label, problems, language=language)
            visited.append(label)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    report = REPORT_DIR / f"{role}-{language}.txt"
    report.write_text("\n".join(visited) + "\n", encoding="utf-8")
    print(f"{role} {language}: visited {len(visited)} pages (list in {report})")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
