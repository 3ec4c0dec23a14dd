"""Changing a difference's explanation needs the version read, in the service and the API: without
it a colleague's text would be overwritten unseen."""

import pytest

from kennisstad.core.concurrency import StaleVersionError
from kennisstad.planning.finance_services import save_finance_explanation
from kennisstad.planning.tests.finance_setup import chapter_of, overspent

pytestmark = pytest.mark.django_db


@pytest.fixture
def explained(team_member):
    overspent()
    chapter = chapter_of("jaarstukken")
    save_finance_explanation(chapter=chapter, row="lasten", text_nl="Eerst.", user=team_member)
    return chapter


def test_the_service_refuses_a_change_without_a_version(explained, team_member):
    with pytest.raises(StaleVersionError):
        save_finance_explanation(
            chapter=explained, row="lasten", text_nl="Overschreven.", user=team_member
        )
    assert explained.finance_explanations.get().text_nl == "Eerst."


def test_the_api_requires_the_version_to_change_one(explained, team_member, client):
    client.force_login(team_member)
    url = f"/api/v1/chapters/{explained.pk}/finance-explanations/"
    refused = client.post(
        url, {"row": "lasten", "text_nl": "Overschreven."}, content_type="application/json"
    )
    assert refused.status_code == 400 and "version" in refused.json()
    stale = client.post(
        url,
        {"row": "lasten", "text_nl": "Overschreven.", "version": 0},
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert explained.finance_explanations.get().text_nl == "Eerst."
    changed = client.post(
        url, {"row": "lasten", "text_nl": "Later.", "version": 1}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
