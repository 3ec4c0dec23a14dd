"""Test data for the programme structure and the P&C documents."""

import datetime

import factory

from kennisstad.policy.models import Deadline, Document, DocumentKind, PolicyArea

# The chain of Groningen's begroting above the seed chapter's policy field.
SEED_TREE = [
    ("2", "Economie en werkgelegenheid"),
    ("2.1", "Economische structuur"),
    ("2.1.4", "Kennissectoren"),
]


class PolicyAreaFactory(factory.django.DjangoModelFactory):
    """A programme (no parent) unless given a parent and a code below it."""

    class Meta:
        model = PolicyArea
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(n + 10))
    title_nl = factory.Sequence(lambda n: f"Programma {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        django_get_or_create = ["kind", "year"]

    kind = DocumentKind.BEGROTING
    year = 2018


def seed_policy_field() -> PolicyArea:
    """Policy field 2.1.4 Kennissectoren with its programme and sub-programme."""
    parent = None
    for code, title_nl in SEED_TREE:
        parent = PolicyAreaFactory(code=code, title_nl=title_nl, parent=parent)
    return parent


class DeadlineFactory(factory.django.DjangoModelFactory):
    """The input deadline for a begroting (or another kind), due in spring of the year before."""

    class Meta:
        model = Deadline
        django_get_or_create = ["document_kind", "year", "sequence"]

    document_kind = DocumentKind.BEGROTING
    year = 2019
    sequence = 1
    due_on = datetime.date(2018, 5, 15)
    remind_days_before = 14
