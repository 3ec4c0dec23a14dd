"""``?indicator=`` and the year filters take whole numbers a database key or a date can hold;
anything else (a huge number, a decimal, text) is a 400, not an OverflowError in the driver."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize("endpoint", ["realisations", "targets"])
@pytest.mark.parametrize(
    "query",
    [
        f"indicator={HUGE}",
        "indicator=99999999999999999999",
        "indicator=1.5",
        "indicator=abc",
        f"year={HUGE}",
        "year_from=-99999999999",
        f"year_to={HUGE}",
    ],
)
def test_the_api_answers_400(api_client_for, team_member, endpoint, query):
    answer = api_client_for(team_member).get(f"/api/v1/{endpoint}/?{query}")
    assert answer.status_code == 400


@pytest.mark.parametrize("query", [f"year={HUGE}", f"document__year={HUGE}"])
def test_generated_number_filters_are_bounded_too(api_client_for, team_member, query):
    endpoint = "documents" if query.startswith("year") else "chapters"
    answer = api_client_for(team_member).get(f"/api/v1/{endpoint}/?{query}")
    assert answer.status_code == 400


def test_a_real_indicator_still_filters(api_client_for, team_member):
    answer = api_client_for(team_member).get("/api/v1/realisations/?indicator=1&year=2018")
    assert answer.status_code == 200
