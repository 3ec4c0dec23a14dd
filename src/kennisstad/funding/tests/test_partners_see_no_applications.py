"""Applications are the municipality's internal work, like a project's budget: the team and
readers see them; a partner editor sees none (not even one its organisation takes part in), on
the pages, in the API and among the files; anonymous callers neither. Only the team writes."""

import pytest
from django.urls import reverse

from kennisstad.funding.models import PartnerRole

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(partner_organisation):
    application = ApplicationFactory(title_nl="Met de RUG")
    application.partners.create(organisation=partner_organisation, role=PartnerRole.LEAD)
    return application


def test_partners_and_anonymous_get_nothing(
    application, partner_editor, client_for, api_client_for
):
    web = client_for(partner_editor)
    for name, args in (
        ("funding:application-list", []),
        ("funding:pipeline", []),
        ("funding:application-detail", [application.pk]),
    ):
        assert web.get(reverse(name, args=args)).status_code == 403
    assert api_client_for(partner_editor).get("/api/v1/funding-applications/").status_code == 403
    assert api_client_for(None).get("/api/v1/funding-applications/").status_code in (401, 403)
    anonymous = client_for(None).get(reverse("funding:pipeline"))
    assert anonymous.status_code == 302  # to the sign-in page


def test_readers_see_but_do_not_write(application, reader, client_for, api_client_for):
    assert client_for(reader).get(reverse("funding:pipeline")).status_code == 200
    listed = api_client_for(reader).get("/api/v1/funding-applications/").json()
    assert [row["title_nl"] for row in listed["results"]] == ["Met de RUG"]
    refused = api_client_for(reader).post(
        "/api/v1/funding-applications/", {"title_nl": "X", "programme": "other"}, format="json"
    )
    assert refused.status_code == 403
    assert client_for(reader).get(reverse("funding:application-create")).status_code == 403
