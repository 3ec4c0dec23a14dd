"""Once an adopted jaarstukken reports a value it is the official figure; a later recount shows
beside it and never replaces it. Without an adopted document the newest value is shown; a value a
team member marked authoritative comes before both."""

import datetime
from decimal import Decimal

import pytest

from kennisstad.indicators import selectors, services
from kennisstad.indicators.models import Origin
from kennisstad.indicators.tests.factories import IndicatorFactory, RealisationFactory
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db
D = datetime.date


def jaarstukken(status=DocumentStatus.PUBLISHED):
    """Adopted by the council (a recorded decision) unless a draft."""
    adopted_on = D(2019, 7, 1) if status != DocumentStatus.DRAFT else None
    return Document.objects.create(
        kind="jaarstukken", year=2018, status=status, adopted_on=adopted_on
    )


def test_the_adopted_figure_stays_and_the_recount_shows_beside_it():
    indicator = IndicatorFactory()
    adopted = RealisationFactory(
        indicator=indicator,
        year=2018,
        value=Decimal(6),
        origin=Origin.IMPORTED,
        measured_on=D(2019, 4, 1),
        source_document=jaarstukken(),
    )
    recount = RealisationFactory(
        indicator=indicator, year=2018, value=Decimal(7), measured_on=D(2020, 3, 1)
    )
    figure = selectors.official_realisations([indicator.pk], [2018])[(indicator.pk, 2018)]
    assert (figure.realisation, figure.basis, figure.recount) == (adopted, "adopted", recount)
    assert figure.differs
    assert [(i, year) for i, year, _f in selectors.differing_figures()] == [(indicator, 2018)]


def test_without_an_adopted_document_the_newest_is_shown():
    indicator = IndicatorFactory()
    RealisationFactory(
        indicator=indicator,
        year=2018,
        value=Decimal(6),
        origin=Origin.IMPORTED,
        measured_on=D(2019, 4, 1),
        source_document=jaarstukken(DocumentStatus.DRAFT),
    )
    newest = RealisationFactory(
        indicator=indicator, year=2018, value=Decimal(7), measured_on=D(2020, 3, 1)
    )
    figure = selectors.official_realisations([indicator.pk], [2018])[(indicator.pk, 2018)]
    assert (figure.realisation, figure.basis, figure.recount) == (newest, "newest", None)
    assert selectors.differing_figures() == []


def test_a_chosen_value_comes_first_and_is_logged(team_member, caplog):
    indicator = IndicatorFactory()
    older = RealisationFactory(indicator=indicator, year=2018, value=Decimal(5))
    RealisationFactory(
        indicator=indicator,
        year=2018,
        value=Decimal(6),
        origin=Origin.IMPORTED,
        measured_on=D(2019, 4, 1),
        source_document=jaarstukken(),
    )
    with pytest.raises(Exception) as refused:
        services.choose_authoritative(
            indicator=indicator, year=2018, record=older, reason=" ", user=team_member
        )
    assert "reason" in refused.value.message_dict
    choice = services.choose_authoritative(
        indicator=indicator,
        year=2018,
        record=older,
        reason="Telling gecorrigeerd",
        user=team_member,
    )
    figure = selectors.official_realisations([indicator.pk], [2018])[(indicator.pk, 2018)]
    assert (figure.realisation, figure.basis, figure.choice) == (older, "chosen", choice)
    assert choice.history.first().history_user == team_member
    services.withdraw_authoritative(
        indicator=indicator, year=2018, kind="realisation", user=team_member
    )
    figure = selectors.official_realisations([indicator.pk], [2018])[(indicator.pk, 2018)]
    assert figure.basis == "adopted"
