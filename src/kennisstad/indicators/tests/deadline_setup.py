"""A begroting 2019 chapter for policy field 2.1.4 with manual indicators, and its input
deadline, for the tests of missing values and reminders."""

import datetime
from decimal import Decimal

from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.policy.models import Document, DocumentKind

from .factories import IndicatorFactory, policy_field

DUE = datetime.date(2018, 5, 15)


def chapter_with(*indicators: Indicator, kind: str = DocumentKind.BEGROTING, year: int = 2019):
    """A document of ``kind`` and ``year`` whose 2.1.4 chapter shows ``indicators``."""
    document, _created = Document.objects.get_or_create(kind=kind, year=year)
    chapter, _created = Chapter.objects.get_or_create(document=document, policy_area=policy_field())
    for order, indicator in enumerate(indicators):
        ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=order)
    return chapter


def complete(indicator: Indicator, *, realised_year: int = 2017, target_year: int = 2019):
    """Give ``indicator`` what begroting 2019 needs: achieved 2017 and a target for 2019."""
    Realisation.objects.create(
        indicator=indicator,
        year=realised_year,
        value=Decimal("4"),
        measured_on=datetime.date(2018, 3, 1),
    )
    Target.objects.create(
        indicator=indicator,
        year=target_year,
        comparator=">",
        value=Decimal("5"),
        display_text="> 5",
    )


def owned_indicators(**owners) -> dict[str, Indicator]:
    """One manual indicator per keyword, owned as given (a user, an organisation or None)."""
    result = {}
    for name, owner in owners.items():
        kwargs = {}
        if owner is not None and owner._meta.model_name == "user":
            kwargs["owner"] = owner
        elif owner is not None:
            kwargs["owner_organisation"] = owner
        result[name] = IndicatorFactory(
            name_nl=f"Indicator {name}", name_en=f"Indicator {name}", **kwargs
        )
    return result
