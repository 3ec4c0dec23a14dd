"""Anonymous callers and partners get no field from the API that their pages don't show them:
every list and detail endpoint of the router is walked over a registry of every kind, and no
internal field (owners, budgets, notes, who takes part or is responsible, who changed what)
carries a value."""

import pytest

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.tests.factories import full_registry

pytestmark = pytest.mark.django_db

INTERNAL_FIELDS = {
    "owner",
    "budget",
    "relationship_owner",
    "notes",
    "note",
    "created_by",
    "updated_by",
    "history",
    "responsible_user",
    "responsible_person",
    "team_participants",
    "people",
    "host_users",
    "host_people",
    "members",
    "gifts",
    "travel_costs",
    "dietary_requirements",
    "accessibility",
    "email",
    "phone",
}


def leaked(data, path="") -> list[str]:
    """Internal fields that carry something (an empty list or null tells nothing)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in INTERNAL_FIELDS and value not in (None, "", [], {}):
                found.append(f"{path}.{key}={value!r}")
            found += leaked(value, f"{path}.{key}")
    elif isinstance(data, list):
        for item in data:
            found += leaked(item, path)
    return found


def endpoints() -> list[str]:
    from kennisstad.api_urls import router

    return [prefix for prefix, _viewset, _basename in router.registry]


@pytest.fixture
def partner_of_everything(db):
    """A partner of the organisation with the most projects and activities, so it sees as much
    as a partner can."""
    from django.db.models import Count

    from kennisstad.relations.models import Organisation

    full_registry(UserFactory(username="owner", role=Role.TEAM_MEMBER))
    organisation = (
        Organisation.objects.annotate(
            n=Count("organised_activities", distinct=True) + Count("led_projects", distinct=True)
        )
        .order_by("-n")
        .first()
    )
    return UserFactory(username="walker", role=Role.PARTNER_EDITOR, organisation=organisation)


@pytest.mark.parametrize("role", ["anonymous", "partner"])
def test_no_endpoint_shows_internal_fields(api_client_for, partner_of_everything, role):
    client = api_client_for(partner_of_everything if role == "partner" else None)
    leaks, answered = [], 0
    for prefix in endpoints():
        listing = client.get(f"/api/v1/{prefix}/")
        if listing.status_code != 200:
            continue
        answered += 1
        body = listing.json()
        leaks += leaked(body, prefix)
        for item in (body.get("results", body) if isinstance(body, dict) else body)[:5]:
            if isinstance(item, dict) and item.get("url"):
                detail = client.get(item["url"])
                assert detail.status_code == 200
                leaks += leaked(detail.json(), f"{prefix}/{item.get('id')}")
    assert answered >= 2
    assert leaks == []
