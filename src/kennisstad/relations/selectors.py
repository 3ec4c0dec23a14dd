"""Reads over the relations registry."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import F, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from kennisstad.accounts.models import User

from .models import Interaction, Organisation, Person


def organisation_list(*, queryset: QuerySet[Organisation] | None = None) -> QuerySet[Organisation]:
    queryset = Organisation.objects.all() if queryset is None else queryset
    return queryset.select_related("relationship_owner").order_by("name", "id")


def person_list(*, queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    queryset = Person.objects.all() if queryset is None else queryset
    queryset = queryset.filter(erased_at__isnull=True)  # erased contacts are no contacts
    # The organisations' names only, unordered: sorting the prefetch made PostgreSQL walk the
    # name index of every organisation.
    organisations = Prefetch("organisations", Organisation.objects.only("pk", "name").order_by())
    return queryset.prefetch_related(organisations).order_by("last_name", "first_name", "id")


def interactions_with(organisation: Organisation) -> QuerySet[Interaction]:
    return (
        Interaction.objects.filter(organisations=organisation)
        .select_related("owner")
        .order_by("-happened_on")
    )


def interaction_list(*, queryset: QuerySet[Interaction] | None = None) -> QuerySet[Interaction]:
    queryset = Interaction.objects.all() if queryset is None else queryset
    return queryset.select_related("owner").prefetch_related("organisations", "people")


def open_follow_ups(*, owner: User) -> QuerySet[Interaction]:
    """The follow-ups ``owner`` still has to do, the most urgent first."""
    return (
        interaction_list()
        .filter(owner=owner, follow_up_on__isnull=False, follow_up_done_on__isnull=True)
        .order_by("follow_up_on", "pk")
    )


def dormant_relations(
    *, owner: User, months: int, today: datetime.date | None = None
) -> QuerySet[Organisation]:
    """Organisations ``owner`` is relationship owner of without a contact moment in the last
    ``months`` months (or ever), the longest silent first."""
    since = (today or timezone.localdate()) - relativedelta(months=months)
    return (
        Organisation.objects.filter(relationship_owner=owner)
        .annotate(last_contact=Max("interactions__happened_on"))
        .filter(Q(last_contact__lt=since) | Q(last_contact__isnull=True))
        .order_by(F("last_contact").asc(nulls_first=True), "name", "pk")
    )
