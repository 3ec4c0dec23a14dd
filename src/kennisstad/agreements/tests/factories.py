import datetime

import factory

from kennisstad.agreements.models import Agreement, AgreementKind, AgreementParty, PartyRole
from kennisstad.relations.models import OrganisationKind
from kennisstad.relations.tests.factories import OrganisationFactory


class PartnerCityFactory(OrganisationFactory):
    kind = OrganisationKind.FOREIGN_GOVERNMENT
    country = "DE"
    city = factory.Sequence(lambda n: f"Stadt {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    """An agreement signed a year ago, with no expiry, and a partner city as its signatory."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title_nl = factory.Sequence(lambda n: f"Overeenkomst {n}")
    title_en = factory.Sequence(lambda n: f"Agreement {n}")
    kind = AgreementKind.MEMORANDUM
    signed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=365))

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if not create:
            return
        for organisation in extracted if extracted is not None else [PartnerCityFactory()]:
            AgreementParty.objects.create(
                agreement=self, organisation=organisation, role=PartyRole.SIGNATORY
            )
