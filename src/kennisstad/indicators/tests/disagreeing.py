"""Two adopted documents that disagree about one year, as the real ones do: Behaald 2016 of
2.1.4 is 2 in the Begroting 2018 and 8 in the Jaarverslag 2017. Shared by the tests of the
indicator page, the dashboard and the portal."""

import datetime
from decimal import Decimal

from kennisstad.indicators.models import Indicator, Origin, Realisation
from kennisstad.indicators.tests.factories import IndicatorFactory, RealisationFactory
from kennisstad.policy.models import Document, DocumentStatus

D = datetime.date


def adopt(document: Document) -> Document:
    """Give ``document`` the first status in which the council has adopted it (whichever the
    cycle's statuses are), with a decision date where the model records one."""
    for status in DocumentStatus.values:
        document.status = status
        if hasattr(document, "adopted_on"):
            document.adopted_on = D(document.year - 1, 11, 9)
        if document.is_adopted:
            break
    document.save()
    return document


def adopted_document(kind: str, year: int) -> Document:
    return adopt(Document(kind=kind, year=year))


def imported(indicator: Indicator, document: Document, value: int, measured_on) -> Realisation:
    return RealisationFactory(
        indicator=indicator,
        year=2016,
        value=Decimal(value),
        origin=Origin.IMPORTED,
        measured_on=measured_on,
        source_document=document,
    )


def disagreeing_2016(**indicator_fields) -> tuple[Indicator, Realisation, Realisation]:
    """The indicator and its two adopted values of 2016: (begroting's, jaarverslag's)."""
    indicator = IndicatorFactory(
        name_nl="Aantal samenwerkingsprojecten kennis en innovatie", **indicator_fields
    )
    begroting = adopted_document("begroting", 2018)
    jaarverslag = adopted_document("jaarstukken", 2017)
    return (
        indicator,
        imported(indicator, begroting, 2, D(2017, 9, 1)),
        imported(indicator, jaarverslag, 8, D(2018, 3, 1)),
    )


def recount(
    indicator: Indicator, value: int, measured_on: datetime.date | None = None
) -> Realisation:
    """A computed value of 2016 counted later (by default on 1 March 2020)."""
    return RealisationFactory(
        indicator=indicator,
        year=2016,
        value=Decimal(value),
        origin=Origin.COMPUTED,
        measured_on=measured_on or D(2020, 3, 1),
    )
