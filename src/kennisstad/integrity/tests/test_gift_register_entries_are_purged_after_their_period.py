"""A gifts-register entry is a record kind with its own retention period (seven years after the
gift by default): past it, the entry loses the link to the giver's contact record, and an entry
that never was in the published register loses the giver's name too; a published entry keeps
the name as published. Entries within the period are untouched."""

import datetime
from decimal import Decimal

import pytest

from kennisstad.integrity.models import GiftReceived
from kennisstad.privacy.selectors import register_rows
from kennisstad.privacy.services import purge_personal_data
from kennisstad.relations.tests.factories import PersonFactory

from .factories import GiftReceivedFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)  # seven years after 2018-06-01


@pytest.fixture
def gifts():
    giver = PersonFactory(first_name="Wei", last_name="Zhangsan")
    old, recent = datetime.date(2018, 5, 31), datetime.date(2018, 6, 1)
    return {
        "published": GiftReceivedFactory(
            giver_person=giver, giver_name="Wei Zhangsan", received_on=old
        ),
        "unpublished": GiftReceivedFactory(
            giver_person=giver,
            giver_name="Wei Zhangsan",
            received_on=old,
            estimated_value=Decimal("40.00"),
            disposition="kept",
        ),
        "recent": GiftReceivedFactory(
            giver_person=giver, giver_name="Wei Zhangsan", received_on=recent
        ),
    }


def test_the_dry_run_counts_and_changes_nothing(gifts):
    run = purge_personal_data(dry_run=True, today=TODAY, only=["integrity.gift"])
    assert run.counts["integrity.gift"] == 2
    assert GiftReceived.objects.filter(giver_person__isnull=False).count() == 3


def test_past_its_period_the_link_goes_and_the_published_name_stays(gifts):
    purge_personal_data(today=TODAY, only=["integrity.gift"])
    published, unpublished, recent = (
        GiftReceived.objects.get(pk=gifts[key].pk) for key in ("published", "unpublished", "recent")
    )
    assert (published.giver_person_id, published.giver_name) == (None, "Wei Zhangsan")
    assert unpublished.giver_person_id is None
    assert "Zhangsan" not in unpublished.giver_name
    assert not GiftReceived.history.filter(id=unpublished.pk, giver_name__contains="Zhang").exists()
    assert (recent.giver_person_id, recent.giver_name) == (
        gifts["recent"].giver_person_id,
        "Wei Zhangsan",
    )


def test_the_kind_is_in_the_processing_register():
    [row] = [row for row in register_rows() if row.activity.key == "integrity.registers"]
    assert [(item.kind.key, item.months) for item in row.retention] == [("integrity.gift", 84)]
