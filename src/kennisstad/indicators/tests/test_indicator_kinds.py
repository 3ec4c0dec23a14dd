"""The three kinds of indicator the BBV and the budget distinguish: only a prestatie-indicator is
computed from the registry, a BBV beleidsindicator always names its source, and an imported
table's label decides the kind of the indicators it brings."""

import pytest
from django.core.exceptions import ValidationError

from kennisstad.indicators.models import Indicator, IndicatorKind, Method
from kennisstad.indicators.tests.factories import IndicatorFactory
from kennisstad.planning.document_import import import_document
from kennisstad.planning.tests.factories import printed_chapter, printed_document, printed_table
from kennisstad.projects.models import ProjectCategory

pytestmark = pytest.mark.django_db

RULE = {"subject": "projects", "period": "active", "category": ProjectCategory.COLLABORATION}


def test_an_effect_indicator_cannot_be_computed():
    indicator = IndicatorFactory.build(kind=IndicatorKind.EFFECT, method=Method.COMPUTED, rule=RULE)
    with pytest.raises(ValidationError) as error:
        indicator.full_clean(exclude=["policy_area"])
    assert "method" in error.value.message_dict


def test_a_computed_prestatie_indicator_is_fine():
    indicator = IndicatorFactory.build(method=Method.COMPUTED, rule=RULE)
    indicator.full_clean(exclude=["policy_area"])


def test_a_bbv_indicator_needs_its_source():
    indicator = IndicatorFactory.build(kind=IndicatorKind.STATUTORY, source="  ")
    with pytest.raises(ValidationError) as error:
        indicator.full_clean(exclude=["policy_area"])
    assert "source" in error.value.message_dict
    indicator.source = "waarstaatjegemeente.nl"
    indicator.full_clean(exclude=["policy_area"])


def test_the_api_shows_and_validates_the_kind(api_client_for, team_member):
    indicator = IndicatorFactory(kind=IndicatorKind.STATUTORY, source="CBS")
    client = api_client_for(team_member)
    data = client.get(f"/api/v1/indicators/{indicator.pk}/").json()
    assert (data["kind"], data["source"]) == ("statutory", "CBS")
    response = client.patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"source": "", "version": data["version"]},
        format="json",
    )
    assert response.status_code == 400 and "source" in response.json()


def test_imported_tables_give_their_kind_and_a_bbv_source():
    effect = printed_table(
        (("Realisatie", 2017, "realisation"),),
        {"Waardering van de stad door studenten": ["7,8"]},
        kind="effect",
        label="Effectindicatoren",
    )
    statutory = printed_table(
        (("Realisatie", 2017, "realisation"),),
        {"Banen per 1.000 inwoners": ["812,3"]},
        kind="statutory",
        label="Wettelijke indicatoren",
    )
    chapter = printed_chapter("2.1.4", "Kennisstad", effect, statutory)
    import_document(printed=printed_document("jaarstukken", 2017, chapter))
    kinds = dict(Indicator.objects.values_list("name_nl", "kind"))
    assert kinds == {
        "Waardering van de stad door studenten": "effect",
        "Banen per 1.000 inwoners": "statutory",
    }
    assert Indicator.objects.get(kind="statutory").source == "Jaarstukken 2017"
