"""Every kind of record has a default period with its ground; the municipality overrides it
(with a ground, more than zero months) on the team-admin page, only an administrator may, and
the contact persons' retention dates follow the new period."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kennisstad.privacy import selectors
from kennisstad.privacy.models import RetentionPeriod
from kennisstad.privacy.registry import months_after, record_kinds
from kennisstad.privacy.services import save_retention_period
from kennisstad.relations.models import Person
from kennisstad.relations.services import save_person

pytestmark = pytest.mark.django_db

KINDS = {
    "relations.person": 24,
    "relations.interaction": 60,
    "registrations.registration": 3,
    "newsletter.subscriber": 1,
    "delegations.member": 24,
}


def test_every_kind_has_a_default_with_its_ground():
    for key, months in KINDS.items():
        current = selectors.retention(key)
        assert current.months == months
        assert current.ground and not current.overridden
        assert str(record_kinds[key].starts_from)


def test_the_municipality_overrides_a_period(django_capture_on_commit_callbacks, team_member):
    person = save_person(
        person=Person(first_name="Piet", last_name="Smit", lawful_basis="public_task"),
        user=team_member,
    )
    assert person.retain_until == months_after(timezone.localdate(), 24)
    with django_capture_on_commit_callbacks(execute=True):
        save_retention_period(
            period=RetentionPeriod(kind="relations.person", months=6, ground="Collegebesluit"),
            user=None,
        )
    assert selectors.retention("relations.person").months == 6
    assert selectors.retention("relations.person").ground == "Collegebesluit"
    person.refresh_from_db()
    assert person.retain_until == months_after(timezone.localdate(), 6)
    assert selectors.cutoff("relations.person", datetime.date(2027, 8, 31)) == datetime.date(
        2027, 2, 28
    )


@pytest.mark.parametrize(
    ("months", "ground", "field"), [(0, "Besluit", "months"), (12, "  ", "ground")]
)
def test_a_period_needs_months_and_a_ground(months, ground, field):
    with pytest.raises(ValidationError) as refused:
        save_retention_period(
            period=RetentionPeriod(kind="relations.person", months=months, ground=ground),
            user=None,
        )
    assert field in refused.value.message_dict
    assert not RetentionPeriod.objects.exists()


def test_an_administrator_sets_it_on_the_page_and_a_team_member_may_not(
    client_for, administrator, team_member
):
    url = reverse("privacy:retention-edit", args=["newsletter.subscriber"])
    assert client_for(team_member).get(url).status_code == 403
    form = client_for(administrator).get(url).content.decode()
    assert f'href="{reverse("privacy:retention")}"' in form  # Cancel leads back to the list
    assert client_for(administrator).get(url.replace("newsletter", "nothing")).status_code == 404
    assert client_for(team_member).get(reverse("privacy:retention")).status_code == 200
    response = client_for(administrator).post(url, {"months": "2", "ground": "Raadsbesluit"})
    assert response.status_code == 302
    saved = RetentionPeriod.objects.get(kind="newsletter.subscriber")
    assert (saved.months, saved.ground, saved.updated_by) == (2, "Raadsbesluit", administrator)
    page = client_for(team_member).get(reverse("privacy:retention")).content.decode()
    assert "Raadsbesluit" in page
