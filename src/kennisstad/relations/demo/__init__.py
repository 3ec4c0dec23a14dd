"""Loads the relations part of the demo (``scenario``) through the relations services: tags,
organisations with their relationship owners, contact persons and interactions."""

import datetime
from functools import partial

from kennisstad.core.demo import DemoLoad
from kennisstad.relations.models import Interaction, Organisation, Person, Tag
from kennisstad.relations.services import save_interaction, save_organisation, save_person

from .scenario import (
    INTERACTIONS,
    ORGANISATIONS,
    PEOPLE,
    InteractionSpec,
    OrganisationSpec,
    PersonSpec,
)

__all__ = ["PersonSpec", "load_interactions", "load_organisations", "load_people"]


def load_organisations(demo: DemoLoad) -> None:
    for key, spec in ORGANISATIONS.items():
        demo.refs["organisations"][key] = demo.ensure(
            "organisations",
            Organisation,
            {"name": spec.name},
            partial(_create_organisation, demo, spec),
        )


def _create_organisation(demo: DemoLoad, spec: OrganisationSpec) -> Organisation:
    organisation = Organisation(
        name=spec.name,
        abbreviation=spec.abbreviation,
        kind=spec.kind,
        country=spec.country,
        city=spec.city,
        website=spec.website,
        description_nl=spec.description_nl,
        description_en=spec.description_en,
        relationship_owner=demo.refs["users"][spec.owner],
    )
    tags = [Tag.objects.get_or_create(name=name)[0] for name in spec.tags]
    return save_organisation(organisation=organisation, user=None, tags=tags)


def load_people(demo: DemoLoad, people: dict[str, PersonSpec] = PEOPLE) -> None:
    """The contact persons (or ``people``: other apps add their own, e.g. a visiting mayor)."""
    for key, spec in people.items():
        demo.refs["people"][key] = demo.ensure(
            "people", Person, {"email": spec.email}, partial(_create_person, demo, spec)
        )


def _create_person(demo: DemoLoad, spec: PersonSpec) -> Person:
    person = Person(
        first_name=spec.first_name,
        last_name=spec.last_name,
        job_title=spec.job_title,
        email=spec.email,
        preferred_language=spec.preferred_language,
        lawful_basis=spec.lawful_basis,
    )
    organisations = demo.each("organisations", spec.organisations)
    return save_person(person=person, user=None, organisations=organisations)


def load_interactions(demo: DemoLoad) -> None:
    for spec in INTERACTIONS:
        demo.ensure(
            "interactions",
            Interaction,
            {"subject": spec.subject},
            partial(_create_interaction, demo, spec),
        )


def _create_interaction(demo: DemoLoad, spec: InteractionSpec) -> Interaction:
    follow_up_on = None
    if spec.follow_up_in_days is not None:
        follow_up_on = demo.today + datetime.timedelta(days=spec.follow_up_in_days)
    interaction = Interaction(
        happened_on=demo.today - datetime.timedelta(days=spec.days_ago),
        kind=spec.kind,
        subject=spec.subject,
        notes=spec.notes,
        follow_up_on=follow_up_on,
        owner=demo.refs["users"][spec.owner],
    )
    return save_interaction(
        interaction=interaction,
        user=None,
        organisations=demo.each("organisations", spec.organisations),
        people=demo.each("people", spec.people),
    )
