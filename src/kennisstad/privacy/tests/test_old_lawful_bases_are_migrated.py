"""The data migration moves stored people to the new rules: legitimate interest without a
justification becomes public task, a valid basis stays, and every contact person gets a last
contact (latest of the last change and the latest contact moment) and a retention date from
it."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from kennisstad.relations.models import Person
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "kennisstad.relations.migrations.0005_lawful_bases_and_last_contact_data"
)


def test_old_values_are_mapped_and_last_contact_filled():
    old = PersonFactory(lawful_basis="consent")
    Person.objects.filter(pk=old.pk).update(
        lawful_basis="legitimate_interest", lawful_basis_justification="", last_contact_on=None
    )
    justified = PersonFactory(lawful_basis="consent")
    Person.objects.filter(pk=justified.pk).update(
        lawful_basis="legitimate_interest",
        lawful_basis_justification="Sponsoring, not a task of the municipality.",
    )
    consent = PersonFactory(lawful_basis="consent")
    met_on = timezone.localdate() + datetime.timedelta(days=10)
    InteractionFactory(happened_on=met_on).people.add(consent)

    migration.forwards(apps, None)

    old.refresh_from_db()
    justified.refresh_from_db()
    consent.refresh_from_db()
    assert old.lawful_basis == "public_task"
    assert justified.lawful_basis == "legitimate_interest"
    assert consent.lawful_basis == "consent"
    assert old.last_contact_on == timezone.localdate()
    assert consent.last_contact_on == met_on
    assert consent.retain_until == met_on.replace(year=met_on.year + 2)
