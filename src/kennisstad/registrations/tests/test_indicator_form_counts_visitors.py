"""The indicator form sets up a rule counting the visitors of one organiser's activities."""

import pytest
from django.forms.models import model_to_dict

from kennisstad.indicators.forms import IndicatorForm
from kennisstad.indicators.tests.factories import IndicatorFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_form_stores_an_attendees_rule():
    iwcn = OrganisationFactory(name="International Welcome Center North")
    indicator = IndicatorFactory()
    data = {k: v for k, v in model_to_dict(indicator).items() if v is not None}
    data.update(
        method="computed",
        version=indicator.version,
        rule_subject="attendees",
        rule_activity_kind="reception",
        rule_organiser=str(iwcn.pk),
        rule_attendance="confirmed",
    )
    form = IndicatorForm(data=data, instance=indicator)
    assert form.is_valid(), form.errors
    assert form.instance.rule == {
        "subject": "attendees",
        "activity_kind": "reception",
        "organiser": iwcn.pk,
        "attendance": "confirmed",
    }
