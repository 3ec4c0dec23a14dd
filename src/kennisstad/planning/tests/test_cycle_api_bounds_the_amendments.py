"""An adoption through the API records at most ``MAX_AMENDMENTS`` amendments: a longer list is
refused (400 naming the field) before any of them is checked, and nothing changes."""

import pytest

from kennisstad.planning.api_cycle import MAX_AMENDMENTS, MAX_TEXT
from kennisstad.planning.models import Amendment
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_huge_amendment_list_is_refused_cheaply(
    api_client_for, team_member, django_assert_max_num_queries
):
    document = begroting()
    amendments = [{"number": f"A{n}", "description": "x"} for n in range(MAX_AMENDMENTS + 1)]
    body = {"on": "2017-11-09", "decision_number": "7", "amendments": amendments}
    client = api_client_for(team_member)
    with django_assert_max_num_queries(20):
        answer = client.post(
            f"/api/v1/documents/{document.pk}/adopt/",
            body,
            format="json",
            HTTP_IF_MATCH=f'"{document.version}"',
        )
    assert answer.status_code == 400
    assert "amendments" in answer.data
    stored = Document.objects.get(pk=document.pk)
    assert (stored.status, stored.version) == (DocumentStatus.DRAFT, document.version)
    assert not Amendment.objects.exists()


def test_an_endless_amendment_text_is_refused(api_client_for, team_member):
    document = begroting()
    amendment = {"number": "A1", "description": "x", "new_text": "x" * (MAX_TEXT + 1)}
    body = {"on": "2017-11-09", "decision_number": "7", "amendments": [amendment]}
    answer = api_client_for(team_member).post(
        f"/api/v1/documents/{document.pk}/adopt/",
        body,
        format="json",
        HTTP_IF_MATCH=f'"{document.version}"',
    )
    assert answer.status_code == 400 and "amendments" in answer.data
    assert not Amendment.objects.exists()
