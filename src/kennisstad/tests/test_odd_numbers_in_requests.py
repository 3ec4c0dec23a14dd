"""Ids, versions and counts from a request that are not plain whole numbers ("²", "abc",
huge) get a clear answer, never a server error."""

import pytest
from django.urls import reverse

from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999999"])
def test_odd_numbers_never_crash(client_for, team_member, value):
    organisation = OrganisationFactory()
    web = client_for(team_member)
    answers = [
        web.get(reverse("relations:organisation-suggest"), {"field": "x", "x": value}),
        web.get(reverse("relations:dormant"), {"months": value}),
        web.get(reverse("relations:interaction-create"), {"organisations": value}),
        web.post(reverse("relations:interaction-create"), {"organisations": [value]}),
        web.post(reverse("agenda:feeds"), {"revoke": value}),
        web.post(
            reverse("relations:organisation-delete", args=[organisation.pk]), {"version": value}
        ),
    ]
    assert [answer.status_code < 500 for answer in answers] == [True] * len(answers)


def test_a_long_silence_is_capped_not_an_error(client_for, team_member):
    page = client_for(team_member).get(reverse("relations:dormant"), {"months": "99999999"})
    assert page.status_code == 200 and page.context["months"] == 6
