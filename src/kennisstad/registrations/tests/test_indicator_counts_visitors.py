"""An indicator rule counts the visitors of activities: who checked in (or the confirmed
registrations) at activities of a kind and organiser dated in a year, e.g. visitors of IWCN
events."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.indicators.rules import RuleError, count_per_year, describe, parse_rule
from kennisstad.relations.tests.factories import OrganisationFactory

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def iwcn_events():
    iwcn = OrganisationFactory(name="International Welcome Center North")
    other = OrganisationFactory(name="Elders")
    moments = {
        2025: timezone.make_aware(datetime.datetime(2025, 9, 1, 17)),
        2026: timezone.make_aware(datetime.datetime(2026, 3, 1, 17)),
    }
    for year, start in moments.items():
        for organiser in (iwcn, other):
            activity = public_activity(
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                organiser_organisation=organiser,
            )
            RegistrationSettingsFactory(activity=activity)
            for _number in range(3 if year == 2025 else 2):
                RegistrationFactory(activity=activity, checked_in_at=start)
                RegistrationFactory(activity=activity)  # registered, did not check in
            RegistrationFactory(activity=activity, status="cancelled", checked_in_at=None)
    return iwcn


def test_checked_in_visitors_of_one_organiser_per_year(iwcn_events):
    rule = parse_rule(
        {"subject": "attendees", "organiser": iwcn_events.pk, "activity_kind": "reception"}
    )
    assert count_per_year(rule, [2024, 2025, 2026]) == {2024: 0, 2025: 3, 2026: 2}
    assert "International Welcome Center North" in describe(rule)


def test_confirmed_registrations_instead(iwcn_events):
    rule = parse_rule(
        {"subject": "attendees", "organiser": iwcn_events.pk, "attendance": "confirmed"}
    )
    assert count_per_year(rule, [2025, 2026]) == {2025: 6, 2026: 4}


def test_bad_rules_name_the_field():
    with pytest.raises(RuleError, match="organiser"):
        parse_rule({"subject": "attendees", "organiser": 999999})
    with pytest.raises(RuleError, match="attendance"):
        parse_rule({"subject": "attendees", "attendance": "everyone"})
    with pytest.raises(RuleError, match="attendance"):
        parse_rule({"subject": "activities", "attendance": "confirmed"})
