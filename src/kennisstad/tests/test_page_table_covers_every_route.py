"""The browser suite's page table names every route: a new page is walked (axe, both languages,
every role that may open it) or deliberately left out with a reason."""

from kennisstad.tests.browser.pages import NOT_PAGES, PAGES, route_names, unlisted_routes


def test_page_table_covers_every_route():
    missing = unlisted_routes()
    assert not missing, (
        "Routes the browser walk neither visits nor leaves out; add each to PAGES (or, when it "
        "answers no HTML page to GET, to NOT_PAGES) in tests/browser/pages.py:\n"
        + "\n".join(missing)
    )


def test_page_table_names_only_routes_that_exist():
    routes = set(route_names())
    stale = sorted((set(PAGES) | set(NOT_PAGES)) - routes)
    assert not stale, "No such route any more: " + ", ".join(stale)


def test_every_listed_page_is_visited_by_some_role():
    assert all(page.roles for page in PAGES.values())
