"""The keyboard alone reaches every control: the skip link comes first and moves focus to the
main content, and every element Tab reaches shows a visible focus indicator."""

import pytest

from .site import TEAM

pytestmark = pytest.mark.browser

# Pages with the most kinds of control: header, filters, forms, choosers, the calendar widget.
PAGES = ("/dashboard/", "/projects/", "/agenda/new/", "/agenda/month/", "/")
MAX_TABS = 150

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow && style.boxShadow !== 'none';
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || el.id || '')
            .trim().slice(0, 40),
        visible: outline || ring,
        inMain: !!el.closest('main'),
    };
}"""


def test_skip_link_is_first_and_moves_to_the_main_content(site, open_as):
    page = open_as(TEAM)
    page.goto("/dashboard/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator("a[href='#main']").is_visible()  # shown when it has the focus
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


@pytest.mark.parametrize("role", ["anonymous", TEAM])
def test_every_focusable_element_shows_its_focus(site, open_as, role):
    page = open_as(role)
    invisible = []
    for path in PAGES if role == TEAM else ("/", "/toegankelijkheid/", "/accounts/login/"):
        page.goto(path)
        if path == "/agenda/month/":
            page.wait_for_selector(".fc-daygrid-day")
        seen = 0
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            info = page.evaluate(FOCUS_STYLE)
            if info is None:  # focus left the document: the end of the page
                break
            seen += 1
            if not info["visible"]:
                invisible.append(f"{path}: <{info['tag']}> {info['text']!r}")
        assert seen > 3, path
    assert not invisible, "No visible focus on:\n" + "\n".join(sorted(set(invisible)))
