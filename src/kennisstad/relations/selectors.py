"""Reads over the relations registry."""

from django.db.models import QuerySet

from .models import Interaction, Organisation, Person


def organisation_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Organisation.objects.all() if queryset is None else queryset
    return queryset.select_related("relationship_owner").order_by("name", "id")


def person_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Person.objects.all() if queryset is None else queryset
    queryset = queryset.filter(erased_at__isnull=True)  # erased contacts are no contacts
    return queryset.prefetch_related("organisations").order_by("last_name", "first_name", "id")


def interactions_with(organisation: Organisation) -> QuerySet:
    return (
        Interaction.objects.filter(organisations=organisation)
        .select_related("owner")
        .order_by("-happened_on")
    )
