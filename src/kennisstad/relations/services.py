"""Writes on organisations, people and interactions; every form, API call and import goes here."""

from collections.abc import Iterable

from django.db import transaction

from kennisstad.core.services import save_record

from .models import Interaction, Organisation, Person


@transaction.atomic
def save_organisation(
    *,
    organisation: Organisation,
    user,
    expected_version: int | None = None,
    tags: Iterable | None = None,
) -> Organisation:
    many = {"tags": tags} if tags is not None else None
    return save_record(
        instance=organisation, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def save_person(
    *,
    person: Person,
    user,
    expected_version: int | None = None,
    organisations: Iterable | None = None,
) -> Person:
    many = {"organisations": organisations} if organisations is not None else None
    return save_record(
        instance=person, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def save_interaction(
    *,
    interaction: Interaction,
    user,
    expected_version: int | None = None,
    organisations: Iterable | None = None,
    people: Iterable | None = None,
) -> Interaction:
    many = {}
    if organisations is not None:
        many["organisations"] = organisations
    if people is not None:
        many["people"] = people
    if interaction.owner_id is None and getattr(user, "is_authenticated", False):
        interaction.owner = user
    return save_record(
        instance=interaction, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def complete_follow_up(
    *, interaction: Interaction, user, expected_version: int, done_on=None
) -> Interaction:
    """Mark the follow-up of a contact moment as done (today unless ``done_on`` is given)."""
    from django.utils import timezone

    interaction.follow_up_done_on = done_on or timezone.localdate()
    return save_record(instance=interaction, user=user, expected_version=expected_version)
