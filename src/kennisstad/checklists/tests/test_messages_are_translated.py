"""The checklists' user-facing messages go through gettext (Dutch is the default): the API's
refusals, and the audit trail's actor when a due date moved with its event."""

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from kennisstad.checklists.services import apply_template
from kennisstad.core.history import history_actor
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import template_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch(monkeypatch):
    """Give a msgid a Dutch translation for this test only (new ones are merged later)."""

    def translate(msgid: str, msgstr: str) -> None:
        catalog = trans_real.translation("nl")._catalog._catalogs[0]
        monkeypatch.setitem(catalog, msgid, msgstr)

    return translate


def test_one_record_refusal_is_translated(team_member, api_client_for, dutch):
    dutch("Give exactly one of activity and delegation.", "Geef één activiteit of delegatie.")
    delegation = DelegationFactory()
    response = api_client_for(team_member).post(
        "/api/v1/checklists/",
        {
            "template": template_with_items().pk,
            "delegation": delegation.pk,
            "activity": delegation.activity_id,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "Geef één activiteit of delegatie." in str(response.json())


def test_the_audit_trail_names_the_moved_event(team_member, dutch):
    dutch("moved with its event", "verplaatst met de activiteit")
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    checklist = apply_template(
        template=template_with_items((-8,)), user=team_member, delegation=delegation
    )
    activity = delegation.activity
    activity.starts_at = at(2027, 6, 20)
    activity.ends_at = at(2027, 6, 21)
    activity.save()
    moved = checklist.tasks.get().history.order_by("-history_id").first()
    with translation.override("nl"):
        assert str(history_actor(moved)) == f"verplaatst met de activiteit: {activity}"
