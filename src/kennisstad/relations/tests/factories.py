import datetime

import factory

from kennisstad.relations.models import Interaction, Organisation, OrganisationKind, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.KNOWLEDGE_INSTITUTION
    country = "NL"
    city = "Groningen"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    lawful_basis = "public_task"
    retain_until = datetime.date(2030, 1, 1)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    happened_on = datetime.date(2026, 11, 1)
    kind = "meeting"
    subject = factory.Sequence(lambda n: f"Meeting {n}")
