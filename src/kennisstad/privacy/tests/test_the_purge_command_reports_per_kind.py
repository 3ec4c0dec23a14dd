"""``kennisstad purge-personal-data --dry-run`` counts per kind and erases nobody; an unknown
kind is an error that names it; ``--kind`` purges only that kind."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kennisstad.relations.models import Person
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_dry_run_then_one_kind():
    long_ago = datetime.date(2000, 1, 1)
    person = PersonFactory(last_contact_on=long_ago)
    out = StringIO()
    call_command("purge-personal-data", "--dry-run", stdout=out)
    assert "relations.person: would purge 1" in out.getvalue()
    assert Person.objects.get(pk=person.pk).erased_at is None

    with pytest.raises(CommandError, match=r"no\.such"):
        call_command("purge-personal-data", "--kind", "no.such")

    out = StringIO()
    call_command("purge-personal-data", "--kind", "relations.person", stdout=out)
    assert "relations.person: purged 1" in out.getvalue()
    assert "relations.interaction" not in out.getvalue()
    assert Person.objects.get(pk=person.pk).erased_at is not None
