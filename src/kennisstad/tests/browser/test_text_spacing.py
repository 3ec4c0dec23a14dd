"""Wider text spacing (WCAG 1.4.12) and 200% zoom (1.4.4) cut off or hide no text on the main
pages, and none of them then needs scrolling sideways."""

import pytest

from .site import ANONYMOUS, TEAM

pytestmark = pytest.mark.browser

# The text-spacing bookmarklet's values, as a constructed style sheet (the site's CSP forbids an
# inline <style>, and adopted sheets are not governed by it).
SPACING = """() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return getComputedStyle(document.body).letterSpacing;
}"""

# Elements that hide what overflows them yet hold text that no longer fits.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
    const style = getComputedStyle(el);
    const hiding = ['hidden', 'clip'];
    const hides = hiding.includes(style.overflowX) || hiding.includes(style.overflowY);
    if (!hides || !el.innerText || !el.innerText.trim() || el.clientWidth <= 1) return false;
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}).map(el => el.tagName.toLowerCase()
    + (el.className ? '.' + String(el.className).split(' ').join('.') : ''))"""

# A 640 px window at scale 1 lays out as a 1280 px screen at 200% zoom.
WIDTHS = {"desktop": 1280, "200% zoom": 640, "320px": 320}

PAGES = {
    "dashboard": (TEAM, lambda s: "/dashboard/"),
    "calendar list": (TEAM, lambda s: "/agenda/"),
    "project": (TEAM, lambda s: f"/projects/{s.project.pk}/"),
    "organisation": (TEAM, lambda s: f"/relations/organisations/{s.organisation.pk}/"),
    "chapter": (TEAM, lambda s: f"/begroting/chapters/{s.chapter.pk}/"),
    "portal": (ANONYMOUS, lambda s: "/"),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_text_spacing_and_zoom_hide_nothing(language, site, open_as):
    problems, pages = [], {}
    for name, (role, path) in PAGES.items():
        page = pages.get(role) or pages.setdefault(role, open_as(role, language))
        for width_label, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            assert page.goto(path(site)).status == 200, name
            font_size = float(page.evaluate("() => getComputedStyle(document.body).fontSize")[:-2])
            letter_spacing = float(page.evaluate(SPACING)[:-2])
            assert letter_spacing == pytest.approx(0.12 * font_size, abs=0.05), name
            label = f"{name} at {width_label}"
            wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if wider > 0:
                problems.append(f"{label}: {wider}px wider than the window")
            for element in page.evaluate(CLIPPED):
                problems.append(f"{label}: {element} cuts off its text")
    assert not problems, "\n".join(problems)
