"""The purge runs every kind with the period in force and touches only what is past it: a
record whose period ends today stays, one a day older goes; a dry run changes nothing; each
kind is logged with its count."""

import datetime
import logging

import pytest
from django.utils import timezone

from kennisstad.delegations.models import DelegationMember
from kennisstad.delegations.tests.factories import DelegationFactory
from kennisstad.newsletter.models import Subscriber
from kennisstad.newsletter.tests.factories import SubscriberFactory
from kennisstad.privacy.registry import months_before
from kennisstad.privacy.services import purge_personal_data
from kennisstad.relations.models import Interaction, Person
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 6, 15)
KIND_EVENT = "privacy.purge.kind"


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def records():
    person_cutoff = months_before(TODAY, 24)
    last_day = PersonFactory(last_contact_on=person_cutoff)
    expired = PersonFactory(last_contact_on=person_cutoff - datetime.timedelta(days=1))
    moment_cutoff = months_before(TODAY, 60)
    kept_moment = InteractionFactory(happened_on=moment_cutoff, notes="Vertrouwelijk")
    old_moment = InteractionFactory(happened_on=moment_cutoff - datetime.timedelta(days=1))
    old_moment.people.add(last_day)
    gone_cutoff = months_before(TODAY, 1)
    subscribed = {
        "recent": SubscriberFactory(status="unsubscribed", unsubscribed_at=_at(gone_cutoff)),
        "old": SubscriberFactory(
            status="unsubscribed", unsubscribed_at=_at(gone_cutoff - datetime.timedelta(days=1))
        ),
    }
    visit_cutoff = months_before(TODAY, 24)
    members = {}
    for name, day in (("recent", visit_cutoff), ("old", visit_cutoff - datetime.timedelta(2))):
        delegation = DelegationFactory()
        type(delegation.activity).objects.filter(pk=delegation.activity_id).update(
            starts_at=_at(day) - datetime.timedelta(hours=3), ends_at=_at(day)
        )
        members[name] = DelegationMember.objects.create(
            delegation=delegation, person=PersonFactory(), function="Wethouder"
        )
    return locals()


def test_the_dry_run_changes_nothing(records):
    run = purge_personal_data(dry_run=True, today=TODAY)
    assert run.counts["relations.person"] == 1
    assert run.counts["relations.interaction"] == 1
    assert run.counts["newsletter.subscriber"] == 1
    assert run.counts["delegations.member"] == 1
    assert Person.objects.filter(erased_at__isnull=False).count() == 0
    assert Subscriber.objects.count() == 2


def test_only_what_is_past_its_period_goes(records, caplog):
    with caplog.at_level(logging.INFO, logger="kennisstad.events"):
        run = purge_personal_data(today=TODAY)
    assert run.failed == {}
    records["expired"].refresh_from_db()
    records["last_day"].refresh_from_db()
    assert records["expired"].erased_at is not None and records["expired"].first_name == ""
    assert records["last_day"].erased_at is None
    old_moment = Interaction.objects.get(pk=records["old_moment"].pk)
    assert (old_moment.subject, old_moment.notes) == ("", "")
    assert old_moment.anonymised_on == TODAY
    assert old_moment.people.count() == 1  # the count of participants stays
    assert Interaction.objects.get(pk=records["kept_moment"].pk).notes == "Vertrouwelijk"
    assert not Subscriber.objects.filter(pk=records["subscribed"]["old"].pk).exists()
    assert Subscriber.objects.filter(pk=records["subscribed"]["recent"].pk).exists()
    members = records["members"]
    assert DelegationMember.objects.get(pk=members["old"].pk).function == ""
    assert DelegationMember.objects.get(pk=members["recent"].pk).function == "Wethouder"
    events = [r.event_fields for r in caplog.records if getattr(r, "event", "") == KIND_EVENT]
    assert {e["kind"]: e["count"] for e in events}["relations.interaction"] == 1
    assert purge_personal_data(today=TODAY).counts["relations.person"] == 0  # nothing twice
