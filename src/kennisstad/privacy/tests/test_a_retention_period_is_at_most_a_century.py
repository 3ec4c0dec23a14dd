"""A retention period longer than a hundred years is a typo, and would overflow the purge's
date arithmetic every night (the purge of that kind would silently stop): refused on the field."""

import pytest
from django.core.exceptions import ValidationError

from kennisstad.privacy.models import RetentionPeriod
from kennisstad.privacy.services import save_retention_period

pytestmark = pytest.mark.django_db


def test_a_period_of_two_billion_months_is_refused(administrator):
    period = RetentionPeriod(kind="relations.person", months=2147483647, ground="typo")
    with pytest.raises(ValidationError) as refused:
        save_retention_period(period=period, user=administrator)
    assert "months" in refused.value.message_dict
    assert not RetentionPeriod.objects.filter(kind="relations.person").exists()
