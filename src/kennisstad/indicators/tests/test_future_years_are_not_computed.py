"""A year that has not begun gets no computed (Behaald) value: the recompute skips it, and
asking for it alone is refused. Its page shows its target or forecast only."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from kennisstad.indicators.models import Realisation
from kennisstad.indicators.services import compute_all, compute_indicator
from kennisstad.indicators.tests.factories import ComputedIndicatorFactory
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    this_year = timezone.localdate().year
    ProjectFactory(status="active", start_date=datetime.date(this_year - 1, 1, 1), end_date=None)
    return ComputedIndicatorFactory()


def test_compute_all_skips_the_years_after_this_one(indicator):
    this_year = timezone.localdate().year
    results = compute_all(years=range(this_year - 1, this_year + 3))
    assert [r.year for r in results[indicator]] == [this_year - 1, this_year]
    assert not Realisation.objects.filter(year__gt=this_year).exists()


def test_the_command_says_which_years_it_skipped(indicator):
    this_year = timezone.localdate().year
    out = StringIO()
    call_command("compute-indicators", years=f"{this_year}-{this_year + 1}", stdout=out)
    assert f"Skipped {this_year + 1}" in out.getvalue()
    assert set(Realisation.objects.values_list("year", flat=True)) == {this_year}


def test_computing_only_a_future_year_is_refused(indicator):
    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError):
        compute_indicator(indicator=indicator, years=[next_year])
    assert not Realisation.objects.exists()
