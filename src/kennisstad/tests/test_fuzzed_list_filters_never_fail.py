"""Fuzz: every page and API endpoint without a path parameter in the URLconf (every list,
feed, register and overview among them), asked with generated query strings of nasty values
(``null``, ``abc``, ``1.5``, NUL, 10**30, negative, empty, repeated, very long) on its own
filter names and the names views read, answers below 500 for anonymous, partner and team."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisstad.agenda import feeds
from kennisstad.tests.test_url_access import all_routes

pytestmark = pytest.mark.django_db

LEFT_OUT = {"accounts:logout", "set_language"}  # a GET there only signs out or redirects
# Names views read from request.GET themselves (besides their FilterSets), and DRF's own.
READ_BY_VIEWS = [
    "q",
    "page",
    "page_size",
    "format",
    "lang",
    "ordering",
    "search",
    "year",
    "kind",
    "theme",
    "country",
    "organiser",
    "project",
    "activity",
    "month",
    "week",
    "start",
    "end",
    "all",
    "date_from",
    "date_to",
    "owner",
    "months",
    "field",
    "input_type",
    "allows_none",
    "limit",
    "direction",
    "indicator",
    "status",
    "category",
    "partner",
    "person",
    "organisation",
]
WORST = st.sampled_from(
    ["null", "abc", "1.5", "\x00", "a\x00b", "1" + "0" * 30, "-1", "-99999999999999999999",
     "", " ", "0", "1e309", "NaN", "true", "²", "%", "2018-02-30", "99999-12-31", "0000-00-00",
     "x" * 5000, "<script>", "'; --", "..", "[]", "{}", "2018", "NL", "1"]
)  # fmt: skip
NASTY = st.one_of(
    WORST,
    WORST,
    WORST,  # thrice: the values that broke filters before are drawn most of the time
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
ROLES = ["anonymous", "partner", "team"]


def list_routes() -> list[tuple[str, str]]:
    return [
        (name, path)
        for name, path in all_routes()
        if "<" not in path
        and "/1" not in path
        and not name.startswith("admin:")
        and name not in LEFT_OUT
    ]


def parameter_names(path: str) -> list[str]:
    """A list's own filter names (its FilterSet or the viewset's generated one); for a view
    without one, the names views read from the query string."""
    match = resolve(path)
    if match.func.__module__ == feeds.__name__:
        return sorted([*feeds.FEED_FILTERS, "lang"])
    view = getattr(match.func, "view_class", None) or getattr(match.func, "cls", None)
    names = set(getattr(view, "filterset_fields", None) or [])
    filterset = getattr(view, "filterset_class", None)
    if filterset is not None:
        names |= set(filterset.base_filters)
    return sorted(names) if names else READ_BY_VIEWS


def test_the_walk_finds_the_lists():
    paths = {path for _, path in list_routes()}
    for path in ("/projects/", "/delegations/", "/agenda/public.ics", "/api/v1/realisations/"):
        assert path in paths


@pytest.mark.parametrize(("name", "path"), list_routes(), ids=lambda value: value)
def test_nasty_query_strings_never_give_a_server_error(users_by_role, name, path):
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if users_by_role[role] is not None:
            clients[role].force_login(users_by_role[role])
    names = parameter_names(path)
    examples = 24 if names is not READ_BY_VIEWS else 4

    @settings(
        derandomize=True,
        deadline=None,
        max_examples=examples,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        role=st.sampled_from(ROLES),
        query=st.lists(st.tuples(st.sampled_from(names), NASTY), min_size=1, max_size=2),
    )
    def check(role, query):
        answer = clients[role].get(f"{path}?{urlencode(query)}")
        assert answer.status_code < 500, (role, query, answer.status_code)

    check()
