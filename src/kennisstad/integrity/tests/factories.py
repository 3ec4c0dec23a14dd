import datetime
from decimal import Decimal

import factory

from kennisstad.integrity.models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip


class OfficeHolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeHolder

    name = factory.Sequence(lambda n: f"Bestuurder {n}")
    function = "alderman"
    portfolio = "Wethouder Economische Zaken"


class GiftReceivedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GiftReceived

    recipient = factory.SubFactory(OfficeHolderFactory)
    received_on = datetime.date(2027, 3, 10)
    giver_name = "Delegatie"
    occasion = "Bezoek"
    description_nl = factory.Sequence(lambda n: f"Cadeau {n}")
    estimated_value = Decimal("100.00")
    disposition = "municipality"


class GiftGivenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GiftGiven

    given_on = datetime.date(2027, 3, 10)
    giver = "Burgemeester"
    recipient = "Vice-burgemeester"
    description_nl = factory.Sequence(lambda n: f"Relatiegeschenk {n}")
    estimated_value = Decimal("95.00")


class ThirdPartyTripFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThirdPartyTrip

    office_holder = factory.SubFactory(OfficeHolderFactory)
    kind = "trip"
    paid_by = "Samenwerkingsverband Noord-Nederland"
    destination = "Brussel"
    destination_country = "BE"
    starts_on = datetime.date(2027, 3, 9)
    ends_on = datetime.date(2027, 3, 10)
    purpose = "Lobby"
    estimated_value = Decimal("427.40")
